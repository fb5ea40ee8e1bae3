//! Downloads: every chart and every indicator as CSV, JSON and XLSX (one workbook per
//! language); every chart as SVG and PNG; a Frictionless data package and a zip of all data.
//!
//! Charts' rows come from the [`ChartData`](crate::data::ChartData) the figures were drawn
//! from, so a download always holds exactly what the chart shows.
//!
//! CSV and JSON never carry CLDR's invisible marks: numbers are raw (`24700000`, `6.37`),
//! dates are ISO 8601 at their precision, text is plain UTF-8.

mod archive;
mod csv_file;
mod datapackage;
mod json_file;
mod xlsx;

use crate::cache::BuildCache;
use crate::context::{Ctx, LangCtx};
use crate::data::{Indicator, IndicatorId, Observation};
use crate::figures::{Figures, RenderedChart};
use crate::locale::{Lang, Localized};
use crate::output::OutputFile;
use crate::urls;
use rayon::prelude::*;

pub use csv_file::{CSV_HEADER, neutralise_formula};

/// One row of a download: an observation of an indicator.
pub type Row<'a> = (&'a IndicatorId, &'a Observation);

fn file(path: String, bytes: Vec<u8>) -> OutputFile {
    OutputFile::new(urls::output_file(&path), bytes)
}

/// Every download file of the site.
pub fn build(ctx: &Ctx, figures: &Figures, cache: &BuildCache) -> Result<Vec<OutputFile>, String> {
    let charts: Vec<&RenderedChart> = figures.charts.values().collect();
    let indicators: Vec<&Indicator> = ctx.data.indicators.values().collect();
    let (chart_files, indicator_files) = rayon::join(
        || each(&charts, |c, out| chart_files(ctx, c, cache, out)),
        || each(&indicators, |i, out| indicator_files(ctx, i, cache, out)),
    );
    let mut files = chart_files?;
    files.extend(indicator_files?);
    files.push(file(
        urls::datapackage(),
        datapackage::datapackage(ctx.config, ctx.data, figures)?,
    ));
    let packed: Vec<&OutputFile> = files
        .iter()
        .filter(|f| f.path.ends_with(".csv") || f.path.ends_with(".json"))
        .collect();
    let key: Vec<&[u8]> = packed
        .iter()
        .flat_map(|f| [f.path.as_bytes(), f.bytes.as_slice()])
        .collect();
    let zip = cache.get_or_make("zip", &key, || archive::zip_of(&packed))?;
    files.push(file(urls::data_zip(), zip));
    Ok(files)
}

/// The files `make` gives for each item, made in parallel and kept in the items' order.
fn each<T: Sync>(
    items: &[T],
    make: impl Fn(&T, &mut Vec<OutputFile>) -> Result<(), String> + Sync,
) -> Result<Vec<OutputFile>, String> {
    let parts: Vec<Result<Vec<OutputFile>, String>> = items
        .par_iter()
        .map(|item| {
            let mut out = Vec::new();
            make(item, &mut out).map(|()| out)
        })
        .collect();
    let mut files = Vec::new();
    for part in parts {
        files.extend(part?);
    }
    Ok(files)
}

/// A workbook's bytes, from the build cache when the same cells were written before.
fn xlsx_bytes(cache: &BuildCache, lx: &LangCtx, sheet: &xlsx::Sheet) -> Result<Vec<u8>, String> {
    let plan = xlsx::workbook(lx, sheet);
    cache.get_or_make("xlsx", &[&plan.key()], || {
        plan.write().map_err(|e| e.to_string())
    })
}

/// A chart's CSV and JSON, and per language its workbook, SVG and PNG.
fn chart_files(
    ctx: &Ctx,
    rendered: &RenderedChart,
    cache: &BuildCache,
    files: &mut Vec<OutputFile>,
) -> Result<(), String> {
    let (data, chart) = (&rendered.data, rendered.data.chart);
    let rows = data.rows();
    files.push(file(
        urls::chart_csv(&chart.id),
        csv_file::write(ctx.data, &rows)?,
    ));
    let full = rendered.output.map(|_, c| c.citation.full.clone());
    let short = rendered.output.map(|_, c| c.citation.short.clone());
    files.push(file(
        urls::chart_json(&chart.id),
        json_file::chart(ctx.config, ctx.data, data, &full, &short)?,
    ));
    for lang in Lang::ALL {
        let lx = ctx.lang(lang);
        let out = rendered.output.get(lang);
        let sheet = xlsx::Sheet {
            title: chart.title.get(lang),
            definitions: data
                .series
                .iter()
                .map(|s| {
                    (
                        s.series.label.get(lang).clone(),
                        s.indicator.definition.get(lang).clone(),
                    )
                })
                .collect(),
            unit: lx.unit_name(chart.unit),
            rows: rows.clone(),
            sources: data.sources(ctx.data),
            citation: out.citation.full.clone(),
        };
        files.push(file(
            urls::chart_xlsx(&chart.id, lang),
            xlsx_bytes(cache, &lx, &sheet)?,
        ));
        files.push(file(
            urls::chart_svg(&chart.id, lang),
            out.svg_file.clone().into_bytes(),
        ));
        files.push(file(urls::chart_png(&chart.id, lang), out.png.clone()));
    }
    Ok(())
}

/// An indicator's CSV and JSON, and per language its workbook.
fn indicator_files(
    ctx: &Ctx,
    ind: &Indicator,
    cache: &BuildCache,
    files: &mut Vec<OutputFile>,
) -> Result<(), String> {
    let rows: Vec<Row> = ind.observations.iter().map(|o| (&ind.id, o)).collect();
    files.push(file(
        urls::indicator_csv(&ind.id),
        csv_file::write(ctx.data, &rows)?,
    ));
    let sources = ctx.data.sources_of(ind.observations.iter());
    let as_of = ind.observations.iter().map(|o| o.date).max();
    let citations = Localized::from_fn(|lang| {
        crate::figures::citation(
            &ctx.lang(lang),
            &sources,
            as_of,
            &ctx.config.absolute(&urls::data_page(lang)),
        )
    });
    files.push(file(
        urls::indicator_json(&ind.id),
        json_file::indicator(ctx.config, ctx.data, ind, &citations)?,
    ));
    for lang in Lang::ALL {
        let lx = ctx.lang(lang);
        let sheet = xlsx::Sheet {
            title: ind.title.get(lang),
            definitions: vec![(
                ind.title.get(lang).clone(),
                ind.definition.get(lang).clone(),
            )],
            unit: lx.unit_name(ind.unit),
            rows: rows.clone(),
            sources: sources.clone(),
            citation: citations.get(lang).clone(),
        };
        files.push(file(
            urls::indicator_xlsx(&ind.id, lang),
            xlsx_bytes(cache, &lx, &sheet)?,
        ));
    }
    Ok(())
}
