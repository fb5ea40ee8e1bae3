//! Plain text out of the HTML the site renders: what a reader sees, for indexing and
//! snippets. Tags are dropped (a block tag ends a line), `<svg>`, `<script>`, `<style>` and
//! `<textarea>` are skipped whole (a chart's words are in its caption, summary and table),
//! entities are decoded, and the text of `h2`–`h4` is also returned as headings.

use crate::foundation::swar;
use std::borrow::Cow;
/// The readable text of an HTML fragment, and the text of its headings.
pub struct Extracted {
    pub text: String,
    pub headings: Vec<String>,
}

/// What an element is to the text taken out of a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Skipped whole, with its content (the element's name, to find its end).
    Skipped(&'static str),
    /// `h2`–`h4`: its text is also a heading, and it ends a line.
    Heading,
    /// Ends a line of text.
    Block,
    /// Anything else: its text runs on.
    Inline,
}

/// The role of the element a tag (`<name …>` or `</name>`) opens or closes, and whether
/// it closes. The name is the tag's letters, digits and `/` after the `<`, less the
/// leading `/`, in lower case (so `<br/>` reads as `br/`, an inline element). One pass
/// over the name and one `match`, without allocating: pages have a tag every 40 bytes.
fn role(tag: &[u8]) -> (Role, bool) {
    let name = &tag[tag.iter().take_while(|b| **b == b'<').count()..];
    let len = (name.iter())
        .position(|b| !(b.is_ascii_alphanumeric() || *b == b'/'))
        .unwrap_or(name.len());
    let name = &name[..len];
    let closing = name.first() == Some(&b'/');
    let bare = &name[name.iter().take_while(|b| **b == b'/').count()..];
    // The longest name with a role has ten letters (`figcaption`).
    let mut lower = [0u8; 10];
    let Some(lower) = lower.get_mut(..bare.len()) else {
        return (Role::Inline, closing);
    };
    for (l, b) in lower.iter_mut().zip(bare) {
        *l = b.to_ascii_lowercase();
    }
    let role = match &*lower {
        b"svg" => Role::Skipped("svg"),
        b"script" => Role::Skipped("script"),
        b"style" => Role::Skipped("style"),
        b"textarea" => Role::Skipped("textarea"),
        b"h2" | b"h3" | b"h4" => Role::Heading,
        b"p" | b"li" | b"tr" | b"td" | b"th" | b"div" | b"dt" | b"dd" | b"figcaption"
        | b"caption" | b"br" | b"section" | b"summary" | b"table" => Role::Block,
        _ => Role::Inline,
    };
    (role, closing)
}

/// Where the closing tag `</name` first occurs in `hay`, ignoring ASCII case.
fn find_closing(hay: &str, name: &str) -> Option<usize> {
    let bytes = hay.as_bytes();
    memchr::memmem::find_iter(bytes, b"</").find(|&i| {
        bytes
            .get(i + 2..i + 2 + name.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(name.as_bytes()))
    })
}

/// The readable text of `html` and its headings; entities decoded, white space collapsed.
pub fn extract(html: &str) -> Extracted {
    let mut text = Collapsing::with_capacity(html.len() / 2);
    let mut headings = Vec::new();
    let mut heading: Option<String> = None;
    let mut rest = html;
    while !rest.is_empty() {
        // One scan finds the next tag and tells whether the text before it has entities.
        let bytes = rest.as_bytes();
        let (tag, entities) = match memchr::memchr2(b'<', b'&', bytes) {
            Some(i) if bytes[i] == b'&' => (memchr::memchr(b'<', &bytes[i..]).map(|j| i + j), true),
            found => (found, false),
        };
        let (run, after) = rest.split_at(tag.unwrap_or(rest.len()));
        let decoded = if entities {
            decode_entities(run)
        } else {
            Cow::Borrowed(run)
        };
        text.push(&decoded);
        if let Some(h) = heading.as_mut() {
            h.push_str(&decoded);
        }
        if after.is_empty() {
            break;
        }
        let end = memchr::memchr(b'>', after.as_bytes()).map_or(after.len(), |i| i + 1);
        let (role, closing) = role(&after.as_bytes()[..end]);
        rest = &after[end..];
        match role {
            Role::Skipped(name) if !closing => {
                // Skipped elements are not nested in our pages: go straight to their end.
                let close = find_closing(rest, name).unwrap_or(rest.len());
                let after_close = memchr::memchr(b'>', &rest.as_bytes()[close..])
                    .map_or(rest.len(), |i| close + i + 1);
                rest = &rest[after_close..];
            }
            Role::Heading | Role::Block => {
                if role == Role::Heading {
                    if closing {
                        headings.extend(heading.take().map(|h| collapse(&h)));
                    } else {
                        heading = Some(String::new());
                    }
                }
                text.push("\n");
            }
            Role::Skipped(_) | Role::Inline => {}
        }
    }
    Extracted {
        text: text.finish(),
        headings,
    }
}

/// A string that collapses white space as it is written: what [`collapse`] makes of all
/// the pieces pushed, without holding them first.
struct Collapsing {
    out: String,
    /// White space was seen since the last word.
    space: bool,
}

impl Collapsing {
    fn with_capacity(n: usize) -> Self {
        Collapsing {
            out: String::with_capacity(n),
            space: false,
        }
    }

    fn push(&mut self, piece: &str) {
        // The words of most pieces, between white space at either end (text around an
        // inline tag), are joined by single spaces: copied in one slice.
        let words = piece.trim_ascii();
        if is_single_spaced(words.as_bytes()) {
            self.space |= piece.as_bytes()[0].is_ascii_whitespace();
            if self.space && !self.out.is_empty() {
                self.out.push(' ');
            }
            self.out.push_str(words);
            self.space = piece.as_bytes().last().is_some_and(u8::is_ascii_whitespace);
            return;
        }
        let b = piece.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let blank = i;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            self.space |= i > blank;
            if i == b.len() {
                return;
            }
            // Words joined by single spaces are copied as one slice.
            let run = i;
            loop {
                while i < b.len() && !b[i].is_ascii_whitespace() {
                    i += 1;
                }
                let single_space = b.get(i) == Some(&b' ')
                    && b.get(i + 1).is_some_and(|n| !n.is_ascii_whitespace());
                if !single_space {
                    break;
                }
                i += 1;
            }
            if self.space && !self.out.is_empty() {
                self.out.push(' ');
            }
            self.space = false;
            // `run..i` starts and ends next to ASCII bytes or the piece's ends: whole characters.
            self.out.push_str(&piece[run..i]);
        }
    }

    /// The text, holding no spare capacity (every page's text is kept until it is indexed).
    fn finish(mut self) -> String {
        self.out.shrink_to_fit();
        self.out
    }
}

/// Whether `b` is words joined by single spaces: not empty, no white space at either end,
/// no two spaces together and no other white space (most text between two tags). Checked
/// eight bytes at a time; any byte below 0x20 sends the piece the slow way.
fn is_single_spaced(b: &[u8]) -> bool {
    let (Some(first), Some(last)) = (b.first(), b.last()) else {
        return false;
    };
    if first.is_ascii_whitespace() || last.is_ascii_whitespace() {
        return false;
    }
    // Whether the byte before the current word was a space.
    let mut space_before = false;
    let mut words = b.chunks_exact(8);
    for word in &mut words {
        let w = swar::word(word, 0);
        if swar::has_byte_below(w, 0x20) {
            return false;
        }
        let spaces = swar::bytes_equal_to(w, b' ');
        // Two spaces side by side: in this word, or across the words' border.
        if spaces & (spaces >> 8) != 0 || (space_before && spaces & 0x80 != 0) {
            return false;
        }
        space_before = spaces >> 63 != 0;
    }
    for &c in words.remainder() {
        if c < 0x20 || (c == b' ' && space_before) {
            return false;
        }
        space_before = c == b' ';
    }
    true
}

/// `s` with each run of ASCII white space made one space, none at either end.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_ascii_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn decode_entities(s: &str) -> Cow<'_, str> {
    if memchr::memchr(b'&', s.as_bytes()).is_none() {
        return Cow::Borrowed(s);
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
    Cow::Owned(out)
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
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(crate::test_support::proptest_cases(256))]

        /// Collapsing as the pieces come gives what collapsing their concatenation gives.
        #[test]
        fn collapsing_as_written_matches_collapse(
            pieces in proptest::collection::vec("[a\u{e9}\u{628} \n\t\r\u{c}\u{a0}\x01]{0,24}", 0..10)
        ) {
            let mut w = Collapsing::with_capacity(0);
            for p in &pieces {
                w.push(p);
            }
            prop_assert_eq!(w.finish(), collapse(&pieces.concat()));
        }
    }

    #[test]
    fn single_spaced_pieces_are_told_at_every_offset() {
        let slow = |b: &[u8]| {
            !b.is_empty()
                && !b[0].is_ascii_whitespace()
                && !b[b.len() - 1].is_ascii_whitespace()
                && !b.windows(2).any(|w| w == b"  ")
                && b.iter().all(|&c| c == b' ' || !c.is_ascii_whitespace())
        };
        for len in 0..20 {
            for at in 0..len {
                for (bytes, second) in [
                    (b" ", None),
                    (b"\n", None),
                    (b" ", Some(b' ')),
                    (b"\x0c", None),
                ] {
                    let mut piece = vec![b'a'; len];
                    piece[at] = bytes[0];
                    if let Some(c) = second.filter(|_| at + 1 < len) {
                        piece[at + 1] = c;
                    }
                    assert_eq!(is_single_spaced(&piece), slow(&piece), "{piece:?}");
                }
            }
        }
    }

    #[test]
    fn every_tag_gets_the_role_of_its_element() {
        for (tag, role_, closing) in [
            ("<p>", Role::Block, false),
            ("</P>", Role::Block, true),
            ("<FigCaption class=\"x\">", Role::Block, false),
            ("<h3 id=\"a\">", Role::Heading, false),
            ("</h4>", Role::Heading, true),
            ("<h1>", Role::Inline, false),
            ("<br/>", Role::Inline, false),
            ("<br>", Role::Block, false),
            ("<svg viewBox=\"0 0 1 1\">", Role::Skipped("svg"), false),
            ("</SCRIPT>", Role::Skipped("script"), true),
            ("<textarea>", Role::Skipped("textarea"), false),
            ("<<p>", Role::Block, false),
            ("<//li>", Role::Block, true),
            ("<figcaptions>", Role::Inline, false),
            ("<a href=\"/fr/\">", Role::Inline, false),
            ("<", Role::Inline, false),
        ] {
            assert_eq!(role(tag.as_bytes()), (role_, closing), "{tag}");
        }
    }

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
