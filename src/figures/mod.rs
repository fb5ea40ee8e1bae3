//! Figures: one chart record from `data/charts.yaml` becomes, per language, every output a
//! reader or a journalist needs, all from the same [`ChartData`]:
//!
//! - a complete accessible `<figure>` for pages ([`block`]): title, subtitle, inline SVG
//!   with title and desc, a text summary, a data table, definitions, sources, as-of date,
//!   citation, and a download block (CSV, XLSX, JSON, SVG, PNG, embed code);
//! - the plot itself ([`draw`]: line or bar, through plotters);
//! - a standalone SVG and a PNG with title and citation drawn in, for downloads.

mod backend;
mod bar_chart;
mod block;
mod citation;
mod draw;
mod line_chart;
mod metrics;
mod png;
mod sparkline;
mod standalone;
mod style;
mod summary;
mod svg_a11y;

pub use block::embed_code;
pub use citation::citation;
pub use metrics::TextMetrics;
pub use png::{PngCache, PngRenderer};
pub use sparkline::sparkline;

use crate::context::{Ctx, LangCtx};
use crate::data::{Chart, ChartData, ChartId, ObsDate};
use crate::diagnostics::Diagnostic;
use crate::locale::{Lang, Localized};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;

/// One chart, rendered for one language.
pub struct ChartOutput {
    /// The whole `<figure>` block, ready to place in a page.
    pub block: String,
    /// The standalone SVG file (title and citation drawn in).
    pub svg_file: String,
    /// The same image as PNG, at twice the size.
    pub png: Vec<u8>,
    /// The citation line.
    pub citation: String,
}

/// One chart: its data, and what was drawn from it in each language.
pub struct RenderedChart<'a> {
    pub data: ChartData<'a>,
    pub output: Localized<ChartOutput>,
}

/// Every chart of the dataset, by id, in both languages.
pub struct Figures<'a> {
    pub charts: BTreeMap<ChartId, RenderedChart<'a>>,
}

impl Figures<'_> {
    pub fn block(&self, id: &str, lang: Lang) -> Option<&str> {
        self.charts
            .get(id)
            .map(|c| c.output.get(lang).block.as_str())
    }
}

/// What drawing needs beside the context: text metrics, and for downloads the PNG renderer
/// with an optional cache of PNGs drawn by an earlier build.
struct Pens<'a> {
    metrics: TextMetrics,
    png: Option<(PngRenderer, Option<&'a PngCache>)>,
}

/// Draws every chart in both languages, in parallel; results are collected in id order.
pub fn build<'a>(ctx: &Ctx<'a>, cache: Option<&PngCache>) -> Result<Figures<'a>, Vec<Diagnostic>> {
    let pens = Pens {
        metrics: TextMetrics::new(),
        png: Some((PngRenderer::new(), cache)),
    };
    let charts: Vec<&'a Chart> = ctx.data.charts.values().collect();
    let rendered: Vec<_> = charts
        .par_iter()
        .map(|chart| {
            let data = ChartData::collect(chart, ctx.data, None);
            let (ar, fr) = rayon::join(
                || render_chart(&pens, &data, &ctx.lang(Lang::Ar)),
                || render_chart(&pens, &data, &ctx.lang(Lang::Fr)),
            );
            (data, ar, fr)
        })
        .collect();
    let mut out = BTreeMap::new();
    let mut errors = Vec::new();
    for (data, ar, fr) in rendered {
        match (ar, fr) {
            (Ok(ar), Ok(fr)) => {
                let output = Localized { ar, fr };
                out.insert(data.chart.id.clone(), RenderedChart { data, output });
            }
            (ar, fr) => {
                for e in [ar.err(), fr.err()].into_iter().flatten() {
                    errors.push(Diagnostic::new(
                        Path::new("data/charts.yaml"),
                        None,
                        format!("chart `{}` could not be drawn: {e}", data.chart.id),
                    ));
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(Figures { charts: out })
    } else {
        Err(errors)
    }
}

/// A chart as known on `vintage` (for a dated report): only observations published by then,
/// no downloads (they always carry the current data), and a note saying so.
pub fn vintage_block(lx: &LangCtx, chart: &Chart, vintage: ObsDate) -> Result<String, String> {
    let pens = Pens {
        metrics: TextMetrics::new(),
        png: None,
    };
    let data = ChartData::collect(chart, lx.data, Some(vintage));
    render_chart(&pens, &data, lx).map(|o| o.block)
}

/// Every output of one chart in one language.
fn render_chart(pens: &Pens, data: &ChartData, lx: &LangCtx) -> Result<ChartOutput, String> {
    let lang = lx.lang;
    let chart = data.chart;
    let plot = draw::plot(data, lx, &pens.metrics)?;
    let title = chart.title.get(lang);
    let summary = summary::summary(data, lx);
    let svg = svg_a11y::make_accessible(
        &plot.svg,
        &format!("chart-{}", chart.id),
        lang,
        title,
        &summary,
    );
    let citation = citation(
        lx,
        &data.sources(lx.data),
        data.as_of(),
        &lx.config.absolute(&crate::urls::data_page(lang)),
    );
    let (svg_file, png) = match &pens.png {
        Some((renderer, cache)) => {
            let svg_file = standalone::standalone(
                &plot.svg,
                plot.height,
                lang,
                title,
                block::subtitle(data, lang),
                &citation,
                &pens.metrics,
            );
            let svg_file = crate::locale::typography::for_lang(lang, &svg_file);
            let draw = || renderer.render(&svg_file, 2.0);
            let png = match cache {
                Some(cache) => cache.get_or_render(&svg_file, draw)?,
                None => draw()?,
            };
            (svg_file, png)
        }
        None => (String::new(), Vec::new()),
    };
    let block = block::block(data, lx, &svg, &summary, &citation)?;
    Ok(ChartOutput {
        block,
        svg_file,
        png,
        citation,
    })
}
