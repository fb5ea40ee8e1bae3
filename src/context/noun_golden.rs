//! Golden tests of figures with their nouns, from the real `i18n/nouns.yaml`: the number as
//! displayed picks the CLDR plural category; a number in words takes the compact pattern.
//! Invisible marks CLDR inserts are spelled out as escapes.

use super::test_ctx::with;
use crate::data::Unit;
use crate::locale::Lang;

const NUMBERS: [f64; 16] = [
    0.0,
    1.0,
    2.0,
    3.0,
    10.0,
    11.0,
    45.0,
    99.0,
    100.0,
    101.0,
    102.0,
    144.0,
    174.0,
    1000.0,
    1_500_000.0,
    24_700_000.0,
];

fn all(lang: Lang, noun: &str, unit: Unit) -> Vec<String> {
    with(lang, |lx| {
        let n = lx.nouns.get(noun).expect("declared noun");
        NUMBERS
            .iter()
            .map(|v| lx.counted(*v, unit, Some(n)))
            .collect()
    })
}

#[test]
fn arabic_agencies() {
    assert_eq!(
        all(Lang::Ar, "agency", Unit::Count),
        [
            "0 وكالة",
            "وكالة واحدة",
            "وكالتان",
            "3 وكالات",
            "10 وكالات",
            "11 وكالة",
            "45 وكالة",
            "99 وكالة",
            "100 وكالة",
            "101 وكالة",
            "102 وكالة",
            "144 وكالة",
            "174 وكالة",
            "1.000 وكالة",
            "1,5 مليون وكالة",
            "24,7 مليون وكالة",
        ]
    );
}

#[test]
fn arabic_dirhams_take_the_accusative_singular_from_11_to_99() {
    assert_eq!(
        all(Lang::Ar, "dirham", Unit::Mad),
        [
            "0 درهم",
            "درهم واحد",
            "درهمان",
            "3 دراهم",
            "10 دراهم",
            "11 درهما",
            "45 درهما",
            "99 درهما",
            "100 درهم",
            "101 درهم",
            "102 درهم",
            "144 درهما",
            "174 درهما",
            "1.000 درهم",
            "1,5 مليون درهم",
            "24,7 مليون درهم",
        ]
    );
}

#[test]
fn arabic_beneficiaries_in_millions_stay_singular() {
    let got = all(Lang::Ar, "beneficiary", Unit::Persons);
    assert_eq!(got[3], "3 مستفيدين");
    assert_eq!(got[6], "45 مستفيدا");
    assert_eq!(got[15], "24,7 مليون مستفيد");
}

#[test]
fn french_agencies() {
    assert_eq!(
        all(Lang::Fr, "agency", Unit::Count),
        [
            "0 agence",
            "1 agence",
            "2 agences",
            "3 agences",
            "10 agences",
            "11 agences",
            "45 agences",
            "99 agences",
            "100 agences",
            "101 agences",
            "102 agences",
            "144 agences",
            "174 agences",
            "1.000 agences",
            "1,5 million d’agences",
            "24,7 millions d’agences",
        ]
    );
}

#[test]
fn french_compact_numbers_take_de() {
    let got = all(Lang::Fr, "person", Unit::Persons);
    assert_eq!(got[1], "1 personne");
    assert_eq!(got[14], "1,5 million de personnes");
    assert_eq!(got[15], "24,7 millions de personnes");
    with(Lang::Fr, |lx| {
        let dirham = lx.nouns.get("dirham").unwrap();
        assert_eq!(
            lx.counted(9_500_000_000.0, Unit::Mad, Some(dirham)),
            "9,5 milliards de dirhams"
        );
        let person = lx.nouns.get("person").unwrap();
        assert_eq!(
            lx.counted(31_940_000.0, Unit::Persons, Some(person)),
            "31,94 millions de personnes"
        );
        // Digits, not words: the plural of the number as written.
        assert_eq!(
            lx.counted(1.5, Unit::MadPerMonth, Some(dirham)),
            "1,5 dirham"
        );
    });
}

#[test]
fn percentages_keep_their_marks() {
    with(Lang::Ar, |lx| {
        assert_eq!(lx.counted(87.0, Unit::Percent, None), "87\u{200E}%\u{200E}");
    });
    with(Lang::Fr, |lx| {
        assert_eq!(lx.counted(86.4, Unit::Percent, None), "86,4\u{A0}%");
    });
}
