//! Markdown → HTML for one language version of a page, with directives resolved, raw HTML
//! escaped (unless the configuration allows it), Latin runs isolated in Arabic text, and
//! stable heading anchors.

use super::directive::{DirectiveKind, FigureRef, scan};
use crate::diagnostics::{Diagnostic, line_col};
use crate::html::{escape_into, escaped};
use crate::locale::{Lang, bidi};
use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

/// What directives turn into. Implemented by the site stage, which knows the data.
pub trait DirectiveResolver {
    /// Inline HTML for a figure, or (message, hint) when it cannot be resolved.
    fn figure(&self, lang: Lang, figure: &FigureRef) -> Result<String, (String, String)>;
    /// Block HTML for a chart, or (message, hint).
    fn chart(&self, lang: Lang, id: &str) -> Result<String, (String, String)>;
}

/// Where the Markdown comes from, for locating errors.
pub struct Origin<'a> {
    pub file: &'a Path,
    /// The whole file, front matter included.
    pub file_text: &'a str,
    /// Byte offset of the Markdown body within `file_text`.
    pub body_offset: usize,
}

#[derive(Debug)]
pub struct Rendered {
    pub html: String,
    /// Heading anchors in document order, for tables of contents and link checks.
    pub anchors: Vec<String>,
}

/// Renders `body` for `lang`. Every problem found is returned, not only the first.
pub fn render(
    body: &str,
    lang: Lang,
    raw_html: bool,
    origin: &Origin,
    resolver: &dyn DirectiveResolver,
) -> Result<Rendered, Vec<Diagnostic>> {
    let mut r = Renderer {
        body,
        lang,
        raw_html,
        origin,
        resolver,
        errors: Vec::new(),
        out: Vec::new(),
        texts: String::with_capacity(body.len() + body.len() / 8),
        text_events: Vec::new(),
        anchors: Vec::new(),
        anchor_counts: BTreeMap::new(),
    };
    let mut events = merged_events(body);
    r.out.reserve(events.len());
    for (at, message, hint) in super::markdown_policy::check(&events, body) {
        r.error_at(at, message, hint);
    }
    r.run(&mut events);
    let Renderer {
        errors,
        mut out,
        texts,
        text_events,
        anchors,
        ..
    } = r;
    if !errors.is_empty() {
        return Err(errors);
    }
    for (at, range) in text_events {
        out[at] = Event::InlineHtml(CowStr::Borrowed(&texts[range]));
    }
    let mut html = String::with_capacity(body.len() * 2);
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    Ok(Rendered { html, anchors })
}

pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_SMART_PUNCTUATION
}

/// Parser events with adjacent text merged, so a directive is never split in two.
fn merged_events(body: &str) -> Vec<(Event<'_>, Range<usize>)> {
    // About one event per 16 bytes of Markdown: one allocation, rarely a second.
    let mut events: Vec<(Event, Range<usize>)> = Vec::with_capacity(body.len() / 16 + 16);
    for (ev, range) in Parser::new_ext(body, options()).into_offset_iter() {
        if let (Event::Text(t), Some((Event::Text(prev), prev_range))) = (&ev, events.last_mut()) {
            *prev = joined(body, prev, t);
            prev_range.end = prev_range.end.max(range.end);
            continue;
        }
        events.push((ev, range));
    }
    events
}

/// `prev` then `t`: a slice of `body` when both are borrowed from it side by side (most
/// splits, at a `[` or a `_` that opened nothing), else a new string.
fn joined<'b>(body: &'b str, prev: &CowStr<'b>, t: &CowStr<'b>) -> CowStr<'b> {
    if let (CowStr::Borrowed(a), CowStr::Borrowed(b)) = (prev, t) {
        let start = (a.as_ptr() as usize).wrapping_sub(body.as_ptr() as usize);
        let end = start.wrapping_add(a.len());
        let next = (b.as_ptr() as usize).wrapping_sub(body.as_ptr() as usize);
        if start <= body.len()
            && end <= body.len()
            && next == end
            && let Some(both) = body.get(start..end + b.len())
        {
            return CowStr::Borrowed(both);
        }
    }
    let mut s = String::with_capacity(prev.len() + t.len());
    s.push_str(prev);
    s.push_str(t);
    CowStr::from(s)
}

struct Renderer<'a> {
    body: &'a str,
    lang: Lang,
    raw_html: bool,
    origin: &'a Origin<'a>,
    resolver: &'a dyn DirectiveResolver,
    errors: Vec<Diagnostic>,
    out: Vec<Event<'a>>,
    /// The HTML of every text event, one after another: one string for the page rather
    /// than one per event (a page has a hundred or so).
    texts: String,
    /// Which event of `out` is the HTML at which range of `texts` (set once `texts` is whole).
    text_events: Vec<(usize, Range<usize>)>,
    anchors: Vec<String>,
    anchor_counts: BTreeMap<String, usize>,
}

impl<'a> Renderer<'a> {
    fn error_at(&mut self, body_pos: usize, message: impl Into<String>, hint: impl Into<String>) {
        let pos = line_col(self.origin.file_text, self.origin.body_offset + body_pos);
        self.errors
            .push(Diagnostic::new(self.origin.file, Some(pos), message).with_hint(hint));
    }

    /// Renders `events` into `self.out`. Each event is moved out of `events` once it is
    /// passed (the look-aheads only read later ones), not copied.
    fn run(&mut self, events: &mut [(Event<'a>, Range<usize>)]) {
        let mut i = 0;
        let mut code_depth = 0usize;
        let mut image_depth = 0usize;
        let mut heading: Option<(usize, String)> = None;
        while i < events.len() {
            let (ev, range) = &events[i];
            match ev {
                Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                    if info.as_ref().trim() == "chart" =>
                {
                    i = self.fenced_chart_block(events, i);
                    continue;
                }
                Event::Start(Tag::Paragraph) => {
                    if let Some(html) = self.lone_chart(events, i) {
                        self.out.push(Event::Html(html.into()));
                        i += 3;
                        continue;
                    }
                }
                Event::Start(Tag::CodeBlock(_)) => code_depth += 1,
                Event::End(TagEnd::CodeBlock) => code_depth = code_depth.saturating_sub(1),
                Event::Start(Tag::Image { .. }) => image_depth += 1,
                Event::End(TagEnd::Image) => image_depth = image_depth.saturating_sub(1),
                Event::Start(Tag::Heading { level, .. }) => {
                    if *level == HeadingLevel::H1 {
                        self.error_at(
                            range.start,
                            "a level-1 heading in the page body",
                            "the page title is the only `#` heading: start sections with `##`",
                        );
                    }
                    heading = Some((self.out.len(), String::new()));
                }
                Event::End(TagEnd::Heading(_)) => {
                    if let Some((idx, text)) = heading.take() {
                        self.set_heading_anchor(idx, &text);
                    }
                }
                Event::Text(t) if code_depth == 0 && image_depth == 0 => {
                    let start = self.texts.len();
                    self.text(t, range.clone());
                    let html = start..self.texts.len();
                    if let Some((_, h)) = heading.as_mut() {
                        h.push_str(&crate::html::to_text(&self.texts[html.clone()]));
                    }
                    self.text_events.push((self.out.len(), html));
                    self.out.push(Event::InlineHtml(CowStr::Borrowed("")));
                    i += 1;
                    continue;
                }
                Event::Code(t) => {
                    if let Some((_, h)) = heading.as_mut() {
                        h.push_str(t);
                    }
                }
                _ => {}
            }
            let ev = std::mem::replace(&mut events[i].0, Event::SoftBreak);
            self.out.push(match ev {
                Event::Html(t) | Event::InlineHtml(t) if !self.raw_html => Event::Text(t),
                ev => ev,
            });
            i += 1;
        }
    }

    /// A ```` ```chart ```` block starting at event `i`: its text is the chart's options.
    /// Returns the index of the first event after the block.
    fn fenced_chart_block(&mut self, events: &[(Event<'a>, Range<usize>)], i: usize) -> usize {
        let mut text = String::new();
        let mut j = i + 1;
        while j < events.len() && !matches!(events[j].0, Event::End(TagEnd::CodeBlock)) {
            if let Event::Text(t) = &events[j].0 {
                text.push_str(t);
            }
            j += 1;
        }
        self.fenced_chart(&text, events[i].1.start);
        j + 1
    }

    /// Gives the heading opened at output index `idx` its anchor, made from its text.
    fn set_heading_anchor(&mut self, idx: usize, text: &str) {
        let id = self.anchor_for(text);
        if let Event::Start(Tag::Heading { id: slot, .. }) = &mut self.out[idx] {
            *slot = Some(id.into());
        }
    }

    /// `{{ chart id }}` alone in a paragraph becomes the chart's block HTML.
    fn lone_chart(&mut self, events: &[(Event<'a>, Range<usize>)], i: usize) -> Option<String> {
        let (Event::Text(t), range) = events.get(i + 1)? else {
            return None;
        };
        if !matches!(events.get(i + 2)?.0, Event::End(TagEnd::Paragraph)) {
            return None;
        }
        // A lone chart is the paragraph's only content: most paragraphs fail this at once.
        if !t.trim_start().starts_with("{{") {
            return None;
        }
        let found = scan(t);
        let [Ok(d)] = found.as_slice() else {
            return None;
        };
        let DirectiveKind::Chart { id } = &d.kind else {
            return None;
        };
        if !t[..d.start].trim().is_empty() || !t[d.end..].trim().is_empty() {
            return None;
        }
        let at = self.source_offset_of_directive(range.clone(), 0);
        match self.resolver.chart(self.lang, id) {
            Ok(html) => Some(html),
            Err((m, h)) => {
                self.error_at(at, m, h);
                Some(String::new())
            }
        }
    }

    fn fenced_chart(&mut self, text: &str, at: usize) {
        let id = text
            .lines()
            .find_map(|l| l.trim().strip_prefix("id:"))
            .map(|v| v.trim().trim_matches('"').to_string());
        let extra = text
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty() && !l.starts_with("id:") && !l.starts_with('#'));
        if let Some(line) = extra {
            self.error_at(
                at,
                format!("unexpected `{line}` in a chart block"),
                "a ```chart block holds one line: `id: CHART-ID`",
            );
        }
        let Some(id) = id.filter(|s| !s.is_empty()) else {
            self.error_at(
                at,
                "a ```chart block without `id:`",
                "write `id: coverage-growth` inside the block",
            );
            return;
        };
        match self.resolver.chart(self.lang, &id) {
            Ok(html) => self.out.push(Event::Html(html.into())),
            Err((m, h)) => self.error_at(at, m, h),
        }
    }

    /// Appends to `self.texts` the escaped text with figures resolved and, in Arabic, Latin
    /// runs isolated.
    fn text(&mut self, t: &str, range: Range<usize>) {
        let mut html = std::mem::take(&mut self.texts);
        let mut last = 0;
        for (n, found) in scan(t).into_iter().enumerate() {
            let at = self.source_offset_of_directive(range.clone(), n);
            match found {
                Err(e) => {
                    self.error_at(at, e.message, e.hint);
                    break;
                }
                Ok(d) => {
                    self.plain(&t[last..d.start], &mut html);
                    last = d.end;
                    match d.kind {
                        DirectiveKind::Figure(figure) => {
                            match self.resolver.figure(self.lang, &figure) {
                                Ok(h) => html.push_str(&h),
                                Err((m, hint)) => self.error_at(at, m, hint),
                            }
                        }
                        DirectiveKind::Chart { .. } => {
                            self.error_at(
                                at,
                                "a chart directive inside running text",
                                "put `{{ chart … }}` alone in its own paragraph",
                            );
                        }
                    }
                }
            }
        }
        self.plain(&t[last.min(t.len())..], &mut html);
        self.texts = html;
    }

    /// Appends `t` escaped and, in Arabic, with its Latin runs isolated.
    fn plain(&self, t: &str, html: &mut String) {
        if self.lang.is_rtl() {
            bidi::isolate_latin_runs_into(&escaped(t), html);
        } else {
            escape_into(t, html);
        }
    }

    /// Byte offset in the body of the `n`-th directive of the text event at `range`.
    fn source_offset_of_directive(&self, range: Range<usize>, n: usize) -> usize {
        let slice = &self.body[range.start.min(self.body.len())..range.end.min(self.body.len())];
        slice
            .match_indices("{{")
            .nth(n)
            .map_or(range.start, |(k, _)| range.start + k)
    }

    fn anchor_for(&mut self, heading_text: &str) -> String {
        let base = slugify(heading_text);
        let base = if base.is_empty() {
            "section".to_string()
        } else {
            base
        };
        let count = self.anchor_counts.entry(base.clone()).or_insert(0);
        *count += 1;
        let id = if *count == 1 {
            base
        } else {
            format!("{base}-{count}")
        };
        self.anchors.push(id.clone());
        id
    }
}

/// A heading anchor: letters and digits of any script kept (so Arabic anchors work),
/// everything else folded to single hyphens, lowercase, invisible marks dropped.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars() {
        // ASCII and the Arabic letters and digits (caseless) skip the Unicode tables.
        let keep = if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else if bidi::is_caseless_arabic_alphanumeric(c) {
            true
        } else if bidi::is_bidi_mark(c) {
            continue; // invisible: dropped, not folded
        } else if c.is_alphanumeric() {
            true
        } else if matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}') {
            continue; // the few harakat Unicode does not count as letters
        } else {
            false
        };
        if !keep {
            dash = true;
            continue;
        }
        if dash && !out.is_empty() {
            out.push('-');
        }
        dash = false;
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if bidi::is_caseless_arabic_alphanumeric(c) {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Adjacent text of the body is joined without a copy; anything else is copied.
    #[test]
    fn joined_text_is_a_slice_of_the_body_when_it_can_be() {
        let body = String::from("un [lien] et _rien");
        let (a, b) = (CowStr::Borrowed(&body[0..3]), CowStr::Borrowed(&body[3..9]));
        let both = joined(&body, &a, &b);
        assert!(matches!(both, CowStr::Borrowed(_)));
        assert_eq!(&*both, "un [lien]");
        let apart = joined(&body, &a, &CowStr::Borrowed(&body[4..9]));
        assert!(!matches!(apart, CowStr::Borrowed(_)));
        assert_eq!(&*apart, "un lien]");
        let other = joined(&body, &CowStr::Borrowed("x"), &a);
        assert_eq!(&*other, "xun ");
        let swapped = joined(&body, &b, &a);
        assert_eq!(&*swapped, "[lien]un ");
        assert_eq!(
            &*joined(&body, &b, &CowStr::from(String::from("!"))),
            "[lien]!"
        );
        for events in [merged_events("a_b [c] d*"), merged_events("l'eau [x")] {
            let texts = events
                .iter()
                .filter(|(e, _)| matches!(e, Event::Text(_)))
                .count();
            assert_eq!(texts, 1, "{events:?}");
        }
    }

    /// The slug as the Unicode tables alone give it: the reference for the fast paths.
    fn slugify_by_tables(text: &str) -> String {
        let mut out = String::new();
        let mut dash = false;
        for c in bidi::strip_marks(text).chars() {
            if c.is_alphanumeric() {
                if dash && !out.is_empty() {
                    out.push('-');
                }
                dash = false;
                out.extend(c.to_lowercase());
            } else if !matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}') {
                dash = true;
            }
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_cases(2048))]

        #[test]
        fn slugify_agrees_with_the_unicode_tables(text in "[\\x20-\\x7e\\u{A0}\\u{C0}-\\u{17F}\\u{200E}\\u{202F}\\u{0600}-\\u{06FF}\\u{2066}-\\u{2069}]{0,24}") {
            proptest::prop_assert_eq!(slugify(&text), slugify_by_tables(&text));
        }
    }

    struct Fake;
    impl DirectiveResolver for Fake {
        fn figure(&self, lang: Lang, f: &FigureRef) -> Result<String, (String, String)> {
            if f.indicator == "known" {
                Ok(format!(
                    "<data value=\"1\">{}{}</data>",
                    lang.code(),
                    f.date.map(|d| d.iso()).unwrap_or_default()
                ))
            } else {
                Err((format!("unknown indicator `{}`", f.indicator), "fix".into()))
            }
        }
        fn chart(&self, _lang: Lang, id: &str) -> Result<String, (String, String)> {
            if id == "c" {
                Ok("<figure>C</figure>".into())
            } else {
                Err((format!("unknown chart `{id}`"), "fix".into()))
            }
        }
    }

    fn md(body: &str, lang: Lang) -> Result<Rendered, Vec<Diagnostic>> {
        let origin = Origin {
            file: Path::new("content/x.fr.md"),
            file_text: body,
            body_offset: 0,
        };
        render(body, lang, false, &origin, &Fake)
    }

    #[test]
    fn directives_work_in_lists_tables_headings_and_emphasis() {
        let body = "## Total {{ figure known }}\n\n- item {{ figure known date=2022 }}\n\n| a | b |\n|---|---|\n| x | {{ figure known }} |\n\n*it's \"quoted\" {{ figure known }} -- ok*\n";
        let html = md(body, Lang::Fr).unwrap().html;
        assert_eq!(html.matches("<data value=\"1\">fr").count(), 4, "{html}");
        assert!(html.contains("fr2022"));
        assert!(html.contains("<h2 id=\"total-fr\">"), "{html}");
    }

    #[test]
    fn arabic_sentences_isolate_latin_and_resolve_figures() {
        let html = md("يستفيد من AMO Tadamon {{ figure known }} شخص.\n", Lang::Ar)
            .unwrap()
            .html;
        assert!(
            html.contains("<span dir=\"ltr\" lang=\"fr\">AMO Tadamon</span>"),
            "{html}"
        );
        assert!(html.contains("<data value=\"1\">ar</data>"), "{html}");
    }

    #[test]
    fn chart_alone_or_fenced_becomes_a_block() {
        let html = md(
            "Intro.\n\n{{ chart c }}\n\n```chart\nid: c\n```\n",
            Lang::Fr,
        )
        .unwrap()
        .html;
        assert_eq!(html.matches("<figure>C</figure>").count(), 2, "{html}");
        assert!(!html.contains("<p><figure>"));
    }

    #[test]
    fn every_bad_directive_is_located() {
        let errs = md(
            "Line one.\n\nA {{ figure nope }} and {{ chart c }} here.\n\n{{ chart zz }}\n",
            Lang::Fr,
        )
        .unwrap_err();
        assert_eq!(errs.len(), 3, "{errs:?}");
        assert_eq!(errs[0].position.unwrap().line, 3);
        assert_eq!(errs[0].position.unwrap().column, 3);
        assert!(errs[1].message.contains("inside running text"));
        assert_eq!(errs[2].position.unwrap().line, 5);
    }

    #[test]
    fn raw_html_is_escaped_by_default() {
        let html = md(
            "Hello <script>alert(1)</script>\n\n<div onclick=\"x\">y</div>\n",
            Lang::Fr,
        )
        .unwrap()
        .html;
        assert!(!html.contains("<script>"), "{html}");
        assert!(!html.contains("<div"), "{html}");
        assert!(html.contains("&lt;script&gt;"));
    }

    #[test]
    fn directives_in_code_are_left_alone() {
        let html = md(
            "`{{ figure nope }}`\n\n```\n{{ chart zz }}\n```\n",
            Lang::Fr,
        )
        .unwrap()
        .html;
        assert!(html.contains("{{ figure nope }}"));
    }

    #[test]
    fn arabic_headings_get_unicode_anchors() {
        assert_eq!(slugify("من يستفيد؟"), "من-يستفيد");
        assert_eq!(slugify("Qui paie ?"), "qui-paie");
        assert_eq!(slugify("ab\u{200E}cd\u{A0}É!"), "abcd-é");
        assert_eq!(slugify("التأمين ٢٠٢٥؟"), "التأمين-٢٠٢٥");
    }
}
