//! French typography, applied to rendered French HTML, SVG and Atom text: U+202F (narrow
//! no-break space) before `;` `!` `?` and inside « », U+00A0 before `:` and between a
//! number and `%` or its unit, and one apostrophe (’).
//!
//! Only text nodes change: tags, attribute values, comments and the content of `code`,
//! `pre`, `kbd`, `samp`, `script`, `style`, `textarea` and `select` are copied as they are,
//! and so is any word that is an address (`https://…`, `www.…`, `a@b`). Entities are kept.

use super::Lang;

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
    french_with(html, State::default())
}

fn french_with(html: &str, mut state: State) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 32);
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<!--") {
            let end = after.find("-->").map_or(rest.len(), |i| i + 7);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
        } else if rest.starts_with('<') {
            let end = memchr::memchr(b'>', rest.as_bytes()).map_or(rest.len(), |i| i + 1);
            let tag = &rest[..end];
            out.push_str(tag);
            rest = &rest[end..];
            if let Some(name) = opening_verbatim(tag) {
                let close = format!("</{name}");
                let end = find_ci(rest, &close).unwrap_or(rest.len());
                out.push_str(&rest[..end]);
                rest = &rest[end..];
            }
        } else {
            let end = memchr::memchr(b'<', rest.as_bytes()).unwrap_or(rest.len());
            state.text(&rest[..end], &mut out);
            rest = &rest[end..];
        }
    }
    out
}

/// The name of a verbatim element `tag` opens, if it does (not self-closing).
fn opening_verbatim(tag: &str) -> Option<&'static str> {
    let inner = tag.strip_prefix('<')?.as_bytes();
    let len = inner
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(inner.len());
    if len == 0 || tag.ends_with("/>") {
        return None;
    }
    let name = &inner[..len];
    VERBATIM
        .iter()
        .copied()
        .find(|v| v.as_bytes().eq_ignore_ascii_case(name))
}

/// Where `needle` (ASCII, starting with `<`) first occurs in `hay`, ignoring ASCII case.
fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    memchr::memchr_iter(b'<', hay).find(|&i| {
        hay.get(i..i + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
    })
}

struct State {
    prev: Option<char>,
    after_open_quote: bool,
    /// Copy characters that need no rule as whole slices (off only to test that doing so
    /// changes nothing).
    runs: bool,
}

impl Default for State {
    fn default() -> Self {
        State {
            prev: None,
            after_open_quote: false,
            runs: true,
        }
    }
}

impl State {
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
                    self.prev = t[i..word_end].chars().last();
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
                    self.prev = run[..n].chars().next_back();
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
        self.prev = Some(NNBSP);
        is_space
    }

    fn char(&mut self, c: char, next: &str, out: &mut String) {
        let is_space = c == ' ' || c == NBSP || c == NNBSP;
        if self.open_quote_space(out, is_space) {
            return;
        }
        match c {
            ';' | '!' | '?' | '»' => self.space_before(out, NNBSP),
            ':' if !(self.prev.is_some_and(|p| p.is_ascii_digit())
                && next.starts_with(|n: char| n.is_ascii_digit())) =>
            {
                self.space_before(out, NBSP)
            }
            ' ' if self.prev.is_some_and(|p| p.is_ascii_digit()) && unit_follows(next) => {
                out.push(NBSP);
                self.prev = Some(NBSP);
                return;
            }
            '%' if self.prev == Some(' ') => self.space_before(out, NBSP),
            '\'' => {
                out.push('’');
                self.prev = Some('’');
                return;
            }
            _ => {}
        }
        out.push(c);
        self.prev = Some(c);
        if c == '«' {
            self.after_open_quote = true;
        }
    }

    /// Makes the character before the one about to be written a no-break `space`:
    /// replaces a space just written, or inserts one after a word.
    fn space_before(&mut self, out: &mut String, space: char) {
        match self.prev {
            Some(' ') | Some(NBSP) | Some(NNBSP) => {
                out.pop();
                out.push(space);
            }
            Some(p) if !matches!(p, ';' | ':' | '!' | '?' | '(' | '[' | '\n') => out.push(space),
            _ => {}
        }
    }
}

/// Whether `next` (the text after a space) starts with a unit written after numbers.
/// A character [`State::char`] may change or that changes what follows it.
fn needs_rule(c: char) -> bool {
    matches!(
        c,
        ';' | '!' | '?' | '»' | '«' | ':' | ' ' | NBSP | NNBSP | '%' | '\'' | '&'
    )
}

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

/// A web or mail address, left as written.
fn is_address(word: &str) -> bool {
    word.contains("://") || word.starts_with("www.") || word.contains('@')
}

#[cfg(test)]
mod tests;
