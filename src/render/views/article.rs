//! What `templates/article.html` shows on every page of the content tree, whatever its
//! layout: the notice of a stand-in translation, the one `h1`, the body and the notes.

use crate::html::Markup;
use crate::locale::Lang;
use crate::site::PageText;

pub struct Article<'a> {
    /// The language the text is written in, when it stands in for a missing translation
    /// (`fallback_for`): the page says so and marks the article with that language.
    pub fallback: Option<Lang>,
    pub title: Markup,
    pub body: Markup<&'a str>,
    pub notes: Markup<&'a str>,
}

impl<'a> Article<'a> {
    /// The article of `text` on a page in `lang`.
    pub fn of(text: &'a PageText, lang: Lang) -> Self {
        Article {
            fallback: (text.content_lang != lang).then_some(text.content_lang),
            title: Markup::text(text.content_lang, &text.title),
            body: text.body_html.borrowed(),
            notes: text.notes_html.borrowed(),
        }
    }
}
