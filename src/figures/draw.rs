//! The plot of a chart's data in one language and one layout: a line chart on a true time
//! axis, or groups of bars from zero, every marker and bar with its tooltip. Returns
//! plotters' SVG markup; accessibility is added by the caller.

use super::bar_chart;
use super::layout::Layout;
use super::line_chart::{self, Point, SeriesToDraw};
use super::metrics::TextMetrics;
use super::tooltip;
use crate::context::LangCtx;
use crate::data::{ChartData, ChartKind};

/// A drawn plot and its height in pixels (the legend makes it vary).
pub struct Plot {
    pub svg: String,
    pub height: u32,
}

pub fn plot(
    data: &ChartData,
    lx: &LangCtx,
    metrics: &TextMetrics,
    layout: Layout,
) -> Result<Plot, String> {
    let (lang, f) = (lx.lang, lx.f);
    let label = |s: &crate::data::SeriesData| s.series.label.get(lang).clone();
    let tip = |s: &crate::data::SeriesData, o| tooltip::text(lx, &label(s), o, s.indicator.unit);
    let (svg, height) = match data.chart.kind {
        ChartKind::Line => {
            let series: Vec<SeriesToDraw> = data
                .series
                .iter()
                .map(|s| SeriesToDraw {
                    label: label(s),
                    points: s
                        .points
                        .iter()
                        .map(|o| Point {
                            x: o.date.axis_position(),
                            value: o.value,
                            qualifier: o.qualifier,
                            tip: tip(s, o),
                        })
                        .collect(),
                })
                .collect();
            line_chart::render(&series, lang, f, metrics, layout)?
        }
        ChartKind::Bar => {
            let dates = data.dates();
            let keys: Vec<String> = dates.iter().map(|d| f.date(*d)).collect();
            let groups: Vec<bar_chart::Group> = data
                .series
                .iter()
                .map(|s| bar_chart::Group {
                    label: label(s),
                    bars: s
                        .points
                        .iter()
                        .map(|o| bar_chart::Bar {
                            key: dates.iter().position(|d| *d == o.date).unwrap_or(0),
                            value: o.value,
                            qualifier: o.qualifier,
                            tip: tip(s, o),
                        })
                        .collect(),
                })
                .collect();
            bar_chart::render(&groups, &keys, lang, f, metrics, layout)?
        }
    };
    Ok(Plot { svg, height })
}
