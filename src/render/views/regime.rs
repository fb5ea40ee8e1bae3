//! A regime's explainer (`templates/layouts/regime.html`): a page with `regime:`, its fact
//! box and key figures above the body.

use super::Frame;
use super::article::Article;
use super::cards::{FigureCard, RegimeFacts, key_figures};
use super::chrome::Chrome;
use crate::context::Ctx;
use crate::data::Regime;
use crate::locale::{Lang, UiText};
use crate::site::{Page, Site};
use askama::Template;

#[derive(Template)]
#[template(path = "layouts/regime.html")]
pub struct RegimePage<'a> {
    lang: Lang,
    ui: &'a UiText,
    chrome: Chrome<'a>,
    article: Article<'a>,
    facts: RegimeFacts,
    key_figures: Vec<FigureCard>,
}

impl<'a> RegimePage<'a> {
    pub fn new(ctx: &Ctx<'a>, site: &'a Site, page: &'a Page, lang: Lang, r: &Regime) -> Self {
        let Frame {
            lang,
            ui,
            chrome,
            article,
        } = Frame::of(ctx, site, page, lang);
        let lx = ctx.lang(lang);
        RegimePage {
            lang,
            ui,
            chrome,
            article,
            facts: RegimeFacts::of(&lx, r),
            key_figures: key_figures(&lx, &r.id),
        }
    }
}
