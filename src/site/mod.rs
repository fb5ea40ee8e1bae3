//! The site model: every page in both languages, with its body rendered (directives
//! resolved from the data) and its links to its counterpart, and the main navigation.

mod listing;
mod model;
mod notes;
mod resolver;

pub use listing::{ListingPage, archive_years, listings};
pub use model::{MAX_TITLE_CHARS, browser_title, NavItem, Page, PageText, Site, assemble};
