//! Bad input: every malformed data, content, config or CLI case fails with located,
//! explained problems, all of them and no others. The cases run the pipeline in process on
//! the frozen fixture site (`tests/fixtures/site`), so the positions they assert never move
//! when editors update the shipped data; PNGs are drawn once for the whole binary (a shared
//! build cache). Only the tests of what the binary itself does (exit code, the previous
//! output left complete, no foreign file touched, usage errors) run `amo-site`; one smoke
//! test breaks the shipped site.

mod common;

use common::{Problem, SiteCopy, assert_problems, stderr};
use std::fs;
use std::process::Command;

/// A copy of the fixture, broken by `break_it`, and the problems an in-process run finds.
fn problems(break_it: impl FnOnce(&SiteCopy)) -> Vec<Problem> {
    let site = SiteCopy::fixture();
    break_it(&site);
    site.problems()
}

/// Asserts that breaking the fixture with `break_it` gives exactly the `expected` problems.
#[track_caller]
fn fails_with(break_it: impl FnOnce(&SiteCopy), expected: &[(&str, &str)]) {
    assert_problems(&problems(break_it), expected);
}

#[test]
fn yaml_syntax_error_in_sources_is_one_problem_not_a_cascade() {
    // Every indicator, chart and figure of the fixture uses a source of this file.
    fails_with(
        |s| {
            s.replace(
                "data/sources.yaml",
                "  kind: press-relay\n\nlekjaa-2023-vitavox:",
                "  kind: press-relay\n\nlekjaa-2023-vitavox:\n   bad: [unclosed",
            )
        },
        &[("data/sources.yaml:14:4", "unknown field `bad`")],
    );
}

#[test]
fn a_broken_indicator_file_is_one_problem_even_where_charts_draw_it() {
    // Both charts draw tadamon-beneficiaries; the report places them as of its date.
    fails_with(
        |s| {
            let path = "data/indicators/tadamon-beneficiaries.yaml";
            s.write(path, &(s.read(path) + "  - [broken\n"));
        },
        &[(
            "data/indicators/tadamon-beneficiaries.yaml:23:5",
            "unclosed bracket",
        )],
    );
}

/// Smoke test on the shipped site: its sources.yaml broken at the top is one problem,
/// however many figures and charts the editors have added since.
#[test]
fn the_shipped_site_with_a_broken_sources_file_gives_one_problem() {
    let site = SiteCopy::new();
    let path = "data/sources.yaml";
    site.write(path, &format!("broken: [\n{}", site.read(path)));
    let problems = site.problems();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(
        problems[0].location.starts_with("data/sources.yaml:"),
        "{problems:#?}"
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
        &[(
            "data/indicators/tns-beneficiaries.yaml:8:1",
            "unknown field `colour`",
        )],
    );
}

#[test]
fn missing_language_in_a_title() {
    let problems = problems(|s| {
        s.replace(
            "data/indicators/cnss-agencies.yaml",
            "title: { fr: \"Agences de la CNSS\", ar: \"وكالات الصندوق الوطني للضمان الاجتماعي\" }",
            "title: { fr: \"Agences de la CNSS\" }",
        )
    });
    assert_problems(
        &problems,
        &[(
            "data/indicators/cnss-agencies.yaml:2:10",
            "missing field `ar`",
        )],
    );
    assert!(problems[0].hint.contains("both languages"), "{problems:#?}");
}

#[test]
fn unknown_source_reference() {
    fails_with(
        |s| {
            s.replace(
                "data/indicators/amo-registered.yaml",
                "source: cdc-2025-hespress }\n  - { date: 2024",
                "source: cour-des-comptes }\n  - { date: 2024",
            )
        },
        &[(
            "data/indicators/amo-registered.yaml:8:62",
            "unknown source `cour-des-comptes`",
        )],
    );
}

#[test]
fn unknown_regime_reference() {
    fails_with(
        |s| {
            s.replace(
                "data/indicators/tns-beneficiaries.yaml",
                "regime: tns",
                "regime: independants",
            )
        },
        &[(
            "data/indicators/tns-beneficiaries.yaml:2:9",
            "unknown regime `independants`",
        )],
    );
}

#[test]
fn impossible_date() {
    fails_with(
        |s| {
            s.replace(
                "data/indicators/cnss-agencies.yaml",
                "date: 2025-02-20",
                "date: 2025-02-30",
            )
        },
        &[(
            "data/indicators/cnss-agencies.yaml:9:13",
            "day 30 does not exist",
        )],
    );
}

#[test]
fn negative_and_non_finite_values() {
    fails_with(
        |s| {
            s.replace(
                "data/indicators/amo-registered.yaml",
                "value: 26840000",
                "value: -26840000",
            );
            s.replace(
                "data/indicators/amo-open-rights.yaml",
                "value: 22100000",
                "value: .nan",
            );
        },
        &[
            ("data/indicators/amo-registered.yaml:8:26", "is negative"),
            (
                "data/indicators/amo-open-rights.yaml:9:26",
                "not a finite number",
            ),
        ],
    );
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
        &[(
            "data/indicators/amo-registration-rate.yaml:9:26",
            "over 100",
        )],
    );
}

#[test]
fn two_observations_for_the_same_date_and_source() {
    fails_with(
        |s| {
            s.replace(
                "data/indicators/amo-registered.yaml",
                "{ date: 2024, value: 31940000",
                "{ date: 2022, value: 31940000",
            )
        },
        &[(
            "data/indicators/amo-registered.yaml:9:13",
            "two observations for 2022 from source `cdc-2025-hespress`",
        )],
    );
}

#[test]
fn unknown_key_and_wrong_direction_in_config() {
    fails_with(
        |s| s.replace("site.yaml", "markdown:", "theme: dark\nmarkdown:"),
        &[("site.yaml:23:1", "unknown field `theme`")],
    );
    fails_with(
        |s| {
            s.replace(
                "site.yaml",
                "code: ar, locale: ar-MA, direction: rtl",
                "code: ar, locale: ar-MA, direction: ltr",
            )
        },
        &[("site.yaml:4:43", "`ar` is written `rtl`")],
    );
}

#[test]
fn page_without_front_matter_or_with_an_unknown_key() {
    fails_with(
        |s| s.replace("content/about.fr.md", "---\ntitle:", "title:"),
        &[("content/about.fr.md:1:1", "no front matter")],
    );
    fails_with(
        |s| s.replace("content/about.fr.md", "nav: 5\n", "nav: 5\nauthor: moi\n"),
        &[("content/about.fr.md:5:1", "unknown field `author`")],
    );
}

#[test]
fn front_matter_errors_point_at_the_line_and_column_of_their_value() {
    fails_with(
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
            (
                "content/regimes/tns.fr.md:5:9",
                "unknown regime `independants`",
            ),
            (
                "content/regimes/tns.ar.md:4:9",
                "unknown regime `independants`",
            ),
            (
                "content/index.fr.md:5:28",
                "unknown indicator `amo-open-rigths` in `headline`",
            ),
            (
                "content/reports/2025-02-council-briefing.fr.md:6:7",
                "bad `date`",
            ),
            ("content/about.fr.md:5:9", "disagree on `layout`"),
            ("content/about.fr.md:4:6", "disagree on `nav`"),
        ],
    );
}

/// One page, two languages: what they must agree on, each disagreement located at the
/// French value (or the Arabic one when only the Arabic version writes the key).
#[test]
fn arabic_and_french_front_matter_that_disagree_are_located() {
    let report = "content/reports/2025-02-council-briefing";
    fails_with(
        |s| {
            // The two versions of one report must show the same figures.
            s.replace(
                &format!("{report}.ar.md"),
                "date: 2025-02-21",
                "date: 2025-02-22",
            );
            s.replace(
                &format!("{report}.fr.md"),
                "date: 2025-02-21\n",
                "date: 2025-02-21\nfigures_as_of: 2025-02-20\n",
            );
            s.replace(
                "content/regimes/tns.ar.md",
                "regime: tns",
                "regime: tadamon",
            );
            s.replace("content/index.ar.md", "amo-open-rights, ", "");
            // Only the Arabic version is in the navigation.
            s.replace("content/directives.ar.md", "title: ", "nav: 7\ntitle: ");
        },
        &[
            (&format!("{report}.fr.md:6:7"), "disagree on `date`"),
            (
                &format!("{report}.fr.md:7:16"),
                "disagree on `figures_as_of`",
            ),
            ("content/regimes/tns.fr.md:4:9", "disagree on `regime`"),
            ("content/index.fr.md:5:12", "disagree on `headline`"),
            ("content/directives.ar.md:2:6", "disagree on `nav`"),
        ],
    );
}

/// `fallback_for` publishes one text in both languages until it is translated: on a page
/// that has both, it is a mistake, located in each file that says it.
#[test]
fn fallback_for_on_a_page_that_has_both_languages() {
    fails_with(
        |s| {
            s.replace(
                "content/about.fr.md",
                "nav: 5\n",
                "nav: 5\nfallback_for: [ar]\n",
            );
            s.replace(
                "content/about.ar.md",
                "nav: 5\n",
                "nav: 5\nfallback_for: [fr]\n",
            );
            // An empty list says nothing, and is no mistake.
            s.replace(
                "content/regimes/tns.fr.md",
                "regime: tns\n",
                "regime: tns\nfallback_for: []\n",
            );
        },
        &[
            (
                "content/about.fr.md:5:15",
                "`fallback_for` on a page that exists in both languages",
            ),
            (
                "content/about.ar.md:5:15",
                "`fallback_for` on a page that exists in both languages",
            ),
        ],
    );
}

#[test]
fn country_and_keywords_in_config_are_checked() {
    fails_with(
        |s| {
            s.replace("site.yaml", "fr: \"Maroc\" }", "fr: \" \" }");
            s.replace("site.yaml", "\"Maroc\", \"CNSS\"", "\"Maroc\", \"AMO\"");
        },
        &[
            ("site.yaml:20:30", "`country.fr` is empty"),
            ("site.yaml:22:61", "the keyword `AMO` is listed twice"),
        ],
    );
}

#[test]
fn directives_with_unknown_ids_or_misplaced() {
    fails_with(
        |s| {
            s.replace(
                "content/directives.fr.md",
                "{{ figure cnss-agencies }}",
                "{{ figure cnss-agences }}",
            );
            s.replace(
                "content/directives.ar.md",
                "{{ chart coverage-growth }}",
                "{{ chart coverage }}",
            );
            s.replace(
                "content/about.fr.md",
                "Réutiliser les données\n\n",
                "Réutiliser les données\n\nVoir {{ chart coverage-growth }} ici. {{ graph x }}\n\n",
            );
        },
        &[
            (
                "content/directives.fr.md:6:365",
                "unknown indicator `cnss-agences`",
            ),
            ("content/directives.ar.md:16:1", "unknown chart `coverage`"),
            (
                "content/about.fr.md:14:6",
                "chart directive inside running text",
            ),
            ("content/about.fr.md:14:39", "unknown directive `graph`"),
        ],
    );
}

#[test]
fn page_missing_its_translation() {
    fails_with(
        |s| s.remove("content/about.ar.md"),
        &[("content/about.fr.md", "no ar version")],
    );
}

#[test]
fn errors_in_many_files_are_reported_together() {
    fails_with(
        |s| {
            s.replace(
                "site.yaml",
                "base_url: \"https://amo-site.example/\"",
                "base_url: \"amo-site.example\"",
            );
            s.replace(
                "data/indicators/cnss-agencies.yaml",
                "date: 2025-02-20",
                "date: 2025-13",
            );
            s.replace(
                "content/directives.fr.md",
                "{{ figure amo-registered date=2022 noun=none }}",
                "{{ figure amo-registered date=2021 noun=none }}",
            );
        },
        &[
            ("site.yaml:2:11", "base_url"),
            ("data/indicators/cnss-agencies.yaml:9:13", "bad date"),
            ("content/directives.fr.md:6:238", "no observation"),
        ],
    );
}

#[test]
fn unknown_nouns_and_money_without_currency_are_located() {
    fails_with(
        |s| {
            s.replace(
                "data/indicators/cnss-agencies.yaml",
                "noun: agency",
                "noun: agencies",
            );
            s.replace(
                "content/directives.fr.md",
                "{{ figure cnss-agencies }}",
                "{{ figure cnss-agencies noun=dossier }}",
            );
            s.replace(
                "content/regimes/tadamon.fr.md",
                "{{ figure tadamon-annual-budget }}",
                "{{ figure tadamon-annual-budget noun=none }}",
            );
        },
        &[
            (
                "data/indicators/cnss-agencies.yaml:7:7",
                "unknown noun `agencies`",
            ),
            (
                "content/directives.fr.md:6:365",
                "unknown noun `dossier` in a figure directive",
            ),
            ("content/regimes/tadamon.fr.md:13:65", "a sum of money"),
        ],
    );
}

#[test]
fn missing_translation_keys_are_listed_per_file() {
    fails_with(
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
            ("i18n/ar.yaml", "missing key `nav_home`"),
            ("i18n/fr.yaml", "missing key `source`"),
            ("i18n/fr.yaml:99:3", "lacks the plural form one"),
        ],
    );
}

#[test]
fn raw_html_in_markdown_is_escaped_when_off() {
    let site = SiteCopy::fixture();
    assert!(site.read("site.yaml").contains("raw_html: false"));
    site.replace(
        "content/about.fr.md",
        "## Réutiliser",
        "<script>alert(1)</script>\n\n<aside class=\"x\">Encadré</aside>\n\n## Réutiliser",
    );
    let html = site.built().text("fr/about/index.html");
    assert!(!html.contains("<script>alert(1)</script>"), "raw script");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<aside class=\"x\">"), "raw HTML");
    assert!(html.contains("&lt;aside class=\"x\"&gt;Encadré&lt;/aside&gt;"));
}

#[test]
fn raw_html_in_markdown_passes_through_when_enabled() {
    let site = SiteCopy::fixture();
    site.replace("site.yaml", "raw_html: false", "raw_html: true");
    site.replace(
        "content/about.fr.md",
        "## Réutiliser",
        "<aside class=\"x\">Encadré</aside>\n\n## Réutiliser",
    );
    let html = site.built().text("fr/about/index.html");
    assert!(
        html.contains("<aside class=\"x\">Encadré</aside>"),
        "{html}"
    );
    assert!(!html.contains("&lt;aside"), "escaped although enabled");
}

/// Builds the fixture with the binary (so there is a previous output), applies `break_it`,
/// builds again and checks what the binary does on failure: exit code 1, no panic, every
/// problem on stderr with "nothing was published", the previous output complete and
/// unchanged, a file amo-site did not write left alone, no staging folder left behind.
fn binary_fails_with(break_it: impl FnOnce(&SiteCopy), expected: &[&str]) -> String {
    let site = SiteCopy::fixture();
    let first = site.build();
    assert!(first.status.success(), "{}", stderr(&first));
    fs::write(site.out().join("sentinel.txt"), "previous build").unwrap();
    let before = common::files_under(&site.out())
        .into_iter()
        .map(|p| {
            let bytes = fs::read(site.out().join(&p)).unwrap();
            (p, bytes)
        })
        .collect::<Vec<_>>();

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
    assert!(err.contains("nothing was published"), "{err}");
    let after = common::files_under(&site.out())
        .into_iter()
        .map(|p| {
            let bytes = fs::read(site.out().join(&p)).unwrap();
            (p, bytes)
        })
        .collect::<Vec<_>>();
    assert!(before == after, "previous output changed");
    assert_eq!(
        fs::read_to_string(site.out().join("sentinel.txt")).unwrap(),
        "previous build",
        "a file amo-site did not write was touched"
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
fn a_failed_build_leaves_the_previous_output_complete() {
    // Problems found at three stages (load, validate, pages), all told in one run.
    let err = binary_fails_with(
        |s| {
            s.replace("site.yaml", "markdown:", "theme: dark\nmarkdown:");
            s.replace(
                "data/indicators/amo-registered.yaml",
                "source: cdc-2025-hespress }\n  - { date: 2024",
                "source: cour-des-comptes }\n  - { date: 2024",
            );
            s.replace(
                "content/directives.fr.md",
                "{{ figure cnss-agencies }}",
                "{{ figure cnss-agences }}",
            );
        },
        &[
            "site.yaml:23:1",
            "unknown field `theme`",
            "data/indicators/amo-registered.yaml:8:62",
            "unknown source `cour-des-comptes`",
            "content/directives.fr.md:6:365",
            "unknown indicator `cnss-agences`",
        ],
    );
    assert!(err.contains("3 problems found"), "{err}");
}

#[test]
fn problems_found_only_while_pages_are_written_leave_the_previous_output_complete() {
    // Bodies are rendered as pages are written: the downloads are already in the twin when
    // these are found. Two pages, both told; then a fixed build publishes the whole site.
    let err = binary_fails_with(
        |s| {
            s.replace(
                "content/reports/2025-02-council-briefing.fr.md",
                "{{ figure cnss-agencies date=2025-02-20 }}",
                "{{ figure cnss-agences date=2025-02-20 }}",
            );
            s.replace(
                "content/regimes/tadamon.ar.md",
                "{{ figure tadamon-annual-budget }}",
                "{{ figure tadamon-annual-budgt }}",
            );
        },
        &[
            "content/reports/2025-02-council-briefing.fr.md:21:",
            "unknown indicator `cnss-agences`",
            "content/regimes/tadamon.ar.md:13:",
            "unknown indicator `tadamon-annual-budgt`",
        ],
    );
    assert!(err.contains("2 problems found"), "{err}");
}

#[test]
fn after_a_build_that_failed_while_writing_the_next_one_publishes_the_whole_site() {
    let site = SiteCopy::fixture();
    let first = site.build();
    assert!(first.status.success(), "{}", stderr(&first));
    let file = "content/reports/2025-02-council-briefing.fr.md";
    let good = fs::read_to_string(site.root().join(file)).unwrap();
    site.replace(file, "La CNSS comptait", "La Caisse comptait");
    site.replace(file, "{{ figure cnss-agencies", "{{ figure cnss-agences");
    assert_eq!(site.build().status.code(), Some(1));
    site.write(
        file,
        &good.replace("La CNSS comptait", "La Caisse comptait"),
    );
    let fixed = site.build();
    assert!(fixed.status.success(), "{}", stderr(&fixed));
    let fresh = SiteCopy::fixture();
    fresh.write(
        file,
        &good.replace("La CNSS comptait", "La Caisse comptait"),
    );
    assert!(fresh.build().status.success());
    let sorted = |d: &std::path::Path| {
        let mut f = common::files_under(d);
        f.sort();
        f
    };
    assert!(
        sorted(&site.out()) == sorted(&fresh.out()),
        "not the same files as a build from scratch"
    );
    for p in common::files_under(&fresh.out()) {
        if p.as_os_str() == ".amo-tree" {
            continue;
        }
        let (a, b) = (site.out().join(&p), fresh.out().join(&p));
        assert!(
            fs::read(a).unwrap() == fs::read(b).unwrap(),
            "{} differs",
            p.display()
        );
    }
}

#[test]
fn a_broken_sources_file_through_the_binary_is_one_problem() {
    let err = binary_fails_with(
        |s| {
            s.replace(
                "data/sources.yaml",
                "  kind: press-relay\n\nlekjaa-2023-vitavox:",
                "  kind: press-relay\n\nlekjaa-2023-vitavox:\n   bad: [unclosed",
            )
        },
        &["data/sources.yaml:14:4"],
    );
    assert!(err.contains("1 problem found"), "{err}");
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

/// The pages stage lets each page's text go once the page is made; a problem found in a
/// page afterwards must still quote its line. Every located problem here, in a page body,
/// in front matter, and on the home page's layout (checked after all pages are made),
/// shows the line it points at.
#[test]
fn problems_in_pages_still_quote_their_line() {
    let site = SiteCopy::fixture();
    site.replace(
        "content/directives.fr.md",
        "{{ figure cnss-agencies }}",
        "{{ figure cnss-agences }}",
    );
    site.replace(
        "content/regimes/tns.fr.md",
        "regime: tns",
        "regime: independants",
    );
    for lang in ["ar", "fr"] {
        site.replace(
            &format!("content/index.{lang}.md"),
            "layout: home\nheadline: [amo-registered, amo-open-rights, amo-registration-rate]",
            "layout: page",
        );
    }
    let Err(amo_site::pipeline::BuildError::Invalid(diags)) = site.run() else {
        panic!("the build should fail on its input");
    };
    let located: Vec<_> = diags
        .sorted()
        .into_iter()
        .filter(|d| d.position.is_some())
        .collect();
    let files: Vec<String> = located
        .iter()
        .map(|d| d.file.to_string_lossy().into_owned())
        .collect();
    for file in [
        "content/directives.fr.md",
        "content/regimes/tns.fr.md",
        "content/index.fr.md",
    ] {
        assert!(
            files.iter().any(|f| f == file),
            "no located problem in {file}: {files:?}"
        );
    }
    for d in &located {
        let text = diags
            .source(&d.file)
            .unwrap_or_else(|| panic!("the text of {} was let go", d.file.display()));
        let at = d.position.unwrap();
        // Long lines are cut around the column: look for the text that starts there.
        let line = text.lines().nth(at.line - 1).unwrap();
        let quoted: String = line.chars().skip(at.column - 1).take(12).collect();
        let quoted = quoted.trim();
        let shown = amo_site::diagnostics::render_all(&diags);
        assert!(
            shown.contains(quoted),
            "{} does not quote {quoted:?}:\n{shown}",
            d.location()
        );
    }
}
