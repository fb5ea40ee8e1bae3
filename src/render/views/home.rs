//! The home layout (`templates/layouts/home.html`): tagline, the guide's call to action,
//! headline figures, the body, the regimes and the latest reports.

use super::Frame;
use super::cards::{FigureCard, RegimeCard, card, regime_cards};
use super::listing::{ReportLink, report_links};
use crate::context::Ctx;
use crate::html::Markup;
use crate::locale::Lang;
use crate::site::{Page, Site};
use crate::urls;
use askama::Template;

/// How many reports the home page lists.
const LATEST_REPORTS: usize = 3;

#[derive(Template)]
#[template(path = "layouts/home.html")]
pub struct HomePage<'a> {
    /// Language, interface strings, page frame and article (read by the template
    /// through `Deref`).
    frame: Frame<'a>,
    tagline: Markup,
    /// The guide's first question, when the site has a guide.
    guide_href: Option<String>,
    headline: Vec<FigureCard>,
    regimes: Vec<RegimeCard>,
    reports: Vec<ReportLink>,
}

impl<'a> HomePage<'a> {
    pub fn new(ctx: &Ctx<'a>, site: &'a Site, page: &'a Page, lang: Lang) -> Self {
        let frame = Frame::of(ctx, site, page, lang);
        let lx = ctx.lang(lang);
        HomePage {
            frame,
            tagline: Markup::text(lang, ctx.config.tagline.get(lang)),
            guide_href: site.page("guide").map(|g| urls::page(lang, &g.slug_path)),
            headline: page
                .text
                .get(lang)
                .headline
                .iter()
                .filter_map(|id| card(&lx, id))
                .collect(),
            regimes: regime_cards(&lx, site),
            reports: report_links(&lx, site, LATEST_REPORTS),
        }
    }
}

super::frame::framed!(HomePage);
