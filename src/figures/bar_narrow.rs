//! The narrow (phone) drawing of a bar chart: horizontal bars, each group's name on its own
//! full-width line(s) above its bars, each bar labelled with its value at its end, dates in
//! the legend below. Bars grow from the reading-start side (left in French, right in
//! Arabic), so long names never squeeze under a 60-px column.

use super::backend::Measured;
use super::bar_chart::Group;
use super::layout::Layout;
use super::metrics::TextMetrics;
use super::standalone::wrap;
use super::style::*;
use super::{palette, tooltip};
use crate::data::Qualifier;
use crate::locale::{Formatter, Lang};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

const MARGIN: i32 = 12;
const LINE: i32 = 19;
const BAR: i32 = 16;
const BAR_STEP: i32 = 24;

/// The chart as an SVG document and its height.
pub fn render(
    groups: &[Group],
    keys: &[String],
    lang: Lang,
    f: &Formatter,
    metrics: &TextMetrics,
) -> Result<(String, u32), String> {
    let layout = Layout::Narrow;
    let (w, px) = (layout.width() as i32, layout.font());
    let rtl = lang.is_rtl();
    let max = groups.iter().flat_map(|g| g.bars.iter().map(|b| b.value));
    let max = max.fold(0.0, f64::max).max(f64::MIN_POSITIVE);
    let tags: Vec<Vec<String>> = groups
        .iter()
        .map(|g| {
            g.bars
                .iter()
                .map(|b| label(lang, &f.compact_short(b.value)))
                .collect()
        })
        .collect();
    let widest = tags
        .iter()
        .flatten()
        .map(|t| metrics.width(t, px))
        .fold(0.0, f64::max);
    let track = f64::from(w - 2 * MARGIN) - widest - 8.0;
    let names: Vec<Vec<String>> = groups
        .iter()
        .map(|g| wrap(&g.label, px, f64::from(w - 2 * MARGIN), metrics))
        .collect();
    let plot_h: i32 = names
        .iter()
        .zip(groups)
        .map(|(n, g)| LINE * n.len() as i32 + 4 + BAR_STEP * g.bars.len() as i32 + 10)
        .sum::<i32>()
        + 8;
    let legend = layout_legend(keys, lang, metrics, layout);
    let height = plot_h as u32 + legend.height;
    // x of a distance `d` from the start edge, in reading direction.
    let at = |d: f64| {
        if rtl {
            w - MARGIN - d.round() as i32
        } else {
            MARGIN + d.round() as i32
        }
    };
    let start = if rtl { HPos::Right } else { HPos::Left };
    let mut marks = String::new();
    let mut svg = String::new();
    {
        let backend = Measured::new(
            SVGBackend::with_string(&mut svg, (w as u32, height)),
            metrics,
        );
        let root = backend.into_drawing_area();
        let err = |e: DrawingAreaErrorKind<_>| e.to_string();
        root.fill(&palette::PAPER).map_err(err)?;
        let (plot, legend_area) = root.split_vertically(plot_h as u32);
        let text = text_style(layout);
        let name_style = text.pos(Pos::new(start, VPos::Top));
        let value_style = text.pos(Pos::new(start, VPos::Center));
        let mut y = 8;
        for ((g, lines), tags) in groups.iter().zip(&names).zip(&tags) {
            for l in lines {
                plot.draw(&Text::new(label(lang, l), (at(0.0), y), name_style.clone()))
                    .map_err(err)?;
                y += LINE;
            }
            y += 4;
            for (b, tag) in g.bars.iter().zip(tags) {
                let len = (b.value / max * track).max(1.0);
                let hollow = b.qualifier != Qualifier::Exact;
                let (a, c) = ((at(0.0), y), (at(len), y + BAR));
                marks.push_str(&tooltip::bar(a, c, palette::series(b.key), hollow, &b.tip));
                let tag_at = (at(len + 6.0), y + BAR / 2);
                plot.draw(&Text::new(tag.clone(), tag_at, value_style.clone()))
                    .map_err(err)?;
                y += BAR_STEP;
            }
            y += 10;
        }
        let axis = PathElement::new(vec![(at(0.0), 4), (at(0.0), plot_h - 8)], INK.mix(0.6));
        plot.draw(&axis).map_err(err)?;
        draw_legend(&legend_area, &legend, &text, Swatch::Square)?;
        root.present().map_err(err)?;
    }
    Ok((tooltip::append(&svg, &marks), height))
}
