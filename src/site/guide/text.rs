//! The guide's texts (Markdown written in `data/guide.yaml`) rendered for a page: figure
//! directives resolved with their notes, a statement's source cited in the same notes,
//! and errors located at the text's place in the file.

use crate::content::markdown::{self, Origin};
use crate::data::guide::{GUIDE_FILE, Statement};
use crate::diagnostics::{Diagnostic, Position};
use crate::html::Markup;
use crate::locale::Lang;
use crate::site::resolver::Resolver;
use std::path::Path;

/// Renders guide texts for one page in one language; problems are collected.
pub struct Writer<'a> {
    pub resolver: Resolver<'a>,
    pub lang: Lang,
    pub errors: Vec<Diagnostic>,
}

impl Writer<'_> {
    /// `text` (written at `at` in the file) as HTML: one paragraph, or its content alone
    /// with `inline`.
    pub fn markdown(&mut self, text: &str, at: Option<Position>, inline: bool) -> Markup {
        // Padding puts the text where it is written, so errors point into the YAML file.
        let at = at.unwrap_or(Position::new(1, 1));
        let pad = format!("{}{}", "\n".repeat(at.line - 1), " ".repeat(at.column - 1));
        let file_text = format!("{pad}{text}");
        let origin = Origin {
            file: Path::new(GUIDE_FILE),
            file_text: &file_text,
            body_offset: pad.len(),
        };
        let raw_html = self.resolver.ctx.config.markdown.raw_html;
        Markup::trusted(
            match markdown::render(text, self.lang, raw_html, &origin, &self.resolver) {
                Ok(r) if inline => unwrap_paragraph(&r.html),
                Ok(r) => r.html,
                Err(mut e) => {
                    self.errors.append(&mut e);
                    String::new()
                }
            },
        )
    }

    /// A statement as inline HTML followed by the reference to its source's note.
    pub fn statement(&mut self, s: &Statement) -> Markup {
        let lang = self.lang;
        let html = self.markdown(s.text.get(lang), *s.at.get(lang), true);
        let data = self.resolver.ctx.data;
        let reference = match (&s.source, self.resolver.notes) {
            (Some(id), Some(notes)) => data
                .sources
                .get(id)
                .map(|src| notes.cite_document(&self.resolver.ctx.lang(lang), src))
                .unwrap_or_default(),
            _ => Markup::default(),
        };
        let mut html = html;
        html.push(&reference);
        html
    }
}

/// The content of `html` when it is one paragraph, else `html` itself.
fn unwrap_paragraph(html: &str) -> String {
    let trimmed = html.trim_end();
    match trimmed
        .strip_prefix("<p>")
        .and_then(|s| s.strip_suffix("</p>"))
    {
        Some(inner) if !inner.contains("<p>") => inner.to_string(),
        _ => trimmed.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_paragraph_is_unwrapped_and_two_are_kept() {
        assert_eq!(
            super::unwrap_paragraph("<p>a <em>b</em></p>\n"),
            "a <em>b</em>"
        );
        assert_eq!(
            super::unwrap_paragraph("<p>a</p>\n<p>b</p>\n"),
            "<p>a</p>\n<p>b</p>"
        );
    }
}
