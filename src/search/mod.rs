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
//! | `script.rs` | `/search/normalise.js`, generated from the Rust tables |
//! | `pages.rs` | the search page and the A–Z page |

mod analyse;
mod document;
mod index;
mod normalise;
mod pages;
mod prefixes;
mod script;
mod stem;
mod text;

pub use document::{Document, Kind, documents};
pub use normalise::normalise;
pub use text::Extracted as PageText;

use crate::context::Ctx;
use crate::figures::Figures;
use crate::locale::{Lang, Localized};
use crate::output::OutputFile;
use crate::render::{Failure, Put};
use crate::site::Site;
use crate::urls;

/// What search keeps of a rendered page, taken as it is rendered: the readable text of its
/// `<main>` and its headings (pages are indexed as readers see them).
pub fn page_text(html: &str) -> PageText {
    text::extract(document::main_of(html))
}

/// Every search file of the site into `put`: the browser-side normaliser, the index of each
/// language, and the search and A–Z pages in both languages. `texts` holds what
/// [`page_text`] took of each page of `site`, by language in site order. One language is
/// indexed at a time and its texts are freed once its index is written.
pub fn files<E: Send>(
    ctx: &Ctx,
    figures: &Figures,
    site: &Site,
    texts: Localized<Vec<PageText>>,
    put: Put<E>,
) -> Result<(), Failure<E>> {
    let send = |f: OutputFile| put(f).map_err(Failure::Put);
    send(OutputFile::new(
        urls::search_normaliser().trim_start_matches('/'),
        script::normaliser_js(),
    ))?;
    let Localized { ar, fr } = texts;
    let index = |lang: Lang, texts: Vec<PageText>| {
        let mut docs = documents(ctx, figures, site, lang, texts);
        index::write(lang, ctx.ui.get(lang), &docs, &send)?;
        for d in &mut docs {
            // The A–Z page needs only titles, addresses and kinds.
            (d.text, d.headings) = Default::default();
        }
        Ok::<_, Failure<E>>(docs)
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
