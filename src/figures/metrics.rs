//! Text widths from shaped text (Noto Sans with Noto Sans Arabic merged in, bundled under
//! `fonts/` with its OFL licence), so chart labels are laid out at the size they are drawn.
//!
//! Plotters' built-in estimate counts UTF-8 *bytes*, which makes every Arabic label about
//! twice too wide; summing each character's isolated glyph is closer but still wrong for
//! Arabic, whose letters join (initial, medial and final forms, the lam-alef ligature). This
//! module shapes each bidi run with `harfrust`, the HarfBuzz port resvg shapes the PNGs with,
//! and adds up the advances of the glyphs it gives.

use harfrust::{
    Direction, FontRef, Language, Script, ShapePlan, Shaper, ShaperData, UnicodeBuffer,
};
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

/// Noto Sans with Noto Sans Arabic merged in (OFL): one face for Latin and Arabic.
pub static FONT: &[u8] = include_bytes!("fonts/NotoSans-WithArabic-Regular.ttf");

/// A shaping plan is compiled once per direction, script and language: compiling one costs
/// more than shaping a label with it.
type PlanKey = (Direction, Script, Option<Language>);

/// The bundled face, its shaping tables, the plans made so far, and the width of every text
/// shaped so far (in font units: the same at every size), once per process. Charts repeat
/// their labels (ticks, legends, sources) across languages, layouts and report dates.
struct Face {
    font: FontRef<'static>,
    data: ShaperData,
    plans: Mutex<Vec<(PlanKey, Arc<ShapePlan>)>>,
    widths: Mutex<rustc_hash::FxHashMap<Box<str>, i64>>,
    units_per_em: f64,
}

static FACE: LazyLock<Face> = LazyLock::new(|| {
    let font = FontRef::new(FONT).expect("bundled Noto Sans parses");
    let data = ShaperData::new(&font);
    let units_per_em = f64::from(data.shaper(&font).build().units_per_em());
    Face {
        units_per_em,
        font,
        data,
        plans: Mutex::new(Vec::new()),
        widths: Mutex::default(),
    }
});

/// Measures strings in pixels for a given font size.
pub struct TextMetrics {
    face: &'static Face,
}

impl TextMetrics {
    pub fn new() -> Self {
        TextMetrics { face: &FACE }
    }

    /// Advance width of `text` shaped at `font_px` pixels per em. Invisible bidi marks, like
    /// every default-ignorable character, count zero.
    pub fn width(&self, text: &str, font_px: f64) -> f64 {
        let widths = || {
            self.face
                .widths
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
        };
        let known = widths().get(text).copied();
        let units = match known {
            Some(units) => units,
            None => {
                let shaper = self.face.data.shaper(&self.face.font).build();
                let units: i64 = bidi_runs(text)
                    .map(|(run, rtl)| self.shaped_units(&shaper, run, rtl))
                    .sum();
                widths().insert(text.into(), units);
                units
            }
        };
        units as f64 / self.face.units_per_em * font_px
    }

    /// The advance of one run of one direction, in font units.
    fn shaped_units(&self, shaper: &Shaper<'_>, run: &str, rtl: bool) -> i64 {
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(run);
        buffer.set_direction(if rtl {
            Direction::RightToLeft
        } else {
            Direction::LeftToRight
        });
        buffer.guess_segment_properties();
        let plan = self.plan(
            shaper,
            (buffer.direction(), buffer.script(), buffer.language()),
        );
        let glyphs = shaper.shape(buffer, harfrust::ShapeOptions::new().plan(Some(&plan)));
        glyphs
            .glyph_positions()
            .iter()
            .map(|p| i64::from(p.x_advance))
            .sum()
    }

    fn plan(&self, shaper: &Shaper<'_>, key: PlanKey) -> Arc<ShapePlan> {
        let mut plans = self
            .face
            .plans
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some((_, plan)) = plans.iter().find(|(k, _)| *k == key) {
            return Arc::clone(plan);
        }
        let plan = Arc::new(ShapePlan::new(
            shaper,
            key.0,
            Some(key.1),
            key.2.as_ref(),
            &[],
        ));
        plans.push((key, Arc::clone(&plan)));
        plan
    }
}

/// The runs of `text` in one direction each, as resvg splits a line before shaping it.
fn bidi_runs(text: &str) -> impl Iterator<Item = (&str, bool)> {
    let info = unicode_bidi::BidiInfo::new(text, None);
    let runs: Vec<(std::ops::Range<usize>, bool)> = info
        .paragraphs
        .iter()
        .flat_map(|p| {
            let (levels, runs) = info.visual_runs(p, p.range.clone());
            runs.into_iter()
                .map(|r| {
                    let rtl = levels[r.start].is_rtl();
                    (r, rtl)
                })
                .collect::<Vec<_>>()
        })
        .collect();
    runs.into_iter()
        .filter(|(r, _)| !r.is_empty())
        .map(move |(r, rtl)| (&text[r], rtl))
}

impl Default for TextMetrics {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the old measure did: each character's isolated glyph, added up (a character
    /// shaped alone takes its isolated form).
    fn isolated_sum(text: &str, font_px: f64) -> f64 {
        let m = TextMetrics::new();
        text.chars()
            .map(|c| m.width(c.encode_utf8(&mut [0; 4]), font_px))
            .sum()
    }

    #[test]
    fn arabic_is_not_counted_by_bytes() {
        let m = TextMetrics::new();
        let ar = m.width("مليون", 12.0);
        let fr = m.width("millions", 12.0);
        // Five Arabic letters are narrower than eight Latin ones; a byte count would say 10 vs 8.
        assert!(ar > 10.0 && ar < fr, "ar {ar} fr {fr}");
        assert_eq!(m.width("\u{2067}\u{2069}", 12.0), 0.0);
        assert_eq!(m.width("\u{2067}مليون\u{2069}", 12.0), ar);
    }

    #[test]
    fn latin_is_as_wide_as_its_glyphs() {
        let m = TextMetrics::new();
        let w = m.width("CNSS 2024", 12.0);
        assert!((w - isolated_sum("CNSS 2024", 12.0)).abs() < 0.5, "{w}");
    }

    /// Joined Arabic is measured as drawn: «لا» is one lam-alef ligature, narrower than a lam
    /// and an alef side by side, and a joined word differs from its isolated letters.
    #[test]
    fn joined_arabic_and_lam_alef_are_measured_shaped() {
        let m = TextMetrics::new();
        let lam_alef = m.width("لا", 100.0);
        assert!(
            lam_alef < isolated_sum("لا", 100.0),
            "lam-alef {lam_alef} vs {}",
            isolated_sum("لا", 100.0)
        );
        let word = "الاستفادة";
        let shaped = m.width(word, 100.0);
        let isolated = isolated_sum(word, 100.0);
        assert!(
            shaped <= isolated,
            "{word}: shaped {shaped} vs isolated {isolated}"
        );
        assert!((shaped - isolated).abs() > 1.0, "shaping changed nothing");
        // Shaping the same letters again gives the same width: a ligature is one glyph.
        let shaper = FACE.data.shaper(&FACE.font).build();
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str("لا");
        buffer.guess_segment_properties();
        let glyphs = shaper.shape(buffer, harfrust::ShapeOptions::new());
        assert_eq!(glyphs.len(), 1, "lam-alef is one glyph");
        let units = f64::from(glyphs.glyph_positions()[0].x_advance);
        assert!((units / f64::from(shaper.units_per_em()) * 100.0 - lam_alef).abs() < 1e-9);
    }

    /// The width resvg lays the text out at, when drawing the PNG: the text is anchored at
    /// its end on x = 1000, so its leftmost glyph starts at 1000 minus its width.
    fn resvg_width(text: &str) -> f64 {
        use resvg::usvg;
        let mut options = usvg::Options::default();
        options.fontdb_mut().load_font_data(FONT.to_vec());
        options.font_family = "Noto Sans".to_string();
        let svg = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="1100" height="200"><text x="1000" y="150" font-size="100" text-anchor="end">{text}</text></svg>"#
        );
        let tree = usvg::Tree::from_str(&svg, &options).unwrap();
        let Some(usvg::Node::Text(t)) = tree.root().children().first() else {
            panic!("a text node");
        };
        let left = t
            .layouted()
            .iter()
            .flat_map(|span| &span.positioned_glyphs)
            .map(|g| g.transform().tx)
            .fold(f32::INFINITY, f32::min);
        1000.0 - f64::from(left)
    }

    #[test]
    fn widths_match_what_resvg_draws() {
        let m = TextMetrics::new();
        for text in [
            "لا",
            "الاستفادة",
            "مليون مستفيد",
            "AMO Tadamon",
            "أمو تضامن 2024",
        ] {
            let (ours, drawn) = (m.width(text, 100.0), resvg_width(text));
            assert!(
                (ours - drawn).abs() < 0.5,
                "{text}: measured {ours}, drawn {drawn}"
            );
        }
    }
}
