//! Numbers and dates formatted from CLDR data (ICU4X, compiled in) for `ar-MA` and `fr-MA`.
//!
//! Output keeps ICU's invisible marks (U+200E, U+00A0): they are correct in HTML text. Machine
//! readable outputs (CSV, JSON, attributes) never go through these functions: they write raw
//! numbers and ISO dates.

use super::Lang;
use crate::foundation::ObsDate;
use fixed_decimal::Decimal;
use icu_calendar::{Date, Gregorian};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::{Y, YM, YMD};
use icu_decimal::{CompactDecimalFormatter, DecimalFormatter};
use icu_locale_core::Locale;
use icu_plurals::PluralRules;
use std::str::FromStr;

/// The CLDR formatters of one language, built once per build and shared read-only.
pub struct Formatter {
    lang: Lang,
    decimal: DecimalFormatter,
    compact_long: CompactDecimalFormatter,
    compact_short: CompactDecimalFormatter,
    day: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
    month: FixedCalendarDateTimeFormatter<Gregorian, YM>,
    year: FixedCalendarDateTimeFormatter<Gregorian, Y>,
    plurals: PluralRules,
    /// Dates already formatted: a site shows the same few dates on thousands of pages.
    dates: std::sync::Mutex<rustc_hash::FxHashMap<ObsDate, String>>,
}

/// One [`Formatter`] per language.
pub struct Formatters {
    ar: Formatter,
    fr: Formatter,
}

impl Formatters {
    pub fn new() -> Self {
        Formatters {
            ar: Formatter::new(Lang::Ar),
            fr: Formatter::new(Lang::Fr),
        }
    }

    pub fn get(&self, lang: Lang) -> &Formatter {
        match lang {
            Lang::Ar => &self.ar,
            Lang::Fr => &self.fr,
        }
    }
}

impl Default for Formatters {
    fn default() -> Self {
        Self::new()
    }
}

impl Formatter {
    /// Builds the formatters from compiled CLDR data. The data for `ar-MA` and `fr-MA` is
    /// baked into the binary, so this cannot fail at run time; a failure is a packaging bug.
    pub fn new(lang: Lang) -> Self {
        let locale = Locale::from_str(lang.locale()).expect("static locale tag");
        let baked = "CLDR data for ar-MA/fr-MA is compiled in";
        Formatter {
            lang,
            decimal: DecimalFormatter::try_new((&locale).into(), Default::default()).expect(baked),
            compact_long: CompactDecimalFormatter::try_new_long(
                (&locale).into(),
                Default::default(),
            )
            .expect(baked),
            compact_short: CompactDecimalFormatter::try_new_short(
                (&locale).into(),
                Default::default(),
            )
            .expect(baked),
            day: FixedCalendarDateTimeFormatter::try_new((&locale).into(), YMD::long())
                .expect(baked),
            month: FixedCalendarDateTimeFormatter::try_new((&locale).into(), YM::long())
                .expect(baked),
            year: FixedCalendarDateTimeFormatter::try_new((&locale).into(), Y::long())
                .expect(baked),
            plurals: super::tables::plural_rules(lang),
            dates: Default::default(),
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// A number with Moroccan grouping and decimal comma, at most two decimals:
    /// `24.700.000`, `6,37`.
    pub fn number(&self, value: f64) -> String {
        self.decimal.format(&decimal(value, 2)).to_string()
    }

    /// A large number in words with up to two significant decimals: `24,7 millions`,
    /// `24,7 مليون`. Smaller numbers fall back to [`Formatter::number`].
    pub fn compact(&self, value: f64) -> String {
        compact_with(&self.compact_long, value).unwrap_or_else(|| self.number(value))
    }

    /// The short compact form used on chart axes: `24,7 M`, `24,7 مليون`. Arabic has no
    /// shorter word than `مليون`, and CLDR's short form keeps it singular after 3 to 10
    /// (`5 مليون`): Arabic takes the long form, which agrees (`5 ملايين`). One and two of
    /// them are written as Arabic counts them, the noun alone and its dual (`مليون`,
    /// `مليونان`), where CLDR writes `1 مليون` and `2 مليون`.
    pub fn compact_short(&self, value: f64) -> String {
        let f = match self.lang {
            Lang::Ar => {
                if let Some(words) = arabic_one_or_two(value) {
                    return words.to_string();
                }
                &self.compact_long
            }
            Lang::Fr => &self.compact_short,
        };
        compact_with(f, value).unwrap_or_else(|| self.number(value))
    }

    /// A percentage of 0–100: `87 %` (NBSP) in French, `87‎%‎` (LRM-wrapped) in Arabic,
    /// as CLDR gives them.
    pub fn percent(&self, value: f64) -> String {
        let n = self.number(value);
        match self.lang {
            Lang::Ar => format!("{n}\u{200E}%\u{200E}"),
            Lang::Fr => format!("{n}\u{A0}%"),
        }
    }

    /// A count in words, with the plural form CLDR picks for `n` in this language:
    /// `3 ملاحظات`, `11 ملاحظة`, `2 observations`.
    pub fn count(&self, text: &super::PluralText, n: usize) -> String {
        let category = super::tables::category_name(self.plurals.category_for(n));
        let form = text
            .forms
            .get(category)
            .or_else(|| text.forms.get("other"))
            .map_or("{n}", String::as_str);
        form.replace("{n}", &self.number(n as f64))
    }

    /// The CLDR plural category of `value` as [`Formatter::number`] displays it (two
    /// decimals at most, trailing zeros dropped): `1,5` is not `1,50`.
    pub fn plural_of(&self, value: f64) -> icu_plurals::PluralCategory {
        self.plurals.category_for(&decimal(value, 2))
    }

    /// A date at the precision it was observed: `2024`, `دجنبر 2024`, `26 septembre 2023`.
    pub fn date(&self, date: ObsDate) -> String {
        let known = |dates: &mut rustc_hash::FxHashMap<ObsDate, String>| {
            dates
                .entry(date)
                .or_insert_with(|| self.format_date(date))
                .clone()
        };
        match self.dates.lock() {
            Ok(mut dates) => known(&mut dates),
            Err(_) => self.format_date(date),
        }
    }

    fn format_date(&self, date: ObsDate) -> String {
        let (y, m, d) = date.ymd_start();
        let Ok(g) = Date::try_new_gregorian(y, m, d) else {
            return date.iso();
        };
        match date {
            ObsDate::Year(_) => self.year.format(&g).to_string(),
            ObsDate::Month(..) => self.month.format(&g).to_string(),
            ObsDate::Day(..) => first_of_month(self.lang, d, self.day.format(&g).to_string()),
        }
    }
}

/// The first day of a month as the press writes it: French as an ordinal, "1er septembre
/// 2024", and Moroccan Arabic as «فاتح شتنبر 2024» (as the site's own prose does); CLDR
/// gives the cardinal "1 septembre 2024", «1 شتنبر 2024».
fn first_of_month(lang: Lang, day: u8, text: String) -> String {
    match (lang, day, text.strip_prefix("1 ")) {
        (Lang::Fr, 1, Some(rest)) => format!("1er {rest}"),
        (Lang::Ar, 1, Some(rest)) => format!("فاتح {rest}"),
        _ => text,
    }
}

/// `value` as an ICU decimal rounded to `decimals` places, trailing zeros trimmed.
fn decimal(value: f64, decimals: i16) -> Decimal {
    let mut d = Decimal::from_str(&format!("{value}")).unwrap_or_else(|_| Decimal::from(0));
    d.round(-decimals);
    d.absolute.trim_end();
    d
}

/// One or two million or billion in Arabic words, the way they are counted.
fn arabic_one_or_two(value: f64) -> Option<&'static str> {
    [
        (1e6, "مليون"),
        (2e6, "مليونان"),
        (1e9, "مليار"),
        (2e9, "ملياران"),
    ]
    .into_iter()
    .find(|&(v, _)| v == value)
    .map(|(_, words)| words)
}

fn compact_with(f: &CompactDecimalFormatter, value: f64) -> Option<String> {
    if value.abs() < 1_000_000.0 || !value.is_finite() {
        return None;
    }
    let magnitude = value.abs().log10().floor() as i16;
    let exponent = f.compact_exponent_for_magnitude(magnitude);
    let significand = decimal(value / 10f64.powi(i32::from(exponent)), 2);
    f.format_with_exponent(&significand, exponent)
        .ok()
        .map(|w| w.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ar() -> Formatter {
        Formatter::new(Lang::Ar)
    }
    fn fr() -> Formatter {
        Formatter::new(Lang::Fr)
    }

    #[test]
    fn numbers_use_moroccan_separators() {
        assert_eq!(ar().number(24_700_000.0), "24.700.000");
        assert_eq!(fr().number(24_700_000.0), "24.700.000");
        assert_eq!(fr().number(6.37), "6,37");
        assert_eq!(ar().number(1234.5), "1.234,5");
    }

    #[test]
    fn compact_keeps_the_decimal() {
        assert_eq!(ar().compact(24_700_000.0), "24,7 مليون");
        assert_eq!(fr().compact(24_700_000.0), "24,7 millions");
        assert_eq!(fr().compact(25_620_000.0), "25,62 millions");
        assert_eq!(fr().compact(9_500_000_000.0), "9,5 milliards");
        assert_eq!(fr().compact_short(24_700_000.0), "24,7\u{A0}M");
        // An axis label agrees with its number: 3 to 10 take the plural.
        assert_eq!(ar().compact_short(5_000_000.0), "5 ملايين");
        assert_eq!(ar().compact_short(10_000_000.0), "10 ملايين");
        assert_eq!(ar().compact_short(20_000_000.0), "20 مليون");
        // One and two are the noun alone and its dual; a fraction keeps its number.
        assert_eq!(ar().compact_short(1_000_000.0), "مليون");
        assert_eq!(ar().compact_short(2_000_000.0), "مليونان");
        assert_eq!(ar().compact_short(2_000_000_000.0), "ملياران");
        assert_eq!(ar().compact_short(1_500_000.0), "1,5 مليون");
        assert_eq!(fr().compact_short(2_000_000.0), "2\u{A0}M");
        assert_eq!(fr().compact(341_000.0), "341.000");
    }

    #[test]
    fn percent_carries_cldr_marks() {
        assert_eq!(ar().percent(87.0), "87\u{200E}%\u{200E}");
        assert_eq!(fr().percent(86.4), "86,4\u{A0}%");
    }

    #[test]
    fn dates_follow_their_precision_with_maghreb_months() {
        assert_eq!(ar().date(ObsDate::Year(2024)), "2024");
        assert_eq!(ar().date(ObsDate::Month(2024, 12)), "دجنبر 2024");
        assert_eq!(fr().date(ObsDate::Month(2024, 12)), "décembre 2024");
        assert_eq!(fr().date(ObsDate::Day(2023, 9, 26)), "26 septembre 2023");
        assert_eq!(ar().date(ObsDate::Day(2023, 9, 26)), "26 شتنبر 2023");
        assert_eq!(fr().date(ObsDate::Day(2024, 9, 1)), "1er septembre 2024");
        assert_eq!(fr().date(ObsDate::Day(2024, 9, 11)), "11 septembre 2024");
        assert_eq!(fr().date(ObsDate::Month(2024, 9)), "septembre 2024");
        assert_eq!(ar().date(ObsDate::Day(2024, 9, 1)), "فاتح شتنبر 2024");
        assert_eq!(ar().date(ObsDate::Day(2024, 9, 11)), "11 شتنبر 2024");
    }

    #[test]
    fn counts_pick_the_cldr_plural_form() {
        let forms = |pairs: &[(&str, &str)]| super::super::PluralText {
            forms: pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        };
        let ar_text = forms(&[
            ("zero", "لا مصدر"),
            ("one", "مصدر واحد"),
            ("two", "مصدران"),
            ("few", "{n} مصادر"),
            ("many", "{n} مصدرا"),
            ("other", "{n} مصدر"),
        ]);
        let got: Vec<String> = [0, 1, 2, 3, 11, 100, 1000]
            .iter()
            .map(|n| ar().count(&ar_text, *n))
            .collect();
        assert_eq!(
            got,
            [
                "لا مصدر",
                "مصدر واحد",
                "مصدران",
                "3 مصادر",
                "11 مصدرا",
                "100 مصدر",
                "1.000 مصدر"
            ]
        );
        let fr_text = forms(&[
            ("one", "{n} source"),
            ("many", "{n} de sources"),
            ("other", "{n} sources"),
        ]);
        assert_eq!(fr().count(&fr_text, 1), "1 source");
        assert_eq!(fr().count(&fr_text, 2), "2 sources");
        assert_eq!(fr().count(&fr_text, 1_000_000), "1.000.000 de sources");
    }
}
