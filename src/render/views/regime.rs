//! A regime's explainer (`templates/layouts/regime.html`): a page with `regime:`, its fact
//! box and key figures above the body.

use super::Frame;
use super::cards::{FigureCard, RegimeFacts, key_figures};
use crate::context::Ctx;
use crate::data::Regime;
use crate::locale::Lang;
use crate::site::{Page, Site};
use askama::Template;

#[derive(Template)]
#[template(path = "layouts/regime.html")]
pub struct RegimePage<'a> {
    /// Language, interface strings, page frame and article (read by the template
    /// through `Deref`).
    frame: Frame<'a>,
    facts: RegimeFacts,
    key_figures: Vec<FigureCard>,
}

impl<'a> RegimePage<'a> {
    pub fn new(ctx: &Ctx<'a>, site: &'a Site, page: &'a Page, lang: Lang, r: &Regime) -> Self {
        let frame = Frame::of(ctx, site, page, lang);
        let lx = ctx.lang(lang);
        RegimePage {
            frame,
            facts: RegimeFacts::of(&lx, r),
            key_figures: key_figures(&lx, &r.id),
        }
    }
}

super::frame::framed!(RegimePage);
