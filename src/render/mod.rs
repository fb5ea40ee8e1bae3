//! Render: the site model through the askama templates into HTML files.
//!
//! Template contexts are typed views that borrow from the model (`views`); templates live in
//! `templates/` and are compiled into the binary.

mod feed;
mod json_ld;
mod sitemap;
mod views;

use crate::context::Ctx;
use crate::figures::Figures;
use crate::locale::{Lang, typography};
use crate::output::OutputFile;
use crate::site::Site;
use crate::urls;
use askama::Template;
use rayon::prelude::*;
use std::collections::BTreeMap;
use views::{EmbedTemplate, PageTemplate, RootTemplate};

/// Sizes in bytes of the download files, by site path (`/data/charts/x.csv`).
pub type Sizes = BTreeMap<String, usize>;

/// One page in one language through the page template, for pages built outside the
/// content tree (the search and A–Z pages).
pub fn page(
    ctx: &Ctx,
    site: &Site,
    page: &crate::site::Page,
    lang: Lang,
) -> Result<String, askama::Error> {
    let html = PageTemplate::new(ctx, site, page, lang, &Sizes::new()).render()?;
    Ok(typography::for_lang(lang, &html))
}

/// Every HTML page of the site: the neutral root, each page in each language, the embed
/// page of each chart, the feeds and 404 pages, then the sitemap and robots.txt.
pub fn site(
    ctx: &Ctx,
    figures: &Figures,
    site: &Site,
    sizes: &Sizes,
) -> Result<Vec<OutputFile>, askama::Error> {
    let mut files = vec![OutputFile::new(
        "index.html",
        RootTemplate::new(ctx).render()?,
    )];
    let jobs: Vec<(usize, Lang)> = (0..site.pages.len())
        .flat_map(|i| Lang::ALL.map(|l| (i, l)))
        .collect();
    let rendered: Result<Vec<OutputFile>, askama::Error> = jobs
        .par_iter()
        .map(|&(i, lang)| {
            let page = &site.pages[i];
            let html = PageTemplate::new(ctx, site, page, lang, sizes).render()?;
            let html = typography::for_lang(lang, &html);
            Ok(OutputFile::new(
                urls::output_file(&urls::page(lang, &page.slug_path)),
                html,
            ))
        })
        .collect();
    files.extend(rendered?);
    for id in figures.charts.keys() {
        for lang in Lang::ALL {
            let html = EmbedTemplate::new(ctx, figures, id, lang).render()?;
            let html = typography::for_lang(lang, &html);
            files.push(OutputFile::new(
                urls::output_file(&urls::embed(lang, id)),
                html,
            ));
        }
    }
    let not_found = views::not_found_page(ctx);
    for lang in Lang::ALL {
        files.push(typeset(lang, feed::atom(ctx, site, lang)));
        let html = PageTemplate::new(ctx, site, &not_found, lang, sizes).render()?;
        let html = typography::for_lang(lang, &html);
        files.push(OutputFile::new(
            urls::output_file(&urls::not_found(lang)),
            html,
        ));
    }
    files.push(sitemap::sitemap(ctx.config, site));
    files.push(sitemap::robots(ctx.config));
    Ok(files)
}

/// A generated text file typeset for its language (see [`typography`]).
fn typeset(lang: Lang, file: OutputFile) -> OutputFile {
    let text = String::from_utf8_lossy(&file.bytes);
    OutputFile::new(file.path.clone(), typography::for_lang(lang, &text))
}
