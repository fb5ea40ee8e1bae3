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
use crate::locale::{Lang, Localized, typography};
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
    Ok(typography::for_lang(lang, html))
}

/// Why rendering stopped: a template failed, the sink refused a file, or a page's body has
/// problems (told by the caller's `bodies`).
#[derive(Debug)]
pub enum Failure<E> {
    Template(askama::Error),
    Put(E),
    Invalid,
}

/// What [`site`] calls back: `bodies` renders the bodies of the pages given (`false` if one
/// has problems), `keep` takes what search needs of a written page, `taken` receives what
/// was kept of a batch.
pub struct Calls<'a, E, T> {
    pub bodies: &'a mut dyn FnMut(&mut Site, &[usize]) -> bool,
    pub keep: &'a (dyn Fn(&crate::site::Page, Lang, &str) -> T + Sync),
    pub taken: &'a mut dyn FnMut(Localized<Vec<T>>) -> Result<(), E>,
}

impl<E> From<askama::Error> for Failure<E> {
    fn from(e: askama::Error) -> Self {
        Failure::Template(e)
    }
}

/// Where rendered files go, one at a time, from any thread.
pub type Put<'a, E> = &'a (dyn Fn(OutputFile) -> Result<(), E> + Sync);

/// Pages rendered in parallel before their bodies are freed, so that memory holds the
/// bodies not yet rendered and the text taken of those that are, not both for every page.
const PAGES_PER_BATCH: usize = 256;

/// Renders every HTML page of the site into `put` as it is made: the neutral root, the
/// feeds, each page in each language, the reports listings, the embed page of each chart
/// and the 404 pages, then the sitemap and robots.txt.
///
/// Pages go in batches. Before a page is written, `bodies` renders the body of each page
/// of the batch that still needs one (the latest reports first, for the feeds); it returns
/// `false` if a body has problems, and from then on nothing more is written, but the other
/// bodies are still rendered so that every problem is found, and the result is
/// [`Failure::Invalid`]. What `keep` takes of each page's HTML (search takes its text) goes
/// to `taken` after each batch, by language in site order. A page's body is freed once
/// the page is written in both languages.
pub fn site<E: Send, T: Send>(
    ctx: &Ctx,
    figures: &Figures,
    site: &mut Site,
    sizes: &Sizes,
    calls: Calls<'_, E, T>,
    put: Put<E>,
) -> Result<(), Failure<E>> {
    let Calls {
        bodies,
        keep,
        taken,
    } = calls;
    let send = |path: String, html: String| put(OutputFile::new(path, html)).map_err(Failure::Put);
    let mut valid = true;
    let feed_pages: Vec<usize> = site
        .report_indices()
        .into_iter()
        .take(ctx.config.listing.feed_entries)
        .collect();
    valid &= bodies(site, &feed_pages);
    if valid {
        send("index.html".into(), RootTemplate::new(ctx).render()?)?;
        let site: &Site = site;
        let feed = |lang| put(feed::atom(ctx, site, lang)?).map_err(Failure::Put);
        let (ar, fr) = rayon::join(|| feed(Lang::Ar), || feed(Lang::Fr));
        ar.and(fr)?;
    }
    for start in (0..site.pages.len()).step_by(PAGES_PER_BATCH) {
        let batch = start..(start + PAGES_PER_BATCH).min(site.pages.len());
        valid &= bodies(site, &batch.clone().collect::<Vec<_>>());
        if !valid {
            site.release_bodies(batch);
            continue;
        }
        let by_lang = write_batch(ctx, site, sizes, batch.clone(), keep, put)?;
        site.release_bodies(batch);
        taken(by_lang).map_err(Failure::Put)?;
    }
    if !valid {
        return Err(Failure::Invalid);
    }
    // The rest is made from the whole site, each part in parallel with the others.
    let site: &Site = site;
    let listings = || -> Result<(), Failure<E>> {
        (listing_pages(ctx, site)?.into_iter()).try_for_each(|f| put(f).map_err(Failure::Put))
    };
    let embeds = || -> Result<(), Failure<E>> {
        for id in figures.charts.keys() {
            for lang in Lang::ALL {
                let html = EmbedTemplate::new(ctx, figures, id, lang).render()?;
                send(
                    urls::output_file(&urls::embed(lang, id)),
                    typography::for_lang(lang, html),
                )?;
            }
        }
        Ok(())
    };
    let not_found = || -> Result<(), Failure<E>> {
        let not_found = views::not_found_page(ctx)?;
        for lang in Lang::ALL {
            let html = views::page(ctx, site, &not_found, lang, sizes)?;
            send(
                urls::output_file(&urls::not_found(lang)),
                typography::for_lang(lang, html),
            )?;
        }
        Ok(())
    };
    let maps = || -> Result<(), Failure<E>> {
        let maps = sitemap::sitemap(ctx.config, site)?.into_iter();
        for file in maps.chain([sitemap::robots(ctx.config)?]) {
            put(file).map_err(Failure::Put)?;
        }
        Ok(())
    };
    let ((a, b), (c, d)) = rayon::join(
        || rayon::join(listings, embeds),
        || rayon::join(not_found, maps),
    );
    a.and(b).and(c).and(d)
}

/// Writes the pages `batch` of `site` in both languages, in parallel; returns what `keep`
/// took of each, by language in site order.
fn write_batch<E: Send, T: Send>(
    ctx: &Ctx,
    site: &Site,
    sizes: &Sizes,
    batch: std::ops::Range<usize>,
    keep: &(dyn Fn(&crate::site::Page, Lang, &str) -> T + Sync),
    put: Put<E>,
) -> Result<Localized<Vec<T>>, Failure<E>> {
    let send = |path: String, html: String| put(OutputFile::new(path, html)).map_err(Failure::Put);
    let jobs: Vec<(usize, Lang)> = (batch.clone())
        .flat_map(|i| Lang::ALL.map(|l| (i, l)))
        .collect();
    let texts: Vec<T> = jobs
        .par_iter()
        .map(|&(i, lang)| {
            let page = &site.pages[i];
            let html = views::page(ctx, site, page, lang, sizes)?;
            let html = typography::for_lang(lang, html);
            let text = keep(page, lang, &html);
            send(urls::output_file(&urls::page(lang, &page.slug_path)), html)?;
            Ok(text)
        })
        .collect::<Result<_, Failure<E>>>()?;
    let mut by_lang = Localized {
        ar: Vec::with_capacity(batch.len()),
        fr: Vec::with_capacity(batch.len()),
    };
    let mut texts = texts.into_iter();
    while let (Some(ar), Some(fr)) = (texts.next(), texts.next()) {
        by_lang.ar.push(ar);
        by_lang.fr.push(fr);
    }
    Ok(by_lang)
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
                typography::for_lang(lang, html),
            ))
        })
        .collect()
}
