//! A Frictionless Data Package (v2) describing every CSV download with its table schema,
//! licence and sources, so the data can be validated and loaded by standard tools.

use crate::config::Config;
use crate::data::{Dataset, Observation};
use serde_json::{Value, json};
use std::collections::BTreeSet;

const UNITS: [&str; 6] = [
    "persons",
    "percent",
    "mad",
    "mad-per-month",
    "files-per-day",
    "count",
];
const QUALIFIERS: [&str; 4] = ["exact", "at-least", "about", "target"];

fn schema() -> Value {
    json!({
        "$schema": "https://datapackage.org/profiles/2.0/tableschema.json",
        "fields": [
            {"name": "date", "type": "string", "description": "ISO 8601 date at the precision of the source: YYYY, YYYY-MM or YYYY-MM-DD", "constraints": {"required": true, "pattern": "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"}},
            {"name": "indicator", "type": "string", "constraints": {"required": true}},
            {"name": "regime", "type": "string", "description": "tadamon, tns, salaries or achamil; empty for the whole system"},
            {"name": "value", "type": "number", "constraints": {"required": true, "minimum": 0}},
            {"name": "unit", "type": "string", "constraints": {"required": true, "enum": UNITS}},
            {"name": "qualifier", "type": "string", "description": "how the source states the value", "constraints": {"required": true, "enum": QUALIFIERS}},
            {"name": "source_id", "type": "string", "constraints": {"required": true}},
            {"name": "source_title", "type": "string"},
            {"name": "source_url", "type": "string", "format": "uri"}
        ],
        "missingValues": [""]
    })
}

fn dialect() -> Value {
    json!({"$schema": "https://datapackage.org/profiles/2.0/tabledialect.json", "header": true, "delimiter": ",", "lineTerminator": "\r\n", "quoteChar": "\""})
}

fn sources_json<'a>(ds: &Dataset, obs: impl Iterator<Item = &'a Observation>) -> Vec<Value> {
    let ids: BTreeSet<&str> = obs.map(|o| o.source.as_str()).collect();
    ids.into_iter()
        .filter_map(|id| ds.sources.get(id))
        .map(|s| {
            let mut v = json!({"title": format!("{} — {}", s.publisher.fr, s.title.fr)});
            if let Some(url) = &s.url {
                v["path"] = json!(url);
            }
            v
        })
        .collect()
}

pub fn datapackage(config: &Config, ds: &Dataset) -> Result<Vec<u8>, String> {
    let licence = json!([{"name": config.data_licence.id, "path": config.data_licence.url, "title": config.data_licence.name.fr}]);
    let mut resources = Vec::new();
    for ind in ds.indicators.values() {
        resources.push(json!({
            "$schema": "https://datapackage.org/profiles/2.0/dataresource.json",
            "name": format!("indicator-{}", ind.id),
            "type": "table",
            "path": format!("indicators/{}.csv", ind.id),
            "scheme": "file",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "title": ind.title.fr,
            "description": ind.definition.fr,
            "licenses": licence,
            "sources": sources_json(ds, ind.observations.iter()),
            "dialect": dialect(),
            "schema": schema(),
        }));
    }
    for chart in ds.charts.values() {
        let obs: Vec<&Observation> = chart
            .series
            .iter()
            .flat_map(|s| ds.series_points(s))
            .collect();
        resources.push(json!({
            "$schema": "https://datapackage.org/profiles/2.0/dataresource.json",
            "name": format!("chart-{}", chart.id),
            "type": "table",
            "path": format!("charts/{}.csv", chart.id),
            "scheme": "file",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "title": chart.title.fr,
            "description": chart.subtitle.as_ref().map_or_else(|| chart.title.fr.clone(), |s| s.fr.clone()),
            "licenses": licence,
            "sources": sources_json(ds, obs.into_iter()),
            "dialect": dialect(),
            "schema": schema(),
        }));
    }
    let package = json!({
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "amo-statistics",
        "title": config.title.fr,
        "description": config.tagline.fr,
        "homepage": config.base_url,
        "licenses": licence,
        "contributors": [{"title": config.publisher.fr, "roles": ["publisher"]}],
        "keywords": ["AMO", "assurance maladie obligatoire", "Maroc", "CNSS", "protection sociale"],
        "resources": resources,
    });
    let mut bytes = serde_json::to_vec_pretty(&package).map_err(|e| e.to_string())?;
    bytes.push(b'\n');
    Ok(bytes)
}
