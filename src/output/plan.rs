//! The difference between what a build rendered and what a tree holds: which files to
//! write, which to delete, which folders appear or disappear. Files whose record and
//! fingerprint match are trusted without reading; unknown ones are read and hashed.

use super::OutputFile;
use super::manifest::{Entry, Fingerprint, content_hash};
use super::state::{Known, TreeState, parents};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

/// The changes that bring one tree to a build's content.
#[derive(Debug, Default)]
pub struct Plan {
    /// Indexes into the build's files of those to write.
    pub write: Vec<usize>,
    /// Indexes of files already right, with their (possibly refreshed) record.
    pub keep: Vec<(usize, Entry)>,
    /// Files of the tree the build no longer has.
    pub delete: Vec<String>,
    /// Folders to create, parents first.
    pub mkdir: Vec<String>,
    /// Folders to remove if empty, deepest first.
    pub rmdir: Vec<String>,
    /// Whether a kept file's record was refreshed or the tree had no usable manifest.
    pub record_changed: bool,
}

impl Plan {
    /// Whether the tree already holds exactly the build.
    pub fn touches_nothing(&self) -> bool {
        self.write.is_empty()
            && self.delete.is_empty()
            && self.mkdir.is_empty()
            && self.rmdir.is_empty()
    }

    /// Paths the plan creates, rewrites or deletes (for the journal).
    pub fn touched<'a>(&'a self, files: &'a [OutputFile]) -> BTreeSet<&'a str> {
        let written = self.write.iter().map(|&i| files[i].path.as_str());
        written
            .chain(self.delete.iter().map(String::as_str))
            .collect()
    }
}

/// Compares `files` (sorted, with their `hashes`) with `state`, the state of `tree`.
pub fn plan(tree: &Path, files: &[OutputFile], hashes: &[u128], state: &TreeState) -> Plan {
    let verdicts: Vec<Option<(Entry, bool)>> = files
        .par_iter()
        .zip(hashes)
        .map(|(f, &hash)| check(tree, f, hash, state.files.get(&f.path)))
        .collect();
    let mut plan = Plan {
        record_changed: state.needs_record,
        ..Plan::default()
    };
    for (i, v) in verdicts.into_iter().enumerate() {
        match v {
            Some((entry, refreshed)) => {
                plan.record_changed |= refreshed;
                plan.keep.push((i, entry));
            }
            None => plan.write.push(i),
        }
    }
    let wanted: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    plan.delete = (state.files.keys())
        .filter(|p| !wanted.contains(p.as_str()))
        .cloned()
        .collect();
    let mut dirs = BTreeSet::new();
    for f in files {
        for d in parents(&f.path) {
            if !dirs.insert(d) {
                break;
            }
        }
    }
    plan.mkdir = (dirs.iter())
        .filter(|d| !state.dirs.contains(**d))
        .map(|d| d.to_string())
        .collect();
    plan.mkdir.sort_by_key(|d| d.matches('/').count());
    plan.rmdir = (state.dirs.iter())
        .filter(|d| !dirs.contains(d.as_str()))
        .cloned()
        .collect();
    plan.rmdir
        .sort_by_key(|d| std::cmp::Reverse(d.matches('/').count()));
    plan.record_changed |= !plan.touches_nothing();
    plan
}

/// `Some((record, refreshed))` if the file on disk already holds `f`, `None` if it must be
/// written.
fn check(tree: &Path, f: &OutputFile, hash: u128, known: Option<&Known>) -> Option<(Entry, bool)> {
    let recorded = match known? {
        Known::Recorded(e) if e.hash != hash || e.stat.len != f.bytes.len() as u64 => {
            return None;
        }
        Known::Recorded(e) => Some(*e),
        Known::Unknown => None,
    };
    let path = tree.join(&f.path);
    let md = fs::symlink_metadata(&path).ok()?;
    if !md.file_type().is_file() || md.len() != f.bytes.len() as u64 {
        return None;
    }
    let stat = Fingerprint::of(&md);
    if recorded.is_some_and(|e| e.stat == stat) {
        return Some((Entry { hash, stat }, false));
    }
    let on_disk = fs::read(&path).ok()?;
    (content_hash(&on_disk) == hash).then_some((Entry { hash, stat }, true))
}
