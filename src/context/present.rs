//! Values in their unit, as read in running text, in one language: the number chosen in
//! words or digits by its size and unit, led by its qualifier (`plus de`, `حوالي`), and
//! followed by its noun in the form the number takes (`31,94 millions de personnes`,
//! «144 درهما», «وكالتان»).

use super::LangCtx;
use crate::data::{Indicator, Qualifier, Unit};
use crate::locale::Noun;

/// Whether `value` in `unit` is written in words (`24,7 millions`): large round counts
/// and amounts. Such a number always takes its noun's compact pattern.
fn in_words(value: f64, unit: Unit) -> bool {
    matches!(
        unit,
        Unit::Persons | Unit::Count | Unit::FilesPerDay | Unit::Mad
    ) && value.abs() >= 1_000_000.0
        && (value % 10_000.0) == 0.0
}

impl<'a> LangCtx<'a> {
    /// The noun an indicator's figures are counted in, if it has one.
    pub fn noun_of(&self, ind: &Indicator) -> Option<&'a Noun> {
        ind.noun_id().and_then(|id| self.nouns.get(id))
    }
}

impl LangCtx<'_> {
    /// A value in its unit as read in running text: large round counts in words,
    /// percentages with their sign, amounts in dirhams in words.
    pub fn value(&self, value: f64, unit: Unit) -> String {
        match unit {
            Unit::Percent => self.f.percent(value),
            _ if in_words(value, unit) => self.f.compact(value),
            _ => self.f.number(value),
        }
    }

    /// [`Self::value`] followed by `noun` in the form CLDR picks for the number as
    /// displayed; the bare value without a noun.
    pub fn counted(&self, value: f64, unit: Unit, noun: Option<&Noun>) -> String {
        let shown = self.value(value, unit);
        match noun {
            Some(n) => self.f.with_noun(n, value, &shown, in_words(value, unit)),
            None => shown,
        }
    }

    /// A value as cards, tables and summaries show it: money always with its currency
    /// (`9,5 milliards de dirhams`), other units bare (their label names them).
    pub fn amount(&self, qualifier: Qualifier, value: f64, ind: &Indicator) -> String {
        let noun = self.noun_of(ind).filter(|_| ind.unit.is_money());
        self.qualified(qualifier, &self.counted(value, ind.unit, noun))
    }

    /// A formatted value with its qualifier: `plus de 24,7 millions`, `حوالي 11,1 مليون`.
    pub fn qualified(&self, qualifier: Qualifier, formatted: &str) -> String {
        let ui = self.ui;
        let word = match qualifier {
            Qualifier::Exact => return formatted.to_string(),
            Qualifier::AtLeast => &ui.qualifier_at_least,
            Qualifier::About => &ui.qualifier_about,
            Qualifier::Target => &ui.qualifier_target,
        };
        format!("{word} {formatted}")
    }

    /// [`Self::value`] led by its qualifier.
    pub fn qualified_value(&self, qualifier: Qualifier, value: f64, unit: Unit) -> String {
        self.qualified(qualifier, &self.value(value, unit))
    }

    /// The unit's name, for table headers and data descriptions.
    pub fn unit_name(&self, unit: Unit) -> &str {
        let ui = self.ui;
        match unit {
            Unit::Persons => &ui.unit_persons,
            Unit::Percent => &ui.unit_percent,
            Unit::Mad => &ui.unit_mad,
            Unit::MadPerMonth => &ui.unit_mad_per_month,
            Unit::FilesPerDay => &ui.unit_files_per_day,
            Unit::Count => &ui.unit_count,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::context::test_ctx::with;
    use crate::data::{Qualifier, Unit};
    use crate::locale::Lang;

    #[test]
    fn values_choose_words_for_round_millions_only() {
        with(Lang::Fr, |lx| {
            assert_eq!(lx.value(10_229_617.0, Unit::Persons), "10.229.617");
            assert_eq!(lx.value(11_100_000.0, Unit::Persons), "11,1 millions");
            assert_eq!(
                lx.qualified_value(Qualifier::AtLeast, 11_100_000.0, Unit::Persons),
                "plus de 11,1 millions"
            );
            assert_eq!(lx.value(6.37, Unit::Percent), "6,37\u{A0}%");
        });
        with(Lang::Ar, |lx| {
            assert_eq!(lx.value(9_400_000.0, Unit::Persons), "9,4 مليون");
        });
    }
}
