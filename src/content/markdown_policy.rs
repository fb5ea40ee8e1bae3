//! Checks on the parsed Markdown of a page that the renderer itself does not make: link and
//! image addresses against the [`url_policy`](crate::foundation::url_policy), directives where they
//! cannot work (link text, image alt text), and refused characters written as entities
//! (`&#x202E;`), which only exist once the Markdown is parsed.

use crate::diagnostics::Diagnostics;
use crate::foundation::text_policy::{self, Refused};
use crate::foundation::url_policy::{self, UrlUse};
use pulldown_cmark::{Event, Tag, TagEnd};
use std::ops::Range;
use std::path::Path;

/// A problem at a byte offset of the body: (offset, message, hint).
pub type Problem = (usize, String, String);

/// Every problem found in `events` (parsed from `body`).
pub fn check(events: &[(Event<'_>, Range<usize>)], body: &str) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut link_depth = 0usize;
    let mut image_depth = 0usize;
    let mut code_depth = 0usize;
    // Only a character reference can make a refused character the body does not hold: a
    // body without `&` (most) needs no look at its texts for them.
    let references = memchr::memchr(b'&', body.as_bytes()).is_some();
    let check_decoded = |out: &mut Vec<Problem>, range: &Range<usize>, text: &str, code: bool| {
        if references {
            decoded(out, range, body, text, code);
        }
    };
    for (ev, range) in events {
        match ev {
            Event::Start(Tag::Link {
                dest_url, title, ..
            }) => {
                link_depth += 1;
                url(&mut out, range.start, dest_url, UrlUse::Link);
                check_decoded(&mut out, range, title, false);
            }
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                image_depth += 1;
                url(&mut out, range.start, dest_url, UrlUse::Image);
                check_decoded(&mut out, range, title, false);
            }
            Event::End(TagEnd::Link) => link_depth = link_depth.saturating_sub(1),
            Event::End(TagEnd::Image) => image_depth = image_depth.saturating_sub(1),
            Event::Start(Tag::CodeBlock(_)) => code_depth += 1,
            Event::End(TagEnd::CodeBlock) => code_depth = code_depth.saturating_sub(1),
            Event::Text(t) => {
                check_decoded(&mut out, range, t, code_depth > 0);
                if code_depth == 0 && (link_depth > 0 || image_depth > 0) && t.contains("{{") {
                    let offset = directive_offset(body, range);
                    let place = if image_depth > 0 {
                        "image alt text"
                    } else {
                        "link text"
                    };
                    out.push((
                        offset,
                        format!("a directive inside {place}"),
                        format!("{place} is plain text: put the `{{{{ … }}}}` directive outside the brackets"),
                    ));
                }
            }
            Event::Code(t) => check_decoded(&mut out, range, t, true),
            _ => {}
        }
    }
    out
}

fn url(out: &mut Vec<Problem>, at: usize, dest: &str, usage: UrlUse) {
    if let Err(why) = url_policy::check(dest, usage) {
        out.push((at, why, url_policy::hint(usage).to_string()));
    }
}

/// Refused characters in `text` that the source at `range` does not hold literally (they
/// were written as entities); literal ones are reported when the page is loaded.
fn decoded(out: &mut Vec<Problem>, range: &Range<usize>, body: &str, text: &str, code: bool) {
    let source = body.get(range.clone()).unwrap_or_default();
    // Only a character reference (`&#x202E;`) can make a character the source does not
    // hold: a text whose source has no `&` holds none (literal ones are found at load).
    if memchr::memchr(b'&', source.as_bytes()).is_none() {
        return;
    }
    for ch in text.chars() {
        let Some(kind) = text_policy::classify(ch) else {
            continue;
        };
        if (code && kind == Refused::Bidi) || source.contains(ch) {
            continue;
        }
        let (message, hint) = text_policy::describe(text_policy::Finding {
            offset: range.start,
            ch,
            kind,
        });
        out.push((
            range.start,
            format!("{message} (written as a character reference)"),
            hint,
        ));
        return;
    }
}

fn directive_offset(body: &str, range: &Range<usize>) -> usize {
    body.get(range.clone())
        .and_then(|s| s.find("{{"))
        .map_or(range.start, |k| range.start + k)
}

/// Byte ranges of inline code and code blocks in a Markdown body.
pub fn markdown_code_ranges(body: &str) -> Vec<Range<usize>> {
    use pulldown_cmark::{Event, Parser, Tag};
    Parser::new_ext(body, super::markdown::options())
        .into_offset_iter()
        .filter(|(ev, _)| matches!(ev, Event::Code(_) | Event::Start(Tag::CodeBlock(_))))
        .map(|(_, r)| r)
        .collect()
}

/// Checks a Markdown body that starts at byte `start` of `file_text`.
pub fn check_markdown(
    file: &Path,
    file_text: &str,
    start: usize,
    body: &str,
    diags: &mut Diagnostics,
) {
    // Code may hold what text may not; with no refused character even outside code (nearly
    // every page), there is no need to parse the Markdown for its code.
    if text_policy::find(body, &[]).is_empty() {
        return;
    }
    let mut found = text_policy::find(body, &markdown_code_ranges(body));
    found.iter_mut().for_each(|f| f.offset += start);
    text_policy::report(file, file_text, &found, diags);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_controls_are_refused_outside_code_only() {
        let body = "x \u{202E}y `a\u{2066}b`\n\n```\n\u{202D}\n```\n";
        let found = text_policy::find(body, &markdown_code_ranges(body));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].ch, '\u{202E}');
        // Control characters are refused in code too: XML cannot hold them anywhere.
        assert_eq!(
            text_policy::find("`\u{1}`", &markdown_code_ranges("`\u{1}`")).len(),
            1
        );
    }
}
