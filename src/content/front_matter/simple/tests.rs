use super::read;
use crate::content::FrontMatter;
use crate::diagnostics::Position;
use crate::foundation::yaml::parse;
use proptest::prelude::*;
use std::path::Path;

fn by_yaml(yaml: &str) -> Result<FrontMatter, String> {
    parse::<FrontMatter>(Path::new("content/x.fr.md"), yaml, 0).map_err(|d| format!("{d:?}"))
}

const REPORT: &str = "title: \"Les médicaments remboursables — n° 135\"\n\
description: \"Fiche n° 135 du corpus de référence, régime Achamil : affiliation.\"\n\
short_title: \"Médicaments\"\n\
layout: report\n\
date: 2019-01-10\n\
figures_as_of: 2026-06-30\n";

#[test]
fn a_report_front_matter_is_read_as_the_yaml_reader_reads_it() {
    let fast = read(REPORT).expect("every line is in a simple form");
    assert_eq!(Ok(fast.clone()), by_yaml(REPORT));
    assert_eq!(fast.title.value, "Les médicaments remboursables — n° 135");
    assert_eq!(fast.title.at, Some(Position::new(1, 8)), "after `title: `");
    assert_eq!(
        fast.layout.as_ref().and_then(|l| l.at),
        Some(Position::new(4, 9))
    );
    assert_eq!(
        fast.date.as_ref().map(|d| d.value.0.as_str()),
        Some("2019-01-10")
    );
    // Plain words YAML might read as something else: where the fast path takes one, the
    // YAML reader reads the same.
    for word in [
        "nan", "inf", "infinity", "none", "nil", "true", "no", "null", "yes", "on", "off", "y",
        "n", "tadamon", "amo-tns", "x1", "e5", "o",
    ] {
        for key in ["regime", "layout"] {
            let yaml = format!("title: \"T\"\ndescription: \"D\"\n{key}: {word}\n");
            if let Some(fast) = read(&yaml) {
                assert_eq!(Ok(fast), by_yaml(&yaml), "{yaml:?}");
            }
        }
    }
    let arabic = "title: \"الأدوية القابلة للتعويض — رقم 135\"\ndescription: \"البطاقة رقم 135.\"\nregime: amo-tns\n";
    assert_eq!(Ok(read(arabic).expect("simple")), by_yaml(arabic));
}

#[test]
fn anything_outside_the_simple_forms_goes_to_the_yaml_reader() {
    let base = "title: \"T\"\ndescription: \"D\"\n";
    for extra in [
        "# a comment\n",
        "\n",
        "title: \"again\"\n",
        "regime: null\n",
        "regime: yes\n",
        "date: 2024\n",
        "date: '2024-01-01'\n",
        "nav: 3\n",
        "headline: [a]\n",
        "layout: Report\n",
        "summary: \"unknown key\"\n",
        "short_title: \"a \\\" quote\"\n",
        "short_title: \"tab\there\"\n",
        "short_title: plain text\n",
        "short_title: \"x\" # comment\n",
        "  indented: \"x\"\n",
        "date: 2024-01-01\r\n",
    ] {
        assert_eq!(read(&format!("{base}{extra}")), None, "{extra:?}");
    }
    assert_eq!(read("title: \"T\"\n"), None, "description missing");
    assert_eq!(read(&base[..base.len() - 1]), None, "no line end");
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("title".to_string()),
        Just("description".to_string()),
        Just("short_title".to_string()),
        Just("nav_title".to_string()),
        Just("layout".to_string()),
        Just("regime".to_string()),
        Just("date".to_string()),
        Just("figures_as_of".to_string()),
        Just("nav".to_string()),
        Just("other".to_string()),
    ]
}

fn value() -> impl Strategy<Value = String> {
    let text = text_of(ANY_PIECES, 8);
    prop_oneof![
        text.clone().prop_map(|t| format!("\"{t}\"")),
        text.clone().prop_map(|t| format!("'{t}'")),
        text,
        prop_oneof![
            Just("page"),
            Just("home"),
            Just("data"),
            Just("report"),
            Just("reports"),
            Just("Page"),
            Just("null"),
            Just("yes"),
            Just("off"),
            Just("~"),
            Just("amo-tns"),
            Just("a1"),
            Just("1a"),
            Just("tadamon"),
            Just("2019-01-10"),
            Just("2019-1-10"),
            Just("2019-13-45"),
            Just("2019"),
            Just("2019-01"),
            Just("12"),
            Just("0x1F"),
            Just("2019-01-10T10:00:00"),
            Just("nan"),
            Just("inf"),
            Just("none"),
            Just("nil"),
            Just("true"),
            Just("no"),
        ]
        .prop_map(str::to_string),
    ]
}

fn line() -> impl Strategy<Value = String> {
    (
        piece(),
        prop_oneof![Just(": "), Just(":  "), Just(":")],
        value(),
        prop_oneof![Just("\n"), Just(" \n"), Just("\r\n"),],
    )
        .prop_map(|(k, sep, v, end)| format!("{k}{sep}{v}{end}"))
}

proptest! {
    #![proptest_config(crate::test_support::proptest_cases(4096))]

    /// Whatever the block, what the fast path reads is what the YAML reader reads.
    #[test]
    fn what_the_fast_path_reads_the_yaml_reader_reads_the_same(
        lines in proptest::collection::vec(line(), 0..7),
    ) {
        let yaml = format!("title: \"T\"\ndescription: \"D\"\n{}", lines.concat());
        if let Some(fast) = read(&yaml) {
            prop_assert_eq!(Ok(fast), by_yaml(&yaml), "{:?}", yaml);
        }
        let only = lines.concat();
        if let Some(fast) = read(&only) {
            prop_assert_eq!(Ok(fast), by_yaml(&only), "{:?}", only);
        }
    }
}

/// Pieces of quoted texts: the characters YAML reads as themselves inside `"…"`.
const SIMPLE_PIECES: &[&str] = &[
    "a", "é", " ", ":", ": ", "#", " # ", "'", "\u{A0}", "\u{202F}", "ب", "ـ", "—", "😀", "{", "[",
    "*", "&", "!", "%", "2024", "-", ",", "« »",
];

/// [`SIMPLE_PIECES`] and those that need the YAML reader: quotes, escapes, tabs, line and
/// paragraph separators, a byte order mark.
const ANY_PIECES: &[&str] = &[
    "a", "é", " ", ":", ": ", "#", " #", "'", "\"", "\\", "\t", "\u{A0}", "\u{202F}", "\u{2028}",
    "\u{85}", "ب", "ـ", "—", "😀", "{", "[", "*", "&", "!", "%", "2024", "-", ",", "\u{FEFF}",
];

/// Up to `most - 1` of `pieces`, joined.
fn text_of(pieces: &'static [&'static str], most: usize) -> impl Strategy<Value = String> + Clone {
    proptest::collection::vec(proptest::sample::select(pieces), 0..most).prop_map(|p| p.concat())
}

fn simple_text() -> impl Strategy<Value = String> {
    text_of(SIMPLE_PIECES, 10)
}

proptest! {
    #![proptest_config(crate::test_support::proptest_cases(1024))]

    /// Blocks of the simple forms, keys in any order, are read by the fast path, and as the
    /// YAML reader reads them.
    #[test]
    fn simple_blocks_are_read_by_the_fast_path(
        title in simple_text(),
        description in simple_text(),
        short in proptest::option::of(simple_text()),
        layout in proptest::option::of(prop_oneof![Just("page"), Just("report"), Just("reports"), Just("home"), Just("data")]),
        regime in proptest::option::of(prop_oneof![Just("tadamon"), Just("amo-tns"), Just("x1")]),
        date in proptest::option::of((1900u32..2100, 0u32..20, 0u32..40)),
        order in 0usize..6,
    ) {
        let mut lines = vec![
            format!("title: \"{title}\"\n"),
            format!("description: \"{description}\"\n"),
        ];
        lines.extend(short.map(|s| format!("short_title: \"{s}\"\n")));
        lines.extend(layout.map(|l| format!("layout: {l}\n")));
        lines.extend(regime.map(|r| format!("regime: {r}\n")));
        lines.extend(date.map(|(y, m, d)| format!("date: {y:04}-{m:02}-{d:02}\n")));
        let n = lines.len();
        lines.rotate_left(order % n);
        let yaml = lines.concat();
        let fast = read(&yaml);
        prop_assert!(fast.is_some(), "{:?}", yaml);
        prop_assert_eq!(Ok(fast.expect("read")), by_yaml(&yaml), "{:?}", yaml);
    }
}
