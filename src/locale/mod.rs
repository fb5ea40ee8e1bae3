//! Languages, bilingual values, CLDR formatting (ICU4X), interface strings and bidi helpers.
//!
//! Everything a reader sees passes through here on its way into a page, so that Arabic and
//! French are handled the same way everywhere.

pub mod bidi;
mod format;
pub mod nouns;
pub mod tables;
pub mod typography;
mod ui;

pub use crate::foundation::{Lang, Localized};
pub use format::{Formatter, Formatters};
pub use nouns::{NO_NOUN, Noun, Nouns};
pub use ui::{PluralText, UiText};
