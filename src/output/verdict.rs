//! Whether a tree already holds a file: trusted from its record when the record's hash and
//! the file's fingerprint still match, read and hashed otherwise.

use super::manifest::{Entry, Fingerprint, content_hash};
use super::state::Known;
use std::fs;
use std::path::Path;

/// `Some((record, refreshed))` if `tree` already holds `path` with content `hash` of `len`
/// bytes, `None` if it must be written. `refreshed` tells the record had to be renewed.
pub fn already_holds(
    tree: &Path,
    path: &str,
    len: u64,
    hash: u128,
    known: Option<&Known>,
) -> Option<(Entry, bool)> {
    let recorded = match known? {
        Known::Recorded(e) if e.hash != hash || e.stat.len != len => return None,
        Known::Recorded(e) => Some(*e),
        Known::Unknown => None,
    };
    let full = tree.join(path);
    let md = fs::symlink_metadata(&full).ok()?;
    if !md.file_type().is_file() || md.len() != len {
        return None;
    }
    let stat = Fingerprint::of(&md);
    if recorded.is_some_and(|e| e.stat == stat) {
        return Some((Entry { hash, stat }, false));
    }
    let on_disk = fs::read(&full).ok()?;
    (content_hash(&on_disk) == hash).then_some((Entry { hash, stat }, true))
}
