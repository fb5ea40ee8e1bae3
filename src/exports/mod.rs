//! Downloads: every chart and every indicator as CSV, JSON and XLSX (one workbook per
//! language); every chart as SVG and PNG; a Frictionless data package and a zip of all data.
//!
//! CSV and JSON never carry CLDR's invisible marks: numbers are raw (`24700000`, `6.37`),
//! dates are ISO 8601 at their precision, text is plain UTF-8.

mod archive;
mod csv_file;
mod datapackage;
mod json_file;
mod xlsx;

use crate::config::Config;
use crate::data::{Dataset, Observation};
use crate::figures::{self, Figures};
use crate::locale::{Formatters, Lang, Localized, UiText};
use crate::output::OutputFile;
use crate::urls;

pub use csv_file::{CSV_HEADER, neutralise_formula};

/// Everything the downloads need.
pub struct Inputs<'a> {
    pub config: &'a Config,
    pub ds: &'a Dataset,
    pub formatters: &'a Formatters,
    pub ui: &'a Localized<UiText>,
    pub figures: &'a Figures,
}

/// Every download file of the site.
pub fn build(i: &Inputs) -> Result<Vec<OutputFile>, String> {
    let (config, ds) = (i.config, i.ds);
    let mut files = Vec::new();
    let file = |path: String, bytes: Vec<u8>| OutputFile::new(urls::output_file(&path), bytes);
    for chart in ds.charts.values() {
        let rows: Vec<(&str, &Observation)> = chart
            .series
            .iter()
            .flat_map(|s| {
                ds.series_points(s)
                    .into_iter()
                    .map(move |o| (s.indicator.as_str(), o))
            })
            .collect();
        files.push(file(
            urls::chart_csv(&chart.id),
            csv_file::write(ds, &rows)?,
        ));
        let rendered = i.figures.charts.get(&chart.id);
        let citations = rendered.map(|r| r.map(|_, c| c.citation.clone()));
        files.push(file(
            urls::chart_json(&chart.id),
            json_file::chart(config, ds, chart, citations.as_ref())?,
        ));
        for lang in Lang::ALL {
            let f = i.formatters.get(lang);
            let ui = i.ui.get(lang);
            let definitions = chart
                .series
                .iter()
                .filter_map(|s| {
                    ds.indicators
                        .get(&s.indicator)
                        .map(|ind| (s.label.get(lang).clone(), ind.definition.get(lang).clone()))
                })
                .collect();
            let sheet = xlsx::Sheet {
                title: chart.title.get(lang),
                definitions,
                unit: ui.unit(chart.unit),
                rows: rows.clone(),
                sources: ds.sources_of(rows.iter().map(|r| r.1)),
                citation: rendered
                    .map(|r| r.get(lang).citation.clone())
                    .unwrap_or_default(),
            };
            files.push(file(
                urls::chart_xlsx(&chart.id, lang),
                xlsx::workbook(config, ds, ui, f, &sheet).map_err(|e| e.to_string())?,
            ));
            if let Some(r) = rendered {
                files.push(file(
                    urls::chart_svg(&chart.id, lang),
                    r.get(lang).svg_file.clone().into_bytes(),
                ));
                files.push(file(
                    urls::chart_png(&chart.id, lang),
                    r.get(lang).png.clone(),
                ));
            }
        }
    }
    for ind in ds.indicators.values() {
        let rows: Vec<(&str, &Observation)> = ind
            .observations
            .iter()
            .map(|o| (ind.id.as_str(), o))
            .collect();
        files.push(file(
            urls::indicator_csv(&ind.id),
            csv_file::write(ds, &rows)?,
        ));
        let citations = Localized::from_fn(|lang| indicator_citation(i, lang, &rows));
        files.push(file(
            urls::indicator_json(&ind.id),
            json_file::indicator(config, ds, ind, &citations)?,
        ));
        for lang in Lang::ALL {
            let ui = i.ui.get(lang);
            let sheet = xlsx::Sheet {
                title: ind.title.get(lang),
                definitions: vec![(
                    ind.title.get(lang).clone(),
                    ind.definition.get(lang).clone(),
                )],
                unit: ui.unit(ind.unit),
                rows: rows.clone(),
                sources: ds.sources_of(ind.observations.iter()),
                citation: citations.get(lang).clone(),
            };
            files.push(file(
                urls::indicator_xlsx(&ind.id, lang),
                xlsx::workbook(config, ds, ui, i.formatters.get(lang), &sheet)
                    .map_err(|e| e.to_string())?,
            ));
        }
    }
    files.push(file(
        urls::datapackage(),
        datapackage::datapackage(config, ds)?,
    ));
    let packed: Vec<&OutputFile> = files
        .iter()
        .filter(|f| f.path.ends_with(".csv") || f.path.ends_with(".json"))
        .collect();
    let zip = archive::zip_of(&packed)?;
    files.push(file(urls::data_zip(), zip));
    Ok(files)
}

fn indicator_citation(i: &Inputs, lang: Lang, rows: &[(&str, &Observation)]) -> String {
    let sources = i.ds.sources_of(rows.iter().map(|r| r.1));
    let as_of = rows.iter().map(|r| r.1.date).max();
    figures::citation(
        i.config,
        i.ui.get(lang),
        i.formatters.get(lang),
        &sources,
        as_of,
        &i.config.absolute(&urls::data_page(lang)),
    )
}
