//! What can go wrong when publishing: typed, so that callers and tests match on the cause,
//! and each with a message that names the folder and says what to do.

use std::fmt;
use std::io;
use std::path::PathBuf;

/// A place amo-site refuses to write into, even with `--force`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Forbidden {
    /// The root of the file system.
    FileSystemRoot,
    /// The user's home folder.
    Home,
    /// The site folder itself (it holds the sources).
    SiteRoot,
    /// A folder that contains the site folder.
    ContainsSiteRoot,
    /// A folder inside one of the site's sources (`content`, `data`, `static`, `i18n`,
    /// `templates`).
    InsideSources(&'static str),
}

/// Why publishing failed. In every case the previously published site is left complete.
#[derive(Debug)]
pub enum PublishError {
    /// An output path is empty, absolute, or climbs out with `..`.
    UnsafePath(String),
    /// Two outputs want the same path.
    DuplicatePath(String),
    /// One output is a file where another needs a folder.
    PathConflict { file: String, inside: String },
    /// The output path exists and is not a folder (a regular file, a device…); left untouched.
    NotAFolder(PathBuf),
    /// The output path is a symbolic link; swapping it would replace the link.
    Symlink(PathBuf),
    /// The output path names a folder amo-site never writes into.
    Forbidden { out: PathBuf, why: Forbidden },
    /// The folder holds files amo-site did not write (no marker) and `--force` was not given.
    NotOurs { out: PathBuf, examples: Vec<String> },
    /// Another build is writing to the same output folder right now.
    Busy(PathBuf),
    /// A file-system operation failed.
    Io {
        path: PathBuf,
        action: &'static str,
        source: io::Error,
    },
}

impl PublishError {
    pub(crate) fn io(action: &'static str, path: impl Into<PathBuf>, source: io::Error) -> Self {
        PublishError::Io {
            path: path.into(),
            action,
            source,
        }
    }
}

impl fmt::Display for PublishError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PublishError::UnsafePath(p) => {
                write!(f, "refusing to write outside the output folder: `{p}`")
            }
            PublishError::DuplicatePath(p) => write!(f, "two outputs want the same path `{p}`"),
            PublishError::PathConflict { file, inside } => write!(
                f,
                "output `{file}` is a file but `{inside}` needs it to be a folder"
            ),
            PublishError::NotAFolder(p) => write!(
                f,
                "{} exists and is not a folder; it was left untouched: remove it or choose \
                 another --out",
                p.display()
            ),
            PublishError::Symlink(p) => write!(
                f,
                "{} is a symbolic link; pass the folder it points to as --out",
                p.display()
            ),
            PublishError::Forbidden { out, why } => {
                let what = match why {
                    Forbidden::FileSystemRoot => "the root of the file system".to_string(),
                    Forbidden::Home => "your home folder".to_string(),
                    Forbidden::SiteRoot => "the site folder itself".to_string(),
                    Forbidden::ContainsSiteRoot => "a folder that contains the site".to_string(),
                    Forbidden::InsideSources(d) => format!("inside the site's {d}/ folder"),
                };
                write!(
                    f,
                    "refusing to write the site into {} ({what}), even with --force: choose \
                     a folder of its own, such as public/ beside site.yaml",
                    out.display()
                )
            }
            PublishError::NotOurs { out, examples } => write!(
                f,
                "{} is not empty and was not made by amo-site (it holds {}); choose an empty \
                 or new folder, or pass --force to replace its contents with the site",
                out.display(),
                examples.join(", ")
            ),
            PublishError::Busy(p) => write!(
                f,
                "another amo-site build is writing to {} right now; try again when it is done",
                p.display()
            ),
            PublishError::Io {
                path,
                action,
                source,
            } => write!(f, "could not {action} {}: {source}", path.display()),
        }
    }
}

impl std::error::Error for PublishError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            PublishError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
