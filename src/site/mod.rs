//! The site as a whole: every page in both languages, with its body rendered and its links
//! to its counterpart, assembled from configuration, data, content and figures; and
//! [`build`], the pipeline that goes from a site folder to a written site.

mod build;
mod model;
mod resolver;

pub use build::{
    BuildError, BuildOptions, BuildReport, RenderedSite, build, render_files, render_files_cached,
};
pub use model::{MAX_TITLE_CHARS, NavItem, Page, PageText, Site};
