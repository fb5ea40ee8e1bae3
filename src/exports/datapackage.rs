//! A Frictionless Data Package (v2) describing every CSV download with its table schema,
//! licence and sources, so the data can be validated and loaded by standard tools.

use crate::config::Config;
use crate::data::{Dataset, Observation, Qualifier, Unit};
use crate::figures::Figures;
use serde_json::{Value, json};
use std::collections::BTreeSet;

/// The table schema every CSV shares; enum constraints and the regime list come from the
/// model and the dataset, not from literals here.
fn schema(ds: &Dataset) -> Value {
    let units: Vec<&str> = Unit::ALL.iter().map(|u| u.code()).collect();
    let qualifiers: Vec<&str> = Qualifier::ALL.iter().map(|q| q.code()).collect();
    let regimes: Vec<&str> = ds.regimes.iter().map(|r| r.id.as_str()).collect();
    let regime_help = format!("{}; empty for the whole system", or_list(&regimes));
    json!({
        "$schema": "https://datapackage.org/profiles/2.0/tableschema.json",
        "fields": [
            {"name": "date", "type": "string", "description": "ISO 8601 date at the precision of the source: YYYY, YYYY-MM or YYYY-MM-DD", "constraints": {"required": true, "pattern": "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"}},
            {"name": "indicator", "type": "string", "constraints": {"required": true}},
            {"name": "regime", "type": "string", "description": regime_help},
            {"name": "value", "type": "number", "constraints": {"required": true, "minimum": 0}},
            {"name": "unit", "type": "string", "constraints": {"required": true, "enum": units}},
            {"name": "qualifier", "type": "string", "description": "how the source states the value", "constraints": {"required": true, "enum": qualifiers}},
            {"name": "source_id", "type": "string", "constraints": {"required": true}},
            {"name": "source_title", "type": "string"},
            {"name": "source_url", "type": "string", "format": "uri"}
        ],
        "missingValues": [""]
    })
}

/// `a, b or c`: an English list for the schema's descriptions.
fn or_list(items: &[&str]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
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

pub fn datapackage(config: &Config, ds: &Dataset, figures: &Figures) -> Result<Vec<u8>, String> {
    let schema = schema(ds);
    let licence = json!([{"name": config.data_licence.id, "path": config.data_licence.url, "title": config.data_licence.name.fr}]);
    // One CSV resource; every CSV shares the dialect and table schema.
    let resource =
        |name: String, path: String, title: &str, description: &str, sources: Vec<Value>| {
            json!({
                "$schema": "https://datapackage.org/profiles/2.0/dataresource.json",
                "name": name,
                "type": "table",
                "path": path,
                "scheme": "file",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "title": title,
                "description": description,
                "licenses": licence,
                "sources": sources,
                "dialect": dialect(),
                "schema": schema,
            })
        };
    let mut resources = Vec::new();
    for ind in ds.indicators.values() {
        let sources = sources_json(ds, ind.observations.iter());
        resources.push(resource(
            format!("indicator-{}", ind.id),
            format!("indicators/{}.csv", ind.id),
            &ind.title.fr,
            &ind.definition.fr,
            sources,
        ));
    }
    for rendered in figures.charts.values() {
        let chart = rendered.data.chart;
        let obs: Vec<&Observation> = rendered.data.points().collect();
        let description = chart.subtitle.as_ref().map_or(&chart.title.fr, |s| &s.fr);
        resources.push(resource(
            format!("chart-{}", chart.id),
            format!("charts/{}.csv", chart.id),
            &chart.title.fr,
            description,
            sources_json(ds, obs.into_iter()),
        ));
    }
    let package = json!({
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "amo-statistics",
        "title": config.title.fr,
        "description": config.tagline.fr,
        "homepage": config.base_url,
        "licenses": licence,
        "contributors": [{"title": config.publisher.fr, "roles": ["publisher"]}],
        "keywords": config.keywords,
        "resources": resources,
    });
    let mut bytes = serde_json::to_vec_pretty(&package).map_err(|e| e.to_string())?;
    bytes.push(b'\n');
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_as_english() {
        assert_eq!(or_list(&[]), "");
        assert_eq!(or_list(&["tns"]), "tns");
        assert_eq!(or_list(&["tns", "salaries"]), "tns or salaries");
        assert_eq!(
            or_list(&["tadamon", "tns", "salaries", "achamil"]),
            "tadamon, tns, salaries or achamil"
        );
    }
}
