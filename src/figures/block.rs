//! The `<figure>` block a page shows for a chart: title, subtitle, the accessible SVG, a
//! text summary, the data table, definitions, sources, as-of date, citation, downloads and
//! the embed code (the ONS figure anatomy), through `templates/partials/figure.html`.

use crate::config::Config;
use crate::context::LangCtx;
use crate::data::ChartData;
use crate::locale::{Lang, UiText};
use crate::urls;
use askama::Template;

struct Row {
    iso: String,
    date: String,
    series: String,
    value: String,
    raw: String,
    source_name: String,
    source_href: String,
    note: Option<String>,
}

struct SeriesNote {
    label: String,
    definition: String,
}

struct SourceRef {
    name: String,
    href: String,
}

struct Download {
    label: String,
    href: String,
}

#[derive(Template)]
#[template(path = "partials/figure.html")]
struct FigureTemplate<'a> {
    lang: Lang,
    ui: &'a UiText,
    id: &'a str,
    title: &'a str,
    subtitle: Option<&'a str>,
    svg: &'a str,
    summary: &'a str,
    rows: Vec<Row>,
    notes: Vec<SeriesNote>,
    sources: Vec<SourceRef>,
    as_of: String,
    has_hollow: bool,
    citation: &'a str,
    downloads: Vec<Download>,
    embed_code: String,
    vintage_note: Option<String>,
}

impl FigureTemplate<'_> {
    /// Text from data, escaped, with Latin runs isolated in Arabic.
    fn t(&self, s: &str) -> String {
        crate::html::text(self.lang, s)
    }
}

/// The `<iframe>` code that embeds a chart elsewhere.
pub fn embed_code(config: &Config, lang: Lang, id: &str, title: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"620\" style=\"border:0\" loading=\"lazy\"></iframe>",
        config.absolute(&urls::embed(lang, id)),
        crate::html::escape(title)
    )
}

/// A subtitle often names the period covered; a report's chart may stop earlier, so it
/// shows the vintage note instead.
pub fn subtitle<'a>(data: &'a ChartData, lang: Lang) -> Option<&'a str> {
    data.chart
        .subtitle
        .as_ref()
        .map(|s| s.get(lang).as_str())
        .filter(|_| data.vintage.is_none())
}

/// The whole `<figure>` block of a chart in one language.
pub fn block(
    data: &ChartData,
    lx: &LangCtx,
    svg: &str,
    summary: &str,
    citation: &str,
) -> Result<String, String> {
    let (lang, ui, f) = (lx.lang, lx.ui, lx.f);
    let chart = data.chart;
    let title = chart.title.get(lang);
    let current = data.vintage.is_none();
    FigureTemplate {
        lang,
        ui,
        id: &chart.id,
        title,
        subtitle: subtitle(data, lang),
        svg,
        summary,
        rows: rows(data, lx),
        notes: data
            .series
            .iter()
            .map(|s| SeriesNote {
                label: s.series.label.get(lang).clone(),
                definition: s.indicator.definition.get(lang).clone(),
            })
            .collect(),
        sources: source_refs(data, lx),
        as_of: data.as_of().map(|d| f.date(d)).unwrap_or_default(),
        has_hollow: data.has_hollow(),
        citation,
        downloads: if current {
            downloads(&chart.id, lang, ui)
        } else {
            Vec::new()
        },
        embed_code: if current {
            embed_code(lx.config, lang, &chart.id, title)
        } else {
            String::new()
        },
        vintage_note: data.vintage.map(|v| {
            ui.report_figures_as_of
                .replace("{date}", &lx.date_phrase(v))
        }),
    }
    .render()
    .map_err(|e| e.to_string())
}

/// The data table: every point, by date then series.
fn rows(data: &ChartData, lx: &LangCtx) -> Vec<Row> {
    let lang = lx.lang;
    let mut rows: Vec<Row> = data
        .series
        .iter()
        .flat_map(|s| {
            s.points.iter().map(move |o| Row {
                iso: o.date.iso(),
                date: lx.f.date(o.date),
                series: s.series.label.get(lang).clone(),
                value: lx.amount(o.qualifier, o.value, s.indicator),
                raw: format!("{}", o.value),
                source_name: lx
                    .data
                    .sources
                    .get(&o.source)
                    .map(|s| s.publisher.get(lang).clone())
                    .unwrap_or_default(),
                source_href: urls::source(lang, &o.source),
                note: o.note.as_ref().map(|n| n.get(lang).clone()),
            })
        })
        .collect();
    rows.sort_by(|a, b| (&a.iso, &a.series).cmp(&(&b.iso, &b.series)));
    rows
}

/// The sources line: each publisher once (with its relay), linked to the source.
fn source_refs(data: &ChartData, lx: &LangCtx) -> Vec<SourceRef> {
    let lang = lx.lang;
    let mut refs: Vec<SourceRef> = Vec::new();
    for s in data.sources(lx.data) {
        let name = match &s.via {
            Some(via) => format!("{} ({via})", s.publisher.get(lang)),
            None => s.publisher.get(lang).clone(),
        };
        if !refs.iter().any(|r| r.name == name) {
            refs.push(SourceRef {
                name,
                href: urls::source(lang, &s.id),
            });
        }
    }
    refs
}

fn downloads(id: &str, lang: Lang, ui: &UiText) -> Vec<Download> {
    let d = |label: String, href: String| Download { label, href };
    vec![
        d("CSV".into(), urls::chart_csv(id)),
        d(
            format!("{} (XLSX)", ui.download_xlsx),
            urls::chart_xlsx(id, lang),
        ),
        d("JSON".into(), urls::chart_json(id)),
        d("SVG".into(), urls::chart_svg(id, lang)),
        d("PNG".into(), urls::chart_png(id, lang)),
    ]
}
