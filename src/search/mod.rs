//! Search in both languages, built at build time: one normaliser for the index and the
//! query (Arabic folds, marks stripped, Arabic-Indic digits, NFKC, French accents), a
//! compact index per language split into chunks the browser loads on demand, the
//! browser-side normaliser generated from the same tables, the search page, and an A–Z
//! index page that works without JavaScript.
//!
//! | file | owns |
//! |---|---|
//! | `normalise.rs` | the normaliser and the word splitter (the tables shipped to the browser) |
//! | `prefixes.rs`, `stem.rs` | Arabic clitic prefixes; light French stemming |
//! | `analyse.rs` | a word's index forms (as written and derived) |
//! | `text.rs` | readable text and headings out of rendered HTML |
//! | `document.rs` | what is indexed: pages, charts, indicators, sources |
//! | `postings.rs` | each term's documents and scores, batch after batch; words analysed once per build |
//! | `index.rs` | the index files of a language (deterministic bytes) |
//! | `json.rs` | their JSON, written straight into strings (serde_json's bytes) |
//! | `script.rs` | `/search/normalise.js`, generated from the Rust tables |
//! | `pages.rs` | the search page and the A–Z page |

mod analyse;
mod document;
mod index;
mod json;
mod normalise;
mod pages;
mod postings;
mod prefixes;
mod script;
mod stem;
mod text;

pub use document::{Document, Kind};
pub use normalise::normalise;
pub use text::Extracted as PageText;

use crate::context::Ctx;
use crate::figures::Figures;
use crate::locale::{Lang, Localized};
use crate::output::OutputFile;
use crate::render::{Failure, Put};
use crate::site::{Page, Site};
use crate::urls;
use rayon::prelude::*;

/// The search index of both languages, built as pages are rendered: each page's text is
/// taken from its HTML as it is written ([`Indexes::take`]), analysed in batches, and let go
/// once its text chunk is sent; [`files`] writes the rest.
pub struct Indexes(Localized<index::Builder>);

impl Default for Indexes {
    fn default() -> Self {
        Indexes(Localized::from_fn(index::Builder::new))
    }
}

impl Indexes {
    /// What search takes of a rendered page of `site`: the readable text of its `<main>`
    /// and its headings (pages are indexed as readers see them).
    pub fn take(page: &Page, lang: Lang, html: &str) -> Document {
        let PageText { headings, text } = text::extract(document::main_of(html));
        document::page_document(page, lang, headings, text)
    }

    /// Indexes the next pages of the site, in site order: the two languages' indexes are
    /// built apart, so they take theirs in parallel.
    pub fn add<E: Send>(&mut self, docs: Localized<Vec<Document>>, put: Put<E>) -> Result<(), E> {
        let Localized { ar, fr } = &mut self.0;
        let (ar, fr) = rayon::join(|| ar.add(docs.ar, put), || fr.add(docs.fr, put));
        ar.and(fr)
    }
}

/// Every search file of the site into `put`: the browser-side normaliser, the rest of the
/// index of each language (its pages were added while they were rendered; the charts,
/// indicators and sources of the data page come last), and the search and A–Z pages in
/// both languages.
pub fn files<E: Send>(
    ctx: &Ctx,
    figures: &Figures,
    site: &Site,
    indexes: Indexes,
    put: Put<E>,
) -> Result<(), Failure<E>> {
    let send = |f: OutputFile| put(f).map_err(Failure::Put);
    send(OutputFile::new(
        urls::search_normaliser().trim_start_matches('/'),
        script::normaliser_js(),
    ))?;
    let Localized { ar, fr } = indexes.0;
    let index = |lang: Lang, mut builder: index::Builder| {
        builder
            .add(document::data_documents(ctx, figures, lang), &send)
            .and_then(|()| builder.finish(ctx.ui.get(lang), &send))
    };
    // The languages' indexes are apart: finished in parallel, as are the four pages.
    let (ar, fr) = rayon::join(|| index(Lang::Ar, ar), || index(Lang::Fr, fr));
    let docs = Localized { ar: ar?, fr: fr? };
    let pages = [pages::search_page(ctx)?, pages::a_to_z_page(ctx, &docs)?];
    let jobs: Vec<(&Page, Lang)> = (pages.iter())
        .flat_map(|page| Lang::ALL.map(|lang| (page, lang)))
        .collect();
    jobs.into_par_iter().try_for_each(|(page, lang)| {
        let html = crate::render::page(ctx, site, page, lang)?;
        send(OutputFile::new(
            urls::output_file(&urls::page(lang, &page.slug_path)),
            html,
        ))
    })
}
