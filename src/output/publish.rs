//! The order of a publish: check, lock, repair, then stream the files through a
//! [`Stream`], which compares them with the published tree and, if anything differs, brings
//! the twin up to date under a journal, records it, and swaps.

use super::OutputFile;
use super::cleanup;
use super::error::PublishError;
use super::layout::{self, Layout, TreeId};
use super::lock::{self, Lock};
use super::manifest::{Entry, Manifest};
use super::paths;
use super::safety::{self, Target};
use super::stream::{Stream, put_all};
use super::swap;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::time::Duration;

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
    /// Time of the last phase of writing, after the files were streamed: copies into the
    /// twin, deletions, the record and the swap.
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
    let files = paths::validate(files)?;
    let stream = Stream::begin(out, site_root, opts)?;
    put_all(&stream, files)?;
    stream.finish()
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
pub(super) fn prepare(
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
pub(super) fn record_in_place(
    layout: &Layout,
    id: Option<TreeId>,
    entries: BTreeMap<String, Entry>,
    record_changed: bool,
) -> Result<(), PublishError> {
    let id = match id {
        Some(_) if !record_changed => return Ok(()),
        Some(id) => id,
        None => {
            let id = TreeId::fresh(&layout.out);
            layout::write_marker(&layout.out, &id)
                .map_err(|e| PublishError::io("write", layout.out.join(layout::MARKER), e))?;
            id
        }
    };
    save_record(layout, &id, entries)
}

pub(super) fn save_record(
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
