//! Statistics: load the YAML of `data/`, validate it, and hand on a typed [`Dataset`].
//!
//! `raw` mirrors the files, `validate` checks them (reporting every problem with its
//! location), `model` is what the rest of the pipeline sees.

mod date;
#[cfg(test)]
mod load_props;
mod model;
mod raw;
mod validate;
pub mod yaml;

pub use date::{ObsDate, RawDate, days_in_month};
pub use model::{
    Chart, ChartKind, Dataset, Indicator, Observation, Qualifier, Regime, Series, Source,
    SourceKind, Unavailable, Unit,
};

use crate::diagnostics::Diagnostics;
use std::path::Path;

/// Reads and validates `root/data`. Problems go to `diags`; the dataset returned is only
/// meaningful when no problem was added.
pub fn load(root: &Path, diags: &mut Diagnostics) -> Dataset {
    validate::load_and_validate(root, diags)
}

pub(crate) use validate::is_valid_id;
