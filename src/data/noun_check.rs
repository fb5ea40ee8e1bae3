//! Checks that every indicator's `noun:` is declared in `i18n/nouns.yaml`.

use super::Dataset;
use crate::diagnostics::Diagnostics;
use crate::locale::{Lang, Localized, Nouns};

/// Reports each indicator whose noun is not in the table, at its `noun:` line.
pub fn check_nouns(data: &Dataset, nouns: &Localized<Nouns>, diags: &mut Diagnostics) {
    let known: Vec<&str> = nouns
        .get(Lang::Fr)
        .by_id
        .keys()
        .map(String::as_str)
        .collect();
    for ind in data.indicators.values() {
        let Some((id, pos)) = &ind.noun else { continue };
        if nouns.get(Lang::Fr).get(id).is_none() {
            diags.error(
                &ind.file,
                *pos,
                format!("unknown noun `{id}`"),
                format!(
                    "use a noun of i18n/nouns.yaml ({}) or declare it there",
                    known.join(", ")
                ),
            );
        }
    }
}
