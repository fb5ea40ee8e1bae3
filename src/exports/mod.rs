//! Machine-readable downloads: CSV and JSON for every chart and every indicator.
//!
//! These files never carry CLDR's invisible marks: numbers are raw (`24700000`, `6.37`),
//! dates are ISO 8601 at their precision, text is plain UTF-8.

mod csv_file;
mod json_file;

use crate::config::Config;
use crate::data::Dataset;
use crate::output::OutputFile;
use crate::urls;

pub use csv_file::{CSV_HEADER, neutralise_formula};

/// Every download file of the site.
pub fn build(config: &Config, ds: &Dataset) -> Result<Vec<OutputFile>, String> {
    let mut files = Vec::new();
    for chart in ds.charts.values() {
        let rows: Vec<_> = chart
            .series
            .iter()
            .flat_map(|s| {
                ds.series_points(s)
                    .into_iter()
                    .map(move |o| (s.indicator.as_str(), o))
            })
            .collect();
        files.push(OutputFile::new(
            urls::output_file(&urls::chart_csv(&chart.id)),
            csv_file::write(ds, &rows)?,
        ));
        files.push(OutputFile::new(
            urls::output_file(&urls::chart_json(&chart.id)),
            json_file::chart(config, ds, chart)?,
        ));
    }
    for ind in ds.indicators.values() {
        let rows: Vec<_> = ind
            .observations
            .iter()
            .map(|o| (ind.id.as_str(), o))
            .collect();
        files.push(OutputFile::new(
            urls::output_file(&urls::indicator_csv(&ind.id)),
            csv_file::write(ds, &rows)?,
        ));
        files.push(OutputFile::new(
            urls::output_file(&urls::indicator_json(&ind.id)),
            json_file::indicator(config, ds, ind)?,
        ));
    }
    Ok(files)
}
