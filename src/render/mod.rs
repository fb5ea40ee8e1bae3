//! Render: the site model through the askama templates into HTML files.
//!
//! Template contexts are typed views that borrow from the model (`views`); templates live in
//! `templates/` and are compiled into the binary.

mod feed;
mod json_ld;
mod sitemap;
mod views;

use crate::content::Layout;
use crate::context::Ctx;
use crate::figures::Figures;
use crate::locale::{Lang, typography};
use crate::output::OutputFile;
use crate::site::Site;
use crate::urls;
use askama::Template;
use rayon::prelude::*;
use std::collections::BTreeMap;
use views::{EmbedTemplate, ReportsPage, RootTemplate};

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
    let html = views::page(ctx, site, page, lang, &Sizes::new())?;
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
            let html = views::page(ctx, site, page, lang, sizes)?;
            let html = typography::for_lang(lang, &html);
            Ok(OutputFile::new(
                urls::output_file(&urls::page(lang, &page.slug_path)),
                html,
            ))
        })
        .collect();
    files.extend(rendered?);
    files.extend(listing_pages(ctx, site)?);
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
    let not_found = views::not_found_page(ctx)?;
    for lang in Lang::ALL {
        files.push(feed::atom(ctx, site, lang)?);
        let html = views::page(ctx, site, &not_found, lang, sizes)?;
        let html = typography::for_lang(lang, &html);
        files.push(OutputFile::new(
            urls::output_file(&urls::not_found(lang)),
            html,
        ));
    }
    files.extend(sitemap::sitemap(ctx.config, site)?);
    files.push(sitemap::robots(ctx.config)?);
    Ok(files)
}

/// The later pages of the reports index and the year archives (the first page of the index
/// is the reports page itself).
fn listing_pages(ctx: &Ctx, site: &Site) -> Result<Vec<OutputFile>, askama::Error> {
    let Some(index) = site.pages.iter().find(|p| p.layout == Layout::Reports) else {
        return Ok(Vec::new());
    };
    let all = crate::site::listings(site, ctx.config.listing.reports_per_page);
    let jobs: Vec<(&crate::site::ListingPage, Lang)> = all
        .iter()
        .filter(|l| !l.is_index())
        .flat_map(|l| Lang::ALL.map(|lang| (l, lang)))
        .collect();
    jobs.par_iter()
        .map(|&(listing, lang)| {
            let html = ReportsPage::listing(ctx, site, index, listing, &all, lang).render()?;
            Ok(OutputFile::new(
                urls::output_file(&urls::page(lang, &listing.slug_path)),
                typography::for_lang(lang, &html),
            ))
        })
        .collect()
}
