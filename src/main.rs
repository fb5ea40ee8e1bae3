//! `amo-site`: parses the command line and hands over to the library.

use clap::Parser;

/// mimalloc rather than glibc's malloc: a build allocates and frees millions of small
/// strings on both threads, often freeing on one what the other allocated, and glibc's
/// arenas then cost about a sixth of the build's time (BENCHMARKS.md, "What changed").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    amo_site::cli::run(amo_site::cli::Cli::parse())
}
