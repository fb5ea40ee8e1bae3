//! Typed, borrowed views of the site model, one per template.

use super::Sizes;
use crate::content::Layout;
use crate::data::{Dataset, Indicator, Observation};
use crate::locale::{Formatter, Lang, UiText};
use crate::site::{Page, Site};
use crate::urls;
use askama::Template;

/// A figure shown as a card: headline figures on the home page, key figures of a regime.
pub struct FigureCard {
    pub title: String,
    pub value: String,
    pub raw: String,
    pub date: String,
    pub iso: String,
    pub source_name: String,
    pub source_href: String,
    pub definition_href: String,
    /// The earliest value of the same series, for the trend: `contre 26,84 millions en 2022`.
    pub trend: Option<String>,
}

pub struct RegimeCard {
    pub short: String,
    pub covers: String,
    pub href: Option<String>,
}

pub struct RegimeFacts {
    pub name: String,
    pub manager: String,
    pub legal_basis: String,
    pub covers: String,
    pub pays: String,
}

/// A report in a list: the reports index, the home page, the feed.
pub struct ReportLink {
    pub title: String,
    pub href: String,
    pub iso: String,
    pub date: String,
    pub summary: String,
}

pub fn report_links(site: &Site, lang: Lang, limit: usize) -> Vec<ReportLink> {
    let f = site.formatters.get(lang);
    site.reports()
        .into_iter()
        .take(limit)
        .map(|p| {
            let t = p.text.get(lang);
            ReportLink {
                title: t.title.clone(),
                href: urls::page(lang, &p.slug_path),
                iso: t.date.map(|d| d.iso()).unwrap_or_default(),
                date: t.date.map(|d| f.date(d)).unwrap_or_default(),
                summary: t.description.clone(),
            }
        })
        .collect()
}

pub struct NavLink {
    pub href: String,
    pub title: String,
    pub current: bool,
}

pub struct DatasetRow {
    pub anchor: String,
    pub title: String,
    pub definition: String,
    pub unit: String,
    pub period: String,
    pub count: String,
    pub sources: Vec<(String, String)>,
    pub files: Vec<FileLink>,
}

/// A download link with its format and size.
pub struct FileLink {
    pub label: String,
    pub href: String,
    pub size: String,
}

fn file_link(label: &str, href: String, sizes: &Sizes, f: &Formatter, ui: &UiText) -> FileLink {
    let bytes = sizes.get(&href).copied().unwrap_or(0);
    let kb = ((bytes as f64 / 1024.0) * 10.0).round() / 10.0;
    FileLink {
        label: label.to_string(),
        href,
        size: ui.file_size.replace("{n}", &f.number(kb.max(0.1))),
    }
}

pub struct ChartRow {
    pub anchor: String,
    pub title: String,
    pub files: Vec<FileLink>,
    pub embed: String,
}

pub struct SourceRow {
    pub anchor: String,
    pub publisher: String,
    pub title: String,
    pub via: Option<String>,
    pub published: String,
    pub url: Option<String>,
}

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

fn og_locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Ar => "ar_MA",
        Lang::Fr => "fr_MA",
    }
}

fn card(data: &Dataset, f: &Formatter, ui: &UiText, id: &str) -> Option<FigureCard> {
    let ind: &Indicator = data.indicators.get(id)?;
    let o: &Observation = data.latest(id)?;
    let src = data.sources.get(&o.source)?;
    let lang = f.lang();
    Some(FigureCard {
        title: ind.title.get(lang).clone(),
        value: ui.qualified(o.qualifier, &f.value(o.value, ind.unit)),
        raw: format!("{}", o.value),
        date: f.date(o.date),
        iso: o.date.iso(),
        source_name: src.publisher.get(lang).clone(),
        source_href: urls::source(lang, &o.source),
        definition_href: format!("{}#{}", urls::data_page(lang), urls::indicator_anchor(id)),
        trend: ind
            .observations
            .first()
            .filter(|p| p.date < o.date)
            .map(|p| {
                ui.trend_since
                    .replace(
                        "{value}",
                        &ui.qualified(p.qualifier, &f.value(p.value, ind.unit)),
                    )
                    .replace("{date}", &f.date(p.date))
            }),
    })
}

fn regime_cards(site: &Site, lang: Lang) -> Vec<RegimeCard> {
    site.data
        .regimes
        .iter()
        .map(|r| RegimeCard {
            short: r.short.get(lang).clone(),
            covers: r.covers.get(lang).clone(),
            href: site
                .regime_page(&r.id)
                .map(|p| urls::page(lang, &p.slug_path)),
        })
        .collect()
}

fn datasets(
    data: &Dataset,
    f: &Formatter,
    ui: &UiText,
    lang: Lang,
    sizes: &Sizes,
) -> Vec<DatasetRow> {
    data.indicators
        .values()
        .map(|ind| {
            let first = ind
                .observations
                .first()
                .map(|o| f.date(o.date))
                .unwrap_or_default();
            let last = ind
                .observations
                .last()
                .map(|o| f.date(o.date))
                .unwrap_or_default();
            let mut src_ids: Vec<&str> =
                ind.observations.iter().map(|o| o.source.as_str()).collect();
            src_ids.sort();
            src_ids.dedup();
            DatasetRow {
                anchor: urls::indicator_anchor(&ind.id),
                title: ind.title.get(lang).clone(),
                definition: ind.definition.get(lang).clone(),
                unit: ui.unit(ind.unit).to_string(),
                period: if first == last {
                    first
                } else {
                    format!("{first} – {last}")
                },
                count: f.count(&ui.observations_count, ind.observations.len()),
                sources: src_ids
                    .into_iter()
                    .filter_map(|id| data.sources.get(id))
                    .map(|s| {
                        (
                            s.publisher.get(lang).clone(),
                            format!("#{}", urls::source_anchor(&s.id)),
                        )
                    })
                    .collect(),
                files: vec![
                    file_link("CSV", urls::indicator_csv(&ind.id), sizes, f, ui),
                    file_link("XLSX", urls::indicator_xlsx(&ind.id, lang), sizes, f, ui),
                    file_link("JSON", urls::indicator_json(&ind.id), sizes, f, ui),
                ],
            }
        })
        .collect()
}

fn charts(site: &Site, f: &Formatter, ui: &UiText, lang: Lang, sizes: &Sizes) -> Vec<ChartRow> {
    site.data
        .charts
        .values()
        .map(|c| ChartRow {
            anchor: format!("chart-{}", c.id),
            title: c.title.get(lang).clone(),
            files: vec![
                file_link("CSV", urls::chart_csv(&c.id), sizes, f, ui),
                file_link("XLSX", urls::chart_xlsx(&c.id, lang), sizes, f, ui),
                file_link("JSON", urls::chart_json(&c.id), sizes, f, ui),
                file_link("SVG", urls::chart_svg(&c.id, lang), sizes, f, ui),
                file_link("PNG", urls::chart_png(&c.id, lang), sizes, f, ui),
            ],
            embed: urls::embed(lang, &c.id),
        })
        .collect()
}

fn sources(data: &Dataset, f: &Formatter, lang: Lang) -> Vec<SourceRow> {
    data.sources
        .values()
        .map(|s| SourceRow {
            anchor: urls::source_anchor(&s.id),
            publisher: s.publisher.get(lang).clone(),
            title: s.title.get(lang).clone(),
            via: s.via.clone(),
            published: f.date(s.published),
            url: s.url.clone(),
        })
        .collect()
}

/// The neutral root page: a choice of language, no redirect.
#[derive(Template)]
#[template(path = "root.html")]
pub struct RootTemplate<'a> {
    /// Both site titles, the French one isolated (U+2068…U+2069) inside the Arabic page.
    pub title: String,
    pub title_ar: &'a str,
    pub title_fr: &'a str,
    pub tagline_ar: &'a str,
    pub tagline_fr: &'a str,
    pub canonical: String,
    pub alt_ar: String,
    pub alt_fr: String,
    pub choose_ar: &'a str,
    pub choose_fr: &'a str,
}

impl<'a> RootTemplate<'a> {
    pub fn new(site: &'a Site) -> Self {
        let c = site.config;
        RootTemplate {
            title: format!("{} · \u{2068}{}\u{2069}", c.title.ar, c.title.fr),
            title_ar: &c.title.ar,
            title_fr: &c.title.fr,
            tagline_ar: &c.tagline.ar,
            tagline_fr: &c.tagline.fr,
            canonical: c.absolute("/"),
            alt_ar: c.absolute(&urls::page(Lang::Ar, "")),
            alt_fr: c.absolute(&urls::page(Lang::Fr, "")),
            choose_ar: &site.ui.ar.choose_language,
            choose_fr: &site.ui.fr.choose_language,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
}

/// The minimal page shown inside another site's `<iframe>`: one chart with its caption,
/// sources and downloads, and a link back.
#[derive(Template)]
#[template(path = "embed.html")]
pub struct EmbedTemplate<'a> {
    pub lang: Lang,
    pub ui: &'a UiText,
    pub title: String,
    pub canonical: String,
    pub block: &'a str,
    pub back_href: String,
    pub site_title: &'a str,
}

impl<'a> EmbedTemplate<'a> {
    pub fn new(site: &'a Site, id: &'a str, lang: Lang) -> Self {
        let c = site.config;
        EmbedTemplate {
            lang,
            ui: site.ui.get(lang),
            title: shorten(
                site.data
                    .charts
                    .get(id)
                    .map_or("", |ch| ch.title.get(lang).as_str()),
                crate::site::MAX_TITLE_CHARS,
            ),
            canonical: c.absolute(&urls::embed(lang, id)),
            block: site.figures.block(id, lang).unwrap_or_default(),
            back_href: c.absolute(&format!("{}#chart-{id}", urls::data_page(lang))),
            site_title: c.title.get(lang),
        }
    }
}

/// The "page not found" page of a language, as a page of the site (navigation, language
/// switch, footer) whose body links home and to the data.
pub fn not_found_page(site: &Site, lang: Lang) -> Page {
    let text = |l: Lang| {
        let ui = site.ui.get(l);
        crate::site::PageText {
            title: ui.not_found_title.clone(),
            browser_title: format!("{} — {}", ui.not_found_title, site.config.title.get(l)),
            description: ui.not_found_text.clone(),
            nav_title: ui.not_found_title.clone(),
            body_html: format!(
                "<p>{}</p>\n<ul>\n<li><a href=\"{}\">{}</a></li>\n<li><a href=\"{}\">{}</a></li>\n</ul>\n",
                crate::html::escape(&ui.not_found_text),
                urls::page(l, ""),
                crate::html::escape(&ui.nav_home),
                urls::data_page(l),
                crate::html::escape(&ui.nav_data)
            ),
            anchors: Vec::new(),
            headline: Vec::new(),
            file: std::path::PathBuf::from("templates/page.html"),
            content_lang: l,
            date: None,
            vintage: None,
        }
    };
    let _ = lang;
    Page {
        key: "404".into(),
        slug_path: "404.html".into(),
        layout: Layout::Page,
        regime: None,
        nav: None,
        text: crate::locale::Localized::from_fn(text),
    }
}

/// `text` cut at a word boundary to at most `max` characters, with `…` when cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for word in text.split(' ') {
        if out.chars().count() + word.chars().count() + 2 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    format!("{}…", out.trim_end_matches([',', '،', ';']))
}
