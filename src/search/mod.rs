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

    /// Indexes the next pages of the site in `lang`, in site order.
    pub fn add<E: Send>(&mut self, lang: Lang, docs: Vec<Document>, put: Put<E>) -> Result<(), E> {
        self.0.get_mut(lang).add(docs, put)
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
    let docs = Localized {
        ar: index(Lang::Ar, ar)?,
        fr: index(Lang::Fr, fr)?,
    };
    for page in [pages::search_page(ctx)?, pages::a_to_z_page(ctx, &docs)?] {
        for lang in Lang::ALL {
            let html = crate::render::page(ctx, site, &page, lang)?;
            send(OutputFile::new(
                urls::output_file(&urls::page(lang, &page.slug_path)),
                html,
            ))?;
        }
    }
    Ok(())
}
