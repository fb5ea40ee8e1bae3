//! Arabic clitic prefixes: a word is indexed as written and without a leading و / ف / ب /
//! ل / ك, the article ال, or their combinations (وال, بال, فال, كال, لل). Both forms are kept,
//! because و, ف, ب, ل and ك are also root letters (وكالة, فحص, بطاقة).

/// Prefixes removed, on normalised words; longest first. The number is the fewest letters
/// that must remain for the stripped form to be indexed.
pub const PREFIXES: &[(&str, usize)] = &[
    ("وال", 2),
    ("بال", 2),
    ("فال", 2),
    ("كال", 2),
    ("لل", 2),
    ("ال", 2),
    ("و", 3),
    ("ف", 3),
    ("ب", 3),
    ("ل", 3),
];

/// Whether a normalised word starts with an Arabic letter (hamza to yeh).
pub fn is_arabic_word(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| ('\u{0621}'..='\u{064A}').contains(&c))
}

/// The forms of a normalised Arabic word without each prefix it starts with, in
/// [`PREFIXES`] order, without repeats and without the word itself.
pub fn strip(word: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if !is_arabic_word(word) {
        return out;
    }
    for &(prefix, min) in PREFIXES {
        if let Some(rest) = word.strip_prefix(prefix)
            && rest.chars().count() >= min
            && !out.iter().any(|o| o == rest)
        {
            out.push(rest.to_string());
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// (normalised word, forms without a prefix), shared with the browser-side check.
    pub const CASES: &[(&str, &[&str])] = &[
        ("والتغطيه", &["تغطيه", "التغطيه"]),
        ("التامين", &["تامين"]),
        ("للتامين", &["تامين", "لتامين"]),
        ("بالمستشفي", &["مستشفي", "المستشفي"]),
        ("وكاله", &["كاله"]),
        ("فحص", &[]),
        ("ولد", &[]),
        ("tadamon", &[]),
        ("24.7", &[]),
    ];

    #[test]
    fn strips_each_prefix_and_keeps_short_words() {
        for (word, forms) in CASES {
            assert_eq!(strip(word), *forms, "strip({word})");
        }
    }
}
