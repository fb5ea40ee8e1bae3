//! Writing the site: a build streams its files into a [`Stream`] as they are rendered
//! ([`publish`] does the same with a list held in memory); this module owns everything
//! after that. It keeps two persistent trees, the published `NAME/` and a hidden
//! twin `.NAME.amo/twin`, and a manifest of content hashes per tree. Each build brings the
//! twin up to date by writing only the files whose content differs and deleting only stale
//! ones, then exchanges the two names atomically; a build that changes nothing writes nothing.
//! It refuses folders it did not make, places that hold the site's sources, and survives a
//! kill at any point with the previous site complete and published.
//!
//! One job per file: [`safety`] (where the output may go), [`layout`] (paths, marker),
//! [`manifest`] (records and journal), [`state`] (what a tree holds), [`verdict`] (whether a
//! tree holds a file), [`stream`] (the order of a write), [`apply`] (writing and deleting one
//! file), [`swap`] (publishing), [`lock`], [`cleanup`]
//! (crash leftovers), [`failpoint`] (test-only crash injection).

mod apply;
mod cleanup;
mod error;
mod failpoint;
mod layout;
mod lock;
mod manifest;
mod paths;
mod publish;
mod safety;
mod state;
mod stream;
mod swap;
mod verdict;

pub use error::{Forbidden, PublishError};
pub use failpoint::POINTS as CRASH_POINTS;
pub use layout::{MARKER, OWN_TOP_LEVEL};
pub use manifest::content_hash;
pub use publish::{PublishOptions, PublishReport, preflight, publish};
pub use stream::Stream;

use std::fs;
use std::io;
use std::path::Path;
use walkdir::WalkDir;

/// One file of the built site: a relative path with `/` separators, and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

impl OutputFile {
    pub fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        OutputFile {
            path: path.into(),
            bytes: bytes.into(),
        }
    }
}

/// Reads `dir` (e.g. `static/`) into output files under `prefix`, in sorted order.
pub fn read_tree(dir: &Path, prefix: &str) -> io::Result<Vec<OutputFile>> {
    let mut files = Vec::new();
    if !dir.is_dir() {
        return Ok(files);
    }
    for entry in WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(io::Error::other)?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(dir).map_err(io::Error::other)?;
        let rel: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        files.push(OutputFile::new(
            format!("{prefix}{}", rel.join("/")),
            fs::read(entry.path())?,
        ));
    }
    Ok(files)
}
