//! Bidirectional-text helpers: isolating Latin runs inside Arabic, and keeping invisible
//! direction marks out of machine-readable output.

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

pub fn is_bidi_mark(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `text` contains a letter of the Arabic script.
pub fn has_arabic(text: &str) -> bool {
    text.chars().any(is_arabic)
}

pub fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Wraps each run of Latin words inside already-escaped Arabic HTML text in
/// `<span dir="ltr" lang="fr">…</span>`, so that `AMO Tadamon`, `CNSS` or `RSU` keep their
/// order and do not drag neighbouring numbers across (W3C: "tightly wrap every
/// opposite-direction phrase"). A run starts and ends on a Latin letter; spaces, digits and
/// light punctuation between Latin words stay inside it.
pub fn isolate_latin_runs(escaped_html: &str) -> String {
    // Most Arabic text has nothing to isolate: no ASCII letter or digit, no Latin letter
    // (U+00C0–U+024F, whose UTF-8 lead bytes are 0xC3–0xC9).
    let nothing_latin = !escaped_html
        .bytes()
        .any(|b| b.is_ascii_alphanumeric() || (0xC3..=0xC9).contains(&b));
    if nothing_latin {
        return escaped_html.to_string();
    }
    let chars: Vec<(usize, char)> = escaped_html.char_indices().collect();
    let mut out = String::with_capacity(escaped_html.len() + 32);
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
                out.push_str(&escaped_html[copied..start]);
                out.push_str("<span dir=\"ltr\">");
                out.push_str(&escaped_html[start..end]);
                out.push_str("</span>");
                copied = end;
            }
            i = j + 1;
            continue;
        }
        if !c.is_ascii_alphabetic() && !is_latin_letter(c) {
            i += 1;
            continue;
        }
        let end_idx = latin_run_end(&chars, i);
        let end = chars[end_idx].0 + chars[end_idx].1.len_utf8();
        out.push_str(&escaped_html[copied..start]);
        out.push_str("<span dir=\"ltr\" lang=\"fr\">");
        out.push_str(&escaped_html[start..end]);
        out.push_str("</span>");
        copied = end;
        i = end_idx + 1;
    }
    out.push_str(&escaped_html[copied..]);
    out
}

/// The index of the last character of the Latin run that starts at `i`: Latin words joined
/// by spaces, hyphens, digits, dots and escaped apostrophes.
fn latin_run_end(chars: &[(usize, char)], i: usize) -> usize {
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
                Some(k) if (entity == "&#39;" || entity == "&amp;") && next_is_latin => j = k + 1,
                _ => break,
            }
        } else if matches!(
            cj,
            ' ' | '-' | '.' | '\'' | '’' | ':' | '/' | '_' | '#' | '?' | '='
        ) || cj.is_ascii_digit()
        {
            j += 1;
        } else {
            break;
        }
    }
    end_idx
}

fn is_latin_letter(c: char) -> bool {
    matches!(c, '\u{00C0}'..='\u{024F}') && c.is_alphabetic()
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn strips_marks_for_machines() {
        assert_eq!(strip_marks("87\u{200E}%\u{200E}"), "87%");
        assert_eq!(strip_marks("24,7\u{A0}M"), "24,7 M");
    }
}
