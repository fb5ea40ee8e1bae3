//! Bad input: every malformed data, content, config or CLI case fails with a located,
//! explained error, a non-zero exit, no panic, and the previous output left intact.

mod common;

use common::{SiteCopy, stderr};
use std::fs;
use std::process::Command;

/// Builds a copy of the default site once (so there is a previous output), applies
/// `break_it`, builds again and checks the failure. Returns stderr for further checks.
fn fails_with(break_it: impl FnOnce(&SiteCopy), expected: &[&str]) -> String {
    let site = SiteCopy::new();
    let first = site.build();
    assert!(first.status.success(), "{}", stderr(&first));
    fs::write(site.out().join("sentinel.txt"), "previous build").unwrap();
    let before = fs::read(site.out().join("fr/index.html")).unwrap();

    break_it(&site);
    let out = site.build();
    let err = stderr(&out);
    assert_eq!(
        out.status.code(),
        Some(1),
        "expected exit 1, stderr:\n{err}"
    );
    assert!(!err.contains("panicked"), "panic:\n{err}");
    for needle in expected {
        assert!(err.contains(needle), "stderr lacks {needle:?}:\n{err}");
    }
    assert!(err.contains("nothing was written"), "{err}");
    assert_eq!(
        fs::read_to_string(site.out().join("sentinel.txt")).unwrap(),
        "previous build",
        "previous output replaced"
    );
    assert_eq!(
        fs::read(site.out().join("fr/index.html")).unwrap(),
        before,
        "previous output changed"
    );
    let leftovers: Vec<_> = fs::read_dir(site.root())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public") && n != ".public.amo")
        .collect();
    assert!(
        leftovers.is_empty(),
        "staging folder left behind: {leftovers:?}"
    );
    err
}

#[test]
fn yaml_syntax_error_in_sources() {
    fails_with(
        |s| {
            s.replace(
                "data/sources.yaml",
                "  kind: press-relay\n\ncdc-2025-le360:",
                "  kind: press-relay\n\ncdc-2025-le360:\n   bad: [unclosed",
            )
        },
        &["data/sources.yaml:"],
    );
}

#[test]
fn unknown_key_in_an_indicator() {
    fails_with(
        |s| {
            s.replace(
                "data/indicators/tns-beneficiaries.yaml",
                "unit: persons\n",
                "unit: persons\ncolour: red\n",
            )
        },
        &[
            "data/indicators/tns-beneficiaries.yaml:8:1",
            "unknown field `colour`",
        ],
    );
}

#[test]
fn missing_language_in_a_title() {
    fails_with(
        |s| {
            s.replace(
                "data/indicators/population.yaml",
                "title: { fr: \"Population légale du Maroc\", ar: \"السكان القانونيون للمغرب\" }",
                "title: { fr: \"Population légale du Maroc\" }",
            )
        },
        &[
            "data/indicators/population.yaml:2:",
            "missing field `ar`",
            "both languages",
        ],
    );
}

#[test]
fn unknown_source_reference() {
    fails_with(
        |s| {
            s.replace(
                "data/indicators/cnops-registered.yaml",
                "source: cdc-2025-hespress }\n  - { date: 2024",
                "source: cour-des-comptes }\n  - { date: 2024",
            )
        },
        &[
            "data/indicators/cnops-registered.yaml:8:61",
            "unknown source `cour-des-comptes`",
        ],
    );
}

#[test]
fn unknown_regime_reference() {
    fails_with(
        |s| {
            s.replace(
                "data/indicators/tns-registered.yaml",
                "regime: tns",
                "regime: independants",
            )
        },
        &[
            "data/indicators/tns-registered.yaml:2:9",
            "unknown regime `independants`",
        ],
    );
}

#[test]
fn impossible_date() {
    fails_with(
        |s| {
            s.replace(
                "data/indicators/population.yaml",
                "date: 2024-09-01",
                "date: 2024-02-30",
            )
        },
        &[
            "data/indicators/population.yaml:9:",
            "day 30 does not exist",
        ],
    );
}

#[test]
fn negative_and_non_finite_values() {
    let err = fails_with(
        |s| {
            s.replace(
                "data/indicators/cnops-registered.yaml",
                "value: 3600000",
                "value: -3600000",
            );
            s.replace(
                "data/indicators/cnss-registered.yaml",
                "value: 23240000",
                "value: .nan",
            );
        },
        &[
            "data/indicators/cnops-registered.yaml:8:",
            "is negative",
            "data/indicators/cnss-registered.yaml:8:",
            "not a finite number",
        ],
    );
    assert!(err.contains("2 problems found"), "{err}");
}

#[test]
fn percentage_over_100() {
    fails_with(
        |s| {
            s.replace(
                "data/indicators/amo-registration-rate.yaml",
                "value: 87,",
                "value: 870,",
            )
        },
        &["amo-registration-rate.yaml:9:", "over 100"],
    );
}

#[test]
fn two_observations_for_the_same_date_and_source() {
    fails_with(
        |s| {
            s.replace(
                "data/indicators/cnops-registered.yaml",
                "{ date: 2024, value: 3840000",
                "{ date: 2022, value: 3840000",
            )
        },
        &[
            "data/indicators/cnops-registered.yaml:9:",
            "two observations for 2022 from source `cdc-2025-hespress`",
        ],
    );
}

#[test]
fn unknown_key_and_wrong_direction_in_config() {
    fails_with(
        |s| {
            s.replace("site.yaml", "markdown:", "theme: dark\nmarkdown:");
        },
        &["site.yaml:", "unknown field `theme`"],
    );
    fails_with(
        |s| {
            s.replace(
                "site.yaml",
                "code: ar, locale: ar-MA, direction: rtl",
                "code: ar, locale: ar-MA, direction: ltr",
            )
        },
        &["site.yaml:4:", "`ar` is written `rtl`"],
    );
}

#[test]
fn page_without_front_matter_or_with_an_unknown_key() {
    fails_with(
        |s| s.replace("content/about.fr.md", "---\ntitle:", "title:"),
        &["content/about.fr.md:1:1", "no front matter"],
    );
    fails_with(
        |s| s.replace("content/about.fr.md", "nav: 5\n", "nav: 5\nauthor: moi\n"),
        &["content/about.fr.md:5:1", "unknown field `author`"],
    );
}

#[test]
fn front_matter_errors_point_at_the_line_and_column_of_their_value() {
    let err = fails_with(
        |s| {
            // An unknown regime on line 5 (line 4 in the Arabic file).
            s.replace(
                "content/regimes/tns.fr.md",
                "regime: tns",
                "short_title: \"AMO TNS\"\nregime: independants",
            );
            s.replace(
                "content/regimes/tns.ar.md",
                "regime: tns",
                "regime: independants",
            );
            // An unknown indicator as the second headline item.
            s.replace(
                "content/index.fr.md",
                "amo-open-rights,",
                "amo-open-rigths,",
            );
            // A date that does not exist.
            s.replace(
                "content/reports/2025-02-council-briefing.fr.md",
                "date: 2025-02-21",
                "date: 2025-02-30",
            );
            // Arabic and French disagree on `layout` and on `nav`.
            s.replace("content/about.fr.md", "nav: 5\n", "nav: 5\nlayout: data\n");
            s.replace("content/about.ar.md", "nav: 5\n", "nav: 6\n");
        },
        &[
            "content/regimes/tns.fr.md:5:9",
            "content/regimes/tns.ar.md:4:9",
            "unknown regime `independants`",
            "content/index.fr.md:5:28",
            "unknown indicator `amo-open-rigths` in `headline`",
            "content/reports/2025-02-council-briefing.fr.md:6:7",
            "bad `date`",
            "content/about.fr.md:5:9",
            "disagree on `layout`",
            "content/about.fr.md:4:6",
            "disagree on `nav`",
        ],
    );
    assert!(err.contains("6 problems found"), "{err}");
}

#[test]
fn country_and_keywords_in_config_are_checked() {
    fails_with(
        |s| {
            s.replace("site.yaml", "fr: \"Maroc\" }", "fr: \" \" }");
            s.replace("site.yaml", "\"Maroc\", \"CNSS\"", "\"Maroc\", \"AMO\"");
        },
        &[
            "site.yaml:20:30",
            "`country.fr` is empty",
            "site.yaml:22:61",
            "the keyword `AMO` is listed twice",
        ],
    );
}

#[test]
fn directives_with_unknown_ids_or_misplaced() {
    let err = fails_with(
        |s| {
            s.replace(
                "content/care.fr.md",
                "{{ figure cnss-mobile-agencies }}",
                "{{ figure cnss-mobile-agences }}",
            );
            s.replace(
                "content/care.ar.md",
                "{{ chart cnss-daily-claims }}",
                "{{ chart cnss-daily }}",
            );
            s.replace(
                "content/about.fr.md",
                "Réutiliser les données\n\n",
                "Réutiliser les données\n\nVoir {{ chart coverage-growth }} ici. {{ graph x }}\n\n",
            );
        },
        &[
            "content/care.fr.md:",
            "unknown indicator `cnss-mobile-agences`",
            "content/care.ar.md:",
            "unknown chart `cnss-daily`",
            "chart directive inside running text",
            "unknown directive `graph`",
        ],
    );
    assert!(err.contains("4 problems found"), "{err}");
}

#[test]
fn page_missing_its_translation() {
    fails_with(
        |s| s.remove("content/about.ar.md"),
        &["content/about.fr.md", "no ar version"],
    );
}

#[test]
fn errors_in_many_files_are_reported_together() {
    let err = fails_with(
        |s| {
            s.replace(
                "site.yaml",
                "base_url: \"https://amo-site.example/\"",
                "base_url: \"amo-site.example\"",
            );
            s.replace(
                "data/indicators/population.yaml",
                "date: 2024-09-01",
                "date: 2024-13",
            );
            s.replace(
                "content/coverage.fr.md",
                "{{ figure amo-registered date=2022 noun=none }}",
                "{{ figure amo-registered date=2021 noun=none }}",
            );
        },
        &[
            "site.yaml:2:",
            "data/indicators/population.yaml:",
            "content/coverage.fr.md:",
        ],
    );
    assert!(err.contains("3 problems found"), "{err}");
}

#[test]
fn unknown_nouns_and_money_without_currency_are_located() {
    let err = fails_with(
        |s| {
            s.replace(
                "data/indicators/cnss-agencies.yaml",
                "noun: agency",
                "noun: agencies",
            );
            s.replace(
                "content/care.fr.md",
                "{{ figure tadamon-claims-filed }}",
                "{{ figure tadamon-claims-filed noun=dossier }}",
            );
            s.replace(
                "content/regimes/tadamon.fr.md",
                "{{ figure tadamon-annual-budget }}",
                "{{ figure tadamon-annual-budget noun=none }}",
            );
        },
        &[
            "data/indicators/cnss-agencies.yaml:",
            "unknown noun `agencies`",
            "content/care.fr.md:",
            "unknown noun `dossier` in a figure directive",
            "content/regimes/tadamon.fr.md:",
            "a sum of money",
        ],
    );
    assert!(err.contains("3 problems found"), "{err}");
}

#[test]
fn raw_html_in_markdown_is_escaped_unless_enabled() {
    let site = SiteCopy::new();
    site.replace(
        "content/about.fr.md",
        "## Réutiliser",
        "<script>alert(1)</script>\n\n## Réutiliser",
    );
    assert!(site.build().status.success());
    let html = site.output_file("fr/about/index.html");
    assert!(!html.contains("<script>alert(1)</script>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[test]
fn bad_command_line_is_a_usage_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_amo-site"))
        .args(["build", "--colour"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--colour"));
    let out = Command::new(env!("CARGO_BIN_EXE_amo-site"))
        .args([
            "build",
            "--root",
            "/nonexistent/site",
            "--out",
            "/tmp/never-written",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("site.yaml") && err.contains("--root"), "{err}");
    assert!(!std::path::Path::new("/tmp/never-written").exists());
}

#[test]
fn help_mentions_both_languages() {
    let out = Command::new(env!("CARGO_BIN_EXE_amo-site"))
        .args(["build", "--help"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Arabic") && text.contains("French"), "{text}");
    assert!(text.contains("--root") && text.contains("--out"));
}

#[test]
fn missing_translation_keys_are_listed_per_file() {
    let err = fails_with(
        |s| {
            s.replace("i18n/ar.yaml", "nav_home: \"الرئيسية\"\n", "");
            s.replace("i18n/fr.yaml", "source: \"Source\"\n", "");
            s.replace(
                "i18n/fr.yaml",
                "sources_count:\n  one: \"{n} source\"\n",
                "sources_count:\n",
            );
        },
        &[
            "i18n/ar.yaml",
            "missing key `nav_home`",
            "i18n/fr.yaml",
            "missing key `source`",
            "lacks the plural form one",
        ],
    );
    assert!(err.contains("3 problems found"), "{err}");
}
