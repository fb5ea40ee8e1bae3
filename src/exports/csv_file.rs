//! RFC 4180 CSV: UTF-8 without BOM, CRLF line ends, one header row of stable ASCII names,
//! raw numbers with `.`, ISO dates, and formula-looking text neutralised (OWASP).

use super::Row;
use crate::data::Dataset;

pub const CSV_HEADER: [&str; 9] = [
    "date",
    "indicator",
    "regime",
    "value",
    "unit",
    "qualifier",
    "source_id",
    "source_title",
    "source_url",
];

/// One row per (indicator id, observation).
pub fn write(ds: &Dataset, rows: &[Row]) -> Result<Vec<u8>, String> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(CSV_HEADER).map_err(|e| e.to_string())?;
    for (indicator, o) in rows {
        let ind = ds.indicators.get(*indicator);
        let src = ds.sources.get(&o.source);
        let record = [
            o.date.iso(),
            neutralise_formula(indicator),
            neutralise_formula(ind.and_then(|i| i.regime.as_deref()).unwrap_or("")),
            raw_number(o.value),
            ind.map(|i| i.unit.code()).unwrap_or("").to_string(),
            o.qualifier.code().to_string(),
            neutralise_formula(&o.source),
            neutralise_formula(src.map(|s| s.title.fr.as_str()).unwrap_or("")),
            neutralise_formula(src.and_then(|s| s.url.as_deref()).unwrap_or("")),
        ];
        w.write_record(&record).map_err(|e| e.to_string())?;
    }
    w.into_inner().map_err(|e| e.to_string())
}

/// A number as plain digits with `.` for decimals, never in exponent form.
pub fn raw_number(v: f64) -> String {
    let s = format!("{v}");
    debug_assert!(!s.contains('e'));
    s
}

/// Text that a spreadsheet would run as a formula gets a leading apostrophe (OWASP CSV
/// injection): cells whose first character, once leading whitespace is trimmed (spaces,
/// tabs, line breaks, no-break spaces: spreadsheets trim them), is `=`, `+`, `-`, `@` or
/// one of their full-width forms (`＝`, `＋`, `－`, `＠`), or that start with a tab or a
/// carriage return.
pub fn neutralise_formula(text: &str) -> String {
    let starts_formula = matches!(
        text.trim_start().chars().next(),
        Some('=' | '+' | '-' | '@' | '\u{FF1D}' | '\u{FF0B}' | '\u{FF0D}' | '\u{FF20}')
    );
    if starts_formula || text.starts_with(['\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        for bad in ["=1+1", "@SUM(A1)", "-2", "+33 6", "\tx", "\rx"] {
            assert!(neutralise_formula(bad).starts_with('\''), "{bad}");
        }
        assert_eq!(neutralise_formula("Cour des comptes"), "Cour des comptes");
    }

    #[test]
    fn formulas_after_whitespace_or_in_full_width_are_neutralised() {
        for bad in [
            " =1+1",
            "\n=HYPERLINK(\"https://x\",\"y\")",
            "\r\n@SUM(A1)",
            "\u{A0}=1",
            "\u{3000}+1",
            "\u{FF1D}HYPERLINK(\"https://x\")",
            "\u{FF0B}1",
            "\u{FF0D}1",
            "\u{FF20}A1",
        ] {
            assert!(neutralise_formula(bad).starts_with('\''), "{bad:?}");
        }
        assert_eq!(neutralise_formula("a = b"), "a = b");
    }

    #[test]
    fn numbers_are_raw() {
        assert_eq!(raw_number(24_700_000.0), "24700000");
        assert_eq!(raw_number(6.37), "6.37");
    }
}
