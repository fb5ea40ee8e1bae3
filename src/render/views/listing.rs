//! Lists of reports: a report as a link, the pager of a paged list, the year archives.

use crate::context::LangCtx;
use crate::html::Markup;
use crate::site::{ListingPage, Page, Site};
use crate::urls;

/// The pages of a list of reports, as links.
pub struct Pager {
    pub position: String,
    pub prev: Option<String>,
    pub next: Option<String>,
}

/// A year's archive, as a link.
pub struct YearLink {
    pub href: String,
    pub label: String,
    pub current: bool,
}

/// One page of a list of reports: its reports, and when there is more than one page or
/// year, the pager and the year archives.
#[derive(Default)]
pub struct ReportList {
    pub reports: Vec<ReportLink>,
    pub pager: Option<Pager>,
    pub years: Vec<YearLink>,
}

/// The reports, pager and year links of one page of a list of reports.
pub(super) fn listing_parts(
    lx: &LangCtx,
    listing: &ListingPage,
    all: &[ListingPage],
) -> ReportList {
    let (lang, ui) = (lx.lang, lx.ui);
    let href = |slug: &String| urls::page(lang, slug);
    let pager = (listing.pages > 1).then(|| Pager {
        position: ui
            .pager_position
            .replace("{n}", &listing.page.to_string())
            .replace("{total}", &listing.pages.to_string()),
        prev: listing.prev.as_ref().map(href),
        next: listing.next.as_ref().map(href),
    });
    let years = crate::site::archive_years(all)
        .into_iter()
        .map(|(year, slug)| YearLink {
            current: listing.year == Some(year),
            href: href(&slug),
            label: year.to_string(),
        })
        .collect();
    ReportList {
        reports: listing.reports.iter().map(|p| report_link(lx, p)).collect(),
        pager,
        years,
    }
}

/// A report in a list: the reports index and archives, the home page.
pub struct ReportLink {
    pub title: Markup,
    pub href: String,
    pub iso: String,
    pub date: String,
    pub summary: Markup,
}

pub(super) fn report_links(lx: &LangCtx, site: &Site, limit: usize) -> Vec<ReportLink> {
    site.reports()
        .into_iter()
        .take(limit)
        .map(|p| report_link(lx, p))
        .collect()
}

fn report_link(lx: &LangCtx, p: &Page) -> ReportLink {
    let t = p.text.get(lx.lang);
    ReportLink {
        title: Markup::text(lx.lang, &t.title),
        href: urls::page(lx.lang, &p.slug_path),
        iso: t.date.map(|d| d.iso()).unwrap_or_default(),
        date: t.date.map(|d| lx.f.date(d)).unwrap_or_default(),
        summary: Markup::text(lx.lang, &t.description),
    }
}
