//! End-to-end: the charts of the real default site, built into a temporary folder — two
//! layouts per chart, a tooltip on every marker and bar, one short source line, short and
//! full citations (page and JSON), the PNG's footer, the responsive embed code.

mod common;

use common::SiteCopy;

fn built() -> &'static SiteCopy {
    common::built_once()
}

fn chart_ids() -> Vec<String> {
    let json = built().output_file("data/datapackage.json");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mut ids: Vec<String> = v["resources"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["path"].as_str())
        .filter_map(|p| p.strip_prefix("charts/").or(p.strip_prefix("data/charts/")))
        .filter_map(|p| p.strip_suffix(".csv"))
        .map(str::to_string)
        .collect();
    ids.sort();
    ids
}

/// The `<figure>` of chart `id` on its embed page.
fn figure(lang: &str, id: &str) -> String {
    let html = built().output_file(&format!("embed/{lang}/{id}/index.html"));
    let start = html.find("<figure class=\"chart\"").expect("figure");
    let end = start + html[start..].find("</figure>").unwrap();
    html[start..end].to_string()
}

#[test]
fn every_chart_has_a_wide_and_a_narrow_drawing_with_a_tooltip_per_point() {
    let ids = chart_ids();
    assert!(ids.len() >= 8, "{ids:?}");
    for lang in ["ar", "fr"] {
        for id in &ids {
            let fig = figure(lang, id);
            let rows = fig.matches("<tr><td><time").count();
            assert!(rows > 0, "{id}: data table");
            for (layout, width) in [("wide", 720), ("narrow", 320)] {
                let class = format!("class=\"chart-svg chart-{layout}\" width=\"{width}\"");
                let start = fig.find(&class).unwrap_or_else(|| panic!("{id}: {layout}"));
                let start = fig[..start].rfind("<svg").unwrap();
                let end = start + fig[start..].find("</svg>").unwrap() + 6;
                let svg = &fig[start..end];
                let doc = roxmltree::Document::parse(svg).expect("SVG is XML");
                let marks: Vec<_> = doc
                    .descendants()
                    .filter(|n| n.attribute("class") == Some("mark"))
                    .collect();
                assert_eq!(
                    marks.len(),
                    rows,
                    "{lang} {id} {layout}: one mark per point"
                );
                for m in marks {
                    let tip = m
                        .children()
                        .find(|c| c.has_tag_name("title"))
                        .expect("title");
                    let tip = tip.text().unwrap_or_default();
                    let said = if lang == "fr" {
                        "(source\u{a0}: "
                    } else {
                        "(المصدر: "
                    };
                    assert!(
                        tip.contains(said) && tip.chars().any(|c| c.is_ascii_digit()),
                        "{tip}"
                    );
                }
                // Chart text in the text colour; sizes of the layout (14 units).
                for t in doc.descendants().filter(|n| n.has_tag_name("text")) {
                    assert_eq!(t.attribute("fill"), Some("#1F2933"), "{id}: {:?}", t.text());
                    let size: f64 = t.attribute("font-size").unwrap().parse().unwrap();
                    assert!(size >= 14.0, "{id} {layout}: font-size {size}");
                }
            }
        }
    }
}

#[test]
fn one_short_source_line_and_the_documents_in_the_details() {
    let fig = figure("fr", "national-coverage");
    let line = fig.split("<p class=\"chart-source\">").nth(1).unwrap();
    let line = &line[..line.find("</p>").unwrap()];
    assert!(line.starts_with("Source\u{a0}: "), "{line}");
    assert!(
        line.contains("Cour des comptes") && line.ends_with(" documents)"),
        "{line}"
    );
    assert_eq!(
        line.matches("Cour des comptes").count(),
        1,
        "each publisher once: {line}"
    );
    let about = fig
        .split("<details class=\"chart-about\">")
        .nth(1)
        .expect("details");
    let docs = about.matches("<li><a href=").count();
    let n: usize = line
        .rsplit('(')
        .next()
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(docs, n, "the line counts the documents listed");
    assert!(about.contains("class=\"chart-cite-full\""));
    assert!(
        fig.contains("class=\"chart-cite\""),
        "short citation under the chart"
    );
    let ar = figure("ar", "national-coverage");
    assert!(
        ar.contains("<p class=\"chart-source\">المصدر: "),
        "Arabic source line"
    );
}

#[test]
fn citations_short_and_full_in_the_json() {
    let json = built().output_file("data/charts/national-coverage.json");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let short = v["citation_short"]["fr"].as_str().unwrap();
    let full = v["citation"]["fr"].as_str().unwrap();
    assert!(short.contains(", via L’AMO en chiffres, "), "{short}");
    assert!(short.len() < 160, "short: {short}");
    assert!(full.contains("https://amo-site.example/fr/data/"), "{full}");
    for s in v["sources"].as_array().unwrap() {
        let title = s["title"]["fr"].as_str().unwrap();
        assert!(full.contains(title), "full citation lists {title}");
    }
    assert!(
        v["citation_short"]["ar"]
            .as_str()
            .unwrap()
            .contains("، عبر ")
    );
}

#[test]
fn png_and_svg_downloads_draw_the_short_line_and_the_address() {
    let svg = built().output_file("data/charts/national-coverage.fr.svg");
    assert!(svg.contains(">Source\u{a0}: "), "source line drawn");
    assert!(
        svg.contains(">https://amo-site.example</text>"),
        "site address drawn"
    );
    assert!(!svg.contains("Publié par"), "no citation wall");
    assert!(svg.contains("width=\"720\""), "the wide layout");
}

#[test]
fn embed_code_is_a_responsive_box_with_a_ratio_per_layout() {
    let fig = figure("fr", "coverage-growth");
    let code = fig.split("<textarea").nth(1).unwrap();
    assert!(code.contains("aspect-ratio:720/"), "{code}");
    assert!(
        code.contains("@container (max-width:659px){.amo-chart-coverage-growth{aspect-ratio:320/")
    );
    assert!(code.contains("container-type:inline-size"));
    assert!(code.contains("position:absolute;inset:0;width:100%;height:100%"));
    assert!(
        fig.contains("class=\"chart-embed-help\""),
        "documented next to the code"
    );
}

/// A chart lists each indicator's definition once (two series of one indicator share it,
/// under both labels) and none for a series with no point at a report's date.
#[test]
fn chart_definitions_are_listed_once_and_only_for_drawn_series() {
    let care = built().output_file("fr/care/index.html");
    let dd = "<dd>Nombre de dossiers de remboursement AMO déposés chaque jour";
    assert_eq!(
        care.matches(dd).count(),
        1,
        "one definition for cnss-daily-claims"
    );
    assert!(
        care.contains("<dt>Évaluation de la BAD et Gouvernement, 20\u{A0}février 2025</dt>")
            || care.contains("<dt>Évaluation de la BAD et Gouvernement, 20 février 2025</dt>"),
        "both labels on the shared definition"
    );
    // Achamil's only figures were published after 28 February 2025: the report's charts
    // draw no Achamil point, so they define no Achamil series; the current home page does.
    let report = built().output_file("fr/reports/2025-02-cnss-generalisation/index.html");
    assert!(!report.contains("<dt>AMO Achamil</dt>"));
    assert!(
        built()
            .output_file("fr/index.html")
            .contains("<dt>AMO Achamil</dt>")
    );
}
