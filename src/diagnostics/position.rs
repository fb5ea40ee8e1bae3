//! Turning byte offsets into the 1-based line and column a person reads.

/// A 1-based line and column. Columns count characters, not bytes, as in `file:line:column`
/// for editors; where the caret goes under the line is a display width, which the renderer
/// works out (an Arabic haraka is a character of width zero).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    pub fn new(line: usize, column: usize) -> Self {
        Position { line, column }
    }

    /// Shifts a position found in an embedded document (front matter, a directive) to
    /// where that document starts in its file.
    pub fn offset_lines(self, lines: usize) -> Self {
        Position {
            line: self.line + lines,
            column: self.column,
        }
    }
}

/// Line and column of byte `offset` in `text` (clamped to the text's end).
pub fn line_col(text: &str, offset: usize) -> Position {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    Position { line, column }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_lines_and_characters() {
        let text = "ab\nعربي x\n";
        assert_eq!(line_col(text, 0), Position::new(1, 1));
        assert_eq!(line_col(text, 3), Position::new(2, 1));
        // 'x' comes after four Arabic letters (two bytes each) and a space.
        let x = text.find('x').unwrap();
        assert_eq!(line_col(text, x), Position::new(2, 6));
        assert_eq!(line_col(text, 999), Position::new(3, 1));
    }
}
