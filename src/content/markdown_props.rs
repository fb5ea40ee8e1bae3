//! Property tests of the Markdown and directive renderer, driven directly with a small
//! resolver: for any input it does not panic, and what it publishes, parsed by an HTML5
//! parser (html5ever, through `scraper`), holds no script, no event handler, no URL outside
//! the [`url_policy`](super::url_policy) and no refused character.
//!
//! Inputs mix arbitrary text with fragments chosen to hit the escaping paths (hostile
//! URLs, raw HTML, entities, directives in awkward places). Failures found are kept as
//! regression tests at the end of this file.

use super::directive::FigureRef;
use super::markdown::{DirectiveResolver, Origin, render};
use crate::foundation::text_policy::{Refused, classify};
use crate::foundation::url_policy::{UrlUse, check};
use crate::locale::Lang;
use proptest::prelude::*;
use std::path::Path;

/// Figures and charts as the real resolver shapes them (with escaped attribute values).
struct Small;

impl DirectiveResolver for Small {
    fn figure(&self, lang: Lang, figure: &FigureRef) -> Result<String, (String, String)> {
        let (indicator, date, source) = (&figure.indicator, figure.date, figure.source.as_deref());
        if indicator == "known" {
            let note = format!(
                "{}{}",
                date.map(|d| d.iso()).unwrap_or_default(),
                source.unwrap_or_default()
            );
            Ok(format!(
                "<data value=\"1\" title=\"{}\">{}</data>",
                crate::html::escape(&note),
                lang.code()
            ))
        } else {
            Err((format!("unknown indicator `{indicator}`"), "fix".into()))
        }
    }
    fn chart(&self, _lang: Lang, id: &str) -> Result<String, (String, String)> {
        match id {
            "c" => Ok("<figure><a href=\"/fr/data/\">C</a></figure>".into()),
            _ => Err((format!("unknown chart `{id}`"), "fix".into())),
        }
    }
}

/// Renders `body` after the checks loading makes (refused characters typed as such).
fn md(body: &str, lang: Lang) -> Result<String, Vec<crate::diagnostics::Diagnostic>> {
    let file = Path::new("content/p.fr.md");
    let mut loaded = crate::diagnostics::Diagnostics::new();
    super::markdown_policy::check_markdown(file, body, 0, body, &mut loaded);
    let origin = Origin {
        file,
        file_text: body,
        body_offset: 0,
    };
    let rendered = render(body, lang, false, &origin, &Small).map(|r| r.html);
    if loaded.is_empty() {
        rendered
    } else {
        Err(loaded.sorted().into_iter().cloned().collect())
    }
}

const URL_ATTRS: [&str; 8] = [
    "href",
    "src",
    "action",
    "formaction",
    "poster",
    "data",
    "xlink:href",
    "background",
];
const FORBIDDEN_ELEMENTS: [&str; 10] = [
    "script", "iframe", "object", "embed", "base", "form", "meta", "link", "style", "svg",
];

/// What is wrong with published HTML, parsed as an HTML5 parser does.
pub(crate) fn audit(html: &str) -> Vec<String> {
    let doc = scraper::Html::parse_fragment(html);
    let mut problems = Vec::new();
    for el in doc.root_element().descendent_elements() {
        let name = el.value().name();
        if FORBIDDEN_ELEMENTS.contains(&name) {
            problems.push(format!("<{name}> element"));
        }
        for (attr, value) in el.value().attrs() {
            if attr.to_ascii_lowercase().starts_with("on") {
                problems.push(format!("event handler `{attr}`"));
            }
            if URL_ATTRS.contains(&attr) {
                let usage = if name == "img" {
                    UrlUse::Image
                } else {
                    UrlUse::Link
                };
                if let Err(why) = check(value, usage) {
                    problems.push(format!("<{name} {attr}>: {why}"));
                }
            }
        }
    }
    if let Some(c) = html
        .chars()
        .find(|c| classify(*c) == Some(Refused::Control))
    {
        problems.push(format!("control character U+{:04X}", c as u32));
    }
    for node in doc.tree.nodes() {
        let Some(text) = node.value().as_text() else {
            continue;
        };
        let in_code = node.ancestors().any(|a| {
            a.value()
                .as_element()
                .is_some_and(|e| matches!(e.name(), "code" | "pre"))
        });
        if !in_code && let Some(c) = text.chars().find(|c| classify(*c) == Some(Refused::Bidi)) {
            problems.push(format!("bidi control U+{:04X} outside code", c as u32));
        }
    }
    problems
}

fn fragment() -> impl Strategy<Value = String> {
    let pieces: Vec<&'static str> = vec![
        "[x](javascript:alert(1))",
        "[x]( JaVaScRiPt:alert(1))",
        "[x](java&#x73;cript:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](vbscript:msgbox)",
        "[x](data:text/html,<script>alert(1)</script>)",
        "![i](data:image/png;base64,AAAA)",
        "![i](data:image/svg+xml,<svg/onload=alert(1)>)",
        "<javascript:alert(1)>",
        "<https://example.org/>",
        "<a@b.ma>",
        "[r][ref]\n\n[ref]: javascript:alert(1)\n",
        "[ok](https://www.cnss.ma/ \"t\\\"itle\")",
        "[ok](/fr/data/#x)",
        "![{{ figure known }}](/a.png)",
        "[{{ figure known }}](/fr/)",
        "{{ figure known date=2022 source=x\"y }}",
        "{{ figure known date=2022 date=2023 }}",
        "{{ figure unknown }}",
        "{{ chart c }}",
        "{{ chart",
        "}}",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<!--<script>",
        "</p><svg onload=alert(1)>",
        "&#x202E;",
        "&#1;",
        "&#0;",
        "&lt;script&gt;",
        "`code \u{202E}`",
        "```\n<script>\n```",
        "\u{202E}",
        "\u{7}",
        "## heading {{ figure known }}",
        "# h1",
        "| a | b |\n|---|---|\n| [x](javascript:1) | y |",
        "*em* **strong** ~~del~~",
        "AMO Tadamon يستفيد",
        "\"quotes\" 'apostrophes' -- ...",
        "\n\n",
        "\n",
        " ",
        "[",
        "](",
        ")",
        "<",
        ">",
        "&",
        "\\",
    ];
    prop_oneof![
        4 => proptest::sample::select(pieces).prop_map(str::to_string),
        1 => "\\PC{0,12}",
        1 => "[a-z<>&\"'(){}\\[\\]!:=# \n]{0,16}",
    ]
}

fn document() -> impl Strategy<Value = String> {
    proptest::collection::vec(fragment(), 0..12).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 192,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn published_markdown_never_carries_script(body in document(), rtl in any::<bool>()) {
        let lang = if rtl { Lang::Ar } else { Lang::Fr };
        if let Ok(html) = md(&body, lang) {
            let problems = audit(&html);
            prop_assert!(problems.is_empty(), "{body:?}\n→ {html}\n{problems:?}");
        }
    }

    #[test]
    fn arbitrary_text_never_panics(body in "\\PC{0,200}") {
        let _ = md(&body, Lang::Ar);
        let _ = md(&body, Lang::Fr);
    }
}

/// Each class of hostile input is refused with a located error, not dropped silently.
#[test]
fn hostile_links_are_located_errors() {
    for (body, line) in [
        ("ok\n\n[x](javascript:alert(1))\n", 3),
        ("[x]( JaVaScRiPt:alert(1))", 1),
        ("[x](java&#x73;cript:alert(1))", 1),
        ("[x](vbscript:msgbox)", 1),
        ("[x](data:text/html,hi)", 1),
        ("<javascript:alert(1)>", 1),
        ("a\n\n[r][ref]\n\n[ref]: javascript:alert(1)\n", 3),
        ("![i](javascript:alert(1))", 1),
        ("![i](data:image/svg+xml,x)", 1),
    ] {
        let errs = md(body, Lang::Fr).expect_err(body);
        assert!(
            errs.iter()
                .any(|e| e.message.contains("not allowed")
                    && e.position.is_some_and(|p| p.line == line)),
            "{body:?}: {errs:?}"
        );
    }
    let ok = md(
        "[a](https://x.ma) [b](mailto:a@b.ma) [c](tel:+212) [d](/fr/) [e](#s) ![p](data:image/png;base64,AA)",
        Lang::Fr,
    )
    .unwrap();
    assert!(audit(&ok).is_empty(), "{ok}");
}

#[test]
fn directives_in_link_text_and_alt_text_are_errors() {
    for body in [
        "[{{ figure known }}](/fr/)",
        "![{{ figure known }}](/a.png)",
    ] {
        let errs = md(body, Lang::Fr).expect_err(body);
        assert!(
            errs.iter()
                .any(|e| e.message.contains("a directive inside")),
            "{errs:?}"
        );
    }
}

#[test]
fn refused_characters_written_as_entities_are_errors() {
    for body in ["a &#x202E; b", "a &#7; b", "[x](/a \"&#x2066;\")"] {
        let errs = md(body, Lang::Fr).expect_err(body);
        assert!(
            errs.iter()
                .any(|e| e.message.contains("character reference")),
            "{body}: {errs:?}"
        );
    }
    // In code, a bidi control is shown as the code it is.
    assert!(md("`&#x202E;`", Lang::Fr).is_ok());
}
