//! From text to index terms: normalise, split into words, and give each word the forms it
//! is indexed under (as written, without an Arabic prefix, French stem, a grouped number
//! without its separators). The browser derives the same forms from a query (`script.rs`).

use super::{normalise, prefixes, stem};

/// One index term of a word; `written` is false for a derived form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub text: String,
    pub written: bool,
}

/// Every normalised word of `text`.
pub fn words(text: &str) -> Vec<String> {
    normalise::words(&normalise::normalise(text))
}

/// The forms a normalised word is indexed under, the word itself first.
pub fn forms(word: &str) -> Vec<String> {
    let mut out = vec![word.to_string()];
    let mut push = |f: String| {
        if !out.contains(&f) {
            out.push(f);
        }
    };
    prefixes::strip(word).into_iter().for_each(&mut push);
    if let Some(s) = stem::stem(word) {
        push(s);
    }
    if let Some(n) = grouped_number(word) {
        push(n);
    }
    out
}

/// The index terms of `text`, word by word.
pub fn terms(text: &str) -> Vec<Term> {
    words(text)
        .iter()
        .flat_map(|w| {
            forms(w).into_iter().enumerate().map(|(i, text)| Term {
                text,
                written: i == 0,
            })
        })
        .collect()
}

/// `24.700.000` → `24700000`: a number whose groups after the first all have three digits.
fn grouped_number(word: &str) -> Option<String> {
    let mut groups = word.split('.');
    let first = groups.next()?;
    let rest: Vec<&str> = groups.collect();
    let ok = !rest.is_empty()
        && !first.is_empty()
        && first.len() <= 3
        && word.chars().all(|c| c.is_ascii_digit() || c == '.')
        && rest.iter().all(|g| g.len() == 3);
    ok.then(|| word.replace('.', ""))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// (text, every form of every word), shared with the browser-side check.
    pub const CASES: &[(&str, &[&str])] = &[
        ("والتغطيـــة", &["والتغطيه", "تغطيه", "التغطيه"]),
        ("Remboursés", &["rembourses", "rembours"]),
        ("24.700.000", &["24.700.000", "24700000"]),
        ("٢٤٫٧\u{00A0}%", &["24.7"]),
        ("2024", &["2024"]),
        ("11 millions", &["11", "millions", "million"]),
    ];

    #[test]
    fn every_word_gets_its_forms() {
        for (text, expected) in CASES {
            let got: Vec<String> = terms(text).into_iter().map(|t| t.text).collect();
            assert_eq!(got, *expected, "terms({text:?})");
        }
        let t = terms("للتأمين");
        assert!(t[0].written && !t[1].written);
    }
}
