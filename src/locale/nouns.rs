//! The nouns figures are counted in (`i18n/nouns.yaml`): per language, one pattern per CLDR
//! plural category and a compact pattern for numbers written with "million/milliard".
//!
//! Loading checks that every noun has every category of each language and the compact
//! pattern, and that each pattern has its `{n}` where the number must appear.

use super::{Formatter, Lang, Localized};
use crate::diagnostics::Diagnostics;
use crate::foundation::input_file::{Role, read_yaml};
use crate::foundation::yaml::position_of;
use serde_saphyr::Spanned;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The file the nouns are declared in, relative to the site root.
pub const NOUNS_FILE: &str = "i18n/nouns.yaml";

/// The directive option value that asks for the bare number.
pub const NO_NOUN: &str = "none";

/// One noun in one language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Noun {
    /// Pattern per CLDR plural category name (`zero`, `one`, …).
    pub forms: BTreeMap<String, String>,
    /// Pattern after a compact number: `{n} de personnes`, `{n} شخص`.
    pub compact: String,
}

/// Every declared noun of one language, by id.
#[derive(Debug, Clone, Default)]
pub struct Nouns {
    pub by_id: BTreeMap<String, Noun>,
}

impl Nouns {
    pub fn get(&self, id: &str) -> Option<&Noun> {
        self.by_id.get(id)
    }
}

type RawNouns = BTreeMap<String, Spanned<Localized<BTreeMap<String, String>>>>;

/// Reads and checks `i18n/nouns.yaml`. Problems go to `diags`; `None` if it is unusable.
pub fn load(root: &Path, diags: &mut Diagnostics) -> Option<Localized<Nouns>> {
    let rel = PathBuf::from(NOUNS_FILE);
    let role = Role {
        what: "the noun table",
        hint: "declare the nouns figures are counted in (see README.md, Nouns)",
    };
    let raw: RawNouns = read_yaml(root, &rel, &role, diags)?;
    let before = diags.len();
    let nouns = Localized::from_fn(|lang| check(lang, &rel, &raw, diags));
    (diags.len() == before).then_some(nouns)
}

fn check(lang: Lang, rel: &Path, raw: &RawNouns, diags: &mut Diagnostics) -> Nouns {
    let required: Vec<&str> = super::tables::plural_rules(lang)
        .categories()
        .map(super::tables::category_name)
        .collect();
    let mut by_id = BTreeMap::new();
    for (id, entry) in raw {
        let pos = position_of(entry);
        let mut forms = entry.value.get(lang).clone();
        let Some(compact) = forms.remove("compact") else {
            diags.error(
                rel,
                pos,
                format!("noun `{id}` has no `compact` pattern in {}", lang.code()),
                "add `compact: \"{n} …\"`, the form after `24,7 millions` / `24,7 مليون`",
            );
            continue;
        };
        let missing: Vec<&str> = required
            .iter()
            .copied()
            .filter(|c| !forms.contains_key(*c))
            .collect();
        let extra: Vec<&str> = forms
            .keys()
            .map(String::as_str)
            .filter(|k| !required.contains(k))
            .collect();
        if !missing.is_empty() || !extra.is_empty() {
            diags.error(
                rel,
                pos,
                format!(
                    "noun `{id}` in {} lacks {:?} or has unknown forms {:?}",
                    lang.code(),
                    missing,
                    extra
                ),
                format!(
                    "{} uses exactly: {}, and compact",
                    lang.locale(),
                    required.join(", ")
                ),
            );
        }
        for (category, pattern) in forms.iter().chain([(&"compact".to_string(), &compact)]) {
            let replaces_number = lang == Lang::Ar && matches!(category.as_str(), "one" | "two");
            if !replaces_number && !pattern.contains("{n}") {
                diags.error(
                    rel,
                    pos,
                    format!(
                        "noun `{id}`, {} `{category}`: the pattern has no `{{n}}`",
                        lang.code()
                    ),
                    "write `{n}` where the number goes",
                );
            }
        }
        by_id.insert(id.clone(), Noun { forms, compact });
    }
    Nouns { by_id }
}

impl Formatter {
    /// `formatted` (a number as displayed, `compact` if written with million/milliard)
    /// followed by its noun in the form CLDR picks for `value` as displayed.
    pub fn with_noun(&self, noun: &Noun, value: f64, formatted: &str, compact: bool) -> String {
        let pattern = if compact {
            &noun.compact
        } else {
            let category = super::tables::category_name(self.plural_of(value));
            noun.forms
                .get(category)
                .or_else(|| noun.forms.get("other"))
                .unwrap_or(&noun.compact)
        };
        pattern.replace("{n}", formatted)
    }
}

#[cfg(test)]
mod tests;
