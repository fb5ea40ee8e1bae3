//! Render: the site model through the askama templates into HTML files.
//!
//! Template contexts are typed views that borrow from the model (`views`); templates live in
//! `templates/` and are compiled into the binary.

mod sitemap;
mod views;

use crate::locale::Lang;
use crate::output::OutputFile;
use crate::site::Site;
use crate::urls;
use askama::Template;
use rayon::prelude::*;
use views::{PageTemplate, RootTemplate};

/// Every HTML page of the site: the neutral root, then each page in each language.
pub fn site(site: &Site) -> Result<Vec<OutputFile>, askama::Error> {
    let mut files = vec![OutputFile::new(
        "index.html",
        RootTemplate::new(site).render()?,
    )];
    let jobs: Vec<(usize, Lang)> = (0..site.pages.len())
        .flat_map(|i| Lang::ALL.map(|l| (i, l)))
        .collect();
    let rendered: Result<Vec<OutputFile>, askama::Error> = jobs
        .par_iter()
        .map(|&(i, lang)| {
            let page = &site.pages[i];
            let html = PageTemplate::new(site, page, lang).render()?;
            Ok(OutputFile::new(
                urls::output_file(&urls::page(lang, &page.slug_path)),
                html,
            ))
        })
        .collect();
    files.extend(rendered?);
    files.push(sitemap::sitemap(site));
    files.push(sitemap::robots(site));
    Ok(files)
}
