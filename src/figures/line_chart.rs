//! A time-series line chart drawn with plotters' SVG backend.
//!
//! Convention (both languages): time runs left to right; the value axis sits on the
//! reading-start side (left in French, right in Arabic); the legend is below the plot and
//! flows in reading order. Arabic labels are wrapped in RLI…PDI so they render in reading
//! order in browsers and resvg alike. Hollow markers flag values that are not exact
//! ("about", "at least", "target").

use super::backend::Measured;
use super::layout::Layout;
use super::metrics::TextMetrics;
use super::style::*;
use super::{palette, tooltip};
use crate::data::Qualifier;
use crate::locale::{Formatter, Lang};
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};
use plotters::prelude::*;

/// One point to draw, with its tooltip.
#[derive(Debug, Clone)]
pub struct Point {
    pub x: f64,
    pub value: f64,
    pub qualifier: Qualifier,
    pub tip: String,
}

pub struct SeriesToDraw {
    pub label: String,
    pub points: Vec<Point>,
}

/// The chart as an SVG document (plotters' markup; accessibility is added by the caller).
/// Markers are written by [`tooltip`] so each carries its `<title>`.
pub fn render(
    series: &[SeriesToDraw],
    lang: Lang,
    f: &Formatter,
    metrics: &TextMetrics,
    layout: Layout,
) -> Result<(String, u32), String> {
    let label = |s: &str| label(lang, s);
    let labels: Vec<String> = series.iter().map(|s| s.label.clone()).collect();
    let legend = layout_legend(&labels, lang, metrics, layout);
    let height = layout.plot_height() + legend.height;
    let (x0, x1, years) = x_extent(series, layout);
    let all = series.iter().flat_map(|s| s.points.iter());
    let max = all.map(|p| p.value).fold(0.0, f64::max);
    let (y_max, y_area) = value_axis(max, lang, f, metrics, layout);
    let mut marks = String::new();
    let mut svg = String::new();
    {
        let size = (layout.width(), height);
        let backend = Measured::new(SVGBackend::with_string(&mut svg, size), metrics);
        let root = backend.into_drawing_area();
        root.fill(&palette::PAPER).map_err(|e| e.to_string())?;
        let (plot, legend_area) = root.split_vertically(layout.plot_height());
        let text = text_style(layout);
        let mut builder = builder(&plot, lang, y_area, 16);
        let year_format = |x: &f64| label(&f.date(crate::data::ObsDate::Year(x.round() as i32)));
        let axis = YearAxis {
            lo: x0,
            hi: x1,
            years,
        };
        let mut chart = builder
            .build_cartesian_2d(axis, 0f64..y_max)
            .map_err(|e| e.to_string())?;
        draw_axes(&mut chart, &year_format, lang, f, &text, layout)?;
        for (i, s) in series.iter().enumerate() {
            let color = palette::series(i);
            let line: Vec<(f64, f64)> = s.points.iter().map(|p| (p.x, p.value)).collect();
            chart
                .draw_series(LineSeries::new(line, color.stroke_width(2)))
                .map_err(|e| e.to_string())?;
            for p in &s.points {
                let at = chart.backend_coord(&(p.x, p.value));
                let hollow = p.qualifier != Qualifier::Exact;
                marks.push_str(&tooltip::marker(
                    at,
                    &shape_points(i),
                    color,
                    hollow,
                    &p.tip,
                ));
            }
        }
        draw_legend(&legend_area, &legend, &text, Swatch::LineAndMarker)?;
        root.present().map_err(|e| e.to_string())?;
    }
    Ok((tooltip::append(&svg, &marks), height))
}

/// A continuous time axis in fractional years whose ticks fall on whole years only.
struct YearAxis {
    lo: f64,
    hi: f64,
    years: Vec<f64>,
}

impl Ranged for YearAxis {
    type ValueType = f64;
    type FormatOption = DefaultFormatting;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        let t = (value - self.lo) / (self.hi - self.lo);
        limit.0 + (t * f64::from(limit.1 - limit.0)).round() as i32
    }

    fn key_points<Hint: KeyPointHint>(&self, _hint: Hint) -> Vec<f64> {
        self.years.clone()
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.lo..self.hi
    }
}

/// The time axis: whole years around the data, a tick per year (every other year when long).
fn x_extent(series: &[SeriesToDraw], layout: Layout) -> (f64, f64, Vec<f64>) {
    let xs = series.iter().flat_map(|s| s.points.iter().map(|p| p.x));
    let (lo, hi) = xs.fold((f64::MAX, f64::MIN), |(lo, hi), x| (lo.min(x), hi.max(x)));
    let (lo, hi) = if lo > hi { (2020.0, 2025.0) } else { (lo, hi) };
    let first = lo.floor();
    let last = hi.ceil().max(first + 1.0);
    let span = (last - first) as i32;
    let step = layout.year_step(span);
    let years = (0..=span)
        .step_by(step as usize)
        .map(|k| first + f64::from(k) + 0.0)
        .filter(|y| *y <= last)
        .collect();
    (first - 0.1, last + 0.1, years)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_ticks_cover_the_data() {
        let s = SeriesToDraw {
            label: "x".into(),
            points: vec![
                Point {
                    x: 2022.9,
                    value: 1.0,
                    qualifier: Qualifier::Exact,
                    tip: String::new(),
                },
                Point {
                    x: 2025.5,
                    value: 2.0,
                    qualifier: Qualifier::Exact,
                    tip: String::new(),
                },
            ],
        };
        let (lo, hi, years) = x_extent(&[s], Layout::Wide);
        assert!(lo < 2022.0 && hi > 2026.0);
        assert_eq!(years, vec![2022.0, 2023.0, 2024.0, 2025.0, 2026.0]);
    }
}
