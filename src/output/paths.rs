//! Checking the build's own file list before anything is written: every path relative and
//! inside the output, no path twice, no file where another needs a folder, nothing that
//! would clash with the marker or the line-based manifest.

use super::OutputFile;
use super::error::PublishError;
use super::layout::MARKER;
use super::state::parents;
use std::collections::BTreeSet;
use std::path::{Component, Path};

/// Sorts `files` by path and checks them.
pub fn validate(mut files: Vec<OutputFile>) -> Result<Vec<OutputFile>, PublishError> {
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let mut dirs = BTreeSet::new();
    for pair in files.windows(2) {
        if pair[0].path == pair[1].path {
            return Err(PublishError::DuplicatePath(pair[0].path.clone()));
        }
    }
    for f in &files {
        check_relative(&f.path)?;
        for d in parents(&f.path) {
            if !dirs.insert(d) {
                break;
            }
        }
    }
    let names: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    if let Some(d) = dirs.iter().find(|d| names.contains(**d)) {
        let inside = files
            .iter()
            .find(|f| f.path.starts_with(&format!("{d}/")))
            .map(|f| f.path.clone())
            .unwrap_or_default();
        return Err(PublishError::PathConflict {
            file: d.to_string(),
            inside,
        });
    }
    Ok(files)
}

fn check_relative(path: &str) -> Result<(), PublishError> {
    let p = Path::new(path);
    let ok = !path.is_empty()
        && path != MARKER
        && !path.contains(['\n', '\r', '\\'])
        && path
            .split('/')
            .all(|s| !s.is_empty() && s != "." && s != "..")
        && p.components().all(|c| matches!(c, Component::Normal(_)));
    if ok {
        Ok(())
    } else {
        Err(PublishError::UnsafePath(path.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(paths: &[&str]) -> Result<Vec<OutputFile>, PublishError> {
        validate(paths.iter().map(|p| OutputFile::new(*p, "x")).collect())
    }

    #[test]
    fn refuses_paths_that_escape_or_break_the_manifest() {
        for bad in [
            "../evil",
            "/abs",
            "a/../../b",
            "",
            "a\nb",
            MARKER,
            "a/./b",
            "a//b",
        ] {
            assert!(
                matches!(check(&[bad]), Err(PublishError::UnsafePath(_))),
                "{bad:?}"
            );
        }
        assert_eq!(check(&["b", "a/c"]).unwrap()[0].path, "a/c");
    }

    #[test]
    fn refuses_duplicates_and_a_file_where_a_folder_is_needed() {
        assert!(matches!(
            check(&["a", "a"]),
            Err(PublishError::DuplicatePath(p)) if p == "a"
        ));
        assert!(matches!(
            check(&["fr/x", "fr/x/index.html"]),
            Err(PublishError::PathConflict { file, .. }) if file == "fr/x"
        ));
    }
}
