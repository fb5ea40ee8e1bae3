//! The numbers behind one chart, computed once: which observations each series draws (as
//! known on a report's date, if any), the sources they come from, the dates they span.
//! The drawing, the page's `<figure>` block and data table, and every download (CSV, JSON,
//! XLSX, the data package) read a chart's data from here, so they cannot disagree.

use super::model::{Chart, Dataset, Indicator, Observation, Qualifier, Series, Source};
use crate::foundation::{IndicatorId, ObsDate, SourceId};

/// One series of a chart with the observations it draws, in date order.
pub struct SeriesData<'a> {
    pub series: &'a Series,
    pub indicator: &'a Indicator,
    pub points: Vec<&'a Observation>,
}

/// A chart's data: its series (those whose indicator exists) with their points.
pub struct ChartData<'a> {
    pub chart: &'a Chart,
    pub series: Vec<SeriesData<'a>>,
    /// The day the data is known on (a report's vintage), or `None` for the current data.
    pub vintage: Option<ObsDate>,
}

impl<'a> ChartData<'a> {
    /// The points of every series of `chart`, keeping only observations known on
    /// `vintage` when one is given.
    pub fn collect(chart: &'a Chart, data: &'a Dataset, vintage: Option<ObsDate>) -> Self {
        let series = chart
            .series
            .iter()
            .filter_map(|s| {
                Some(SeriesData {
                    series: s,
                    indicator: data.indicators.get(&s.indicator)?,
                    points: data.series_points_as_of(s, vintage),
                })
            })
            .collect();
        ChartData {
            chart,
            series,
            vintage,
        }
    }

    /// Every point with its indicator, series after series, in date order within each.
    pub fn rows(&self) -> Vec<(&'a IndicatorId, &'a Observation)> {
        self.series
            .iter()
            .flat_map(|s| s.points.iter().map(move |o| (&s.indicator.id, *o)))
            .collect()
    }

    /// Every point, series after series.
    pub fn points(&self) -> impl Iterator<Item = &'a Observation> + '_ {
        self.series.iter().flat_map(|s| s.points.iter().copied())
    }

    /// The latest date drawn.
    pub fn as_of(&self) -> Option<ObsDate> {
        self.points().map(|o| o.date).max()
    }

    /// The distinct dates drawn, in order (the categories of a bar chart).
    pub fn dates(&self) -> Vec<ObsDate> {
        let mut dates: Vec<ObsDate> = self.points().map(|o| o.date).collect();
        dates.sort();
        dates.dedup();
        dates
    }

    /// Whether any point is approximate, a minimum or a target (drawn hollow).
    pub fn has_hollow(&self) -> bool {
        self.points().any(|o| o.qualifier != Qualifier::Exact)
    }

    /// The distinct sources of the points, in order of first use.
    pub fn sources(&self, data: &'a Dataset) -> Vec<&'a Source> {
        data.sources_of(self.points())
    }

    /// The distinct source ids of the points, sorted.
    pub fn source_ids(&self) -> std::collections::BTreeSet<&'a SourceId> {
        self.points().map(|o| &o.source).collect()
    }
}
