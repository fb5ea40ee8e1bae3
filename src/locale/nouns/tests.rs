use super::*;

fn load_text(text: &str) -> (Option<Localized<Nouns>>, String) {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(tmp.path().join("i18n")).unwrap();
    std::fs::write(tmp.path().join(NOUNS_FILE), text).unwrap();
    let mut diags = Diagnostics::new();
    let got = load(tmp.path(), &mut diags);
    (got, crate::diagnostics::render_all(&diags))
}

#[test]
fn the_default_table_loads() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut diags = Diagnostics::new();
    let nouns = load(root, &mut diags).expect("i18n/nouns.yaml is complete");
    let agency = nouns.ar.get("agency").unwrap();
    assert_eq!(agency.forms["two"], "وكالتان");
    assert_eq!(nouns.fr.get("agency").unwrap().compact, "{n} d’agences");
}

#[test]
fn missing_categories_and_compact_are_located() {
    let (got, text) = load_text(
        "x:\n  ar: { one: \"a\", other: \"{n} b\", compact: \"{n} b\" }\n  fr: { one: \"{n} x\", many: \"{n} de x\", other: \"x\" }\n",
    );
    assert!(got.is_none());
    assert!(text.contains("i18n/nouns.yaml:2:3"), "{text}");
    assert!(text.contains("noun `x` in ar lacks"), "{text}");
    assert!(
        text.contains("`x` has no `compact` pattern in fr"),
        "{text}"
    );
}

#[test]
fn a_pattern_without_the_number_is_an_error() {
    let (got, text) = load_text(
        "x:\n  ar: { zero: \"{n}\", one: \"a\", two: \"b\", few: \"{n}\", many: \"{n}\", other: \"c\", compact: \"{n}\" }\n  fr: { one: \"{n}\", many: \"{n}\", other: \"{n}\", compact: \"{n}\" }\n",
    );
    assert!(got.is_none());
    assert!(
        text.contains("ar `other`: the pattern has no `{n}`"),
        "{text}"
    );
}
