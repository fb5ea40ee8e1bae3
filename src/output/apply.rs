//! Carrying out a plan in the twin tree: delete stale files, remove folders left empty,
//! create new folders, then write changed files, in parallel. Never follows a symbolic link.

use super::OutputFile;
use super::error::PublishError;
use super::manifest::{Entry, Fingerprint};
use super::plan::Plan;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, ErrorKind, Write};
use std::path::Path;

/// What applying a plan did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Applied {
    pub files_written: usize,
    pub bytes_written: u64,
    pub files_deleted: usize,
    pub dirs_created: usize,
    pub dirs_removed: usize,
}

/// Applies `plan` to `tree`; returns what it did and the tree's new records.
pub fn apply(
    tree: &Path,
    files: &[OutputFile],
    hashes: &[u128],
    plan: &Plan,
) -> Result<(Applied, BTreeMap<String, Entry>), PublishError> {
    let mut done = Applied::default();
    let deleted: Vec<bool> = plan
        .delete
        .par_iter()
        .map(|p| remove_file(&tree.join(p)))
        .collect::<Result<_, _>>()?;
    done.files_deleted = deleted.into_iter().filter(|d| *d).count();
    for d in &plan.rmdir {
        match fs::remove_dir(tree.join(d)) {
            Ok(()) => done.dirs_removed += 1,
            // Not empty: it holds something amo-site did not write; leave it.
            Err(e) if matches!(e.kind(), ErrorKind::NotFound | ErrorKind::DirectoryNotEmpty) => {}
            Err(e) => return Err(PublishError::io("remove the folder", tree.join(d), e)),
        }
    }
    done.dirs_created = make_dirs(tree, &plan.mkdir)?;
    let written: Vec<(usize, Entry)> = plan
        .write
        .par_iter()
        .map(|&i| {
            let path = tree.join(&files[i].path);
            let stat = write_file(&path, &files[i].bytes)
                .map_err(|e| PublishError::io("write", &path, e))?;
            Ok((
                i,
                Entry {
                    hash: hashes[i],
                    stat,
                },
            ))
        })
        .collect::<Result<_, PublishError>>()?;
    done.files_written = written.len();
    done.bytes_written = written
        .iter()
        .map(|(i, _)| files[*i].bytes.len() as u64)
        .sum();
    let records = (plan.keep.iter().chain(&written))
        .map(|(i, e)| (files[*i].path.clone(), *e))
        .collect();
    Ok((done, records))
}

/// `true` if it removed the file, `false` if there was none.
fn remove_file(path: &Path) -> Result<bool, PublishError> {
    match fs::remove_file(path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(false),
        Err(e) => Err(PublishError::io("delete", path, e)),
    }
}

/// Creates `dirs` (sorted by depth), one depth at a time, each depth in parallel.
fn make_dirs(tree: &Path, dirs: &[String]) -> Result<usize, PublishError> {
    let mut created = 0;
    for level in dirs.chunk_by(|a, b| a.matches('/').count() == b.matches('/').count()) {
        let made: Vec<bool> = level
            .par_iter()
            .map(|d| match fs::create_dir(tree.join(d)) {
                Ok(()) => Ok(true),
                Err(e) if e.kind() == ErrorKind::AlreadyExists => Ok(false),
                Err(e) => Err(PublishError::io("create the folder", tree.join(d), e)),
            })
            .collect::<Result<_, _>>()?;
        created += made.into_iter().filter(|m| *m).count();
    }
    Ok(created)
}

/// Writes `bytes` to `path` in place; replaces a symbolic link there rather than writing
/// through it, and creates a missing parent folder.
pub fn write_file(path: &Path, bytes: &[u8]) -> io::Result<Fingerprint> {
    let mut file = match open(path) {
        Err(e) if e.kind() == ErrorKind::NotFound => {
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent)?;
            }
            open(path)?
        }
        Err(_) if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) => {
            fs::remove_file(path)?;
            open(path)?
        }
        other => other?,
    };
    file.write_all(bytes)?;
    Ok(Fingerprint::of(&file.metadata()?))
}

fn open(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32);
    }
    options.open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writing_replaces_a_symlink_instead_of_following_it() {
        let t = tempfile::tempdir().unwrap();
        let victim = t.path().join("victim.txt");
        fs::write(&victim, "mine").unwrap();
        let link = t.path().join("tree/index.html");
        fs::create_dir(t.path().join("tree")).unwrap();
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        write_file(&link, b"site").unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "mine");
        assert_eq!(fs::read_to_string(&link).unwrap(), "site");
        assert!(
            !fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }
}
