//! Property tests of the data loader: whatever an indicator file holds, loading does not
//! panic; a dataset that loads without problems holds no refused character (control or
//! bidi, typed or written as a YAML escape); and ordinary text comes through unchanged.

use crate::diagnostics::Diagnostics;
use crate::foundation::text_policy::classify;
use proptest::prelude::*;
use std::path::Path;

/// A site folder with the repository's data and one extra indicator file.
fn site_with(indicator: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let data = dir.path().join("data");
    std::fs::create_dir_all(data.join("indicators")).unwrap();
    for f in ["sources.yaml", "regimes.yaml", "charts.yaml"] {
        std::fs::copy(repo.join(f), data.join(f)).unwrap();
    }
    for f in ["amo-registered.yaml", "population.yaml"] {
        let from = repo.join("indicators").join(f);
        std::fs::copy(from, data.join("indicators").join(f)).unwrap();
    }
    std::fs::write(data.join("indicators/prop-x.yaml"), indicator).unwrap();
    dir
}

/// Loads and keeps only the problems (charts refer to indicators this copy leaves out).
fn load(indicator: &str) -> (crate::data::Dataset, Vec<String>) {
    let site = site_with(indicator);
    let mut d = Diagnostics::new();
    let ds = super::load(site.path(), &mut d);
    let problems = d
        .sorted()
        .into_iter()
        .filter(|x| x.file.ends_with("prop-x.yaml") || x.file.ends_with("indicators"))
        .map(|x| format!("{}: {}", x.location(), x.message))
        .collect();
    (ds, problems)
}

fn indicator_yaml(title: &str, definition: &str) -> String {
    let q = |s: &str| serde_json::to_string(s).unwrap();
    format!(
        "id: prop-x\ntitle: {{ fr: {}, ar: {} }}\ndefinition:\n  fr: {}\n  ar: \"تعريف\"\nunit: persons\nobservations:\n  - {{ date: 2024, value: 1, source: cdc-2025-le360 }}\n",
        q(title),
        q(title),
        q(definition)
    )
}

/// Characters a YAML reader may legitimately fold or drop inside a quoted scalar.
fn yaml_special(c: char) -> bool {
    matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{FEFF}')
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 24,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_indicator_files_never_panic(text in "\\PC{0,300}|[-:{}\\[\\]&*!|>'\"%@`#, \n a-z0-9]{0,300}") {
        let _ = load(&text);
    }

    #[test]
    fn loaded_text_holds_no_refused_character(
        title in "[a-zA-Zé][a-zA-Zé ]{0,7}(\\PC|[\u{0}-\u{1f}\u{202a}-\u{202e}\u{2066}-\u{2069}]){0,6}",
        definition in "[a-z][a-z ]{0,9}",
    ) {
        let (ds, problems) = load(&indicator_yaml(&title, &definition));
        let refused = title.chars().any(|c| classify(c).is_some());
        if refused {
            prop_assert!(!problems.is_empty(), "{title:?} was accepted");
        } else if !title.chars().any(yaml_special) {
            prop_assert!(problems.is_empty(), "{title:?}: {problems:?}");
            let ind = &ds.indicators["prop-x"];
            prop_assert_eq!(&ind.title.fr, &title);
        }
        for ind in ds.indicators.values() {
            for text in [&ind.title.fr, &ind.title.ar, &ind.definition.fr, &ind.definition.ar] {
                prop_assert!(text.chars().all(|c| classify(c).is_none()) || !problems.is_empty());
            }
        }
    }
}

#[test]
fn typed_and_escaped_refused_characters_are_located() {
    for (title, column) in [
        ("\"a\u{202E}b\"", 16),
        ("\"a\\u202Eb\"", 16),
        ("\"a\\x07b\"", 16),
        ("\"a\\ab\"", 16),
        ("\"a\u{7}b\"", 16),
    ] {
        let text = format!(
            "id: prop-x\ntitle: {{ fr: {title}, ar: x }}\ndefinition: {{ fr: d, ar: d }}\nunit: persons\nobservations:\n  - {{ date: 2024, value: 1, source: cdc-2025-le360 }}\n"
        );
        let (_, problems) = load(&text);
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with(&format!("data/indicators/prop-x.yaml:2:{column}"))),
            "{title:?}: {problems:?}"
        );
    }
}
