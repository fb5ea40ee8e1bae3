//! Native tooltips: every marker and bar is written as its own SVG element with a `<title>`
//! ("how much, when, says who": series, date in the page's language, value with its qualifier
//! and unit, source), which browsers show on hover with no JavaScript. The data table under
//! the chart stays the complete, accessible answer.

use super::palette::{self, hex};
use crate::context::LangCtx;
use crate::data::{Observation, Unit};
use crate::html::escape;
use plotters::style::RGBColor;

/// The tooltip of one point, from the `tooltip` pattern of the translation table. In Arabic
/// each part is isolated (U+2068…U+2069) so Latin names and numbers keep their order.
pub fn text(lx: &LangCtx, series: &str, o: &Observation, unit: Unit) -> String {
    let part = |s: &str| {
        if lx.lang.is_rtl() {
            format!("\u{2068}{s}\u{2069}")
        } else {
            s.to_string()
        }
    };
    let source = lx
        .data
        .sources
        .get(&o.source)
        .map(|s| s.publisher.get(lx.lang).clone())
        .unwrap_or_default();
    lx.ui
        .tooltip
        .replace("{series}", &part(series))
        .replace("{date}", &part(&lx.f.date(o.date)))
        .replace(
            "{value}",
            &part(&lx.qualified_value(o.qualifier, o.value, unit)),
        )
        .replace("{source}", &part(&source))
}

/// A marker centred on `at`: filled, or hollow (page colour inside, series outline) for a
/// value that is not exact.
pub fn marker(
    at: (i32, i32),
    shape: &[(i32, i32)],
    color: RGBColor,
    hollow: bool,
    tip: &str,
) -> String {
    let points: Vec<String> = shape
        .iter()
        .map(|(dx, dy)| format!("{},{}", at.0 + dx, at.1 + dy))
        .collect();
    let paint = paint(color, hollow);
    format!(
        "<polygon class=\"mark\" points=\"{}\" {paint}><title>{}</title></polygon>\n",
        points.join(" "),
        escape(tip)
    )
}

/// A bar between two corners (pixels), filled or hollow.
pub fn bar(a: (i32, i32), b: (i32, i32), color: RGBColor, hollow: bool, tip: &str) -> String {
    let (x, y) = (a.0.min(b.0), a.1.min(b.1));
    let (w, h) = ((a.0 - b.0).abs(), (a.1 - b.1).abs());
    format!(
        "<rect class=\"mark\" x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" {}><title>{}</title></rect>\n",
        paint(color, hollow),
        escape(tip)
    )
}

fn paint(color: RGBColor, hollow: bool) -> String {
    if hollow {
        format!(
            "fill=\"{}\" stroke=\"{}\" stroke-width=\"2\"",
            hex(palette::PAPER),
            hex(color)
        )
    } else {
        format!("fill=\"{}\"", hex(color))
    }
}

/// `svg` with `marks` drawn last (on top), just before its closing tag.
pub fn append(svg: &str, marks: &str) -> String {
    match svg.rfind("</svg>") {
        Some(end) => format!("{}{marks}{}", &svg[..end], &svg[end..]),
        None => format!("{svg}{marks}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Dataset, ObsDate, Qualifier};
    use crate::figures::source_line::tests::{source, with_data};
    use crate::locale::Lang;

    fn point(qualifier: Qualifier) -> Observation {
        Observation {
            date: ObsDate::Month(2025, 7),
            value: 11_400_000.0,
            qualifier,
            source: crate::data::SourceId::new("cnss"),
            note: None,
        }
    }

    #[test]
    fn tooltip_says_how_much_when_and_who_for_each_qualifier() {
        let mut data = Dataset::default();
        data.sources.insert(
            crate::data::SourceId::new("cnss"),
            source("cnss", "CNSS", "الصندوق الوطني للضمان الاجتماعي"),
        );
        with_data(Lang::Fr, &data, |lx| {
            let t = |q| text(&lx, "AMO Tadamon", &point(q), Unit::Persons);
            assert_eq!(
                t(Qualifier::Exact),
                "AMO Tadamon, juillet 2025\u{202f}: 11,4 millions (source\u{202f}: CNSS)"
            );
            assert_eq!(
                t(Qualifier::AtLeast),
                "AMO Tadamon, juillet 2025\u{202f}: plus de 11,4 millions (source\u{202f}: CNSS)"
            );
            assert!(
                t(Qualifier::About).contains(": environ 11,4 millions ("),
                "{}",
                t(Qualifier::About)
            );
            assert!(
                t(Qualifier::Target).contains("11,4 millions"),
                "{}",
                t(Qualifier::Target)
            );
            assert_ne!(t(Qualifier::Target), t(Qualifier::Exact));
        });
        with_data(Lang::Ar, &data, |lx| {
            let t = text(&lx, "أمو تضامن", &point(Qualifier::About), Unit::Persons);
            assert!(
                t.starts_with(
                    "\u{2068}أمو تضامن\u{2069}، \u{2068}يوليوز 2025\u{2069}: \u{2068}حوالي "
                ),
                "{t}"
            );
            assert!(
                t.ends_with("(المصدر: \u{2068}الصندوق الوطني للضمان الاجتماعي\u{2069})"),
                "{t}"
            );
        });
    }

    #[test]
    fn markers_carry_their_title_escaped_and_hollow_ones_an_outline() {
        let m = marker(
            (10, 20),
            &[(0, -6), (5, 4)],
            palette::SERIES[0],
            true,
            "A < B",
        );
        assert!(m.contains("points=\"10,14 15,24\""));
        assert!(m.contains("fill=\"#FFFFFF\" stroke=\"#12436D\""));
        assert!(m.contains("<title>A &lt; B</title>"));
        let r = bar((30, 100), (10, 40), palette::SERIES[1], false, "x");
        assert!(r.contains("x=\"10\" y=\"40\" width=\"20\" height=\"60\" fill=\"#28A197\""));
        assert_eq!(append("<svg><g/></svg>", "<m/>"), "<svg><g/><m/></svg>");
    }
}
