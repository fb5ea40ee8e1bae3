//! Checking the build's own file list before anything is written: every path relative and
//! inside the output, no path twice, no file where another needs a folder, nothing that
//! would clash with the marker or the line-based manifest.

use super::OutputFile;
use super::error::PublishError;
use super::layout::MARKER;
use super::state::folders;
use std::path::{Component, Path};

/// Sorts `files` by path and checks them.
pub fn validate(mut files: Vec<OutputFile>) -> Result<Vec<OutputFile>, PublishError> {
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    for p in &paths {
        check_relative(p)?;
    }
    check_sorted(&paths)?;
    Ok(files)
}

/// Checks a sorted list of paths: none twice, none a file where another needs a folder.
pub fn check_sorted(paths: &[&str]) -> Result<(), PublishError> {
    if let Some(pair) = paths.windows(2).find(|pair| pair[0] == pair[1]) {
        return Err(PublishError::DuplicatePath(pair[0].to_string()));
    }
    // `paths` is sorted: a folder that is also a file is found by binary search.
    let dirs = folders(paths.iter().copied());
    if let Some(d) = dirs.iter().find(|d| paths.binary_search(d).is_ok()) {
        let prefix = format!("{d}/");
        let inside = paths.iter().find(|p| p.starts_with(&prefix));
        return Err(PublishError::PathConflict {
            file: d.to_string(),
            inside: inside.map(|p| p.to_string()).unwrap_or_default(),
        });
    }
    Ok(())
}

/// Checks one path: relative, inside the output, not the marker, fit for the manifest.
pub fn check_relative(path: &str) -> Result<(), PublishError> {
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
