//! Figures: one chart record from `data/charts.yaml` becomes, per language, a complete
//! accessible `<figure>`: title, subtitle, inline SVG (plotters) with title and desc, a text
//! summary, a data table with the same numbers, a caption with definitions, sources and
//! as-of date, and links to its CSV and JSON.

mod backend;
mod line_chart;
mod metrics;
mod svg_a11y;

pub use metrics::TextMetrics;

use crate::data::{Chart, Dataset, ObsDate, Qualifier};
use crate::diagnostics::Diagnostic;
use crate::locale::{Formatter, Formatters, Lang, Localized, UiText};

use crate::urls;
use askama::Template;
use line_chart::{Point, SeriesToDraw};
use std::collections::BTreeMap;
use std::path::Path;

/// A chart rendered for both languages.
pub struct RenderedChart {
    /// The whole `<figure>` block per language, ready to place in a page.
    pub block: Localized<String>,
    /// The bare accessible SVG per language.
    pub svg: Localized<String>,
}

/// Every chart of the dataset, by id.
pub struct Figures {
    pub charts: BTreeMap<String, RenderedChart>,
}

impl Figures {
    pub fn block(&self, id: &str, lang: Lang) -> Option<&str> {
        self.charts.get(id).map(|c| c.block.get(lang).as_str())
    }
}

/// Renders every chart in both languages.
pub fn build(
    ds: &Dataset,
    formatters: &Formatters,
    ui: &Localized<UiText>,
) -> Result<Figures, Vec<Diagnostic>> {
    let metrics = TextMetrics::new();
    let mut charts = BTreeMap::new();
    let mut errors = Vec::new();
    for chart in ds.charts.values() {
        let ar = render_chart(chart, ds, formatters.get(Lang::Ar), &ui.ar, &metrics);
        let fr = render_chart(chart, ds, formatters.get(Lang::Fr), &ui.fr, &metrics);
        match (ar, fr) {
            (Ok((ar_block, ar_svg)), Ok((fr_block, fr_svg))) => {
                let rendered = RenderedChart {
                    block: Localized {
                        ar: ar_block,
                        fr: fr_block,
                    },
                    svg: Localized {
                        ar: ar_svg,
                        fr: fr_svg,
                    },
                };
                charts.insert(chart.id.clone(), rendered);
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
}

struct SeriesNote {
    label: String,
    definition: String,
}

struct SourceRef {
    name: String,
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
    csv_href: String,
    json_href: String,
}

/// Returns the `<figure>` block and the bare SVG for one language.
fn render_chart(
    chart: &Chart,
    ds: &Dataset,
    f: &Formatter,
    ui: &UiText,
    metrics: &TextMetrics,
) -> Result<(String, String), String> {
    let lang = f.lang();
    let mut to_draw = Vec::new();
    let mut rows = Vec::new();
    let mut notes = Vec::new();
    let mut source_ids = Vec::new();
    let mut latest: Option<ObsDate> = None;
    let mut has_hollow = false;
    let mut summary_parts = Vec::new();
    for s in &chart.series {
        let Some(ind) = ds.indicators.get(&s.indicator) else {
            continue;
        };
        let label = s.label.get(lang).clone();
        let points = ds.series_points(s);
        for o in &points {
            let value = ui.qualified(o.qualifier, &f.value(o.value, ind.unit));
            let src = ds.sources.get(&o.source);
            rows.push(Row {
                iso: o.date.iso(),
                date: f.date(o.date),
                series: label.clone(),
                value,
                raw: format!("{}", o.value),
                source_name: src
                    .map(|s| s.publisher.get(lang).clone())
                    .unwrap_or_default(),
                source_href: urls::source(lang, &o.source),
            });
            if !source_ids.contains(&o.source) {
                source_ids.push(o.source.clone());
            }
            latest = latest.max(Some(o.date));
            has_hollow |= o.qualifier != Qualifier::Exact;
        }
        let describe = |o: &crate::data::Observation| {
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
    }
    rows.sort_by(|a, b| (&a.iso, &a.series).cmp(&(&b.iso, &b.series)));
    let (raw_svg, _height) = line_chart::render(&to_draw, lang, f, metrics)?;
    let title = chart.title.get(lang);
    let summary = format!(
        "{} {}. {}.",
        ui.chart_summary_intro,
        title,
        summary_parts.join(&ui.list_separator)
    );
    let svg = svg_a11y::make_accessible(
        &raw_svg,
        &format!("chart-{}", chart.id),
        lang,
        title,
        &summary,
    );
    let sources = source_ids
        .iter()
        .filter_map(|id| ds.sources.get(id))
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
    let block = FigureTemplate {
        lang,
        ui,
        id: &chart.id,
        title,
        subtitle: chart.subtitle.as_ref().map(|s| s.get(lang).as_str()),
        svg: &svg,
        summary: &summary,
        rows,
        notes,
        sources,
        as_of: latest.map(|d| f.date(d)).unwrap_or_default(),
        has_hollow,
        csv_href: urls::chart_csv(&chart.id),
        json_href: urls::chart_json(&chart.id),
    }
    .render()
    .map_err(|e| e.to_string())?;
    Ok((block, svg))
}

impl FigureTemplate<'_> {
    /// Text from data, escaped, with Latin runs isolated in Arabic.
    fn t(&self, s: &str) -> String {
        crate::html::text(self.lang, s)
    }
}
