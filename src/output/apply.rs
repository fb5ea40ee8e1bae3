//! The two file operations of the writer: write a file in place and delete one. Never
//! follows a symbolic link.

use super::error::PublishError;
use super::manifest::Fingerprint;
use std::fs::{self, File, OpenOptions};
use std::io::{self, ErrorKind, Write};
use std::path::Path;

/// `true` if it removed the file, `false` if there was none.
pub fn remove_file(path: &Path) -> Result<bool, PublishError> {
    match fs::remove_file(path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(false),
        Err(e) => Err(PublishError::io("delete", path, e)),
    }
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
