//! End-to-end: the guide «أي نظام يغطيني؟» / « Quel régime me couvre ? » of the real
//! default site, built into a temporary folder and walked like a reader would: from
//! `/fr/guide/` and `/ar/guide/`, following only the answer links, every outcome of
//! `data/guide.yaml` is reached and every path ends at one. The pages are in the sitemap,
//! the search index, the navigation and on the home page; a broken guide is refused with
//! all its located errors and the published site left as it was.

mod common;

use common::{SiteCopy, stderr};
use scraper::{Html, Selector};
use std::collections::BTreeSet;

fn built() -> &'static SiteCopy {
    common::built_once()
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    doc.select(&Selector::parse(css).unwrap()).collect()
}

/// The ids of the outcomes and questions written in the site's `data/guide.yaml`.
fn written_ids(site: &SiteCopy) -> (BTreeSet<String>, BTreeSet<String>) {
    #[derive(serde::Deserialize)]
    struct Node {
        id: String,
    }
    #[derive(serde::Deserialize)]
    struct File {
        questions: Vec<Node>,
        outcomes: Vec<Node>,
    }
    // Keys other than these are ignored (serde's default).
    let f: File = serde_saphyr::from_str(&site.read("data/guide.yaml")).unwrap();
    let ids = |v: Vec<Node>| v.into_iter().map(|n| n.id).collect();
    (ids(f.questions), ids(f.outcomes))
}

/// What a walk from `/LANG/guide/` found: question pages and outcome pages by URL.
struct Walk {
    questions: BTreeSet<String>,
    outcomes: BTreeSet<String>,
}

/// Follows the answer links from `/LANG/guide/`, checking each page on the way.
fn walk(site: &SiteCopy, lang: &str) -> Walk {
    let start = format!("/{lang}/guide/");
    let mut todo = vec![start.clone()];
    let mut w = Walk {
        questions: BTreeSet::new(),
        outcomes: BTreeSet::new(),
    };
    while let Some(url) = todo.pop() {
        if w.questions.contains(&url) || w.outcomes.contains(&url) {
            continue;
        }
        let doc = Html::parse_document(&site.output_file(&format!("{}index.html", &url[1..])));
        let html = select(&doc, "html")[0];
        assert_eq!(
            html.attr("lang"),
            Some(if lang == "ar" { "ar-MA" } else { "fr-MA" }),
            "{url}"
        );
        assert_eq!(
            html.attr("dir"),
            Some(if lang == "ar" { "rtl" } else { "ltr" }),
            "{url}"
        );
        assert_eq!(select(&doc, "h1").len(), 1, "{url}: one title");
        let restart: Vec<_> = select(&doc, ".guide-restart a");
        let answers = select(&doc, "ul.guide-answers > li > a");
        if select(&doc, ".guide-outcome").is_empty() {
            assert!(
                answers.len() >= 2,
                "{url}: a question offers at least two answers"
            );
            let step: String = select(&doc, ".guide-step")[0].text().collect();
            if url == start {
                assert!(
                    step.contains(" 1 "),
                    "{url}: the first question says it is the first: {step}"
                );
                assert!(
                    restart.is_empty(),
                    "the first question has nothing to start again"
                );
            } else {
                assert_eq!(restart[0].attr("href"), Some(start.as_str()), "{url}");
            }
            for a in answers {
                let href = a.attr("href").unwrap().to_string();
                assert!(
                    href.starts_with(&start),
                    "{url}: an answer stays in the guide: {href}"
                );
                assert!(!a.text().collect::<String>().trim().is_empty());
                todo.push(href);
            }
            w.questions.insert(url);
        } else {
            assert!(answers.is_empty(), "{url}: an outcome ends the path");
            assert_eq!(restart[0].attr("href"), Some(start.as_str()), "{url}");
            outcome_checks(&doc, lang, &url);
            w.outcomes.insert(url);
        }
    }
    w
}

/// An outcome names a regime and links its explainer, or says why none applies; every
/// note reference resolves to a note of the page.
fn outcome_checks(doc: &Html, lang: &str, url: &str) {
    let regime = select(doc, "#guide-regime");
    let why = select(doc, "#guide-why");
    assert!(
        regime.len() + why.len() == 1,
        "{url}: a regime or why none applies"
    );
    if !regime.is_empty() {
        let more = select(doc, "section[aria-labelledby=guide-regime] .more a");
        let href = more[0].attr("href").unwrap();
        assert!(
            href.starts_with(&format!("/{lang}/regimes/")),
            "{url}: {href}"
        );
        assert!(!select(doc, "#guide-pays").is_empty(), "{url}: who pays");
    }
    let notes: BTreeSet<String> = select(doc, ".notes li")
        .iter()
        .filter_map(|li| li.attr("id").map(str::to_string))
        .collect();
    let refs = select(doc, ".guide sup.note-ref a");
    assert!(!refs.is_empty(), "{url}: its facts cite their sources");
    for a in refs {
        let target = a.attr("href").unwrap().trim_start_matches('#');
        assert!(notes.contains(target), "{url}: note {target} is missing");
    }
}

#[test]
fn walking_the_answers_from_the_first_question_reaches_every_outcome() {
    let site = built();
    let (questions, outcomes) = written_ids(site);
    for lang in ["fr", "ar"] {
        let w = walk(site, lang);
        let reached: BTreeSet<String> = w
            .outcomes
            .iter()
            .map(|u| {
                u.trim_end_matches('/')
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert_eq!(reached, outcomes, "{lang}: every outcome is reached");
        assert_eq!(
            w.questions.len(),
            questions.len(),
            "{lang}: every question is reached"
        );
        assert!(
            (3..=5).contains(&questions.len()),
            "three to five questions"
        );
    }
}

#[test]
fn the_guide_is_in_the_sitemap_the_search_index_the_navigation_and_on_the_home_page() {
    let site = built();
    let (questions, outcomes) = written_ids(site);
    let sitemap = site.output_file("sitemap.xml");
    for lang in ["ar", "fr"] {
        let w = walk(site, lang);
        let meta: serde_json::Value =
            serde_json::from_str(&site.output_file(&format!("search/{lang}/meta.json"))).unwrap();
        let kinds = meta["kinds"].as_array().unwrap();
        let guide_kind = kinds.len() - 1;
        let indexed: BTreeSet<&str> = meta["docs"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d[2].as_u64() == Some(guide_kind as u64))
            .map(|d| d[0].as_str().unwrap())
            .collect();
        assert_eq!(
            indexed.len(),
            questions.len() + outcomes.len(),
            "{lang}: {indexed:?}"
        );
        for url in w.questions.iter().chain(&w.outcomes) {
            assert!(
                sitemap.contains(&format!("https://amo-site.example{url}</loc>")),
                "sitemap lacks {url}"
            );
            assert!(indexed.contains(url.as_str()), "search index lacks {url}");
        }
        let home = Html::parse_document(&site.output_file(&format!("{lang}/index.html")));
        let start = format!("/{lang}/guide/");
        assert_eq!(
            select(&home, ".guide-cta a")[0].attr("href"),
            Some(start.as_str())
        );
        let care = Html::parse_document(&site.output_file(&format!("{lang}/care/index.html")));
        let nav: Vec<_> = select(&care, ".main-nav a")
            .iter()
            .filter_map(|a| a.attr("href"))
            .collect();
        assert!(
            nav.contains(&start.as_str()),
            "{lang}: the navigation links the guide"
        );
    }
}

#[test]
fn a_broken_guide_is_refused_with_every_error_located_and_the_site_kept() {
    let site = SiteCopy::new();
    assert!(site.build().status.success());
    let before = site.output_file("fr/guide/index.html");
    site.replace("data/guide.yaml", "next: pension", "next: pensions");
    site.replace("data/guide.yaml", "regime: tns", "regime: independants");
    site.replace(
        "data/guide.yaml",
        "next: salaries\n      - label: { fr: \"À mon compte",
        "next: status\n      - label: { fr: \"À mon compte",
    );
    let out = site.build();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    for expected in [
        "this answer leads to `pensions`, which is neither a question nor an outcome",
        "unknown regime `independants`",
        "this answer leads back to `status`, which was asked before it: the path status → status never ends",
        "no answer leads to `pension`",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    assert!(err.contains("--> data/guide.yaml:"), "{err}");
    assert_eq!(
        site.output_file("fr/guide/index.html"),
        before,
        "the published guide is untouched"
    );
}

#[test]
fn page_stage_errors_of_the_guide_are_located_in_its_file() {
    let site = SiteCopy::new();
    site.replace(
        "data/guide.yaml",
        "{{ figure tadamon-annual-budget }}.\"\n",
        "{{ figure tadamon-annual-budgets }}.\"\n",
    );
    let long = "Quel est votre statut professionnel exact aujourd’hui, au regard de la loi ?";
    site.replace(
        "data/guide.yaml",
        "fr: \"D’où vient votre pension ?\"",
        &format!("fr: \"{long}\""),
    );
    site.write(
        "content/guide.fr.md",
        "---\ntitle: \"Guide\"\ndescription: \"x\"\n---\n\nx\n",
    );
    site.write(
        "content/guide.ar.md",
        "---\ntitle: \"دليل\"\ndescription: \"x\"\n---\n\nx\n",
    );
    let line_of = |needle: &str| {
        site.read("data/guide.yaml")
            .lines()
            .position(|l| l.contains(needle))
            .unwrap()
            + 1
    };
    let out = site.build();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let figure = format!(
        "--> data/guide.yaml:{}:",
        line_of("tadamon-annual-budgets }}.\"")
    );
    assert!(
        err.contains("unknown indicator `tadamon-annual-budgets`") && err.contains(&figure),
        "{figure}\n{err}"
    );
    let title = format!("--> data/guide.yaml:{}:", line_of(long));
    assert!(
        err.contains("this fr title has 76 characters") && err.contains(&title),
        "{title}\n{err}"
    );
    assert!(
        err.contains("the page `guide` would be published where the guide of data/guide.yaml is"),
        "{err}"
    );
}
