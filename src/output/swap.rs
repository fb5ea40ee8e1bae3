//! Publishing the twin: one atomic exchange of the two folder names (`renameat2` with
//! `RENAME_EXCHANGE` on Linux, `renameatx_np` with `RENAME_SWAP` on macOS). Where the
//! system or file system cannot exchange, three renames through `.NAME.amo/old`; a crash
//! between them is repaired by [`recover`] at the start of the next build.

use super::failpoint;
use super::layout::Layout;
use std::fs;
use std::io;
use std::path::Path;

/// Makes the twin the published folder, and the published one the twin.
pub fn publish_twin(l: &Layout) -> io::Result<()> {
    if fs::symlink_metadata(&l.out).is_err() {
        return fs::rename(&l.twin, &l.out);
    }
    if !failpoint::force_fallback() {
        match exchange(&l.twin, &l.out) {
            Ok(()) => return Ok(()),
            Err(e) if !unsupported(&e) => return Err(e),
            Err(_) => {}
        }
    }
    fs::rename(&l.out, &l.old)?;
    failpoint::hit("fallback-renamed-out");
    if let Err(e) = fs::rename(&l.twin, &l.out) {
        fs::rename(&l.old, &l.out)?;
        return Err(e);
    }
    fs::rename(&l.old, &l.twin)
}

/// Finishes or undoes a fallback swap a crash interrupted: the previous site is put back
/// if nothing is published, or the old tree becomes the twin.
pub fn recover(l: &Layout) -> io::Result<bool> {
    if fs::symlink_metadata(&l.old).is_err() {
        return Ok(false);
    }
    if fs::symlink_metadata(&l.out).is_err() {
        fs::rename(&l.old, &l.out)?;
    } else if fs::symlink_metadata(&l.twin).is_err() {
        fs::rename(&l.old, &l.twin)?;
    } else {
        fs::remove_dir_all(&l.old)?;
    }
    Ok(true)
}

#[cfg(any(target_os = "linux", target_os = "android", target_vendor = "apple"))]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

#[cfg(not(any(target_os = "linux", target_os = "android", target_vendor = "apple")))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

/// The errors that mean "this system or file system cannot exchange".
fn unsupported(e: &io::Error) -> bool {
    const EINVAL: i32 = 22;
    const ENOSYS: i32 = 38;
    const ENOTSUP: i32 = 95;
    e.kind() == io::ErrorKind::Unsupported
        || (cfg!(target_os = "linux")
            && matches!(e.raw_os_error(), Some(EINVAL | ENOSYS | ENOTSUP)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(dir: &Path, text: &str) {
        fs::create_dir_all(dir).unwrap();
        fs::write(dir.join("index.html"), text).unwrap();
    }

    #[test]
    fn exchange_swaps_the_two_names() {
        let t = tempfile::tempdir().unwrap();
        let l = Layout::new(t.path().join("public"));
        tree(&l.out, "old");
        tree(&l.twin, "new");
        publish_twin(&l).unwrap();
        assert_eq!(fs::read_to_string(l.out.join("index.html")).unwrap(), "new");
        assert_eq!(
            fs::read_to_string(l.twin.join("index.html")).unwrap(),
            "old"
        );
    }

    #[test]
    fn a_crash_inside_the_fallback_swap_is_repaired_with_the_previous_site() {
        let t = tempfile::tempdir().unwrap();
        let l = Layout::new(t.path().join("public"));
        tree(&l.out, "old");
        tree(&l.twin, "new");
        // The fallback's first step, then the process dies.
        fs::rename(&l.out, &l.old).unwrap();
        assert!(recover(&l).unwrap());
        assert_eq!(fs::read_to_string(l.out.join("index.html")).unwrap(), "old");
        assert_eq!(
            fs::read_to_string(l.twin.join("index.html")).unwrap(),
            "new"
        );
        // Its second step done, then the process dies: the new site stays, old is the twin.
        fs::rename(&l.out, &l.old).unwrap();
        fs::rename(&l.twin, &l.out).unwrap();
        assert!(recover(&l).unwrap());
        assert_eq!(fs::read_to_string(l.out.join("index.html")).unwrap(), "new");
        assert_eq!(
            fs::read_to_string(l.twin.join("index.html")).unwrap(),
            "old"
        );
        assert!(!recover(&l).unwrap());
    }
}
