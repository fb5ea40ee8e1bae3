//! Plain text out of the HTML the site renders: what a reader sees, for indexing and
//! snippets. Tags are dropped (a block tag ends a line), `<svg>`, `<script>`, `<style>` and
//! `<textarea>` are skipped whole (a chart's words are in its caption, summary and table),
//! entities are decoded, and the text of `h2`–`h4` is also returned as headings.

/// The readable text of an HTML fragment, and the text of its headings.
pub struct Extracted {
    pub text: String,
    pub headings: Vec<String>,
}

const SKIPPED: &[&str] = &["svg", "script", "style", "textarea"];
const HEADINGS: &[&str] = &["h2", "h3", "h4"];
const BLOCKS: &[&str] = &[
    "p",
    "li",
    "tr",
    "td",
    "th",
    "h2",
    "h3",
    "h4",
    "div",
    "dt",
    "dd",
    "figcaption",
    "caption",
    "br",
    "section",
    "summary",
    "table",
];

/// The lower-case name of a tag, `/p` for a closing tag.
fn tag_name(tag: &str) -> String {
    tag.trim_start_matches('<')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
        .collect::<String>()
        .to_ascii_lowercase()
}

pub fn extract(html: &str) -> Extracted {
    let mut text = String::new();
    let mut headings = Vec::new();
    let mut heading: Option<String> = None;
    let mut skip: Option<String> = None;
    let mut rest = html;
    while !rest.is_empty() {
        let (run, after) = match rest.find('<') {
            Some(i) => rest.split_at(i),
            None => (rest, ""),
        };
        if skip.is_none() {
            let decoded = decode_entities(run);
            text.push_str(&decoded);
            if let Some(h) = heading.as_mut() {
                h.push_str(&decoded);
            }
        }
        if after.is_empty() {
            break;
        }
        let end = after.find('>').map_or(after.len(), |i| i + 1);
        let name = tag_name(&after[..end]);
        rest = &after[end..];
        let bare = name.trim_start_matches('/');
        if let Some(s) = &skip {
            if name.strip_prefix('/') == Some(s.as_str()) {
                skip = None;
            }
            continue;
        }
        if SKIPPED.contains(&bare) && !name.starts_with('/') {
            skip = Some(bare.to_string());
            continue;
        }
        if HEADINGS.contains(&bare) {
            if name.starts_with('/') {
                headings.extend(heading.take().map(|h| collapse(&h)));
            } else {
                heading = Some(String::new());
            }
        }
        if BLOCKS.contains(&bare) {
            text.push('\n');
        }
    }
    Extracted {
        text: collapse(&text),
        headings,
    }
}

/// Runs of ASCII white space as one space (no-break spaces are kept: they are typography).
fn collapse(s: &str) -> String {
    s.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let end = tail.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| entity(&tail[1..e]));
        match (end, decoded) {
            (Some(e), Some(c)) => {
                out.push(c);
                rest = &tail[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{00A0}'),
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_what_a_reader_sees_and_the_headings() {
        let html = "<h2 id=\"a\">Qui est <em>couvert</em> ?</h2><p>AMO&nbsp;Tadamon &amp; TNS&#39;s</p>\
                    <figure><svg><text>axis 2020</text></svg><figcaption>Titre</figcaption></figure>\
                    <script>var x = 1;</script><p>Fin &unknown; &#x41;</p>";
        let e = extract(html);
        assert_eq!(
            e.text,
            "Qui est couvert ? AMO\u{a0}Tadamon & TNS's Titre Fin &unknown; A"
        );
        assert_eq!(e.headings, ["Qui est couvert ?"]);
    }
}
