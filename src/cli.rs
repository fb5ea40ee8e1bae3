//! The command line: argument definitions and what each command does.

use crate::diagnostics::{
    render_all_styled, render_message, stderr_wants_colour as colour, summary,
};
use crate::pipeline::{self, BuildOptions};
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Builds the bilingual public reporting site of Morocco's compulsory health insurance
/// (AMO): every page in Arabic (`/ar/`, right to left) and French (`/fr/`), with charts,
/// figures and their sources drawn from the YAML statistics in `data/`.
#[derive(Debug, Parser)]
#[command(name = "amo-site", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the whole site, in Arabic and French, into the output folder.
    ///
    /// Reads site.yaml, data/ (statistics), content/ (Markdown pages, `name.ar.md` and
    /// `name.fr.md`) and static/. Every problem found is reported with its file, line and
    /// column; if there is any, nothing is published and the previous output stays as it was.
    Build(BuildArgs),
    /// Check the site without writing it: everything build validates, plus every internal
    /// link and #anchor, every referenced file and every language counterpart. External
    /// links are listed, not fetched. Exits 1 if anything is wrong.
    Check {
        /// Folder of the site to check.
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
    },
    /// Preview the site: build it in memory, serve it, rebuild on every change to content/,
    /// data/, static/, i18n/ or site.yaml and reload open pages. A failed rebuild keeps the
    /// last good site and shows the error in the terminal and the browser.
    Serve {
        /// Folder of the site to serve.
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
        /// Port to listen on (0 picks a free one).
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Address to listen on; loopback unless you mean to share the preview.
        #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
        bind: String,
    },
    /// Create new content from a template (both language files at once).
    #[command(subcommand)]
    New(NewCommand),
}

#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// Create a dated report: content/reports/YYYY-MM-<slug>.ar.md and .fr.md, with complete
    /// front matter and a skeleton body. Never overwrites an existing file.
    Report {
        /// The report's title (its ASCII slug names the files and the URL).
        title: String,
        /// Publication date, YYYY-MM-DD (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        /// Folder of the site.
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
    },
}

#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// Folder of the site to build (holds site.yaml, data/, content/, static/).
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    /// Folder to publish the site into: a new or empty folder, or one amo-site made
    /// (it holds a `.amo-tree` marker). Only changed files are written, and the new site
    /// replaces the old one at once; the hidden `.DIR.amo/` beside it holds amo-site's
    /// second copy and records. Relative paths are taken from the current folder.
    #[arg(long, value_name = "DIR", default_value = "public")]
    pub out: PathBuf,
    /// Print how long each stage of the build took.
    #[arg(long)]
    pub timings: bool,
    /// Draw every chart image and write every workbook again instead of reusing those an
    /// earlier build left in the site's `.amo-cache/` folder (which is then left as it is).
    #[arg(long)]
    pub no_cache: bool,
    /// Take over an existing folder that amo-site did not make, replacing its contents.
    /// Never allowed for /, the home folder, the site folder, a folder that contains it,
    /// or anything inside content/, data/, static/, i18n/ or templates/.
    #[arg(long)]
    pub force: bool,
}

/// Runs a parsed command and returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Build(args) => build(args),
        Command::Check { root } => check(&root),
        Command::Serve { root, port, bind } => match crate::serve::serve(&root, &bind, port) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprint!("{}", render_message(&message, None, colour()));
                ExitCode::from(1)
            }
        },
        Command::New(NewCommand::Report { title, date, root }) => {
            match crate::scaffold::new_report(&root, &title, date.as_deref()) {
                Ok(paths) => {
                    for p in paths {
                        println!("created {}", p.display());
                    }
                    ExitCode::SUCCESS
                }
                Err(message) => {
                    eprint!("{}", render_message(&message, None, colour()));
                    ExitCode::from(1)
                }
            }
        }
    }
}

fn build(args: BuildArgs) -> ExitCode {
    let options = BuildOptions {
        root: args.root,
        out: args.out,
        force: args.force,
        cache: !args.no_cache,
    };
    match pipeline::build(&options) {
        Ok(report) => {
            for note in &report.notes {
                println!("note: {note}");
            }
            if args.timings {
                print!("stages:\n{}", report.timings);
                let c = &report.cache;
                println!(
                    "cache: {} reused, {} made, {} unused entries deleted",
                    c.hits, c.misses, c.pruned
                );
            }
            let w = &report.publish;
            println!(
                "built {} pages ({} files, {} KiB) in Arabic and French into {} in {} ms",
                report.pages,
                report.files,
                report.bytes / 1024,
                options.out.display(),
                report.timings.get("total").unwrap_or_default().as_millis()
            );
            println!(
                "wrote {} files ({} KiB), deleted {}, left {} unchanged; {} folders created, \
                 {} removed; final write phase {} ms",
                w.files_written,
                w.bytes_written / 1024,
                w.files_deleted,
                w.files_unchanged,
                w.dirs_created,
                w.dirs_removed,
                w.elapsed.as_millis()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprint!("{}", e.render_styled("nothing was published", colour()));
            ExitCode::from(1)
        }
    }
}

fn check(root: &std::path::Path) -> ExitCode {
    match crate::check::check(root) {
        Err(e) => {
            eprint!("{}", e.render_styled("nothing was checked", colour()));
            ExitCode::from(1)
        }
        Ok(report) => {
            eprint!("{}", crate::diagnostics::render_warnings(&report.warnings));
            if !report.external.is_empty() {
                println!(
                    "{} external links (listed, not fetched):",
                    report.external.len()
                );
                for (url, pages) in &report.external {
                    println!(
                        "  {url}  ({pages} page{})",
                        if *pages == 1 { "" } else { "s" }
                    );
                }
            }
            if report.problems.is_empty() {
                println!(
                    "checked {} pages and {} links: no problem found",
                    report.pages_checked, report.links_checked
                );
                ExitCode::SUCCESS
            } else {
                eprint!(
                    "{}{}",
                    render_all_styled(&report.problems, colour()),
                    summary(&report.problems, None)
                );
                ExitCode::from(1)
            }
        }
    }
}
