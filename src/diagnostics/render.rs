//! Renders diagnostics like a compiler: location, message, the source line, a caret, a hint.

use super::{Diagnostic, Diagnostics};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

/// Every diagnostic, sorted. The caller adds the summary line that fits what it did (see
/// [`summary`]).
pub fn render_all(diagnostics: &Diagnostics) -> String {
    render_as(diagnostics, "error")
}

/// Like [`render_all`], for problems that do not fail the command (`warning: …`).
pub fn render_warnings(diagnostics: &Diagnostics) -> String {
    render_as(diagnostics, "warning")
}

fn render_as(diagnostics: &Diagnostics, level: &str) -> String {
    let mut out = String::new();
    let sorted = diagnostics.sorted();
    // Each file is split into lines once: thousands of errors in a big file stay linear.
    let mut lines: BTreeMap<&Path, Vec<&str>> = BTreeMap::new();
    for d in &sorted {
        let line = d.position.and_then(|pos| {
            let text = diagnostics.source(&d.file)?;
            let file_lines = lines
                .entry(d.file.as_path())
                .or_insert_with(|| text.lines().collect());
            file_lines.get(pos.line.saturating_sub(1)).copied()
        });
        render_one(&mut out, level, d, line);
    }
    out
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

/// One diagnostic; `line` is the source line its position points into, if known.
fn render_one(out: &mut String, level: &str, d: &Diagnostic, line: Option<&str>) {
    let _ = writeln!(out, "{level}: {}", d.message);
    let _ = writeln!(out, "  --> {}", d.location());
    if let (Some(pos), Some(line)) = (d.position, line) {
        let gutter = pos.line.to_string().len();
        let pad = " ".repeat(gutter);
        let (line, column) = window(line, pos.column);
        let caret_pad: String = line
            .chars()
            .take(column.saturating_sub(1))
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        let _ = writeln!(out, "{pad} |");
        let _ = writeln!(out, "{} | {}", pos.line, line);
        let _ = writeln!(out, "{pad} | {caret_pad}^");
    }
    if let Some(hint) = &d.hint {
        let _ = writeln!(out, "  = help: {hint}");
    }
    out.push('\n');
}

/// Characters of a source line shown on each side of the column.
const WINDOW: usize = 60;

/// The part of `line` around 1-based `column` (at most `WINDOW` characters each side, cut
/// ends marked `…`) and the column within it; a 20 MB line prints a few dozen characters.
fn window(line: &str, column: usize) -> (String, usize) {
    let count = line.chars().count();
    if count <= 2 * WINDOW {
        return (line.to_string(), column);
    }
    let at = column.saturating_sub(1).min(count);
    let start = at.saturating_sub(WINDOW);
    let end = (at + WINDOW).min(count);
    let mut text: String = line.chars().skip(start).take(end - start).collect();
    let mut col = at - start + 1;
    if start > 0 {
        text.insert(0, '…');
        col += 1;
    }
    if end < count {
        text.push('…');
    }
    (text, col)
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
        assert!(text.contains("--> data/x.yaml:2:8"), "{text}");
        assert!(text.contains("2 | value: -3"), "{text}");
        assert!(text.contains("  |        ^"), "{text}");
        assert!(text.contains("help: use a value of 0 or more"), "{text}");
        assert_eq!(
            summary(&ds, Some("nothing was written")),
            "error: 1 problem found; nothing was written\n"
        );
        assert_eq!(summary(&ds, None), "error: 1 problem found\n");
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
