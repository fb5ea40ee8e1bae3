//! The lists of reports: the reports index split into pages (`/LANG/reports/`,
//! `/LANG/reports/page/2/`, …) and one archive per year (`/LANG/reports/2025/`, itself paged),
//! so that a site with thousands of reports keeps pages a phone can load.

use super::{Page, Site};
use crate::content::Layout;

/// One page of a list of reports.
pub struct ListingPage<'a> {
    /// Site path under a language, e.g. `reports/page/2/`.
    pub slug_path: String,
    /// The year of an archive; `None` for the index of all reports.
    pub year: Option<i32>,
    /// 1-based position among the pages of its list, and their number.
    pub page: usize,
    pub pages: usize,
    /// The reports it shows, newest first.
    pub reports: Vec<&'a Page>,
    /// The previous and next pages of the same list.
    pub prev: Option<String>,
    pub next: Option<String>,
}

impl ListingPage<'_> {
    /// The first page of the whole index is the reports page itself.
    pub fn is_index(&self) -> bool {
        self.year.is_none() && self.page == 1
    }
}

/// Every list page of the site, the index first, then each year's archive from the newest
/// year; empty when the site has no reports page. With one year and one page of reports, the
/// index alone (nothing to page through, no archive worth a page).
pub fn listings<'a>(site: &'a Site, per_page: usize) -> Vec<ListingPage<'a>> {
    let Some(index) = site.pages.iter().find(|p| p.layout == Layout::Reports) else {
        return Vec::new();
    };
    let base = index.slug_path.clone();
    let reports = site.reports();
    let mut years: Vec<i32> = reports.iter().filter_map(|p| year_of(p)).collect();
    years.dedup();
    let mut out = paged(&base, None, reports.clone(), per_page);
    if years.len() > 1 || out.len() > 1 {
        for year in years {
            let of_year = reports
                .iter()
                .copied()
                .filter(|p| year_of(p) == Some(year))
                .collect();
            out.extend(paged(
                &format!("{base}{year}/"),
                Some(year),
                of_year,
                per_page,
            ));
        }
    }
    out
}

/// The years that have an archive page, newest first (empty when there is none).
pub fn archive_years(listings: &[ListingPage]) -> Vec<(i32, String)> {
    listings
        .iter()
        .filter(|l| l.page == 1)
        .filter_map(|l| Some((l.year?, l.slug_path.clone())))
        .collect()
}

/// Reports a content page whose address a list page of the reports also takes (a report
/// named `2025` beside the 2025 archive, or a page under `reports/page/`).
pub fn check_routes(site: &Site, per_page: usize, diags: &mut crate::diagnostics::Diagnostics) {
    let lists = listings(site, per_page);
    let taken: std::collections::BTreeSet<&str> = lists
        .iter()
        .filter(|l| !l.is_index())
        .map(|l| l.slug_path.as_str())
        .collect();
    for page in site
        .pages
        .iter()
        .filter(|p| taken.contains(p.slug_path.as_str()))
    {
        diags.error(
            &page.text.fr.file,
            None,
            format!(
                "the page `{}` would be published at /fr/{} and /ar/{}, where a list of reports is",
                page.key, page.slug_path, page.slug_path
            ),
            "rename the file: a year (`2025`) or `page/N` under reports/ is kept for the archives",
        );
    }
}

fn year_of(page: &Page) -> Option<i32> {
    page.text.fr.date.map(|d| d.ymd_start().0)
}

fn paged<'a>(
    first: &str,
    year: Option<i32>,
    reports: Vec<&'a Page>,
    per_page: usize,
) -> Vec<ListingPage<'a>> {
    let chunks: Vec<Vec<&Page>> = if reports.is_empty() {
        vec![Vec::new()]
    } else {
        reports.chunks(per_page).map(<[&Page]>::to_vec).collect()
    };
    let pages = chunks.len();
    let slug = |n: usize| match n {
        1 => first.to_string(),
        _ => format!("{first}page/{n}/"),
    };
    chunks
        .into_iter()
        .enumerate()
        .map(|(i, reports)| {
            let n = i + 1;
            ListingPage {
                slug_path: slug(n),
                year,
                page: n,
                pages,
                reports,
                prev: (n > 1).then(|| slug(n - 1)),
                next: (n < pages).then(|| slug(n + 1)),
            }
        })
        .collect()
}
