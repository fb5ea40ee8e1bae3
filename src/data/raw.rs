//! The YAML files of `data/` exactly as written, with the location of every value that
//! validation may need to point at. Nothing here is trusted yet: see `validate`.

use super::model::{ChartKind, Qualifier, SourceKind, Unit};
use crate::foundation::Localized;
use crate::foundation::RawDate;
use serde::Deserialize;
use std::collections::BTreeMap;

pub type Spanned<T> = serde_saphyr::Spanned<T>;

/// `data/sources.yaml`: a map from source id to its description.
pub type RawSources = BTreeMap<String, Spanned<RawSource>>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub publisher: Localized<String>,
    pub title: Localized<String>,
    #[serde(default)]
    pub via: Option<String>,
    pub published: Spanned<RawDate>,
    #[serde(default)]
    pub url: Option<Spanned<String>>,
    pub kind: SourceKind,
}

/// `data/regimes.yaml`: the regimes, in display order.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRegime {
    pub id: Spanned<String>,
    pub page: Spanned<String>,
    pub short: Localized<String>,
    pub name: Localized<String>,
    pub manager: Localized<String>,
    pub legal_basis: Localized<String>,
    pub covers: Localized<String>,
    pub pays: Localized<String>,
}

/// One file of `data/indicators/`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIndicator {
    pub id: Spanned<String>,
    #[serde(default)]
    pub regime: Option<Spanned<String>>,
    pub title: Localized<String>,
    pub definition: Localized<String>,
    pub unit: Unit,
    /// The noun the figures are counted in (`i18n/nouns.yaml`); defaults by unit.
    #[serde(default)]
    pub noun: Option<Spanned<String>>,
    pub observations: Vec<RawObservation>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawObservation {
    pub date: Spanned<RawDate>,
    pub value: Spanned<f64>,
    #[serde(default)]
    pub qualifier: Qualifier,
    pub source: Spanned<String>,
    #[serde(default)]
    pub note: Option<Localized<String>>,
}

/// `data/charts.yaml`: the charts content can place with a directive.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChart {
    pub id: Spanned<String>,
    #[serde(default)]
    pub kind: ChartKind,
    pub title: Localized<String>,
    #[serde(default)]
    pub subtitle: Option<Localized<String>>,
    pub series: Vec<RawSeries>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSeries {
    pub indicator: Spanned<String>,
    #[serde(default)]
    pub label: Option<Localized<String>>,
    #[serde(default)]
    pub sources: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    pub dates: Option<Vec<Spanned<RawDate>>>,
    #[serde(default)]
    pub latest: bool,
}
