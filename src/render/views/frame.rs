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

/// Lets a layout's template read the frame's fields (`lang`, `ui`, `chrome`, `article`) as
/// if they were the layout's own: each layout holds one `frame` and derefs to it.
macro_rules! framed {
    ($layout:ident) => {
        impl<'a> std::ops::Deref for $layout<'a> {
            type Target = super::Frame<'a>;

            fn deref(&self) -> &Self::Target {
                &self.frame
            }
        }
    };
}
pub(super) use framed;
