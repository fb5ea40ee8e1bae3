use super::{
    STOPS, TEXT_STOPS, Typesetter, first_needing_rule, french, may_hold_address, needs_rule,
    next_stop, opening_verbatim, tag_len,
};

#[test]
fn punctuation_gets_its_no_break_spaces() {
    assert_eq!(french("Qui paie ? Oui !"), "Qui paie\u{202F}? Oui\u{202F}!");
    assert_eq!(french("a ; b; c"), "a\u{202F}; b\u{202F}; c");
    assert_eq!(french("Source : x"), "Source\u{A0}: x");
    assert_eq!(french("Sources: x"), "Sources\u{A0}: x");
    assert_eq!(french("« AMO Tadamon »"), "«\u{202F}AMO Tadamon\u{202F}»");
    assert_eq!(french("«AMO»"), "«\u{202F}AMO\u{202F}»");
}

#[test]
fn numbers_keep_their_unit_and_percent() {
    assert_eq!(french("87 %"), "87\u{A0}%");
    assert_eq!(french("12,5 Ko et 24,7 M"), "12,5\u{A0}Ko et 24,7\u{A0}M");
    assert_eq!(french("7.777.501 personnes"), "7.777.501 personnes");
    // A number's word stays with it; a word that only starts like one does not.
    assert_eq!(
        french("de 26,84 millions à 9,5 milliards et 1 million"),
        "de 26,84\u{A0}millions à 9,5\u{A0}milliards et 1\u{A0}million"
    );
    assert_eq!(french("2 millionnaires"), "2 millionnaires");
    assert_eq!(french("à 10:30"), "à 10:30");
    // Inside a run of plain text too: a space after a digit is never copied as it is.
    assert_eq!(
        french("un fichier de 12 Mo ici"),
        "un fichier de 12\u{A0}Mo ici"
    );
}

#[test]
fn one_apostrophe() {
    assert_eq!(french("l'AMO, d&#39;adresse"), "l’AMO, d’adresse");
}

#[test]
fn punctuation_after_an_inline_element() {
    assert_eq!(
        french("<strong>Base légale</strong>: <a href=\"/x?a=1\">y</a> ?"),
        "<strong>Base légale</strong>\u{A0}: <a href=\"/x?a=1\">y</a>\u{202F}?"
    );
    assert_eq!(french("« <a>Titre</a> »"), "«\u{202F}<a>Titre</a>\u{202F}»");
}

#[test]
fn a_space_before_an_inline_element_takes_the_rule_of_what_opens_it() {
    // The space is replaced where it is, before the tag; the tag stays whole.
    assert_eq!(french("Qui paie <em>?</em>"), "Qui paie\u{202F}<em>?</em>");
    assert_eq!(
        french("Taux <strong>: 87 %</strong>"),
        "Taux\u{A0}<strong>: 87\u{A0}%</strong>"
    );
    assert_eq!(french("<b>12</b> Mo"), "<b>12</b>\u{A0}Mo");
}

#[test]
fn code_urls_attributes_and_form_fields_are_left_alone() {
    let untouched = [
        "<code>a ; b ?</code>",
        "<pre>x: y\n</pre>",
        "<script type=\"application/ld+json\">{\"a\": \"b ?\"}</script>",
        "<textarea>a ; b</textarea>",
        "<input value=\"a ; b ?\" aria-label=\"x : y\">",
        "<!-- a ; b -->",
        "https://example.org/a?b=c;d",
        "&amp;&lt;&quot;",
    ];
    for s in untouched {
        assert_eq!(french(s), s);
    }
    assert_eq!(
        french("Voir https://x.ma/?q=1 : ici"),
        "Voir https://x.ma/?q=1\u{A0}: ici"
    );
}

#[test]
fn arabic_is_left_as_it_is() {
    let s = "ما هو؟ « x »";
    assert_eq!(super::for_lang(crate::locale::Lang::Ar, s.to_string()), s);
}

#[test]
fn the_byte_scan_stops_where_the_rule_characters_are() {
    let samples = [
        "",
        "abc",
        "déjà vu",
        "taux : 42 %",
        "« citation »",
        "a\u{A0}b\u{202F}c",
        "—é€ñ’…",
        "l'état; ok! non?",
        "x&amp;y",
        "مرحبا بكم",
        "\u{2014}\u{202F}",
    ];
    for s in samples {
        for start in s.char_indices().map(|(i, _)| i) {
            let run = &s[start..];
            // A space inside the run after anything but a digit is copied with it.
            let expected = run
                .char_indices()
                .find(|&(k, c)| {
                    let plain_space =
                        c == ' ' && k > 0 && !run[..k].ends_with(|p: char| p.is_ascii_digit());
                    needs_rule(c) && !plain_space
                })
                .map_or(run.len(), |(k, _)| k);
            assert_eq!(first_needing_rule(run), expected, "{run:?}");
        }
    }
}

#[test]
fn verbatim_elements_are_found_in_any_case_without_their_attributes() {
    assert_eq!(opening_verbatim("<PRE class=\"x\">"), Some("pre"));
    assert_eq!(opening_verbatim("<code>"), Some("code"));
    assert_eq!(opening_verbatim("<codex>"), None);
    assert_eq!(opening_verbatim("<br/>"), None);
    assert_eq!(opening_verbatim("</code>"), None);
}

proptest::proptest! {
    #![proptest_config(crate::test_support::proptest_cases(2048))]

    /// Scanning for the characters a rule may apply to and copying the rest as slices
    /// gives what typesetting every character one by one gives.
    #[test]
    fn copying_runs_changes_nothing(
        pieces in proptest::collection::vec(proptest::sample::select(vec![
            "a", "é", "ب", " ", "  ", "\n", "\t", "1", "42", ";", "!", "?", ":", "«", "»", "%",
            "'", "&amp;", "&#39;", "Mo", "km", "h", "\u{A0}", "\u{202F}", "<b>", "</b>",
            "<code>", "</code>", "www.x.ma", "a@b", "https://x", "(", "[", "12 Mo", "3 %",
            "7 km/h", "x ; y", "« a »", "l'an", "9 h", "<!-- ; -->", "<pre>", "</pre>",
            "déjà", "’", "—", "#", ",", ".", "(", "10:30", "&#39;", "&", "<em>", "</em>",
            "abcdefghij", "°", "…", "www", ".", "@", "://", "w", "<br/>", "<i>«</i>",
            "mail@x.ma", "<!--", "-->",
        ]), 0..32)
    ) {
        let html = pieces.concat();
        let slow = Typesetter::new(&html, false).run();
        proptest::prop_assert_eq!(french(&html), slow);
    }

    /// The same on any string of the characters the rules look at.
    #[test]
    fn scanning_changes_nothing_on_any_string(
        html in "[a w.:/@&;#x'«» <>!?%0-9\u{A0}\u{202F}é’(\n-]{0,48}"
    ) {
        let slow = Typesetter::new(&html, false).run();
        proptest::prop_assert_eq!(french(&html), slow);
    }

    /// The one-scan address check agrees with looking for each sign in turn.
    #[test]
    fn the_address_scan_finds_each_sign(
        pieces in proptest::collection::vec(proptest::sample::select(vec![
            "a", "w", "ww", "www.", "ww.", ":", "//", "/", "@", " ", "é", ":/", "https",
        ]), 0..12)
    ) {
        let t = pieces.concat();
        let each = t.contains('@') || t.contains("://") || t.contains("www.");
        proptest::prop_assert_eq!(may_hold_address(&t), each);
    }
}

#[test]
fn the_eight_byte_scans_stop_where_a_byte_loop_does() {
    let mut bytes: Vec<u8> = Vec::new();
    for b in 0u8..=255 {
        for len in 0..20 {
            for at in 0..len {
                bytes.clear();
                bytes.resize(len, b'a');
                bytes[at] = b;
                for table in [&STOPS, &TEXT_STOPS] {
                    for from in 0..=len {
                        let slow = (from..len).find(|&k| table[usize::from(bytes[k])]);
                        let found = next_stop(&bytes, from, table);
                        assert_eq!(found, slow.unwrap_or(len), "{b:#x} at {at} of {len}");
                    }
                }
                let gt = bytes.iter().position(|&c| c == b'>').map_or(len, |k| k + 1);
                assert_eq!(tag_len(&bytes), gt, "{b:#x} at {at} of {len}");
            }
        }
    }
}
