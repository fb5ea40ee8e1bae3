//! A plain page (`templates/layouts/page.html`): the article alone. Explainers without a
//! regime, the 404 page, the search and A–Z pages and the guide's pages (whose bodies come
//! from their own templates) use it.

use super::Frame;
use super::article::Article;
use super::chrome::Chrome;
use crate::context::Ctx;
use crate::locale::{Lang, UiText};
use crate::site::{Page, Site};
use askama::Template;

#[derive(Template)]
#[template(path = "layouts/page.html")]
pub struct PlainPage<'a> {
    lang: Lang,
    ui: &'a UiText,
    chrome: Chrome<'a>,
    article: Article<'a>,
}

impl<'a> PlainPage<'a> {
    pub fn new(ctx: &Ctx<'a>, site: &'a Site, page: &'a Page, lang: Lang) -> Self {
        let Frame {
            lang,
            ui,
            chrome,
            article,
        } = Frame::of(ctx, site, page, lang);
        PlainPage {
            lang,
            ui,
            chrome,
            article,
        }
    }
}
