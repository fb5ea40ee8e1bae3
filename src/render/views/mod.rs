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
    // Sized for the body and its notes: growing a page's string copies it again each time.
    let text = page.text.get(lang);
    let content = text.body_html.as_str().len() + text.notes_html.as_str().len();
    match page.layout {
        Layout::Home => sized(&home::HomePage::new(ctx, site, page, lang), content),
        Layout::Data => sized(
            &data_page::DataPage::new(ctx, site, page, lang, sizes),
            content,
        ),
        Layout::Report => sized(&report::ReportPage::new(ctx, site, page, lang), content),
        Layout::Reports => sized(&ReportsPage::index(ctx, site, page, lang), content),
        Layout::Page => match page.regime.as_deref().and_then(|r| ctx.data.regime(r)) {
            Some(r) => sized(&regime::RegimePage::new(ctx, site, page, lang, r), content),
            None => sized(&plain::PlainPage::new(ctx, site, page, lang), content),
        },
    }
}

/// `template` rendered into a string with room for its own markup and `content` bytes of
/// body (which the French pass then grows by a little).
fn sized<T: Template>(template: &T, content: usize) -> Result<String, askama::Error> {
    let mut out = String::with_capacity(T::SIZE_HINT + content + content / 16 + 4096);
    template.render_into(&mut out)?;
    Ok(out)
}
