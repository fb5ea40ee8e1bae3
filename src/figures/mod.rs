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
mod bar_narrow;
mod block;
mod citation;
mod draw;
mod layout;
mod line_chart;
mod metrics;
pub mod palette;
mod png;
mod source_line;
mod sparkline;
mod standalone;
mod style;
mod summary;
mod svg_a11y;
mod tooltip;

pub use block::embed_code;
pub use citation::{Citations, citation};
pub use layout::{Layout, WIDE_FROM_PX};
pub use metrics::TextMetrics;
pub use png::PngRenderer;
pub use sparkline::sparkline;

use crate::cache::BuildCache;
use crate::context::{Ctx, LangCtx};
use crate::data::{Chart, ChartData, ChartId, ObsDate};
use crate::diagnostics::Diagnostic;
use crate::locale::{Lang, Localized};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

/// One chart, rendered for one language.
pub struct ChartOutput {
    /// The whole `<figure>` block, ready to place in a page.
    pub block: String,
    /// The standalone SVG file (title and citation drawn in).
    pub svg_file: String,
    /// The same image as PNG, at twice the size.
    pub png: Vec<u8>,
    /// The short citation (for a caption) and the full one (every document).
    pub citation: Citations,
    /// The short source line under the chart.
    pub source_line: String,
}

/// One chart: its data, and what was drawn from it in each language.
pub struct RenderedChart<'a> {
    pub data: ChartData<'a>,
    pub output: Localized<ChartOutput>,
}

/// Every chart of the dataset, by id, in both languages.
pub struct Figures<'a> {
    pub charts: BTreeMap<ChartId, RenderedChart<'a>>,
    /// Charts as known on a report's date, placed once per chart, date and language however
    /// many reports show them.
    vintages: Mutex<BTreeMap<(ChartId, ObsDate, Lang), String>>,
    /// Their drawings, made once per chart, language and set of points: reports of
    /// different dates mostly see the same observations, and differ only in the note.
    vintage_drawings: Mutex<BTreeMap<DrawingKey, Arc<Drawn>>>,
}

/// A chart, a language, and the points drawn (each observation by its address: the
/// dataset outlives every drawing).
type DrawingKey = (ChartId, Lang, Vec<usize>);

/// What a chart's drawing gives before it is placed in its `<figure>`: a function of the
/// chart's points and the language alone.
struct Drawn {
    /// The inline SVG of each layout, made accessible.
    svgs: String,
    /// The height of each layout's drawing, wide then narrow.
    heights: [u32; 2],
    summary: String,
    source_line: String,
    citation: Citations,
}

impl Figures<'_> {
    /// A chart as known on `vintage`, for a dated report: only observations published by
    /// then, no downloads (they always carry the current data), and a note saying so. Drawn
    /// once per set of points, placed once per date.
    pub fn vintage_block(
        &self,
        lx: &LangCtx,
        chart: &Chart,
        vintage: ObsDate,
    ) -> Result<String, String> {
        let key = (chart.id.clone(), vintage, lx.lang);
        if let Some(block) = self.vintages.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return Ok(block);
        }
        let data = ChartData::collect(chart, lx.data, Some(vintage));
        let points = data
            .points()
            .map(|o| std::ptr::from_ref(o) as usize)
            .collect();
        let drawing_key = (chart.id.clone(), lx.lang, points);
        let known = (self.vintage_drawings.lock().ok()).and_then(|m| m.get(&drawing_key).cloned());
        let drawn = match known {
            Some(drawn) => drawn,
            None => {
                let pens = Pens {
                    metrics: TextMetrics::new(),
                    png: None,
                };
                let drawn = Arc::new(draw(&pens, &data, lx)?.0);
                if let Ok(mut m) = self.vintage_drawings.lock() {
                    m.insert(drawing_key, Arc::clone(&drawn));
                }
                drawn
            }
        };
        let block = drawn.block(&data, lx)?;
        if let Ok(mut m) = self.vintages.lock() {
            m.insert(key, block.clone());
        }
        Ok(block)
    }

    pub fn block(&self, id: &str, lang: Lang) -> Option<&str> {
        self.charts
            .get(id)
            .map(|c| c.output.get(lang).block.as_str())
    }
}

/// What drawing needs beside the context: text metrics, and for downloads the PNG renderer
/// (made on first use: a build whose PNGs are all cached never loads its fonts) with the
/// build cache that keeps PNGs between builds.
struct Pens<'a> {
    metrics: TextMetrics,
    png: Option<(OnceLock<PngRenderer>, &'a BuildCache)>,
}

/// Draws every chart in both languages, in parallel; results are collected in id order.
/// PNGs come from `cache` when an earlier build drew the same image.
pub fn build<'a>(ctx: &Ctx<'a>, cache: &BuildCache) -> Result<Figures<'a>, Vec<Diagnostic>> {
    let pens = Pens {
        metrics: TextMetrics::new(),
        png: Some((OnceLock::new(), cache)),
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
        Ok(Figures {
            charts: out,
            vintages: Mutex::default(),
            vintage_drawings: Mutex::default(),
        })
    } else {
        Err(errors)
    }
}

impl Drawn {
    /// The whole `<figure>` block of `data`, the points this was drawn from.
    fn block(&self, data: &ChartData, lx: &LangCtx) -> Result<String, String> {
        block::block(
            data,
            lx,
            &self.svgs,
            self.heights,
            &self.summary,
            &self.source_line,
            &self.citation,
        )
    }
}

/// Draws both layouts of one chart in one language, with what goes beside them; also
/// returns the wide layout's plot (the downloads are drawn from it).
fn draw(
    pens: &Pens,
    data: &ChartData,
    lx: &LangCtx,
) -> Result<(Drawn, Option<draw::Plot>), String> {
    let lang = lx.lang;
    let chart = data.chart;
    let title = chart.title.get(lang);
    let summary = summary::summary(data, lx);
    let mut svgs = String::new();
    let mut wide = None;
    let mut heights = [0; 2];
    for (k, layout) in Layout::ALL.into_iter().enumerate() {
        let plot = draw::plot(data, lx, &pens.metrics, layout)?;
        let id = format!("chart-{}-{}", chart.id, layout.name());
        let class = format!("chart-svg chart-{}", layout.name());
        svgs.push_str(&svg_a11y::make_accessible(
            &plot.svg, &id, &class, lang, title, &summary,
        ));
        heights[k] = plot.height;
        if layout == Layout::Wide {
            wide = Some(plot);
        }
    }
    let sources = data.sources(lx.data);
    let url = lx.config.absolute(&crate::urls::data_page(lang));
    let citation = citation::chart_citations(lx, title, &sources, data.as_of(), &url);
    let source_line = source_line::source_line(lx, &sources);
    let drawn = Drawn {
        svgs,
        heights,
        summary,
        source_line,
        citation,
    };
    Ok((drawn, wide))
}

/// Every output of one chart in one language.
fn render_chart(pens: &Pens, data: &ChartData, lx: &LangCtx) -> Result<ChartOutput, String> {
    let lang = lx.lang;
    let title = data.chart.title.get(lang);
    let (drawn, wide) = draw(pens, data, lx)?;
    let (svg_file, png) = match (&pens.png, wide) {
        (Some((renderer, cache)), Some(plot)) => {
            let footer = [
                drawn.source_line.as_str(),
                lx.config.base_url.trim_end_matches('/'),
            ];
            let svg_file = standalone::standalone(
                &plot.svg,
                plot.height,
                lang,
                title,
                block::subtitle(data, lang),
                &footer,
                &pens.metrics,
            );
            let svg_file = crate::locale::typography::for_lang(lang, svg_file);
            // Keyed by the exact SVG and scale: the image is a function of them alone.
            let png = cache.get_or_make("png", &[svg_file.as_bytes(), b"scale 2"], || {
                renderer
                    .get_or_init(PngRenderer::new)
                    .render(&svg_file, 2.0)
            })?;
            (svg_file, png)
        }
        _ => (String::new(), Vec::new()),
    };
    let block = drawn.block(data, lx)?;
    Ok(ChartOutput {
        block,
        svg_file,
        png,
        citation: drawn.citation,
        source_line: drawn.source_line,
    })
}
