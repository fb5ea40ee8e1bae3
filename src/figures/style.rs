//! What every chart shares: size, type, colours, marker shapes, the legend laid out with
//! real glyph metrics, the value axis maximum, and how labels are isolated for Arabic.

use super::backend::PLOTTERS_FONT_SCALE;
use super::metrics::TextMetrics;
use crate::locale::{Lang, bidi};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

pub const WIDTH: u32 = 720;
pub const PLOT_HEIGHT: u32 = 340;
pub const FONT: f64 = 15.0;
pub const FAMILY: &str = "Noto Sans, Noto Sans Arabic, Arial, sans-serif";
pub const LEGEND_ROW: u32 = 24;
pub const INK: RGBColor = RGBColor(0x1f, 0x29, 0x33);
pub const GRID: RGBColor = RGBColor(0xd5, 0xdb, 0xe1);

/// Series colours, each at least 4.5:1 against white and told apart by marker shape too.
pub const PALETTE: [RGBColor; 4] = [
    RGBColor(0x1f, 0x5f, 0xa8),
    RGBColor(0xb3, 0x47, 0x0b),
    RGBColor(0x1b, 0x7a, 0x4a),
    RGBColor(0x7b, 0x3f, 0xa0),
];

/// The value axis: a round maximum above `max_value` and the width its labels need.
pub fn value_axis(
    max_value: f64,
    lang: Lang,
    f: &crate::locale::Formatter,
    metrics: &TextMetrics,
) -> (f64, u32) {
    let y_max = nice_max(max_value);
    let text_px = FONT / PLOTTERS_FONT_SCALE;
    let widest = (0..=5)
        .map(|i| {
            metrics.width(
                &label(lang, &f.compact_short(y_max * f64::from(i) / 5.0)),
                text_px,
            )
        })
        .fold(0.0, f64::max);
    (y_max, widest.ceil() as u32 + 14)
}

/// A chart builder on `plot` with the value axis on the reading-start side (left in French,
/// right in Arabic) and room for the category or time labels below.
pub fn builder<'a, 'b, DB: DrawingBackend>(
    plot: &'a DrawingArea<DB, plotters::coord::Shift>,
    lang: Lang,
    y_area: u32,
    top: u32,
) -> ChartBuilder<'a, 'b, DB> {
    let mut b = ChartBuilder::on(plot);
    b.margin_top(top)
        .margin_left(14)
        .margin_right(14)
        .x_label_area_size(34);
    if lang.is_rtl() {
        b.right_y_label_area_size(y_area);
    } else {
        b.y_label_area_size(y_area);
    }
    b
}

/// Draws both axes and the horizontal gridlines the same way on every chart: values in the
/// short compact form of the page's language, `x_label` for the time or category axis.
pub fn draw_axes<DB: DrawingBackend, X>(
    chart: &mut ChartContext<'_, DB, Cartesian2d<X, plotters::coord::types::RangedCoordf64>>,
    x_label: &dyn Fn(&f64) -> String,
    lang: Lang,
    f: &crate::locale::Formatter,
    text: &TextStyle,
) -> Result<(), String>
where
    X: plotters::coord::ranged1d::Ranged<
            ValueType = f64,
            FormatOption = plotters::coord::ranged1d::DefaultFormatting,
        >,
{
    let value_format = |y: &f64| label(lang, &f.compact_short(*y));
    chart
        .configure_mesh()
        .disable_x_mesh()
        .y_labels(6)
        .x_label_formatter(x_label)
        .y_label_formatter(&value_format)
        .label_style(text.clone())
        .axis_style(INK.mix(0.6))
        .bold_line_style(GRID)
        .light_line_style(WHITE.mix(0.0))
        .draw()
        .map_err(|e| e.to_string())
}

/// A label as written into the SVG: Arabic text wrapped in RLI…PDI so it renders in reading
/// order in browsers and resvg alike.
pub fn label(lang: Lang, s: &str) -> String {
    if lang.is_rtl() && bidi::has_arabic(s) {
        bidi::isolate_rtl(s)
    } else {
        s.to_string()
    }
}

/// Where each legend item goes: rows of (x of the marker centre, label), in reading order.
pub struct LegendLayout {
    pub height: u32,
    items: Vec<(i32, i32, String, bool)>,
}

pub fn layout_legend(labels: &[String], lang: Lang, metrics: &TextMetrics) -> LegendLayout {
    let text_px = FONT / PLOTTERS_FONT_SCALE;
    let margin = 16.0;
    let usable = f64::from(WIDTH) - 2.0 * margin;
    let mut items = Vec::new();
    let (mut cursor, mut row) = (0.0, 0);
    for l in labels {
        let item_w = 30.0 + metrics.width(l, text_px) + 22.0;
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
        items.push((centre.round() as i32, y, label(lang, l), lang.is_rtl()));
        cursor += item_w;
    }
    LegendLayout {
        height: (row + 1) * LEGEND_ROW + 10,
        items,
    }
}

/// What a legend entry shows before its label.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Swatch {
    /// The series' line through its marker (line charts).
    LineAndMarker,
    /// A filled square in the bar colour (bar charts).
    Square,
}

pub fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    legend: &LegendLayout,
    text: &TextStyle,
    swatch: Swatch,
) -> Result<(), String> {
    for (i, (cx, cy, label, rtl)) in legend.items.iter().enumerate() {
        let color = PALETTE[i % PALETTE.len()];
        if swatch == Swatch::LineAndMarker {
            area.draw(&PathElement::new(
                vec![(cx - 12, *cy), (cx + 12, *cy)],
                color.stroke_width(2),
            ))
            .map_err(|e| e.to_string())?;
        }
        let shape = if swatch == Swatch::Square {
            vec![(-6, -6), (6, -6), (6, 6), (-6, 6)]
        } else {
            shape_points(i)
        };
        area.draw(&(EmptyElement::at((*cx, *cy)) + Polygon::new(shape, color.filled())))
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
pub fn shape_points(i: usize) -> Vec<(i32, i32)> {
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

pub fn closed(mut points: Vec<(i32, i32)>) -> Vec<(i32, i32)> {
    if let Some(first) = points.first().copied() {
        points.push(first);
    }
    points
}

/// A round axis maximum a little above the data: 1, 2, 2.5 or 5 times a power of ten.
pub fn nice_max(max: f64) -> f64 {
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

    fn luminance(c: RGBColor) -> f64 {
        let ch = |v: u8| {
            let s = f64::from(v) / 255.0;
            if s <= 0.03928 {
                s / 12.92
            } else {
                ((s + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * ch(c.0) + 0.7152 * ch(c.1) + 0.0722 * ch(c.2)
    }

    #[test]
    fn palette_and_ink_contrast_with_the_background() {
        let on_white = |c: RGBColor| 1.05 / (luminance(c) + 0.05);
        for c in PALETTE {
            assert!(on_white(c) >= 4.5, "{c:?}: {:.2}", on_white(c));
        }
        assert!(on_white(INK) >= 7.0);
        // Gridlines are decoration, light on purpose; marker shapes differ per series so
        // colour is never the only cue.
        assert_ne!(shape_points(0), shape_points(1));
    }

    #[test]
    fn nice_maxima() {
        assert_eq!(nice_max(11_400_000.0), 15_000_000.0);
        assert_eq!(nice_max(95.0), 120.0);
        assert_eq!(nice_max(0.0), 1.0);
    }
}
