//! The chart as a file of its own (the SVG and PNG downloads): title and subtitle above the
//! plot, the short source line and the site's address below, all laid out with real glyph
//! metrics and wrapped to the width, drawn by `templates/xml/chart.svg`. Always the wide
//! layout (the PNG is 1440 px across).

use super::layout::Layout;
use super::metrics::TextMetrics;
use crate::locale::{Lang, bidi};
use askama::Template;
use askama::filters::Safe;

const WIDTH: u32 = 720;

const MARGIN: f64 = 16.0;

/// Wraps `text` into lines no wider than `max` pixels at `px`. Only ordinary spaces break:
/// no-break spaces (before `:` in French, inside « ») keep their words together.
pub fn wrap(text: &str, px: f64, max: f64, metrics: &TextMetrics) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split([' ', '\n', '\t']).filter(|w| !w.is_empty()) {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && metrics.width(&candidate, px) > max {
            lines.push(std::mem::take(&mut line));
            line = word.to_string();
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

struct Block {
    lines: Vec<String>,
    px: f64,
    weight: &'static str,
    fill: &'static str,
}

impl Block {
    fn line_height(&self) -> f64 {
        (self.px * 1.45).ceil()
    }

    fn height(&self) -> f64 {
        self.line_height() * self.lines.len() as f64
    }
}

/// One `<text>` line of the drawing, placed.
struct Line {
    y: String,
    px: f64,
    weight: &'static str,
    fill: &'static str,
    text: String,
}

/// `templates/xml/chart.svg`: the header lines, the plot nested in its own `<svg>`, the
/// footer lines. Text is escaped by the template. The nested `<svg>` is `overflow="visible"`:
/// the plot draws nothing outside its box, and a clipped viewport costs the PNG renderer a
/// full-size mask per image (a third of the time of drawing a chart's PNG; the pixels are
/// the same without it).
#[derive(Template)]
#[template(path = "xml/chart.svg", whitespace = "preserve")]
struct ChartSvg<'a> {
    lang: Lang,
    width: u32,
    height: u32,
    title: &'a str,
    /// Where every line starts, and how it is anchored (right to left in Arabic).
    x: f64,
    anchor: &'static str,
    header: Vec<Line>,
    plot_y: f64,
    plot_height: u32,
    /// plotters' markup, inside its outermost `<svg>`.
    plot: Safe<&'a str>,
    footer: Vec<Line>,
}

/// A standalone SVG: header, the plot (plotters' markup, nested), footer.
pub fn standalone(
    plot_svg: &str,
    plot_height: u32,
    lang: Lang,
    title: &str,
    subtitle: Option<&str>,
    footer: &[&str],
    metrics: &TextMetrics,
) -> String {
    debug_assert_eq!(WIDTH, Layout::Wide.width());
    let max = f64::from(WIDTH) - 2.0 * MARGIN;
    let block = |lines: Vec<String>, px: f64, weight, fill| Block {
        lines,
        px,
        weight,
        fill,
    };
    let mut header = vec![block(
        wrap(title, 18.0, max, metrics),
        18.0,
        "bold",
        "#1F2933",
    )];
    if let Some(sub) = subtitle {
        header.push(block(
            wrap(sub, 14.0, max, metrics),
            14.0,
            "normal",
            "#52606D",
        ));
    }
    let footer_lines = footer.iter().flat_map(|l| wrap(l, 13.0, max, metrics));
    let footer = block(footer_lines.collect(), 13.0, "normal", "#52606D");
    let header_h: f64 = MARGIN + header.iter().map(Block::height).sum::<f64>() + 4.0;
    let footer_h = footer.height() + MARGIN;
    let total = (header_h + f64::from(plot_height) + footer_h).ceil() as u32;
    let (x, anchor) = if lang.is_rtl() {
        (f64::from(WIDTH) - MARGIN, "end")
    } else {
        (MARGIN, "start")
    };
    let plot_y = header_h.ceil();
    let svg = ChartSvg {
        lang,
        width: WIDTH,
        height: total,
        title,
        x,
        anchor,
        header: place(lang, &header, MARGIN),
        plot_y,
        plot_height,
        plot: Safe(inner_markup(plot_svg)),
        footer: place(
            lang,
            std::slice::from_ref(&footer),
            plot_y + f64::from(plot_height),
        ),
    };
    // Rendering into a String cannot fail: every value is a number or a string.
    svg.render().unwrap_or_default()
}

/// The lines of `blocks` one under the other from `y`, each at its baseline, with Arabic
/// runs isolated in an Arabic drawing.
fn place(lang: Lang, blocks: &[Block], mut y: f64) -> Vec<Line> {
    let label = |s: &str| {
        if lang.is_rtl() && bidi::has_arabic(s) {
            bidi::isolate_rtl(&bidi::isolate_urls(s))
        } else {
            s.to_string()
        }
    };
    let mut lines = Vec::new();
    for b in blocks {
        for l in &b.lines {
            y += b.px;
            lines.push(Line {
                y: format!("{y:.0}"),
                px: b.px,
                weight: b.weight,
                fill: b.fill,
                text: label(l),
            });
            y += b.line_height() - b.px;
        }
    }
    lines
}

/// What is inside the outermost `<svg …>…</svg>`.
fn inner_markup(svg: &str) -> &str {
    let start = svg
        .find("<svg")
        .and_then(|i| svg[i..].find('>').map(|j| i + j + 1))
        .unwrap_or(0);
    let end = svg.rfind("</svg>").unwrap_or(svg.len());
    &svg[start..end.max(start)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_by_measured_width() {
        let m = TextMetrics::new();
        let lines = wrap(
            "un deux trois quatre cinq six sept huit neuf dix",
            14.0,
            120.0,
            &m,
        );
        assert!(lines.len() > 2);
        assert!(
            lines
                .iter()
                .all(|l| m.width(l, 14.0) <= 120.0 || !l.contains(' '))
        );
        assert_eq!(
            lines.join(" "),
            "un deux trois quatre cinq six sept huit neuf dix"
        );
    }

    #[test]
    fn no_break_spaces_never_break_nor_turn_into_spaces() {
        let m = TextMetrics::new();
        let lines = wrap("Source\u{202f}: CNSS", 14.0, 10.0, &m);
        assert_eq!(lines, vec!["Source\u{202f}:", "CNSS"]);
    }

    #[test]
    fn standalone_svg_is_xml_with_title_and_nested_plot() {
        let m = TextMetrics::new();
        let svg = standalone(
            "<svg width=\"720\" height=\"300\"><rect/></svg>",
            300,
            Lang::Ar,
            "عنوان طويل",
            Some("sub"),
            &["المصدر: الصندوق", "https://amo-site.example"],
            &m,
        );
        let doc = roxmltree::Document::parse(&svg).unwrap();
        assert_eq!(doc.root_element().attribute("role"), Some("img"));
        assert!(svg.contains("text-anchor=\"end\""));
        assert!(svg.contains("\u{2067}عنوان طويل\u{2069}"));
        assert!(svg.contains("<rect/>"));
        assert!(svg.contains(">https://amo-site.example</text>"));
        let plot = doc
            .descendants()
            .filter(|n| n.has_tag_name("svg"))
            .nth(1)
            .expect("the plot's own svg");
        assert_eq!(plot.attribute("overflow"), Some("visible"));
    }
}
