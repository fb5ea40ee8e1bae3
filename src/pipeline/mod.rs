//! The build, as a flat list of named stages. Every command runs this one pipeline and
//! differs only in what it does with the result: `build` writes it, `serve` holds it in
//! memory, `check` reads it back, `cargo bench` reports its [`Timings`].
//!
//! | stage | input → output |
//! |---|---|
//! | `load` | site folder → [`Loaded`]: `site.yaml`, `i18n/` checked; `data/` parsed; `content/` paired |
//! | `validate` | parsed `data/` → [`Dataset`](crate::data::Dataset) |
//! | `figures` | [`Ctx`] → [`Figures`](crate::figures::Figures): every chart's data, drawing, PNG |
//! | `pages` | [`Ctx`], figures, content → [`Site`](crate::site::Site): pages from their front matter |
//! | `downloads` | [`Ctx`], figures → CSV, JSON, XLSX, SVG, PNG, data package, zip |
//! | `render` | [`Ctx`], figures, site, download sizes → bodies (directives resolved), HTML pages, feeds, sitemap; each page's text indexed for search as it is written |
//! | `search` | the index so far, data → the rest of each language's index, search and A–Z pages |
//! | `assets` | `static/` → files copied as they are |
//! | `write` | the streamed files → the published site (only in `build`) |
//!
//! Each stage is a function from typed values to typed values ([`stages`]); problems in the
//! input are collected across stages, so one run reports all of them. From `downloads` on,
//! every file goes into a [`Sink`] as soon as it is made: `build` streams it to the output
//! folder's hidden twin ([`Stream`]), so memory does not grow with the pages already
//! rendered; `serve` and `check` keep them ([`Collect`]). `write` then swaps the twin in.
//!
//! A page's body is rendered in `render`, just before the page is written, so no stage
//! holds every body. A body with problems is found there: nothing more is written, the
//! other bodies are still checked, and the twin is never swapped in, so the published site
//! stays as it was. When earlier stages found problems, the bodies are checked without
//! opening the sink.

mod error;
pub mod stages;
mod timings;

pub use error::BuildError;
pub use timings::Timings;

use crate::cache::{BuildCache, CacheReport};
use crate::context::Ctx;
use crate::diagnostics::Diagnostics;
use crate::locale::Formatters;
use crate::output::{OutputFile, Stream};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::Instant;

/// A site built in memory: every output file, and what the commands need to know about it.
pub struct Built {
    /// Sorted by path.
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

/// Runs every stage on the site at `root` and keeps the output in memory (for `serve` and
/// `check`). `cache` holds the costly outputs (PNGs, workbooks) of earlier builds. Any input
/// problem stops the run after the stages that can still find more problems, and all of
/// them are returned together.
pub fn run(root: &Path, cache: &BuildCache) -> Result<Built, BuildError> {
    let (collected, summary) = run_into(root, cache, || Ok(Collect::default()))?;
    let mut files = collected.0.into_inner().unwrap_or_else(|e| e.into_inner());
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(Built {
        files,
        notes: summary.notes,
        page_sources: summary.page_sources,
        base_url: summary.base_url,
        timings: summary.timings,
    })
}

/// What a run tells besides its files.
pub struct Summary {
    pub notes: Vec<String>,
    pub page_sources: BTreeMap<String, PathBuf>,
    pub base_url: String,
    pub timings: Timings,
    pub pages: usize,
    pub files: usize,
    pub bytes: u64,
}

/// Runs every stage, sending each output file into the sink `open` makes. The sink is
/// opened only once everything but the pages' bodies is known to be valid; from then on
/// files go into it as they are made, and none is held for the others. A body with
/// problems stops the run there (the sink is left unfinished).
pub fn run_into<S: Sink>(
    root: &Path,
    cache: &BuildCache,
    open: impl FnOnce() -> Result<S, BuildError>,
) -> Result<(S, Summary), BuildError> {
    // Pages without problems let their text go once loaded: the problems found later are
    // shown with their lines all the same.
    run_stages(root, cache, open).map_err(|e| match e {
        BuildError::Invalid(mut diags) => {
            diags.read_missing_sources(root);
            BuildError::Invalid(diags)
        }
        e => e,
    })
}

fn run_stages<S: Sink>(
    root: &Path,
    cache: &BuildCache,
    open: impl FnOnce() -> Result<S, BuildError>,
) -> Result<(S, Summary), BuildError> {
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
    let mut site = t.time("pages", || {
        stages::pages(&ctx, &figures, loaded.content, &mut diags)
    });
    if !diags.is_empty() {
        t.time("render", || {
            stages::check_bodies(&ctx, &figures, &mut site, &mut diags)
        });
        return Err(BuildError::Invalid(diags));
    }

    let sink = Counted::new(open()?);
    let sizes = t.time("downloads", || {
        stages::downloads(&ctx, &figures, cache, &sink)
    })?;
    let indexes = t.time("render", || {
        stages::render(&ctx, &figures, &mut site, &sizes, &sink, &mut diags)
    })?;
    t.time("search", || {
        stages::search(&ctx, &figures, &site, indexes, &sink)
    })?;
    t.time("assets", || stages::assets(root, &sink))?;
    let summary = Summary {
        notes: stages::translation_notes(&site),
        page_sources: stages::page_sources(&site),
        base_url: config.base_url.clone(),
        timings: t,
        pages: sink.pages.load(Ordering::Relaxed),
        files: sink.files.load(Ordering::Relaxed),
        bytes: sink.bytes.load(Ordering::Relaxed),
    };
    Ok((sink.inner, summary))
}

/// Where a run's files go as they are made, from any thread.
pub trait Sink: Sync {
    fn put(&self, file: OutputFile) -> Result<(), BuildError>;
}

/// Keeps the files in memory.
#[derive(Default)]
pub struct Collect(Mutex<Vec<OutputFile>>);

impl Sink for Collect {
    fn put(&self, file: OutputFile) -> Result<(), BuildError> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).push(file);
        Ok(())
    }
}

impl Sink for Stream {
    fn put(&self, file: OutputFile) -> Result<(), BuildError> {
        Stream::put(self, file).map_err(BuildError::Publish)
    }
}

/// A sink that counts what goes through it.
pub struct Counted<S> {
    inner: S,
    pages: AtomicUsize,
    files: AtomicUsize,
    bytes: AtomicU64,
}

impl<S> Counted<S> {
    fn new(inner: S) -> Self {
        Counted {
            inner,
            pages: AtomicUsize::new(0),
            files: AtomicUsize::new(0),
            bytes: AtomicU64::new(0),
        }
    }
}

impl<S: Sink> Sink for Counted<S> {
    fn put(&self, file: OutputFile) -> Result<(), BuildError> {
        let page = file.path.ends_with(".html") as usize;
        self.pages.fetch_add(page, Ordering::Relaxed);
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes
            .fetch_add(file.bytes.len() as u64, Ordering::Relaxed);
        self.inner.put(file)
    }
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

/// Runs the pipeline, streaming its output into the output folder as it is made, then
/// publishes it. An output folder that may not be used is refused before anything is built;
/// bad input is found before the twin is swapped in (most of it before anything is
/// written); on any problem the published site is left as it was.
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
    let (stream, summary) = run_into(&options.root, &cache, || {
        Stream::begin(&options.out, &options.root, &publish_options).map_err(BuildError::Publish)
    })?;
    let mut timings = summary.timings;
    let publish = timings.time("write", || stream.finish().map_err(BuildError::Publish))?;
    timings.record("total", started.elapsed());
    let cache = cache.finish();
    Ok(BuildReport {
        pages: summary.pages,
        files: summary.files,
        bytes: summary.bytes,
        notes: summary.notes,
        publish,
        cache,
        timings,
    })
}
