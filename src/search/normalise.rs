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
///
/// Normalising is done word by word, between ASCII white space (which no step changes and
/// across which none of them looks: nothing composes with a space, and a final sigma ends
/// at one). A word of only [`plain`] characters needs none of the Unicode steps: each of
/// its characters is lowered or folded alone. Any other word takes every step.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let blank = rest
            .bytes()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(rest.len());
        out.push_str(&rest[..blank]);
        rest = &rest[blank..];
        let end = rest
            .bytes()
            .position(|b| b.is_ascii_whitespace())
            .unwrap_or(rest.len());
        let word = &rest[..end];
        if word.chars().all(plain) {
            out.extend(word.chars().map(|c| fold(c.to_ascii_lowercase())));
        } else {
            out.push_str(&normalise_fully(word));
        }
        rest = &rest[end..];
    }
    out
}

/// ASCII, the Arabic letters from hamza to yeh (U+0621–U+063A, U+0641–U+064A), the Arabic
/// comma, semicolon and question mark, and the Arabic-Indic digits: each is its own NFKC and,
/// once folded, its own NFD; none is stripped, and no two of them compose.
fn plain(c: char) -> bool {
    c.is_ascii()
        || matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0660}'..='\u{0669}')
        || matches!(c, '\u{060C}' | '\u{061B}' | '\u{061F}')
}

/// Every step of [`normalise`], in order, on the whole of `text`.
fn normalise_fully(text: &str) -> String {
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
    // The same answer as `is_alphanumeric`; Arabic letters skip its tables.
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        crate::locale::bidi::is_caseless_arabic_alphanumeric(c) || c.is_alphanumeric()
    }
}

/// The words of a normalised text. A `,` or `.` between two digits stays inside its number,
/// and becomes `.`: "24,7", "24.7" and «٢٤٫٧» are all `24.7`.
pub fn words(normalised: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut prev: Option<char> = None;
    for (i, c) in normalised.char_indices() {
        let in_number = matches!(c, ',' | '.')
            && prev.is_some_and(|p| p.is_ascii_digit())
            && normalised
                .as_bytes()
                .get(i + 1)
                .is_some_and(u8::is_ascii_digit);
        prev = Some(c);
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

    /// Texts of every kind `normalise` meets: the site's own pages, and strings drawn from
    /// the characters each step acts on (marks, folds, presentation forms, spaces between
    /// digits, a final sigma) mixed with plain ones.
    fn varied_texts() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let mut texts: Vec<String> = walkdir::WalkDir::new(root)
            .into_iter()
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
            .map(|e| std::fs::read_to_string(e.path()).unwrap())
            .collect();
        assert!(texts.len() > 20, "the site's pages are there");
        let pool: Vec<char> = "aZé É\u{301}eΣσΑ\u{a0}\u{202f}1٢۳,.:ﬁ½\u{fb50}\u{fe8e}ﻻأإآؤئىةۀه\u{654}\u{653}\u{64e}\u{640}ـ\u{670}\u{200f}\u{2067}ا ل\nکیی٫٬؟،x\t"
            .chars()
            .collect();
        let mut seed: u64 = 42;
        for _ in 0..4000 {
            let mut t = String::new();
            for _ in 0..12 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                t.push(pool[(seed >> 33) as usize % pool.len()]);
            }
            texts.push(t);
        }
        texts
    }

    #[test]
    fn word_by_word_is_the_same_as_every_step_on_the_whole_text() {
        for text in varied_texts() {
            assert_eq!(normalise(&text), normalise_fully(&text), "{text:?}");
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
