//! The validated statistics model. A value of these types has passed every check in
//! `validate`: references resolve, dates exist, values are finite and in range.

use crate::foundation::Localized;
use crate::foundation::{ChartId, IndicatorId, ObsDate, RegimeId, SourceId};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// An enum whose every variant has one stable ASCII name, written once here: serde reads
/// the YAML through it, and CSV, JSON and the data package's enum constraints write it.
macro_rules! coded_enum {
    ($(#[$m:meta])* pub enum $name:ident { $($(#[$vm:meta])* $v:ident => $code:literal,)* }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
        #[serde(try_from = "String")]
        pub enum $name {
            $($(#[$vm])* $v,)*
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &[$name] = &[$($name::$v,)*];

            /// The stable ASCII name written in YAML, CSV and JSON.
            pub fn code(self) -> &'static str {
                match self {
                    $($name::$v => $code,)*
                }
            }
        }

        impl TryFrom<String> for $name {
            type Error = String;

            fn try_from(text: String) -> Result<Self, String> {
                $name::ALL.iter().copied().find(|v| v.code() == text).ok_or_else(|| {
                    let names: Vec<String> =
                        $name::ALL.iter().map(|v| format!("`{}`", v.code())).collect();
                    format!("unknown variant `{text}`, expected one of {}", names.join(", "))
                })
            }
        }
    };
}

coded_enum! {
    /// What an observation counts.
    pub enum Unit {
        Persons => "persons",
        Percent => "percent",
        Mad => "mad",
        MadPerMonth => "mad-per-month",
        FilesPerDay => "files-per-day",
        Count => "count",
    }
}

impl Unit {
    /// The noun a figure in this unit is counted in unless its indicator names one.
    /// Percentages carry their sign; a bare count needs its indicator's `noun:`.
    pub fn default_noun(self) -> Option<&'static str> {
        match self {
            Unit::Persons => Some("person"),
            Unit::Mad => Some("dirham"),
            Unit::MadPerMonth => Some("dirham-per-month"),
            Unit::FilesPerDay => Some("file-per-day"),
            Unit::Percent | Unit::Count => None,
        }
    }

    /// Whether the value is an amount of money (it always shows its currency).
    pub fn is_money(self) -> bool {
        matches!(self, Unit::Mad | Unit::MadPerMonth)
    }
}

coded_enum! {
    /// How the source states the value.
    #[derive(Default)]
    pub enum Qualifier {
        #[default]
        Exact => "exact",
        AtLeast => "at-least",
        About => "about",
        Target => "target",
    }
}

/// Whether the source is the official body's own document or a press article relaying it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    Official,
    PressRelay,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChartKind {
    /// Time series: one line per series on a true time axis.
    #[default]
    Line,
    /// One group of bars per series, one bar per date; bars start at zero.
    Bar,
}

#[derive(Debug, Clone)]
pub struct Source {
    pub id: SourceId,
    pub publisher: Localized<String>,
    pub title: Localized<String>,
    pub via: Option<String>,
    pub published: ObsDate,
    pub url: Option<String>,
    pub kind: SourceKind,
}

#[derive(Debug, Clone)]
pub struct Regime {
    pub id: RegimeId,
    /// ASCII slug of the regime's explainer page.
    pub page: String,
    pub short: Localized<String>,
    pub name: Localized<String>,
    pub manager: Localized<String>,
    pub legal_basis: Localized<String>,
    pub covers: Localized<String>,
    pub pays: Localized<String>,
}

#[derive(Debug, Clone)]
pub struct Observation {
    pub date: ObsDate,
    pub value: f64,
    pub qualifier: Qualifier,
    pub source: SourceId,
    pub note: Option<Localized<String>>,
}

#[derive(Debug, Clone)]
pub struct Indicator {
    pub id: IndicatorId,
    pub regime: Option<RegimeId>,
    pub title: Localized<String>,
    pub definition: Localized<String>,
    pub unit: Unit,
    /// The noun its figures are counted in, as written (`noun:`), with its position;
    /// `None` takes the unit's default (see [`Unit::default_noun`]).
    pub noun: Option<(String, Option<crate::diagnostics::Position>)>,
    /// Sorted by date, then source id.
    pub observations: Vec<Observation>,
    /// Where it was defined, relative to the site root.
    pub file: PathBuf,
}

impl Indicator {
    /// The id of the noun its figures are counted in: its own, else its unit's.
    pub fn noun_id(&self) -> Option<&str> {
        self.noun
            .as_ref()
            .map(|(n, _)| n.as_str())
            .or(self.unit.default_noun())
    }
}

#[derive(Debug, Clone)]
pub struct Series {
    pub indicator: IndicatorId,
    pub label: Localized<String>,
    /// When set, only observations from these sources are drawn.
    pub sources: Option<BTreeSet<SourceId>>,
    /// When set, only these dates are drawn (e.g. a before/after pair).
    pub dates: Option<BTreeSet<ObsDate>>,
    /// Draw only the most recent observation.
    pub latest: bool,
}

#[derive(Debug, Clone)]
pub struct Chart {
    pub id: ChartId,
    pub kind: ChartKind,
    pub title: Localized<String>,
    pub subtitle: Option<Localized<String>>,
    pub series: Vec<Series>,
    pub unit: Unit,
}

/// Every statistic of the site, validated.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    pub sources: BTreeMap<SourceId, Source>,
    pub regimes: Vec<Regime>,
    pub indicators: BTreeMap<IndicatorId, Indicator>,
    pub charts: BTreeMap<ChartId, Chart>,
    /// The guide «أي نظام يغطيني؟», when `data/guide.yaml` exists and is valid.
    pub guide: Option<super::guide::Guide>,
    /// What could not be loaded because of an error already reported.
    pub unavailable: Unavailable,
}

/// Ids whose definition failed to load. Later stages stay quiet about references to them,
/// so one broken file gives one error, not a cascade.
#[derive(Debug, Clone, Default)]
pub struct Unavailable {
    /// Stems of indicator files that failed to parse.
    pub indicators: BTreeSet<String>,
    /// Whether sources.yaml failed to parse.
    pub sources: bool,
    /// Whether regimes.yaml failed to parse.
    pub regimes: bool,
    /// Whether charts.yaml failed to parse.
    pub charts: bool,
    /// Charts left out because they draw an unavailable or incomplete indicator.
    pub chart_ids: BTreeSet<String>,
    /// Indicators that lost an observation to an error (reported): a directive or chart
    /// finding no observation there is not reported again.
    pub incomplete: BTreeSet<String>,
    /// Whether guide.yaml failed to parse.
    pub guide: bool,
    /// Whether part of data/indicators could not be read: any indicator may be missing.
    pub some_indicators: bool,
}

impl Unavailable {
    pub fn indicator(&self, id: &str) -> bool {
        self.some_indicators || self.indicators.contains(id)
    }

    pub fn chart(&self, id: &str) -> bool {
        self.charts || self.chart_ids.contains(id)
    }
}

impl Dataset {
    /// Whether an observation was public on `vintage`: its source was published on or
    /// before that day. A source dated only by month or year counts from the period's end,
    /// so a report never shows a figure that might not have been out yet.
    pub fn known_on(&self, o: &Observation, vintage: Option<ObsDate>) -> bool {
        match (vintage, self.sources.get(&o.source)) {
            (None, _) => true,
            (Some(v), Some(s)) => s.published.ymd_end() <= v.ymd_end(),
            (Some(_), None) => false,
        }
    }

    /// The most recent observation of an indicator: latest date, then the most recently
    /// published source, then source id (so the choice never depends on file order).
    pub fn latest(&self, indicator: &str) -> Option<&Observation> {
        self.latest_as_of(indicator, None)
    }

    /// [`Dataset::latest`] among the observations known on `vintage`.
    pub fn latest_as_of(&self, indicator: &str, vintage: Option<ObsDate>) -> Option<&Observation> {
        let ind = self.indicators.get(indicator)?;
        ind.observations
            .iter()
            .filter(|o| self.known_on(o, vintage))
            .max_by(|a, b| {
                let pa = self.sources.get(&a.source).map(|s| s.published);
                let pb = self.sources.get(&b.source).map(|s| s.published);
                (a.date, pa, &a.source).cmp(&(b.date, pb, &b.source))
            })
    }

    /// The observations of one indicator at `date`, optionally from one source.
    pub fn at<'a>(
        &'a self,
        indicator: &str,
        date: ObsDate,
        source: Option<&str>,
    ) -> Vec<&'a Observation> {
        self.indicators
            .get(indicator)
            .map(|ind| {
                ind.observations
                    .iter()
                    .filter(|o| o.date == date && source.is_none_or(|s| o.source == s))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The points a chart series draws, in date order.
    pub fn series_points<'a>(&'a self, series: &Series) -> Vec<&'a Observation> {
        self.series_points_as_of(series, None)
    }

    /// [`Dataset::series_points`] among the observations known on `vintage`.
    pub fn series_points_as_of<'a>(
        &'a self,
        series: &Series,
        vintage: Option<ObsDate>,
    ) -> Vec<&'a Observation> {
        self.indicators
            .get(&series.indicator)
            .map(|ind| {
                ind.observations
                    .iter()
                    .filter(|o| {
                        series
                            .sources
                            .as_ref()
                            .is_none_or(|set| set.contains(&o.source))
                    })
                    .filter(|o| {
                        series
                            .dates
                            .as_ref()
                            .is_none_or(|set| set.contains(&o.date))
                    })
                    .filter(|o| self.known_on(o, vintage))
                    .collect::<Vec<_>>()
            })
            .map(|points| {
                if series.latest {
                    points.into_iter().last().into_iter().collect()
                } else {
                    points
                }
            })
            .unwrap_or_default()
    }

    /// The distinct sources of some observations, in order of first use.
    pub fn sources_of<'a>(
        &'a self,
        obs: impl IntoIterator<Item = &'a Observation>,
    ) -> Vec<&'a Source> {
        let mut out: Vec<&Source> = Vec::new();
        for o in obs {
            if let Some(s) = self.sources.get(&o.source)
                && !out.iter().any(|x| x.id == s.id)
            {
                out.push(s);
            }
        }
        out
    }

    pub fn regime(&self, id: &str) -> Option<&Regime> {
        self.regimes.iter().find(|r| r.id == id)
    }

    /// Indicators about one regime, in id order.
    pub fn indicators_of_regime<'a>(
        &'a self,
        regime: &'a str,
    ) -> impl Iterator<Item = &'a Indicator> + 'a {
        self.indicators
            .values()
            .filter(move |i| i.regime.as_deref() == Some(regime))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_reads_every_unit_and_qualifier_by_its_code() {
        for &unit in Unit::ALL {
            let read: Unit = serde_saphyr::from_str(unit.code()).unwrap();
            assert_eq!(read, unit);
        }
        for &qualifier in Qualifier::ALL {
            let read: Qualifier = serde_saphyr::from_str(qualifier.code()).unwrap();
            assert_eq!(read, qualifier);
        }
        assert_eq!(Unit::ALL.len(), 6);
        assert_eq!(Qualifier::ALL.len(), 4);
        let err = serde_saphyr::from_str::<Unit>("mad_per_month").unwrap_err();
        assert!(
            err.to_string()
                .contains("unknown variant `mad_per_month`, expected one of `persons`, `percent`, `mad`, `mad-per-month`, `files-per-day`, `count`"),
            "{err}"
        );
    }
}
