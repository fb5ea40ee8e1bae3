//! Languages, bilingual values, CLDR formatting (ICU4X), interface strings and bidi helpers.
//!
//! Everything a reader sees passes through here on its way into a page, so that Arabic and
//! French are handled the same way everywhere.

pub mod bidi;
mod format;
pub mod tables;
mod ui;

pub use crate::foundation::{Lang, Localized};
pub use format::{Formatter, Formatters};
pub use ui::{PluralText, UiText};
