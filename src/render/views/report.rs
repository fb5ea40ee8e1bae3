//! A dated report (`templates/layouts/report.html`): its publication date and, when its
//! figures reflect another day, that day, above the body.

use super::Frame;
use crate::context::Ctx;
use crate::html::Markup;
use crate::locale::Lang;
use crate::site::{Page, Site};
use askama::Template;

#[derive(Template)]
#[template(path = "layouts/report.html")]
pub struct ReportPage<'a> {
    /// Language, interface strings, page frame and article (read by the template
    /// through `Deref`).
    frame: Frame<'a>,
    /// `le <time datetime="2025-02-20">20 février 2025</time>`.
    published: Option<Markup>,
    /// "Figures as known on …", when `figures_as_of` differs from the date.
    vintage: Option<String>,
}

impl<'a> ReportPage<'a> {
    pub fn new(ctx: &Ctx<'a>, site: &'a Site, page: &'a Page, lang: Lang) -> Self {
        let frame = Frame::of(ctx, site, page, lang);
        let ui = frame.ui;
        let (lx, text) = (ctx.lang(lang), page.text.get(lang));
        ReportPage {
            frame,
            published: text.date.map(|d| lx.date_phrase_html(d)),
            vintage: text.vintage.map(|d| {
                ui.report_figures_as_of
                    .replace("{date}", &lx.date_phrase(d))
            }),
        }
    }
}

super::frame::framed!(ReportPage);
