//! Characters that may not be published, checked when text is loaded: front matter,
//! Markdown bodies, data and configuration alike.
//!
//! - Control characters (U+0000–U+001F except tab, line feed and carriage return, and
//!   U+FFFE/U+FFFF) are not allowed in XML: one in a title would make the feeds, the
//!   sitemap or an SVG invalid while the build reports success.
//! - Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) typed
//!   into text can reorder what readers and journalists see ("Trojan source"). The
//!   generator adds its own isolation where it is needed; in Markdown, code may hold them.
//!
//! YAML double-quoted escapes (`"\u202E"`, `"\x07"`, `"\a"`) are found as well, since the
//! parser turns them into the very characters refused here.

use super::swar;
use crate::diagnostics::{Diagnostics, line_col};
use std::ops::Range;
use std::path::Path;

/// What kind of refused character was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    Control,
    Bidi,
}

/// A refused character and its byte offset in the text searched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Finding {
    pub offset: usize,
    pub ch: char,
    pub kind: Refused,
}

/// The kind of `c` if it may not be published.
pub fn classify(c: char) -> Option<Refused> {
    match c {
        '\t' | '\n' | '\r' => None,
        '\u{0}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}' => Some(Refused::Control),
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => Some(Refused::Bidi),
        _ => None,
    }
}

/// Every refused character of `text`; bidi controls inside `code` ranges are allowed.
pub fn find(text: &str, code: &[Range<usize>]) -> Vec<Finding> {
    candidates(text.as_bytes())
        .filter_map(|offset| {
            let ch = text.get(offset..)?.chars().next()?;
            let kind = classify(ch)?;
            let in_code = code.iter().any(|r| r.contains(&offset));
            (kind == Refused::Control || !in_code).then_some(Finding { offset, ch, kind })
        })
        .collect()
}

/// Whether `b` is a refused control character (see [`candidates`]).
fn is_refused_control(b: u8) -> bool {
    b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')
}

/// The offsets in `bytes` where a refused character may start, in order: every refused
/// character starts with a C0 control other than tab, line feed and carriage return, or
/// with `E2` (U+202A–U+202E, U+2066–U+2069) or `EF` (U+FFFE, U+FFFF). Other characters with
/// those lead bytes (’, …, U+202F) are candidates too, and [`classify`] lets them through.
/// The lead bytes are found by a vector search; controls eight bytes at a time, looking
/// at each byte only of the words holding one below 0x20 (a line feed, mostly).
fn candidates(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let mut offsets: Vec<usize> = memchr::memchr2_iter(0xE2, 0xEF, bytes).collect();
    let leads = offsets.len();
    let mut words = bytes.chunks_exact(8);
    let mut at = 0;
    for word in &mut words {
        if swar::has_byte_below(swar::word(word, 0), 0x20) {
            offsets.extend((at..at + 8).filter(|&k| is_refused_control(bytes[k])));
        }
        at += 8;
    }
    offsets.extend((at..bytes.len()).filter(|&k| is_refused_control(bytes[k])));
    if leads > 0 && offsets.len() > leads {
        offsets.sort_unstable();
    }
    offsets.into_iter()
}

/// YAML escapes in `text` that decode to a refused character, with the escape's offset.
pub fn find_yaml_escapes(text: &str) -> Vec<Finding> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        let hex = |len: usize| {
            text.get(i + 2..i + 2 + len)
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .and_then(char::from_u32)
        };
        let decoded = match bytes[i + 1] {
            b'0' => Some('\0'),
            b'a' => Some('\u{7}'),
            b'b' => Some('\u{8}'),
            b'e' => Some('\u{1B}'),
            b'f' => Some('\u{C}'),
            b'v' => Some('\u{B}'),
            b'x' => hex(2),
            b'u' => hex(4),
            b'U' => hex(8),
            b'\\' => {
                i += 2;
                continue;
            }
            _ => None,
        };
        if let Some(ch) = decoded
            && let Some(kind) = classify(ch)
        {
            out.push(Finding {
                offset: i,
                ch,
                kind,
            });
        }
        i += 1;
    }
    out
}

/// Reports each finding of `found` (offsets in `file_text`) as a located error.
pub fn report(file: &Path, file_text: &str, found: &[Finding], diags: &mut Diagnostics) {
    for f in found {
        let pos = line_col(file_text, f.offset);
        let (message, hint) = describe(*f);
        diags.error(file, Some(pos), message, hint);
    }
}

/// The message and hint for a finding.
pub fn describe(f: Finding) -> (String, String) {
    let code = f.ch as u32;
    match f.kind {
        Refused::Control => (
            format!("the control character U+{code:04X} cannot be published (it would make the feeds and the sitemap invalid XML)"),
            "delete it (it is often pasted in from another program); only tab and line breaks are allowed".into(),
        ),
        Refused::Bidi => (
            format!("the bidirectional control character U+{code:04X} can reorder what readers see"),
            "delete it: amo-site isolates Latin text inside Arabic by itself (in Markdown, code in `backticks` may hold it)".into(),
        ),
    }
}

/// Checks a YAML document (a data file, `site.yaml`, front matter) that starts at byte
/// `start` of `file_text`.
pub fn check_yaml(file: &Path, file_text: &str, start: usize, yaml: &str, diags: &mut Diagnostics) {
    let mut found = find(yaml, &[]);
    found.extend(find_yaml_escapes(yaml));
    found.sort_by_key(|f| f.offset);
    found.iter_mut().for_each(|f| f.offset += start);
    report(file, file_text, &found, diags);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte scan finds what classifying every character finds, for every character of
    /// the Basic Multilingual Plane and a few beyond it, in and out of code.
    #[test]
    fn the_byte_scan_finds_what_every_character_finds() {
        let text: String = (0..=0xFFFF_u32)
            .chain([0x1_0000, 0x1_F600, 0xE_0001, 0x10_FFFF])
            .filter_map(char::from_u32)
            .flat_map(|c| [c, 'a'])
            .collect();
        let code = [1000..5000, 60_000..70_000];
        for code in [&[][..], &code[..]] {
            let slow: Vec<Finding> = (text.char_indices())
                .filter_map(|(offset, ch)| {
                    let kind = classify(ch)?;
                    let in_code = code.iter().any(|r| r.contains(&offset));
                    (kind == Refused::Control || !in_code).then_some(Finding { offset, ch, kind })
                })
                .collect();
            assert!(slow.len() > 30, "{}", slow.len());
            assert_eq!(find(&text, code), slow);
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_cases(2048))]

        /// Controls and lead bytes side by side, at any offset in a word: each refused
        /// character found once, in order.
        #[test]
        fn mixed_text_is_found_as_every_character_finds(
            parts in proptest::collection::vec(proptest::sample::select(&[
                "a", "\u{7}", "\n", "\t", "\r", "’", "\u{202E}", "\u{2066}", "\u{FFFF}", "é", "ع",
                "\u{1}", "…",
            ][..]), 0..40),
        ) {
            let text = parts.concat();
            let slow: Vec<Finding> = (text.char_indices())
                .filter_map(|(offset, ch)| Some(Finding { offset, ch, kind: classify(ch)? }))
                .collect();
            proptest::prop_assert_eq!(find(&text, &[]), slow);
        }
    }

    #[test]
    fn controls_are_found_but_not_tab_or_line_breaks() {
        let found = find("a\tb\r\nc\u{7}d\u{FFFF}", &[]);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].ch, '\u{7}');
        assert_eq!(found[1].kind, Refused::Control);
    }

    #[test]
    fn yaml_escapes_that_decode_to_refused_characters() {
        let found = find_yaml_escapes(r#"a: "x\u202Ey\x07\a\e\U00002066 ok\\u202E \t\n""#);
        let chars: Vec<char> = found.iter().map(|f| f.ch).collect();
        assert_eq!(
            chars,
            ['\u{202E}', '\u{7}', '\u{7}', '\u{1B}', '\u{2066}'],
            "{found:?}"
        );
    }

    #[test]
    fn reports_are_located() {
        let mut d = Diagnostics::new();
        let text = "a: 1\nb: \"x\u{202E}\"\n";
        check_yaml(Path::new("data/x.yaml"), text, 0, text, &mut d);
        let all = d.sorted();
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].position.unwrap().line, 2);
        assert_eq!(all[0].position.unwrap().column, 6);
    }
}
