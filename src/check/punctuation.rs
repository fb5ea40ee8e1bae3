//! Warnings for Latin `;` and `?` in Arabic prose (`*.ar.md`, `i18n/ar.yaml`, the Arabic
//! texts of `data/guide.yaml`): Arabic text
//! takes «؛» and «؟». A sign inside a Latin run (`AMO Tadamon?`), in code, in an address, a
//! link target or a directive is left alone, and so is the Latin comma, which is also the
//! ar-MA decimal separator.

use crate::diagnostics::{Diagnostics, Position};
use crate::locale::bidi;
use std::path::{Path, PathBuf};

/// Every Latin `;` or `?` that follows Arabic text in `files` (relative to `root`).
pub fn arabic_punctuation(root: &Path, files: &[PathBuf]) -> Diagnostics {
    let mut found = Diagnostics::new();
    for file in files {
        let Ok(text) = std::fs::read_to_string(root.join(file)) else {
            continue;
        };
        let mut fenced = false;
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("```") {
                fenced = !fenced;
                continue;
            }
            let yaml_comment =
                line.trim_start().starts_with('#') && file.extension().is_some_and(|e| e == "yaml");
            if fenced || yaml_comment {
                continue;
            }
            for (column, sign) in latin_signs_in_arabic(line) {
                let arabic = if sign == ';' { '؛' } else { '؟' };
                found.error(
                    file,
                    Some(Position::new(n + 1, column)),
                    format!("Latin `{sign}` in Arabic text"),
                    format!("write «{arabic}»: the Latin sign belongs inside Latin runs only"),
                );
            }
        }
        if !found.is_empty() {
            found.add_source(file, &text);
        }
    }
    found
}

/// 1-based columns (in characters) of each `;` or `?` of `line` whose nearest letter
/// before it is Arabic, outside code, directives, link targets and addresses.
fn latin_signs_in_arabic(line: &str) -> Vec<(usize, char)> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = Vec::new();
    let (mut code, mut directive, mut target) = (false, false, false);
    let mut last_letter: Option<char> = None;
    let mut word_start = 0;
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        if c.is_whitespace() {
            word_start = i + 1;
        }
        match c {
            '`' => code = !code,
            '{' if next == Some('{') => directive = true,
            '}' if next == Some('}') => directive = false,
            '(' if i > 0 && chars[i - 1] == ']' => target = true,
            ')' if target => target = false,
            _ => {}
        }
        if code || directive || target {
            continue;
        }
        let word: String = chars[word_start..]
            .iter()
            .take_while(|c| !c.is_whitespace())
            .collect();
        if word.contains("://") || word.starts_with("www.") {
            continue;
        }
        if c.is_alphabetic() {
            // A haraka is alphabetic but keeps the letter it sits on as the last one.
            if !bidi::is_combining(c) {
                last_letter = Some(c);
            }
        } else if matches!(c, ';' | '?') && last_letter.is_some_and(bidi::is_arabic) {
            out.push((i + 1, c));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::latin_signs_in_arabic as signs;

    #[test]
    fn finds_latin_signs_after_arabic_only() {
        assert_eq!(signs("من يستفيد?"), [(10, '?')]);
        assert_eq!(signs("أولا; ثانيا"), [(5, ';')]);
        assert!(signs("من يستفيد؟ الأول؛ الثاني").is_empty());
        assert!(signs("نظام AMO Tadamon? نعم").is_empty());
        assert!(signs("انظر [الرابط](https://x.ma/?a=1;b) و`a;b?`").is_empty());
        assert!(signs("بلغ {{ figure x noun=none }} مليون").is_empty());
        assert!(signs("النسبة 6,37 في المائة").is_empty());
        // A word ending in a haraka is still Arabic; a byte-order mark is not a letter.
        assert_eq!(signs("مُحَمَّدٌ?"), [(10, '?')]);
        assert!(signs("AMO\u{FEFF}?").is_empty());
    }
}
