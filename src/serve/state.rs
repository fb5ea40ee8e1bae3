//! The last good build, held in memory, and the error of the last failed rebuild.

use crate::cache::BuildCache;
use crate::output::OutputFile;
use std::collections::{BTreeMap, VecDeque};
use std::path::Path;
use std::sync::mpsc::Sender;
use std::sync::{Mutex, RwLock};
use std::time::Instant;

/// Open live-reload streams kept at most; each holds a thread.
pub const MAX_CLIENTS: usize = 64;

#[derive(Default)]
pub struct State {
    files: RwLock<BTreeMap<String, Vec<u8>>>,
    error: RwLock<Option<String>>,
    clients: Mutex<VecDeque<Sender<()>>>,
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
        let cache = BuildCache::beside(root);
        match crate::pipeline::run(root, &cache) {
            Ok(site) => {
                cache.finish();
                self.replace_files(site.files);
                if let Ok(mut e) = self.error.write() {
                    *e = None;
                }
                println!("rebuilt in {} ms", started.elapsed().as_millis());
            }
            Err(err) => {
                let text = err.render("still serving the last good build");
                eprint!("{text}");
                if let Ok(mut e) = self.error.write() {
                    *e = Some(text);
                }
            }
        }
        self.notify();
    }

    /// Adds an open live-reload stream. At most [`MAX_CLIENTS`] stay open: past that the
    /// oldest is dropped, which ends its stream (and the thread serving it).
    pub fn subscribe(&self, tx: Sender<()>) {
        if let Ok(mut c) = self.clients.lock() {
            while c.len() >= MAX_CLIENTS {
                c.pop_front();
            }
            c.push_back(tx);
        }
    }

    /// Tells every open page to reload; forgets the ones that went away.
    fn notify(&self) {
        if let Ok(mut c) = self.clients.lock() {
            c.retain(|tx| tx.send(()).is_ok());
        }
    }
}
