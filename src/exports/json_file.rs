//! JSON downloads: the data with its metadata (titles, definitions, unit, sources, licence)
//! in both languages.

use crate::config::Config;
use crate::data::{ChartData, Dataset, Indicator, Observation};
use crate::locale::Localized;
use serde::Serialize;
use std::collections::BTreeSet;

#[derive(Serialize)]
struct Licence<'a> {
    id: &'a str,
    name: &'a Localized<String>,
    url: &'a str,
}

#[derive(Serialize)]
struct SourceJson<'a> {
    id: &'a str,
    publisher: &'a Localized<String>,
    title: &'a Localized<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    via: Option<&'a str>,
    published: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

#[derive(Serialize)]
struct ObservationJson<'a> {
    date: String,
    value: f64,
    qualifier: &'static str,
    source: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a Localized<String>>,
}

#[derive(Serialize)]
struct IndicatorJson<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    regime: Option<&'a str>,
    title: &'a Localized<String>,
    definition: &'a Localized<String>,
    unit: &'static str,
    publisher: &'a Localized<String>,
    licence: Licence<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    as_of: Option<String>,
    citation: &'a Localized<String>,
    sources: Vec<SourceJson<'a>>,
    observations: Vec<ObservationJson<'a>>,
}

#[derive(Serialize)]
struct SeriesJson<'a> {
    indicator: &'a str,
    label: &'a Localized<String>,
    definition: &'a Localized<String>,
    observations: Vec<ObservationJson<'a>>,
}

#[derive(Serialize)]
struct ChartJson<'a> {
    id: &'a str,
    title: &'a Localized<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    subtitle: Option<&'a Localized<String>>,
    unit: &'static str,
    publisher: &'a Localized<String>,
    licence: Licence<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    as_of: Option<String>,
    citation: &'a Localized<String>,
    sources: Vec<SourceJson<'a>>,
    series: Vec<SeriesJson<'a>>,
}

fn licence(config: &Config) -> Licence<'_> {
    Licence {
        id: &config.data_licence.id,
        name: &config.data_licence.name,
        url: &config.data_licence.url,
    }
}

fn observation(o: &Observation) -> ObservationJson<'_> {
    ObservationJson {
        date: o.date.iso(),
        value: o.value,
        qualifier: o.qualifier.code(),
        source: &o.source,
        note: o.note.as_ref(),
    }
}

fn sources<'a>(ds: &'a Dataset, ids: BTreeSet<&str>) -> Vec<SourceJson<'a>> {
    ids.into_iter()
        .filter_map(|id| ds.sources.get(id))
        .map(|s| SourceJson {
            id: &s.id,
            publisher: &s.publisher,
            title: &s.title,
            via: s.via.as_deref(),
            published: s.published.iso(),
            url: s.url.as_deref(),
        })
        .collect()
}

fn to_bytes<T: Serialize>(value: &T) -> Result<Vec<u8>, String> {
    let mut bytes = serde_json::to_vec_pretty(value).map_err(|e| e.to_string())?;
    bytes.push(b'\n');
    Ok(bytes)
}

pub fn indicator(
    config: &Config,
    ds: &Dataset,
    ind: &Indicator,
    citation: &Localized<String>,
) -> Result<Vec<u8>, String> {
    let ids = ind.observations.iter().map(|o| o.source.as_str()).collect();
    to_bytes(&IndicatorJson {
        id: &ind.id,
        regime: ind.regime.as_deref(),
        title: &ind.title,
        definition: &ind.definition,
        unit: ind.unit.code(),
        publisher: &config.publisher,
        licence: licence(config),
        as_of: ind
            .observations
            .iter()
            .map(|o| o.date)
            .max()
            .map(|d| d.iso()),
        citation,
        sources: sources(ds, ids),
        observations: ind.observations.iter().map(observation).collect(),
    })
}

pub fn chart(
    config: &Config,
    ds: &Dataset,
    data: &ChartData,
    citation: &Localized<String>,
) -> Result<Vec<u8>, String> {
    let chart = data.chart;
    let series = data
        .series
        .iter()
        .map(|s| SeriesJson {
            indicator: &s.indicator.id,
            label: &s.series.label,
            definition: &s.indicator.definition,
            observations: s.points.iter().copied().map(observation).collect(),
        })
        .collect();
    let ids = data
        .source_ids()
        .into_iter()
        .map(|id| id.as_str())
        .collect();
    to_bytes(&ChartJson {
        id: &chart.id,
        title: &chart.title,
        subtitle: chart.subtitle.as_ref(),
        unit: chart.unit.code(),
        publisher: &config.publisher,
        licence: licence(config),
        as_of: data.as_of().map(|d| d.iso()),
        citation,
        sources: sources(ds, ids),
        series,
    })
}
