//! HTML and XML escaping, shared by every stage that writes markup, and [`Markup`], the one
//! type templates write without escaping.

mod markup;

pub use markup::Markup;

/// Escapes text for HTML/XML text nodes and double- or single-quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    escape_into(text, &mut out);
    out
}

/// [`escape`], borrowing `text` when it holds nothing to escape (most Arabic text).
pub fn escaped(text: &str) -> std::borrow::Cow<'_, str> {
    let b = text.as_bytes();
    if memchr::memchr3(b'&', b'<', b'>', b).is_none() && memchr::memchr2(b'"', b'\'', b).is_none() {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(escape(text))
    }
}

/// [`escape`], appended to `out`.
pub fn escape_into(text: &str, out: &mut String) {
    let bytes = text.as_bytes();
    out.reserve(text.len());
    // Two vector searches, `& < >` and the quotes, each run again only once its find is
    // passed: Arabic text has no quote, and French text many apostrophes but few `&`.
    let signs = |from: usize| memchr::memchr3(b'&', b'<', b'>', &bytes[from..]).map(|k| from + k);
    let quotes = |from: usize| memchr::memchr2(b'"', b'\'', &bytes[from..]).map(|k| from + k);
    let (mut sign, mut quote) = (signs(0), quotes(0));
    let mut copied = 0;
    while let Some(i) = match (sign, quote) {
        (Some(s), Some(q)) => Some(s.min(q)),
        (s, q) => s.or(q),
    } {
        // Only ASCII bytes are escaped, so byte positions are character boundaries.
        out.push_str(&text[copied..i]);
        out.push_str(entity(bytes[i]));
        copied = i + 1;
        if sign == Some(i) {
            sign = signs(copied);
        } else {
            quote = quotes(copied);
        }
    }
    out.push_str(&text[copied..]);
}

/// The entity [`escape_into`] writes for one of the five bytes it escapes.
fn entity(b: u8) -> &'static str {
    match b {
        b'&' => "&amp;",
        b'<' => "&lt;",
        b'>' => "&gt;",
        b'"' => "&quot;",
        _ => "&#39;",
    }
}

/// The escaper of the XML and SVG templates (`templates/xml/`, configured in `askama.toml`):
/// the same five entities as [`escape`], so a value reads the same in every file we write.
#[derive(Clone, Copy, Debug)]
pub struct Xml;

impl askama::filters::Escaper for Xml {
    fn write_escaped_str<W: std::fmt::Write>(&self, mut dest: W, s: &str) -> std::fmt::Result {
        dest.write_str(&escape(s))
    }
}

/// Escapes text for a text node only (`&`, `<`, `>`); quotes stay as they are. Not for
/// attribute values.
pub fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Text from content or data made safe for an HTML text node in `lang`: escaped, and in
/// Arabic with each Latin run isolated (`<span dir="ltr" lang="fr">`). Views hand it to
/// templates as [`Markup::text`].
pub fn text(lang: crate::locale::Lang, s: &str) -> String {
    let escaped = escape(s);
    if lang.is_rtl() {
        crate::locale::bidi::isolate_latin_runs(&escaped)
    } else {
        escaped
    }
}

/// The text of an HTML fragment: tags dropped, the five escapes decoded.
///
/// Tags are dropped first and the escapes decoded after, in one pass each, found with
/// `memchr` (headings take their anchor text from here, once per text event).
pub fn to_text(html: &str) -> String {
    let mut bare = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = memchr::memchr(b'<', rest.as_bytes()) {
        bare.push_str(&rest[..open]);
        rest = match memchr::memchr(b'>', &rest.as_bytes()[open..]) {
            Some(close) => &rest[open + close + 1..],
            None => "",
        };
    }
    bare.push_str(rest);
    if memchr::memchr(b'&', bare.as_bytes()).is_none() {
        return bare;
    }
    const ESCAPES: [(&str, char); 5] = [
        ("&lt;", '<'),
        ("&gt;", '>'),
        ("&quot;", '"'),
        ("&#39;", '\''),
        ("&amp;", '&'),
    ];
    let mut out = String::with_capacity(bare.len());
    let mut rest = bare.as_str();
    while let Some(amp) = memchr::memchr(b'&', rest.as_bytes()) {
        out.push_str(&rest[..amp]);
        let at = &rest[amp..];
        match ESCAPES.iter().find(|(name, _)| at.starts_with(name)) {
            Some((name, c)) => {
                out.push(*c);
                rest = &at[name.len()..];
            }
            None => {
                out.push('&');
                rest = &at[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use askama::Template;
    use proptest::prelude::*;

    /// `to_text` as it was first written: the escapes replaced one after another.
    fn to_text_by_replacing(html: &str) -> String {
        let mut out = String::with_capacity(html.len());
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => in_tag = false,
                _ if !in_tag => out.push(c),
                _ => {}
            }
        }
        out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    proptest! {
        /// One pass gives what the five replacements gave, on text full of tags, escapes
        /// and near-escapes.
        #[test]
        fn to_text_decodes_like_the_replacements(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("<"), Just(">"), Just("&"), Just(";"), Just("&lt;"), Just("&gt;"),
                    Just("&quot;"), Just("&#39;"), Just("&amp;"), Just("&amp;lt;"), Just("&l"),
                    Just("<b>"), Just("</span>"), Just("a"), Just("é"), Just("ع"), Just(" "),
                ],
                0..24,
            )
        ) {
            let html = parts.concat();
            prop_assert_eq!(super::to_text(&html), to_text_by_replacing(&html), "{:?}", html);
        }

        /// The two searches escape what one look at each byte escapes.
        #[test]
        fn escaping_by_searches_matches_escaping_byte_by_byte(
            text in "[&<>\"'aé\u{639} ]{0,40}",
            before in "[a<']{0,3}",
        ) {
            let mut out = before.clone();
            super::escape_into(&text, &mut out);
            prop_assert_eq!(out, format!("{before}{}", escape_byte_by_byte(&text)));
            prop_assert_eq!(super::escaped(&text), escape_byte_by_byte(&text));
        }
    }

    /// `escape_into` as it was first written: a look at every byte.
    fn escape_byte_by_byte(text: &str) -> String {
        let mut out = String::new();
        for c in text.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                '\'' => out.push_str("&#39;"),
                c => out.push(c),
            }
        }
        out
    }

    #[derive(Template)]
    #[template(source = "<a t=\"{{ v }}\">{{ v }}</a>", ext = "xml")]
    struct XmlProbe<'a> {
        v: &'a str,
    }

    /// XML templates escape with the same named entities as `escape`.
    #[test]
    fn xml_templates_use_the_named_entities() {
        let xml = XmlProbe { v: "<&\"'>" }.render().unwrap();
        assert_eq!(
            xml,
            "<a t=\"&lt;&amp;&quot;&#39;&gt;\">&lt;&amp;&quot;&#39;&gt;</a>"
        );
    }

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            super::escape(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }
}
