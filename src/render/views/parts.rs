//! The pieces pages are made of: figure cards, regime cards, dataset and source rows,
//! download links, report links, and the functions that build them from the site model.

use super::Sizes;
use crate::context::LangCtx;
use crate::data::{Indicator, Observation};
use crate::locale::{Formatter, Lang, UiText};
use crate::site::{ListingPage, Page, Site};
use crate::urls;

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
    /// A decorative trend line (the trend is also said in words).
    pub spark: Option<String>,
    /// Other sources' values for the same date (two relays of one report disagree): the
    /// card shows them all, each with its source, rather than silently keeping one.
    pub others: Vec<CardValue>,
}

/// One more value on a card, with the source that gives it.
pub struct CardValue {
    pub value: String,
    pub raw: String,
    pub source_name: String,
    pub source_href: String,
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

/// The reports, pager and year links of one page of a list of reports.
pub(super) fn listing_parts(
    lx: &LangCtx,
    listing: &ListingPage,
    all: &[ListingPage],
) -> super::LayoutParts {
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
    super::LayoutParts {
        reports: listing.reports.iter().map(|p| report_link(lx, p)).collect(),
        pager,
        years,
        ..Default::default()
    }
}

/// A report in a list: the reports index, the home page, the feed.
pub struct ReportLink {
    pub title: String,
    pub href: String,
    pub iso: String,
    pub date: String,
    pub summary: String,
}

pub fn report_links(lx: &LangCtx, site: &Site, limit: usize) -> Vec<ReportLink> {
    site.reports()
        .into_iter()
        .take(limit)
        .map(|p| report_link(lx, p))
        .collect()
}

fn report_link(lx: &LangCtx, p: &Page) -> ReportLink {
    let t = p.text.get(lx.lang);
    ReportLink {
        title: t.title.clone(),
        href: urls::page(lx.lang, &p.slug_path),
        iso: t.date.map(|d| d.iso()).unwrap_or_default(),
        date: t.date.map(|d| lx.f.date(d)).unwrap_or_default(),
        summary: t.description.clone(),
    }
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

pub(super) fn file_link(
    label: &str,
    href: String,
    sizes: &Sizes,
    f: &Formatter,
    ui: &UiText,
) -> FileLink {
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
    /// `en <time datetime="2025">2025</time>`.
    pub published: String,
    pub url: Option<String>,
}

pub(super) fn og_locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Ar => "ar_MA",
        Lang::Fr => "fr_MA",
    }
}

pub(super) fn card(lx: &LangCtx, id: &str) -> Option<FigureCard> {
    let (data, f, ui) = (lx.data, lx.f, lx.ui);
    let ind: &Indicator = data.indicators.get(id)?;
    let o: &Observation = data.latest(id)?;
    let src = data.sources.get(&o.source)?;
    let lang = lx.lang;
    let others: Vec<CardValue> = data
        .at(id, o.date, None)
        .into_iter()
        .filter(|p| p.source != o.source)
        .map(|p| CardValue {
            value: lx.amount(p.qualifier, p.value, ind),
            raw: format!("{}", p.value),
            source_name: publisher_and_relay(lx, &p.source),
            source_href: urls::source(lang, &p.source),
        })
        .collect();
    Some(FigureCard {
        title: ind.title.get(lang).clone(),
        value: lx.amount(o.qualifier, o.value, ind),
        raw: format!("{}", o.value),
        date: f.date(o.date),
        iso: o.date.iso(),
        source_name: match others.is_empty() {
            true => src.publisher.get(lang).clone(),
            false => publisher_and_relay(lx, &o.source),
        },
        source_href: urls::source(lang, &o.source),
        definition_href: format!("{}#{}", urls::data_page(lang), urls::indicator_anchor(id)),
        trend: ind
            .observations
            .first()
            .filter(|p| comparable(p, o))
            .map(|p| {
                ui.trend_since
                    .replace("{value}", &lx.amount(p.qualifier, p.value, ind))
                    .replace("{date}", &lx.date_phrase(p.date))
            }),
        spark: crate::figures::sparkline(&ind.observations),
        others,
    })
}

/// A source's publisher with the outlet that relayed it, `Cour des comptes (Le360)`: what
/// tells two relays of one report apart on a card and in the data page's list of series.
fn publisher_and_relay(lx: &LangCtx, id: &str) -> String {
    match lx.data.sources.get(id) {
        Some(s) => match &s.via {
            Some(via) => format!("{} ({via})", s.publisher.get(lx.lang)),
            None => s.publisher.get(lx.lang).clone(),
        },
        None => id.to_string(),
    }
}

/// Whether a card may set `earlier` against `latest`: an earlier date, a different value,
/// and the same kind of figure (a target or forecast is never compared with a count).
fn comparable(earlier: &Observation, latest: &Observation) -> bool {
    let is_target = |o: &Observation| o.qualifier == crate::data::Qualifier::Target;
    earlier.date < latest.date
        && earlier.value != latest.value
        && is_target(earlier) == is_target(latest)
}

pub(super) fn regime_cards(lx: &LangCtx, site: &Site) -> Vec<RegimeCard> {
    let lang = lx.lang;
    lx.data
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

pub(super) fn datasets(lx: &LangCtx, sizes: &Sizes) -> Vec<DatasetRow> {
    let (data, f, ui, lang) = (lx.data, lx.f, lx.ui, lx.lang);
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
                unit: lx.unit_name(ind.unit).to_string(),
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
                            publisher_and_relay(lx, &s.id),
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

pub(super) fn charts(lx: &LangCtx, sizes: &Sizes) -> Vec<ChartRow> {
    let (f, ui, lang) = (lx.f, lx.ui, lx.lang);
    lx.data
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

pub(super) fn sources(lx: &LangCtx) -> Vec<SourceRow> {
    let (data, lang) = (lx.data, lx.lang);
    data.sources
        .values()
        .map(|s| SourceRow {
            anchor: urls::source_anchor(&s.id),
            publisher: s.publisher.get(lang).clone(),
            title: s.title.get(lang).clone(),
            via: s.via.clone(),
            published: lx.date_phrase_html(s.published),
            url: s.url.clone(),
        })
        .collect()
}
