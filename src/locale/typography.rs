//! French typography, applied to rendered French HTML, SVG and Atom text: U+202F (narrow
//! no-break space) before `;` `!` `?` and inside « », U+00A0 before `:` and between a
//! number and `%` or its unit, and one apostrophe (’).
//!
//! Only text nodes change: tags, attribute values, comments and the content of `code`,
//! `pre`, `kbd`, `samp`, `script`, `style`, `textarea` and `select` are copied as they are,
//! and so is any word that is an address (`https://…`, `www.…`, `a@b`). Entities are kept.

use super::Lang;
use crate::foundation::swar;

const NNBSP: char = '\u{202F}';
const NBSP: char = '\u{A0}';

/// Elements whose content is never typeset.
const VERBATIM: &[&str] = &[
    "code", "pre", "kbd", "samp", "script", "style", "textarea", "select",
];

/// Units and number words written after a number with a no-break space (`31,94 millions`:
/// a line never starts with the word of a number).
const UNITS: &[&str] = &[
    "Ko",
    "Mo",
    "Go",
    "M",
    "Md",
    "MAD",
    "DH",
    "km",
    "h",
    "million",
    "millions",
    "milliard",
    "milliards",
];

/// `html` typeset for `lang`: French gets the pass, Arabic is returned as it is.
pub fn for_lang(lang: Lang, html: String) -> String {
    match lang {
        Lang::Fr => french(&html),
        Lang::Ar => html,
    }
}

/// The French pass over a whole document or fragment.
pub fn french(html: &str) -> String {
    Typesetter::new(html, true).run()
}

/// One pass over a document. Tags, comments and verbatim elements are passed over; text
/// nodes are scanned for the characters a rule may apply to (eight bytes at a time), and the
/// document is copied in whole stretches up to each of them, so that most of it is copied
/// without being looked at twice. A text node that may hold an address, and every node
/// when `fast` is off (to test that the scan changes nothing), goes through
/// [`State::text`], which looks at each word.
struct Typesetter<'a> {
    src: &'a str,
    out: String,
    /// `src[..copied]` is in `out`, typeset.
    copied: usize,
    state: State,
    fast: bool,
}

impl<'a> Typesetter<'a> {
    fn new(src: &'a str, fast: bool) -> Self {
        Typesetter {
            src,
            out: String::with_capacity(src.len() + src.len() / 32),
            copied: 0,
            state: State {
                runs: fast,
                ..State::default()
            },
            fast,
        }
    }

    fn run(mut self) -> String {
        let b = self.src.as_bytes();
        let mut i = 0;
        while i < b.len() {
            i = if b[i] == b'<' {
                markup_end(self.src, i)
            } else if self.fast {
                self.text(i)
            } else {
                self.slow_text(i)
            };
        }
        self.flush(b.len());
        self.out
    }

    /// Copies what is left of `src` up to `to` into `out`.
    fn flush(&mut self, to: usize) {
        if to > self.copied {
            self.out.push_str(&self.src[self.copied..to]);
            self.copied = to;
        }
    }

    /// The text node that starts at byte `start`, through [`State::text`]; returns its end.
    fn slow_text(&mut self, start: usize) -> usize {
        let end = node_end(self.src, start);
        self.flush(start);
        self.state.text(&self.src[start..end], &mut self.out);
        self.copied = end;
        end
    }

    /// The text node that starts at byte `start` (not a `<`); returns its end. One scan
    /// finds its end and the characters a rule may apply to; those between are copied
    /// later, whole. A node with a sign of an address goes again through
    /// [`Self::slow_text`], from the state it started in.
    fn text(&mut self, start: usize) -> usize {
        let b = self.src.as_bytes();
        let (out_len, copied, state) = (self.out.len(), self.copied, self.state);
        let mut i = start;
        // Where the characters not yet given to `state` start (the last of them is `prev`).
        let mut plain_from = start;
        let end = loop {
            if i == b.len() || b[i] == b'<' {
                break i;
            }
            // After « the next character, whatever it is, takes the quote's space; a space
            // right after a number given to `state` (or written before the node) may be
            // followed by its unit.
            let forced = self.state.after_open_quote
                || (i == plain_from
                    && b[i] == b' '
                    && self.state.prev.is_some_and(|p| p.is_ascii_digit()));
            let at = if forced {
                i
            } else {
                next_stop(b, i, &TEXT_STOPS)
            };
            if at == b.len() {
                break at;
            }
            let at = match b[at] {
                b'<' => break at,
                b'@' => return self.again(start, out_len, copied, state),
                b'.' if at >= start + 3 && &b[at - 3..at] == b"www" => {
                    return self.again(start, out_len, copied, state);
                }
                b':' if b[at + 1..].starts_with(b"//") => {
                    return self.again(start, out_len, copied, state);
                }
                _ if forced => at,
                b'.' => {
                    i = at + 1;
                    continue;
                }
                // A digit needs no rule, but the space after it may (a unit follows).
                d if d.is_ascii_digit() => {
                    if b.get(at + 1) == Some(&b' ') {
                        at + 1
                    } else {
                        i = at + 1;
                        continue;
                    }
                }
                _ => {
                    let c = char_at(self.src, at);
                    if !needs_rule(c) {
                        i = at + c.len_utf8();
                        continue;
                    }
                    at
                }
            };
            // A rule at the node's first character may change the space written before
            // it, which taking the node back could not undo, and an entity is passed over
            // whole (it may hide a sign): the node is checked whole for an address first.
            if (at == start || b[at] == b'&')
                && may_hold_address(&self.src[start..node_end(self.src, start)])
            {
                return self.again(start, out_len, copied, state);
            }
            self.flush(at);
            if at > plain_from {
                self.state
                    .wrote_last_of(&self.src[plain_from..at], &self.out);
            }
            let c = char_at(self.src, at);
            let used = if c == '&' {
                let rest = &self.src[at..node_end(self.src, at)];
                self.state.entity(rest, &mut self.out)
            } else {
                let next = &self.src[at + c.len_utf8()..];
                self.state.char(c, next, &mut self.out);
                c.len_utf8()
            };
            self.copied = at + used;
            i = self.copied;
            plain_from = i;
        };
        // The node ends with characters not copied yet: the last is where it will be.
        if end > plain_from {
            let last = self.src[plain_from..end].chars().next_back().unwrap_or(' ');
            self.state.prev = Some(last);
            self.state.prev_at = self.out.len() + (end - last.len_utf8() - self.copied);
        }
        end
    }

    /// The node that starts at `start` holds a sign of an address: what was written of it
    /// is taken back (all of it is after `out_len`: see the check before the first rule),
    /// and it is typeset again through [`Self::slow_text`].
    fn again(&mut self, start: usize, out_len: usize, copied: usize, state: State) -> usize {
        self.out.truncate(out_len);
        self.copied = copied;
        self.state = state;
        self.slow_text(start)
    }
}

/// Where the text node at byte `start` of `src` ends: at the next `<`, or the end.
fn node_end(src: &str, start: usize) -> usize {
    memchr::memchr(b'<', &src.as_bytes()[start..]).map_or(src.len(), |k| start + k)
}

/// The character that starts at byte `i` of `s`.
fn char_at(s: &str, i: usize) -> char {
    s[i..].chars().next().unwrap_or(' ')
}

/// Where the comment, tag or verbatim element that starts at byte `i` of `src` (a `<`)
/// ends: a comment at its `-->`, a tag at its `>`, a verbatim element's opening tag at the
/// start of its closing tag (its content is never typeset).
fn markup_end(src: &str, i: usize) -> usize {
    let rest = &src[i..];
    if let Some(after) = rest.strip_prefix("<!--") {
        return after.find("-->").map_or(src.len(), |k| i + k + 7);
    }
    let after_tag = i + tag_len(rest.as_bytes());
    match opening_verbatim(&src[i..after_tag]) {
        Some(name) => {
            let close = find_closing(&src[after_tag..], name);
            after_tag + close.unwrap_or(src.len() - after_tag)
        }
        None => after_tag,
    }
}

/// The length of the tag `b` starts with, up to its `>` (or all of `b`).
fn tag_len(b: &[u8]) -> usize {
    swar::find(b, b'>').map_or(b.len(), |k| k + 1)
}

/// The offset of the first byte of `b` from `from` on that `stops` holds, or the length of
/// `b`: eight bytes at a time, where a byte that may be one (ASCII `!` to `@`, or the lead
/// byte `C2` or `E2`) is looked up in the table.
fn next_stop(b: &[u8], from: usize, stops: &[bool; 256]) -> usize {
    let mut i = from;
    while i + 8 <= b.len() {
        let mut maybe = may_stop(swar::word(b, i));
        while maybe != 0 {
            let k = i + (maybe.trailing_zeros() / 8) as usize;
            if stops[usize::from(b[k])] {
                return k;
            }
            maybe &= maybe - 1;
        }
        i += 8;
    }
    (i..b.len())
        .find(|&k| stops[usize::from(b[k])])
        .unwrap_or(b.len())
}

/// The high bit of each byte of `w` that may be in a table of stops (and of some bytes
/// that are not): every byte of one is between `!` and `@` (0x21–0x40), which is tested
/// exactly, or is `C2` or `E2`, found with the bytes whose bit `0x20` set makes `E2` by
/// the word-wide zero-byte test (which may also mark a byte after one it found).
fn may_stop(w: u64) -> u64 {
    let low = w & !swar::HIGHS;
    let at_least_21 = low.wrapping_add(swar::ONES * (0x80 - 0x21));
    let at_least_41 = low.wrapping_add(swar::ONES * (0x80 - 0x41));
    let ascii_range = at_least_21 & !at_least_41 & !w & swar::HIGHS;
    let lead = (w | (swar::ONES * 0x20)) ^ (swar::ONES * 0xE2);
    ascii_range | (lead.wrapping_sub(swar::ONES) & !lead & swar::HIGHS)
}

/// The name of a verbatim element `tag` opens, if it does (not self-closing).
fn opening_verbatim(tag: &str) -> Option<&'static str> {
    let inner = tag.strip_prefix('<')?.as_bytes();
    let len = inner
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(inner.len());
    let name = &inner[..len];
    let found = (VERBATIM.iter().copied()).find(|v| v.as_bytes().eq_ignore_ascii_case(name))?;
    (!tag.ends_with("/>")).then_some(found)
}

/// Where the closing tag `</name` (any case) first occurs in `hay`.
fn find_closing(hay: &str, name: &str) -> Option<usize> {
    let hay = hay.as_bytes();
    memchr::memmem::find_iter(hay, b"</").find(|&i| {
        hay.get(i + 2..i + 2 + name.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(name.as_bytes()))
    })
}

/// What typesetting a text node needs to know of the text before it.
#[derive(Clone, Copy)]
struct State {
    /// The last character of text written, and the byte of the output it starts at (tags
    /// may have been written after it).
    prev: Option<char>,
    prev_at: usize,
    after_open_quote: bool,
    /// Copy characters that need no rule as whole slices (off only to test that doing so
    /// changes nothing).
    runs: bool,
}

impl Default for State {
    fn default() -> Self {
        State {
            prev: None,
            prev_at: 0,
            after_open_quote: false,
            runs: true,
        }
    }
}

impl State {
    /// `c` was just written at the end of `out`.
    fn wrote(&mut self, c: char, out: &str) {
        self.prev = Some(c);
        self.prev_at = out.len() - c.len_utf8();
    }

    /// `text` (not empty) was just written at the end of `out`.
    fn wrote_last_of(&mut self, text: &str, out: &str) {
        if let Some(c) = text.chars().next_back() {
            self.wrote(c, out);
        }
    }

    /// Typesets one text node into `out`.
    fn text(&mut self, t: &str, out: &mut String) {
        let mut i = 0;
        // Up to where the current word needs no more address checks: a word is checked
        // once at its start, and again at each position only if it holds `www.` (an
        // address may start inside it, after a bracket or a quote). A text with no sign of
        // an address at all (nearly every one) needs none.
        let mut checked_to = if may_hold_address(t) { 0 } else { t.len() };
        while i < t.len() {
            if i >= checked_to {
                let word_end = t[i..].find(char::is_whitespace).map_or(t.len(), |k| i + k);
                if word_end > i && is_address(&t[i..word_end]) {
                    out.push_str(&t[i..word_end]);
                    self.wrote_last_of(&t[i..word_end], out);
                    i = word_end;
                    continue;
                }
                if !t[i..word_end].contains("www.") {
                    checked_to = word_end;
                }
            }
            // Characters that need no rule are copied as one slice, up to the word's end.
            if self.runs && !self.after_open_quote && i < checked_to {
                let run = &t[i..checked_to];
                let n = first_needing_rule(run);
                if n > 0 {
                    out.push_str(&run[..n]);
                    self.wrote_last_of(&run[..n], out);
                    i += n;
                    continue;
                }
            }
            let c = t[i..].chars().next().unwrap_or(' ');
            if c == '&' {
                i += self.entity(&t[i..], out);
                continue;
            }
            self.char(c, &t[i + c.len_utf8()..], out);
            i += c.len_utf8();
        }
    }

    /// The entity `t` starts with (or a lone `&`) into `out`; returns its length.
    fn entity(&mut self, t: &str, out: &mut String) -> usize {
        let len = t
            .char_indices()
            .take(12)
            .find(|(_, c)| *c == ';')
            .map_or(1, |(k, _)| k + 1);
        let entity = &t[..len];
        if entity == "&#39;" || entity == "&#x27;" {
            self.char('\'', &t[len..], out);
        } else {
            self.open_quote_space(out, false);
            out.push_str(entity);
            self.prev = Some('&');
            self.prev_at = out.len() - len;
        }
        len
    }

    /// After « : a no-break space, replacing the space written or inserted.
    fn open_quote_space(&mut self, out: &mut String, is_space: bool) -> bool {
        if !self.after_open_quote {
            return false;
        }
        self.after_open_quote = false;
        out.push(NNBSP);
        self.wrote(NNBSP, out);
        is_space
    }

    /// Writes `c`, followed in its text node by `next`, into `out` with its rule.
    fn char(&mut self, c: char, next: &str, out: &mut String) {
        let is_space = c == ' ' || c == NBSP || c == NNBSP;
        if self.open_quote_space(out, is_space) {
            return;
        }
        let written = match c {
            ';' | '!' | '?' | '»' => {
                self.space_before(out, NNBSP);
                c
            }
            ':' if !(self.prev.is_some_and(|p| p.is_ascii_digit())
                && next.starts_with(|n: char| n.is_ascii_digit())) =>
            {
                self.space_before(out, NBSP);
                c
            }
            ' ' if self.prev.is_some_and(|p| p.is_ascii_digit()) && unit_follows(next) => NBSP,
            '%' if self.prev == Some(' ') => {
                self.space_before(out, NBSP);
                c
            }
            '\'' => '’',
            _ => c,
        };
        out.push(written);
        self.wrote(written, out);
        if c == '«' {
            self.after_open_quote = true;
        }
    }

    /// Makes the character before the one about to be written a no-break `space`:
    /// replaces the space last written (tags may follow it), or inserts one after a word.
    fn space_before(&mut self, out: &mut String, space: char) {
        match self.prev {
            Some(p @ (' ' | NBSP | NNBSP)) => {
                let at = self.prev_at;
                out.replace_range(at..at + p.len_utf8(), space.encode_utf8(&mut [0; 4]));
            }
            Some(p) if !matches!(p, ';' | ':' | '!' | '?' | '(' | '[' | '\n') => out.push(space),
            _ => {}
        }
    }
}

/// A character [`State::char`] may change or that changes what follows it.
fn needs_rule(c: char) -> bool {
    matches!(
        c,
        ';' | '!' | '?' | '»' | '«' | ':' | ' ' | NBSP | NNBSP | '%' | '\'' | '&'
    )
}

/// Whether `next` (the text after a space) starts with a unit written after numbers.
fn unit_follows(next: &str) -> bool {
    let len = next
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(next.len(), |(i, _)| i);
    let (word, rest) = next.split_at(len);
    let after = rest.chars().next();
    !word.is_empty() && UNITS.contains(&word) && after.is_none_or(|a| !a.is_alphanumeric())
}

/// Whether `t` holds anything [`is_address`] could find in one of its words.
/// One scan for the bytes that start each sign (`@`, the `:` of `://`, the `w` of
/// `www.`): cheaper on short text nodes than a substring search per sign.
fn may_hold_address(t: &str) -> bool {
    let b = t.as_bytes();
    memchr::memchr3_iter(b'@', b':', b'w', b).any(|i| match b[i] {
        b'@' => true,
        b':' => b[i + 1..].starts_with(b"//"),
        _ => b[i + 1..].starts_with(b"ww."),
    })
}

/// The offset of the first character of `run` that [`needs_rule`], or its length: a scan of
/// bytes, where only the first byte of a rule character (all ASCII but « » and the two
/// no-break spaces) stops it to look at the whole character. A space needs a rule only
/// after a digit (a unit may follow) or at the start of the run (the character before it
/// was written earlier): so the scan stops at digits, not at spaces, which are far more
/// common.
fn first_needing_rule(run: &str) -> usize {
    let bytes = run.as_bytes();
    if bytes.first() == Some(&b' ') {
        return 0;
    }
    let mut from = 0;
    while let Some(k) = bytes[from..].iter().position(|&b| STOPS[b as usize]) {
        let at = from + k;
        let b = bytes[at];
        if b.is_ascii_digit() {
            if bytes.get(at + 1) == Some(&b' ') {
                return at + 1;
            }
        } else if b.is_ascii() || run[at..].chars().next().is_some_and(needs_rule) {
            return at;
        }
        from = at + 1;
    }
    run.len()
}

/// The bytes [`first_needing_rule`] stops at: the ASCII rule characters but the space, the
/// digits, and the lead bytes of « » U+00A0 (`C2`) and U+202F (`E2`).
const STOPS: [bool; 256] = {
    let mut t = [false; 256];
    let ascii = b";!?:%'&0123456789";
    let mut i = 0;
    while i < ascii.len() {
        t[ascii[i] as usize] = true;
        i += 1;
    }
    t[0xC2] = true;
    t[0xE2] = true;
    t
};

/// The bytes [`Typesetter::text`] stops at: the [`STOPS`], the `<` that ends a text node,
/// and the `@` and `.` that may be part of an address (`.` of `www.`; the `:` of `://` is
/// a stop already).
const TEXT_STOPS: [bool; 256] = {
    let mut t = STOPS;
    t[b'<' as usize] = true;
    t[b'@' as usize] = true;
    t[b'.' as usize] = true;
    t
};

/// A web or mail address, left as written.
fn is_address(word: &str) -> bool {
    word.contains("://") || word.starts_with("www.") || word.contains('@')
}

#[cfg(test)]
mod tests;
