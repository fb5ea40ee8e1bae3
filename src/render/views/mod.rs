//! Typed, borrowed views of the site model, one per template. `parts` builds the pieces
//! (cards, rows, links); `standalone` holds the pages outside the content tree (root,
//! embed, 404).

mod parts;
mod standalone;

pub use parts::*;
pub use standalone::{EmbedTemplate, RootTemplate, not_found_page};

use super::Sizes;
use crate::content::Layout;
use crate::locale::{Lang, UiText};
use crate::site::{Page, Site};
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
    pub title: &'a str,
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
    pub content_lang: Lang,
    pub is_fallback: bool,
    pub is_home: bool,
    pub is_data: bool,
    pub is_report: bool,
    pub reports: Vec<ReportLink>,
    pub report_date: Option<(String, String)>,
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
}

impl<'a> PageTemplate<'a> {
    pub fn new(site: &'a Site, page: &'a Page, lang: Lang, sizes: &Sizes) -> Self {
        let text = page.text.get(lang);
        let ui = site.ui.get(lang);
        let f = site.formatters.get(lang);
        let config = site.config;
        let data = site.data;
        let site_title = config.title.get(lang);
        let path = |l: Lang| urls::page(l, &page.slug_path);
        let nav = std::iter::once((String::new(), ui.nav_home.to_string()))
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
            .collect();
        let regime = page.regime.as_deref().and_then(|r| data.regime(r));
        PageTemplate {
            lang,
            other: lang.other(),
            ui,
            site_title,
            tagline: config.tagline.get(lang),
            publisher: config.publisher.get(lang),
            licence_name: config.data_licence.name.get(lang),
            licence_url: &config.data_licence.url,
            title: &text.title,
            title_tag: text.browser_title.clone(),
            description: &text.description,
            canonical: config.absolute(&path(lang)),
            alt_ar: config.absolute(&path(Lang::Ar)),
            alt_fr: config.absolute(&path(Lang::Fr)),
            alt_default: config.absolute("/"),
            home_href: urls::page(lang, ""),
            other_href: path(lang.other()),
            nav,
            body_html: &text.body_html,
            content_lang: text.content_lang,
            is_fallback: text.content_lang != lang,
            is_home: page.layout == Layout::Home,
            is_data: page.layout == Layout::Data,
            is_report: page.layout == Layout::Report,
            reports: match page.layout {
                Layout::Home => report_links(site, lang, 3),
                Layout::Reports => report_links(site, lang, usize::MAX),
                _ => Vec::new(),
            },
            report_date: text
                .date
                .filter(|_| page.layout == Layout::Report)
                .map(|d| (d.iso(), f.date(d))),
            report_vintage: text
                .vintage
                .filter(|_| page.layout == Layout::Report)
                .map(|d| ui.report_figures_as_of.replace("{date}", &f.date(d))),
            og_locale: og_locale(lang),
            og_locale_alt: og_locale(lang.other()),
            feed_href: urls::feed(lang),
            headline: text
                .headline
                .iter()
                .filter_map(|id| card(data, f, ui, id))
                .collect(),
            regimes: if page.layout == Layout::Home {
                regime_cards(site, lang)
            } else {
                Vec::new()
            },
            regime_facts: regime.map(|r| RegimeFacts {
                name: r.name.get(lang).clone(),
                manager: r.manager.get(lang).clone(),
                legal_basis: r.legal_basis.get(lang).clone(),
                covers: r.covers.get(lang).clone(),
                pays: r.pays.get(lang).clone(),
            }),
            key_figures: regime
                .map(|r| {
                    data.indicators_of_regime(&r.id)
                        .filter_map(|i| card(data, f, ui, &i.id))
                        .collect()
                })
                .unwrap_or_default(),
            datasets: if page.layout == Layout::Data {
                datasets(data, f, ui, lang, sizes)
            } else {
                Vec::new()
            },
            charts: if page.layout == Layout::Data {
                charts(site, f, ui, lang, sizes)
            } else {
                Vec::new()
            },
            sources: if page.layout == Layout::Data {
                sources(data, f, lang)
            } else {
                Vec::new()
            },
            sources_count: f.count(&ui.sources_count, data.sources.len()),
            package_files: if page.layout == Layout::Data {
                vec![
                    file_link("datapackage.json", urls::datapackage(), sizes, f, ui),
                    file_link("ZIP", urls::data_zip(), sizes, f, ui),
                ]
            } else {
                Vec::new()
            },
            json_ld: if page.layout == Layout::Data {
                super::json_ld::datasets(site, lang)
            } else {
                String::new()
            },
            data_href: urls::data_page(lang),
            search_href: urls::search(lang),
        }
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
