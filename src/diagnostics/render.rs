//! Renders diagnostics like a compiler, with `annotate-snippets`: the message, the
//! `file:line:column` header, the source lines with a caret under the column (placed by
//! display width, so Arabic harakat take no room), secondary labels such as "first defined
//! here", and the hint.

use super::{Diagnostic, Diagnostics, Position};
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use std::collections::BTreeMap;
use std::path::Path;

/// Every diagnostic, sorted, without colour. The caller adds the summary line that fits
/// what it did (see [`summary`]).
pub fn render_all(diagnostics: &Diagnostics) -> String {
    render_as(diagnostics, Level::ERROR, false)
}

/// [`render_all`], in colour when `styled` (see [`stderr_wants_colour`]).
pub fn render_all_styled(diagnostics: &Diagnostics, styled: bool) -> String {
    render_as(diagnostics, Level::ERROR, styled)
}

/// Like [`render_all`], for problems that do not fail the command (`warning: …`).
pub fn render_warnings(diagnostics: &Diagnostics) -> String {
    render_as(diagnostics, Level::WARNING, false)
}

/// Colour only for a terminal, and never when `NO_COLOR` is set to anything or `TERM=dumb`.
pub fn stderr_wants_colour() -> bool {
    use std::io::IsTerminal;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
    !no_color && !dumb && std::io::stderr().is_terminal()
}

fn render_as(diagnostics: &Diagnostics, level: Level<'static>, styled: bool) -> String {
    let renderer = renderer(styled);
    let mut sources = SourceLines::new(diagnostics);
    let mut out = String::new();
    for d in diagnostics.sorted() {
        let group = group(&mut sources, level.clone(), d);
        out.push_str(&renderer.render(&[group]));
        out.push_str("\n\n");
    }
    out
}

/// An error that points at no file (a failed write, a port in use): the message and what
/// to do, rendered like the located ones.
pub fn render_message(message: &str, help: Option<&str>, styled: bool) -> String {
    let renderer = renderer(styled);
    let mut group = Group::with_title(Level::ERROR.primary_title(message));
    if let Some(help) = help {
        group = group.element(Level::HELP.message(help));
    }
    renderer.render(&[group]) + "\n"
}

fn renderer(styled: bool) -> Renderer {
    if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
}

/// `error: 3 problems found; <outcome>`: the last line after [`render_all`], where the
/// outcome says what the command did about it ("nothing was written").
pub fn summary(diagnostics: &Diagnostics, outcome: Option<&str>) -> String {
    let n = diagnostics.sorted().len();
    let plural = if n == 1 { "" } else { "s" };
    match outcome {
        None => format!("error: {n} problem{plural} found\n"),
        Some(outcome) => format!("error: {n} problem{plural} found; {outcome}\n"),
    }
}

/// Each file's text split into lines once: thousands of errors in a big file stay linear.
struct SourceLines<'a> {
    diagnostics: &'a Diagnostics,
    lines: BTreeMap<&'a Path, Vec<&'a str>>,
}

impl<'a> SourceLines<'a> {
    fn new(diagnostics: &'a Diagnostics) -> Self {
        SourceLines {
            diagnostics,
            lines: BTreeMap::new(),
        }
    }

    /// 1-based line `n` of `file`, if its text is known.
    fn line(&mut self, file: &'a Path, n: usize) -> Option<&'a str> {
        let text = self.diagnostics.source(file)?;
        let lines = self
            .lines
            .entry(file)
            .or_insert_with(|| text.lines().collect());
        lines.get(n.checked_sub(1)?).copied()
    }
}

/// One place a diagnostic points at: the primary one (no label) or a secondary one.
struct Place<'a> {
    file: &'a Path,
    position: Position,
    label: Option<&'a str>,
}

/// Places of one file close enough to be shown in one excerpt.
struct Excerpt<'a> {
    file: &'a Path,
    first: usize,
    last: usize,
    places: Vec<Place<'a>>,
}

/// Two places further apart than this many lines get an excerpt each.
const MAX_GAP: usize = 6;

fn group<'a>(sources: &mut SourceLines<'a>, level: Level<'a>, d: &'a Diagnostic) -> Group<'a> {
    let mut group = Group::with_title(level.primary_title(d.message.as_str()));
    let primary = d.position.map(|position| Place {
        file: &d.file,
        position,
        label: None,
    });
    let secondary = d.labels.iter().map(|l| (l.file.as_path(), l.position, l));
    let mut excerpts: Vec<Excerpt<'a>> = Vec::new();
    let mut notes = Vec::new();
    if primary.is_none() {
        group = group.element(Origin::path(d.file.to_string_lossy()));
    }
    for place in primary
        .into_iter()
        .chain(secondary.filter_map(|(file, pos, l)| {
            let place = pos.map(|position| Place {
                file,
                position,
                label: Some(l.text.as_str()),
            });
            if place.is_none() {
                notes.push(format!("{}: {}", l.text, file.display()));
            }
            place
        }))
    {
        add_place(&mut excerpts, place);
    }
    for excerpt in excerpts {
        if let Some(element) = excerpt_element(sources, excerpt, &mut notes) {
            group = group.element(element);
        }
    }
    for note in notes {
        group = group.element(Level::NOTE.message(note));
    }
    if let Some(hint) = &d.hint {
        group = group.element(Level::HELP.message(hint.as_str()));
    }
    group
}

fn add_place<'a>(excerpts: &mut Vec<Excerpt<'a>>, place: Place<'a>) {
    let line = place.position.line;
    let near = excerpts
        .iter_mut()
        .find(|e| e.file == place.file && line + MAX_GAP >= e.first && line <= e.last + MAX_GAP);
    match near {
        Some(e) => {
            e.first = e.first.min(line);
            e.last = e.last.max(line);
            e.places.push(place);
        }
        None => excerpts.push(Excerpt {
            file: place.file,
            first: line,
            last: line,
            places: vec![place],
        }),
    }
}

/// The excerpt's lines with a caret under each place, or just `file:line:column` when the
/// file's text is not known (its secondary places then become notes, and an excerpt of
/// secondary places only shows nothing more).
fn excerpt_element<'a>(
    sources: &mut SourceLines<'a>,
    e: Excerpt<'a>,
    notes: &mut Vec<String>,
) -> Option<annotate_snippets::Element<'a>> {
    let path = e.file.to_string_lossy();
    let lines: Option<Vec<&str>> = (e.first..=e.last)
        .map(|n| sources.line(e.file, n))
        .collect();
    let Some(lines) = lines else {
        for p in &e.places {
            notes.extend(
                p.label
                    .map(|l| format!("{l}: {}", location(e.file, p.position))),
            );
        }
        let primary = e.places.iter().find(|p| p.label.is_none())?;
        let origin = Origin::path(path)
            .line(primary.position.line)
            .char_column(primary.position.column);
        return Some(origin.into());
    };
    let mut snippet = Snippet::source(lines.join("\n"))
        .line_start(e.first)
        .path(path);
    for p in &e.places {
        let before: usize = lines[..p.position.line - e.first]
            .iter()
            .map(|l| l.len() + 1)
            .sum();
        let span = column_span(lines[p.position.line - e.first], p.position.column);
        let span = before + span.start..before + span.end;
        let annotation = match p.label {
            None => AnnotationKind::Primary.span(span),
            Some(text) => AnnotationKind::Context.span(span).label(text),
        };
        snippet = snippet.annotation(annotation);
    }
    Some(snippet.into())
}

fn location(file: &Path, p: Position) -> String {
    format!("{}:{}:{}", file.display(), p.line, p.column)
}

/// The bytes of the word that starts at 1-based `column` of `line` (up to a space or YAML
/// punctuation, at least one character; empty past the line's end).
fn column_span(line: &str, column: usize) -> std::ops::Range<usize> {
    let Some((start, c)) = line.char_indices().nth(column.saturating_sub(1)) else {
        return line.len()..line.len();
    };
    let word_end = line[start..]
        .char_indices()
        .skip(1)
        .find(|(_, c)| c.is_whitespace() || matches!(c, ',' | ']' | '}' | '#'))
        .map_or(line.len(), |(i, _)| start + i);
    start..word_end.max(start + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Position;
    use std::path::Path;

    #[test]
    fn shows_line_and_caret() {
        let mut ds = Diagnostics::new();
        let file = Path::new("data/x.yaml");
        ds.add_source(file, "a: 1\nvalue: -3\n");
        ds.error(
            file,
            Some(Position::new(2, 8)),
            "negative value",
            "use a value of 0 or more",
        );
        let text = render_all(&ds);
        assert!(text.starts_with("error: negative value\n"), "{text}");
        assert!(text.contains("--> data/x.yaml:2:8"), "{text}");
        assert!(text.contains("2 | value: -3\n  |        ^^\n"), "{text}");
        assert!(text.contains("= help: use a value of 0 or more"), "{text}");
        assert!(!text.contains('\u{1b}'), "no colour unless asked: {text}");
        assert!(render_all_styled(&ds, true).contains('\u{1b}'));
        assert_eq!(
            summary(&ds, Some("nothing was written")),
            "error: 1 problem found; nothing was written\n"
        );
        assert_eq!(summary(&ds, None), "error: 1 problem found\n");
    }

    #[test]
    fn messages_without_a_place_have_the_same_form() {
        let text = render_message("port 8123 is already in use", Some("choose another"), false);
        assert_eq!(
            text,
            "error: port 8123 is already in use\n |\n = help: choose another\n"
        );
        assert_eq!(render_message("x", None, false), "error: x\n");
    }

    /// The caret sits under the character by display width: harakat take no column on screen.
    #[test]
    fn caret_skips_zero_width_harakat() {
        let mut ds = Diagnostics::new();
        let file = Path::new("content/x.ar.md");
        let line = "مُحَمَّدٌ X";
        ds.add_source(file, line);
        let column = line.chars().position(|c| c == 'X').unwrap() + 1;
        ds.error(file, Some(Position::new(1, column)), "bad", "fix");
        let text = render_all(&ds);
        // The header keeps the character column editors use.
        assert!(text.contains(&format!("x.ar.md:1:{column}")), "{text}");
        let caret = text.lines().find(|l| l.trim_end().ends_with('^')).unwrap();
        // Four letters of width one, five harakat of width zero, one space: X is 6th on screen.
        assert_eq!(caret, format!("  | {}^", " ".repeat(5)), "{text}");
    }

    #[test]
    fn secondary_places_are_labelled_not_folded_into_the_message() {
        let mut ds = Diagnostics::new();
        let file = Path::new("data/regimes.yaml");
        ds.add_source(file, "- id: cnss\n  name: a\n- id: cnss\n");
        ds.push(
            Diagnostic::new(
                file,
                Some(Position::new(3, 7)),
                "regime `cnss` is defined twice",
            )
            .with_label(file, Some(Position::new(1, 7)), "first defined here")
            .with_hint("remove one of the two entries"),
        );
        let other = Path::new("data/indicators/b.yaml");
        ds.push(
            Diagnostic::new(other, None, "indicator id `x` is already used").with_label(
                "data/indicators/a.yaml",
                None,
                "first used by",
            ),
        );
        ds.push(
            Diagnostic::new(other, None, "chart `y` is defined twice").with_label(
                "data/unread.yaml",
                Some(Position::new(4, 3)),
                "first defined here",
            ),
        );
        let text = render_all(&ds);
        assert!(text.contains("--> data/regimes.yaml:3:7"), "{text}");
        assert!(
            text.contains("= note: first defined here: data/unread.yaml:4:3"),
            "{text}"
        );
        assert!(
            text.contains("1 | - id: cnss\n  |       ---- first defined here"),
            "{text}"
        );
        assert!(text.contains("3 | - id: cnss\n  |       ^^^^\n"), "{text}");
        assert!(!text.contains("(first"), "{text}");
        assert!(text.contains("--> data/indicators/b.yaml\n"), "{text}");
        assert!(
            text.contains("= note: first used by: data/indicators/a.yaml"),
            "{text}"
        );
    }

    #[test]
    fn huge_lines_show_a_window_around_the_column() {
        let mut ds = Diagnostics::new();
        let file = Path::new("data/x.yaml");
        let line = format!("{}X{}", "a".repeat(5_000_000), "b".repeat(5_000_000));
        ds.add_source(file, &line);
        ds.error(file, Some(Position::new(1, 5_000_001)), "bad", "fix");
        let text = render_all(&ds);
        assert!(text.len() < 1_000, "{} bytes", text.len());
        let shown = text.lines().find(|l| l.contains('X')).unwrap();
        let caret = text.lines().find(|l| l.ends_with('^')).unwrap();
        assert_eq!(
            shown.chars().position(|c| c == 'X'),
            caret.chars().position(|c| c == '^'),
            "{text}"
        );
    }
}
