//! Writing the site: every file is produced in memory first, then written into a staging
//! directory beside the target and swapped in only when all of it was written. A failed
//! build never touches the previous output.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use walkdir::WalkDir;

/// One file of the built site: a relative path with `/` separators, and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

impl OutputFile {
    pub fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        OutputFile {
            path: path.into(),
            bytes: bytes.into(),
        }
    }
}

/// Reads `dir` (e.g. `static/`) into output files under `prefix`, in sorted order.
pub fn read_tree(dir: &Path, prefix: &str) -> io::Result<Vec<OutputFile>> {
    let mut files = Vec::new();
    if !dir.is_dir() {
        return Ok(files);
    }
    for entry in WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(io::Error::other)?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(dir).map_err(io::Error::other)?;
        let rel: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        files.push(OutputFile::new(
            format!("{prefix}{}", rel.join("/")),
            fs::read(entry.path())?,
        ));
    }
    Ok(files)
}

/// Writes `files` as the new content of `out`, atomically from the reader's point of view:
/// staging directory first, then two renames.
pub fn write_atomically(out: &Path, mut files: Vec<OutputFile>) -> io::Result<()> {
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let mut seen = BTreeSet::new();
    for f in &files {
        check_relative(&f.path)?;
        if !seen.insert(f.path.as_str()) {
            return Err(io::Error::other(format!(
                "two outputs want the same path `{}`",
                f.path
            )));
        }
    }
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent)?;
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    let pid = std::process::id();
    let staging = parent.join(format!(".{name}.staging-{pid}"));
    let old = parent.join(format!(".{name}.old-{pid}"));
    if staging.exists() {
        fs::remove_dir_all(&staging)?;
    }
    let result = write_all(&staging, &files).and_then(|()| swap(&staging, out, &old));
    if result.is_err() && staging.exists() {
        let _ = fs::remove_dir_all(&staging);
    }
    result
}

fn write_all(dir: &Path, files: &[OutputFile]) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    for f in files {
        let path = dir.join(&f.path);
        if let Some(p) = path.parent() {
            fs::create_dir_all(p)?;
        }
        fs::write(path, &f.bytes)?;
    }
    Ok(())
}

fn swap(staging: &Path, out: &Path, old: &Path) -> io::Result<()> {
    if out.exists() {
        if old.exists() {
            fs::remove_dir_all(old)?;
        }
        fs::rename(out, old)?;
        if let Err(e) = fs::rename(staging, out) {
            let _ = fs::rename(old, out);
            return Err(e);
        }
        fs::remove_dir_all(old)?;
    } else {
        fs::rename(staging, out)?;
    }
    Ok(())
}

fn check_relative(path: &str) -> io::Result<()> {
    let p = Path::new(path);
    let ok = !path.is_empty() && p.components().all(|c| matches!(c, Component::Normal(_)));
    if ok {
        Ok(())
    } else {
        Err(io::Error::other(format!(
            "refusing to write outside the output folder: `{path}`"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swaps_in_new_content_and_removes_stale_files() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        write_atomically(
            &out,
            vec![
                OutputFile::new("a/index.html", "one"),
                OutputFile::new("stale.txt", "x"),
            ],
        )
        .unwrap();
        write_atomically(&out, vec![OutputFile::new("a/index.html", "two")]).unwrap();
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "two");
        assert!(!out.join("stale.txt").exists());
        let leftovers: Vec<_> = fs::read_dir(tmp.path())
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.file_name())
            .collect();
        assert_eq!(leftovers.len(), 1, "{leftovers:?}");
    }

    #[test]
    fn refuses_paths_that_escape() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        assert!(write_atomically(&out, vec![OutputFile::new("../evil", "x")]).is_err());
        assert!(write_atomically(&out, vec![OutputFile::new("/abs", "x")]).is_err());
        assert!(!out.exists());
    }
}
