//! End-to-end: build the real default site into a temporary folder and read it back.

mod common;

use amo_site::diagnostics::Diagnostics;
use common::{SiteCopy, files_under};
use std::collections::BTreeMap;

/// One build shared by the tests of this file.
fn built() -> &'static SiteCopy {
    common::built_once()
}

fn pages(lang: &str) -> Vec<String> {
    let site = built();
    files_under(&site.out().join(lang))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .map(|p| format!("{lang}/{}", p.to_string_lossy()))
        .collect()
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let i = tag.find(&key)? + key.len();
    tag[i..].split('"').next()
}

/// The opening tags `<name ...>` in `html`.
fn tags<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name}");
    html.match_indices(&open)
        .filter(|(i, _)| html[i + open.len()..].starts_with([' ', '>', '\n']))
        .map(|(i, _)| &html[i..i + html[i..].find('>').unwrap() + 1])
        .collect()
}

#[test]
fn both_languages_have_the_same_pages() {
    let ar: Vec<String> = pages("ar").iter().map(|p| p[3..].to_string()).collect();
    let fr: Vec<String> = pages("fr").iter().map(|p| p[3..].to_string()).collect();
    assert_eq!(ar, fr);
    for expected in [
        "index.html",
        "coverage/index.html",
        "care/index.html",
        "data/index.html",
        "about/index.html",
        "regimes/tadamon/index.html",
        "regimes/tns/index.html",
        "regimes/salaries/index.html",
        "regimes/achamil/index.html",
    ] {
        assert!(
            ar.iter().any(|p| p == expected),
            "missing {expected}: {ar:?}"
        );
    }
}

#[test]
fn every_page_declares_language_direction_and_links_to_its_counterpart() {
    let site = built();
    for (lang, locale, dir, other) in [("ar", "ar-MA", "rtl", "fr"), ("fr", "fr-MA", "ltr", "ar")] {
        for page in pages(lang) {
            let html = site.output_file(&page);
            let html_tag = tags(&html, "html")[0];
            assert_eq!(attr(html_tag, "lang"), Some(locale), "{page}");
            assert_eq!(attr(html_tag, "dir"), Some(dir), "{page}");
            assert_eq!(tags(&html, "h1").len(), 1, "{page} must have one h1");
            assert!(
                html.contains("class=\"skip-link\" href=\"#main\""),
                "{page} skip link"
            );
            assert!(html.contains("<main id=\"main\""), "{page} main target");
            // Only the search page runs scripts (the index lookup); it works without them too.
            let scripts_allowed = page.ends_with("/search/index.html");
            assert!(
                !html.contains("__livereload")
                    && (scripts_allowed || !html.contains("<script src")),
                "{page}: build output carries no script"
            );
            let path = format!("/{}", page.trim_end_matches("index.html"));
            let counterpart = path.replacen(&format!("/{lang}/"), &format!("/{other}/"), 1);
            let switch = tags(&html, "a")
                .into_iter()
                .find(|a| attr(a, "hreflang") == Some(other))
                .unwrap_or_else(|| panic!("{page}: no language switch"));
            assert_eq!(attr(switch, "href"), Some(counterpart.as_str()), "{page}");
            // Reciprocal alternates with absolute URLs, plus x-default.
            let alternates: BTreeMap<&str, &str> = tags(&html, "link")
                .into_iter()
                .filter(|l| attr(l, "rel") == Some("alternate"))
                .filter_map(|l| Some((attr(l, "hreflang")?, attr(l, "href")?)))
                .collect();
            assert_eq!(
                alternates.get(lang).copied(),
                Some(format!("https://amo-site.example{path}").as_str()),
                "{page}"
            );
            assert_eq!(
                alternates.get(other).copied(),
                Some(format!("https://amo-site.example{counterpart}").as_str()),
                "{page}"
            );
            assert_eq!(
                alternates.get("x-default").copied(),
                Some("https://amo-site.example/"),
                "{page}"
            );
        }
    }
}

#[test]
fn root_page_offers_both_languages_without_redirect() {
    let html = built().output_file("index.html");
    assert!(html.contains("href=\"/ar/\""));
    assert!(html.contains("href=\"/fr/\""));
    assert!(!html.contains("http-equiv=\"refresh\""));
    assert!(!html.contains("<script"));
}

#[test]
fn headline_figure_is_formatted_for_each_language() {
    let site = built();
    let ar = site.output_file("ar/index.html");
    let fr = site.output_file("fr/index.html");
    assert!(
        ar.contains("<data value=\"31940000\">31,94 مليون</data>"),
        "ar headline"
    );
    assert!(
        fr.contains("<data value=\"31940000\">31,94\u{a0}millions</data>"),
        "fr headline"
    );
    assert!(ar.contains("<data value=\"24700000\">أكثر من 24,7 مليون</data>"));
    assert!(fr.contains("<data value=\"24700000\">plus de 24,7\u{a0}millions</data>"));
    assert!(
        ar.contains("87\u{200E}%\u{200E}"),
        "Arabic percent keeps CLDR marks in HTML"
    );
    // Inline figures carry their noun and a note reference to their source and date.
    assert!(
        fr.contains("31,94\u{a0}millions de personnes</data><sup class=\"note-ref\"><a id=\"note-ref-1\" href=\"#note-1\" aria-label=\"source 1\">1</a></sup>"),
        "fr inline figure"
    );
    assert!(fr.contains(
        "<li id=\"note-1\"><a href=\"/fr/data/#source-cdc-2025-hespress\">Cour des comptes</a>"
    ));
    // Latin runs inside Arabic are isolated.
    let tadamon = site.output_file("ar/regimes/tadamon/index.html");
    assert!(
        tadamon.contains("<span dir=\"ltr\">65-00</span>"),
        "law number isolated"
    );
}

#[test]
fn charts_are_well_formed_accessible_svg() {
    let site = built();
    let mut seen = 0;
    for lang in ["ar", "fr"] {
        for page in pages(lang) {
            let html = site.output_file(&page);
            for (start, _) in html.match_indices("<svg ") {
                let end = start + html[start..].find("</svg>").unwrap() + "</svg>".len();
                let svg = &html[start..end];
                if svg.starts_with("<svg class=\"spark\"") {
                    // A decorative sparkline: hidden from screen readers, still well-formed.
                    assert!(svg.contains("aria-hidden=\"true\""), "{page}");
                    roxmltree::Document::parse(svg)
                        .unwrap_or_else(|e| panic!("{page}: sparkline is not XML: {e}"));
                    continue;
                }
                let doc = roxmltree::Document::parse(svg)
                    .unwrap_or_else(|e| panic!("{page}: SVG is not XML: {e}"));
                let root = doc.root_element();
                assert_eq!(root.attribute("role"), Some("img"), "{page}");
                assert_eq!(root.attribute("direction"), Some("ltr"), "{page}");
                let title = root
                    .children()
                    .find(|n| n.has_tag_name("title"))
                    .expect("svg title");
                assert!(
                    title.text().is_some_and(|t| t.trim().len() > 5),
                    "{page}: empty title"
                );
                let desc = root
                    .children()
                    .find(|n| n.has_tag_name("desc"))
                    .expect("svg desc");
                let labelled = root.attribute("aria-labelledby").unwrap();
                assert!(
                    labelled.contains(title.attribute("id").unwrap())
                        && labelled.contains(desc.attribute("id").unwrap())
                );
                if lang == "ar" {
                    // Arabic labels are wrapped in RLI…PDI so they render in reading order.
                    assert!(
                        svg.contains("\u{2067}"),
                        "{page}: Arabic SVG labels not isolated"
                    );
                }
                seen += 1;
            }
        }
    }
    assert!(seen >= 10, "expected charts on several pages, saw {seen}");
    let home = site.output_file("fr/index.html");
    assert!(
        home.contains("id=\"figure-coverage-growth\""),
        "coverage-growth chart on the home page"
    );
    assert!(
        home.contains("<details class=\"chart-table\">"),
        "data table under the chart"
    );
}

#[test]
fn csv_downloads_parse_and_equal_the_yaml() {
    let site = built();
    let mut diags = Diagnostics::new();
    let data = amo_site::data::load(&common::repo(), &mut diags);
    assert!(diags.is_empty());
    for ind in data.indicators.values() {
        let text = site.output_file(&format!("data/indicators/{}.csv", ind.id));
        assert!(!text.starts_with('\u{FEFF}'), "no BOM");
        assert!(text.contains("\r\n"), "CRLF line ends");
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let headers: Vec<String> = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_string)
            .collect();
        assert_eq!(headers, amo_site::exports::CSV_HEADER);
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), ind.observations.len(), "{}", ind.id);
        for (row, obs) in rows.iter().zip(&ind.observations) {
            assert_eq!(&row[0], obs.date.iso());
            assert_eq!(&row[1], ind.id);
            assert_eq!(
                row[3].parse::<f64>().unwrap(),
                obs.value,
                "{} {}",
                ind.id,
                &row[0]
            );
            assert_eq!(&row[4], ind.unit.code());
            assert_eq!(&row[5], obs.qualifier.code());
            assert_eq!(&row[6], obs.source);
        }
    }
    for chart in data.charts.values() {
        let text = site.output_file(&format!("data/charts/{}.csv", chart.id));
        let rows = csv::Reader::from_reader(text.as_bytes()).records().count();
        let expected: usize = chart
            .series
            .iter()
            .map(|s| data.series_points(s).len())
            .sum();
        assert_eq!(rows, expected, "{}", chart.id);
        let json: serde_json::Value =
            serde_json::from_str(&site.output_file(&format!("data/charts/{}.json", chart.id)))
                .unwrap();
        assert_eq!(json["id"], chart.id.as_str());
        assert!(json["title"]["ar"].as_str().is_some_and(|t| !t.is_empty()));
        assert!(json["sources"].as_array().is_some_and(|s| !s.is_empty()));
    }
}

#[test]
fn machine_readable_files_carry_no_invisible_direction_marks() {
    let site = built();
    for file in files_under(&site.out().join("data")) {
        if !matches!(
            file.extension().and_then(|e| e.to_str()),
            Some("csv" | "json")
        ) {
            continue;
        }
        let text = site.output_file(&format!("data/{}", file.display()));
        for mark in [
            '\u{200E}', '\u{200F}', '\u{061C}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
        ] {
            assert!(
                !text.contains(mark),
                "{} contains U+{:04X}",
                file.display(),
                mark as u32
            );
        }
    }
}

#[test]
fn every_chart_download_linked_from_a_page_exists() {
    let site = built();
    for lang in ["ar", "fr"] {
        for page in pages(lang) {
            let html = site.output_file(&page);
            for a in tags(&html, "a") {
                let Some(href) = attr(a, "href") else {
                    continue;
                };
                if href.starts_with("/data/") || href.starts_with("/static/") {
                    assert!(
                        site.out().join(&href[1..]).is_file(),
                        "{page} links to missing {href}"
                    );
                }
                if let Some(path) = href
                    .strip_prefix('/')
                    .filter(|h| h.starts_with("ar/") || h.starts_with("fr/"))
                {
                    let file = path.split('#').next().unwrap();
                    assert!(
                        site.out().join(file).join("index.html").is_file()
                            || site.out().join(file).is_file(),
                        "{page} links to missing {href}"
                    );
                }
            }
        }
    }
}

#[test]
fn a_page_may_fall_back_to_the_other_language_with_a_notice() {
    let site = SiteCopy::new();
    site.write(
        "content/glossary.fr.md",
        "---\ntitle: \"Glossaire\"\ndescription: \"Les mots de l'AMO.\"\nfallback_for: [ar]\n---\n\n## Droits ouverts\n\nUn assuré peut être remboursé.\n",
    );
    let out = site.build();
    assert!(out.status.success(), "{}", common::stderr(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(
            "note: content/glossary.fr.md has no ar version: /ar/glossary/ shows the fr text"
        ),
        "{stdout}"
    );
    let ar = site.output_file("ar/glossary/index.html");
    assert!(ar.contains("<html lang=\"ar-MA\" dir=\"rtl\">"));
    assert!(
        ar.contains("class=\"notice\" role=\"note\""),
        "visible notice"
    );
    assert!(
        ar.contains("<article lang=\"fr-MA\" dir=\"ltr\">"),
        "content language set"
    );
    assert!(ar.contains("Un assuré peut être remboursé."));
    let fr = site.output_file("fr/glossary/index.html");
    assert!(!fr.contains("class=\"notice\""));
}

#[test]
fn sitemap_parses_and_lists_both_languages_with_alternates() {
    let site = built();
    let xml = site.output_file("sitemap.xml");
    let doc = roxmltree::Document::parse(&xml).expect("sitemap is XML");
    let urls: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("url"))
        .collect();
    let locs: Vec<&str> = urls
        .iter()
        .filter_map(|u| {
            u.children()
                .find(|c| c.has_tag_name("loc"))
                .and_then(|l| l.text())
        })
        .collect();
    let listed = |lang: &str| {
        pages(lang)
            .into_iter()
            .filter(|p| !p.ends_with("404.html"))
            // The search and A–Z pages are made by `search`, after the sitemap.
            .filter(|p| !p.ends_with("/search/index.html") && !p.ends_with("/a-z/index.html"))
            .count()
    };
    let html_pages = listed("ar") + listed("fr") + 1;
    assert_eq!(locs.len(), html_pages, "one <url> per page");
    assert!(locs.contains(&"https://amo-site.example/ar/regimes/tadamon/"));
    assert!(locs.contains(&"https://amo-site.example/fr/regimes/tadamon/"));
    for u in &urls {
        let langs: Vec<&str> = u
            .children()
            .filter(|c| c.tag_name().name() == "link")
            .filter_map(|l| l.attribute("hreflang"))
            .collect();
        assert_eq!(langs, ["ar", "fr", "x-default"]);
    }
    assert!(
        site.output_file("robots.txt")
            .contains("Sitemap: https://amo-site.example/sitemap.xml")
    );
}

#[test]
fn attributes_that_machines_read_carry_no_direction_marks() {
    let site = built();
    for lang in ["ar", "fr"] {
        for page in pages(lang) {
            let html = site.output_file(&page);
            for (i, _) in html.match_indices("=\"") {
                let value = html[i + 2..].split('"').next().unwrap();
                assert!(
                    !value.contains(['\u{200E}', '\u{200F}', '\u{061C}']),
                    "{page}: attribute value {value:?} holds a direction mark"
                );
            }
        }
    }
}

#[test]
fn stylesheet_uses_logical_properties_only() {
    let css = std::fs::read_to_string(common::repo().join("static/css/site.css")).unwrap();
    for bad in [
        "margin-left",
        "margin-right",
        "padding-left",
        "padding-right",
        "border-left",
        "border-right",
        " left:",
        " right:",
        "text-align: left",
        "text-align: right",
        "direction:",
    ] {
        assert!(!css.contains(bad), "site.css uses the physical `{bad}`");
    }
}

#[test]
fn png_downloads_decode_with_the_expected_size_and_a_drawn_title() {
    let site = built();
    for lang in ["ar", "fr"] {
        let bytes = std::fs::read(
            site.out()
                .join(format!("data/charts/coverage-growth.{lang}.png")),
        )
        .unwrap();
        let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        decoder.set_transformations(png::Transformations::EXPAND);
        let mut reader = decoder.read_info().expect("PNG decodes");
        assert_eq!(
            reader.info().color_type,
            png::ColorType::Indexed,
            "{lang}: a chart of few colours is written as an indexed image"
        );
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        assert_eq!(info.width, 1440, "drawn at twice the 720 px SVG width");
        assert!(info.height > 700);
        // The title is drawn in the top band, at the reading-start side: dark pixels there.
        let channels = info.color_type.samples();
        let dark_in = |x0: u32, x1: u32| {
            (10..70)
                .flat_map(|y| (x0..x1).map(move |x| (x, y)))
                .filter(|&(x, y)| {
                    let i = ((y * info.width + x) as usize) * channels;
                    buf[i] < 100 && buf[i + 1] < 100 && buf[i + 2] < 100
                })
                .count()
        };
        let (start, end) = if lang == "ar" {
            (1000, 1420)
        } else {
            (20, 440)
        };
        assert!(
            dark_in(start, end) > 500,
            "{lang}: no title pixels at the reading start"
        );
    }
}

#[test]
fn xlsx_workbooks_open_with_the_right_cells_and_direction() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let site = built();
    let mut diags = Diagnostics::new();
    let data = amo_site::data::load(&common::repo(), &mut diags);
    let ind = &data.indicators["tadamon-beneficiaries"];
    for lang in ["ar", "fr"] {
        let path = site
            .out()
            .join(format!("data/indicators/tadamon-beneficiaries.{lang}.xlsx"));
        let mut wb: Xlsx<_> = open_workbook(&path).expect("workbook opens");
        let names = wb.sheet_names().to_vec();
        assert_eq!(names.len(), 2, "{names:?}");
        let range = wb.worksheet_range(&names[0]).unwrap();
        assert_eq!(range.height(), ind.observations.len() + 1);
        for (r, o) in ind.observations.iter().enumerate() {
            assert_eq!(range.get((r + 1, 0)), Some(&Data::String(o.date.iso())));
            assert_eq!(range.get((r + 1, 2)), Some(&Data::Float(o.value)));
        }
        let about = wb.worksheet_range(&names[1]).unwrap();
        let text: Vec<String> = about
            .rows()
            .flat_map(|r| r.iter().map(|c| c.to_string()))
            .collect();
        assert!(
            text.iter()
                .any(|t| t.contains("CC-BY") || t.contains("creativecommons")),
            "licence on the about sheet"
        );
        assert!(
            text.iter().any(|t| t.contains(ind.definition.fr.as_str())
                || t.contains(ind.definition.ar.as_str())),
            "definition on the about sheet"
        );
    }
    // The Arabic workbook is right to left (sheetView rightToLeft="1").
    let bytes = std::fs::read(
        site.out()
            .join("data/indicators/tadamon-beneficiaries.ar.xlsx"),
    )
    .unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut sheet = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut sheet,
    )
    .unwrap();
    assert!(sheet.contains("rightToLeft=\"1\""));
}

#[test]
fn every_chart_has_svg_png_xlsx_downloads_and_an_embed_page() {
    let site = built();
    let mut diags = Diagnostics::new();
    let data = amo_site::data::load(&common::repo(), &mut diags);
    for id in data.charts.keys() {
        for lang in ["ar", "fr"] {
            for ext in ["svg", "png", "xlsx"] {
                assert!(
                    site.out()
                        .join(format!("data/charts/{id}.{lang}.{ext}"))
                        .is_file(),
                    "{id}.{lang}.{ext}"
                );
            }
            let svg = site.output_file(&format!("data/charts/{id}.{lang}.svg"));
            let doc = roxmltree::Document::parse(&svg).expect("standalone SVG is XML");
            assert!(
                doc.root_element()
                    .children()
                    .any(|n| n.has_tag_name("title"))
            );
            let embed = site.output_file(&format!("embed/{lang}/{id}/index.html"));
            assert!(
                embed.contains(&format!("id=\"figure-{id}\"")),
                "embed page shows the chart"
            );
            assert!(embed.contains("target=\"_top\""), "embed links back");
        }
    }
    let page = site.output_file("fr/index.html");
    assert!(
        page.contains(
            "&#60;iframe src=&#34;https://amo-site.example/embed/fr/coverage-growth/&#34;"
        ),
        "embed code shown escaped in a textarea"
    );
    assert!(page.contains("<textarea id=\"embed-coverage-growth\" readonly"));
    assert!(page.contains("class=\"chart-cite\""), "citation line");
}

#[test]
fn data_page_describes_datasets_for_search_engines_and_packages() {
    let site = built();
    for lang in ["ar", "fr"] {
        let html = site.output_file(&format!("{lang}/data/index.html"));
        let start = html
            .find("<script type=\"application/ld+json\">")
            .expect("JSON-LD")
            + "<script type=\"application/ld+json\">".len();
        let end = start + html[start..].find("</script>").unwrap();
        let ld: serde_json::Value =
            serde_json::from_str(&html[start..end]).expect("JSON-LD parses");
        let graph = ld["@graph"].as_array().unwrap();
        assert!(graph.len() >= 20);
        for d in graph {
            assert_eq!(d["@type"], "Dataset");
            assert!(
                d["description"].as_str().unwrap().chars().count() >= 50,
                "{}",
                d["name"]
            );
            assert!(d["license"].as_str().unwrap().starts_with("https://"));
            assert!(d["temporalCoverage"].as_str().is_some());
            assert!(
                d["distribution"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(|x| x["contentUrl"].as_str().unwrap().starts_with("https://"))
            );
        }
        assert!(html.contains("href=\"/data/datapackage.json\""));
        assert!(html.contains("href=\"/data/amo-data.zip\""));
    }
    let package: serde_json::Value =
        serde_json::from_str(&site.output_file("data/datapackage.json")).unwrap();
    for r in package["resources"].as_array().unwrap() {
        let path = r["path"].as_str().unwrap();
        assert!(site.out().join("data").join(path).is_file(), "{path}");
    }
    let zip =
        zip::ZipArchive::new(std::fs::File::open(site.out().join("data/amo-data.zip")).unwrap())
            .unwrap();
    assert!(
        zip.file_names()
            .any(|n| n.is_ok_and(|n| n == "data/datapackage.json"))
    );
}

#[test]
fn numeric_csv_cells_are_bare_numbers() {
    let site = built();
    for file in files_under(&site.out().join("data/indicators")) {
        if file.extension().is_none_or(|e| e != "csv") {
            continue;
        }
        let text = site.output_file(&format!("data/indicators/{}", file.display()));
        for rec in csv::Reader::from_reader(text.as_bytes()).records() {
            let rec = rec.unwrap();
            let value = &rec[3];
            assert!(
                !value.is_empty()
                    && value.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                    && value.parse::<f64>().is_ok(),
                "{}: {value:?}",
                file.display()
            );
        }
    }
}
