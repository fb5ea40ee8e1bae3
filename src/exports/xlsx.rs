//! XLSX workbooks, one per language: a data sheet and an "about" sheet (title, definition,
//! unit, sources, licence, citation). The Arabic workbook is right to left.
//! Deterministic: the document date is fixed, so the same data gives the same bytes.

use super::Row;
use crate::context::LangCtx;
use crate::data::{Observation, Source};
use crate::locale::Lang;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

/// What one workbook describes.
pub struct Sheet<'a> {
    pub title: &'a str,
    pub definitions: Vec<(String, String)>,
    pub unit: &'a str,
    pub rows: Vec<Row<'a>>,
    pub sources: Vec<&'a Source>,
    pub citation: String,
}

pub fn workbook(lx: &LangCtx, sheet: &Sheet) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    wb.set_properties(
        &DocProperties::new()
            .set_title(sheet.title)
            .set_author(lx.config.publisher.get(lx.lang))
            .set_creation_datetime(&ExcelDateTime::from_ymd(2000, 1, 1)?),
    );
    data_sheet(lx, sheet, wb.add_worksheet())?;
    about_sheet(lx, sheet, wb.add_worksheet())?;
    wb.save_to_buffer()
}

/// The data: one row per observation, with its note, qualifier and source.
fn data_sheet(lx: &LangCtx, sheet: &Sheet, data: &mut Worksheet) -> Result<(), XlsxError> {
    let (lang, ds, ui) = (lx.lang, lx.data, lx.ui);
    let rtl = lang == Lang::Ar;
    let bold = Format::new().set_bold();
    data.set_name(if rtl { "البيانات" } else { "Données" })?;
    data.set_right_to_left(rtl);
    let headers = [
        ui.table_date.as_str(),
        ui.table_series.as_str(),
        ui.table_value.as_str(),
        "unit",
        ui.note.as_str(),
        ui.table_source.as_str(),
        "URL",
    ];
    for (c, h) in headers.iter().enumerate() {
        data.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    for (r, (indicator, o)) in sheet.rows.iter().enumerate() {
        let r = r as u32 + 1;
        let ind = ds.indicators.get(*indicator);
        let src = ds.sources.get(&o.source);
        data.write_string(r, 0, o.date.iso())?;
        data.write_string(
            r,
            1,
            ind.map(|i| i.title.get(lang).as_str()).unwrap_or(indicator),
        )?;
        data.write_number(r, 2, o.value)?;
        data.write_string(r, 3, ind.map(|i| i.unit.code()).unwrap_or(""))?;
        data.write_string(r, 4, note_cell(lx, o))?;
        data.write_string(r, 5, src.map(|s| s.title.get(lang).as_str()).unwrap_or(""))?;
        data.write_string(r, 6, src.and_then(|s| s.url.as_deref()).unwrap_or(""))?;
    }
    for (c, w) in [
        (0u16, 12.0),
        (1, 40.0),
        (2, 14.0),
        (3, 12.0),
        (4, 30.0),
        (5, 60.0),
        (6, 40.0),
    ] {
        data.set_column_width(c, w)?;
    }
    Ok(())
}

/// The qualifier ("plus de …") and the note of an observation, in one cell.
fn note_cell(lx: &LangCtx, o: &Observation) -> String {
    let qualifier = if o.qualifier == crate::data::Qualifier::Exact {
        String::new()
    } else {
        lx.qualified(o.qualifier, "…")
    };
    let note = o
        .note
        .as_ref()
        .map(|n| n.get(lx.lang).as_str())
        .unwrap_or("");
    [qualifier.as_str(), note]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" — ")
}

/// What the data is: title, definitions, unit, sources, licence, citation, publisher.
fn about_sheet(lx: &LangCtx, sheet: &Sheet, about: &mut Worksheet) -> Result<(), XlsxError> {
    let (lang, config, ui) = (lx.lang, lx.config, lx.ui);
    let rtl = lang == Lang::Ar;
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    about.set_name(if rtl { "حول" } else { "À propos" })?;
    about.set_right_to_left(rtl);
    about.set_column_width(0, 22.0)?;
    about.set_column_width(1, 100.0)?;
    let mut r = 0u32;
    let mut line = |label: &str, value: &str, r: &mut u32| -> Result<(), XlsxError> {
        about.write_string_with_format(*r, 0, label, &bold)?;
        about.write_string_with_format(*r, 1, value, &wrap)?;
        *r += 1;
        Ok(())
    };
    line(ui.datasets.as_str(), sheet.title, &mut r)?;
    for (label, def) in &sheet.definitions {
        line(&format!("{} — {label}", ui.definition), def, &mut r)?;
    }
    line(ui.table_value.as_str(), sheet.unit, &mut r)?;
    for s in &sheet.sources {
        let text = format!(
            "{} — {}{}",
            s.publisher.get(lang),
            s.title.get(lang),
            s.url
                .as_deref()
                .map(|u| format!(" — {u}"))
                .unwrap_or_default()
        );
        line(ui.source.as_str(), &text, &mut r)?;
    }
    line(
        ui.licence.as_str(),
        &format!(
            "{} — {}",
            config.data_licence.name.get(lang),
            config.data_licence.url
        ),
        &mut r,
    )?;
    line(ui.cite_as.as_str(), &sheet.citation, &mut r)?;
    line(ui.publisher.as_str(), config.publisher.get(lang), &mut r)?;
    Ok(())
}
