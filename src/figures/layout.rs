//! The two geometries of every chart. `Wide` is the desktop drawing (720 units across, also
//! the PNG at 1440 px); `Narrow` is drawn for phones (320 units: fewer ticks, larger text,
//! legend stacked, bars laid horizontally). Both are inlined in the page and CSS shows the one
//! that fits the chart's own width (a container query in `static/css/site.css`), so text
//! renders at 12 CSS px or more at every width from a 360-px phone up.

/// Which drawing of a chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Wide,
    Narrow,
}

/// The chart width, in CSS px, from which the wide drawing is shown (`site.css` uses the same
/// number): at that width its text renders at 14 × 620 / 720 = 12.06 px. A chart inside the
/// prose column (44rem) is 670 px wide, so it gets the wide drawing on a desktop.
pub const WIDE_FROM_PX: u32 = 620;

impl Layout {
    pub const ALL: [Layout; 2] = [Layout::Wide, Layout::Narrow];

    /// The class on the `<svg>` (`chart-wide`, `chart-narrow`) and a suffix for its ids.
    pub fn name(self) -> &'static str {
        match self {
            Layout::Wide => "wide",
            Layout::Narrow => "narrow",
        }
    }

    /// Width of the drawing in SVG units.
    pub fn width(self) -> u32 {
        match self {
            Layout::Wide => 720,
            Layout::Narrow => 320,
        }
    }

    /// Height of the plot area (the legend comes below it).
    pub fn plot_height(self) -> u32 {
        match self {
            Layout::Wide => 340,
            Layout::Narrow => 280,
        }
    }

    /// Font size of every chart text, in SVG units. The narrow drawing shows at 294 CSS px in
    /// a 360-px viewport (scale 0.92): 14 × 0.92 = 12.9 px.
    pub fn font(self) -> f64 {
        match self {
            Layout::Wide => 14.0,
            Layout::Narrow => 14.0,
        }
    }

    /// Height of a legend row.
    pub fn legend_row(self) -> u32 {
        match self {
            Layout::Wide => 24,
            Layout::Narrow => 22,
        }
    }

    /// How many value ticks plotters is asked for.
    pub fn value_ticks(self) -> usize {
        match self {
            Layout::Wide => 6,
            Layout::Narrow => 4,
        }
    }

    /// Years between two labelled ticks on a time axis spanning `span` years.
    pub fn year_step(self, span: i32) -> i32 {
        match self {
            Layout::Wide if span > 8 => 2,
            Layout::Wide => 1,
            Layout::Narrow if span > 8 => 3,
            Layout::Narrow if span > 4 => 2,
            Layout::Narrow => 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_layouts_render_text_at_12_css_px_where_they_are_shown() {
        // Narrow at a 360-px phone: the chart box is 360 − 2 × 16 (page) − 2 × 17 (figure).
        let narrow_scale = f64::from(360 - 32 - 34) / f64::from(Layout::Narrow.width());
        assert!(Layout::Narrow.font() * narrow_scale >= 12.0);
        // Wide from the container-query threshold up.
        let wide_scale = f64::from(WIDE_FROM_PX) / f64::from(Layout::Wide.width());
        assert!(Layout::Wide.font() * wide_scale >= 12.0);
    }

    #[test]
    fn narrow_time_axes_have_fewer_ticks() {
        assert_eq!(Layout::Wide.year_step(9), 2);
        assert_eq!(Layout::Narrow.year_step(9), 3);
        assert_eq!(Layout::Narrow.year_step(4), 1);
    }
}
