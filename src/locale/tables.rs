//! Loading and checking the translation tables `i18n/ar.yaml` and `i18n/fr.yaml`.
//!
//! Every key must exist in both languages: a missing key, a key present in one language only,
//! an unknown key or a plural text lacking one of its language's CLDR categories is an error,
//! and every such problem is listed with its file. There is no fallback to another language.
//! Each text uses exactly the placeholders its key declares in `ui.rs` (`{value}`, `{date}`,
//! `{n}`…): a misspelt, missing or extra placeholder is a located error, never literal
//! braces on the site.

use super::ui::{PLURAL_KEYS, PluralText, TEXT_KEYS, UiText, placeholders};
use super::{Lang, Localized};
use crate::diagnostics::{Diagnostics, Position};
use crate::foundation::input_file::{Role, read_yaml};
use crate::foundation::yaml::position_of;
use icu_plurals::{PluralCategory, PluralRules};
use serde::Deserialize;
use serde_saphyr::Spanned;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Entry {
    Text(String),
    Plural(BTreeMap<String, String>),
}

type RawTable = BTreeMap<String, Spanned<Entry>>;

pub fn file_of(lang: Lang) -> PathBuf {
    PathBuf::from(format!("i18n/{}.yaml", lang.code()))
}

/// The CLDR plural category name, as written in the tables.
pub fn category_name(c: PluralCategory) -> &'static str {
    match c {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

pub fn plural_rules(lang: Lang) -> PluralRules {
    let locale = icu_locale_core::Locale::from_str(lang.locale()).expect("static locale tag");
    PluralRules::try_new_cardinal((&locale).into()).expect("CLDR plural data is compiled in")
}

/// Reads both tables. Problems go to `diags`; `None` if any table is unusable.
pub fn load(root: &Path, diags: &mut Diagnostics) -> Option<Localized<UiText>> {
    let raw = Localized::from_fn(|lang| read(root, lang, diags));
    let (Some(ar), Some(fr)) = (raw.ar, raw.fr) else {
        return None;
    };
    let before = diags.len();
    let ar_ui = check(Lang::Ar, &ar, &fr, diags);
    let fr_ui = check(Lang::Fr, &fr, &ar, diags);
    (diags.len() == before).then_some(Localized {
        ar: ar_ui,
        fr: fr_ui,
    })
}

fn read(root: &Path, lang: Lang, diags: &mut Diagnostics) -> Option<RawTable> {
    let rel = file_of(lang);
    let role = Role {
        what: "the translation table",
        hint: "each language has its table of interface strings in i18n/",
    };
    read_yaml::<RawTable>(root, &rel, &role, diags)
}

fn check(lang: Lang, table: &RawTable, other: &RawTable, diags: &mut Diagnostics) -> UiText {
    let rel = file_of(lang);
    let other_file = file_of(lang.other());
    let rules = plural_rules(lang);
    let mut texts = BTreeMap::new();
    let mut plurals = BTreeMap::new();
    for (key, entry) in table {
        let pos = position_of(entry);
        let is_text = TEXT_KEYS.contains(&key.as_str());
        let is_plural = PLURAL_KEYS.contains(&key.as_str());
        match (&entry.value, is_text, is_plural) {
            (_, false, false) => diags.error(&rel, pos, format!("unknown key `{key}`"), "remove it, or add it to the key list in src/locale/ui.rs if a template uses it"),
            (Entry::Text(t), true, _) => {
                if t.trim().is_empty() {
                    diags.error(&rel, pos, format!("the text of `{key}` is empty"), "write the text");
                }
                let found = Found { rel: &rel, pos, key, form: None };
                check_placeholders(&found, t, true, diags);
                texts.insert(key.clone(), t.clone());
            }
            (Entry::Plural(forms), _, true) => {
                let required: Vec<&str> = rules.categories().map(category_name).collect();
                let missing: Vec<&str> = required.iter().copied().filter(|c| !forms.contains_key(*c)).collect();
                if !missing.is_empty() {
                    diags.error(&rel, pos, format!("`{key}` lacks the plural form{} {}", if missing.len() > 1 { "s" } else { "" }, missing.join(", ")), format!("{} uses the categories {}", lang.locale(), required.join(", ")));
                }
                for name in forms.keys() {
                    if !required.contains(&name.as_str()) {
                        diags.error(&rel, pos, format!("`{key}` has a form `{name}` that {} does not use", lang.locale()), format!("use only {}", required.join(", ")));
                    }
                }
                for (name, form) in forms {
                    // `zero`, `one` and `two` may spell the number out ("مصدران").
                    let needs_all = !matches!(name.as_str(), "zero" | "one" | "two");
                    let found = Found { rel: &rel, pos, key, form: Some(name.as_str()) };
                    check_placeholders(&found, form, needs_all, diags);
                }
                plurals.insert(key.clone(), PluralText { forms: forms.clone() });
            }
            (Entry::Text(_), false, true) => diags.error(&rel, pos, format!("`{key}` needs plural forms"), "write it as a mapping: `one: …`, `other: …` and the other categories of the language"),
            (Entry::Plural(_), true, false) => diags.error(&rel, pos, format!("`{key}` is a single text, not plural forms"), "write it as one quoted string"),
        }
    }
    for key in TEXT_KEYS.iter().chain(PLURAL_KEYS) {
        if !table.contains_key(*key) {
            let hint = match other.get(*key).map(|e| &e.value) {
                Some(Entry::Text(t)) => {
                    format!("add `{key}:` (in {}: \"{t}\")", other_file.display())
                }
                _ => format!("add `{key}:` to {}", rel.display()),
            };
            diags.error(&rel, None, format!("missing key `{key}`"), hint);
        }
    }
    check_date_phrases(&rel, table, diags);
    UiText::from_entries(texts, plurals)
}

/// Where a text was found: its file, position, key and, for a plural text, its form.
struct Found<'a> {
    rel: &'a Path,
    pos: Option<Position>,
    key: &'a str,
    form: Option<&'a str>,
}

impl Found<'_> {
    fn name(&self) -> String {
        match self.form {
            Some(form) => format!("`{}` (form `{form}`)", self.key),
            None => format!("`{}`", self.key),
        }
    }
}

/// Checks that `text` uses only the placeholders its key declares and, when `needs_all`,
/// every one of them.
fn check_placeholders(at: &Found, text: &str, needs_all: bool, diags: &mut Diagnostics) {
    let declared = placeholders(at.key);
    let takes = if declared.is_empty() {
        format!("`{}` takes no placeholder", at.key)
    } else {
        let names: Vec<String> = declared.iter().map(|p| format!("{{{p}}}")).collect();
        format!("`{}` takes {}", at.key, names.join(", "))
    };
    let (used, malformed) = placeholders_in(text);
    for bad in malformed {
        diags.error(
            at.rel,
            at.pos,
            format!("{} has a malformed placeholder `{bad}`", at.name()),
            format!("write a placeholder as a name in braces: {takes}"),
        );
    }
    for name in used.iter().filter(|u| !declared.contains(u)) {
        diags.error(
            at.rel,
            at.pos,
            format!("{} uses the unknown placeholder `{{{name}}}`", at.name()),
            takes.clone(),
        );
    }
    if needs_all {
        for name in declared.iter().filter(|d| !used.contains(d)) {
            diags.error(
                at.rel,
                at.pos,
                format!("{} lacks the placeholder `{{{name}}}`", at.name()),
                format!("write `{{{name}}}` where it belongs: {takes}"),
            );
        }
    }
}

/// The placeholder names in `text` (`{date}` → `date`), and the brace groups that are not
/// placeholders (`{ date}`, an unclosed `{`).
fn placeholders_in(text: &str) -> (Vec<&str>, Vec<&str>) {
    let (mut names, mut malformed) = (Vec::new(), Vec::new());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after
            .find(['}', '{'])
            .filter(|&c| after[c..].starts_with('}'))
        else {
            let end = after.find('{').map_or(rest.len(), |c| open + 1 + c);
            malformed.push(&rest[open..end]);
            rest = &rest[end..];
            continue;
        };
        let name = &after[..close];
        if !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            names.push(name);
        } else {
            malformed.push(&rest[open..open + close + 2]);
        }
        rest = &after[close + 1..];
    }
    (names, malformed)
}

/// The date phrase of each precision (`en {date}`, `le {date}`) must place the date.
fn check_date_phrases(rel: &Path, table: &RawTable, diags: &mut Diagnostics) {
    for key in DATE_PHRASE_KEYS {
        if let Some(Entry::Text(t)) = table.get(*key).map(|e| &e.value)
            && !t.contains("{date}")
        {
            let pos = table.get(*key).and_then(position_of);
            diags.error(rel, pos, format!("`{key}` does not place `{{date}}`"), "write the phrase of this precision around `{date}`: `en {date}`, `le {date}`, «في {date}»");
        }
    }
}

/// One date phrase per precision of an observation date: year, month, day.
pub const DATE_PHRASE_KEYS: &[&str] = &["date_year", "date_month", "date_day"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_uses_six_plural_forms_and_french_three() {
        let ar: Vec<&str> = plural_rules(Lang::Ar)
            .categories()
            .map(category_name)
            .collect();
        assert_eq!(ar, ["zero", "one", "two", "few", "many", "other"]);
        let fr: Vec<&str> = plural_rules(Lang::Fr)
            .categories()
            .map(category_name)
            .collect();
        assert_eq!(fr, ["one", "many", "other"]);
    }

    #[test]
    fn default_tables_load_and_list_every_missing_key() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut diags = Diagnostics::new();
        let ui = load(root, &mut diags).expect("default tables are complete");
        assert_eq!(ui.fr.nav_home, "Accueil");
        assert_eq!(ui.ar.nav_home, "الرئيسية");

        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(tmp.path().join("i18n")).unwrap();
        std::fs::copy(root.join("i18n/fr.yaml"), tmp.path().join("i18n/fr.yaml")).unwrap();
        let ar = std::fs::read_to_string(root.join("i18n/ar.yaml")).unwrap();
        let ar: String = ar
            .lines()
            .filter(|l| !l.starts_with("nav_home:") && !l.starts_with("source:"))
            .map(|l| format!("{l}\n"))
            .collect();
        std::fs::write(tmp.path().join("i18n/ar.yaml"), ar + "made_up_key: \"x\"\n").unwrap();
        let mut diags = Diagnostics::new();
        assert!(load(tmp.path(), &mut diags).is_none());
        let text = crate::diagnostics::render_all(&diags);
        assert!(
            text.contains("missing key `nav_home`") && text.contains("missing key `source`"),
            "{text}"
        );
        assert!(text.contains("i18n/ar.yaml"), "{text}");
        assert!(text.contains("unknown key `made_up_key`"), "{text}");
        assert!(text.contains("(in i18n/fr.yaml: \"Accueil\")"), "{text}");
        assert_eq!(diags.len(), 3, "{text}");
    }

    /// Loads the default tables with `edits` (from, to) applied to i18n/`lang`.yaml.
    fn load_edited(
        lang: &str,
        edits: &[(&str, &str)],
    ) -> (Option<Localized<UiText>>, String, usize) {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(tmp.path().join("i18n")).unwrap();
        for code in ["ar", "fr"] {
            let name = format!("i18n/{code}.yaml");
            let mut text = std::fs::read_to_string(root.join(&name)).unwrap();
            if code == lang {
                for (from, to) in edits {
                    assert!(text.contains(from), "{name} lacks {from:?}");
                    text = text.replacen(from, to, 1);
                }
            }
            std::fs::write(tmp.path().join(&name), text).unwrap();
        }
        let mut diags = Diagnostics::new();
        let ui = load(tmp.path(), &mut diags);
        (ui, crate::diagnostics::render_all(&diags), diags.len())
    }

    #[test]
    fn every_key_declares_the_placeholders_its_callers_fill() {
        assert_eq!(placeholders("trend_since"), ["value", "date"]);
        assert_eq!(
            placeholders("citation"),
            ["sources", "as_of", "publisher", "site", "url"]
        );
        assert_eq!(placeholders("observations_count"), ["n"]);
        assert!(placeholders("nav_home").is_empty());
        assert_eq!(
            placeholders_in("a {value} b {date}{ x} {open"),
            (vec!["value", "date"], vec!["{ x}", "{open"])
        );
    }

    #[test]
    fn misspelt_missing_and_extra_placeholders_are_located_errors_reported_together() {
        let (ui, text, count) = load_edited(
            "fr",
            &[
                ("contre {value} {date}", "contre {vlaue} {date}"),
                ("\"{n} Ko\"", "\"Ko\""),
                ("\"Accueil\"", "\"Accueil {n}\""),
            ],
        );
        assert!(ui.is_none());
        // Each error points at the text's opening quote on its key's line.
        let table =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("i18n/fr.yaml"))
                .unwrap();
        let at = |key: &str| {
            let (i, line) = table
                .lines()
                .enumerate()
                .find(|(_, l)| l.starts_with(&format!("{key}:")))
                .unwrap();
            format!("i18n/fr.yaml:{}:{}", i + 1, line.find('"').unwrap() + 1)
        };
        for expected in [
            at("trend_since"),
            "`trend_since` uses the unknown placeholder `{vlaue}`".into(),
            "`trend_since` lacks the placeholder `{value}`".into(),
            "`trend_since` takes {value}, {date}".into(),
            at("file_size"),
            "`file_size` lacks the placeholder `{n}`".into(),
            at("nav_home"),
            "`nav_home` uses the unknown placeholder `{n}`".into(),
            "`nav_home` takes no placeholder".into(),
        ] {
            assert!(text.contains(&expected), "lacks {expected:?}:\n{text}");
        }
        assert_eq!(count, 4, "{text}");
    }

    #[test]
    fn plural_forms_may_spell_out_small_numbers_but_not_drop_n_elsewhere() {
        let (ui, text, count) = load_edited(
            "ar",
            &[
                ("few: \"{n} مصادر\"", "few: \"مصادر\""),
                ("two: \"مصدران\"", "two: \"{m} مصدران\""),
            ],
        );
        assert!(ui.is_none());
        assert!(
            text.contains("`sources_count` (form `few`) lacks the placeholder `{n}`"),
            "{text}"
        );
        assert!(
            text.contains("`sources_count` (form `two`) uses the unknown placeholder `{m}`"),
            "{text}"
        );
        assert_eq!(count, 2, "{text}");
        // The default Arabic table writes `one` and `two` without `{n}`, and loads.
        assert!(load_edited("ar", &[]).0.is_some());
    }
}
