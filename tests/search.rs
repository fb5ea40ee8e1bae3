//! End-to-end: the search files of the real default site, built into a temporary folder and
//! read back: the A–Z page links every page and indicator, every page has the header search
//! box, and the index of each language is complete, chunked and consistent.

mod common;

use common::{SiteCopy, files_under};
use serde_json::Value;

fn built() -> &'static SiteCopy {
    common::built_once()
}

fn hrefs(html: &str) -> Vec<&str> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect()
}

#[test]
fn a_to_z_links_every_page_and_indicator() {
    let site = built();
    let indicators: Vec<String> = files_under(&site.out().join("data/indicators"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(indicators.len() > 20);
    for lang in ["ar", "fr"] {
        let az = site.output_file(&format!("{lang}/a-z/index.html"));
        let main = &az[az.find("<main").unwrap()..az.find("</main>").unwrap()];
        let links = hrefs(main);
        let pages: Vec<String> = files_under(&site.out().join(lang))
            .into_iter()
            .filter(|p| p.file_name().is_some_and(|n| n == "index.html"))
            .map(|p| {
                let dir = p.parent().unwrap().to_string_lossy().into_owned();
                if dir.is_empty() {
                    format!("/{lang}/")
                } else {
                    format!("/{lang}/{dir}/")
                }
            })
            .filter(|u| !u.ends_with("/search/") && !u.ends_with("/a-z/"))
            .collect();
        assert!(pages.len() > 10, "{pages:?}");
        for p in &pages {
            assert!(links.contains(&p.as_str()), "{lang}/a-z/ does not link {p}");
        }
        for id in &indicators {
            let href = format!("/{lang}/data/#indicator-{id}");
            assert!(
                links.contains(&href.as_str()),
                "{lang}/a-z/ does not link {href}"
            );
        }
    }
}

#[test]
fn every_page_has_the_search_box_of_its_language() {
    let site = built();
    for lang in ["ar", "fr"] {
        for p in files_under(&site.out().join(lang))
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "html"))
        {
            let html = site.output_file(&format!("{lang}/{}", p.to_string_lossy()));
            let action =
                format!("<form class=\"site-search\" role=\"search\" action=\"/{lang}/search/\"");
            assert!(html.contains(&action), "{lang}/{}", p.display());
            assert!(
                html.contains(
                    "<input type=\"search\" id=\"site-search-q\" name=\"q\" dir=\"auto\""
                )
            );
        }
    }
    let ar = site.output_file("ar/search/index.html");
    assert!(
        ar.contains("<label for=\"search-q\">ابحث في الموقع</label>"),
        "{ar}"
    );
    assert!(ar.contains("role=\"status\" aria-live=\"polite\""));
    assert!(ar.contains("data-count-two=\"نتيجتان عن «{q}»\""));
    let fr = site.output_file("fr/search/index.html");
    assert!(
        fr.contains("<a href=\"/fr/a-z/\">Index de A à Z</a>"),
        "{fr}"
    );
}

#[test]
fn each_language_has_a_complete_chunked_index() {
    let site = built();
    let js = site.output_file("search/normalise.js");
    assert!(
        js.contains("\"ة\":\"ه\"") && js.contains("AmoNormalise"),
        "{js}"
    );
    for lang in ["ar", "fr"] {
        let meta: Value =
            serde_json::from_str(&site.output_file(&format!("search/{lang}/meta.json"))).unwrap();
        let docs = meta["docs"].as_array().unwrap();
        // Pages, charts, indicators and sources, each with a URL, a title, a kind, a text chunk.
        assert!(docs.len() > 60, "{}", docs.len());
        assert!(
            docs.iter()
                .any(|d| d[0] == format!("/{lang}/regimes/tadamon/"))
        );
        assert!(docs.iter().any(|d| {
            d[0].as_str()
                .unwrap()
                .contains("#indicator-tadamon-beneficiaries")
        }));
        assert!(
            docs.iter()
                .any(|d| d[0].as_str().unwrap().contains("#chart-"))
        );
        assert!(
            docs.iter()
                .any(|d| d[0].as_str().unwrap().contains("#source-"))
        );
        // page, regime, report, data, chart, dataset, source, guide
        assert_eq!(meta["kinds"].as_array().unwrap().len(), 8);
        assert!(
            docs.iter()
                .any(|d| d[0] == format!("/{lang}/guide/") && d[2] == 7)
        );
        check_chunks(site, lang, &meta, docs.len());
        for d in docs {
            let x: Value =
                serde_json::from_str(&site.output_file(&format!("search/{lang}/x/{}.json", d[3])))
                    .unwrap();
            assert!(x.as_array().is_some_and(|a| !a.is_empty()));
        }
    }
    check_prefixed_and_stemmed_terms(site);
}

/// Every chunk named in `meta.json` exists, holds only terms under its key, and points at
/// documents that exist.
fn check_chunks(site: &SiteCopy, lang: &str, meta: &Value, docs: usize) {
    let chunks = meta["chunks"].as_array().unwrap();
    assert!(chunks.len() > 10, "{chunks:?}");
    let mut terms = 0;
    {
        for key in chunks {
            let name: Vec<String> = key
                .as_str()
                .unwrap()
                .chars()
                .map(|c| format!("{:04x}", c as u32))
                .collect();
            let chunk: Value = serde_json::from_str(
                &site.output_file(&format!("search/{lang}/t/{}.json", name.join("-"))),
            )
            .unwrap();
            for (term, postings) in chunk.as_object().unwrap() {
                assert!(
                    term.starts_with(key.as_str().unwrap()),
                    "{term} in chunk {key}"
                );
                // [gap, score, …]: document numbers as gaps from the one before.
                let p = postings.as_array().unwrap();
                assert!(p.len() % 2 == 0 && !p.is_empty(), "{term}: {p:?}");
                let gaps: Vec<u64> = p.chunks(2).map(|d| d[0].as_u64().unwrap()).collect();
                assert!(
                    gaps.iter().skip(1).all(|&g| g > 0),
                    "{term}: documents in increasing order, each once: {gaps:?}"
                );
                assert!(
                    (gaps.iter().sum::<u64>() as usize) < docs,
                    "{term}: {gaps:?}"
                );
                terms += 1;
            }
        }
        assert!(terms > 500, "{terms}");
    }
}

fn check_prefixed_and_stemmed_terms(site: &SiteCopy) {
    // Arabic words are indexed as written and without their prefix; French ones with a stem.
    let all = |lang: &str| -> String {
        files_under(&site.out().join(format!("search/{lang}/t")))
            .iter()
            .map(|p| site.output_file(&format!("search/{lang}/t/{}", p.display())))
            .collect()
    };
    let all_ar = all("ar");
    for term in [
        "\"تضامن\"",
        "\"التامين\"",
        "\"تامين\"",
        "\"الاجباري\"",
        "\"24.7\"",
    ] {
        assert!(all_ar.contains(term), "{term}");
    }
    let all_fr = all("fr");
    assert!(all_fr.contains("\"rembours\"") && all_fr.contains("\"24.7\""));
}
