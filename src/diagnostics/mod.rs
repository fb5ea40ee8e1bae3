//! Located problems found in the user's input, collected rather than thrown.
//!
//! Every stage pushes into one [`Diagnostics`] so a single run reports *all* the problems it
//! can find, each with its file, line and column, what is wrong and how to fix it, and the
//! other places it concerns ("first defined here") as secondary [`Label`]s. The CLI renders
//! them like a compiler would, with `annotate-snippets` (see [`render`]).

mod position;
mod render;

pub use position::{Position, line_col};
pub use render::{
    render_all, render_all_styled, render_message, render_warnings, stderr_wants_colour, summary,
};

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One problem, pointing at a place in a file under the site root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Path relative to the site root, with `/` separators (e.g. `data/sources.yaml`).
    pub file: PathBuf,
    /// 1-based line and column; `None` when the problem concerns the whole file.
    pub position: Option<Position>,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
    /// Other places the problem involves, such as where a duplicate id was first defined.
    pub labels: Vec<Label>,
}

/// A secondary place a [`Diagnostic`] points at, with what it is ("first defined here").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// Path relative to the site root, like [`Diagnostic::file`].
    pub file: PathBuf,
    pub position: Option<Position>,
    pub text: String,
}

impl Diagnostic {
    pub fn new(
        file: impl Into<PathBuf>,
        position: Option<Position>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            file: file.into(),
            position,
            message: message.into(),
            hint: None,
            labels: Vec::new(),
        }
    }

    /// Adds a secondary place, shown under its own source line with `text` beside it.
    pub fn with_label(
        mut self,
        file: impl Into<PathBuf>,
        position: Option<Position>,
        text: impl Into<String>,
    ) -> Self {
        self.labels.push(Label {
            file: file.into(),
            position,
            text: text.into(),
        });
        self
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// `file:line:column`, the form editors and terminals turn into links.
    pub fn location(&self) -> String {
        match self.position {
            Some(p) => format!("{}:{}:{}", self.file.display(), p.line, p.column),
            None => self.file.display().to_string(),
        }
    }
}

/// All problems of one run, with the text of each file they point into (for excerpts).
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
    sources: BTreeMap<PathBuf, Arc<str>>,
    /// Warnings: not problems, printed once the inputs are read (see [`Self::warn`]).
    warnings: Vec<String>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    /// Remembers a file's text so that errors in it can show the offending line.
    pub fn add_source(&mut self, file: &Path, text: &str) {
        self.sources
            .entry(file.to_path_buf())
            .or_insert_with(|| Arc::from(text));
    }

    /// [`add_source`](Self::add_source) without a copy: the text is shared.
    pub fn add_shared_source(&mut self, file: &Path, text: Arc<str>) {
        self.sources.entry(file.to_path_buf()).or_insert(text);
    }

    /// Reads from `root` the text of each file a problem or a label points into whose text
    /// was let go (pages without problems are read again only when needed), so that every
    /// problem is shown with its line. Unreadable files are shown without.
    pub fn read_missing_sources(&mut self, root: &Path) {
        let Self { items, sources, .. } = self;
        let missing: BTreeSet<PathBuf> = items
            .iter()
            .flat_map(|d| std::iter::once(&d.file).chain(d.labels.iter().map(|l| &l.file)))
            .filter(|f| !sources.contains_key(f.as_path()))
            .cloned()
            .collect();
        for file in missing {
            if let Ok(text) = std::fs::read_to_string(root.join(&file)) {
                sources.insert(file, Arc::from(text));
            }
        }
    }

    /// Forgets the text of each file that `matching` selects and that no problem points
    /// into yet, so that a large site does not hold every page's text until the end of the
    /// build. A stage that later finds a problem in such a file gives its text back with
    /// [`add_shared_source`](Self::add_shared_source).
    pub fn release_sources_without_problems(&mut self, matching: impl Fn(&Path) -> bool) {
        let Self { items, sources, .. } = self;
        let pointed: BTreeSet<&Path> = items
            .iter()
            .flat_map(|d| std::iter::once(&d.file).chain(d.labels.iter().map(|l| &l.file)))
            .map(PathBuf::as_path)
            .collect();
        sources.retain(|file, _| !matching(file) || pointed.contains(file.as_path()));
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub fn error(
        &mut self,
        file: &Path,
        position: Option<Position>,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        self.push(Diagnostic::new(file, position, message).with_hint(hint));
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Problems sorted by file, then position, so output is stable whatever the load order.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut items: Vec<&Diagnostic> = self.items.iter().collect();
        items.sort_by(|a, b| {
            (&a.file, a.position, &a.message).cmp(&(&b.file, b.position, &b.message))
        });
        items.dedup();
        items
    }

    pub fn source(&self, file: &Path) -> Option<&str> {
        self.sources.get(file).map(|s| &**s)
    }

    /// Notes a warning, printed by [`Self::print_warnings`]: inputs are read on several
    /// threads, so warnings are held and printed in one sorted order.
    pub fn warn(&mut self, text: String) {
        self.warnings.push(text);
    }

    /// The warnings noted so far, in the order noted.
    #[cfg(test)]
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// Prints the warnings noted so far to stderr, sorted, and forgets them.
    pub fn print_warnings(&mut self) {
        let mut warnings = std::mem::take(&mut self.warnings);
        warnings.sort();
        for w in warnings {
            eprintln!("warning: {w}");
        }
    }

    /// Moves every problem of `other` into `self`.
    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
        self.warnings.extend(other.warnings);
        for (k, v) in other.sources {
            self.sources.entry(k).or_insert(v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn released_sources_keep_the_files_problems_point_into() {
        let mut diags = Diagnostics::new();
        for file in [
            "content/a.md",
            "content/b.md",
            "content/c.md",
            "data/x.yaml",
        ] {
            diags.add_source(Path::new(file), "text\n");
        }
        let at = Some(Position { line: 1, column: 1 });
        diags.push(Diagnostic::new(Path::new("content/a.md"), at, "wrong"));
        diags.push(
            Diagnostic::new(Path::new("data/x.yaml"), at, "duplicate").with_label(
                Path::new("content/b.md"),
                at,
                "first here",
            ),
        );
        diags.release_sources_without_problems(|f| f.starts_with("content"));
        let kept = |f: &str| diags.source(Path::new(f)).is_some();
        assert!(kept("content/a.md"), "a problem points into it");
        assert!(kept("content/b.md"), "a label points into it");
        assert!(!kept("content/c.md"), "nothing points into it");
        assert!(kept("data/x.yaml"), "not selected");
    }
}
