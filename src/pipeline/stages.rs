//! The stages of the build, each a function from typed values to typed values. They are
//! called in order by [`super::run_into`]; problems in the input go to the `Diagnostics`
//! passed in, failures of our own become [`BuildError`]s, and from `downloads` on, output
//! files go into the run's [`Sink`].

use super::{BuildError, Sink};
use crate::cache::BuildCache;
use crate::config::Config;
use crate::content::Content;
use crate::context::Ctx;
use crate::data::{Dataset, RawData};
use crate::diagnostics::Diagnostics;
use crate::figures::Figures;
use crate::locale::{Lang, Localized, Nouns, UiText};
use crate::output::OutputFile;
use crate::render::Sizes;
use crate::search::Indexes;
use crate::site::Site;
use crate::{
    config, content, data, exports, figures, input_tree, locale, output, render, search, site, urls,
};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every input of the site, read and parsed. `None` marks an input that failed (reported).
pub struct Loaded {
    pub config: Option<Config>,
    pub ui: Option<Localized<UiText>>,
    pub nouns: Option<Localized<Nouns>>,
    pub data: RawData,
    pub content: Content,
}

/// load: reads `site.yaml`, `i18n/`, `data/` and `content/`.
pub fn load(root: &Path, diags: &mut Diagnostics) -> Loaded {
    // The pages are read while the small inputs are: the walk of `content/` and the end
    // of its reading run on one thread, and would leave the other idle.
    let mut theirs = Diagnostics::new();
    let (content, (config, data, ui, nouns)) = rayon::join(
        || content::load(root, &mut theirs),
        || {
            let loaded = (
                config::load(root, diags),
                data::read(root, diags),
                locale::tables::load(root, diags),
                locale::nouns::load(root, diags),
            );
            input_tree::check_static(root, diags);
            loaded
        },
    );
    diags.extend(theirs);
    diags.print_warnings();
    Loaded {
        config,
        ui,
        nouns,
        data,
        content,
    }
}

/// validate: checks the statistics and builds the dataset.
pub fn validate(raw: RawData, diags: &mut Diagnostics) -> Dataset {
    data::validate(raw, diags)
}

/// figures: every chart's data, drawn in both languages (`None` if a chart failed; the
/// problems are in `diags`).
pub fn figures<'a>(
    ctx: &Ctx<'a>,
    cache: &BuildCache,
    diags: &mut Diagnostics,
) -> Option<Figures<'a>> {
    match figures::build(ctx, cache) {
        Ok(f) => Some(f),
        Err(errors) => {
            errors.into_iter().for_each(|d| diags.push(d));
            None
        }
    }
}

/// pages: every page modelled from its front matter, paired by language (bodies are
/// rendered by `render`, page by page).
pub fn pages(ctx: &Ctx, figures: &Figures, content: Content, diags: &mut Diagnostics) -> Site {
    site::assemble(ctx, figures, content, diags)
}

/// downloads: CSV, JSON, XLSX, SVG and PNG files, the data package and the zip, into
/// `sink`; returns the size of each (the data page lists them).
pub fn downloads(
    ctx: &Ctx,
    figures: &Figures,
    cache: &BuildCache,
    sink: &impl Sink,
) -> Result<Sizes, BuildError> {
    let files = exports::build(ctx, figures, cache).map_err(|message| BuildError::Internal {
        stage: "downloads",
        message,
    })?;
    let sizes = files
        .iter()
        .map(|f| (format!("/{}", f.path), f.bytes.len()))
        .collect();
    files.into_par_iter().try_for_each(|f| sink.put(f))?;
    Ok(sizes)
}

/// render: every page's body (its directives resolved), then every HTML page, the feeds,
/// the sitemap and robots.txt, into `sink` as each is made; each page's text is indexed
/// for search as it is written (and its text chunk sent once full), so only the index's
/// postings are held. A body with problems stops the writing (the problems go to `diags`
/// and the result is [`BuildError::Invalid`]), but the other bodies are still checked.
pub fn render(
    ctx: &Ctx,
    figures: &Figures,
    site: &mut Site,
    sizes: &Sizes,
    sink: &impl Sink,
    diags: &mut Diagnostics,
) -> Result<Indexes, BuildError> {
    let put = |f: OutputFile| sink.put(f);
    let mut indexes = Indexes::default();
    let mut taken = |docs: Localized<Vec<search::Document>>| indexes.add(docs, &put);
    let mut bodies =
        |site: &mut Site, which: &[usize]| site::render_bodies(ctx, figures, site, which, diags);
    let calls = render::Calls {
        bodies: &mut bodies,
        keep: &Indexes::take,
        taken: &mut taken,
    };
    match render::site(ctx, figures, site, sizes, calls, &put) {
        Ok(()) => Ok(indexes),
        Err(render::Failure::Invalid) => Err(BuildError::Invalid(std::mem::take(diags))),
        Err(e) => Err(failure("render", e)),
    }
}

/// Renders every body of `site` only to find its problems, into `diags` (the input has
/// others already: one run tells them all).
pub fn check_bodies(ctx: &Ctx, figures: &Figures, site: &mut Site, diags: &mut Diagnostics) {
    site::check_bodies(ctx, figures, site, diags);
}

/// A failure of a stage that renders into the sink, as a build error.
fn failure(stage: &'static str, e: render::Failure<BuildError>) -> BuildError {
    match e {
        render::Failure::Template(e) => BuildError::Internal {
            stage,
            message: format!("a template failed: {e}"),
        },
        render::Failure::Put(e) => e,
        render::Failure::Invalid => BuildError::Internal {
            stage,
            message: "a page was found faulty after its problems were checked".into(),
        },
    }
}

/// search: the rest of the index of each language (the pages were indexed as they were
/// rendered, as readers see them), the search and A–Z pages, into `sink`.
pub fn search(
    ctx: &Ctx,
    figures: &Figures,
    site: &Site,
    indexes: Indexes,
    sink: &impl Sink,
) -> Result<(), BuildError> {
    let put = |f: OutputFile| sink.put(f);
    search::files(ctx, figures, site, indexes, &put).map_err(|e| failure("search", e))
}

/// assets: the files of `static/`, published under `/static/` as they are.
pub fn assets(root: &Path, sink: &impl Sink) -> Result<(), BuildError> {
    let dir = root.join("static");
    let files = output::read_tree(&dir, "static/")
        .map_err(|source| BuildError::Write { path: dir, source })?;
    files.into_iter().try_for_each(|f| sink.put(f))
}

/// Pages published in a language they are not written in, as notes for the user.
pub fn translation_notes(site: &Site) -> Vec<String> {
    site.pages
        .iter()
        .filter_map(|p| {
            let missing = Lang::ALL
                .into_iter()
                .find(|l| p.text.get(*l).content_lang != *l)?;
            Some(format!(
                "{} has no {missing} version: {} shows the {} text with a notice",
                p.text.get(missing).file.display(),
                urls::page(missing, &p.slug_path),
                missing.other()
            ))
        })
        .collect()
}

/// For each page's output file, the Markdown file it comes from (for `check`).
pub fn page_sources(site: &Site) -> BTreeMap<String, PathBuf> {
    site.pages
        .iter()
        .flat_map(|p| {
            Lang::ALL.map(|l| {
                (
                    urls::output_file(&urls::page(l, &p.slug_path)),
                    p.text.get(l).file.clone(),
                )
            })
        })
        .collect()
}
