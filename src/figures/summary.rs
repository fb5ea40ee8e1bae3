//! The text summary of a chart: what a reader who cannot see it needs, as sentences: the
//! chart named by its title, then per series its first and last values, each with its noun
//! (money with its currency) and its date phrase.

use crate::context::LangCtx;
use crate::data::{ChartData, Observation, SeriesData};

/// `Graphique « T ». Série : de 9,6 millions de personnes en 2023 à 11,4 millions de
/// personnes en 2025. Autre série : …`: a sentence per series, since each starts with its
/// label (`; Droits ouverts` would capitalise a word inside a sentence).
pub fn summary(data: &ChartData, lx: &LangCtx) -> String {
    let parts: Vec<String> = data
        .series
        .iter()
        .filter_map(|s| series_summary(s, lx))
        .collect();
    let title = lx
        .ui
        .chart_summary_title
        .replace("{title}", data.chart.title.get(lx.lang));
    format!("{title} {}.", parts.join(". "))
}

fn series_summary(s: &SeriesData, lx: &LangCtx) -> Option<String> {
    let label = s.series.label.get(lx.lang);
    let ind = s.indicator;
    let value = |o: &Observation| {
        let noun = lx.noun_of(ind);
        lx.qualified(o.qualifier, &lx.counted(o.value, ind.unit, noun))
    };
    let ui = lx.ui;
    match (s.points.first(), s.points.last()) {
        (Some(first), Some(last)) if s.points.len() > 1 => Some(
            ui.chart_summary_series
                .replace("{label}", label)
                .replace("{first}", &value(first))
                .replace("{first_date}", &lx.date_phrase(first.date))
                .replace("{last}", &value(last))
                .replace("{last_date}", &lx.date_phrase(last.date)),
        ),
        (Some(only), _) => Some(
            ui.chart_summary_single
                .replace("{label}", label)
                .replace("{value}", &value(only))
                .replace("{date}", &lx.date_phrase(only.date)),
        ),
        _ => None,
    }
}
