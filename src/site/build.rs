//! `build`: the whole pipeline, top to bottom, as one function.
//! load → validate → model → render → write.

use super::model;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::locale::{self, Formatters, Lang};
use crate::output::{self, OutputFile};
use crate::urls;
use crate::{config, content, data, exports, figures, render};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub struct BuildOptions {
    /// The site folder: holds `site.yaml`, `content/`, `data/`, `static/`.
    pub root: PathBuf,
    /// Where the site is published (see [`output::publish`]).
    pub out: PathBuf,
    /// Take over an output folder amo-site did not make.
    pub force: bool,
}

/// What a successful build produced.
#[derive(Debug)]
pub struct BuildReport {
    pub pages: usize,
    pub files: usize,
    pub bytes: u64,
    pub elapsed: Duration,
    /// What the write phase did.
    pub publish: output::PublishReport,
    /// Things worth knowing that are not errors: pages shown in the other language.
    pub notes: Vec<String>,
}

#[derive(Debug)]
pub enum BuildError {
    /// The input has problems; nothing was written.
    Invalid(Diagnostics),
    /// Reading an input file failed.
    Write(String),
    /// Publishing refused the output folder or failed; the previous output is intact.
    Publish(output::PublishError),
}

/// Builds the site in memory, then writes it atomically. Every input problem found is
/// reported together; on any problem nothing is written.
pub fn build(options: &BuildOptions) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    let publish_options = output::PublishOptions {
        force: options.force,
    };
    output::preflight(&options.out, &options.root, &publish_options)
        .map_err(BuildError::Publish)?;
    let RenderedSite { files, notes, .. } = render_files(&options.root)?;
    let pages = files.iter().filter(|f| f.path.ends_with(".html")).count();
    let bytes = files.iter().map(|f| f.bytes.len() as u64).sum();
    let count = files.len();
    let publish = output::publish(&options.out, &options.root, files, &publish_options)
        .map_err(BuildError::Publish)?;
    Ok(BuildReport {
        pages,
        files: count,
        bytes,
        elapsed: started.elapsed(),
        publish,
        notes,
    })
}

/// Every output file of the site at `root` with notes about translation gaps, or all the
/// problems that prevent building it.
pub fn render_files(root: &Path) -> Result<RenderedSite, BuildError> {
    render_files_cached(root, None)
}

/// [`render_files`] reusing PNGs drawn by an earlier build (for `serve`).
pub fn render_files_cached(
    root: &Path,
    png_cache: Option<&figures::PngCache>,
) -> Result<RenderedSite, BuildError> {
    // Load and validate every input, collecting all problems before stopping.
    let mut diags = Diagnostics::new();
    let config = config::load(root, &mut diags);
    let dataset = data::load(root, &mut diags);
    let pages = content::load(root, &mut diags);
    let ui = locale::tables::load(root, &mut diags);
    let config_ok = config.is_some();
    let config = config.unwrap_or_else(config::Config::placeholder);
    let Some(ui) = ui else {
        return Err(BuildError::Invalid(diags));
    };

    // Model: figures from the data, then pages with their directives resolved. This runs
    // even when loading found problems, so that directive errors are reported in the same
    // run; references to inputs that failed to load are not reported twice.
    let formatters = Formatters::new();
    let figures = match figures::build(&config, &dataset, &formatters, &ui, png_cache) {
        Ok(f) => f,
        Err(errs) => {
            errs.into_iter().for_each(|d| diags.push(d));
            return Err(BuildError::Invalid(diags));
        }
    };
    let site = model::assemble(
        &config,
        &dataset,
        &figures,
        &formatters,
        &ui,
        pages,
        &mut diags,
    );
    if !diags.is_empty() || !config_ok {
        return Err(BuildError::Invalid(diags));
    }

    // Render downloads first (the data page lists their sizes), then pages; add static assets.
    let inputs = exports::Inputs {
        config: &config,
        ds: &dataset,
        formatters: &formatters,
        ui: &ui,
        figures: &figures,
    };
    let mut files = exports::build(&inputs).map_err(|e| {
        invalid(diags_with(vec![Diagnostic::new(
            "data",
            None,
            format!("a download could not be written: {e}"),
        )]))
    })?;
    let sizes = files
        .iter()
        .map(|f| (format!("/{}", f.path), f.bytes.len()))
        .collect();
    let pages = render::site(&site, &sizes).map_err(|e| {
        invalid(diags_with(vec![Diagnostic::new(
            "templates",
            None,
            format!("a template failed: {e}"),
        )]))
    })?;
    files.extend(pages);
    files.extend(
        output::read_tree(&root.join("static"), "static/")
            .map_err(|e| BuildError::Write(format!("static/: {e}")))?,
    );
    let notes = site
        .pages
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
        .collect();
    let page_sources = site
        .pages
        .iter()
        .flat_map(|p| {
            Lang::ALL.map(|l| {
                (
                    urls::output_file(&urls::page(l, &p.slug_path)),
                    p.text.get(l).file.clone(),
                )
            })
        })
        .collect();
    Ok(RenderedSite {
        files,
        notes,
        page_sources,
        base_url: config.base_url.clone(),
    })
}

/// A site built in memory.
pub struct RenderedSite {
    pub files: Vec<OutputFile>,
    /// Translation gaps worth telling (not errors).
    pub notes: Vec<String>,
    /// For each page's output file, the Markdown file it comes from.
    pub page_sources: std::collections::BTreeMap<String, PathBuf>,
    /// The site's public address (links under it are internal).
    pub base_url: String,
}

fn diags_with(items: Vec<Diagnostic>) -> Diagnostics {
    let mut d = Diagnostics::new();
    items.into_iter().for_each(|i| d.push(i));
    d
}

fn invalid(d: Diagnostics) -> BuildError {
    BuildError::Invalid(d)
}
