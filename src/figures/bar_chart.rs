//! Bar charts drawn with plotters' SVG backend: one group of bars per category (a regime, an
//! indicator), one bar per date in the group, coloured by date. Bars start at zero.
//!
//! Categories are not time, so they follow the reading direction: first category on the
//! left in French, on the right in Arabic. The value axis sits on the reading-start side; each
//! bar carries its value as a direct label; hollow bars flag values that are not exact.

use super::backend::Measured;
use super::metrics::TextMetrics;
use super::style::*;
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
pub fn render(
    groups: &[Group],
    keys: &[String],
    lang: Lang,
    f: &Formatter,
    metrics: &TextMetrics,
) -> Result<(String, u32), String> {
    let n = groups.len().max(1);
    // Position of group `i` on the axis, in reading order.
    let slot = |i: usize| if lang.is_rtl() { n - 1 - i } else { i };
    let legend = layout_legend(keys, lang, metrics);
    let height = PLOT_HEIGHT + legend.height;
    let (y_max, y_area) = value_axis(
        groups
            .iter()
            .flat_map(|g| g.bars.iter().map(|b| b.value))
            .fold(0.0, f64::max),
        lang,
        f,
        metrics,
    );
    let mut names = vec![String::new(); n];
    for (i, g) in groups.iter().enumerate() {
        names[slot(i)] = label(lang, &g.label);
    }

    let mut svg = String::new();
    {
        let backend = Measured::new(SVGBackend::with_string(&mut svg, (WIDTH, height)), metrics);
        let root = backend.into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        let (plot, legend_area) = root.split_vertically(PLOT_HEIGHT);
        let text = TextStyle::from((FAMILY, FONT).into_font()).color(&INK);
        let mut builder = builder(&plot, lang, y_area, 22);
        let mut chart = builder
            .build_cartesian_2d(CategoryAxis { n }, 0f64..y_max)
            .map_err(|e| e.to_string())?;
        let category_name = |x: &f64| names.get(x.floor() as usize).cloned().unwrap_or_default();
        draw_axes(&mut chart, &category_name, lang, f, &text)?;
        let value_style = TextStyle::from((FAMILY, FONT * 0.85).into_font())
            .color(&INK)
            .pos(Pos::new(HPos::Center, VPos::Bottom));
        for (i, g) in groups.iter().enumerate() {
            for b in &g.bars {
                // Within a group, dates also run in reading order.
                let m = g.bars.len().max(1) as f64;
                let width = 0.7 / m;
                let index = g.bars.iter().position(|x| std::ptr::eq(x, b)).unwrap_or(0) as f64;
                let k = if lang.is_rtl() {
                    m - 1.0 - index
                } else {
                    index
                };
                let x0 = slot(i) as f64 + 0.15 + k * width;
                let x1 = x0 + width * 0.92;
                let color = PALETTE[b.key % PALETTE.len()];
                let err = |e: DrawingAreaErrorKind<_>| e.to_string();
                for shape in bar_shapes([(x0, 0.0), (x1, b.value)], color, b.qualifier) {
                    chart.draw_series(std::iter::once(shape)).map_err(err)?;
                }
                let tag = label(lang, &f.compact_short(b.value));
                chart
                    .draw_series(std::iter::once(Text::new(
                        tag,
                        ((x0 + x1) / 2.0, b.value + y_max * 0.015),
                        value_style.clone(),
                    )))
                    .map_err(err)?;
            }
        }
        draw_legend(&legend_area, &legend, &text, Swatch::Square)?;
        root.present().map_err(|e| e.to_string())?;
    }
    Ok((svg, height))
}

/// A bar: filled when the value is exact, hollow (white with a coloured outline) otherwise.
fn bar_shapes(
    corners: [(f64, f64); 2],
    color: RGBColor,
    qualifier: Qualifier,
) -> Vec<Rectangle<(f64, f64)>> {
    if qualifier == Qualifier::Exact {
        vec![Rectangle::new(corners, color.filled())]
    } else {
        vec![
            Rectangle::new(corners, WHITE.filled()),
            Rectangle::new(corners, color.stroke_width(2)),
        ]
    }
}
