//! Parsing YAML text into typed values, turning parser errors into located diagnostics.

use crate::diagnostics::{Diagnostic, Position};
use serde::de::DeserializeOwned;
use std::path::Path;

/// Parses `text` (from `file`) into `T`. `line_offset` shifts reported lines when the YAML
/// is embedded in a larger file (front matter).
pub fn parse<T: DeserializeOwned>(
    file: &Path,
    text: &str,
    line_offset: usize,
) -> Result<T, Diagnostic> {
    serde_saphyr::from_str::<T>(text).map_err(|err| {
        let position = err.location().filter(|l| l.line() > 0).map(|l| {
            Position::new(l.line() as usize, l.column().max(1) as usize).offset_lines(line_offset)
        });
        if let serde_saphyr::Error::Budget { breach, .. } = err.without_snippet() {
            let (message, hint) = budget_message(breach);
            return Diagnostic::new(file, position, message).with_hint(hint);
        }
        let message = clean_message(&err.without_snippet().to_string());
        let hint = hint_for(&message);
        Diagnostic::new(file, position, message).with_hint(hint)
    })
}

/// Location of a spanned value, shifted like [`parse`] does.
pub fn position_of<T>(spanned: &serde_saphyr::Spanned<T>) -> Option<Position> {
    let l = spanned.referenced;
    (l.line() > 0).then(|| Position::new(l.line() as usize, l.column().max(1) as usize))
}

/// A value and where it is written in its YAML text (line 1 is the text's first line; `None`
/// if the reader did not say). It reads as a [`serde_saphyr::Spanned`] does, and a reader
/// other than the YAML one (the front matter's fast path) can make it too.
#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    pub value: T,
    pub at: Option<Position>,
}

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Located<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = serde_saphyr::Spanned::<T>::deserialize(deserializer)?;
        let at = position_of(&spanned);
        Ok(Located {
            value: spanned.value,
            at,
        })
    }
}

/// What a YAML budget breach means for the person who wrote the file, and what to do.
fn budget_message(breach: &serde_saphyr::budget::BudgetBreach) -> (String, String) {
    use serde_saphyr::budget::BudgetBreach as B;
    match breach {
        B::Nodes { nodes: n } | B::Events { events: n } => (
            format!("this file is larger than the YAML reader accepts (over {n} values; an indicator holds about 28 000 observations at most)"),
            "split the series: one indicator per regime or per period, or keep one observation per month or year".into(),
        ),
        B::Depth { depth } => (
            format!("the YAML is nested {depth} levels deep, more than the reader accepts"),
            "data files are a few levels deep: check the indentation and the brackets".into(),
        ),
        B::Aliases { .. } | B::Anchors { .. } | B::MergeKeys { .. } => (
            "the file uses more YAML anchors or aliases (`&`, `*`, `<<`) than the reader accepts".into(),
            "write the values out instead of repeating them with aliases".into(),
        ),
        _ => (
            "the file exceeds a size limit of the YAML reader".into(),
            "split it into smaller files".into(),
        ),
    }
}

/// Drops the parser's own "at line X column Y" suffix: the location is shown separately.
/// Long messages (a parser may quote a huge value) are cut to 300 characters.
fn clean_message(message: &str) -> String {
    let first = message.lines().next().unwrap_or(message).trim();
    let cut = first.find(" at line ").map_or(first, |i| &first[..i]);
    let cut = cut.strip_prefix("error: ").unwrap_or(cut);
    if cut.chars().count() > 300 {
        format!("{}…", cut.chars().take(300).collect::<String>())
    } else {
        cut.to_string()
    }
}

fn hint_for(message: &str) -> String {
    let m = message.to_lowercase();
    if m.contains("unknown field") {
        "remove or rename this key: the message lists the keys accepted here".into()
    } else if m.contains("missing field `ar`") || m.contains("missing field `fr`") {
        "every text is written in both languages: add the missing `ar:` or `fr:`".into()
    } else if m.contains("missing field") {
        "add the missing key (README.md and data/README.md describe every file)".into()
    } else if m.contains("duplicate") {
        "each key may appear once in a mapping: remove or rename the repeated one".into()
    } else if m.contains("unknown variant") {
        "use one of the values listed in the message".into()
    } else {
        "fix the YAML at this place (indentation, quoting, or the type of the value)".into()
    }
}
