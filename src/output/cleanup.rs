//! Removing what crashed builds left: the staging and old folders of amo-site versions
//! before the twin (`.NAME.staging-PID`, `.NAME.old-PID` beside the output, when that
//! process is gone), and stray files in the state folder (half-written `*.tmp`, records of
//! trees that no longer exist).

use super::error::PublishError;
use super::layout::{Layout, TreeId};
use std::fs;
use std::path::Path;

/// Removes leftovers; returns how many entries it removed. Runs under the lock.
pub fn clean(l: &Layout, live: &[&TreeId]) -> Result<usize, PublishError> {
    let mut removed = 0;
    let staging = format!(".{}.staging-", l.name);
    let old = format!(".{}.old-", l.name);
    for entry in read_dir(l.parent())? {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = name
            .strip_prefix(&staging)
            .or_else(|| name.strip_prefix(&old))
        else {
            continue;
        };
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if is_dir && pid.parse::<u32>().is_ok_and(|p| !alive(p)) {
            fs::remove_dir_all(entry.path())
                .map_err(|e| PublishError::io("remove the leftover", entry.path(), e))?;
            removed += 1;
        }
    }
    for entry in read_dir(&l.state)? {
        let name = entry.file_name().to_string_lossy().into_owned();
        let record = name
            .strip_suffix(".manifest")
            .or_else(|| name.strip_suffix(".journal"));
        let stray =
            name.ends_with(".tmp") || record.is_some_and(|id| !live.iter().any(|l| l.0 == id));
        if stray && entry.file_type().is_ok_and(|t| t.is_file()) {
            fs::remove_file(entry.path())
                .map_err(|e| PublishError::io("remove the leftover", entry.path(), e))?;
            removed += 1;
        }
    }
    Ok(removed)
}

fn read_dir(dir: &Path) -> Result<Vec<fs::DirEntry>, PublishError> {
    let entries = fs::read_dir(dir).map_err(|e| PublishError::io("read", dir, e))?;
    Ok(entries.filter_map(Result::ok).collect())
}

/// Whether process `pid` still runs (where `/proc` tells; elsewhere, taken as gone).
fn alive(pid: u32) -> bool {
    pid == std::process::id() || Path::new("/proc").join(pid.to_string()).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_old_leftovers_of_dead_builds_only() {
        let t = tempfile::tempdir().unwrap();
        let l = Layout::new(t.path().join("public"));
        fs::create_dir_all(&l.state).unwrap();
        let dead = t.path().join(".public.staging-4000000000");
        let dead_old = t.path().join(".public.old-4000000001");
        let running = t
            .path()
            .join(format!(".public.staging-{}", std::process::id()));
        let other = t.path().join(".other.staging-4000000000");
        for d in [&dead, &dead_old, &running, &other] {
            fs::create_dir_all(d.join("fr")).unwrap();
        }
        let live = TreeId("a".repeat(32));
        fs::write(l.manifest(&live), "").unwrap();
        fs::write(l.manifest(&TreeId("b".repeat(32))), "").unwrap();
        fs::write(l.state.join("x.manifest.tmp"), "").unwrap();
        assert_eq!(clean(&l, &[&live]).unwrap(), 4);
        assert!(!dead.exists() && !dead_old.exists());
        assert!(running.exists() && other.exists() && l.manifest(&live).exists());
    }
}
