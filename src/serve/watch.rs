//! Watching the site's sources and rebuilding when they change.

use super::state::State;
use notify::RecursiveMode;
use notify_debouncer_full::new_debouncer;
use std::path::PathBuf;
use std::sync::{Arc, mpsc};
use std::time::Duration;

/// The inputs of a build, relative to the site root.
const WATCHED: [&str; 5] = ["content", "data", "static", "i18n", "site.yaml"];

pub fn spawn(root: PathBuf, state: Arc<State>) -> Result<(), String> {
    let (tx, rx) = mpsc::channel();
    let mut debouncer = new_debouncer(Duration::from_millis(50), None, tx)
        .map_err(|e| format!("cannot watch files: {e}"))?;
    for item in WATCHED {
        let path = root.join(item);
        if path.exists() {
            let mode = if path.is_dir() {
                RecursiveMode::Recursive
            } else {
                RecursiveMode::NonRecursive
            };
            debouncer
                .watch(&path, mode)
                .map_err(|e| format!("cannot watch {}: {e}", path.display()))?;
        }
    }
    std::thread::spawn(move || {
        let _keep_alive = debouncer;
        // One rebuild per batch of events, however many paths it names.
        while let Ok(batch) = rx.recv() {
            if matches!(&batch, Ok(events) if events.iter().all(|e| e.kind.is_access())) {
                continue;
            }
            while rx.try_recv().is_ok() {}
            state.rebuild(&root);
        }
    });
    Ok(())
}
