//! Typed, borrowed views of the site model, one askama struct per layout, each with only
//! the fields its template shows. `frame`, `chrome`, `head` and `article` are what every
//! page shares (`base.html`, `partials/head.html`, `article.html`); `cards`, `listing` and
//! `data_rows` build the pieces; `standalone` holds the files outside the content tree
//! (root, embed, 404).

mod article;
mod cards;
mod chrome;
mod data_page;
mod data_rows;
mod frame;
mod head;
mod home;
mod listing;
mod plain;
mod regime;
mod report;
mod reports;
mod standalone;

pub use reports::ReportsPage;
pub use standalone::{EmbedTemplate, RootTemplate, not_found_page};

use super::Sizes;
use crate::content::Layout;
use crate::context::Ctx;
use crate::locale::Lang;
use crate::site::{Page, Site};
use askama::Template;
use frame::Frame;

/// `page` in `lang` through the template of its layout (a page with `regime:` is that
/// regime's explainer).
pub fn page(
    ctx: &Ctx,
    site: &Site,
    page: &Page,
    lang: Lang,
    sizes: &Sizes,
) -> Result<String, askama::Error> {
    match page.layout {
        Layout::Home => home::HomePage::new(ctx, site, page, lang).render(),
        Layout::Data => data_page::DataPage::new(ctx, site, page, lang, sizes).render(),
        Layout::Report => report::ReportPage::new(ctx, site, page, lang).render(),
        Layout::Reports => ReportsPage::index(ctx, site, page, lang).render(),
        Layout::Page => match page.regime.as_deref().and_then(|r| ctx.data.regime(r)) {
            Some(r) => regime::RegimePage::new(ctx, site, page, lang, r).render(),
            None => plain::PlainPage::new(ctx, site, page, lang).render(),
        },
    }
}
