//! Watching the site's sources and rebuilding when they change.
//!
//! Folders are watched, not files: an editor that saves by writing a temporary file and
//! renaming it over `site.yaml` replaces the file (a new inode), which a watch on the file
//! itself would miss from then on. The site folder is watched on its own (not recursively)
//! for `site.yaml` and for input folders created, removed or renamed; each input folder is
//! watched recursively, and watched again when it is replaced.

use super::state::State;
use notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, new_debouncer};
use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};
use std::time::Duration;

/// The input folders of a build, relative to the site root.
const FOLDERS: [&str; 4] = ["content", "data", "static", "i18n"];
/// The input files at the top of the site root.
const FILES: [&str; 1] = [crate::config::CONFIG_FILE];

pub fn spawn(root: PathBuf, state: Arc<State>) -> Result<(), String> {
    let (tx, rx) = mpsc::channel();
    let mut debouncer = new_debouncer(Duration::from_millis(50), None, tx)
        .map_err(|e| format!("cannot watch files: {e}"))?;
    debouncer
        .watch(&root, RecursiveMode::NonRecursive)
        .map_err(|e| format!("cannot watch {}: {e}", root.display()))?;
    for folder in FOLDERS {
        let path = root.join(folder);
        if path.is_dir() {
            debouncer
                .watch(&path, RecursiveMode::Recursive)
                .map_err(|e| format!("cannot watch {}: {e}", path.display()))?;
        }
    }
    std::thread::spawn(move || {
        // One rebuild per batch of events, however many paths it names.
        while let Ok(batch) = rx.recv() {
            let mut batches = vec![batch];
            while let Ok(more) = rx.try_recv() {
                batches.push(more);
            }
            if !batches.iter().any(|b| concerns_inputs(&root, b)) {
                continue;
            }
            for folder in FOLDERS {
                // A folder replaced by a rename is a new folder: watch it again (watching a
                // folder already watched is harmless).
                let path = root.join(folder);
                if path.is_dir() {
                    let _ = debouncer.watch(&path, RecursiveMode::Recursive);
                }
            }
            state.rebuild(&root);
        }
    });
    Ok(())
}

/// Whether a batch of events may change the build: anything but reads, under an input
/// folder or naming an input file (temporary files beside `site.yaml` do not count).
fn concerns_inputs(root: &Path, batch: &DebounceEventResult) -> bool {
    let Ok(events) = batch else {
        return true;
    };
    events
        .iter()
        .filter(|e| !e.kind.is_access())
        .flat_map(|e| e.paths.iter())
        .any(|p| is_input(root, p))
}

fn is_input(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        // Paths may be reported through another spelling of the root (a symlinked temp
        // folder): rebuilding once too often is better than missing an edit.
        return true;
    };
    let first = rel.components().next();
    let name = first.map(|c| c.as_os_str().to_string_lossy().into_owned());
    matches!(name, Some(n) if FOLDERS.contains(&n.as_str()) || FILES.contains(&n.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_are_the_config_and_the_input_folders() {
        let root = Path::new("/site");
        assert!(is_input(root, Path::new("/site/site.yaml")));
        assert!(is_input(root, Path::new("/site/content/a.fr.md")));
        assert!(is_input(root, Path::new("/site/data")));
        assert!(!is_input(root, Path::new("/site/.site.yaml.swp")));
        assert!(!is_input(root, Path::new("/site/public/index.html")));
        assert!(!is_input(root, Path::new("/site/site.yaml~")));
    }
}
