//! Light French stemming at index time: plural and common derivational endings are cut so
//! that remboursement, rembourser, remboursés and remboursements share `rembours`.
//! Deliberately small: the browser also matches query words as prefixes of indexed terms.

/// Endings cut from normalised (accent-free, lower-case) French words, longest first,
/// with the fewest letters that must remain.
pub const SUFFIXES: &[(&str, usize)] = &[
    ("issements", 4),
    ("issement", 4),
    ("ements", 4),
    ("ement", 4),
    ("ations", 4),
    ("ation", 4),
    ("ments", 4),
    ("ment", 4),
    ("aires", 4),
    ("aire", 4),
    ("euses", 4),
    ("euse", 4),
    ("eurs", 4),
    ("eur", 4),
    ("ables", 4),
    ("able", 4),
    ("ives", 4),
    ("ive", 4),
    ("ifs", 4),
    ("if", 4),
    ("ees", 4),
    ("ee", 4),
    ("es", 4),
    ("er", 4),
    ("ez", 4),
    ("e", 4),
    ("s", 4),
    ("x", 4),
];

/// The stem of a normalised Latin-letter word, if an ending was cut.
pub fn stem(word: &str) -> Option<String> {
    if !word.chars().next().is_some_and(|c| c.is_ascii_lowercase()) {
        return None;
    }
    SUFFIXES.iter().find_map(|&(suffix, min)| {
        let rest = word.strip_suffix(suffix)?;
        (rest.chars().count() >= min).then(|| rest.to_string())
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// (normalised word, stem), shared with the browser-side check.
    pub const CASES: &[(&str, Option<&str>)] = &[
        ("remboursement", Some("rembours")),
        ("rembourser", Some("rembours")),
        ("rembourses", Some("rembours")),
        ("remboursements", Some("rembours")),
        ("rembourse", Some("rembours")),
        ("medicaments", Some("medica")),
        ("medicament", Some("medica")),
        ("beneficiaires", Some("benefici")),
        ("millions", Some("million")),
        ("cotisation", Some("cotis")),
        ("amo", None),
        ("tadamon", None),
        ("2024", None),
    ];

    #[test]
    fn stems_the_forms_of_a_word_to_one_stem() {
        for (word, expected) in CASES {
            assert_eq!(stem(word).as_deref(), *expected, "stem({word})");
        }
    }
}
