//! Values in their unit, as read in running text, in one language: the number chosen in
//! words or digits by its size and unit, led by its qualifier (`plus de`, `حوالي`).

use super::LangCtx;
use crate::data::{Qualifier, Unit};

impl LangCtx<'_> {
    /// A value in its unit as read in running text: large round counts in words,
    /// percentages with their sign, amounts in dirhams in words.
    pub fn value(&self, value: f64, unit: Unit) -> String {
        let f = self.f;
        match unit {
            Unit::Percent => f.percent(value),
            Unit::Persons | Unit::Count | Unit::FilesPerDay | Unit::Mad => {
                if value.abs() >= 1_000_000.0 && (value % 10_000.0) == 0.0 {
                    f.compact(value)
                } else {
                    f.number(value)
                }
            }
            Unit::MadPerMonth => f.number(value),
        }
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
    use crate::config::Config;
    use crate::data::{Dataset, Qualifier, Unit};
    use crate::locale::{Formatter, Lang, UiText};

    fn with<R>(lang: Lang, f: impl FnOnce(super::LangCtx) -> R) -> R {
        let config = Config::placeholder();
        let data = Dataset::default();
        let formatter = Formatter::new(lang);
        let ui = UiText {
            qualifier_at_least: "plus de".into(),
            ..UiText::default()
        };
        f(super::LangCtx {
            lang,
            config: &config,
            data: &data,
            f: &formatter,
            ui: &ui,
        })
    }

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
