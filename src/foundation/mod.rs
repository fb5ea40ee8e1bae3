//! The foundation layer: vocabulary every other module speaks, depending on nothing above it
//! (only on [`crate::diagnostics`] for located errors).
//!
//! - [`Lang`] and [`Localized<T>`]: the two languages, and a value required in both;
//! - [`ObsDate`]: a date with its precision (year, month or day);
//! - [`yaml`]: parsing YAML into typed values with every error located;
//! - [`ids`]: the typed ids of sources, regimes, indicators and charts;
//! - [`closest`] and [`did_you_mean`]: suggestions for a mistyped id;
//! - [`text_policy`] and [`url_policy`]: the characters and addresses input may not carry.

mod date;
pub mod ids;
pub mod input_file;
mod lang;
mod localized;
mod suggest;
pub mod swar;
pub mod text_policy;
pub mod url_policy;
pub mod yaml;

pub use date::{ObsDate, RawDate, days_in_month};
pub use ids::{ChartId, IndicatorId, RegimeId, SourceId, is_valid_id};
pub use input_file::utf8;
pub use lang::Lang;
pub use localized::Localized;
pub use suggest::{closest, did_you_mean};
