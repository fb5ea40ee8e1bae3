//! The one normaliser of search: applied to every indexed word at build time and, through
//! the JavaScript generated from the same tables (`script.rs`), to every query in the browser.
//!
//! Steps, in order: grouping spaces between digits become `.`, NFKC (presentation forms pasted from PDFs), lower case, removal of
//! invisible and bidi marks (those CLDR puts in formatted numbers included), tatweel,
//! tashkeel and Quranic marks, the Arabic letter folds of [`FOLDS`], Arabic-Indic digits,
//! then NFD and removal of the Latin combining accents (French accent folding).

use unicode_normalization::UnicodeNormalization;

/// Characters removed outright: zero-width and bidi marks, BOM, tatweel, tashkeel,
/// superscript alef, Quranic annotation marks, and the Latin combining accents.
pub const STRIP: &[(char, char)] = &[
    ('\u{200B}', '\u{200F}'),
    ('\u{061C}', '\u{061C}'),
    ('\u{202A}', '\u{202E}'),
    ('\u{2066}', '\u{2069}'),
    ('\u{FEFF}', '\u{FEFF}'),
    ('\u{00AD}', '\u{00AD}'),
    ('\u{0640}', '\u{0640}'),
    ('\u{0610}', '\u{061A}'),
    ('\u{064B}', '\u{065F}'),
    ('\u{0670}', '\u{0670}'),
    ('\u{06D6}', '\u{06ED}'),
    ('\u{0300}', '\u{036F}'),
];

/// One character written for another: Arabic letter variants, Persian and Urdu look-alikes
/// pasted from other keyboards, Arabic-Indic digits and the Arabic decimal and thousands
/// separators.
pub const FOLDS: &[(char, char)] = &[
    ('\u{0622}', 'ا'), // آ
    ('\u{0623}', 'ا'), // أ
    ('\u{0625}', 'ا'), // إ
    ('\u{0671}', 'ا'), // ٱ
    ('\u{0649}', 'ي'), // ى
    ('\u{06CC}', 'ي'), // ی Persian yeh
    ('\u{0626}', 'ي'), // ئ
    ('\u{0624}', 'و'), // ؤ
    ('\u{0629}', 'ه'), // ة
    ('\u{06BE}', 'ه'), // ھ
    ('\u{06C1}', 'ه'), // ہ
    ('\u{06A9}', 'ك'), // ک
    ('\u{066B}', ','), // ٫ Arabic decimal separator
    ('\u{066C}', '.'), // ٬ Arabic thousands separator
    ('\u{0660}', '0'),
    ('\u{0661}', '1'),
    ('\u{0662}', '2'),
    ('\u{0663}', '3'),
    ('\u{0664}', '4'),
    ('\u{0665}', '5'),
    ('\u{0666}', '6'),
    ('\u{0667}', '7'),
    ('\u{0668}', '8'),
    ('\u{0669}', '9'),
    ('\u{06F0}', '0'),
    ('\u{06F1}', '1'),
    ('\u{06F2}', '2'),
    ('\u{06F3}', '3'),
    ('\u{06F4}', '4'),
    ('\u{06F5}', '5'),
    ('\u{06F6}', '6'),
    ('\u{06F7}', '7'),
    ('\u{06F8}', '8'),
    ('\u{06F9}', '9'),
];

/// Spaces that group the digits of a number (`24 700 000` in French): between two digits
/// they become `.`, so the number stays one word (`24.700.000`).
pub const GROUP_SPACES: &[char] = &['\u{00A0}', '\u{202F}', '\u{2009}'];

/// ASCII, Arabic-Indic and extended Arabic-Indic digits.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
        || ('\u{0660}'..='\u{0669}').contains(&c)
        || ('\u{06F0}'..='\u{06F9}').contains(&c)
}

/// `text` with each grouping space between two digits replaced by `.`.
fn join_digit_groups(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len())
        .map(|i| {
            let c = chars[i];
            let between =
                i > 0 && is_digit(chars[i - 1]) && chars.get(i + 1).is_some_and(|&n| is_digit(n));
            if between && GROUP_SPACES.contains(&c) {
                '.'
            } else {
                c
            }
        })
        .collect()
}

fn stripped(c: char) -> bool {
    STRIP.iter().any(|&(lo, hi)| (lo..=hi).contains(&c))
}

fn fold(c: char) -> char {
    FOLDS
        .iter()
        .find(|&&(from, _)| from == c)
        .map_or(c, |&(_, to)| to)
}

/// `text` as the index and the query see it.
pub fn normalise(text: &str) -> String {
    let lowered = join_digit_groups(text)
        .nfkc()
        .collect::<String>()
        .to_lowercase();
    let folded: String = lowered
        .chars()
        .filter(|&c| !stripped(c))
        .map(fold)
        .collect();
    // Decomposing exposes the accents of é, è, ç… (and the hamza of any letter not folded
    // above), which are then dropped.
    folded.nfd().filter(|&c| !stripped(c)).map(fold).collect()
}

/// Whether `c` belongs to a word (Unicode letters and numbers, as `\p{Alphabetic}\p{N}`).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The words of a normalised text. A `,` or `.` between two digits stays inside its number,
/// and becomes `.`: "24,7", "24.7" and «٢٤٫٧» are all `24.7`.
pub fn words(normalised: &str) -> Vec<String> {
    let chars: Vec<char> = normalised.chars().collect();
    let mut out = Vec::new();
    let mut word = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let in_number = matches!(c, ',' | '.')
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if is_word_char(c) {
            word.push(c);
        } else if in_number {
            word.push('.');
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Every case of section 7 of the Arabic research notes, and the French folds, from
    /// `tests/browser/search-cases.json`: the browser-side normaliser runs the same file.
    pub fn cases() -> Vec<(String, String)> {
        let file: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/browser/search-cases.json")).unwrap();
        serde_json::from_value(file["normalise"].clone()).unwrap()
    }

    #[test]
    fn section_7_cases_and_french_folds() {
        let cases = cases();
        assert!(cases.len() >= 20);
        for (input, expected) in cases {
            assert_eq!(normalise(&input), expected, "normalise({input:?})");
        }
    }

    #[test]
    fn both_spellings_normalise_to_the_same_text() {
        for (a, b) in [
            ("التأمين", "التامين"),
            ("مستشفى", "مستشفي"),
            ("الصحة", "الصحه"),
            ("التغطيـــة", "التغطية"),
            ("كِتَابٌ", "كتاب"),
            ("٢٠٢٤", "2024"),
            ("24,7\u{200E}%\u{200E}", "24,7%"),
        ] {
            assert_eq!(normalise(a), normalise(b), "{a} = {b}");
        }
        assert_ne!(normalise("تضامن"), normalise("تامين"));
    }

    #[test]
    fn cldr_formatted_numbers_lose_their_invisible_marks() {
        use crate::locale::{Formatter, Lang};
        for lang in Lang::ALL {
            let f = Formatter::new(lang);
            let pct = normalise(&f.percent(24.7));
            assert!(pct.is_ascii(), "{lang:?}: {pct:?}");
            assert_eq!(words(&pct), ["24.7"], "{lang:?}");
            assert_eq!(
                words(&normalise(&f.number(24_700_000.0))),
                ["24.700.000"],
                "{lang:?}"
            );
        }
    }

    #[test]
    fn numbers_keep_their_separators_as_one_word() {
        assert_eq!(words(&normalise("24,7 millions")), ["24.7", "millions"]);
        assert_eq!(words(&normalise("٢٤٫٧ مليون")), ["24.7", "مليون"]);
        assert_eq!(
            words(&normalise("24.700.000 personnes.")),
            ["24.700.000", "personnes"]
        );
        assert_eq!(
            words(&normalise("87\u{200E}%\u{200E}، 2024.")),
            ["87", "2024"]
        );
        assert_eq!(
            words(&normalise("l’assurance maladie-AMO")),
            ["l", "assurance", "maladie", "amo"]
        );
    }
}
