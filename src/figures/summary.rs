//! The text summary of a chart: what a reader who cannot see it needs, in one sentence per
//! series (first and last values with their dates).

use crate::context::LangCtx;
use crate::data::{ChartData, Observation, SeriesData};

/// `Ce graphique montre T. Série : 9,6 millions (2023) → 11,4 millions (2025).`
pub fn summary(data: &ChartData, lx: &LangCtx) -> String {
    let parts: Vec<String> = data
        .series
        .iter()
        .filter_map(|s| series_summary(s, lx))
        .collect();
    format!(
        "{} {}. {}.",
        lx.ui.chart_summary_intro,
        data.chart.title.get(lx.lang),
        parts.join(&lx.ui.list_separator)
    )
}

fn series_summary(s: &SeriesData, lx: &LangCtx) -> Option<String> {
    let label = s.series.label.get(lx.lang);
    let describe = |o: &Observation| {
        format!(
            "{} ({})",
            lx.qualified_value(o.qualifier, o.value, s.indicator.unit),
            lx.f.date(o.date)
        )
    };
    match (s.points.first(), s.points.last()) {
        (Some(first), Some(last)) if s.points.len() > 1 => {
            Some(format!("{label}: {} → {}", describe(first), describe(last)))
        }
        (Some(only), _) => Some(format!("{label}: {}", describe(only))),
        _ => None,
    }
}
