//! The `<figure>` block a page shows for a chart: title, subtitle, the accessible SVG, a
//! text summary, the data table, definitions, sources, as-of date, citation, downloads and
//! the embed code (the ONS figure anatomy), through `templates/partials/figure.html`.

use super::citation::Citations;
use super::layout::Layout;
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

/// One document of the full source list: title, publisher (and relay), date, link.
struct Document {
    title: String,
    publisher: String,
    date: String,
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
    source_line: &'a str,
    documents: Vec<Document>,
    as_of: String,
    has_hollow: bool,
    citation: &'a Citations,
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

/// The page width, in CSS px, below which an embedded chart shows its narrow layout (the
/// container query threshold plus the embed page's margins and the figure's padding).
pub const EMBED_NARROW_BELOW: u32 = super::layout::WIDE_FROM_PX + 40;

/// The room around the drawing on the embed page (title, subtitle, source line, links), in
/// CSS px, in each layout: added to the drawing's height to get the box's aspect ratio.
fn embed_chrome(layout: Layout) -> u32 {
    match layout {
        Layout::Wide => 260,
        Layout::Narrow => 360,
    }
}

/// The `<iframe>` code that embeds a chart elsewhere: a responsive box with a fixed aspect
/// ratio per layout (`heights` are the drawings' heights, wide then narrow), taller below
/// [`EMBED_NARROW_BELOW`] px where the chart switches to its narrow drawing.
pub fn embed_code(config: &Config, lang: Lang, id: &str, title: &str, heights: [u32; 2]) -> String {
    let ratio = |layout: Layout, h: u32| format!("{}/{}", layout.width(), h + embed_chrome(layout));
    let (wide, narrow) = (
        ratio(Layout::Wide, heights[0]),
        ratio(Layout::Narrow, heights[1]),
    );
    let class = format!("amo-chart-{}", crate::html::escape(id));
    format!(
        "<style>.{class}{{position:relative;aspect-ratio:{wide}}}@container (max-width:{below}px){{.{class}{{aspect-ratio:{narrow}}}}}</style>\n\
<div style=\"container-type:inline-size\"><div class=\"{class}\"><iframe src=\"{}\" title=\"{}\" style=\"position:absolute;inset:0;width:100%;height:100%;border:0\" loading=\"lazy\"></iframe></div></div>",
        crate::html::escape(&config.absolute(&urls::embed(lang, id))),
        crate::html::escape(title),
        below = EMBED_NARROW_BELOW - 1,
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
    heights: [u32; 2],
    summary: &str,
    source_line: &str,
    citation: &Citations,
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
        notes: series_notes(data, lx),
        source_line,
        documents: documents(data, lx),
        as_of: data.as_of().map(|d| f.date(d)).unwrap_or_default(),
        has_hollow: data.has_hollow(),
        citation,
        downloads: if current {
            downloads(&chart.id, lang, ui)
        } else {
            Vec::new()
        },
        embed_code: if current {
            embed_code(lx.config, lang, &chart.id, title, heights)
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

/// One definition per indicator the chart draws: series with no point (none known at a
/// report's date) are left out, and two series of one indicator share its definition
/// under both labels ("Évaluation de la BAD et Gouvernement, 20 février 2025").
fn series_notes(data: &ChartData, lx: &LangCtx) -> Vec<SeriesNote> {
    let mut notes: Vec<(&str, SeriesNote)> = Vec::new();
    for s in data.series.iter().filter(|s| !s.points.is_empty()) {
        let label = s.series.label.get(lx.lang);
        match notes.iter_mut().find(|(id, _)| *id == s.indicator.id) {
            Some((_, note)) => {
                note.label = format!("{}{}{label}", note.label, lx.ui.list_and);
            }
            None => notes.push((
                &s.indicator.id,
                SeriesNote {
                    label: label.clone(),
                    definition: s.indicator.definition.get(lx.lang).clone(),
                },
            )),
        }
    }
    notes.into_iter().map(|(_, n)| n).collect()
}

/// Every document the chart's points come from, in order of first use.
fn documents(data: &ChartData, lx: &LangCtx) -> Vec<Document> {
    let lang = lx.lang;
    data.sources(lx.data)
        .into_iter()
        .map(|s| Document {
            title: s.title.get(lang).clone(),
            publisher: match &s.via {
                Some(via) => format!("{} ({via})", s.publisher.get(lang)),
                None => s.publisher.get(lang).clone(),
            },
            date: lx.f.date(s.published),
            href: s.url.clone().unwrap_or_else(|| urls::source(lang, &s.id)),
        })
        .collect()
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

#[cfg(test)]
mod embed_tests {
    use super::*;

    /// The embed code is an attribute value's worth of markup: the address and the title
    /// are both escaped, whatever they hold.
    #[test]
    fn embed_code_escapes_the_address_and_the_title() {
        let mut config = Config::placeholder();
        config.base_url = "https://x.example/\"><script>alert(1)</script>".into();
        let code = embed_code(
            &config,
            Lang::Fr,
            "c",
            "\"><img src=x onerror=alert(2)>",
            [400, 600],
        );
        assert!(!code.contains("<script"), "{code}");
        assert!(!code.contains("<img"), "{code}");
        assert!(code.contains("&quot;&gt;&lt;script&gt;"), "{code}");
        assert!(code.contains("&quot;&gt;&lt;img src=x"), "{code}");
    }
}
