//! The order of a publish: check, lock, repair, compare with the published tree; if
//! anything differs, bring the twin up to date under a journal, record it, and swap.

use super::OutputFile;
use super::apply::{Applied, apply};
use super::cleanup;
use super::error::PublishError;
use super::failpoint;
use super::layout::{self, Layout, TreeId};
use super::lock::{self, Lock};
use super::manifest::{self, Entry, Manifest, content_hash};
use super::paths;
use super::plan::{Plan, plan};
use super::safety::{self, Target};
use super::state::TreeState;
use super::swap;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

/// How to publish.
#[derive(Debug, Clone, Copy, Default)]
pub struct PublishOptions {
    /// Take over an existing folder that amo-site did not make (`--force`). Never lifts the
    /// refusal of `/`, the home folder, the site folder and its sources.
    pub force: bool,
}

/// What a publish did, for the command line and the benchmark.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PublishReport {
    pub files_written: usize,
    pub files_deleted: usize,
    pub files_unchanged: usize,
    pub bytes_written: u64,
    pub dirs_created: usize,
    pub dirs_removed: usize,
    /// Leftovers of crashed builds removed.
    pub leftovers_removed: usize,
    /// Whether the published folder changed (swapped or created).
    pub published: bool,
    /// Time of the whole write phase (checks, comparison, writes, swap).
    pub elapsed: Duration,
}

/// Publishes `files` as the whole content of `out`, the output folder of the site at
/// `site_root`: only what differs is written, and readers see the old site or the new one,
/// never a mix. On error the published site is left as it was.
pub fn publish(
    out: &Path,
    site_root: &Path,
    files: Vec<OutputFile>,
    opts: &PublishOptions,
) -> Result<PublishReport, PublishError> {
    let started = Instant::now();
    let files = paths::validate(files)?;
    let (layout, target, _lock, leftovers) = prepare(out, site_root, opts)?;
    let hashes: Vec<u128> = files.par_iter().map(|f| content_hash(&f.bytes)).collect();
    let mut report = PublishReport {
        leftovers_removed: leftovers,
        ..PublishReport::default()
    };
    let published_id = match &target {
        Target::Marked(id) => Some(id.clone()),
        _ => None,
    };
    if target != Target::Missing {
        let state = TreeState::load(&layout, &layout.out, published_id.as_ref());
        let p = plan(&layout.out, &files, &hashes, &state);
        if p.touches_nothing() {
            record_in_place(&layout, published_id, &files, &p)?;
            report.files_unchanged = files.len();
            report.elapsed = started.elapsed();
            return Ok(report);
        }
    }
    let applied = update_twin(&layout, published_id.as_ref(), &files, &hashes)?;
    swap::publish_twin(&layout).map_err(|e| PublishError::io("publish", &layout.out, e))?;
    failpoint::hit("swapped");
    report.files_written = applied.files_written;
    report.files_deleted = applied.files_deleted;
    report.files_unchanged = files.len() - applied.files_written;
    report.bytes_written = applied.bytes_written;
    report.dirs_created = applied.dirs_created;
    report.dirs_removed = applied.dirs_removed;
    report.published = true;
    report.elapsed = started.elapsed();
    Ok(report)
}

/// The read-only checks of [`publish`], to refuse a bad `--out` before spending time on
/// rendering: where it is, and whether amo-site may write there.
pub fn preflight(out: &Path, site_root: &Path, opts: &PublishOptions) -> Result<(), PublishError> {
    let real = safety::resolve(out)?;
    safety::check_place(&real, site_root)?;
    let layout = Layout::new(real);
    if !layout.old.exists() {
        safety::classify(&layout.out, opts.force)?;
    }
    Ok(())
}

/// Checks `out` and takes the lock; repairs an interrupted swap; removes crash leftovers.
fn prepare(
    out: &Path,
    site_root: &Path,
    opts: &PublishOptions,
) -> Result<(Layout, Target, Lock, usize), PublishError> {
    let real = safety::resolve(out)?;
    safety::check_place(&real, site_root)?;
    let layout = Layout::new(real);
    // A state folder means amo-site wrote here: lock, and undo a half-done swap first,
    // so that the folder is judged as it was before the crash.
    let early = match layout.state.is_dir() {
        true => Some(lock::acquire(&layout)?),
        false => None,
    };
    if early.is_some() {
        swap::recover(&layout).map_err(|e| PublishError::io("repair", &layout.out, e))?;
    }
    let target = safety::classify(&layout.out, opts.force)?;
    let lock = match early {
        Some(l) => l,
        None => {
            fs::create_dir_all(&layout.state)
                .map_err(|e| PublishError::io("create the folder", &layout.state, e))?;
            lock::acquire(&layout)?
        }
    };
    let twin_id = layout::read_marker(&layout.twin);
    let published_id = match &target {
        Target::Marked(id) => Some(id),
        _ => None,
    };
    let live: Vec<&TreeId> = published_id.into_iter().chain(twin_id.as_ref()).collect();
    let leftovers = cleanup::clean(&layout, &live)?;
    Ok((layout, target, lock, leftovers))
}

/// The published tree already holds the build: only its marker and record may need writing.
fn record_in_place(
    layout: &Layout,
    id: Option<TreeId>,
    files: &[OutputFile],
    p: &Plan,
) -> Result<(), PublishError> {
    let id = match id {
        Some(_) if !p.record_changed => return Ok(()),
        Some(id) => id,
        None => {
            let id = TreeId::fresh(&layout.out);
            layout::write_marker(&layout.out, &id)
                .map_err(|e| PublishError::io("write", layout.out.join(layout::MARKER), e))?;
            id
        }
    };
    let entries = p.keep.iter().map(|(i, e)| (files[*i].path.clone(), *e));
    save_record(layout, &id, entries.collect())
}

/// Brings the twin to the build's content: journal first, then the changes, then the record.
fn update_twin(
    layout: &Layout,
    published: Option<&TreeId>,
    files: &[OutputFile],
    hashes: &[u128],
) -> Result<Applied, PublishError> {
    let twin = &layout.twin;
    let io = |action, path: &Path| {
        let path = path.to_path_buf();
        move |e| PublishError::io(action, path, e)
    };
    let (id, state) = match layout::read_marker(twin) {
        Some(id) if Some(&id) != published => {
            let state = TreeState::load(layout, twin, Some(&id));
            (id, state)
        }
        marked => {
            if marked.is_none() && !twin.exists() {
                fs::create_dir(twin).map_err(io("create the folder", twin))?;
            }
            let state = TreeState::walk(twin);
            let id = TreeId::fresh(twin);
            layout::write_marker(twin, &id).map_err(io("write", &twin.join(layout::MARKER)))?;
            (id, state)
        }
    };
    let p = plan(twin, files, hashes, &state);
    let journal = layout.journal(&id);
    manifest::save_journal(&journal, &p.touched(files)).map_err(io("write", &journal))?;
    failpoint::hit("journal-written");
    let (applied, records) = apply(twin, files, hashes, &p)?;
    failpoint::hit("twin-written");
    save_record(layout, &id, records)?;
    fs::remove_file(&journal).map_err(io("remove", &journal))?;
    Ok(applied)
}

fn save_record(
    layout: &Layout,
    id: &TreeId,
    entries: BTreeMap<String, Entry>,
) -> Result<(), PublishError> {
    let path = layout.manifest(id);
    let m = Manifest {
        id: id.clone(),
        entries,
    };
    m.save(&path)
        .map_err(|e| PublishError::io("write", path, e))
}
