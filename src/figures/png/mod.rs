//! PNG export of a chart through resvg, with the bundled Noto fonts, so Arabic is shaped and
//! joined the same on every machine (no system fonts are read).

mod indexed;

use super::metrics::FONT;
use resvg::{tiny_skia, usvg};

/// Font database and parsing options, built once per build.
pub struct PngRenderer {
    options: usvg::Options<'static>,
}

impl PngRenderer {
    pub fn new() -> Self {
        let mut options = usvg::Options::default();
        let db = options.fontdb_mut();
        db.load_font_data(FONT.to_vec());
        db.set_sans_serif_family("Noto Sans");
        options.font_family = "Noto Sans".to_string();
        PngRenderer { options }
    }

    /// Renders `svg` at `scale` (2 for crisp images on phones and in print). A panic inside
    /// the renderer becomes an error naming it, never a crash of the build.
    pub fn render(&self, svg: &str, scale: f32) -> Result<Vec<u8>, String> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.render_inner(svg, scale)
        }))
        .unwrap_or_else(|_| Err("the SVG renderer (resvg) failed on this chart".to_string()))
    }

    fn render_inner(&self, svg: &str, scale: f32) -> Result<Vec<u8>, String> {
        let tree = usvg::Tree::from_str(svg, &self.options).map_err(|e| e.to_string())?;
        let size = tree
            .size()
            .to_int_size()
            .scale_by(scale)
            .ok_or("empty image")?;
        let mut pixmap =
            tiny_skia::Pixmap::new(size.width(), size.height()).ok_or("image too large")?;
        resvg::render(
            &tree,
            tiny_skia::Transform::from_scale(scale, scale),
            &mut pixmap.as_mut(),
        );
        indexed::encode(&pixmap)
    }
}

impl Default for PngRenderer {
    fn default() -> Self {
        Self::new()
    }
}
