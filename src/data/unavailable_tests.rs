//! What a file or an observation that failed makes unavailable, on the fixture site's data
//! (`tests/fixtures/site/data`): one problem each, no cascade into the charts.

use crate::diagnostics::Diagnostics;
use std::path::Path;

/// A copy of the fixture's `data/`, with `edit` applied to the text of one of its files.
fn load_with(file: &str, edit: impl FnOnce(String) -> String) -> (super::Dataset, Diagnostics) {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/site/data");
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(data.join("indicators")).unwrap();
    for entry in walkdir::WalkDir::new(&fixture) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(&fixture).unwrap();
        if entry.file_type().is_file() {
            std::fs::copy(entry.path(), data.join(rel)).unwrap();
        }
    }
    let path = data.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, edit(text)).unwrap();
    let mut diags = Diagnostics::new();
    let ds = super::load(dir.path(), &mut diags);
    (ds, diags)
}

#[test]
fn the_fixture_data_loads_with_nothing_unavailable() {
    let (ds, diags) = load_with("sources.yaml", |t| t);
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!((ds.indicators.len(), ds.charts.len()), (7, 2));
    let u = &ds.unavailable;
    assert!(!u.sources && u.indicators.is_empty() && u.chart_ids.is_empty());
    assert!(u.incomplete.is_empty());
}

#[test]
fn without_sources_every_indicator_and_chart_is_unavailable() {
    let (ds, diags) = load_with("sources.yaml", |t| format!("broken: [\n{t}"));
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert!(ds.unavailable.sources);
    assert!(ds.indicators.is_empty() && ds.charts.is_empty());
    assert!(ds.unavailable.indicator("tadamon-beneficiaries"));
    assert!(ds.unavailable.chart("coverage-growth") && ds.unavailable.chart("regimes-latest"));
}

#[test]
fn an_observation_left_out_makes_its_indicator_incomplete_and_its_charts_unavailable() {
    let (ds, diags) = load_with("indicators/tns-beneficiaries.yaml", |t| {
        t.replace("value: 3680000", "value: -3680000")
    });
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert!(ds.unavailable.incomplete.contains("tns-beneficiaries"));
    // The indicator stays, with what was valid; both charts draw it.
    assert_eq!(ds.indicators["tns-beneficiaries"].observations.len(), 1);
    assert!(ds.unavailable.chart("coverage-growth") && ds.unavailable.chart("regimes-latest"));
    assert!(!ds.unavailable.incomplete.contains("tadamon-beneficiaries"));
}
