//! Text widths from real glyph advances (Noto Sans with Noto Sans Arabic merged in, bundled
//! under `fonts/` with its OFL licence), so chart labels are laid out at their true size.
//!
//! Plotters' built-in estimate counts UTF-8 *bytes*, which makes every Arabic label about
//! twice too wide; this module is what replaces it.

use crate::locale::bidi;
use ttf_parser::Face;

/// Noto Sans with Noto Sans Arabic merged in (OFL): one face for Latin and Arabic.
pub static FONT: &[u8] = include_bytes!("fonts/NotoSans-WithArabic-Regular.ttf");

/// Measures strings in pixels for a given font size.
pub struct TextMetrics {
    face: Face<'static>,
}

impl TextMetrics {
    pub fn new() -> Self {
        TextMetrics {
            face: Face::parse(FONT, 0).expect("bundled Noto Sans parses"),
        }
    }

    /// Advance width of `text` at `font_px` pixels per em. Invisible bidi marks count zero.
    pub fn width(&self, text: &str, font_px: f64) -> f64 {
        let mut units = 0.0;
        for c in text.chars() {
            if bidi::is_bidi_mark(c) {
                continue;
            }
            let face = &self.face;
            let advance = face
                .glyph_index(c)
                .and_then(|g| face.glyph_hor_advance(g))
                .map(|a| f64::from(a) / f64::from(face.units_per_em()))
                .unwrap_or(0.55);
            units += advance;
        }
        units * font_px
    }
}

impl Default for TextMetrics {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_is_not_counted_by_bytes() {
        let m = TextMetrics::new();
        let ar = m.width("مليون", 12.0);
        let fr = m.width("millions", 12.0);
        // Five Arabic letters are narrower than eight Latin ones; a byte count would say 10 vs 8.
        assert!(ar > 10.0 && ar < fr, "ar {ar} fr {fr}");
        assert_eq!(m.width("\u{2067}\u{2069}", 12.0), 0.0);
    }
}
