//! The `<figure>` block a page shows for a chart: title, subtitle, the accessible SVG, a
//! text summary, the data table, definitions, sources, as-of date, citation, downloads and
//! the embed code (the ONS figure anatomy), through `templates/partials/figure.html`.

use super::citation::Citations;
use super::layout::Layout;
use crate::config::Config;
use crate::context::LangCtx;
use crate::data::{ChartData, ObsDate};
use crate::html::Markup;
use crate::locale::{Lang, UiText};
use crate::urls;
use askama::Template;

struct Row {
    iso: String,
    date: String,
    series: Markup,
    value: String,
    raw: String,
    source_name: Markup,
    source_href: String,
    note: Option<Markup>,
}

struct SeriesNote {
    label: Markup,
    definition: Markup,
}

/// One document of the full source list: title, publisher (and relay), date, link.
struct Document {
    title: Markup,
    publisher: Markup,
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
    ui: &'a UiText,
    id: &'a str,
    title: Markup,
    subtitle: Option<Markup>,
    svg: Markup<&'a str>,
    summary: &'a str,
    rows: Vec<Row>,
    notes: Vec<SeriesNote>,
    source_line: Markup,
    documents: Vec<Document>,
    as_of: String,
    has_hollow: bool,
    cite_short: Markup,
    cite_full: Markup,
    downloads: Vec<Download>,
    embed_code: String,
    vintage_note: Option<String>,
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

/// `templates/inline/embed-code.html`: a box of the chart's aspect ratio in each layout
/// holding the `<iframe>`.
#[derive(Template)]
#[template(path = "inline/embed-code.html", whitespace = "preserve")]
struct EmbedCode {
    class: Markup,
    wide: String,
    narrow: String,
    below: u32,
    src: Markup,
    title: Markup,
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
    let code = EmbedCode {
        class: Markup::escaped(&format!("amo-chart-{id}")),
        wide,
        narrow,
        below: EMBED_NARROW_BELOW - 1,
        src: Markup::escaped(&config.absolute(&urls::embed(lang, id))),
        title: Markup::escaped(title),
    };
    // Cannot fail: every value is a string or a number.
    code.render().unwrap_or_default()
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
    let t = |s: &str| Markup::text(lang, s);
    FigureTemplate {
        ui,
        id: &chart.id,
        title: t(title),
        subtitle: subtitle(data, lang).map(t),
        svg: Markup::trusted(svg),
        summary,
        rows: rows(data, lx),
        notes: series_notes(data, lx),
        source_line: t(source_line),
        documents: documents(data, lx),
        as_of: data.as_of().map(|d| f.date(d)).unwrap_or_default(),
        has_hollow: data.has_hollow(),
        cite_short: t(&citation.short),
        cite_full: t(&citation.full),
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

/// The data table: every point, by date then series. Dates are in the order the axis
/// places them (the middle of their period: `2025` after `janvier 2025`), series in the
/// legend's order.
fn rows(data: &ChartData, lx: &LangCtx) -> Vec<Row> {
    let lang = lx.lang;
    let mut rows: Vec<(ObsDate, usize, Row)> = data
        .series
        .iter()
        .enumerate()
        .flat_map(|(k, s)| {
            let label = s.series.label.get(lang).as_str();
            s.points.iter().map(move |o| {
                (
                    o.date,
                    k,
                    Row {
                        iso: o.date.iso(),
                        date: lx.f.date(o.date),
                        series: Markup::text(lang, label),
                        value: lx.amount(o.qualifier, o.value, s.indicator),
                        raw: format!("{}", o.value),
                        source_name: Markup::text(
                            lang,
                            lx.data
                                .sources
                                .get(&o.source)
                                .map_or("", |s| s.publisher.get(lang)),
                        ),
                        source_href: urls::source(lang, &o.source),
                        note: o.note.as_ref().map(|n| Markup::text(lang, n.get(lang))),
                    },
                )
            })
        })
        .collect();
    rows.sort_by_key(|&(date, k, _)| (date, k));
    rows.into_iter().map(|(.., row)| row).collect()
}

/// One definition per indicator the chart draws: series with no point (none known at a
/// report's date) are left out, and two series of one indicator share its definition
/// under both labels ("Évaluation de la BAD et Gouvernement, 20 février 2025").
fn series_notes(data: &ChartData, lx: &LangCtx) -> Vec<SeriesNote> {
    // (indicator, labels, definition), in order of first series.
    let mut notes: Vec<(&str, String, &str)> = Vec::new();
    for s in data.series.iter().filter(|s| !s.points.is_empty()) {
        let label = s.series.label.get(lx.lang);
        match notes.iter_mut().find(|(id, ..)| *id == s.indicator.id) {
            Some((_, labels, _)) => {
                *labels = format!("{labels}{}{label}", lx.ui.list_and);
            }
            None => notes.push((
                &s.indicator.id,
                label.clone(),
                s.indicator.definition.get(lx.lang),
            )),
        }
    }
    let t = |s: &str| Markup::text(lx.lang, s);
    notes
        .into_iter()
        .map(|(_, label, definition)| SeriesNote {
            label: t(&label),
            definition: t(definition),
        })
        .collect()
}

/// Every document the chart's points come from, in order of first use.
fn documents(data: &ChartData, lx: &LangCtx) -> Vec<Document> {
    let lang = lx.lang;
    data.sources(lx.data)
        .into_iter()
        .map(|s| Document {
            title: Markup::text(lang, s.title.get(lang)),
            publisher: Markup::text(lang, &lx.publisher_and_relay(s)),
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
