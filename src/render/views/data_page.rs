//! The data page (`templates/layouts/data.html`): the body, then every dataset with its
//! downloads, every chart's downloads, the data package, every source, and their schema.org
//! description.

use super::Frame;
use super::Sizes;
use super::data_rows::{
    ChartRow, DatasetRow, FileLink, SourceRow, charts, datasets, file_link, sources,
};
use crate::context::Ctx;
use crate::html::Markup;
use crate::locale::Lang;
use crate::site::{Page, Site};
use crate::urls;
use askama::Template;

#[derive(Template)]
#[template(path = "layouts/data.html")]
pub struct DataPage<'a> {
    /// Language, interface strings, page frame and article (read by the template
    /// through `Deref`).
    frame: Frame<'a>,
    datasets: Vec<DatasetRow>,
    charts: Vec<ChartRow>,
    package_files: Vec<FileLink>,
    sources: Vec<SourceRow>,
    sources_count: String,
    /// The datasets as schema.org JSON-LD, escaped for a script element.
    json_ld: Markup,
}

impl<'a> DataPage<'a> {
    pub fn new(ctx: &Ctx<'a>, site: &'a Site, page: &'a Page, lang: Lang, sizes: &Sizes) -> Self {
        let frame = Frame::of(ctx, site, page, lang);
        let ui = frame.ui;
        let lx = ctx.lang(lang);
        let f = lx.f;
        DataPage {
            frame,
            datasets: datasets(&lx, sizes),
            charts: charts(&lx, sizes),
            package_files: vec![
                file_link("datapackage.json", urls::datapackage(), sizes, f, ui),
                file_link("ZIP", urls::data_zip(), sizes, f, ui),
            ],
            sources: sources(&lx),
            sources_count: f.count(&ui.sources_count, ctx.data.sources.len()),
            json_ld: Markup::trusted(crate::render::json_ld::datasets(&lx)),
        }
    }
}

super::frame::framed!(DataPage);
