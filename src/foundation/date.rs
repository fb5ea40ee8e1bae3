//! Observation dates: a day, a month or a year, kept at the precision the source gave.

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use std::fmt;

/// When an observation applies. Ordering is chronological by the period's middle, as on a
/// chart's time axis ([`ObsDate::axis_position`]): a figure given for a whole year sorts
/// after the months of its first half, so tables, lines and "latest" agree with the axis.
/// A coarser period sorts before a finer one with the same middle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ObsDate {
    Year(i32),
    Month(i32, u8),
    Day(i32, u8, u8),
}

impl ObsDate {
    /// Parses `2024`, `2024-12` or `2024-12-01`, checking that the month and day exist.
    pub fn parse(text: &str) -> Result<ObsDate, String> {
        let parts: Vec<&str> = text.trim().split('-').collect();
        let num = |s: &str, what: &str| -> Result<u32, String> {
            if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!(
                    "`{text}` is not a date: the {what} `{s}` is not a number"
                ));
            }
            s.parse::<u32>()
                .map_err(|_| format!("`{text}`: {what} out of range"))
        };
        let year = |s: &str| -> Result<i32, String> {
            if s.len() != 4 {
                return Err(format!(
                    "`{text}` is not a date: the year must have four digits"
                ));
            }
            Ok(num(s, "year")? as i32)
        };
        match parts.as_slice() {
            [y] => Ok(ObsDate::Year(year(y)?)),
            [y, m] => {
                let m = num(m, "month")?;
                check_month(text, m)?;
                Ok(ObsDate::Month(year(y)?, m as u8))
            }
            [y, m, d] => {
                let y = year(y)?;
                let m = num(m, "month")?;
                check_month(text, m)?;
                let d = num(d, "day")?;
                let last = days_in_month(y, m as u8);
                if d == 0 || d > u32::from(last) {
                    return Err(format!(
                        "`{text}`: day {d} does not exist in that month (it has {last} days)"
                    ));
                }
                Ok(ObsDate::Day(y, m as u8, d as u8))
            }
            _ => Err(format!("`{text}` is not a date")),
        }
    }

    /// ISO 8601 at the observation's precision: `2024`, `2024-12`, `2024-12-01`.
    pub fn iso(self) -> String {
        let (y, rest) = match self {
            ObsDate::Year(y) => (y, [None, None]),
            ObsDate::Month(y, m) => (y, [Some(m), None]),
            ObsDate::Day(y, m, d) => (y, [Some(m), Some(d)]),
        };
        // Digit by digit (`{y:04}-{m:02}-{d:02}`): dates are written thousands of times.
        let small = rest.iter().flatten().all(|&p| p < 100);
        let (Ok(year @ 0..=9999), true) = (u16::try_from(y), small) else {
            return match self {
                ObsDate::Year(y) => format!("{y:04}"),
                ObsDate::Month(y, m) => format!("{y:04}-{m:02}"),
                ObsDate::Day(y, m, d) => format!("{y:04}-{m:02}-{d:02}"),
            };
        };
        let digit = |n: u16| char::from(b'0' + (n % 10) as u8);
        let mut s = String::with_capacity(10);
        s.extend([
            digit(year / 1000),
            digit(year / 100),
            digit(year / 10),
            digit(year),
        ]);
        for part in rest.into_iter().flatten() {
            let part = u16::from(part);
            s.extend(['-', digit(part / 10), digit(part)]);
        }
        s
    }

    /// First day of the period.
    pub fn ymd_start(self) -> (i32, u8, u8) {
        match self {
            ObsDate::Year(y) => (y, 1, 1),
            ObsDate::Month(y, m) => (y, m, 1),
            ObsDate::Day(y, m, d) => (y, m, d),
        }
    }

    /// Last day of the period.
    pub fn ymd_end(self) -> (i32, u8, u8) {
        match self {
            ObsDate::Year(y) => (y, 12, 31),
            ObsDate::Month(y, m) => (y, m, days_in_month(y, m)),
            ObsDate::Day(y, m, d) => (y, m, d),
        }
    }

    /// Position on a continuous time axis, in fractional years. A year is placed at its
    /// middle and a month at its middle, so annual figures sit fairly among monthly ones.
    pub fn axis_position(self) -> f64 {
        match self {
            ObsDate::Year(y) => f64::from(y) + 0.5,
            ObsDate::Month(y, m) => f64::from(y) + (f64::from(m) - 0.5) / 12.0,
            ObsDate::Day(y, m, d) => {
                let before: u32 = (1..m).map(|mm| u32::from(days_in_month(y, mm))).sum();
                let total = if is_leap(y) { 366.0 } else { 365.0 };
                f64::from(y) + (f64::from(before) + f64::from(d) - 0.5) / total
            }
        }
    }

    /// Twice the period's middle, in days since 1 January 1970 (start day plus end day):
    /// an exact integer key for ordering.
    fn middle_key(self) -> i64 {
        let (sy, sm, sd) = self.ymd_start();
        let (ey, em, ed) = self.ymd_end();
        day_number(sy, sm, sd) + day_number(ey, em, ed)
    }

    fn precision_rank(self) -> u8 {
        match self {
            ObsDate::Year(_) => 0,
            ObsDate::Month(..) => 1,
            ObsDate::Day(..) => 2,
        }
    }
}

impl Ord for ObsDate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.middle_key(), self.precision_rank())
            .cmp(&(other.middle_key(), other.precision_rank()))
    }
}

impl PartialOrd for ObsDate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for ObsDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

fn check_month(text: &str, m: u32) -> Result<(), String> {
    if (1..=12).contains(&m) {
        Ok(())
    } else {
        Err(format!("`{text}`: month {m} does not exist (use 01 to 12)"))
    }
}

/// Days from 1 January 1970 to `y-m-d` in the proleptic Gregorian calendar.
fn day_number(y: i32, m: u8, d: u8) -> i64 {
    // Howard Hinnant's days_from_civil: years start in March, so leap days come last.
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// A date as written in YAML, before it is checked: `2024` arrives as a number,
/// `2024-12` as a string. Checking happens in validation, where the location is known.
#[derive(Debug, Clone, PartialEq)]
pub struct RawDate(pub String);

impl<'de> Deserialize<'de> for RawDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = RawDate;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date: YYYY, YYYY-MM or YYYY-MM-DD")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawDate, E> {
                Ok(RawDate(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawDate, E> {
                Ok(RawDate(v.to_string()))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawDate, E> {
                Ok(RawDate(v.to_owned()))
            }
        }
        deserializer.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_cases(2048))]

        /// The digits written one by one are `format!`'s, whatever the numbers.
        #[test]
        fn iso_is_what_format_writes(y in -20_000i32..20_000, m: u8, d: u8) {
            proptest::prop_assert_eq!(ObsDate::Year(y).iso(), format!("{y:04}"));
            proptest::prop_assert_eq!(ObsDate::Month(y, m).iso(), format!("{y:04}-{m:02}"));
            proptest::prop_assert_eq!(ObsDate::Day(y, m, d).iso(), format!("{y:04}-{m:02}-{d:02}"));
        }
    }

    #[test]
    fn parses_three_precisions() {
        assert_eq!(ObsDate::parse("2024"), Ok(ObsDate::Year(2024)));
        assert_eq!(ObsDate::parse("2022-12"), Ok(ObsDate::Month(2022, 12)));
        assert_eq!(ObsDate::parse("2023-09-26"), Ok(ObsDate::Day(2023, 9, 26)));
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(ObsDate::parse("2023-13").is_err());
        assert!(ObsDate::parse("2023-02-29").is_err());
        assert!(ObsDate::parse("2024-02-29").is_ok());
        assert!(ObsDate::parse("24").is_err());
        assert!(ObsDate::parse("2024-1x").is_err());
        assert!(ObsDate::parse("").is_err());
    }

    #[test]
    fn orders_chronologically() {
        let mut v = vec![
            ObsDate::Day(2023, 9, 26),
            ObsDate::Year(2023),
            ObsDate::Month(2022, 12),
        ];
        v.sort();
        assert_eq!(
            v,
            vec![
                ObsDate::Month(2022, 12),
                ObsDate::Year(2023),
                ObsDate::Day(2023, 9, 26)
            ]
        );
        assert!(ObsDate::Year(2024).axis_position() > ObsDate::Month(2024, 1).axis_position());
    }

    /// A year sorts where the chart draws it, at its middle: after January, before July,
    /// so a figure given "for 2025" is later than one of January 2025.
    #[test]
    fn a_year_sorts_at_its_middle_like_on_the_axis() {
        assert!(ObsDate::Month(2025, 1) < ObsDate::Year(2025));
        assert!(ObsDate::Day(2025, 2, 20) < ObsDate::Year(2025));
        assert!(ObsDate::Year(2025) < ObsDate::Month(2025, 7));
        assert!(ObsDate::Year(2024) < ObsDate::Month(2024, 12));
        assert!(ObsDate::Month(2024, 12) < ObsDate::Year(2025));
        // 2 July 2025 is the middle of 2025 (182 days before it, 182 after): the year first.
        assert!(ObsDate::Year(2025) < ObsDate::Day(2025, 7, 2));
        assert!(ObsDate::Day(2025, 7, 1) < ObsDate::Year(2025));
        let mut dates = vec![
            ObsDate::Month(2025, 9),
            ObsDate::Year(2025),
            ObsDate::Month(2025, 1),
            ObsDate::Day(2023, 9, 26),
        ];
        dates.sort();
        let axis: Vec<f64> = dates.iter().map(|d| d.axis_position()).collect();
        assert!(axis.windows(2).all(|w| w[0] < w[1]), "{dates:?}");
    }

    #[test]
    fn day_numbers_count_from_1970() {
        assert_eq!(day_number(1970, 1, 1), 0);
        assert_eq!(day_number(2000, 3, 1), 11_017);
        assert_eq!(day_number(2024, 12, 31) - day_number(2024, 1, 1), 365);
        assert_eq!(day_number(2025, 1, 1) - day_number(2024, 12, 31), 1);
    }
}
