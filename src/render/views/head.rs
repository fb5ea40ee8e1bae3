//! The `<head>` of every HTML file (`templates/partials/head.html`): pages, chart embeds and
//! the neutral root share it, each with the parts it has (alternates, feed, Open Graph).

use crate::html::Markup;
use crate::locale::Lang;

/// What `templates/partials/head.html` writes.
pub struct Head<'a> {
    /// The document's language: an Arabic document preloads the Arabic font.
    pub lang: Lang,
    pub title: Markup,
    pub description: Option<&'a str>,
    /// Embeds are not for search engines.
    pub noindex: bool,
    pub canonical: String,
    pub alternates: Option<Alternates>,
    pub feed: Option<FeedLink>,
    pub og: Option<OpenGraph<'a>>,
}

/// The `hreflang` alternates of a document: each language, and the `x-default`.
pub struct Alternates {
    pub ar: String,
    pub fr: String,
    pub default: String,
}

/// The Atom feed a page links to.
pub struct FeedLink {
    pub href: String,
    pub title: String,
}

/// Open Graph properties of a page (its URL is the canonical one).
pub struct OpenGraph<'a> {
    /// `article` for a report, `website` for anything else.
    pub kind: &'static str,
    pub title: String,
    pub description: &'a str,
    pub site_name: &'a str,
    pub locale: &'static str,
    pub locale_alternate: &'static str,
}

/// The Open Graph locale of a language.
pub fn og_locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Ar => "ar_MA",
        Lang::Fr => "fr_MA",
    }
}
