//! Bidirectional-text helpers: isolating Latin runs inside Arabic, and keeping invisible
//! direction marks out of machine-readable output. Which characters are Arabic or Latin is
//! their Unicode bidi class (`unicode-bidi`); the run-wrapping is ours.

use crate::foundation::swar;
use unicode_bidi::{BidiClass, bidi_class};

/// U+2067 RIGHT-TO-LEFT ISOLATE … U+2069 POP DIRECTIONAL ISOLATE: the wrapper that makes an
/// Arabic SVG label such as `30 مليون` render in reading order in Chromium and resvg alike.
pub fn isolate_rtl(text: &str) -> String {
    format!("\u{2067}{text}\u{2069}")
}

/// For plain text (SVG, PNG) in Arabic: wraps each web address in U+2066 LEFT-TO-RIGHT
/// ISOLATE … U+2069 so its slashes stay in place at the end of a right-to-left line.
pub fn isolate_urls(text: &str) -> String {
    text.split(' ')
        .map(|w| {
            if w.starts_with("http://") || w.starts_with("https://") {
                format!("\u{2066}{w}\u{2069}")
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Removes the invisible bidi and spacing marks CLDR puts in formatted output (LRM, RLM,
/// ALM, isolates, embeddings), and turns no-break spaces into plain spaces. For text that
/// machines read: file names, CSV, JSON, attributes.
pub fn strip_marks(text: &str) -> String {
    text.chars()
        .filter(|c| !is_bidi_mark(*c))
        .map(|c| {
            if c == '\u{A0}' || c == '\u{202F}' {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// The Arabic letters (hamza to ghain, feh to yeh) and Arabic-Indic digits: alphanumeric,
/// and each its own lower case. A test for them skips the Unicode tables for most Arabic
/// text (slugs, search words).
pub fn is_caseless_arabic_alphanumeric(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0660}'..='\u{0669}')
}

pub fn is_bidi_mark(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `text` contains a letter of the Arabic script.
pub fn has_arabic(text: &str) -> bool {
    text.chars().any(is_arabic)
}

/// A right-to-left letter of the Arabic kind (bidi class AL: Arabic and its presentation
/// forms, Syriac, Thaana), not a haraka, a digit or U+FEFF (the byte-order mark).
pub fn is_arabic(c: char) -> bool {
    match c {
        '\0'..='\u{7F}' => false,
        '\u{0621}'..='\u{064A}' => true,
        _ => bidi_class(c) == BidiClass::AL,
    }
}

/// A combining mark (bidi class NSM), such as a haraka or a combining accent.
pub fn is_combining(c: char) -> bool {
    !c.is_ascii() && bidi_class(c) == BidiClass::NSM
}

/// Wraps each run of Latin words inside already-escaped Arabic HTML text in
/// `<span dir="ltr" lang="fr">…</span>`, so that `AMO Tadamon`, `CNSS` or `RSU` keep their
/// order and do not drag neighbouring numbers across (W3C: "tightly wrap every
/// opposite-direction phrase"). A run starts and ends on a Latin letter; spaces, digits and
/// light punctuation between Latin words stay inside it.
pub fn isolate_latin_runs(escaped_html: &str) -> String {
    let mut out = String::with_capacity(escaped_html.len() + 32);
    isolate_latin_runs_into(escaped_html, &mut out);
    out
}

/// [`isolate_latin_runs`], appended to `out`.
pub fn isolate_latin_runs_into(escaped_html: &str, out: &mut String) {
    if nothing_to_isolate(escaped_html) {
        out.push_str(escaped_html);
        return;
    }
    let from = plain_prefix(escaped_html);
    out.push_str(&escaped_html[..from]);
    isolate_from(&escaped_html[from..], out);
}

/// How many bytes at the start of `text` no run can start in or look back at: up to its
/// first byte that is not plain (ASCII letters and digits, letters outside the Arabic
/// blocks), or back to the `&` of an entity still open there, which must be skipped whole.
fn plain_prefix(text: &str) -> usize {
    let first = (text.bytes())
        .position(|b| !PLAIN_BYTE[usize::from(b)])
        .unwrap_or(text.len());
    let prefix = &text.as_bytes()[..first];
    let after_entity = memchr::memrchr(b';', prefix).map_or(0, |k| k + 1);
    memchr::memchr(b'&', &prefix[after_entity..]).map_or(first, |k| after_entity + k)
}

/// The isolation of [`isolate_latin_runs`] over the whole of `escaped_html`. Walks byte
/// offsets, passing over plain bytes (Arabic, spaces, punctuation) with one table look-up
/// each and decoding only the characters that may start a run.
fn isolate_from(escaped_html: &str, out: &mut String) {
    let s = escaped_html;
    let b = s.as_bytes();
    let mut i = 0;
    let mut copied = 0;
    while i < b.len() {
        if PASSED_BYTE[usize::from(b[i])] {
            i = first_not_in(b, i + 1, &PASSED_BYTE).unwrap_or(b.len());
            continue;
        }
        let c = char_at(s, i);
        if c == '&' {
            // Skip an entity such as `&amp;` or `&#39;` whole.
            i = memchr::memchr(b';', &b[i..]).map_or(b.len(), |k| i + k + 1);
            continue;
        }
        if c.is_ascii_digit() {
            // A code such as `65-00` or `2-22-797`: digits joined by `-` or `/` are laid
            // out right to left in Arabic context unless isolated. (Every character of
            // such a code is one ASCII byte.)
            let mut j = i;
            let mut joined = false;
            while j + 1 < b.len()
                && (b[j + 1].is_ascii_digit()
                    || (matches!(b[j + 1], b'-' | b'/')
                        && b.get(j + 2).is_some_and(u8::is_ascii_digit)))
            {
                joined |= !b[j + 1].is_ascii_digit();
                j += 1;
            }
            let preceded_by_latin = i > 0 && b[i - 1].is_ascii_alphabetic();
            if joined && !preceded_by_latin {
                push_wrapped(out, &s[copied..i], "<span dir=\"ltr\">", &s[i..=j]);
                copied = j + 1;
            }
            i = j + 1;
            continue;
        }
        if !c.is_ascii_alphabetic() && !is_latin_letter(c) {
            i += c.len_utf8();
            continue;
        }
        let end = latin_run_end(s, i);
        push_wrapped(out, &s[copied..i], LATIN_RUN, &s[i..end]);
        copied = end;
        i = end;
    }
    out.push_str(&s[copied..]);
}

/// How a Latin run inside Arabic opens.
const LATIN_RUN: &str = "<span dir=\"ltr\" lang=\"fr\">";

/// `before`, then `run` in a span that `open` opens.
fn push_wrapped(out: &mut String, before: &str, open: &str, run: &str) {
    out.push_str(before);
    out.push_str(open);
    out.push_str(run);
    out.push_str("</span>");
}

/// The character that starts at byte `i` of `s` (a character boundary before its end).
#[inline]
fn char_at(s: &str, i: usize) -> char {
    s[i..].chars().next().unwrap_or('\0')
}

/// The bytes [`isolate_from`] passes over: the [`PLAIN_BYTE`]s but `&`, which opens an
/// entity to skip whole. None of them starts a character a run can start with.
static PASSED_BYTE: [bool; 256] = {
    let mut table = PLAIN_BYTE;
    table[b'&' as usize] = false;
    table
};

/// Most Arabic text has nothing to isolate: no ASCII letter or digit and no other
/// left-to-right letter. Checked on bytes first, one table look-up each: ASCII punctuation
/// and the Arabic-script blocks U+0600–U+07FF (UTF-8 lead bytes 0xD8–0xDF, none of them
/// left-to-right) need no bidi class.
fn nothing_to_isolate(text: &str) -> bool {
    // Continuation bytes are plain, so the first byte that is not starts a character.
    match first_not_in(text.as_bytes(), 0, &PLAIN_BYTE) {
        None => true,
        Some(i) => text[i..]
            .chars()
            .all(|c| !c.is_ascii_alphanumeric() && !is_latin_letter(c)),
    }
}

/// The first offset of `b` from `from` on whose byte `plain` does not hold, eight bytes at
/// a time: a byte `plain` may not hold is ASCII from `&` to `z` or a lead byte outside the
/// Arabic-script blocks (`C0`–`D7`, `E0`–`FF`), and only those are looked up (Arabic text
/// is nearly all lead bytes `D8`–`DB`, continuation bytes and spaces).
fn first_not_in(b: &[u8], from: usize, plain: &[bool; 256]) -> Option<usize> {
    let mut i = from;
    while i + 8 <= b.len() {
        let mut maybe = may_be_unplain(swar::word(b, i));
        while maybe != 0 {
            let k = i + (maybe.trailing_zeros() / 8) as usize;
            if !plain[usize::from(b[k])] {
                return Some(k);
            }
            maybe &= maybe - 1;
        }
        i += 8;
    }
    (i..b.len()).find(|&k| !plain[usize::from(b[k])])
}

/// The high bit of each byte of `w` that is ASCII from `&` (0x26) to `z` (0x7A), or
/// `C0`–`D7` or `E0`–`FF`: exactly.
fn may_be_unplain(w: u64) -> u64 {
    let low = w & !swar::HIGHS;
    let at_least_26 = low.wrapping_add(swar::ONES * (0x80 - 0x26));
    let at_least_7b = low.wrapping_add(swar::ONES * (0x80 - 0x7B));
    let ascii = at_least_26 & !at_least_7b & !w & swar::HIGHS;
    // Bits 7 and 6 set: a lead byte of two bytes or more; `11011xxx`: D8–DF.
    let lead = w & (w << 1) & swar::HIGHS;
    let arabic = swar::bytes_equal_to(w & (swar::ONES * 0xF8), 0xD8);
    ascii | (lead & !arabic)
}

/// The bytes [`nothing_to_isolate`] passes without decoding: ASCII other than letters and
/// digits, UTF-8 continuation bytes, and the lead bytes of U+0600–U+07FF.
static PLAIN_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = (byte.is_ascii() && !byte.is_ascii_alphanumeric())
            || (byte >= 0x80 && byte < 0xC0)
            || (byte >= 0xD8 && byte <= 0xDF);
        b += 1;
    }
    table
};

/// Where the Latin run that starts at byte `i` ends (the byte after its last character):
/// Latin words joined by spaces, hyphens, digits, dots and escaped apostrophes.
fn latin_run_end(s: &str, i: usize) -> usize {
    let b = s.as_bytes();
    let mut end = i + char_at(s, i).len_utf8();
    let mut j = i;
    while j < b.len() {
        let cj = char_at(s, j);
        let glued_to_previous = j == end;
        if cj.is_ascii_alphabetic()
            || is_latin_letter(cj)
            || (cj.is_ascii_digit() && glued_to_previous)
            || (cj == '/' && glued_to_previous)
        {
            // Letters, and digits glued to a word (`Le360`, `Médias24`), belong to the run.
            end = j + cj.len_utf8();
            j = end;
        } else if cj == '&' {
            // An escaped apostrophe or ampersand between two Latin letters (`Aujourd&#39;hui`)
            // keeps the run going; any other entity ends it.
            let Some(semi) = memchr::memchr(b';', &b[j..]).map(|k| j + k) else {
                break;
            };
            let next_is_latin = (semi + 1 < b.len())
                .then(|| char_at(s, semi + 1))
                .is_some_and(|c| c.is_ascii_alphabetic() || is_latin_letter(c));
            if matches!(&s[j..=semi], "&#39;" | "&amp;") && next_is_latin {
                j = semi + 1;
            } else {
                break;
            }
        } else if matches!(
            cj,
            ' ' | '-' | '.' | '\'' | '’' | ':' | '/' | '_' | '#' | '?' | '='
        ) || cj.is_ascii_digit()
        {
            j += cj.len_utf8();
        } else if glued_to_previous && is_combining(cj) {
            // A combining accent (`e` + U+0301) belongs to the letter before it.
            end = j + cj.len_utf8();
            j = end;
        } else {
            break;
        }
    }
    end
}

/// A left-to-right letter (bidi class L): Latin with every extension (`ẞ`, `ệ`), Greek,
/// Cyrillic… ASCII and the Arabic-script blocks, nearly every character of this site, take
/// two comparisons; the rest is looked up.
#[inline]
fn is_latin_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if ('\u{0600}'..='\u{07FF}').contains(&c) {
        false
    } else {
        is_other_ltr_letter(c)
    }
}

#[inline(never)]
fn is_other_ltr_letter(c: char) -> bool {
    match c {
        // Latin-1 to Latin Extended-B: « », no-break space and signs below U+00C0, then
        // letters (`é`, `ç`, `ő`), all left-to-right, but for × and ÷.
        '\u{80}'..='\u{BF}' => matches!(c, 'ª' | 'µ' | 'º'),
        '\u{C0}'..='\u{24F}' => !matches!(c, '×' | '÷'),
        // General Punctuation: ’ – … and the bidi marks.
        '\u{2000}'..='\u{206F}' => false,
        _ => c.is_alphabetic() && bidi_class(c) == BidiClass::L,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The eight-byte scan stops where a loop over the bytes does, for both tables.
    #[test]
    fn the_eight_byte_scan_agrees_with_a_byte_loop() {
        for b in 0u8..=255 {
            for len in 0..20 {
                for at in 0..len {
                    let mut bytes = vec![0xD8; len];
                    bytes[at] = b;
                    for table in [&PLAIN_BYTE, &PASSED_BYTE] {
                        for from in 0..=len {
                            let slow = (from..len).find(|&k| !table[usize::from(bytes[k])]);
                            assert_eq!(first_not_in(&bytes, from, table), slow, "{b:#x} at {at}");
                        }
                    }
                }
            }
        }
    }

    /// The fast path's Arabic ranges are letters or digits with no other case.
    #[test]
    fn caseless_arabic_range_is_alphanumeric_and_caseless() {
        let fast: Vec<char> = ('\u{0600}'..='\u{06FF}')
            .filter(|c| is_caseless_arabic_alphanumeric(*c))
            .collect();
        assert_eq!(fast.len(), 26 + 10 + 10);
        for c in fast {
            assert!(c.is_alphanumeric(), "{c:?}");
            assert!(c.to_lowercase().eq([c]), "{c:?}");
        }
    }

    /// `isolate_from` as first written, over a vector of every character: the reference.
    fn isolate_by_chars(escaped_html: &str, out: &mut String) {
        let chars: Vec<(usize, char)> = escaped_html.char_indices().collect();
        let mut i = 0;
        let mut copied = 0;
        while i < chars.len() {
            let (start, c) = chars[i];
            if c == '&' {
                // Skip an entity such as `&amp;` or `&#39;` whole.
                while i < chars.len() && chars[i].1 != ';' {
                    i += 1;
                }
                i += 1;
                continue;
            }
            if c.is_ascii_digit() {
                // A code such as `65-00` or `2-22-797`: digits joined by `-` or `/` are laid
                // out right to left in Arabic context unless isolated.
                let mut j = i;
                let mut joined = false;
                while j + 1 < chars.len()
                    && (chars[j + 1].1.is_ascii_digit()
                        || (matches!(chars[j + 1].1, '-' | '/')
                            && chars.get(j + 2).is_some_and(|x| x.1.is_ascii_digit())))
                {
                    joined |= !chars[j + 1].1.is_ascii_digit();
                    j += 1;
                }
                let preceded_by_latin = i > 0 && (chars[i - 1].1.is_ascii_alphabetic());
                if joined && !preceded_by_latin {
                    let end = chars[j].0 + chars[j].1.len_utf8();
                    let before = &escaped_html[copied..start];
                    push_wrapped(out, before, "<span dir=\"ltr\">", &escaped_html[start..end]);
                    copied = end;
                }
                i = j + 1;
                continue;
            }
            if !c.is_ascii_alphabetic() && !is_latin_letter(c) {
                i += 1;
                continue;
            }
            let end_idx = latin_run_end_by_chars(&chars, i);
            let end = chars[end_idx].0 + chars[end_idx].1.len_utf8();
            let before = &escaped_html[copied..start];
            push_wrapped(out, before, LATIN_RUN, &escaped_html[start..end]);
            copied = end;
            i = end_idx + 1;
        }
        out.push_str(&escaped_html[copied..]);
    }

    /// The index of the last character of the Latin run that starts at `i`: Latin words joined
    /// by spaces, hyphens, digits, dots and escaped apostrophes.
    fn latin_run_end_by_chars(chars: &[(usize, char)], i: usize) -> usize {
        let mut end_idx = i;
        let mut j = i;
        while j < chars.len() {
            let cj = chars[j].1;
            let glued_to_previous = j == end_idx + 1;
            if cj.is_ascii_alphabetic()
                || is_latin_letter(cj)
                || (cj.is_ascii_digit() && glued_to_previous)
                || (cj == '/' && glued_to_previous)
            {
                // Letters, and digits glued to a word (`Le360`, `Médias24`), belong to the run.
                end_idx = j;
                j += 1;
            } else if cj == '&' {
                // An escaped apostrophe or ampersand between two Latin letters (`Aujourd&#39;hui`)
                // keeps the run going; any other entity ends it.
                let semi = (j..chars.len()).find(|&k| chars[k].1 == ';');
                let entity: String = semi
                    .map(|k| chars[j..=k].iter().map(|c| c.1).collect())
                    .unwrap_or_default();
                let next_is_latin = semi
                    .and_then(|k| chars.get(k + 1))
                    .is_some_and(|c| c.1.is_ascii_alphabetic() || is_latin_letter(c.1));
                match semi {
                    Some(k) if (entity == "&#39;" || entity == "&amp;") && next_is_latin => {
                        j = k + 1
                    }
                    _ => break,
                }
            } else if matches!(
                cj,
                ' ' | '-' | '.' | '\'' | '’' | ':' | '/' | '_' | '#' | '?' | '='
            ) || cj.is_ascii_digit()
            {
                j += 1;
            } else if glued_to_previous && is_combining(cj) {
                // A combining accent (`e` + U+0301) belongs to the letter before it.
                end_idx = j;
                j += 1;
            } else {
                break;
            }
        }
        end_idx
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_cases(4096))]

        /// The walk over bytes isolates exactly what the walk over characters did.
        #[test]
        fn isolating_by_bytes_matches_isolating_by_chars(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "ب", "التأمين", "٣", " ", "،", "-", "/", "1", "65", "&amp;", "&#39;", "&", ";",
                "a", "AMO", "é", "ẞ", "Ω", "×", "\u{301}", "\u{64B}", "’", "«", "\u{A0}",
                "www.x.ma", ".", "&lt;", "&quot;", "#", "?", "=", ":", "_", "Le360", "2-22",
                "\u{200F}", "中",
            ]), 0..20)
        ) {
            let text = pieces.concat();
            let (mut by_bytes, mut by_chars) = (String::new(), String::new());
            isolate_from(&text, &mut by_bytes);
            isolate_by_chars(&text, &mut by_chars);
            proptest::prop_assert_eq!(by_bytes, by_chars, "{:?}", text);
        }

        /// Copying the plain start of a text as it is gives what isolating all of it gives.
        #[test]
        fn the_plain_prefix_changes_nothing(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "ب", "التأمين", " ", "،", "-", "/", "1", "65", "&amp;", "&#39;", "&", ";", "a",
                "AMO", "é", "\u{301}", "www.x.ma", ".", "&lt;", "#", "?", "=", "Le360",
            ]), 0..16)
        ) {
            let text = pieces.concat();
            let mut whole = String::new();
            isolate_from(&text, &mut whole);
            proptest::prop_assert_eq!(isolate_latin_runs(&text), whole);
        }
    }

    #[test]
    fn wraps_latin_runs_in_arabic() {
        assert_eq!(
            isolate_latin_runs("يدبر CNSS نظام AMO Tadamon منذ 2022"),
            "يدبر <span dir=\"ltr\" lang=\"fr\">CNSS</span> نظام <span dir=\"ltr\" lang=\"fr\">AMO Tadamon</span> منذ 2022"
        );
    }

    #[test]
    fn isolates_codes_made_of_digits_and_hyphens() {
        assert_eq!(
            isolate_latin_runs("القانون 65-00 والمرسوم 2-22-797 سنة 2022"),
            "القانون <span dir=\"ltr\">65-00</span> والمرسوم <span dir=\"ltr\">2-22-797</span> سنة 2022"
        );
        assert_eq!(
            isolate_latin_runs("2016-2025"),
            "<span dir=\"ltr\">2016-2025</span>"
        );
    }

    #[test]
    fn isolates_web_addresses() {
        assert_eq!(
            isolate_latin_runs("الموقع https://x.example/ar/data/"),
            "الموقع <span dir=\"ltr\" lang=\"fr\">https://x.example/ar/data/</span>"
        );
        assert_eq!(
            isolate_urls("نشر: https://x/ar/"),
            "نشر: \u{2066}https://x/ar/\u{2069}"
        );
    }

    #[test]
    fn keeps_apostrophes_and_glued_digits_inside_a_run() {
        assert_eq!(
            isolate_latin_runs("(Aujourd&#39;hui le Maroc) و(Le360) و(Médias24)"),
            "(<span dir=\"ltr\" lang=\"fr\">Aujourd&#39;hui le Maroc</span>) و(<span dir=\"ltr\" lang=\"fr\">Le360</span>) و(<span dir=\"ltr\" lang=\"fr\">Médias24</span>)"
        );
        assert_eq!(
            isolate_latin_runs("AMO 2024"),
            "<span dir=\"ltr\" lang=\"fr\">AMO</span> 2024"
        );
    }

    #[test]
    fn leaves_entities_and_pure_arabic_alone() {
        assert_eq!(isolate_latin_runs("نص &amp; نص"), "نص &amp; نص");
        assert_eq!(isolate_latin_runs("السجل الاجتماعي"), "السجل الاجتماعي");
    }

    /// What the old code-point ranges got wrong: U+FEFF was "Arabic", and Latin letters
    /// past U+024F or written with a combining accent split or escaped the run.
    #[test]
    fn classes_come_from_unicode_bidi() {
        assert!(!is_arabic('\u{FEFF}'));
        assert!(!has_arabic("\u{FEFF}AMO"));
        assert!(is_arabic('م') && is_arabic('\u{FEF5}') && is_arabic('ݐ'));
        assert!(!is_arabic('\u{064E}'), "a haraka is not a letter");
        assert_eq!(
            isolate_latin_runs("مدينة Hà Nội"),
            "مدينة <span dir=\"ltr\" lang=\"fr\">Hà Nội</span>"
        );
        assert_eq!(
            isolate_latin_runs("شارع GROẞ"),
            "شارع <span dir=\"ltr\" lang=\"fr\">GROẞ</span>"
        );
        assert_eq!(
            isolate_latin_runs("موقع Me\u{301}dias24"),
            "موقع <span dir=\"ltr\" lang=\"fr\">Me\u{301}dias24</span>"
        );
        // Arabic with guillemets and harakat only: nothing to wrap.
        assert_eq!(isolate_latin_runs("«مُحَمَّد»"), "«مُحَمَّد»");
        assert!(is_latin_letter('ª') && is_latin_letter('ő') && is_latin_letter('Ω'));
        assert!(!is_latin_letter('×') && !is_latin_letter('«') && !is_latin_letter('’'));
    }

    #[test]
    fn strips_marks_for_machines() {
        assert_eq!(strip_marks("87\u{200E}%\u{200E}"), "87%");
        assert_eq!(strip_marks("24,7\u{A0}M"), "24,7 M");
    }
}
