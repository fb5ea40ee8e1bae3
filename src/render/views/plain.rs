//! A plain page (`templates/layouts/page.html`): the article alone. Explainers without a
//! regime, the 404 page, the search and A–Z pages and the guide's pages (whose bodies come
//! from their own templates) use it.

use super::Frame;
use crate::context::Ctx;
use crate::locale::Lang;
use crate::site::{Page, Site};
use askama::Template;

#[derive(Template)]
#[template(path = "layouts/page.html")]
pub struct PlainPage<'a> {
    /// Language, interface strings, page frame and article (read by the template
    /// through `Deref`).
    frame: Frame<'a>,
}

impl<'a> PlainPage<'a> {
    pub fn new(ctx: &Ctx<'a>, site: &'a Site, page: &'a Page, lang: Lang) -> Self {
        let frame = Frame::of(ctx, site, page, lang);
        PlainPage { frame }
    }
}

super::frame::framed!(PlainPage);
