//! What a tree holds before a build touches it: its manifest, with the records a crashed
//! build's journal names marked unknown, or, for a tree without a usable manifest (adopted,
//! forced, or whose state folder was deleted), every file found by walking it, all unknown.

use super::layout::{Layout, MARKER, TreeId};
use super::manifest::{self, Entry, Manifest};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use walkdir::WalkDir;

/// What the writer knows of one file in a tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Known {
    /// Written by amo-site with this content, and not touched since (if the fingerprint
    /// still matches).
    Recorded(Entry),
    /// amo-site's, content unknown: compare with the disk before trusting it.
    Unknown,
}

/// One tree's files and folders as far as the writer knows.
#[derive(Debug, Default)]
pub struct TreeState {
    pub files: BTreeMap<String, Known>,
    /// Folders found on disk or implied by the files (relative, `/`-separated).
    pub dirs: BTreeSet<String>,
    /// Whether the manifest is to be written even if nothing else changes.
    pub needs_record: bool,
    /// Whether this state was found by walking the tree: it then lists every file there,
    /// all unknown, and a later walk would find whatever a build adds, so a journal of what
    /// the build touches tells nothing more.
    pub walked: bool,
}

impl TreeState {
    /// The state of `tree` with identity `id` (`None`: unmarked).
    pub fn load(layout: &Layout, tree: &Path, id: Option<&TreeId>) -> TreeState {
        let recorded = id.and_then(|id| Manifest::load(&layout.manifest(id), id));
        let journal = id.and_then(|id| manifest::load_journal(&layout.journal(id)));
        let mut state = match (recorded, &journal) {
            (Some(m), None | Some((_, true))) => TreeState::from_manifest(m),
            _ => TreeState::walk(tree),
        };
        if let Some((touched, _)) = journal {
            state.needs_record = true;
            for p in touched {
                state.add_dirs_of(&p);
                state.files.insert(p, Known::Unknown);
            }
        }
        state
    }

    fn from_manifest(m: Manifest) -> TreeState {
        let dirs = folders(m.entries.keys().map(String::as_str))
            .into_iter()
            .map(str::to_string)
            .collect();
        // Both sets are built in bulk from sorted lists, not entry by entry.
        let files = (m.entries.into_iter())
            .map(|(path, e)| (path, Known::Recorded(e)))
            .collect();
        TreeState {
            files,
            dirs,
            ..TreeState::default()
        }
    }

    /// Every file and folder under `tree` (but its marker), as unknown. Symbolic links are
    /// listed as files, never followed.
    pub fn walk(tree: &Path) -> TreeState {
        let mut state = TreeState {
            needs_record: true,
            walked: true,
            ..TreeState::default()
        };
        for entry in WalkDir::new(tree).min_depth(1).into_iter().flatten() {
            let Ok(rel) = entry.path().strip_prefix(tree) else {
                continue;
            };
            let rel: Vec<_> = rel.iter().map(|c| c.to_string_lossy()).collect();
            let rel = rel.join("/");
            if entry.file_type().is_dir() {
                state.dirs.insert(rel);
            } else if rel != MARKER {
                state.files.insert(rel, Known::Unknown);
            }
        }
        state
    }

    pub fn add_dirs_of(&mut self, path: &str) {
        for dir in parents(path) {
            if self.dirs.contains(dir) {
                break;
            }
            self.dirs.insert(dir.to_string());
        }
    }
}

/// Every folder above any of `paths`, sorted, each once. A folder seen once has its own
/// folders seen too, so each path is walked up only to the first folder already found.
pub fn folders<'a>(paths: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut seen = rustc_hash::FxHashSet::default();
    for p in paths {
        for d in parents(p) {
            if !seen.insert(d) {
                break;
            }
        }
    }
    let mut all: Vec<&str> = seen.into_iter().collect();
    all.sort_unstable();
    all
}

/// The folders above `path`, deepest first: `a/b/c` → `a/b`, `a`.
pub fn parents(path: &str) -> impl Iterator<Item = &str> {
    let mut rest = path;
    std::iter::from_fn(move || {
        let i = rest.rfind('/')?;
        rest = &rest[..i];
        Some(rest)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn parents_deepest_first() {
        assert_eq!(parents("a/b/c").collect::<Vec<_>>(), ["a/b", "a"]);
        assert_eq!(parents("x").count(), 0);
    }

    #[test]
    fn folders_of_paths_sorted_and_once() {
        let paths = [
            "fr/b/c/index.html",
            "fr/a/index.html",
            "fr/b/d.json",
            "x",
            "fr/b/c/y",
        ];
        assert_eq!(folders(paths), ["fr", "fr/a", "fr/b", "fr/b/c"]);
        assert!(folders(["x"]).is_empty());
    }

    #[test]
    fn an_unmarked_tree_is_walked_and_all_unknown() {
        let t = tempfile::tempdir().unwrap();
        fs::create_dir_all(t.path().join("fr/empty")).unwrap();
        fs::write(t.path().join("fr/index.html"), "x").unwrap();
        fs::write(t.path().join(MARKER), "x").unwrap();
        let l = Layout::new(t.path().join("public"));
        let s = TreeState::load(&l, t.path(), None);
        assert_eq!(s.files.keys().collect::<Vec<_>>(), ["fr/index.html"]);
        assert_eq!(s.files["fr/index.html"], Known::Unknown);
        assert!(s.dirs.contains("fr/empty") && s.needs_record && s.walked);
    }
}
