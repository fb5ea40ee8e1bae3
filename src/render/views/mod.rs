//! Typed, borrowed views of the site model, one per template. `parts` builds the pieces
//! (cards, rows, links); `standalone` holds the pages outside the content tree (root,
//! embed, 404).

mod parts;
mod standalone;

pub use parts::*;
pub use standalone::{EmbedTemplate, RootTemplate, not_found_page};

use super::Sizes;
use crate::content::Layout;
use crate::context::{Ctx, LangCtx};
use crate::locale::{Lang, UiText};
use crate::site::{ListingPage, Page, Site};
use crate::urls;
use askama::Template;

#[derive(Template)]
#[template(path = "page.html")]
pub struct PageTemplate<'a> {
    pub lang: Lang,
    pub other: Lang,
    pub ui: &'a UiText,
    pub site_title: &'a str,
    pub tagline: &'a str,
    pub publisher: &'a str,
    pub licence_name: &'a str,
    pub licence_url: &'a str,
    pub title: String,
    pub title_tag: String,
    pub description: &'a str,
    pub canonical: String,
    pub alt_ar: String,
    pub alt_fr: String,
    pub alt_default: String,
    pub home_href: String,
    pub other_href: String,
    pub nav: Vec<NavLink>,
    pub body_html: &'a str,
    pub notes_html: &'a str,
    pub content_lang: Lang,
    pub is_fallback: bool,
    pub is_home: bool,
    pub is_data: bool,
    pub is_report: bool,
    pub reports: Vec<ReportLink>,
    /// The heading of the list of reports: latest, all, or one year's.
    pub reports_heading: String,
    /// Previous and next pages of a list of reports, when it has more than one.
    pub pager: Option<Pager>,
    /// The year archives of the reports, when there is more than one page or year.
    pub years: Vec<YearLink>,
    /// `le <time datetime="2025-02-20">20 février 2025</time>`.
    pub report_date: Option<String>,
    pub report_vintage: Option<String>,
    pub og_locale: &'static str,
    pub og_locale_alt: &'static str,
    pub feed_href: String,
    pub headline: Vec<FigureCard>,
    pub regimes: Vec<RegimeCard>,
    pub regime_facts: Option<RegimeFacts>,
    pub key_figures: Vec<FigureCard>,
    pub datasets: Vec<DatasetRow>,
    pub charts: Vec<ChartRow>,
    pub sources: Vec<SourceRow>,
    pub sources_count: String,
    pub package_files: Vec<FileLink>,
    pub json_ld: String,
    pub data_href: String,
    pub search_href: String,
    /// The guide's first question, on the home page (when the site has a guide).
    pub guide_href: Option<String>,
}

/// The parts of a page that only some layouts show; empty elsewhere.
#[derive(Default)]
struct LayoutParts {
    reports: Vec<ReportLink>,
    pager: Option<Pager>,
    years: Vec<YearLink>,
    regimes: Vec<RegimeCard>,
    datasets: Vec<DatasetRow>,
    charts: Vec<ChartRow>,
    sources: Vec<SourceRow>,
    package_files: Vec<FileLink>,
    json_ld: String,
}

impl LayoutParts {
    fn of(lx: &LangCtx, site: &Site, layout: Layout, sizes: &Sizes) -> Self {
        let (f, ui) = (lx.f, lx.ui);
        match layout {
            Layout::Home => LayoutParts {
                reports: report_links(lx, site, 3),
                regimes: regime_cards(lx, site),
                ..Default::default()
            },
            Layout::Reports => {
                let all = crate::site::listings(site, lx.config.listing.reports_per_page);
                all.first()
                    .map(|index| listing_parts(lx, index, &all))
                    .unwrap_or_default()
            }
            Layout::Data => LayoutParts {
                datasets: datasets(lx, sizes),
                charts: charts(lx, sizes),
                sources: sources(lx),
                package_files: vec![
                    file_link("datapackage.json", urls::datapackage(), sizes, f, ui),
                    file_link("ZIP", urls::data_zip(), sizes, f, ui),
                ],
                json_ld: super::json_ld::datasets(lx),
                ..Default::default()
            },
            Layout::Page | Layout::Report => LayoutParts::default(),
        }
    }
}

impl<'a> PageTemplate<'a> {
    pub fn new(ctx: &Ctx<'a>, site: &'a Site, page: &'a Page, lang: Lang, sizes: &Sizes) -> Self {
        let parts = LayoutParts::of(&ctx.lang(lang), site, page.layout, sizes);
        Self::with_parts(ctx, site, page, lang, parts)
    }

    /// The page with the layout-specific parts already built.
    fn with_parts(
        ctx: &Ctx<'a>,
        site: &'a Site,
        page: &'a Page,
        lang: Lang,
        parts: LayoutParts,
    ) -> Self {
        let lx = ctx.lang(lang);
        let (text, ui, f, config) = (page.text.get(lang), lx.ui, lx.f, ctx.config);
        let path = |l: Lang| urls::page(l, &page.slug_path);
        let regime = page.regime.as_deref().and_then(|r| ctx.data.regime(r));
        let is_report = page.layout == Layout::Report;
        PageTemplate {
            lang,
            other: lang.other(),
            ui,
            site_title: config.title.get(lang),
            tagline: config.tagline.get(lang),
            publisher: config.publisher.get(lang),
            licence_name: config.data_licence.name.get(lang),
            licence_url: &config.data_licence.url,
            title: text.title.clone(),
            title_tag: text.browser_title.clone(),
            description: &text.description,
            canonical: config.absolute(&path(lang)),
            alt_ar: config.absolute(&path(Lang::Ar)),
            alt_fr: config.absolute(&path(Lang::Fr)),
            alt_default: config.absolute("/"),
            home_href: urls::page(lang, ""),
            other_href: path(lang.other()),
            nav: nav_links(ui, site, page, lang),
            body_html: &text.body_html,
            notes_html: &text.notes_html,
            content_lang: text.content_lang,
            is_fallback: text.content_lang != lang,
            is_home: page.layout == Layout::Home,
            is_data: page.layout == Layout::Data,
            is_report,
            reports: parts.reports,
            reports_heading: match page.layout {
                Layout::Home => ui.latest_reports.clone(),
                _ => ui.all_reports.clone(),
            },
            pager: parts.pager,
            years: parts.years,
            report_date: text
                .date
                .filter(|_| is_report)
                .map(|d| lx.date_phrase_html(d)),
            report_vintage: text.vintage.filter(|_| is_report).map(|d| {
                ui.report_figures_as_of
                    .replace("{date}", &lx.date_phrase(d))
            }),
            og_locale: og_locale(lang),
            og_locale_alt: og_locale(lang.other()),
            feed_href: urls::feed(lang),
            headline: text
                .headline
                .iter()
                .filter_map(|id| card(&lx, id))
                .collect(),
            regimes: parts.regimes,
            regime_facts: regime.map(|r| RegimeFacts {
                name: r.name.get(lang).clone(),
                manager: r.manager.get(lang).clone(),
                legal_basis: r.legal_basis.get(lang).clone(),
                covers: r.covers.get(lang).clone(),
                pays: r.pays.get(lang).clone(),
            }),
            key_figures: regime.map(|r| key_figures(&lx, &r.id)).unwrap_or_default(),
            datasets: parts.datasets,
            charts: parts.charts,
            sources: parts.sources,
            sources_count: f.count(&ui.sources_count, ctx.data.sources.len()),
            package_files: parts.package_files,
            json_ld: parts.json_ld,
            data_href: urls::data_page(lang),
            search_href: urls::search(lang),
            guide_href: site
                .page("guide")
                .filter(|_| page.layout == Layout::Home)
                .map(|g| urls::page(lang, &g.slug_path)),
        }
    }

    /// A page of a list of reports (the index's later pages, a year's archive): the reports
    /// page's template with that page's reports, title, addresses and pager.
    pub fn listing(
        ctx: &Ctx<'a>,
        site: &'a Site,
        index: &'a Page,
        listing: &ListingPage,
        all: &[ListingPage],
        lang: Lang,
    ) -> Self {
        let lx = ctx.lang(lang);
        let (ui, config) = (lx.ui, ctx.config);
        let parts = listing_parts(&lx, listing, all);
        let mut t = PageTemplate::with_parts(ctx, site, index, lang, LayoutParts::default());
        let base = listing.year.map_or_else(
            || index.text.get(lang).title.clone(),
            |y| ui.reports_year_title.replace("{year}", &y.to_string()),
        );
        t.title = if listing.page == 1 {
            base
        } else {
            ui.listing_page_title
                .replace("{title}", &base)
                .replace("{n}", &listing.page.to_string())
                .replace("{total}", &listing.pages.to_string())
        };
        t.title_tag =
            crate::site::browser_title(lang, &t.title, None, config.title.get(lang), false)
                .unwrap_or_else(|| t.title.clone());
        let path = |l: Lang| urls::page(l, &listing.slug_path);
        t.canonical = config.absolute(&path(lang));
        t.alt_ar = config.absolute(&path(Lang::Ar));
        t.alt_fr = config.absolute(&path(Lang::Fr));
        t.other_href = path(lang.other());
        t.body_html = "";
        t.notes_html = "";
        if let Some(y) = listing.year {
            t.reports_heading = ui.reports_year_title.replace("{year}", &y.to_string());
        }
        t.reports = parts.reports;
        t.pager = parts.pager;
        t.years = parts.years;
        t
    }

    /// Text from content or data, escaped, with Latin runs isolated in Arabic.
    pub fn t(&self, s: &str) -> String {
        crate::html::text(self.lang, s)
    }

    /// Like [`Self::t`], for text written in the page content's language.
    pub fn tc(&self, s: &str) -> String {
        crate::html::text(self.content_lang, s)
    }
}

/// The cards of a regime's indicators.
fn key_figures(lx: &LangCtx, regime: &str) -> Vec<FigureCard> {
    lx.data
        .indicators_of_regime(regime)
        .filter_map(|i| card(lx, &i.id))
        .collect()
}

/// The main navigation of a page: home, then the pages with `nav:`, the current one marked.
fn nav_links(ui: &UiText, site: &Site, page: &Page, lang: Lang) -> Vec<NavLink> {
    std::iter::once((String::new(), ui.nav_home.to_string()))
        .chain(
            site.nav
                .iter()
                .map(|n| (n.slug_path.clone(), n.title.get(lang).clone())),
        )
        .map(|(slug, title)| NavLink {
            current: slug == page.slug_path,
            href: urls::page(lang, &slug),
            title,
        })
        .collect()
}
