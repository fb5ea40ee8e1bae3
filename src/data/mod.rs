//! Statistics: load the YAML of `data/`, validate it, and hand on a typed [`Dataset`].
//!
//! `read` parses the files into `raw` (as written, with locations), `validate` checks them
//! (reporting every problem with its location), `model` is what the rest of the pipeline
//! sees, and `chart_data` derives each chart's points from it once. `guide` reads and
//! checks `data/guide.yaml`, the questions and outcomes of «أي نظام يغطيني؟».

mod chart_data;
pub mod guide;
#[cfg(test)]
mod load_props;
mod model;
mod noun_check;
mod raw;
mod read;
#[cfg(test)]
mod unavailable_tests;
mod validate;

pub use crate::foundation::{
    ChartId, IndicatorId, ObsDate, RawDate, RegimeId, SourceId, days_in_month,
};
pub use chart_data::{ChartData, SeriesData};
pub use model::{
    Chart, ChartKind, Dataset, Indicator, Observation, Qualifier, Regime, Series, Source,
    SourceKind, Unavailable, Unit,
};
pub use noun_check::check_nouns;

use crate::diagnostics::Diagnostics;
use std::path::Path;

pub use read::RawData;

/// Reads and parses every file of `root/data` (the load stage). Problems go to `diags`.
pub fn read(root: &Path, diags: &mut Diagnostics) -> RawData {
    read::read_all(root, diags)
}

/// Checks what [`read`] parsed and builds the dataset (the validate stage). Problems go to
/// `diags`; the dataset returned is only meaningful when no problem was added.
pub fn validate(raw: RawData, diags: &mut Diagnostics) -> Dataset {
    validate::validate(raw, diags)
}

/// [`read`] then [`validate`].
pub fn load(root: &Path, diags: &mut Diagnostics) -> Dataset {
    let raw = read(root, diags);
    validate(raw, diags)
}
