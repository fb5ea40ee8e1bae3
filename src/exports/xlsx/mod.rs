//! XLSX workbooks, one per language: a data sheet and an "about" sheet (title, definition,
//! unit, sources, licence, citation). The Arabic workbook is right to left.
//! Deterministic: the document date is fixed, so the same data gives the same bytes.

use super::Row;
use crate::context::LangCtx;
use crate::data::{Observation, Source};
use crate::locale::Lang;
use plan::{BookPlan, SheetPlan, Style};

mod plan;

/// What one workbook describes.
pub struct Sheet<'a> {
    pub title: &'a str,
    pub definitions: Vec<(String, String)>,
    pub unit: &'a str,
    pub rows: Vec<Row<'a>>,
    pub sources: Vec<&'a Source>,
    pub citation: String,
}

/// The workbook of `sheet`, described cell by cell (see [`BookPlan::write`]).
pub fn workbook(lx: &LangCtx, sheet: &Sheet) -> BookPlan {
    let mut data = SheetPlan::default();
    let mut about = SheetPlan::default();
    data_sheet(lx, sheet, &mut data);
    about_sheet(lx, sheet, &mut about);
    BookPlan {
        title: sheet.title.to_string(),
        author: lx.config.publisher.get(lx.lang).clone(),
        sheets: vec![data, about],
    }
}

fn data_sheet(lx: &LangCtx, sheet: &Sheet, data: &mut SheetPlan) {
    let (lang, ds, ui) = (lx.lang, lx.data, lx.ui);
    let rtl = lang == Lang::Ar;
    data.set_name(if rtl { "البيانات" } else { "Données" });
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
        data.text(0, c as u16, h, Style::Bold);
    }
    for (r, (indicator, o)) in sheet.rows.iter().enumerate() {
        let r = r as u32 + 1;
        let ind = ds.indicators.get(*indicator);
        let src = ds.sources.get(&o.source);
        let title = ind.map(|i| i.title.get(lang).as_str()).unwrap_or(indicator);
        data.text(r, 0, &o.date.iso(), Style::Plain);
        data.text(r, 1, title, Style::Plain);
        data.number(r, 2, o.value);
        data.text(r, 3, ind.map(|i| i.unit.code()).unwrap_or(""), Style::Plain);
        data.text(r, 4, &note_cell(lx, o), Style::Plain);
        let source_title = src.map(|s| s.title.get(lang).as_str()).unwrap_or("");
        data.text(r, 5, source_title, Style::Plain);
        let url = src.and_then(|s| s.url.as_deref()).unwrap_or("");
        data.text(r, 6, url, Style::Plain);
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
        data.set_column_width(c, w);
    }
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
fn about_sheet(lx: &LangCtx, sheet: &Sheet, about: &mut SheetPlan) {
    let (lang, config, ui) = (lx.lang, lx.config, lx.ui);
    let rtl = lang == Lang::Ar;
    about.set_name(if rtl { "حول" } else { "À propos" });
    about.set_right_to_left(rtl);
    about.set_column_width(0, 22.0);
    about.set_column_width(1, 100.0);
    let mut r = 0u32;
    let mut line = |label: &str, value: &str, r: &mut u32| {
        about.text(*r, 0, label, Style::Bold);
        about.text(*r, 1, value, Style::Wrap);
        *r += 1;
    };
    line(ui.datasets.as_str(), sheet.title, &mut r);
    for (label, def) in &sheet.definitions {
        line(&format!("{} — {label}", ui.definition), def, &mut r);
    }
    line(ui.unit_label.as_str(), sheet.unit, &mut r);
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
        line(ui.source.as_str(), &text, &mut r);
    }
    line(
        ui.licence.as_str(),
        &format!(
            "{} — {}",
            config.data_licence.name.get(lang),
            config.data_licence.url
        ),
        &mut r,
    );
    line(ui.cite_as.as_str(), &sheet.citation, &mut r);
    line(ui.publisher.as_str(), config.publisher.get(lang), &mut r);
}
