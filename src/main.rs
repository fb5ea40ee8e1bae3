//! `amo-site`: parses the command line and hands over to the library.

use clap::Parser;

fn main() -> std::process::ExitCode {
    amo_site::cli::run(amo_site::cli::Cli::parse())
}
