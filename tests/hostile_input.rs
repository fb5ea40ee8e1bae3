//! Hostile or careless input through the real binary: URLs that would run script, refused
//! characters, names that cannot be addresses, folders that cannot be read, files too big
//! for the YAML reader: each is a located error, all reported in one run. And hostile but
//! valid text (built in process): the JSON-LD block, every XML file and the CSV cells stay
//! what they claim. All on the frozen fixture site (`tests/fixtures/site`).

mod common;

use common::{SiteCopy, stderr};
use std::fs;

/// An indicator with an observation from the source `cdc-2025-hespress`.
const HESPRESS_INDICATOR: &str = "amo-registered";

/// Each class of problem, put into one copy of the site; one build reports them all.
#[test]
fn every_class_of_bad_input_is_located_in_one_run() {
    let site = SiteCopy::fixture();
    plant_script_urls_and_refused_characters(&site);
    let _outside = plant_bad_names_links_and_sizes(&site);
    let out = site.build();
    let err = stderr(&out);
    check_every_class_reported(&out, &err);
    assert!(!site.out().exists(), "nothing written");
}

/// Links and URLs that run script (class 1) and refused characters (class 2).
fn plant_script_urls_and_refused_characters(site: &SiteCopy) {
    let about = "content/about.fr.md";
    // 1. Links and URLs that run script: Markdown, data, config.
    site.replace(
        about,
        "## Un chiffre, une source, une date\n",
        "## Un chiffre, une source, une date\n\nVoir [ici](  JavaScript:alert(1)) et <vbscript:msgbox(1)>.\n",
    );
    site.replace(
        "data/sources.yaml",
        "url: \"https://www.maghress.com/fr/hespressfr/460302\"",
        "url: \"javascript:alert(1)\"",
    );
    site.replace(
        "site.yaml",
        "url: \"https://creativecommons.org/licenses/by/4.0/\"",
        "url: \"https://x.example/\\\" onmouseover=\\\"alert(1)\"",
    );
    // 2. Refused characters: a control in front matter, a bidi override in data.
    site.replace("content/regimes/tns.fr.md", "title: \"", "title: \"\u{7}");
    site.replace(
        "data/indicators/cnss-agencies.yaml",
        "fr: \"",
        "fr: \"\\u202E",
    );
    site.replace(
        "i18n/fr.yaml",
        "skip_to_content: \"",
        "skip_to_content: \"\\x1b",
    );
}

/// Errors that say what happened (class 3): names, collisions, directives where they cannot
/// work, link loops and links outside the site, a file over the YAML budget, a huge line.
/// The returned folder must outlive the build (a link points into it).
fn plant_bad_names_links_and_sizes(site: &SiteCopy) -> tempfile::TempDir {
    site.write(
        "content/my page.fr.md",
        "---\ntitle: x\ndescription: y\n---\n",
    );
    site.write("static/a b.css", "a");
    site.write("static/a%20b.css", "b");
    site.replace(
        "content/directives.fr.md",
        "description: \"",
        "description: \"{{ figure amo-registered }} ",
    );
    site.replace(
        "content/index.fr.md",
        "\n---\n",
        "\n---\n\n{{ figure amo-registered date=2022 date=2023 }}\n",
    );
    std::os::unix::fs::symlink(
        site.root().join("data/indicators"),
        site.root().join("data/indicators/loop"),
    )
    .unwrap();
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("leak.fr.md"), "---\ntitle: x\n---\n").unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("leak.fr.md"),
        site.root().join("content/leak.fr.md"),
    )
    .unwrap();
    let mut big = String::from(
        "id: big\ntitle: { fr: x, ar: x }\ndefinition: { fr: x, ar: x }\nunit: persons\nobservations:\n",
    );
    for i in 0..40_000 {
        let (y, m) = (1000 + i / 12, 1 + i % 12);
        big.push_str(&format!(
            "  - {{ date: {y}-{m:02}, value: {i}, qualifier: exact, source: cdc-2025-le360 }}\n"
        ));
    }
    site.write("data/indicators/big.yaml", &big);
    // A 4 MB line with a problem at its end.
    site.replace(
        "content/data.fr.md",
        "\n---\n",
        &format!("\n---\n\n{}[x](javascript:1)\n", "a".repeat(4_000_000)),
    );
    outside
}

fn check_every_class_reported(out: &std::process::Output, err: &str) {
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.len() < 200_000, "{} bytes of errors", err.len());
    for needle in [
        "content/about.fr.md:10:6",
        "the scheme `javascript:`, which is not allowed",
        "the scheme `vbscript:`",
        "data/sources.yaml:",
        "source `cdc-2025-hespress`: `javascript:alert(1)` is not an absolute web address",
        "data_licence.url:",
        "content/regimes/tns.fr.md:2:9",
        "the control character U+0007",
        "data/indicators/cnss-agencies.yaml:2:",
        "the bidirectional control character U+202E",
        "i18n/fr.yaml:5:19",
        "the control character U+001B",
        "the name `my page` contains a space",
        "static/a b.css and static/a%20b.css are published at the same address",
        "a directive in the front matter",
        "the option `date=` is given twice",
        "data/indicators/loop",
        "a loop",
        "warning: content/leak.fr.md is a symbolic link to",
        "data/indicators/big.yaml",
        "larger than the YAML reader accepts",
        "content/data.fr.md:",
    ] {
        assert!(
            err.contains(needle),
            "stderr lacks {needle:?}:\n{}",
            &err[..err.len().min(20_000)]
        );
    }
    assert!(
        !err.contains("unknown indicator"),
        "cascading errors:\n{err}"
    );
}

/// Text that tries to escape its context but is valid input is published harmlessly.
#[test]
fn hostile_but_valid_text_stays_in_its_context() {
    let site = SiteCopy::fixture();
    let attack = "<!--<script>alert(1)</script>--> </script><script>alert(2)</script> & ]]> \"'";
    site.replace(
        "data/indicators/cnss-agencies.yaml",
        "fr: \"",
        &format!("fr: \"{} ", attack.replace('"', "\\\"")),
    );
    site.replace(
        "data/sources.yaml",
        "fr: \"Rapport annuel 2024–2025",
        "fr: \" \\n=HYPERLINK(\\\"https://evil.example\\\",\\\"x\\\") ＝1 Rapport annuel 2024–2025",
    );
    // In a chart title (SVG, PNG) and a report title (Atom feed, sitemap neighbours).
    site.replace(
        "data/charts.yaml",
        "fr: \"",
        "fr: \"</text><script>x</script>]]> & ",
    );
    site.replace(
        "content/reports/2025-02-council-briefing.fr.md",
        "title: \"",
        "title: \"</title>]]>&amp; ",
    );
    let built = site.built();

    // JSON-LD: exactly one script element, which holds the whole JSON.
    let page = built.text("fr/data/index.html");
    let doc = scraper::Html::parse_document(&page);
    let scripts: Vec<_> = doc
        .select(&scraper::Selector::parse("script").unwrap())
        .collect();
    assert_eq!(scripts.len(), 1, "a script element was injected");
    let json: serde_json::Value =
        serde_json::from_str(&scripts[0].text().collect::<String>()).expect("JSON-LD ends early");
    assert!(
        json.to_string().contains("alert(2)"),
        "definition kept as data"
    );
    assert!(
        doc.select(&scraper::Selector::parse("footer").unwrap())
            .next()
            .is_some(),
        "the rest of the page is still HTML"
    );

    // Every XML file parses.
    let mut xml_files = 0;
    for name in built.0.keys() {
        if name.ends_with(".xml") || name.ends_with(".svg") {
            let text = built.text(name);
            roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
            xml_files += 1;
        }
    }
    // Two chart SVGs per language, a feed per language, the sitemap.
    assert!(xml_files >= 7, "{xml_files}");

    // CSV: formula cells neutralised even after whitespace and in full width.
    let csv = built.text(&format!("data/indicators/{HESPRESS_INDICATOR}.csv"));
    let mut cells = 0;
    for record in csv::Reader::from_reader(csv.as_bytes()).records() {
        for cell in record.unwrap().iter().filter(|c| c.contains("HYPERLINK")) {
            assert!(cell.starts_with('\''), "{cell:?}");
            cells += 1;
        }
    }
    assert!(cells > 0, "the source title reached the CSV");
}

/// Whether this process runs as root (which reads folders whatever their mode).
fn is_root() -> bool {
    fs::read_to_string("/proc/self/status")
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("Uid:"))
        .is_some_and(|uids| uids.split_whitespace().next() == Some("0"))
}

/// A folder the build cannot read is a located error, not pages or indicators that
/// silently disappear (and no "unknown indicator" cascade). As root, the binary is run as
/// `nobody` with `setpriv` (util-linux), since root reads any folder.
#[test]
fn unreadable_folders_are_located_errors() {
    use std::os::unix::fs::PermissionsExt;
    let site = SiteCopy::fixture();
    let root = site.root();
    site.write("content/locked/x.fr.md", &site.read("content/about.fr.md"));
    site.write("content/locked/x.ar.md", &site.read("content/about.ar.md"));
    let bin = root.join("amo-site-bin");
    fs::copy(env!("CARGO_BIN_EXE_amo-site"), &bin).unwrap();
    let open = |p: &std::path::Path, mode| fs::set_permissions(p, fs::Permissions::from_mode(mode));
    for entry in common::files_under(root) {
        let path = root.join(&entry);
        open(&path, 0o755).unwrap();
        let mut dir = path.parent();
        while let Some(d) = dir.filter(|d| d.starts_with(root)) {
            open(d, 0o777).unwrap();
            dir = d.parent();
        }
    }
    open(&root.join("content/locked"), 0o000).unwrap();
    open(&root.join("data/indicators"), 0o000).unwrap();
    let mut cmd = if is_root() {
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&bin);
        c
    } else {
        std::process::Command::new(&bin)
    };
    let out = cmd
        .arg("build")
        .arg("--root")
        .arg(root)
        .arg("--out")
        .arg(root.join("public"))
        .output()
        .expect("run amo-site (setpriv comes with util-linux)");
    open(&root.join("content/locked"), 0o755).unwrap();
    open(&root.join("data/indicators"), 0o755).unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for needle in [
        "cannot read content/locked: permission denied",
        "cannot read data/indicators: permission denied",
        "\n--> content/locked\n",
    ] {
        assert!(err.contains(needle), "stderr lacks {needle:?}:\n{err}");
    }
    assert!(
        !err.contains("unknown indicator"),
        "cascading errors:\n{err}"
    );
}
