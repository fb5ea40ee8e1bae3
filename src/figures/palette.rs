//! Chart colours: the UK Government Analysis Function categorical palette on white (each
//! series at least 3:1 against the page, WCAG 1.4.11), a dark palette of its own for
//! `prefers-color-scheme: dark`, and the text colour every chart label uses.
//!
//! The SVG is drawn with the light colours; `static/css/site.css` maps each of them to a CSS
//! custom property (`--chart-s1` …), so the page's theme recolours inline charts while the
//! downloaded SVG and PNG stay light. [`css_variables`] writes those properties.

use plotters::style::RGBColor;

/// The page background of each theme, as in `site.css` (`--paper`).
pub const PAPER: RGBColor = RGBColor(0xff, 0xff, 0xff);
pub const PAPER_DARK: RGBColor = RGBColor(0x12, 0x1a, 0x22);
/// Chart text (ticks, legend, values) and axes: the page's text colour (`--ink`).
pub const INK: RGBColor = RGBColor(0x1f, 0x29, 0x33);
pub const INK_DARK: RGBColor = RGBColor(0xe6, 0xeb, 0xf0);
/// Gridlines (`--line`): decoration, light on purpose.
pub const GRID: RGBColor = RGBColor(0xd5, 0xdb, 0xe1);

/// Analysis Function categorical palette, first four: dark blue, turquoise, dark pink, orange.
pub const SERIES: [RGBColor; 4] = [
    RGBColor(0x12, 0x43, 0x6d),
    RGBColor(0x28, 0xa1, 0x97),
    RGBColor(0x80, 0x16, 0x50),
    RGBColor(0xf4, 0x6a, 0x25),
];

/// The same four hues lightened for a dark background (dark blue and dark pink fall under
/// 2:1 there).
pub const SERIES_DARK: [RGBColor; 4] = [
    RGBColor(0x6c, 0xb4, 0xf0),
    RGBColor(0x2e, 0xb8, 0xac),
    RGBColor(0xe5, 0x8a, 0xc0),
    RGBColor(0xf4, 0x7c, 0x3d),
];

/// The colour of series (or date) `i`.
pub fn series(i: usize) -> RGBColor {
    SERIES[i % SERIES.len()]
}

/// `#12436D`, as plotters writes colours into the SVG.
pub fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// WCAG 2.x relative luminance.
pub fn luminance(c: RGBColor) -> f64 {
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

/// WCAG contrast ratio between two colours (1 to 21).
pub fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_series_colour_reaches_3_to_1_on_its_background() {
        for c in SERIES {
            let r = contrast(c, PAPER);
            assert!(r >= 3.0, "{} on white: {r:.2}", hex(c));
        }
        for c in SERIES_DARK {
            let r = contrast(c, PAPER_DARK);
            assert!(r >= 3.0, "{} on dark: {r:.2}", hex(c));
        }
    }

    #[test]
    fn the_light_palette_would_fail_on_dark_so_dark_mode_has_its_own() {
        assert!(contrast(SERIES[0], PAPER_DARK) < 3.0);
        assert!(contrast(SERIES[2], PAPER_DARK) < 3.0);
    }

    #[test]
    fn chart_text_uses_the_text_colour_at_4_5_to_1_or_more() {
        assert!(contrast(INK, PAPER) >= 7.0);
        assert!(contrast(INK_DARK, PAPER_DARK) >= 7.0);
        assert!((contrast(PAPER, RGBColor(0, 0, 0)) - 21.0).abs() < 1e-9);
    }

    #[test]
    fn the_stylesheet_maps_every_series_colour_to_its_theme_variable() {
        let css = include_str!("../../static/css/site.css");
        let dark = &css[css
            .find("prefers-color-scheme: dark")
            .expect("a dark theme")..];
        for (i, (light, dark_c)) in SERIES.iter().zip(SERIES_DARK).enumerate() {
            let var = format!("--chart-s{}", i + 1);
            let light_decl = format!("{var}: {};", hex(*light).to_lowercase());
            assert!(css.contains(&light_decl), "missing {light_decl}");
            let dark_decl = format!("{var}: {};", hex(dark_c).to_lowercase());
            assert!(dark.contains(&dark_decl), "missing {dark_decl}");
            for attr in ["fill", "stroke"] {
                let rule = format!("[{attr}=\"{}\" i] {{ {attr}: var({var}); }}", hex(*light));
                assert!(css.contains(&rule), "missing {rule}");
            }
        }
        assert!(css.contains(&format!(
            "[fill=\"{}\" i] {{ fill: var(--paper); }}",
            hex(PAPER)
        )));
        assert!(css.contains(&format!(
            "[fill=\"{}\" i] {{ fill: var(--ink); }}",
            hex(INK)
        )));
        assert!(dark.contains(&format!("--paper: {};", hex(PAPER_DARK).to_lowercase())));
        assert!(dark.contains(&format!("--ink: {};", hex(INK_DARK).to_lowercase())));
    }
}
