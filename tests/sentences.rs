//! End-to-end: the sentences of the built default site read as written ones. French text
//! has its no-break spaces, no figure is followed by a parenthesised citation, every note
//! reference resolves and links back, money carries its currency, every `<time>` is
//! machine-readable at its precision, no figure says its noun twice, numbers typed in
//! definitions, notes and the guide look like the formatted ones, the data's French keeps
//! one apostrophe and its Arabic one word for open rights, and a card shows every source
//! of its date.

mod common;

use common::{SiteCopy, files_under};
use std::collections::BTreeSet;

fn built() -> &'static SiteCopy {
    common::built_once()
}

/// Every HTML page of a language, with its path.
fn pages(lang: &str) -> Vec<(String, String)> {
    let site = built();
    files_under(&site.out().join(lang))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .map(|p| {
            let rel = format!("{lang}/{}", p.to_string_lossy());
            let html = site.output_file(&rel);
            (rel, html)
        })
        .collect()
}

/// The text nodes of `html` outside code, scripts, styles and form fields, with entities
/// folded to one placeholder character so that their `;` is not read as punctuation.
fn prose_text(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    let mut skip: Option<String> = None;
    while let Some(lt) = rest.find('<') {
        let text = &rest[..lt];
        if skip.is_none() && !text.trim().is_empty() {
            out.push(fold_entities(text));
        }
        let gt = rest[lt..].find('>').map_or(rest.len(), |g| lt + g + 1);
        let tag = rest[lt..gt].to_ascii_lowercase();
        let name: String = tag
            .trim_start_matches(['<', '/'])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let verbatim = [
            "code", "pre", "script", "style", "textarea", "select", "kbd", "samp",
        ];
        if verbatim.contains(&name.as_str()) {
            if tag.starts_with("</") {
                if skip.as_deref() == Some(name.as_str()) {
                    skip = None;
                }
            } else if skip.is_none() {
                skip = Some(name);
            }
        }
        rest = &rest[gt..];
    }
    out
}

fn fold_entities(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let end = rest[i..].find(';').map_or(i + 1, |e| i + e + 1);
        out.push('\u{FFFC}');
        rest = &rest[end..];
    }
    out + rest
}

#[test]
fn french_punctuation_has_its_no_break_spaces() {
    let spaces = ['\u{A0}', '\u{202F}'];
    let mut bad = Vec::new();
    for (path, html) in pages("fr") {
        // Text nodes joined, so that a sign after an inline element is seen in context.
        let text = prose_text(&html).join("");
        for word in text.split([' ', '\n']) {
            if word.contains("://") || word.contains('@') || word.starts_with("www.") {
                continue;
            }
            let chars: Vec<char> = word.chars().collect();
            for (i, c) in chars.iter().enumerate() {
                let prev = i.checked_sub(1).map(|p| chars[p]);
                let next = chars.get(i + 1).copied();
                let ok = match c {
                    ';' | '?' | '!' | '»' => prev.is_none_or(|p| spaces.contains(&p)),
                    ':' => {
                        prev.is_none_or(|p| spaces.contains(&p))
                            || prev.is_some_and(|p| p.is_ascii_digit())
                                && next.is_some_and(|n| n.is_ascii_digit())
                    }
                    '«' => next.is_some_and(|n| spaces.contains(&n)),
                    _ => true,
                };
                // A sign at the start of a word follows a plain space: that is the error.
                let after_space = i == 0 && *c != '«';
                if !ok || after_space && matches!(c, ';' | '?' | '!' | '»' | ':') {
                    bad.push(format!("{path}: {word:?}"));
                }
            }
        }
    }
    assert!(
        bad.is_empty(),
        "{} places, e.g. {:?}",
        bad.len(),
        &bad[..bad.len().min(10)]
    );
}

#[test]
fn no_figure_is_followed_by_a_parenthesised_citation() {
    for lang in ["ar", "fr"] {
        for (path, html) in pages(lang) {
            for (i, _) in html.match_indices("</data>") {
                let after = html[i + 7..].trim_start();
                assert!(
                    !after.starts_with('('),
                    "{path}: {}",
                    &html[i.saturating_sub(80)..i + 60]
                );
                assert!(
                    !after.starts_with("<span class=\"figure-source\">("),
                    "{path}"
                );
            }
        }
    }
}

fn ids(html: &str) -> BTreeSet<String> {
    html.match_indices(" id=\"")
        .filter_map(|(i, _)| html[i + 5..].split('"').next().map(str::to_string))
        .collect()
}

#[test]
fn every_note_reference_resolves_and_links_back() {
    let mut refs = 0;
    for (lang, label) in [("fr", "source "), ("ar", "المصدر ")] {
        for (path, html) in pages(lang) {
            let ids = ids(&html);
            for (i, _) in html.match_indices("<sup class=\"note-ref\"><a id=\"") {
                refs += 1;
                let tag = &html[i..i + html[i..].find("</a>").unwrap()];
                let href = tag
                    .split("href=\"#")
                    .nth(1)
                    .unwrap()
                    .split('"')
                    .next()
                    .unwrap();
                let n = href.strip_prefix("note-").expect("href=#note-N");
                assert!(ids.contains(href), "{path}: no note {href}");
                assert!(
                    tag.contains(&format!("aria-label=\"{label}{n}\"")),
                    "{path}: {tag}"
                );
                let note = &html[html.find(&format!("<li id=\"{href}\">")).unwrap()..];
                let note = &note[..note.find("</li>").unwrap()];
                let back = format!("href=\"#note-ref-{n}\"");
                assert!(note.contains(&back), "{path}: note {n} has no link back");
                assert!(ids.contains(&format!("note-ref-{n}")), "{path}");
            }
            if html.contains("class=\"note-ref\"") {
                let heading = if lang == "fr" {
                    ">Sources</h2>"
                } else {
                    ">المصادر</h2>"
                };
                assert!(html.contains(heading), "{path}: no notes heading");
            }
        }
    }
    assert!(refs > 40, "only {refs} note references");
}

#[test]
fn the_same_observation_keeps_its_number() {
    let site = SiteCopy::new();
    site.replace(
        "content/about.fr.md",
        "## Un chiffre, une source, une date\n",
        "## Un chiffre, une source, une date\n\nA {{ figure tadamon-beneficiaries }}, B {{ figure cnss-agencies }}, C {{ figure tadamon-beneficiaries noun=none }}, D {{ figure tadamon-beneficiaries date=2022-12 }}.\n",
    );
    let out = site.build();
    assert!(out.status.success(), "{}", common::stderr(&out));
    let html = site.output_file("fr/about/index.html");
    let p = &html[html.find("<p>A ").unwrap()..];
    let p = &p[..p.find("</p>").unwrap()];
    let numbers: Vec<&str> = p
        .split("href=\"#note-")
        .skip(1)
        .map(|s| s.split('"').next().unwrap())
        .collect();
    assert_eq!(numbers, ["1", "2", "1", "3"], "{p}");
    assert!(p.contains("id=\"note-ref-1-2\""), "{p}");
    assert_eq!(html.matches("<li id=\"note-").count(), 3);
}

#[test]
fn money_always_carries_its_currency() {
    let site = built();
    let mut money = BTreeSet::new();
    for f in files_under(&site.root().join("data/indicators")) {
        let y = site.read(&format!("data/indicators/{}", f.to_string_lossy()));
        if y.contains("\nunit: mad") {
            for part in y.split("value: ").skip(1) {
                let v: String = part
                    .chars()
                    .take_while(|c| c.is_ascii_digit() || *c == '.')
                    .collect();
                money.insert(v);
            }
        }
    }
    assert!(money.len() >= 4, "{money:?}");
    let mut seen = 0;
    for lang in ["ar", "fr"] {
        for (path, html) in pages(lang) {
            for (i, _) in html.match_indices("<data value=\"") {
                let v = html[i + 13..].split('"').next().unwrap();
                if !money.contains(v) {
                    continue;
                }
                seen += 1;
                let shown = &html[i..i + html[i..].find("</data>").unwrap()];
                let has = if lang == "fr" {
                    shown.contains("dirham")
                } else {
                    shown.contains("درهم") || shown.contains("دراهم")
                };
                assert!(has, "{path}: money without currency: {shown}");
            }
        }
    }
    assert!(seen >= 8, "only {seen} money figures seen");
}

#[test]
fn every_time_element_is_machine_readable_at_its_precision() {
    let mut checked = 0;
    for lang in ["ar", "fr"] {
        for (path, html) in pages(lang) {
            for (i, _) in html.match_indices("<time") {
                let tag = &html[i..i + html[i..].find('>').unwrap()];
                let iso = tag
                    .split("datetime=\"")
                    .nth(1)
                    .map(|s| s.split('"').next().unwrap());
                let iso = iso.unwrap_or_else(|| panic!("{path}: {tag} has no datetime"));
                let text = &html[i + tag.len() + 1..];
                let text = &text[..text.find("</time>").unwrap()];
                let year = &iso[..4];
                assert!(text.contains(year), "{path}: {iso} vs {text}");
                let starts_with_day =
                    text.chars().next().is_some_and(|c| c.is_ascii_digit()) && text != year;
                match iso.len() {
                    4 => assert_eq!(text, year, "{path}"),
                    7 => assert!(!starts_with_day, "{path}: {iso} vs {text}"),
                    10 => assert!(starts_with_day, "{path}: {iso} vs {text}"),
                    _ => panic!("{path}: datetime {iso}"),
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "{checked}");
}

#[test]
fn date_phrases_take_the_preposition_of_their_precision() {
    for (path, html) in pages("fr") {
        let text = prose_text(&html).join("");
        for bad in [
            "le 2022",
            "le 2023",
            "le 2024",
            "le 2025",
            "en 1 ",
            "en 20 février",
            "en 26 septembre",
        ] {
            assert!(!text.contains(bad), "{path}: {bad:?}");
        }
    }
    let sources = built().output_file("fr/data/index.html");
    assert!(
        sources.contains("Publié en <time datetime=\"2025\">2025</time>"),
        "year phrase"
    );
    let ar = built().output_file("ar/data/index.html");
    assert!(
        ar.contains("نُشر سنة <time datetime=\""),
        "Arabic year phrase"
    );
}

#[test]
fn no_figure_says_its_noun_twice() {
    for lang in ["ar", "fr"] {
        for (path, html) in pages(lang) {
            for (i, _) in html.match_indices("<span class=\"figure\"><data") {
                let span = &html[i..];
                let end = span.find("</span>").unwrap();
                let shown = &span[span.find("\">").unwrap() + 2..span.find("</data>").unwrap()];
                let last = shown.split_whitespace().last().unwrap_or_default();
                let after: String = span[end + 7..].chars().take(40).collect();
                let next = after.split_whitespace().next().unwrap_or_default();
                assert!(
                    last.chars().any(char::is_numeric)
                        || next.trim_matches(|c: char| !c.is_alphabetic()) != last,
                    "{path}: {shown} {after}"
                );
            }
        }
    }
    let fr = built().output_file("fr/index.html");
    assert!(
        fr.contains("31,94\u{a0}millions de personnes</data>"),
        "noun after a compact number"
    );
    let ar = built().output_file("ar/care/index.html");
    assert!(
        ar.contains("174 وكالة</data>"),
        "Arabic count with its noun"
    );
}

/// The texts typed by hand in `data/`: every indicator file and the guide's statements.
fn hand_written_data() -> Vec<(std::path::PathBuf, String)> {
    let data = common::repo().join("data");
    let mut files: Vec<std::path::PathBuf> = files_under(&data.join("indicators"))
        .into_iter()
        .map(|f| std::path::Path::new("indicators").join(f))
        .collect();
    files.push("guide.yaml".into());
    files
        .into_iter()
        .map(|f| {
            let text = std::fs::read_to_string(data.join(&f)).unwrap();
            (f, text)
        })
        .collect()
}

/// The numbers written inside definitions and notes (`data/indicators/`) and the guide's
/// statements (`data/guide.yaml`) look like the ones the formatter writes beside them:
/// `7.777.501`, not `7 777 501`; «3,6 مليون», not «3,6 ملايين» (a decimal takes the
/// singular, as CLDR writes it).
#[test]
fn numbers_in_definitions_and_notes_are_written_like_the_formatter_writes_them() {
    let mut bad = Vec::new();
    for (file, text) in hand_written_data() {
        for (n, line) in text.lines().enumerate() {
            let chars: Vec<char> = line.chars().collect();
            for (i, w) in chars.windows(5).enumerate() {
                // A digit, a space (or no-break space), three digits: a space-grouped number.
                let grouped = w[0].is_ascii_digit()
                    && matches!(w[1], ' ' | '\u{A0}' | '\u{202F}')
                    && w[2..].iter().all(char::is_ascii_digit)
                    && chars.get(i + 5).is_none_or(|c| !c.is_ascii_digit());
                if grouped {
                    bad.push(format!("{}:{}: {line}", file.display(), n + 1));
                }
            }
            for plural in ["ملايين", "ملايير", "مليارات"] {
                for (i, _) in line.match_indices(&format!(" {plural}")) {
                    let number = line[..i].rsplit(' ').next().unwrap_or_default();
                    if number.contains(',') || number.contains('.') {
                        bad.push(format!("{}:{}: {number} {plural}", file.display(), n + 1));
                    }
                }
            }
            if line.contains("ملايير") {
                bad.push(format!(
                    "{}:{}: ملايير is not the formatter's word",
                    file.display(),
                    n + 1
                ));
            }
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

/// The same conventions hold in the data files, the guide and the sources: French takes
/// the typographic apostrophe (’), which JSON exports and citations carry as written, and
/// Arabic never calls people with open rights «ذوو الحقوق», the word for dependants.
#[test]
fn data_texts_keep_one_apostrophe_and_say_open_rights_unambiguously() {
    let mut texts = hand_written_data();
    for f in ["sources.yaml", "regimes.yaml", "charts.yaml"] {
        let text = std::fs::read_to_string(common::repo().join("data").join(f)).unwrap();
        texts.push((f.into(), text));
    }
    let mut bad = Vec::new();
    for (file, text) in &texts {
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with('#') {
                continue;
            }
            let chars: Vec<char> = line.chars().collect();
            if chars
                .windows(3)
                .any(|w| w[0].is_alphabetic() && w[1] == '\'' && w[2].is_alphabetic())
            {
                bad.push(format!(
                    "{}:{}: straight apostrophe: {line}",
                    file.display(),
                    n + 1
                ));
            }
            for open_rights in ["ذوو الحقوق المفتوحة", "ذوي الحقوق المفتوحة"]
            {
                if line.contains(open_rights) {
                    bad.push(format!("{}:{}: {open_rights}", file.display(), n + 1));
                }
            }
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

/// Two sources giving two values for the same latest date both show on the card
/// (contradiction C4: two relays of one Cour des comptes report), each with its relay.
#[test]
fn a_card_shows_every_source_of_its_latest_date() {
    for (lang, le360, hespress) in [
        ("fr", "3,27\u{a0}millions", "3,5\u{a0}millions"),
        ("ar", "3,27 مليون", "3,5 مليون"),
    ] {
        let html = built().output_file(&format!("{lang}/regimes/tns/index.html"));
        let start = html.find("class=\"cards\"").unwrap();
        let cards = &html[start..];
        let card = cards
            .split("<li class=\"card figure-card\">")
            .find(|c| c.contains("data value=\"3270000\""))
            .expect("the tns-adherents-cdc card");
        let card = &card[..card.find("</li>").unwrap()];
        assert!(
            card.contains(le360) && card.contains(hespress),
            "{lang}: {card}"
        );
        assert!(card.contains("data value=\"3500000\""), "{lang}: {card}");
        assert!(
            card.contains("Le360") && card.contains("Hespress FR"),
            "{lang}: {card}"
        );
    }
    // A card with one source per date keeps the plain publisher.
    let fr = built().output_file("fr/index.html");
    assert!(
        !fr.contains("class=\"card-other\""),
        "no second value on the home cards"
    );
}
