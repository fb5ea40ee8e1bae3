//! The writer a build streams its files into as they are rendered, so that no page waits in
//! memory for the others. Each file is compared with the published tree when it arrives:
//! one that differs goes at once into the twin (which nobody reads until the swap), under a
//! journal line written first; one already published is only recorded, and copied into the
//! twin from the published tree at the end if the site changed at all. So a build that
//! changes nothing still writes nothing, and a build that fails half-way leaves the published
//! site as it was and a journal that tells the next build which twin files to distrust.

use super::apply::{remove_file, write_file};
use super::error::PublishError;
use super::failpoint;
use super::layout::{self, Layout, TreeId};
use super::lock::Lock;
use super::manifest::{self, Entry, content_hash};
use super::paths;
use super::publish::{PublishOptions, PublishReport, prepare, record_in_place, save_record};
use super::safety::Target;
use super::state::{TreeState, folders};
use super::verdict::already_holds;
use super::{OutputFile, swap};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::fs::{self, File};
use std::io::Write;
use std::path::Path;
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

/// An output folder being written: locked, its published tree known, its twin opened on the
/// first file that differs. Files may be [`put`](Stream::put) from many threads.
pub struct Stream {
    layout: Layout,
    published_id: Option<TreeId>,
    /// What the published tree holds (`None`: nothing is published yet).
    published: Option<TreeState>,
    leftovers: usize,
    _lock: Lock,
    twin: OnceLock<Twin>,
    opening: Mutex<()>,
    files: Mutex<Vec<Record>>,
    /// Folders this build made in the twin, so that a file in a new folder is written
    /// after one `mkdir` rather than after a failed `open` first.
    made_dirs: Mutex<rustc_hash::FxHashSet<String>>,
}

/// The twin, opened for writing.
struct Twin {
    id: TreeId,
    state: TreeState,
    /// `None` when the twin's state was found by walking it: a build that stops half-way
    /// leaves a twin without a manifest, which the next build walks again, so nothing is
    /// journaled (a full build into a new folder saves a write per file).
    journal: Option<Mutex<File>>,
}

/// What the stream knows of one file of the build once it has passed.
struct Record {
    path: String,
    len: u64,
    hash: u128,
    /// Its record in the published tree, if that already holds it (and whether the record
    /// was refreshed).
    published: Option<(Entry, bool)>,
    /// Its record in the twin, if it was compared with the twin (and whether it was written).
    twin: Option<(Entry, bool)>,
}

impl Stream {
    /// Checks `out` and takes its lock; repairs an interrupted swap; removes crash leftovers.
    pub fn begin(
        out: &Path,
        site_root: &Path,
        opts: &PublishOptions,
    ) -> Result<Self, PublishError> {
        let (layout, target, lock, leftovers) = prepare(out, site_root, opts)?;
        let published_id = match &target {
            Target::Marked(id) => Some(id.clone()),
            _ => None,
        };
        let published = (target != Target::Missing)
            .then(|| TreeState::load(&layout, &layout.out, published_id.as_ref()));
        Ok(Stream {
            layout,
            published_id,
            published,
            leftovers,
            _lock: lock,
            twin: OnceLock::new(),
            opening: Mutex::new(()),
            files: Mutex::new(Vec::new()),
            made_dirs: Mutex::default(),
        })
    }

    /// Takes one file of the build: records it if it is already published, else writes it
    /// into the twin (unless the twin already holds it).
    pub fn put(&self, file: OutputFile) -> Result<(), PublishError> {
        paths::check_relative(&file.path)?;
        let (len, hash) = (file.bytes.len() as u64, content_hash(&file.bytes));
        let published = self.published.as_ref().and_then(|s| {
            already_holds(
                &self.layout.out,
                &file.path,
                len,
                hash,
                s.files.get(&file.path),
            )
        });
        let twin = match published {
            Some(_) => None,
            None => Some(self.place_in_twin(&file.path, len, hash, Source::Bytes(&file.bytes))?),
        };
        let record = Record {
            path: file.path,
            len,
            hash,
            published,
            twin,
        };
        self.files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(record);
        Ok(())
    }

    /// Publishes what was put: nothing if the published tree already holds exactly that,
    /// else the twin is completed, recorded and swapped in.
    pub fn finish(mut self) -> Result<PublishReport, PublishError> {
        let started = Instant::now();
        let mut files = std::mem::take(self.files.get_mut().unwrap_or_else(|e| e.into_inner()));
        // Paths are unique once checked, so the parallel sort's order is the only one.
        files.par_sort_by(|a, b| a.path.cmp(&b.path));
        let paths: Vec<&str> = files.iter().map(|r| r.path.as_str()).collect();
        let (checked, dirs) = rayon::join(|| paths::check_sorted(&paths), || dirs_of(&paths));
        checked?;
        drop(paths);
        let mut report = PublishReport {
            leftovers_removed: self.leftovers,
            files_unchanged: files.len(),
            ..PublishReport::default()
        };
        if let Some(state) = self
            .published
            .as_ref()
            .filter(|s| unchanged(s, &files, &dirs))
        {
            let refreshed = files.iter().any(|r| r.published.is_some_and(|p| p.1));
            let entries = files
                .iter()
                .filter_map(|r| Some((r.path.clone(), r.published?.0)));
            record_in_place(
                &self.layout,
                self.published_id.clone(),
                entries.collect(),
                state.needs_record || refreshed,
            )?;
            report.elapsed = started.elapsed();
            return Ok(report);
        }
        self.complete_twin(&mut files, &dirs, &mut report)?;
        swap::publish_twin(&self.layout)
            .map_err(|e| PublishError::io("publish", &self.layout.out, e))?;
        failpoint::hit("swapped");
        report.published = true;
        report.elapsed = started.elapsed();
        Ok(report)
    }

    /// Copies into the twin what it lacks of the published files, deletes what the build no
    /// longer has, records the twin and closes its journal.
    fn complete_twin(
        &self,
        files: &mut [Record],
        dirs: &BTreeSet<String>,
        report: &mut PublishReport,
    ) -> Result<(), PublishError> {
        let twin = self.twin()?;
        files.par_iter_mut().try_for_each(|r| {
            if r.twin.is_none() {
                let from = self.layout.out.join(&r.path);
                r.twin = Some(self.place_in_twin(&r.path, r.len, r.hash, Source::Copy(&from))?);
            }
            Ok::<_, PublishError>(())
        })?;
        let written: Vec<&Record> = files
            .iter()
            .filter(|r| r.twin.is_some_and(|t| t.1))
            .collect();
        report.files_written = written.len();
        report.bytes_written = written.iter().map(|r| r.len).sum();
        report.files_unchanged = files.len() - written.len();
        let wanted: BTreeSet<&str> = files.iter().map(|r| r.path.as_str()).collect();
        let stale: Vec<&String> = (twin.state.files.keys())
            .filter(|p| !wanted.contains(p.as_str()))
            .collect();
        for p in &stale {
            twin.journal(p)?;
        }
        let deleted: Vec<bool> = (stale.par_iter())
            .map(|p| remove_file(&self.layout.twin.join(p)))
            .collect::<Result<_, _>>()?;
        report.files_deleted = deleted.into_iter().filter(|d| *d).count();
        report.dirs_removed = remove_empty_dirs(&self.layout.twin, &twin.state, dirs)?;
        report.dirs_created = dirs
            .iter()
            .filter(|d| !twin.state.dirs.contains(*d))
            .count();
        failpoint::hit("twin-written");
        let entries = files
            .iter()
            .filter_map(|r| Some((r.path.clone(), r.twin?.0)));
        save_record(&self.layout, &twin.id, entries.collect())?;
        let journal = self.layout.journal(&twin.id);
        fs::remove_file(&journal).map_err(|e| PublishError::io("remove", &journal, e))
    }

    /// Makes the twin hold `path`: compared with what it holds, written (after its journal
    /// line) if different. Returns its record and whether it was written.
    fn place_in_twin(
        &self,
        path: &str,
        len: u64,
        hash: u128,
        source: Source,
    ) -> Result<(Entry, bool), PublishError> {
        let twin = self.twin()?;
        let tree = &self.layout.twin;
        if let Some((entry, _)) = already_holds(tree, path, len, hash, twin.state.files.get(path)) {
            return Ok((entry, false));
        }
        twin.journal(path)?;
        let full = tree.join(path);
        let copied;
        let bytes = match source {
            Source::Bytes(b) => b,
            Source::Copy(from) => {
                copied = fs::read(from).map_err(|e| PublishError::io("read", from, e))?;
                if content_hash(&copied) != hash {
                    // Changed behind our back since it was compared: never publish that.
                    return Err(PublishError::io("read", from, changed_on_disk()));
                }
                &copied
            }
        };
        self.make_parent(twin, path)?;
        let stat = write_file(&full, bytes).map_err(|e| PublishError::io("write", &full, e))?;
        Ok((Entry { hash, stat }, true))
    }

    /// Makes the folder of `path` in the twin unless it has it or this build made it.
    fn make_parent(&self, twin: &Twin, path: &str) -> Result<(), PublishError> {
        let Some((dir, _)) = path.rsplit_once('/') else {
            return Ok(());
        };
        if twin.state.dirs.contains(dir) {
            return Ok(());
        }
        let made = || self.made_dirs.lock().unwrap_or_else(|e| e.into_inner());
        if made().contains(dir) {
            return Ok(());
        }
        let full = self.layout.twin.join(dir);
        fs::create_dir_all(&full).map_err(|e| PublishError::io("create the folder", &full, e))?;
        made().insert(dir.to_string());
        Ok(())
    }

    /// The twin, opened on first use: marked, its state read, its journal started.
    fn twin(&self) -> Result<&Twin, PublishError> {
        if let Some(t) = self.twin.get() {
            return Ok(t);
        }
        let _opening = self.opening.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(t) = self.twin.get() {
            return Ok(t);
        }
        let twin = open_twin(&self.layout, self.published_id.as_ref())?;
        failpoint::hit("journal-written");
        Ok(self.twin.get_or_init(|| twin))
    }
}

/// Where the bytes of a file going into the twin come from.
enum Source<'a> {
    Bytes(&'a [u8]),
    /// The published tree's copy, already found equal to the build's.
    Copy(&'a Path),
}

impl Twin {
    /// Notes in the journal that `path` is about to change, before it does.
    fn journal(&self, path: &str) -> Result<(), PublishError> {
        let Some(journal) = &self.journal else {
            return Ok(());
        };
        let mut journal = journal.lock().unwrap_or_else(|e| e.into_inner());
        journal
            .write_all(format!("{path}\n").as_bytes())
            .map_err(|e| PublishError::io("write", "the journal", e))
    }
}

/// Marks the twin (a fresh identity unless it has its own) and starts its journal, carrying
/// over the lines of a journal a crashed build left.
fn open_twin(layout: &Layout, published: Option<&TreeId>) -> Result<Twin, PublishError> {
    let tree = &layout.twin;
    let io = |action, path: &Path| {
        let path = path.to_path_buf();
        move |e| PublishError::io(action, path, e)
    };
    let (id, state) = match layout::read_marker(tree) {
        Some(id) if Some(&id) != published => {
            let state = TreeState::load(layout, tree, Some(&id));
            (id, state)
        }
        marked => {
            if marked.is_none() && !tree.exists() {
                fs::create_dir(tree).map_err(io("create the folder", tree))?;
            }
            let state = TreeState::walk(tree);
            let id = TreeId::fresh(tree);
            layout::write_marker(tree, &id).map_err(io("write", &tree.join(layout::MARKER)))?;
            (id, state)
        }
    };
    if state.walked {
        // Without a manifest the next build walks the twin again, whatever this one leaves.
        let manifest = layout.manifest(&id);
        super::apply::remove_file(&manifest)?;
    }
    let path = layout.journal(&id);
    let carried = manifest::load_journal(&path)
        .map(|j| j.0)
        .unwrap_or_default();
    let carried: BTreeSet<&str> = carried.iter().map(String::as_str).collect();
    manifest::save_journal(&path, &carried).map_err(io("write", &path))?;
    let journal = fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .map_err(io("write", &path))?;
    Ok(Twin {
        id,
        journal: (!state.walked).then(|| Mutex::new(journal)),
        state,
    })
}

/// Whether the published tree (`state`) holds exactly the build: every file, and no other
/// file or folder.
fn unchanged(state: &TreeState, files: &[Record], dirs: &BTreeSet<String>) -> bool {
    files.iter().all(|r| r.published.is_some())
        && state.files.len() == files.len()
        && state.dirs.iter().all(|d| dirs.contains(d))
}

/// Every folder the build's files need.
fn dirs_of(paths: &[&str]) -> BTreeSet<String> {
    (folders(paths.iter().copied()).into_iter())
        .map(str::to_string)
        .collect()
}

/// Removes the twin's folders the build no longer needs, deepest first; a folder that still
/// holds something amo-site did not write is left. Returns how many were removed.
fn remove_empty_dirs(
    tree: &Path,
    state: &TreeState,
    wanted: &BTreeSet<String>,
) -> Result<usize, PublishError> {
    let mut stale: Vec<&String> = (state.dirs.iter())
        .filter(|d| !wanted.contains(d.as_str()))
        .collect();
    stale.sort_by_key(|d| std::cmp::Reverse(d.matches('/').count()));
    let mut removed = 0;
    for d in stale {
        match fs::remove_dir(tree.join(d)) {
            Ok(()) => removed += 1,
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::NotFound | std::io::ErrorKind::DirectoryNotEmpty
                ) => {}
            Err(e) => return Err(PublishError::io("remove the folder", tree.join(d), e)),
        }
    }
    Ok(removed)
}

fn changed_on_disk() -> std::io::Error {
    std::io::Error::other("the published file changed during the build; build again")
}

/// The files of a finished build, streamed in parallel (what [`publish`](super::publish)
/// does with a list it already holds).
pub fn put_all(stream: &Stream, files: Vec<OutputFile>) -> Result<(), PublishError> {
    files.into_par_iter().try_for_each(|f| stream.put(f))
}
