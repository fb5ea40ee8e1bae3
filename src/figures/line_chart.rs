//! A time-series line chart drawn with plotters' SVG backend.
//!
//! Convention (both languages): time runs left to right; the value axis sits on the
//! reading-start side (left in French, right in Arabic); the legend is below the plot and
//! flows in reading order. Arabic labels are wrapped in RLI…PDI so they render in reading
//! order in browsers and resvg alike. Hollow markers flag values that are not exact
//! ("about", "at least", "target").

use super::backend::{Measured, PLOTTERS_FONT_SCALE};
use super::metrics::TextMetrics;
use crate::data::Qualifier;
use crate::locale::{Formatter, Lang, bidi};
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

pub const WIDTH: u32 = 720;
const PLOT_HEIGHT: u32 = 340;
const FONT: f64 = 15.0;
const FAMILY: &str = "Noto Sans, Noto Sans Arabic, Arial, sans-serif";
const LEGEND_ROW: u32 = 24;
const INK: RGBColor = RGBColor(0x1f, 0x29, 0x33);
const GRID: RGBColor = RGBColor(0xd5, 0xdb, 0xe1);

/// Series colours, each at least 4.5:1 against white and told apart by marker shape too.
pub const PALETTE: [RGBColor; 4] = [
    RGBColor(0x1f, 0x5f, 0xa8),
    RGBColor(0xb3, 0x47, 0x0b),
    RGBColor(0x1b, 0x7a, 0x4a),
    RGBColor(0x7b, 0x3f, 0xa0),
];

/// One point to draw.
#[derive(Debug, Clone, Copy)]
pub struct Point {
    pub x: f64,
    pub value: f64,
    pub qualifier: Qualifier,
}

pub struct SeriesToDraw {
    pub label: String,
    pub points: Vec<Point>,
}

/// The chart as an SVG document (plotters' markup; accessibility is added by the caller).
pub fn render(
    series: &[SeriesToDraw],
    lang: Lang,
    f: &Formatter,
    metrics: &TextMetrics,
) -> Result<(String, u32), String> {
    let label = |s: &str| {
        if lang.is_rtl() && bidi::has_arabic(s) {
            bidi::isolate_rtl(s)
        } else {
            s.to_string()
        }
    };
    let legend = layout_legend(series, lang, metrics, &label);
    let height = PLOT_HEIGHT + legend.height;
    let (x0, x1, years) = x_extent(series);
    let y_max = nice_max(
        series
            .iter()
            .flat_map(|s| s.points.iter().map(|p| p.value))
            .fold(0.0, f64::max),
    );
    let y_labels: Vec<String> = (0..=5)
        .map(|i| label(&f.compact_short(y_max * f64::from(i) / 5.0)))
        .collect();
    let text_px = FONT / PLOTTERS_FONT_SCALE;
    let y_area = y_labels
        .iter()
        .map(|l| metrics.width(l, text_px))
        .fold(0.0, f64::max)
        .ceil() as u32
        + 14;

    let mut svg = String::new();
    {
        let backend = Measured::new(SVGBackend::with_string(&mut svg, (WIDTH, height)), metrics);
        let root = backend.into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        let (plot, legend_area) = root.split_vertically(PLOT_HEIGHT);
        let text = TextStyle::from((FAMILY, FONT).into_font()).color(&INK);
        let mut builder = ChartBuilder::on(&plot);
        builder
            .margin_top(16)
            .margin_left(14)
            .margin_right(14)
            .x_label_area_size(34);
        if lang.is_rtl() {
            builder.right_y_label_area_size(y_area);
        } else {
            builder.y_label_area_size(y_area);
        }
        let year_format = |x: &f64| label(&f.date(crate::data::ObsDate::Year(x.round() as i32)));
        let value_format = |y: &f64| label(&f.compact_short(*y));
        let mut chart = builder
            .build_cartesian_2d(
                YearAxis {
                    lo: x0,
                    hi: x1,
                    years,
                },
                0f64..y_max,
            )
            .map_err(|e| e.to_string())?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .y_labels(6)
            .x_label_formatter(&year_format)
            .y_label_formatter(&value_format)
            .label_style(text.clone())
            .axis_style(INK.mix(0.6))
            .bold_line_style(GRID)
            .light_line_style(WHITE.mix(0.0))
            .draw()
            .map_err(|e| e.to_string())?;
        for (i, s) in series.iter().enumerate() {
            let color = PALETTE[i % PALETTE.len()];
            let line: Vec<(f64, f64)> = s.points.iter().map(|p| (p.x, p.value)).collect();
            chart
                .draw_series(LineSeries::new(line, color.stroke_width(2)))
                .map_err(|e| e.to_string())?;
            for p in &s.points {
                let at = (p.x, p.value);
                let shape = shape_points(i);
                let err = |e: DrawingAreaErrorKind<_>| e.to_string();
                if p.qualifier == Qualifier::Exact {
                    chart
                        .draw_series(std::iter::once(
                            EmptyElement::at(at) + Polygon::new(shape, color.filled()),
                        ))
                        .map_err(err)?;
                } else {
                    chart
                        .draw_series(std::iter::once(
                            EmptyElement::at(at) + Polygon::new(shape.clone(), WHITE.filled()),
                        ))
                        .map_err(err)?;
                    chart
                        .draw_series(std::iter::once(
                            EmptyElement::at(at)
                                + PathElement::new(closed(shape), color.stroke_width(2)),
                        ))
                        .map_err(err)?;
                }
            }
        }
        draw_legend(&legend_area, series, &legend, &text)?;
        root.present().map_err(|e| e.to_string())?;
    }
    Ok((svg, height))
}

/// Where each legend item goes: rows of (x of the marker centre, label), in reading order.
struct LegendLayout {
    height: u32,
    items: Vec<(i32, i32, String, bool)>,
}

fn layout_legend(
    series: &[SeriesToDraw],
    lang: Lang,
    metrics: &TextMetrics,
    label: &dyn Fn(&str) -> String,
) -> LegendLayout {
    let text_px = FONT / PLOTTERS_FONT_SCALE;
    let margin = 16.0;
    let usable = f64::from(WIDTH) - 2.0 * margin;
    let mut items = Vec::new();
    let (mut cursor, mut row) = (0.0, 0);
    for s in series {
        let item_w = 30.0 + metrics.width(&s.label, text_px) + 22.0;
        if cursor > 0.0 && cursor + item_w > usable {
            cursor = 0.0;
            row += 1;
        }
        let centre = if lang.is_rtl() {
            f64::from(WIDTH) - margin - cursor - 12.0
        } else {
            margin + cursor + 12.0
        };
        let y = (row * LEGEND_ROW + LEGEND_ROW / 2 + 4) as i32;
        items.push((centre.round() as i32, y, label(&s.label), lang.is_rtl()));
        cursor += item_w;
    }
    LegendLayout {
        height: (row + 1) * LEGEND_ROW + 10,
        items,
    }
}

fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    series: &[SeriesToDraw],
    legend: &LegendLayout,
    text: &TextStyle,
) -> Result<(), String> {
    for (i, ((cx, cy, label, rtl), _)) in legend.items.iter().zip(series).enumerate() {
        let color = PALETTE[i % PALETTE.len()];
        area.draw(&PathElement::new(
            vec![(cx - 12, *cy), (cx + 12, *cy)],
            color.stroke_width(2),
        ))
        .map_err(|e| e.to_string())?;
        area.draw(&(EmptyElement::at((*cx, *cy)) + Polygon::new(shape_points(i), color.filled())))
            .map_err(|e| e.to_string())?;
        let (anchor, tx) = if *rtl {
            (HPos::Right, cx - 18)
        } else {
            (HPos::Left, cx + 18)
        };
        let style = text.pos(Pos::new(anchor, VPos::Center));
        area.draw(&Text::new(label.clone(), (tx, *cy), style))
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// Marker shapes, relative to the point: circle, square, triangle, diamond.
fn shape_points(i: usize) -> Vec<(i32, i32)> {
    match i % 4 {
        0 => (0..12)
            .map(|k| {
                let a = f64::from(k) * std::f64::consts::PI / 6.0;
                (
                    (5.0 * a.cos()).round() as i32,
                    (5.0 * a.sin()).round() as i32,
                )
            })
            .collect(),
        1 => vec![(-4, -4), (4, -4), (4, 4), (-4, 4)],
        2 => vec![(0, -6), (5, 4), (-5, 4)],
        _ => vec![(0, -6), (6, 0), (0, 6), (-6, 0)],
    }
}

fn closed(mut points: Vec<(i32, i32)>) -> Vec<(i32, i32)> {
    if let Some(first) = points.first().copied() {
        points.push(first);
    }
    points
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
fn x_extent(series: &[SeriesToDraw]) -> (f64, f64, Vec<f64>) {
    let xs = series.iter().flat_map(|s| s.points.iter().map(|p| p.x));
    let (lo, hi) = xs.fold((f64::MAX, f64::MIN), |(lo, hi), x| (lo.min(x), hi.max(x)));
    let (lo, hi) = if lo > hi { (2020.0, 2025.0) } else { (lo, hi) };
    let first = lo.floor();
    let last = hi.ceil().max(first + 1.0);
    let span = (last - first) as i32;
    let step = if span > 8 { 2 } else { 1 };
    let years = (0..=span)
        .step_by(step as usize)
        .map(|k| first + f64::from(k) + 0.0)
        .filter(|y| *y <= last)
        .collect();
    (first - 0.1, last + 0.1, years)
}

/// A round axis maximum a little above the data: 1, 2, 2.5 or 5 times a power of ten.
fn nice_max(max: f64) -> f64 {
    if max <= 0.0 {
        return 1.0;
    }
    let target = max * 1.08;
    let mag = 10f64.powf(target.log10().floor());
    for m in [1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0] {
        if m * mag >= target {
            return m * mag;
        }
    }
    10.0 * mag
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_maxima() {
        assert_eq!(nice_max(11_400_000.0), 15_000_000.0);
        assert_eq!(nice_max(95.0), 120.0);
        assert_eq!(nice_max(0.0), 1.0);
    }

    #[test]
    fn year_ticks_cover_the_data() {
        let s = SeriesToDraw {
            label: "x".into(),
            points: vec![
                Point {
                    x: 2022.9,
                    value: 1.0,
                    qualifier: Qualifier::Exact,
                },
                Point {
                    x: 2025.5,
                    value: 2.0,
                    qualifier: Qualifier::Exact,
                },
            ],
        };
        let (lo, hi, years) = x_extent(&[s]);
        assert!(lo < 2022.0 && hi > 2026.0);
        assert_eq!(years, vec![2022.0, 2023.0, 2024.0, 2025.0, 2026.0]);
    }
}
