//! Renders diagnostics like a compiler: location, message, the source line, a caret, a hint.

use super::{Diagnostic, Diagnostics};
use std::fmt::Write;

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
    for d in diagnostics.sorted() {
        render_one(&mut out, level, d, diagnostics.source(&d.file));
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

fn render_one(out: &mut String, level: &str, d: &Diagnostic, source: Option<&str>) {
    let _ = writeln!(out, "{level}: {}", d.message);
    let _ = writeln!(out, "  --> {}", d.location());
    if let (Some(pos), Some(text)) = (d.position, source)
        && let Some(line) = text.lines().nth(pos.line.saturating_sub(1))
    {
        let gutter = pos.line.to_string().len();
        let pad = " ".repeat(gutter);
        let caret_pad: String = line
            .chars()
            .take(pos.column.saturating_sub(1))
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
}
