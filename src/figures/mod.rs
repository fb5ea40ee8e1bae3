//! Figures: one chart record from `data/charts.yaml` becomes, per language, every output a
//! reader or a journalist needs, all from the same numbers:
//!
//! - a complete accessible `<figure>` for pages: title, subtitle, inline SVG with title and
//!   desc, a text summary, a data table, definitions, sources, as-of date, citation, and a
//!   download block (CSV, XLSX, JSON, SVG, PNG, embed code);
//! - a standalone SVG and a PNG with title and citation drawn in, for downloads.

mod backend;
mod bar_chart;
mod citation;
mod line_chart;
mod metrics;
mod png;
mod sparkline;
mod standalone;
mod style;
mod svg_a11y;

pub use citation::citation;
pub use metrics::TextMetrics;
pub use png::{PngCache, PngRenderer};
pub use sparkline::sparkline;

use crate::config::Config;
use crate::data::{Chart, ChartKind, Dataset, ObsDate, Observation, Qualifier};
use crate::diagnostics::Diagnostic;
use crate::locale::{Formatter, Formatters, Lang, Localized, UiText};
use crate::urls;
use askama::Template;
use line_chart::{Point, SeriesToDraw};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;

/// One chart, rendered for one language.
pub struct ChartOutput {
    /// The whole `<figure>` block, ready to place in a page.
    pub block: String,
    /// The standalone SVG file (title and citation drawn in).
    pub svg_file: String,
    /// The same image as PNG, at twice the size.
    pub png: Vec<u8>,
    /// The citation line.
    pub citation: String,
}

/// Every chart of the dataset, by id, in both languages.
pub struct Figures {
    pub charts: BTreeMap<String, Localized<ChartOutput>>,
}

impl Figures {
    pub fn block(&self, id: &str, lang: Lang) -> Option<&str> {
        self.charts.get(id).map(|c| c.get(lang).block.as_str())
    }
}

/// Shared, read-only tools for drawing.
struct Tools<'a> {
    config: &'a Config,
    ds: &'a Dataset,
    metrics: TextMetrics,
    /// None when only the page block is wanted (a report's vintage chart).
    png: Option<PngRenderer>,
    cache: Option<&'a PngCache>,
}

/// Renders every chart in both languages.
pub fn build(
    config: &Config,
    ds: &Dataset,
    formatters: &Formatters,
    ui: &Localized<UiText>,
    cache: Option<&PngCache>,
) -> Result<Figures, Vec<Diagnostic>> {
    let tools = Tools {
        config,
        ds,
        metrics: TextMetrics::new(),
        png: Some(PngRenderer::new()),
        cache,
    };
    let mut charts = BTreeMap::new();
    let mut errors = Vec::new();
    // Charts are independent: draw them in parallel, then collect in id order.
    let rendered: Vec<_> = ds
        .charts
        .values()
        .collect::<Vec<_>>()
        .par_iter()
        .map(|chart| {
            let (ar, fr) = rayon::join(
                || render_chart(&tools, chart, formatters.get(Lang::Ar), &ui.ar, None),
                || render_chart(&tools, chart, formatters.get(Lang::Fr), &ui.fr, None),
            );
            (*chart, ar, fr)
        })
        .collect();
    for (chart, ar, fr) in rendered {
        match (ar, fr) {
            (Ok(ar), Ok(fr)) => {
                charts.insert(chart.id.clone(), Localized { ar, fr });
            }
            (ar, fr) => {
                for e in [ar.err(), fr.err()].into_iter().flatten() {
                    errors.push(Diagnostic::new(
                        Path::new("data/charts.yaml"),
                        None,
                        format!("chart `{}` could not be drawn: {e}", chart.id),
                    ));
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(Figures { charts })
    } else {
        Err(errors)
    }
}

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
        crate::html::escape(&config.absolute(&urls::embed(lang, id))),
        crate::html::escape(title)
    )
}

/// A chart as known on `vintage` (for a dated report): only observations published by then,
/// no downloads (they always carry the current data), and a note saying so.
pub fn vintage_block(
    config: &Config,
    ds: &Dataset,
    f: &Formatter,
    ui: &UiText,
    chart: &Chart,
    vintage: ObsDate,
) -> Result<String, String> {
    let tools = Tools {
        config,
        ds,
        metrics: TextMetrics::new(),
        png: None,
        cache: None,
    };
    render_chart(&tools, chart, f, ui, Some(vintage)).map(|o| o.block)
}

fn render_chart(
    tools: &Tools,
    chart: &Chart,
    f: &Formatter,
    ui: &UiText,
    vintage: Option<ObsDate>,
) -> Result<ChartOutput, String> {
    let ds = tools.ds;
    let lang = f.lang();
    let mut to_draw = Vec::new();
    let mut rows = Vec::new();
    let mut notes = Vec::new();
    let mut all_points: Vec<&Observation> = Vec::new();
    let mut per_series: Vec<(String, Vec<&Observation>)> = Vec::new();
    let mut summary_parts = Vec::new();
    for s in &chart.series {
        let Some(ind) = ds.indicators.get(&s.indicator) else {
            continue;
        };
        let label = s.label.get(lang).clone();
        let points = ds.series_points_as_of(s, vintage);
        for o in &points {
            rows.push(Row {
                iso: o.date.iso(),
                date: f.date(o.date),
                series: label.clone(),
                value: ui.qualified(o.qualifier, &f.value(o.value, ind.unit)),
                raw: format!("{}", o.value),
                source_name: ds
                    .sources
                    .get(&o.source)
                    .map(|s| s.publisher.get(lang).clone())
                    .unwrap_or_default(),
                source_href: urls::source(lang, &o.source),
                note: o.note.as_ref().map(|n| n.get(lang).clone()),
            });
        }
        let describe = |o: &Observation| {
            format!(
                "{} ({})",
                ui.qualified(o.qualifier, &f.value(o.value, ind.unit)),
                f.date(o.date)
            )
        };
        match (points.first(), points.last()) {
            (Some(first), Some(last)) if points.len() > 1 => {
                summary_parts.push(format!("{label}: {} → {}", describe(first), describe(last)))
            }
            (Some(only), _) => summary_parts.push(format!("{label}: {}", describe(only))),
            _ => {}
        }
        notes.push(SeriesNote {
            label: label.clone(),
            definition: ind.definition.get(lang).clone(),
        });
        to_draw.push(SeriesToDraw {
            label,
            points: points
                .iter()
                .map(|o| Point {
                    x: o.date.axis_position(),
                    value: o.value,
                    qualifier: o.qualifier,
                })
                .collect(),
        });
        per_series.push((s.label.get(lang).clone(), points.clone()));
        all_points.extend(points);
    }
    rows.sort_by(|a, b| (&a.iso, &a.series).cmp(&(&b.iso, &b.series)));
    let as_of: Option<ObsDate> = all_points.iter().map(|o| o.date).max();
    let has_hollow = all_points.iter().any(|o| o.qualifier != Qualifier::Exact);
    let sources = ds.sources_of(all_points.iter().copied());

    let (plot_svg, plot_height) = match chart.kind {
        ChartKind::Line => line_chart::render(&to_draw, lang, f, &tools.metrics)?,
        ChartKind::Bar => {
            let mut dates: Vec<ObsDate> = all_points.iter().map(|o| o.date).collect();
            dates.sort();
            dates.dedup();
            let keys: Vec<String> = dates.iter().map(|d| f.date(*d)).collect();
            let groups: Vec<bar_chart::Group> = per_series
                .iter()
                .map(|(label, points)| bar_chart::Group {
                    label: label.clone(),
                    bars: points
                        .iter()
                        .map(|o| bar_chart::Bar {
                            key: dates.iter().position(|d| *d == o.date).unwrap_or(0),
                            value: o.value,
                            qualifier: o.qualifier,
                        })
                        .collect(),
                })
                .collect();
            bar_chart::render(&groups, &keys, lang, f, &tools.metrics)?
        }
    };
    let title = chart.title.get(lang);
    // A subtitle often names the period covered; a report's chart may stop earlier, so it
    // shows the vintage note instead.
    let subtitle = chart
        .subtitle
        .as_ref()
        .map(|s| s.get(lang).as_str())
        .filter(|_| vintage.is_none());
    let summary = format!(
        "{} {}. {}.",
        ui.chart_summary_intro,
        title,
        summary_parts.join(&ui.list_separator)
    );
    let svg = svg_a11y::make_accessible(
        &plot_svg,
        &format!("chart-{}", chart.id),
        lang,
        title,
        &summary,
    );
    let citation = citation(
        tools.config,
        ui,
        f,
        &sources,
        as_of,
        &tools.config.absolute(&urls::data_page(lang)),
    );
    let (svg_file, png) = match &tools.png {
        Some(renderer) => {
            let svg_file = standalone::standalone(
                &plot_svg,
                plot_height,
                lang,
                title,
                subtitle,
                &citation,
                &tools.metrics,
            );
            let png = match tools.cache {
                Some(cache) => {
                    cache.get_or_render(&svg_file, || renderer.render(&svg_file, 2.0))?
                }
                None => renderer.render(&svg_file, 2.0)?,
            };
            (svg_file, png)
        }
        None => (String::new(), Vec::new()),
    };

    let source_refs = sources
        .iter()
        .map(|s| SourceRef {
            name: match &s.via {
                Some(via) => format!("{} ({via})", s.publisher.get(lang)),
                None => s.publisher.get(lang).clone(),
            },
            href: urls::source(lang, &s.id),
        })
        .fold(Vec::<SourceRef>::new(), |mut acc, s| {
            if !acc.iter().any(|a| a.name == s.name) {
                acc.push(s);
            }
            acc
        });
    let vintage_note = vintage.map(|v| ui.report_figures_as_of.replace("{date}", &f.date(v)));
    let downloads = if vintage.is_some() {
        Vec::new()
    } else {
        vec![
            Download {
                label: "CSV".into(),
                href: urls::chart_csv(&chart.id),
            },
            Download {
                label: format!("{} (XLSX)", ui.download_xlsx),
                href: urls::chart_xlsx(&chart.id, lang),
            },
            Download {
                label: "JSON".into(),
                href: urls::chart_json(&chart.id),
            },
            Download {
                label: "SVG".into(),
                href: urls::chart_svg(&chart.id, lang),
            },
            Download {
                label: "PNG".into(),
                href: urls::chart_png(&chart.id, lang),
            },
        ]
    };
    let block = FigureTemplate {
        lang,
        ui,
        id: &chart.id,
        title,
        subtitle,
        svg: &svg,
        summary: &summary,
        rows,
        notes,
        sources: source_refs,
        as_of: as_of.map(|d| f.date(d)).unwrap_or_default(),
        has_hollow,
        citation: &citation,
        downloads,
        embed_code: if vintage.is_some() {
            String::new()
        } else {
            embed_code(tools.config, lang, &chart.id, title)
        },
        vintage_note,
    }
    .render()
    .map_err(|e| e.to_string())?;
    Ok(ChartOutput {
        block,
        svg_file,
        png,
        citation,
    })
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
        let code = embed_code(&config, Lang::Fr, "c", "\"><img src=x onerror=alert(2)>");
        assert!(!code.contains("<script"), "{code}");
        assert!(!code.contains("<img"), "{code}");
        assert_eq!(code.matches('"').count(), 2 * 6, "{code}");
    }
}
