//! The data page's rows: every dataset with its period, sources and downloads, every
//! chart's downloads, every source.

use super::Sizes;
use super::cards::publisher_and_relay;
use crate::context::LangCtx;
use crate::html::Markup;
use crate::locale::{Formatter, UiText};
use crate::urls;

/// A dataset (an indicator) on the data page.
pub struct DatasetRow {
    pub anchor: String,
    pub title: Markup,
    pub definition: Markup,
    pub unit: String,
    pub period: String,
    pub count: String,
    /// Each source's publisher (and relay), and its anchor in the list of sources.
    pub sources: Vec<(Markup, String)>,
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

/// A chart's downloads on the data page.
pub struct ChartRow {
    pub anchor: String,
    pub title: Markup,
    pub files: Vec<FileLink>,
    pub embed: String,
}

/// A source in the data page's list.
pub struct SourceRow {
    pub anchor: String,
    pub publisher: Markup,
    pub title: Markup,
    pub via: Option<String>,
    /// `en <time datetime="2025">2025</time>`.
    pub published: Markup,
    pub url: Option<String>,
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
                title: Markup::text(lang, ind.title.get(lang)),
                definition: Markup::text(lang, ind.definition.get(lang)),
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
                            Markup::text(lang, &publisher_and_relay(lx, &s.id)),
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
            title: Markup::text(lang, c.title.get(lang)),
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
            publisher: Markup::text(lang, s.publisher.get(lang)),
            title: Markup::text(lang, s.title.get(lang)),
            via: s.via.clone(),
            published: lx.date_phrase_html(s.published),
            url: s.url.clone(),
        })
        .collect()
}
