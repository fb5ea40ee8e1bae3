//! JSON made safe to place inside a `<script>` element (JSON-LD).
//!
//! An HTML parser ends a script at `</script` and treats `<!--` followed by `<script` as a
//! "double escaped" state in which the real `</script>` no longer closes it: a definition
//! holding `<!--<script>` would turn the rest of the page into script. Escaping `<`, `>`
//! and `&` (and the JavaScript line terminators U+2028/U+2029) as `\uXXXX` keeps the JSON
//! identical for a JSON parser and leaves nothing an HTML parser reacts to.

/// `json` (serialized JSON) with every `<`, `>`, `&`, U+2028 and U+2029 written as a
/// `\uXXXX` escape. These characters only occur inside JSON strings, where the escape
/// means the same character.
pub fn escape(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn nothing_an_html_parser_reacts_to_and_the_same_json() {
        let value = serde_json::json!({"d": "<!--<script>x</script>--> & \u{2028}"});
        let text = super::escape(&serde_json::to_string(&value).unwrap());
        for bad in ["<", ">", "&", "\u{2028}"] {
            assert!(!text.contains(bad), "{text}");
        }
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }
}
