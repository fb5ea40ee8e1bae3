//! The site model: every page in both languages, with its body rendered (directives
//! resolved from the data) and its links to its counterpart, the main navigation, and the
//! pages of the guide «أي نظام يغطيني؟» built from `data/guide.yaml` (`guide`).

mod guide;
mod listing;
mod model;
mod notes;
mod resolver;

pub use listing::{ListingPage, archive_years, listings};
pub use model::{
    MAX_TITLE_CHARS, NavItem, Page, PageText, Site, assemble, browser_title, check_bodies,
    render_bodies,
};
