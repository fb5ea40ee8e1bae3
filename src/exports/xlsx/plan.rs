//! A workbook described cell by cell before it is written: its description is the exact
//! input of its bytes, so the build cache keys the written file by it.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};
use std::fmt::Write as _;

/// How a cell is drawn.
#[derive(Debug, Clone, Copy)]
pub enum Style {
    Plain,
    Bold,
    Wrap,
}

#[derive(Debug)]
enum Value {
    Text(String),
    Number(f64),
}

/// One worksheet: its name, direction, column widths and cells, in the order written.
#[derive(Debug, Default)]
pub struct SheetPlan {
    name: String,
    rtl: bool,
    widths: Vec<(u16, f64)>,
    cells: Vec<(u32, u16, Value, Style)>,
}

impl SheetPlan {
    pub fn set_name(&mut self, name: &str) {
        self.name = name.to_string();
    }

    pub fn set_right_to_left(&mut self, rtl: bool) {
        self.rtl = rtl;
    }

    pub fn set_column_width(&mut self, col: u16, width: f64) {
        self.widths.push((col, width));
    }

    pub fn text(&mut self, row: u32, col: u16, text: &str, style: Style) {
        self.cells
            .push((row, col, Value::Text(text.to_string()), style));
    }

    pub fn number(&mut self, row: u32, col: u16, number: f64) {
        self.cells
            .push((row, col, Value::Number(number), Style::Plain));
    }
}

/// A whole workbook: document properties and its sheets.
#[derive(Debug, Default)]
pub struct BookPlan {
    pub title: String,
    pub author: String,
    pub sheets: Vec<SheetPlan>,
}

impl BookPlan {
    /// Everything the bytes depend on, as text (the cache key).
    pub fn key(&self) -> String {
        let mut key = String::new();
        let _ = write!(key, "{self:?}");
        key
    }

    /// The `.xlsx` file. Deterministic: the document date is fixed.
    pub fn write(&self) -> Result<Vec<u8>, XlsxError> {
        let mut wb = Workbook::new();
        wb.set_properties(
            &DocProperties::new()
                .set_title(&self.title)
                .set_author(&self.author)
                .set_creation_datetime(&ExcelDateTime::from_ymd(2000, 1, 1)?),
        );
        let (bold, wrap) = (Format::new().set_bold(), Format::new().set_text_wrap());
        for plan in &self.sheets {
            let ws = wb.add_worksheet();
            ws.set_name(&plan.name)?;
            ws.set_right_to_left(plan.rtl);
            for (row, col, value, style) in &plan.cells {
                match (value, style) {
                    (Value::Number(n), _) => ws.write_number(*row, *col, *n).map(|_| ())?,
                    (Value::Text(t), Style::Plain) => ws.write_string(*row, *col, t).map(|_| ())?,
                    (Value::Text(t), Style::Bold) => ws
                        .write_string_with_format(*row, *col, t, &bold)
                        .map(|_| ())?,
                    (Value::Text(t), Style::Wrap) => ws
                        .write_string_with_format(*row, *col, t, &wrap)
                        .map(|_| ())?,
                }
            }
            for (col, width) in &plan.widths {
                ws.set_column_width(*col, *width)?;
            }
        }
        wb.save_to_buffer()
    }
}
