//! Pages: Markdown files of `content/` with YAML front matter, paired by language.
//!
//! A page and its translation share a path and differ by suffix: `regimes/tadamon.ar.md`
//! and `regimes/tadamon.fr.md` become `/ar/regimes/tadamon/` and `/fr/regimes/tadamon/`.
//! Loading only reads and checks the files; Markdown is turned into HTML later, once the
//! data it refers to is known (see `markdown`).

mod directive;
mod file_name;
mod front_matter;
mod layout_keys;
pub mod markdown;
pub mod markdown_policy;
#[cfg(test)]
mod markdown_props;

pub use directive::{Directive, DirectiveKind, FigureRef};
pub use front_matter::{FrontMatter, Layout, ReportDates, front_position, front_position_or_start};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::foundation::input_file::{Role, read_text};
use crate::foundation::text_policy;
use crate::locale::{Lang, Localized};
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One language version of a page, as written.
#[derive(Debug, Clone)]
pub struct Source {
    /// Path relative to the site root (`content/regimes/tadamon.ar.md`).
    pub file: PathBuf,
    pub front: FrontMatter,
    /// A report's checked dates.
    pub dates: ReportDates,
    /// The file's text, or where to read it again.
    text: Text,
    /// Where the Markdown after the front matter starts in `text`.
    body_start: usize,
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

/// A page's text: held (shared with the diagnostics, which quote it), or, once the file is
/// checked and has no problem, left on disk and read again when its body is rendered, so
/// that a large site's Markdown is not all held from loading to writing.
#[derive(Debug, Clone)]
enum Text {
    Held(Arc<str>),
    OnDisk {
        path: PathBuf,
        len: usize,
        hash: u128,
    },
}

impl Source {
    /// The file's text, read again if it was left on disk; an error if the file changed
    /// since it was loaded (its front matter and checks would no longer hold).
    pub fn text(&self) -> Result<Cow<'_, str>, Diagnostic> {
        let (path, len, hash) = match &self.text {
            Text::Held(text) => return Ok(Cow::Borrowed(text)),
            Text::OnDisk { path, len, hash } => (path, *len, *hash),
        };
        let changed = || {
            Diagnostic::new(
                &self.file,
                None,
                "the file changed while the site was being built",
            )
            .with_hint("build again")
        };
        // Exactly the bytes loaded: one `read`, no `stat` for a size hint. A file that grew
        // since still gives them (what was checked is what is rendered).
        // (Read into spare capacity: a zeroed buffer cost a pass over every report.)
        let mut bytes = Vec::with_capacity(len);
        std::fs::File::open(path)
            .and_then(|f| {
                std::io::Read::read_to_end(&mut std::io::Read::take(f, len as u64), &mut bytes)
            })
            .map_err(|_| changed())?;
        if crate::output::content_hash(&bytes) != hash {
            return Err(changed());
        }
        // Valid: the same bytes were checked when loaded; checked again all the same.
        crate::foundation::utf8(&bytes)
            .map(|text| Cow::Owned(text.to_owned()))
            .map_err(|_| changed())
    }

    /// Where the Markdown after the front matter starts in the file's text (bytes).
    pub fn body_start(&self) -> usize {
        self.body_start
    }

    /// The Markdown after the front matter, in `text` (the file's [`text`](Self::text)).
    pub fn body_of<'t>(&self, text: &'t str) -> &'t str {
        &text[self.body_start..]
    }

    /// Lets the text go, to be read again from the site at `root` when needed.
    pub fn leave_on_disk(&mut self, root: &Path) {
        if let Text::Held(text) = &self.text {
            self.text = Text::OnDisk {
                path: root.join(&self.file),
                len: text.len(),
                hash: crate::output::content_hash(text.as_bytes()),
            };
        }
    }

    /// Gives `diags` this file's text back, for excerpts of the problems found in it after
    /// the text was released there (see [`Diagnostics::release_sources_without_problems`]).
    pub fn quote_in(&self, diags: &mut Diagnostics) {
        match &self.text {
            Text::Held(text) => diags.add_shared_source(&self.file, Arc::clone(text)),
            Text::OnDisk { .. } => {
                if let Ok(text) = self.text() {
                    diags.add_source(&self.file, &text);
                }
            }
        }
    }
}

impl PagePair {
    /// [`Source::quote_in`] for both languages.
    pub fn quote_in(&self, diags: &mut Diagnostics) {
        self.sources.ar.quote_in(diags);
        self.sources.fr.quote_in(diags);
    }

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
    let mut named = Vec::new();
    for rel in crate::input_tree::walk(root, "content", diags).files {
        if rel.extension().and_then(|e| e.to_str()) != Some("md") {
            continue;
        }
        match split_name(&rel) {
            Some((key, lang)) => named.push((rel, key, lang)),
            None => {
                let (message, hint) = file_name::explain(&rel);
                diags.error(&rel, None, message, hint);
            }
        }
    }
    // Files of the same page side by side (Arabic first), so that they are paired as they
    // come rather than through a map of whole pages.
    named.sort_by(|a, b| (&a.1, a.2 == Lang::Fr).cmp(&(&b.1, b.2 == Lang::Fr)));
    // Read and parse in parallel; problems are merged back in that order.
    let read: Vec<(Option<Source>, Diagnostics)> = named
        .par_iter()
        .map(|(rel, _, _)| {
            let mut local = Diagnostics::new();
            let mut source = read_source(root, rel, &mut local);
            // A file without problems is read again when its body is rendered.
            if let Some(s) = source.as_mut().filter(|_| local.is_empty()) {
                s.leave_on_disk(root);
                local.release_sources_without_problems(|_| true);
            }
            (source, local)
        })
        .collect();
    let mut found: Vec<(String, Pair)> = Vec::with_capacity(named.len());
    for ((_, key, lang), (source, local)) in named.into_iter().zip(read) {
        diags.extend(local);
        let Some(source) = source else {
            broken.insert(key);
            continue;
        };
        if found.last().is_none_or(|(k, _)| *k != key) {
            found.push((key, (None, None)));
        }
        let (_, slot) = found.last_mut().expect("pushed above");
        match lang {
            Lang::Ar => slot.0 = Some(source),
            Lang::Fr => slot.1 = Some(source),
        }
    }
    let pages = pair_up(found, &broken, diags);
    Content { pages, broken }
}

/// A page's Arabic and French files, as far as they were read.
type Pair = (Option<Source>, Option<Source>);

/// Pairs each page's two language files, or publishes one file in both languages when it
/// says `fallback_for`; a page without its translation otherwise is an error.
fn pair_up(
    found: Vec<(String, Pair)>,
    broken: &BTreeSet<String>,
    diags: &mut Diagnostics,
) -> Vec<PagePair> {
    let mut pages = Vec::with_capacity(found.len());
    for (key, pair) in found {
        match pair {
            (Some(ar), Some(fr)) => {
                for src in [&ar, &fr] {
                    if let Some(fallback) = &src.front.fallback_for
                        && !fallback.value.is_empty()
                    {
                        diags.error(
                            &src.file,
                            front_position(fallback),
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
                if only.front.fallback_for().contains(&missing) {
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
    pages
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
    let role = Role {
        what: "the page",
        hint: "save the file as UTF-8 text",
    };
    let text = read_text(root, rel, &role, diags)?;
    let parsed = front_matter::split_and_parse(rel, &text, diags);
    check_characters(rel, &text, parsed.as_ref().map(|p| p.1), diags);
    let (front, body, _) = parsed?;
    let body_start = text.len() - body.len();
    let dates = front_matter::report_dates(rel, &front, diags);
    Some(Source {
        file: rel.to_path_buf(),
        front,
        dates,
        text: Text::Held(text),
        body_start,
    })
}

/// Refused characters (see [`text_policy`]) in the front matter and in the body; when the
/// page could not be split, control characters anywhere in it.
fn check_characters(rel: &Path, text: &str, body: Option<&str>, diags: &mut Diagnostics) {
    match body {
        Some(body) => {
            let front_start = text.find('\n').map_or(0, |i| i + 1);
            let body_start = text.len() - body.len();
            let front = &text[front_start..body_start];
            text_policy::check_yaml(rel, text, front_start, front, diags);
            check_front_directives(rel, text, front_start, front, diags);
            markdown_policy::check_markdown(rel, text, body_start, body, diags);
        }
        None => {
            let whole = 0..text.len();
            let found = text_policy::find(text, std::slice::from_ref(&whole));
            text_policy::report(rel, text, &found, diags);
        }
    }
}

/// Directives are resolved in the body only: one in the front matter would be published
/// as typed, braces and all.
fn check_front_directives(
    rel: &Path,
    text: &str,
    start: usize,
    front: &str,
    diags: &mut Diagnostics,
) {
    for (i, _) in front.match_indices("{{") {
        diags.error(
            rel,
            Some(crate::diagnostics::line_col(text, start + i)),
            "a directive in the front matter",
            "titles and descriptions are plain text: write the figure in the page body",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_left_on_disk_is_read_again_and_a_changed_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let rel = Path::new("content/about.fr.md");
        std::fs::create_dir_all(dir.path().join("content")).unwrap();
        let text =
            "---\ntitle: \"À propos\"\ndescription: \"Le site\"\n---\n\n## Titre\n\nTexte.\n";
        std::fs::write(dir.path().join(rel), text).unwrap();
        let mut diags = Diagnostics::new();
        let mut src = read_source(dir.path(), rel, &mut diags).expect("a valid page");
        assert!(diags.is_empty());
        src.leave_on_disk(dir.path());
        let again = src.text().expect("the same file");
        assert_eq!(&*again, text);
        assert_eq!(src.body_of(&again), "\n## Titre\n\nTexte.\n");
        std::fs::write(dir.path().join(rel), format!("{text}Ajouté.\n")).unwrap();
        let grown = src.text().expect("what was loaded is still there");
        assert_eq!(
            &*grown, text,
            "the text checked at load is the text rendered"
        );
        std::fs::write(dir.path().join(rel), text.replace("Texte", "Textes")).unwrap();
        let err = src.text().expect_err("the file changed");
        assert_eq!(err.file, rel);
        assert!(
            err.message
                .contains("changed while the site was being built")
        );
        std::fs::remove_file(dir.path().join(rel)).unwrap();
        assert!(src.text().is_err(), "a file gone is refused too");
    }
}
