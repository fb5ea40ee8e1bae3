//! Reports keep their figures as published (data vintages), are listed newest first, and are
//! syndicated as Atom feeds. On the frozen fixture site (`tests/fixtures/site`), built in
//! process; `new report` and `check` run the binary.

mod common;

use common::{BuiltFiles, SiteCopy};

const REPORT_2023: &str = "---\ntitle: \"Point d'étape 2023\"\ndescription: \"Où en était AMO Tadamon au printemps 2023.\"\nlayout: report\ndate: 2023-06-01\n---\n\nAMO Tadamon comptait {{ figure tadamon-beneficiaries }}.\n\n{{ chart coverage-growth }}\n";

/// The fixture with a second report, dated 2023-06-01, built in process.
fn site_with_2023_report() -> BuiltFiles {
    let site = SiteCopy::fixture();
    site.write("content/reports/2023-06-point.fr.md", REPORT_2023);
    site.write(
        "content/reports/2023-06-point.ar.md",
        &REPORT_2023
            .replace("Point d'étape 2023", "مرحلة 2023")
            .replace(
                "Où en était AMO Tadamon au printemps 2023.",
                "أين وصل أمو تضامن في ربيع 2023.",
            ),
    );
    site.built()
}

#[test]
fn a_2023_report_shows_2023_figures_and_points_to_newer_data() {
    let site = site_with_2023_report();
    let html = site.text("fr/reports/2023-06-point/index.html");
    // On 2023-06-01 the latest published figure was 9,6 million (Vitavox, 2023-05-05);
    // the 10,2 million of September 2023 and everything later were not out yet.
    assert!(
        html.contains("<data value=\"9600000\">9,6\u{A0}millions de bénéficiaires</data>")
            || html.contains("<data value=\"9600000\">9,6 millions de bénéficiaires</data>"),
        "vintage figure"
    );
    assert!(
        !html.contains("<data value=\"11400000\">"),
        "no later figure inline"
    );
    assert!(
        html.contains("class=\"updated-since\""),
        "link to the newer figure"
    );
    // The newer figure is said in the figure's source note, with its date phrase.
    let notes = &html[html.find("<section class=\"notes\"").expect("notes")..];
    assert!(
        notes.contains("Chiffre plus récent\u{A0}: plus de 11,4\u{a0}millions de bénéficiaires en <time datetime=\"2025-07\">juillet 2025</time>."),
        "{notes}"
    );
    // The chart in the report stops at the vintage too.
    let figure = figure(&html, "coverage-growth");
    assert!(figure.contains("datetime=\"2023-04-10\""));
    assert!(
        !figure.contains("datetime=\"2023-09-26\""),
        "chart shows only what was published by the report date"
    );
    assert!(
        figure.contains("Chiffres tels qu’ils étaient connus le 1 juin 2023")
            || figure.contains("Chiffres tels qu’ils étaient connus le 1er juin 2023"),
        "{}",
        &figure[figure.len().saturating_sub(600)..]
    );
    // The same chart elsewhere keeps all the data.
    let page = site.text("fr/index.html");
    assert!(figure_in(&page, "coverage-growth").contains("datetime=\"2025-07\""));
}

/// The `<figure>` of chart `id` in a page, as an owned string.
fn figure_in(html: &str, id: &str) -> String {
    figure(html, id).to_string()
}

#[test]
fn reports_are_listed_newest_first_and_in_the_feed() {
    let site = site_with_2023_report();
    let index = site.text("fr/reports/index.html");
    let new = index
        .find("/fr/reports/2025-02-council-briefing/")
        .expect("newest listed");
    let old = index
        .find("/fr/reports/2023-06-point/")
        .expect("2023 report listed");
    assert!(new < old, "newest first");
    let home = site.text("ar/index.html");
    assert!(
        home.contains("/ar/reports/2025-02-council-briefing/"),
        "latest reports on the home page"
    );

    for lang in ["ar", "fr"] {
        let xml = site.text(&format!("{lang}/feed.xml"));
        let doc = roxmltree::Document::parse(&xml).expect("feed is XML");
        let feed = doc.root_element();
        assert_eq!(
            feed.tag_name().namespace(),
            Some("http://www.w3.org/2005/Atom")
        );
        assert_eq!(
            feed.attribute(("http://www.w3.org/XML/1998/namespace", "lang")),
            Some(if lang == "ar" { "ar-MA" } else { "fr-MA" })
        );
        for required in ["id", "title", "updated", "author"] {
            assert!(
                feed.children().any(|n| n.has_tag_name(required)),
                "feed lacks <{required}>"
            );
        }
        assert!(
            feed.children()
                .any(|n| n.has_tag_name("link") && n.attribute("rel") == Some("self"))
        );
        let entries: Vec<_> = feed
            .children()
            .filter(|n| n.has_tag_name("entry"))
            .collect();
        assert_eq!(entries.len(), 2);
        for e in &entries {
            for required in ["id", "title", "updated", "link"] {
                assert!(
                    e.children().any(|n| n.has_tag_name(required)),
                    "entry lacks <{required}>"
                );
            }
        }
        let updated = feed
            .children()
            .find(|n| n.has_tag_name("updated"))
            .unwrap()
            .text()
            .unwrap();
        assert_eq!(updated, "2025-02-21T00:00:00Z", "the newest report's date");
        let page = site.text(&format!("{lang}/index.html"));
        assert!(page.contains(&format!(
            "type=\"application/atom+xml\" href=\"/{lang}/feed.xml\""
        )));
    }
}

#[test]
fn a_report_without_a_date_is_a_located_error() {
    let site = SiteCopy::fixture();
    site.replace(
        "content/reports/2025-02-council-briefing.fr.md",
        "date: 2025-02-21\n",
        "",
    );
    common::assert_problems(
        &site.problems(),
        &[(
            "content/reports/2025-02-council-briefing.fr.md:5:9",
            "a report needs a `date:`",
        )],
    );
}

#[test]
fn every_language_has_a_404_page_with_the_site_navigation() {
    let site = SiteCopy::fixture().built();
    for (lang, dir) in [("ar", "rtl"), ("fr", "ltr")] {
        let html = site.text(&format!("{lang}/404.html"));
        assert!(html.contains(&format!("dir=\"{dir}\"")));
        assert!(html.contains(&format!("href=\"/{lang}/\"")));
        assert!(html.contains("property=\"og:title\""));
    }
}

#[test]
fn new_report_creates_both_languages_that_build() {
    let site = SiteCopy::fixture();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_amo-site"))
        .args([
            "new",
            "report",
            "Bilan de l'été",
            "--date",
            "2025-08-01",
            "--root",
        ])
        .arg(site.root())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", common::stderr(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("content/reports/2025-08-bilan-de-l-ete.fr.md"),
        "{stdout}"
    );
    assert!(
        stdout.contains("content/reports/2025-08-bilan-de-l-ete.ar.md"),
        "{stdout}"
    );
    let page = site
        .built()
        .text("fr/reports/2025-08-bilan-de-l-ete/index.html");
    assert!(page.contains("Bilan de l&#39;été") || page.contains("Bilan de l’été"));
    // A second time: refused, nothing overwritten.
    let again = std::process::Command::new(env!("CARGO_BIN_EXE_amo-site"))
        .args([
            "new",
            "report",
            "Bilan de l'été",
            "--date",
            "2025-08-02",
            "--root",
        ])
        .arg(site.root())
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(1));
    assert!(common::stderr(&again).contains("already used by"));
}

#[test]
fn check_finds_a_planted_broken_link_and_anchor_with_their_position() {
    let site = SiteCopy::fixture();
    site.replace("content/about.fr.md", "## Réutiliser les données", "Voir [la page disparue](/fr/disparue/) et [une section](/fr/data/#nulle-part).\n\n## Réutiliser les données");
    let run = |root: &std::path::Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_amo-site"))
            .args(["check", "--root"])
            .arg(root)
            .output()
            .unwrap()
    };
    let out = run(site.root());
    assert_eq!(out.status.code(), Some(1));
    let err = common::stderr(&out);
    assert!(err.contains("broken link `/fr/disparue/`"), "{err}");
    assert!(
        err.contains("broken anchor `/fr/data/#nulle-part`"),
        "{err}"
    );
    assert!(
        err.contains("content/about.fr.md:"),
        "located in the Markdown: {err}"
    );
    assert!(err.contains("2 problems found"), "{err}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("external links (listed, not fetched)"),
        "{stdout}"
    );
    assert!(
        !stdout.contains("https://amo-site.example/"),
        "the site's own absolute links are internal"
    );

    // The shipped site, as the editors left it, has no broken link (a smoke test).
    let clean = SiteCopy::new();
    let ok = run(clean.root());
    assert!(ok.status.success(), "{}", common::stderr(&ok));
    assert!(!clean.out().exists(), "check writes nothing");
}

#[test]
fn feeds_parse_with_a_real_atom_parser() {
    let site = SiteCopy::fixture().built();
    for lang in ["ar", "fr"] {
        let xml = site.text(&format!("{lang}/feed.xml"));
        let feed = feed_rs::parser::parse(xml.as_bytes()).expect("valid Atom");
        assert_eq!(feed.feed_type, feed_rs::model::FeedType::Atom);
        assert_eq!(feed.entries.len(), 1, "the fixture's one report");
        assert!(feed.updated.is_some());
        assert!(!feed.authors.is_empty());
        assert_eq!(
            feed.language.as_deref(),
            Some(if lang == "ar" { "ar-MA" } else { "fr-MA" })
        );
        let first = &feed.entries[0];
        assert!(
            first.links[0]
                .href
                .starts_with(&format!("https://amo-site.example/{lang}/reports/"))
        );
        assert!(first.published.is_some() && first.summary.is_some());
    }
}

/// A report of 21 February 2025 whose figures are as of 1 June 2023 (`figures_as_of`),
/// in both languages, placing the fixture's line and bar charts.
fn fixture_with_an_as_of_report() -> SiteCopy {
    let site = SiteCopy::fixture();
    let fr = "---\ntitle: \"Retour sur 2023\"\ndescription: \"Les chiffres d’AMO Tadamon tels qu’on les connaissait en juin 2023.\"\nlayout: report\ndate: 2025-02-21\nfigures_as_of: 2023-06-01\n---\n\nAMO Tadamon comptait {{ figure tadamon-beneficiaries }}.\n\n{{ chart coverage-growth }}\n\n{{ chart regimes-latest }}\n";
    let ar = fr
        .replace("Retour sur 2023", "عودة إلى 2023")
        .replace(
            "Les chiffres d’AMO Tadamon tels qu’on les connaissait en juin 2023.",
            "أرقام أمو تضامن كما كانت معروفة في يونيو 2023.",
        )
        .replace("AMO Tadamon comptait", "ضم أمو تضامن");
    site.write("content/reports/2025-02-as-of.fr.md", fr);
    site.write("content/reports/2025-02-as-of.ar.md", &ar);
    site
}

/// The `<figure>` of chart `id` in a page.
fn figure<'h>(html: &'h str, id: &str) -> &'h str {
    let start = html
        .find(&format!("id=\"figure-{id}\""))
        .unwrap_or_else(|| panic!("no figure {id}"));
    let rest = &html[start..];
    &rest[..rest.find("</figure>").unwrap()]
}

#[test]
fn figures_as_of_sets_the_figures_date_and_the_report_keeps_its_own() {
    let built = fixture_with_an_as_of_report().built();
    let html = built.text("fr/reports/2025-02-as-of/index.html");
    // On 1 June 2023 the latest published figure was 9,6 millions (Vitavox, 5 May 2023);
    // on the report's date it was 11,1 millions (20 February 2025).
    assert!(
        html.contains("<data value=\"9600000\">9,6\u{A0}millions de bénéficiaires</data>")
            || html.contains("<data value=\"9600000\">9,6 millions de bénéficiaires</data>"),
        "figure as of figures_as_of"
    );
    assert!(
        !html.contains("<data value=\"11100000\">"),
        "figure as of date"
    );
    // The report is dated by `date`, and says its figures are as of `figures_as_of`, in
    // its header and under each chart.
    assert!(
        html.contains("<time datetime=\"2025-02-21\">"),
        "report date"
    );
    assert!(
        html.matches("Chiffres tels qu’ils étaient connus le 1er juin 2023")
            .count()
            >= 3,
        "header and both charts"
    );
    let line = figure(&html, "coverage-growth");
    assert!(line.contains("datetime=\"2023-04-10\""));
    assert!(!line.contains("datetime=\"2023-09-26\""), "published later");
    // Listed by its date, not its figures' date: after the report of 2025-02-21 by key.
    let index = built.text("fr/reports/index.html");
    let item = &index[index.find("/fr/reports/2025-02-as-of/").expect("listed")..];
    assert!(item[..item.find("</li>").unwrap()].contains("datetime=\"2025-02-21\""));
    // The Arabic version shows the same vintage.
    let ar = built.text("ar/reports/2025-02-as-of/index.html");
    assert!(ar.contains("<data value=\"9600000\">"), "Arabic vintage");
    assert!(!ar.contains("<data value=\"11100000\">"));
}

/// A bar chart of latest values in a report shows the latest value known on the report's
/// date; the same chart elsewhere shows today's; two reports, two vintages.
#[test]
fn a_bar_chart_in_a_report_shows_the_values_known_on_its_date() {
    let built = fixture_with_an_as_of_report().built();
    let values = |page: &str| {
        let html = built.text(page);
        let bar = figure(&html, "regimes-latest").to_string();
        ["9600000", "11100000", "11400000", "3680000", "3857601"]
            .into_iter()
            .filter(|v| bar.contains(&format!("<data value=\"{v}\">")))
            .collect::<Vec<_>>()
    };
    // Today: AMO Tadamon at least 11,4 millions (July 2025), TNS 3 857 601 (2023-09-26).
    assert_eq!(values("fr/index.html"), ["11400000", "3857601"]);
    // On 21 February 2025: about 11,1 millions, revised since.
    assert_eq!(
        values("fr/reports/2025-02-council-briefing/index.html"),
        ["11100000", "3857601"]
    );
    // As of 1 June 2023: 9,6 millions and 3,68 millions (December 2022).
    assert_eq!(
        values("fr/reports/2025-02-as-of/index.html"),
        ["9600000", "3680000"]
    );
    assert_eq!(
        values("ar/reports/2025-02-as-of/index.html"),
        ["9600000", "3680000"]
    );
    // A vintage chart has no downloads (they carry today's data); today's chart has them.
    let report = built.text("fr/reports/2025-02-as-of/index.html");
    assert!(!figure(&report, "regimes-latest").contains("regimes-latest.csv"));
    let home = built.text("fr/index.html");
    assert!(figure(&home, "regimes-latest").contains("regimes-latest.csv"));
}
