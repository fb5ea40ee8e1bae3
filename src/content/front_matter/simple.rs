//! The fast path of the front matter reader: a front matter made only of `key: value` lines
//! in the few forms a report is written in (a double-quoted text without escapes, a layout
//! name, an id, a `YYYY-MM-DD` date) is read here, without the YAML reader, which costs
//! about twenty times as much on such a block. Anything else (a comment, a blank or
//! indented line, a list, an escape, a plain text, a key written twice or unknown, a value
//! YAML could read as something else) makes [`read`] give up, and the YAML reader reads the
//! block: it alone reports errors. What [`read`] gives is what the YAML reader gives for the
//! same block, positions included (a test compares the two on generated blocks).

use super::{FrontMatter, Layout};
use crate::diagnostics::Position;
use crate::foundation::RawDate;
use crate::foundation::yaml::Located;

/// The front matter of `yaml` (the text between the two `---` lines), if every line is in
/// a form this reader knows; `None` sends the block to the YAML reader.
pub fn read(yaml: &str) -> Option<FrontMatter> {
    let mut title = None;
    let mut description = None;
    let mut front = FrontMatter {
        title: Located {
            value: String::new(),
            at: None,
        },
        description: Located {
            value: String::new(),
            at: None,
        },
        layout: None,
        regime: None,
        nav: None,
        nav_title: None,
        short_title: None,
        headline: Vec::new(),
        fallback_for: None,
        date: None,
        figures_as_of: None,
    };
    for (index, line) in yaml.split_inclusive('\n').enumerate() {
        let line = line.strip_suffix('\n')?;
        let (key, value) = line.split_once(": ")?;
        // The value starts after `key: `; columns count from 1.
        let (line, column) = (index + 1, key.len() + 3);
        match key {
            "title" => set(&mut title, at(quoted(value)?, line, column))?,
            "description" => set(&mut description, at(quoted(value)?, line, column))?,
            "short_title" => set(&mut front.short_title, quoted(value)?)?,
            "nav_title" => set(&mut front.nav_title, quoted(value)?)?,
            "layout" => set(&mut front.layout, at(layout(value)?, line, column))?,
            "regime" => set(&mut front.regime, at(id(value)?, line, column))?,
            "date" => set(&mut front.date, at(date(value)?, line, column))?,
            "figures_as_of" => set(&mut front.figures_as_of, at(date(value)?, line, column))?,
            _ => return None,
        }
    }
    front.title = title?;
    front.description = description?;
    Some(front)
}

fn at<T>(value: T, line: usize, column: usize) -> Located<T> {
    Located {
        value,
        at: Some(Position::new(line, column)),
    }
}

/// Fills an empty `slot`; `None` if the key was already written (the YAML reader reports it).
fn set<T>(slot: &mut Option<T>, value: T) -> Option<()> {
    if slot.is_some() {
        return None;
    }
    *slot = Some(value);
    Some(())
}

/// The text of `"…"` holding no `"`, no `\` and only characters YAML reads as themselves,
/// with nothing after the closing quote.
fn quoted(value: &str) -> Option<String> {
    let inner = value.strip_prefix('"')?.strip_suffix('"')?;
    let plain = inner.chars().all(|c| {
        !matches!(c,
            '"' | '\\' | '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' | '\u{2028}' | '\u{2029}'
            | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}')
    });
    plain.then(|| inner.to_string())
}

fn layout(value: &str) -> Option<Layout> {
    Some(match value {
        "page" => Layout::Page,
        "home" => Layout::Home,
        "data" => Layout::Data,
        "report" => Layout::Report,
        "reports" => Layout::Reports,
        _ => return None,
    })
}

/// An id as a plain word: lowercase ASCII letters, digits and `-`, starting with a letter,
/// and not a word YAML reads as a boolean or nothing.
fn id(value: &str) -> Option<String> {
    let b = value.as_bytes();
    let shaped = b.first().is_some_and(u8::is_ascii_lowercase)
        && b.iter()
            .all(|&c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-');
    let special = matches!(
        value,
        "null" | "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n"
    );
    (shaped && !special).then(|| value.to_string())
}

/// A `YYYY-MM-DD` date as written (checked later, where a wrong day is reported).
fn date(value: &str) -> Option<RawDate> {
    let b = value.as_bytes();
    let shaped = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    shaped.then(|| RawDate(value.to_string()))
}

#[cfg(test)]
mod tests;
