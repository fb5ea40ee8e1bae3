//! Languages, bilingual values, CLDR formatting (ICU4X), interface strings and bidi helpers.
//!
//! Everything a reader sees passes through here on its way into a page, so that Arabic and
//! French are handled the same way everywhere.

pub mod bidi;
mod format;
mod lang;
mod localized;
pub mod tables;
mod ui;

pub use format::{Formatter, Formatters};
pub use lang::Lang;
pub use localized::Localized;
pub use ui::{PluralText, UiText};
