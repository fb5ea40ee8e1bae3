//! The chart as a file of its own (the SVG and PNG downloads): title and subtitle above the
//! plot, the short source line and the site's address below, all laid out with real glyph
//! metrics and wrapped to the width. Always the wide layout (the PNG is 1440 px across).

use super::layout::Layout;
use super::metrics::TextMetrics;
use crate::html::escape;
use crate::locale::{Lang, bidi};

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
    let mut header = vec![Block {
        lines: wrap(title, 18.0, max, metrics),
        px: 18.0,
        weight: "bold",
        fill: "#1F2933",
    }];
    if let Some(sub) = subtitle {
        header.push(Block {
            lines: wrap(sub, 14.0, max, metrics),
            px: 14.0,
            weight: "normal",
            fill: "#52606D",
        });
    }
    let footer = Block {
        lines: footer
            .iter()
            .flat_map(|l| wrap(l, 13.0, max, metrics))
            .collect(),
        px: 13.0,
        weight: "normal",
        fill: "#52606D",
    };
    let line_height = |b: &Block| (b.px * 1.45).ceil();
    let header_h: f64 = MARGIN
        + header
            .iter()
            .map(|b| line_height(b) * b.lines.len() as f64)
            .sum::<f64>()
        + 4.0;
    let footer_h = line_height(&footer) * footer.lines.len() as f64 + MARGIN;
    let total = (header_h + f64::from(plot_height) + footer_h).ceil() as u32;

    let (x, anchor) = if lang.is_rtl() {
        (f64::from(WIDTH) - MARGIN, "end")
    } else {
        (MARGIN, "start")
    };
    let label = |s: &str| {
        if lang.is_rtl() && bidi::has_arabic(s) {
            bidi::isolate_rtl(&bidi::isolate_urls(s))
        } else {
            s.to_string()
        }
    };
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{total}\" viewBox=\"0 0 {WIDTH} {total}\" role=\"img\" aria-labelledby=\"t\" lang=\"{}\" direction=\"ltr\" font-family=\"Noto Sans, Noto Sans Arabic, Arial, sans-serif\">\n<title id=\"t\">{}</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>\n",
        lang.locale(),
        escape(title)
    );
    let mut y = MARGIN;
    let text_block = |out: &mut String, b: &Block, y: &mut f64| {
        for l in &b.lines {
            *y += b.px;
            out.push_str(&format!(
                "<text x=\"{x}\" y=\"{:.0}\" text-anchor=\"{anchor}\" font-size=\"{}\" font-weight=\"{}\" fill=\"{}\">{}</text>\n",
                *y,
                b.px,
                b.weight,
                b.fill,
                escape(&label(l))
            ));
            *y += line_height(b) - b.px;
        }
    };
    for b in &header {
        text_block(&mut out, b, &mut y);
    }
    let plot_y = header_h.ceil();
    let inner = inner_markup(plot_svg);
    out.push_str(&format!("<svg x=\"0\" y=\"{plot_y}\" width=\"{WIDTH}\" height=\"{plot_height}\" viewBox=\"0 0 {WIDTH} {plot_height}\">\n{inner}</svg>\n"));
    let mut y = plot_y + f64::from(plot_height);
    text_block(&mut out, &footer, &mut y);
    out.push_str("</svg>\n");
    out
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
    }
}
