//! Pages: Markdown files of `content/` with YAML front matter, paired by language.
//!
//! A page and its translation share a path and differ by suffix: `regimes/tadamon.ar.md`
//! and `regimes/tadamon.fr.md` become `/ar/regimes/tadamon/` and `/fr/regimes/tadamon/`.
//! Loading only reads and checks the files; Markdown is turned into HTML later, once the
//! data it refers to is known (see `markdown`).

mod directive;
mod front_matter;
pub mod markdown;

pub use directive::{Directive, DirectiveKind, FigureRef};
pub use front_matter::{FrontMatter, Layout, ReportDates};

use crate::diagnostics::Diagnostics;
use crate::locale::{Lang, Localized};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// One language version of a page, as written.
#[derive(Debug, Clone)]
pub struct Source {
    /// Path relative to the site root (`content/regimes/tadamon.ar.md`).
    pub file: PathBuf,
    pub front: FrontMatter,
    /// The front matter's YAML text, to locate keys in later checks.
    pub front_yaml: String,
    /// A report's checked dates.
    pub dates: ReportDates,
    /// Markdown after the front matter.
    pub body: String,
    /// Line number (0-based count of lines) at which `body` starts in the file.
    pub body_line: usize,
}

/// A page in both languages.
#[derive(Debug, Clone)]
pub struct PagePair {
    /// Path without language suffix, with `/` separators: `index`, `regimes/tadamon`.
    pub key: String,
    pub sources: Localized<Source>,
    /// The language that has no text of its own and shows the other language's, if any.
    pub fallback: Option<Lang>,
}

impl PagePair {
    /// The language the text shown at `/lang/…` is written in.
    pub fn content_lang(&self, lang: Lang) -> Lang {
        if self.fallback == Some(lang) {
            lang.other()
        } else {
            lang
        }
    }

    /// The page's path under a language folder: `` for the home page, `reports/` for
    /// `reports/index`, `regimes/tadamon/` otherwise.
    pub fn slug_path(&self) -> String {
        match self.key.strip_suffix("index") {
            Some("") => String::new(),
            Some(folder) if folder.ends_with('/') => folder.to_string(),
            _ => format!("{}/", self.key),
        }
    }
}

/// The pages found, and the keys of pages that could not be read (already reported).
#[derive(Debug, Default)]
pub struct Content {
    pub pages: Vec<PagePair>,
    pub broken: BTreeSet<String>,
}

/// Reads every page under `root/content`, reporting unpaired and malformed files.
pub fn load(root: &Path, diags: &mut Diagnostics) -> Content {
    let dir = root.join("content");
    let mut broken = BTreeSet::new();
    if !dir.is_dir() {
        diags.error(
            Path::new("content"),
            None,
            "the folder content/ is missing",
            "create it with the site's Markdown pages",
        );
        return Content::default();
    }
    let mut found: BTreeMap<String, (Option<Source>, Option<Source>)> = BTreeMap::new();
    for entry in WalkDir::new(&dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
    {
        if !entry.file_type().is_file()
            || entry.path().extension().and_then(|e| e.to_str()) != Some("md")
        {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(root) else {
            continue;
        };
        let rel = rel.to_path_buf();
        let Some((key, lang)) = split_name(&rel) else {
            diags.error(
                &rel,
                None,
                "a page's file name must end in `.ar.md` or `.fr.md`",
                "rename it, e.g. `coverage.ar.md` and `coverage.fr.md`",
            );
            continue;
        };
        let Some(source) = read_source(root, &rel, diags) else {
            broken.insert(key);
            continue;
        };
        let slot = found.entry(key).or_default();
        match lang {
            Lang::Ar => slot.0 = Some(source),
            Lang::Fr => slot.1 = Some(source),
        }
    }
    let mut pages = Vec::new();
    for (key, pair) in found {
        match pair {
            (Some(ar), Some(fr)) => {
                for src in [&ar, &fr] {
                    if !src.front.fallback_for.is_empty() {
                        diags.error(
                            &src.file,
                            front_line(src, "fallback_for"),
                            "`fallback_for` on a page that exists in both languages",
                            "remove `fallback_for`: the translation exists",
                        );
                    }
                }
                pages.push(PagePair {
                    key,
                    sources: Localized { ar, fr },
                    fallback: None,
                });
            }
            (Some(_), None) | (None, Some(_)) if broken.contains(&key) => {}
            (Some(only), None) | (None, Some(only)) => {
                let present = if only.file.to_string_lossy().ends_with(".ar.md") {
                    Lang::Ar
                } else {
                    Lang::Fr
                };
                let missing = present.other();
                if only.front.fallback_for.contains(&missing) {
                    pages.push(PagePair {
                        key,
                        sources: Localized {
                            ar: only.clone(),
                            fr: only,
                        },
                        fallback: Some(missing),
                    });
                } else {
                    diags.error(
                        &only.file,
                        None,
                        format!("this page has no {missing} version"),
                        format!("write `content/{key}.{missing}.md`, or add `fallback_for: [{missing}]` to publish this text there with a notice until it is translated"),
                    );
                }
            }
            (None, None) => {}
        }
    }
    Content { pages, broken }
}

/// `content/regimes/tadamon.ar.md` → (`regimes/tadamon`, Ar).
fn split_name(rel: &Path) -> Option<(String, Lang)> {
    let inner = rel.strip_prefix("content").ok()?;
    let text = inner.to_str()?.replace('\\', "/");
    let stem = text.strip_suffix(".md")?;
    let (key, code) = stem.rsplit_once('.')?;
    let lang = Lang::from_code(code)?;
    let valid = key.split('/').all(crate::foundation::is_valid_id);
    valid.then(|| (key.to_string(), lang))
}

fn read_source(root: &Path, rel: &Path, diags: &mut Diagnostics) -> Option<Source> {
    let text = match std::fs::read_to_string(root.join(rel)) {
        Ok(t) => t,
        Err(e) => {
            diags.error(
                rel,
                None,
                format!("cannot read the page: {e}"),
                "save the file as UTF-8 text",
            );
            return None;
        }
    };
    diags.add_source(rel, &text);
    let (front, front_yaml, body, body_line) = front_matter::split_and_parse(rel, &text, diags)?;
    let dates = front_matter::report_dates(rel, &front, &front_yaml, diags);
    Some(Source {
        file: rel.to_path_buf(),
        front,
        front_yaml,
        dates,
        body,
        body_line,
    })
}

/// Position of the first front matter line mentioning `key`.
fn front_line(src: &Source, key: &str) -> Option<crate::diagnostics::Position> {
    src.front_yaml
        .lines()
        .position(|l| l.trim_start().starts_with(key))
        .map(|i| crate::diagnostics::Position::new(i + 2, 1))
}
