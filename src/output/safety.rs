//! The checks made before anything is written: where the output folder really is, places
//! never written into (even with `--force`), and whether an existing folder is amo-site's.

use super::error::{Forbidden, PublishError};
use super::layout::{self, MARKER, OWN_TOP_LEVEL, TreeId};
use std::fs;
use std::path::{Path, PathBuf};

/// Site folders holding sources (and the build cache, which deletes what it did not write):
/// the output may never be inside one of them.
pub const SOURCE_DIRS: [&str; 6] = [
    "content",
    "data",
    "static",
    "i18n",
    "templates",
    ".amo-cache",
];

/// What the existing output folder is, as far as writing into it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Nothing there yet.
    Missing,
    /// A tree amo-site made, with its identity.
    Marked(TreeId),
    /// An unmarked folder that amo-site may take over: empty, holding only what amo-site
    /// writes (an older amo-site's output), or anything under `--force`.
    Adopted,
}

/// `out` made absolute, with every symbolic link of its existing part resolved. Refuses a
/// symbolic link or a non-folder at `out` itself, and `..` after a part that does not exist.
pub fn resolve(out: &Path) -> Result<PathBuf, PublishError> {
    let cwd = std::env::current_dir().map_err(|e| PublishError::io("read", ".", e))?;
    let abs = cwd.join(out);
    if let Ok(md) = fs::symlink_metadata(&abs) {
        if md.file_type().is_symlink() {
            return Err(PublishError::Symlink(abs));
        }
        if !md.is_dir() {
            return Err(PublishError::NotAFolder(abs));
        }
        return fs::canonicalize(&abs).map_err(|e| PublishError::io("resolve", &abs, e));
    }
    let mut missing = Vec::new();
    let mut at = abs.as_path();
    loop {
        if let Ok(real) = fs::canonicalize(at) {
            return Ok(missing.iter().rev().fold(real, |p: PathBuf, n| p.join(n)));
        }
        let name = at
            .file_name()
            .ok_or_else(|| PublishError::UnsafePath(out.display().to_string()))?;
        missing.push(name.to_os_string());
        at = at
            .parent()
            .ok_or_else(|| PublishError::UnsafePath(out.display().to_string()))?;
    }
}

/// Refuses the places no site is ever written into: `/`, the home folder, the site folder,
/// a folder containing it, and anything inside its source folders.
pub fn check_place(out: &Path, site_root: &Path) -> Result<(), PublishError> {
    let forbid = |why| {
        Err(PublishError::Forbidden {
            out: out.to_path_buf(),
            why,
        })
    };
    let real = |p: &Path| fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let root = real(&std::env::current_dir().unwrap_or_default().join(site_root));
    if out.parent().is_none() {
        return forbid(Forbidden::FileSystemRoot);
    }
    if std::env::var_os("HOME").is_some_and(|h| !h.is_empty() && real(Path::new(&h)) == out) {
        return forbid(Forbidden::Home);
    }
    if out == root {
        return forbid(Forbidden::SiteRoot);
    }
    if root.starts_with(out) {
        return forbid(Forbidden::ContainsSiteRoot);
    }
    for dir in SOURCE_DIRS {
        if out.starts_with(real(&root.join(dir))) || out.starts_with(root.join(dir)) {
            return forbid(Forbidden::InsideSources(dir));
        }
    }
    Ok(())
}

/// Whether amo-site may write into the existing folder `out` (resolved).
pub fn classify(out: &Path, force: bool) -> Result<Target, PublishError> {
    if !out.exists() {
        return Ok(Target::Missing);
    }
    if let Some(id) = layout::read_marker(out) {
        return Ok(Target::Marked(id));
    }
    let mut foreign = Vec::new();
    let entries = fs::read_dir(out).map_err(|e| PublishError::io("read", out, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| PublishError::io("read", out, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !OWN_TOP_LEVEL.contains(&name.as_str()) && name != MARKER {
            foreign.push(name);
        }
    }
    if foreign.is_empty() || force {
        return Ok(Target::Adopted);
    }
    foreign.sort();
    let more = foreign.len().saturating_sub(5);
    foreign.truncate(5);
    if more > 0 {
        foreign.push(format!("and {more} more"));
    }
    Err(PublishError::NotOurs {
        out: out.to_path_buf(),
        examples: foreign,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let t = tempfile::tempdir().unwrap();
        for d in SOURCE_DIRS {
            fs::create_dir(t.path().join(d)).unwrap();
        }
        t
    }

    fn place(out: &Path, root: &Path) -> Result<(), PublishError> {
        check_place(&resolve(out)?, root)
    }

    fn why(r: Result<(), PublishError>) -> Forbidden {
        match r {
            Err(PublishError::Forbidden { why, .. }) => why,
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn refuses_the_site_root_and_its_ancestors() {
        let s = site();
        assert_eq!(why(place(s.path(), s.path())), Forbidden::SiteRoot);
        assert_eq!(
            why(place(&s.path().join("content/.."), s.path())),
            Forbidden::SiteRoot
        );
        let parent = s.path().parent().unwrap();
        assert_eq!(why(place(parent, s.path())), Forbidden::ContainsSiteRoot);
        assert_eq!(
            why(place(Path::new("/"), s.path())),
            Forbidden::FileSystemRoot
        );
    }

    #[test]
    fn refuses_anything_inside_the_sources_but_not_public_beside_them() {
        let s = site();
        for d in SOURCE_DIRS {
            assert_eq!(
                why(place(&s.path().join(d), s.path())),
                Forbidden::InsideSources(d)
            );
            assert_eq!(
                why(place(&s.path().join(d).join("new/public"), s.path())),
                Forbidden::InsideSources(d)
            );
        }
        place(&s.path().join("public"), s.path()).unwrap();
    }

    #[test]
    fn refuses_a_symlinked_way_into_the_sources() {
        let s = site();
        let link = s.path().join("link");
        std::os::unix::fs::symlink(s.path().join("static"), &link).unwrap();
        assert_eq!(
            why(place(&link.join("public"), s.path())),
            Forbidden::InsideSources("static")
        );
        assert!(matches!(resolve(&link), Err(PublishError::Symlink(_))));
    }

    #[test]
    fn a_regular_file_is_not_a_folder() {
        let s = site();
        let f = s.path().join("public");
        fs::write(&f, "mine").unwrap();
        assert!(matches!(resolve(&f), Err(PublishError::NotAFolder(_))));
    }

    #[test]
    fn an_unmarked_folder_with_other_files_needs_force() {
        let s = site();
        let out = s.path().join("public");
        fs::create_dir_all(out.join("fr")).unwrap();
        assert_eq!(classify(&out, false).unwrap(), Target::Adopted);
        fs::write(out.join("notes.txt"), "mine").unwrap();
        match classify(&out, false) {
            Err(e @ PublishError::NotOurs { .. }) => {
                let text = e.to_string();
                assert!(
                    text.contains("notes.txt") && text.contains("--force"),
                    "{text}"
                );
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(classify(&out, true).unwrap(), Target::Adopted);
        assert_eq!(
            classify(&s.path().join("new"), false).unwrap(),
            Target::Missing
        );
    }
}
