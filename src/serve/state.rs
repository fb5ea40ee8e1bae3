//! The last good build, held in memory, and the error of the last failed rebuild.

use crate::diagnostics::render_all;
use crate::figures::PngCache;
use crate::output::OutputFile;
use crate::site::{BuildError, render_files_cached};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::mpsc::Sender;
use std::sync::{Mutex, RwLock};
use std::time::Instant;

#[derive(Default)]
pub struct State {
    files: RwLock<BTreeMap<String, Vec<u8>>>,
    error: RwLock<Option<String>>,
    clients: Mutex<Vec<Sender<()>>>,
    png_cache: PngCache,
}

impl State {
    pub fn file(&self, path: &str) -> Option<Vec<u8>> {
        self.files.read().ok()?.get(path).cloned()
    }

    pub fn error(&self) -> Option<String> {
        self.error.read().ok()?.clone()
    }

    pub fn replace_files(&self, files: Vec<OutputFile>) {
        if let Ok(mut map) = self.files.write() {
            *map = files.into_iter().map(|f| (f.path, f.bytes)).collect();
        }
    }

    /// Rebuilds from `root`; on failure keeps the previous files and records the error.
    /// Either way, open pages are told to reload.
    pub fn rebuild(&self, root: &Path) {
        let started = Instant::now();
        match render_files_cached(root, Some(&self.png_cache)) {
            Ok(site) => {
                self.replace_files(site.files);
                if let Ok(mut e) = self.error.write() {
                    *e = None;
                }
                println!("rebuilt in {} ms", started.elapsed().as_millis());
            }
            Err(err) => {
                let text = match err {
                    BuildError::Invalid(d) => render_all(&d)
                        .replace("nothing was written", "still serving the last good build"),
                    BuildError::Write(m) => format!("error: {m}\n"),
                    BuildError::Publish(e) => format!("error: {e}\n"),
                };
                eprint!("{text}");
                if let Ok(mut e) = self.error.write() {
                    *e = Some(text);
                }
            }
        }
        self.notify();
    }

    pub fn subscribe(&self, tx: Sender<()>) {
        if let Ok(mut c) = self.clients.lock() {
            c.push(tx);
        }
    }

    /// Tells every open page to reload; forgets the ones that went away.
    fn notify(&self) {
        if let Ok(mut c) = self.clients.lock() {
            c.retain(|tx| tx.send(()).is_ok());
        }
    }
}
