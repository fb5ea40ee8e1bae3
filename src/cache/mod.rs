//! The build cache: costly outputs (chart PNGs, XLSX workbooks) kept between processes in a
//! folder beside the site (`.amo-cache/`, git-ignored), so a build whose charts did not
//! change does not redraw them.
//!
//! Every entry is named by a hash of its key (the exact inputs it was made from, its kind
//! and the binary's build id) and holds that key hash and a hash of its payload; an entry
//! whose header, length or payload hash does not match is ignored and made again, so a
//! truncated, edited or foreign file is never trusted. Entries are written to a temporary
//! file and renamed, so two builds at once never see half an entry. After a build, entries
//! it did not use are deleted: the folder holds what the current site needs and no more.
//! Deleting the folder is always safe.

use crate::output::content_hash;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The folder's name, beside `site.yaml`.
pub const DIR: &str = ".amo-cache";
const HEADER: &str = "amo-site cache 2";
/// Changes whenever the code or anything compiled into it changes (see `build.rs`).
const BUILD_ID: &str = env!("AMO_BUILD_ID");

/// A cache in one folder, or none (every lookup makes its value).
pub struct BuildCache {
    dir: Option<PathBuf>,
    used: Mutex<BTreeSet<String>>,
    hits: AtomicUsize,
    misses: AtomicUsize,
}

/// What a build did with the cache.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct CacheReport {
    pub hits: usize,
    pub misses: usize,
    pub pruned: usize,
}

impl BuildCache {
    /// The cache of the site at `root` (`root/.amo-cache/`).
    pub fn beside(root: &Path) -> Self {
        Self::at(root.join(DIR))
    }

    /// A cache in `dir`, created when first written.
    pub fn at(dir: PathBuf) -> Self {
        BuildCache {
            dir: Some(dir),
            ..Self::none()
        }
    }

    /// No cache: everything is made.
    pub fn none() -> Self {
        BuildCache {
            dir: None,
            used: Mutex::default(),
            hits: AtomicUsize::new(0),
            misses: AtomicUsize::new(0),
        }
    }

    /// The value stored under (`kind`, `key`), or `make()`'s, which is then stored. A cache
    /// that cannot be read or written only makes the build slower, never wrong.
    pub fn get_or_make<E>(
        &self,
        kind: &str,
        key: &[&[u8]],
        make: impl FnOnce() -> Result<Vec<u8>, E>,
    ) -> Result<Vec<u8>, E> {
        let Some(dir) = &self.dir else {
            return make();
        };
        let key_hash = key_hash(kind, key);
        let name = format!("{kind}-{key_hash:032x}");
        let path = dir.join(&name);
        if let Ok(mut used) = self.used.lock() {
            used.insert(name);
        }
        if let Some(bytes) = std::fs::read(&path)
            .ok()
            .and_then(|b| payload(&b, key_hash))
        {
            self.hits.fetch_add(1, Ordering::Relaxed);
            return Ok(bytes);
        }
        self.misses.fetch_add(1, Ordering::Relaxed);
        let bytes = make()?;
        // Best effort: a read-only site folder or a full disk only costs speed.
        let _ = store(dir, &path, key_hash, &bytes);
        Ok(bytes)
    }

    /// Hits and misses so far, after deleting the entries this build did not use.
    pub fn finish(&self) -> CacheReport {
        let pruned = match (&self.dir, self.used.lock()) {
            (Some(dir), Ok(used)) => prune(dir, &used),
            _ => 0,
        };
        CacheReport {
            hits: self.hits.load(Ordering::Relaxed),
            misses: self.misses.load(Ordering::Relaxed),
            pruned,
        }
    }
}

fn key_hash(kind: &str, key: &[&[u8]]) -> u128 {
    let mut all = Vec::with_capacity(key.iter().map(|k| k.len() + 9).sum::<usize>() + 64);
    for part in [HEADER.as_bytes(), BUILD_ID.as_bytes(), kind.as_bytes()]
        .into_iter()
        .chain(key.iter().copied())
    {
        // Length-prefixed, so ("ab", "c") and ("a", "bc") differ.
        all.extend_from_slice(&(part.len() as u64).to_le_bytes());
        all.extend_from_slice(part);
    }
    content_hash(&all)
}

fn header(key_hash: u128, payload: &[u8]) -> String {
    format!(
        "{HEADER}\n{key_hash:032x}\n{}\n{:032x}\n",
        payload.len(),
        content_hash(payload)
    )
}

/// The payload of an entry, if the entry is whole and was stored under `key_hash`.
fn payload(entry: &[u8], key_hash: u128) -> Option<Vec<u8>> {
    let mut at = 0;
    for _ in 0..4 {
        at += memchr::memchr(b'\n', &entry[at..])? + 1;
    }
    let body = &entry[at..];
    (entry[..at] == *header(key_hash, body).as_bytes()).then(|| body.to_vec())
}

fn store(dir: &Path, path: &Path, key_hash: u128, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let tmp = dir.join(format!(
        ".tmp-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    let mut entry = header(key_hash, bytes).into_bytes();
    entry.extend_from_slice(bytes);
    std::fs::write(&tmp, entry)?;
    std::fs::rename(&tmp, path)
}

/// Deletes the entries (and leftover temporary files) not in `used`; how many.
fn prune(dir: &Path, used: &BTreeSet<String>) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter(|e| !e.file_name().to_str().is_some_and(|n| used.contains(n)))
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .count()
}

#[cfg(test)]
mod tests;
