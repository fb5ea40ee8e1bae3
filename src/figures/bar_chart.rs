//! Bar charts drawn with plotters' SVG backend: one group of bars per category (a regime, an
//! indicator), one bar per date in the group, coloured by date. Bars start at zero.
//!
//! Categories are not time, so they follow the reading direction: first category on the
//! left in French, on the right in Arabic. The value axis sits on the reading-start side; each
//! bar carries its value as a direct label; hollow bars flag values that are not exact.
//! Category names wrap onto as many lines as they need under their group.

use super::backend::Measured;
use super::layout::Layout;
use super::metrics::TextMetrics;
use super::style::*;
use super::{palette, tooltip};
use crate::data::Qualifier;
use crate::locale::{Formatter, Lang};
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

pub struct Bar {
    /// Index of the bar's date among all dates of the chart (its colour and legend entry).
    pub key: usize,
    pub value: f64,
    pub qualifier: Qualifier,
    pub tip: String,
}

pub struct Group {
    pub label: String,
    pub bars: Vec<Bar>,
}

/// A categorical axis: category `i` spans `[i, i + 1)`, ticks at the middles.
struct CategoryAxis {
    n: usize,
}

impl Ranged for CategoryAxis {
    type ValueType = f64;
    type FormatOption = DefaultFormatting;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        limit.0 + (value / self.n as f64 * f64::from(limit.1 - limit.0)).round() as i32
    }

    fn key_points<Hint: KeyPointHint>(&self, _hint: Hint) -> Vec<f64> {
        (0..self.n).map(|i| i as f64 + 0.5).collect()
    }

    fn range(&self) -> std::ops::Range<f64> {
        0.0..self.n as f64
    }
}

/// The chart as an SVG document and its height; `keys` are the legend labels (dates).
/// The narrow layout lays the bars horizontally ([`super::bar_narrow`]).
pub fn render(
    groups: &[Group],
    keys: &[String],
    lang: Lang,
    f: &Formatter,
    metrics: &TextMetrics,
    layout: Layout,
) -> Result<(String, u32), String> {
    if layout == Layout::Narrow {
        return super::bar_narrow::render(groups, keys, lang, f, metrics);
    }
    let n = groups.len().max(1);
    // Position of group `i` on the axis, in reading order.
    let slot = |i: usize| if lang.is_rtl() { n - 1 - i } else { i };
    let legend = layout_legend(keys, lang, metrics, layout);
    let max = groups.iter().flat_map(|g| g.bars.iter().map(|b| b.value));
    let (y_max, y_area) = value_axis(max.fold(0.0, f64::max), lang, f, metrics, layout);
    let group_w = f64::from(layout.width() - y_area - 28) / n as f64 - 8.0;
    let mut names = vec![Vec::new(); n];
    for (i, g) in groups.iter().enumerate() {
        let lines = super::standalone::wrap(&g.label, layout.font(), group_w, metrics);
        names[slot(i)] = lines.iter().map(|l| label(lang, l)).collect();
    }
    let name_rows = names.iter().map(Vec::len).max().unwrap_or(1).max(1) as u32;
    let plot_height = layout.plot_height() + (name_rows - 1) * 18;
    let height = plot_height + legend.height;
    let mut marks = String::new();
    let mut svg = String::new();
    {
        let size = (layout.width(), height);
        let backend = Measured::new(SVGBackend::with_string(&mut svg, size), metrics);
        let root = backend.into_drawing_area();
        root.fill(&palette::PAPER).map_err(|e| e.to_string())?;
        let (plot, legend_area) = root.split_vertically(plot_height);
        let text = text_style(layout);
        let mut builder = builder(&plot, lang, y_area, 22);
        builder.x_label_area_size(16 + 18 * name_rows);
        let mut chart = builder
            .build_cartesian_2d(CategoryAxis { n }, 0f64..y_max)
            .map_err(|e| e.to_string())?;
        draw_axes(&mut chart, &|_| String::new(), lang, f, &text, layout)?;
        let err = |e: DrawingAreaErrorKind<_>| e.to_string();
        let name_style = text.pos(Pos::new(HPos::Center, VPos::Top));
        for (k, lines) in names.iter().enumerate() {
            let (x, y) = chart.backend_coord(&(k as f64 + 0.5, 0.0));
            for (r, l) in lines.iter().enumerate() {
                let at = (x, y + 8 + 18 * r as i32);
                root.draw(&Text::new(l.clone(), at, name_style.clone()))
                    .map_err(err)?;
            }
        }
        let value_style = text.pos(Pos::new(HPos::Center, VPos::Bottom));
        for (i, g) in groups.iter().enumerate() {
            let m = g.bars.len().max(1) as f64;
            let width = 0.7 / m;
            for (index, b) in g.bars.iter().enumerate() {
                // Within a group, dates also run in reading order.
                let k = if lang.is_rtl() {
                    m - 1.0 - index as f64
                } else {
                    index as f64
                };
                let x0 = slot(i) as f64 + 0.15 + k * width;
                let x1 = x0 + width * 0.92;
                let (a, c) = (
                    chart.backend_coord(&(x0, 0.0)),
                    chart.backend_coord(&(x1, b.value)),
                );
                let hollow = b.qualifier != Qualifier::Exact;
                marks.push_str(&tooltip::bar(a, c, palette::series(b.key), hollow, &b.tip));
                let tag = label(lang, &f.compact_short(b.value));
                let at = ((x0 + x1) / 2.0, b.value + y_max * 0.015);
                chart
                    .draw_series(std::iter::once(Text::new(tag, at, value_style.clone())))
                    .map_err(err)?;
            }
        }
        draw_legend(&legend_area, &legend, &text, Swatch::Square)?;
        root.present().map_err(|e| e.to_string())?;
    }
    Ok((tooltip::append(&svg, &marks), height))
}
