//! The parts every layout of the content tree shares: language, interface strings, the
//! frame of `base.html` and the article of `article.html`.

use super::article::Article;
use super::chrome::{Chrome, PageMeta};
use crate::content::Layout;
use crate::context::Ctx;
use crate::locale::{Lang, UiText};
use crate::site::{Page, Site};

/// What each layout struct starts from.
pub struct Frame<'a> {
    pub lang: Lang,
    pub ui: &'a UiText,
    pub chrome: Chrome<'a>,
    pub article: Article<'a>,
}

impl<'a> Frame<'a> {
    /// The frame and article of `page` in `lang`.
    pub fn of(ctx: &Ctx<'a>, site: &Site, page: &'a Page, lang: Lang) -> Self {
        let text = page.text.get(lang);
        let meta = PageMeta {
            slug_path: &page.slug_path,
            title: text.title.clone(),
            browser_title: text.browser_title.clone(),
            description: &text.description,
            is_article: page.layout == Layout::Report,
        };
        Frame {
            lang,
            ui: ctx.ui.get(lang),
            chrome: Chrome::new(ctx, site, page, lang, meta),
            article: Article::of(text, lang),
        }
    }
}
