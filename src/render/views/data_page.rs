//! The data page (`templates/layouts/data.html`): the body, then every dataset with its
//! downloads, every chart's downloads, the data package, every source, and their schema.org
//! description.

use super::Frame;
use super::Sizes;
use super::article::Article;
use super::chrome::Chrome;
use super::data_rows::{
    ChartRow, DatasetRow, FileLink, SourceRow, charts, datasets, file_link, sources,
};
use crate::context::Ctx;
use crate::html::Markup;
use crate::locale::{Lang, UiText};
use crate::site::{Page, Site};
use crate::urls;
use askama::Template;

#[derive(Template)]
#[template(path = "layouts/data.html")]
pub struct DataPage<'a> {
    lang: Lang,
    ui: &'a UiText,
    chrome: Chrome<'a>,
    article: Article<'a>,
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
        let Frame {
            lang,
            ui,
            chrome,
            article,
        } = Frame::of(ctx, site, page, lang);
        let lx = ctx.lang(lang);
        let f = lx.f;
        DataPage {
            lang,
            ui,
            chrome,
            article,
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
