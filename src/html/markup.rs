//! [`Markup`]: HTML that templates write as it is. askama escapes every other value it
//! writes into an HTML template; a `Markup` is written without escaping because it can only
//! be made safe: from text, escaped (and its Latin runs isolated in Arabic) by
//! [`Markup::text`], [`Markup::escaped`] or [`Markup::text_node`], or from markup this program wrote itself
//! (rendered Markdown, a rendered template, a drawn SVG) by [`Markup::trusted`], whose
//! callers are few and greppable. No template uses `|safe`.

use crate::locale::Lang;
use std::fmt;

/// HTML safe to write as it is; see the module documentation. `S` is `String`, or `&str`
/// to borrow markup the site model already holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Markup<S = String>(S);

impl Markup {
    /// Text from content, data or the interface strings, for an HTML text node of a page in
    /// `lang`: escaped, and in Arabic with each Latin run isolated.
    pub fn text(lang: Lang, s: &str) -> Self {
        Markup(super::text(lang, s))
    }

    /// Text escaped for a text node or an attribute, with no isolation of Latin runs.
    pub fn escaped(s: &str) -> Self {
        Markup(super::escape(s))
    }

    /// A rendered template: askama escaped every value it wrote that was not `Markup`.
    pub fn render(template: &impl askama::Template) -> Result<Self, askama::Error> {
        template.render().map(Markup)
    }

    /// `more` written after this.
    pub fn push(&mut self, more: &Markup) {
        self.0.push_str(&more.0);
    }

    /// The same markup, borrowed (for a template's field).
    pub fn borrowed(&self) -> Markup<&str> {
        Markup(&self.0)
    }

    /// Text for a text node where no isolation is wanted (`<title>`): `&`, `<`, `>` escaped,
    /// quotes kept as typed.
    pub fn text_node(s: &str) -> Self {
        Markup(super::escape_text(s))
    }
}

impl<S: AsRef<str>> Markup<S> {
    /// Markup this program wrote: rendered Markdown and templates, drawn SVG, JSON-LD
    /// already escaped for a script element. Never text from content or data as it is.
    pub fn trusted(html: S) -> Self {
        Markup(html)
    }

    pub fn as_str(&self) -> &str {
        self.0.as_ref()
    }

    pub fn is_empty(&self) -> bool {
        self.0.as_ref().is_empty()
    }
}

impl<S: AsRef<str>> fmt::Display for Markup<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.as_ref())
    }
}

/// askama writes a `Markup` into HTML templates without escaping it.
impl<S: AsRef<str>> askama::filters::HtmlSafe for Markup<S> {}

#[cfg(test)]
mod tests {
    use super::*;
    use askama::Template;

    #[derive(Template)]
    #[template(
        source = "<p title=\"{{ raw }}\">{{ raw }} {{ safe }}</p>",
        ext = "html"
    )]
    struct Probe<'a> {
        raw: &'a str,
        safe: Markup,
    }

    #[test]
    fn templates_escape_text_but_write_markup_as_it_is() {
        let html = Probe {
            raw: "<b>\"x\"</b>",
            safe: Markup::text(Lang::Fr, "<i>AMO</i>"),
        }
        .render()
        .unwrap();
        assert_eq!(
            html,
            "<p title=\"&#60;b&#62;&#34;x&#34;&#60;/b&#62;\">&#60;b&#62;&#34;x&#34;&#60;/b&#62; \
             &lt;i&gt;AMO&lt;/i&gt;</p>"
        );
    }

    /// Text reaches HTML escaped by askama or as a `Markup`; a `|safe` in a template would
    /// bypass both.
    #[test]
    fn no_template_marks_anything_safe() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        let mut found = Vec::new();
        for entry in walkdir::WalkDir::new(&root) {
            let entry = entry.unwrap();
            if entry.file_type().is_file() {
                let text = std::fs::read_to_string(entry.path()).unwrap();
                if text.contains("|safe") || text.contains("| safe") {
                    found.push(entry.path().display().to_string());
                }
            }
        }
        assert!(found.is_empty(), "|safe in {found:?}");
    }
}
