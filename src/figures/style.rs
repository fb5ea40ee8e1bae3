//! What every chart shares: size, type, colours, marker shapes, the legend laid out with
//! real glyph metrics, the value axis maximum, and how labels are isolated for Arabic.

use super::backend::PLOTTERS_FONT_SCALE;
use super::layout::Layout;
use super::metrics::TextMetrics;
use super::palette;
use crate::locale::{Lang, bidi};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

pub const FAMILY: &str = "Noto Sans, Noto Sans Arabic, Arial, sans-serif";
pub use super::palette::{GRID, INK};

/// The text style of every chart label in `layout`: plotters writes `size / 1.24` into the
/// SVG, so ask for the layout's size times that factor.
pub fn text_style(layout: Layout) -> TextStyle<'static> {
    TextStyle::from((FAMILY, layout.font() * PLOTTERS_FONT_SCALE).into_font()).color(&INK)
}

/// The value axis: a round maximum above `max_value` and the width its labels need.
pub fn value_axis(
    max_value: f64,
    lang: Lang,
    f: &crate::locale::Formatter,
    metrics: &TextMetrics,
    layout: Layout,
) -> (f64, u32) {
    let y_max = nice_max(max_value);
    let text_px = layout.font();
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
    layout: Layout,
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
        .y_labels(layout.value_ticks())
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

/// Where each legend item goes: (x of the marker centre, y of its first line, its lines),
/// in reading order. A label wider than the drawing wraps onto more rows.
pub struct LegendLayout {
    pub height: u32,
    row: u32,
    items: Vec<(i32, i32, Vec<String>, bool)>,
}

pub fn layout_legend(
    labels: &[String],
    lang: Lang,
    metrics: &TextMetrics,
    layout: Layout,
) -> LegendLayout {
    let (text_px, width, row_h) = (
        layout.font(),
        f64::from(layout.width()),
        layout.legend_row(),
    );
    let margin = 16.0;
    let usable = width - 2.0 * margin;
    let mut items = Vec::new();
    let (mut cursor, mut row) = (0.0, 0);
    for l in labels {
        let lines = super::standalone::wrap(l, text_px, usable - 52.0, metrics);
        let widest = lines
            .iter()
            .map(|x| metrics.width(x, text_px))
            .fold(0.0, f64::max);
        let item_w = 30.0 + widest + 22.0;
        if cursor > 0.0 && cursor + item_w > usable {
            cursor = 0.0;
            row += 1;
        }
        let centre = if lang.is_rtl() {
            width - margin - cursor - 12.0
        } else {
            margin + cursor + 12.0
        };
        let y = (row * row_h + row_h / 2 + 4) as i32;
        let n = lines.len() as u32;
        let lines = lines.iter().map(|x| label(lang, x)).collect();
        items.push((centre.round() as i32, y, lines, lang.is_rtl()));
        cursor += item_w;
        if n > 1 {
            row += n - 1;
            cursor = usable;
        }
    }
    LegendLayout {
        height: (row + 1) * row_h + 10,
        row: row_h,
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
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    for (i, (cx, cy, lines, rtl)) in legend.items.iter().enumerate() {
        let color = palette::series(i);
        if swatch == Swatch::LineAndMarker {
            let line =
                PathElement::new(vec![(cx - 12, *cy), (cx + 12, *cy)], color.stroke_width(2));
            area.draw(&line).map_err(err)?;
        }
        let shape = if swatch == Swatch::Square {
            vec![(-6, -6), (6, -6), (6, 6), (-6, 6)]
        } else {
            shape_points(i)
        };
        area.draw(&(EmptyElement::at((*cx, *cy)) + Polygon::new(shape, color.filled())))
            .map_err(err)?;
        let (anchor, tx) = if *rtl {
            (HPos::Right, cx - 18)
        } else {
            (HPos::Left, cx + 18)
        };
        let style = text.pos(Pos::new(anchor, VPos::Center));
        for (k, l) in lines.iter().enumerate() {
            let y = cy + (k as u32 * legend.row) as i32;
            area.draw(&Text::new(l.clone(), (tx, y), style.clone()))
                .map_err(err)?;
        }
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

    #[test]
    fn markers_differ_by_shape_so_colour_is_never_the_only_cue() {
        assert_ne!(shape_points(0), shape_points(1));
        assert_ne!(shape_points(2), shape_points(3));
    }

    #[test]
    fn nice_maxima() {
        assert_eq!(nice_max(11_400_000.0), 15_000_000.0);
        assert_eq!(nice_max(95.0), 120.0);
        assert_eq!(nice_max(0.0), 1.0);
    }
}
