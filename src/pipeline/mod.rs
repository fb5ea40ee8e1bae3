//! The build, as a flat list of named stages. Every command runs this one pipeline and
//! differs only in what it does with the result: `build` writes it, `serve` holds it in
//! memory, `check` reads it back, `cargo bench` reports its [`Timings`].
//!
//! | stage | input → output |
//! |---|---|
//! | `load` | site folder → [`Loaded`]: `site.yaml`, `i18n/` checked; `data/` parsed; `content/` paired |
//! | `validate` | parsed `data/` → [`Dataset`](crate::data::Dataset) |
//! | `figures` | [`Ctx`] → [`Figures`](crate::figures::Figures): every chart's data, drawing, PNG |
//! | `pages` | [`Ctx`], figures, content → [`Site`](crate::site::Site): bodies with directives |
//! | `downloads` | [`Ctx`], figures → CSV, JSON, XLSX, SVG, PNG, data package, zip |
//! | `render` | [`Ctx`], figures, site, download sizes → HTML pages, feeds, sitemap |
//! | `search` | rendered pages, data → per-language index, search and A–Z pages |
//! | `assets` | `static/` → files copied as they are |
//! | `write` | every file → the output folder (only in `build`) |
//!
//! Each stage is a function from typed values to typed values ([`stages`]); problems in the
//! input are collected across stages, so one run reports all of them.

mod error;
pub mod stages;
mod timings;

pub use error::BuildError;
pub use timings::Timings;

use crate::cache::{BuildCache, CacheReport};
use crate::context::Ctx;
use crate::diagnostics::Diagnostics;
use crate::locale::Formatters;
use crate::output::OutputFile;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// A site built in memory: every output file, and what the commands need to know about it.
pub struct Built {
    pub files: Vec<OutputFile>,
    /// Translation gaps worth telling (not errors).
    pub notes: Vec<String>,
    /// For each page's output file, the Markdown file it comes from.
    pub page_sources: BTreeMap<String, PathBuf>,
    /// The site's public address (links under it are internal).
    pub base_url: String,
    /// How long each stage took.
    pub timings: Timings,
}

impl Built {
    pub fn pages(&self) -> usize {
        self.files
            .iter()
            .filter(|f| f.path.ends_with(".html"))
            .count()
    }

    pub fn bytes(&self) -> u64 {
        self.files.iter().map(|f| f.bytes.len() as u64).sum()
    }
}

/// Runs every stage but `write` on the site at `root`. `cache` holds the costly outputs
/// (PNGs, workbooks) of earlier builds. Any input problem stops the run after the stages that can
/// still find more problems, and all of them are returned together.
pub fn run(root: &Path, cache: &BuildCache) -> Result<Built, BuildError> {
    let mut t = Timings::default();
    let mut diags = Diagnostics::new();

    let loaded = t.time("load", || stages::load(root, &mut diags));
    let dataset = t.time("validate", || stages::validate(loaded.data, &mut diags));
    // Without interface strings nothing can be modelled; without a valid configuration
    // (already reported) a placeholder lets the pages find their own problems.
    let (Some(ui), Some(nouns)) = (loaded.ui, loaded.nouns) else {
        return Err(BuildError::Invalid(diags));
    };
    crate::data::check_nouns(&dataset, &nouns, &mut diags);
    let config = loaded
        .config
        .unwrap_or_else(crate::config::Config::placeholder);
    let formatters = t.time("formatters", Formatters::new);
    let ctx = Ctx {
        config: &config,
        data: &dataset,
        formatters: &formatters,
        ui: &ui,
        nouns: &nouns,
    };

    // Pages are modelled even when loading found problems, so that directive errors are
    // reported in the same run; references to inputs that failed are not reported twice.
    let Some(figures) = t.time("figures", || stages::figures(&ctx, cache, &mut diags)) else {
        return Err(BuildError::Invalid(diags));
    };
    let site = t.time("pages", || {
        stages::pages(&ctx, &figures, loaded.content, &mut diags)
    });
    if !diags.is_empty() {
        return Err(BuildError::Invalid(diags));
    }

    let mut files = t.time("downloads", || stages::downloads(&ctx, &figures, cache))?;
    let sizes = stages::sizes(&files);
    files.extend(t.time("render", || stages::render(&ctx, &figures, &site, &sizes))?);
    let search = t.time("search", || stages::search(&ctx, &figures, &site, &files))?;
    files.extend(search);
    files.extend(t.time("assets", || stages::assets(root))?);
    Ok(Built {
        files,
        notes: stages::translation_notes(&site),
        page_sources: stages::page_sources(&site),
        base_url: config.base_url.clone(),
        timings: t,
    })
}

/// What `amo-site build` asks for.
pub struct BuildOptions {
    /// The site folder: holds `site.yaml`, `content/`, `data/`, `static/`.
    pub root: PathBuf,
    /// Where the site is published (see [`output::publish`](crate::output::publish)).
    pub out: PathBuf,
    /// Take over an output folder amo-site did not make.
    pub force: bool,
    /// Reuse and keep chart images and workbooks in the site's `.amo-cache/`.
    pub cache: bool,
}

/// What a successful build produced.
#[derive(Debug)]
pub struct BuildReport {
    pub pages: usize,
    pub files: usize,
    pub bytes: u64,
    /// Things worth knowing that are not errors: pages shown in the other language.
    pub notes: Vec<String>,
    /// What the write stage did: files written, deleted, left unchanged.
    pub publish: crate::output::PublishReport,
    /// What the build cache saved.
    pub cache: CacheReport,
    pub timings: Timings,
}

/// Runs the pipeline, then publishes its output. An output folder that may not be used is
/// refused before anything is built; on any problem nothing is written.
pub fn build(options: &BuildOptions) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    let publish_options = crate::output::PublishOptions {
        force: options.force,
    };
    crate::output::preflight(&options.out, &options.root, &publish_options)
        .map_err(BuildError::Publish)?;
    let cache = if options.cache {
        BuildCache::beside(&options.root)
    } else {
        BuildCache::none()
    };
    let built = run(&options.root, &cache)?;
    let (pages, bytes, files) = (built.pages(), built.bytes(), built.files.len());
    let mut timings = built.timings;
    let publish = timings.time("write", || {
        stages::write(&options.out, &options.root, built.files, &publish_options)
    })?;
    timings.record("total", started.elapsed());
    let cache = cache.finish();
    Ok(BuildReport {
        pages,
        files,
        bytes,
        notes: built.notes,
        publish,
        cache,
        timings,
    })
}
