//! Where the writer keeps things: the published folder `NAME/`, and beside it the hidden
//! state folder `.NAME.amo/` with the twin tree, one manifest per tree and the lock. Each tree
//! carries a small marker file naming its identity, so a manifest is trusted only for the tree
//! it was written for, whichever of the two names the tree has after a swap.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// The marker file at the top of every tree amo-site writes.
pub const MARKER: &str = ".amo-tree";
const MARKER_HEADER: &str = "amo-site output tree";

/// Top-level names a site built by amo-site holds: an unmarked folder holding only these is
/// adopted (it was written by an amo-site older than the marker).
pub const OWN_TOP_LEVEL: [&str; 10] = [
    "ar",
    "fr",
    "data",
    "embed",
    "search",
    "static",
    "index.html",
    "sitemap.xml",
    "sitemaps",
    "robots.txt",
];

/// The paths of one output folder and its state.
#[derive(Debug, Clone)]
pub struct Layout {
    /// The published folder (absolute, with its parent's symbolic links resolved).
    pub out: PathBuf,
    /// `.NAME.amo/` beside it.
    pub state: PathBuf,
    /// `.NAME.amo/twin`: the other tree.
    pub twin: PathBuf,
    /// `.NAME.amo/old`: only exists for an instant during the fallback swap.
    pub old: PathBuf,
    /// `.NAME.amo/lock`: held while a build writes.
    pub lock: PathBuf,
    /// The file name of `out`, for finding crash leftovers of older versions.
    pub name: String,
}

impl Layout {
    /// `out` must be absolute and have a parent and a file name (checked by `safety`).
    pub fn new(out: PathBuf) -> Self {
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        let parent = out.parent().unwrap_or(Path::new("/")).to_path_buf();
        let state = parent.join(format!(".{name}.amo"));
        Layout {
            twin: state.join("twin"),
            old: state.join("old"),
            lock: state.join("lock"),
            state,
            out,
            name,
        }
    }

    pub fn parent(&self) -> &Path {
        self.out.parent().unwrap_or(Path::new("/"))
    }

    pub fn manifest(&self, id: &TreeId) -> PathBuf {
        self.state.join(format!("{}.manifest", id.0))
    }

    pub fn journal(&self, id: &TreeId) -> PathBuf {
        self.state.join(format!("{}.journal", id.0))
    }
}

/// A tree's identity, written in its marker and in the header of its manifest.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TreeId(pub String);

impl TreeId {
    /// A fresh identity: time, process and a counter, hashed; unique enough that a copied
    /// or restored folder is never taken for the tree a manifest describes.
    pub fn fresh(seed: &Path) -> Self {
        use std::sync::atomic::{AtomicU64, Ordering};
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let text = format!("{nanos} {} {n} {}", std::process::id(), seed.display());
        TreeId(format!(
            "{:032x}",
            super::manifest::content_hash(text.as_bytes())
        ))
    }

    fn valid(s: &str) -> bool {
        s.len() == 32 && s.bytes().all(|b| b.is_ascii_hexdigit())
    }
}

/// The identity in `tree`'s marker, if it has a well-formed one.
pub fn read_marker(tree: &Path) -> Option<TreeId> {
    let text = fs::read_to_string(tree.join(MARKER)).ok()?;
    let mut lines = text.lines();
    if lines.next()? != MARKER_HEADER {
        return None;
    }
    let id = lines.next()?.strip_prefix("id ")?;
    TreeId::valid(id).then(|| TreeId(id.to_string()))
}

/// Writes `tree`'s marker.
pub fn write_marker(tree: &Path, id: &TreeId) -> io::Result<()> {
    fs::write(
        tree.join(MARKER),
        format!(
            "{MARKER_HEADER}\nid {}\nThis folder is written by amo-site build; see its README.\n",
            id.0
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_folder_sits_beside_the_output_and_is_hidden() {
        let l = Layout::new(PathBuf::from("/srv/site/public"));
        assert_eq!(l.state, PathBuf::from("/srv/site/.public.amo"));
        assert_eq!(l.twin, PathBuf::from("/srv/site/.public.amo/twin"));
    }

    #[test]
    fn marker_round_trips_and_rejects_garbage() {
        let tmp = tempfile::tempdir().unwrap();
        let id = TreeId::fresh(tmp.path());
        assert_ne!(id, TreeId::fresh(tmp.path()));
        write_marker(tmp.path(), &id).unwrap();
        assert_eq!(read_marker(tmp.path()), Some(id));
        fs::write(tmp.path().join(MARKER), "id 1234\n").unwrap();
        assert_eq!(read_marker(tmp.path()), None);
    }
}
