//! What is indexed: one plain [`Document`] per page (the text of its rendered `<main>`),
//! chart (caption, summary, data table), indicator (title, definition) and source (title,
//! publisher), per language. The guide's questions and outcomes are pages of the site, so
//! they are indexed like the others, under their own kind.

use super::text::extract;
use crate::content::Layout;
use crate::context::Ctx;
use crate::figures::Figures;
use crate::locale::Lang;
use crate::site::Page;
use crate::urls;

/// What a result is, shown beside its title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Page,
    Regime,
    Report,
    Data,
    Chart,
    Dataset,
    Source,
    /// A question or an outcome of the guide.
    Guide,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Page,
        Kind::Regime,
        Kind::Report,
        Kind::Data,
        Kind::Chart,
        Kind::Dataset,
        Kind::Source,
        Kind::Guide,
    ];

    /// Its label in the interface language.
    pub fn label(self, ui: &crate::locale::UiText) -> &str {
        match self {
            Kind::Page => &ui.search_kind_page,
            Kind::Regime => &ui.search_kind_regime,
            Kind::Report => &ui.search_kind_report,
            Kind::Data => &ui.search_kind_data,
            Kind::Chart => &ui.search_kind_chart,
            Kind::Dataset => &ui.search_kind_dataset,
            Kind::Source => &ui.search_kind_source,
            Kind::Guide => &ui.search_kind_guide,
        }
    }
}

/// One thing a search can find, in one language.
#[derive(Debug, Clone)]
pub struct Document {
    /// Site path, with an anchor for things on the data page.
    pub url: String,
    pub title: String,
    pub kind: Kind,
    pub headings: Vec<String>,
    pub text: String,
}

/// The document of a page of the site in `lang`, with the headings and text taken from its
/// rendered HTML.
pub fn page_document(p: &Page, lang: Lang, headings: Vec<String>, text: String) -> Document {
    let kind = match (p.layout, &p.regime) {
        _ if p.guide => Kind::Guide,
        (Layout::Report, _) => Kind::Report,
        (Layout::Data, _) => Kind::Data,
        (_, Some(_)) => Kind::Regime,
        _ => Kind::Page,
    };
    Document {
        url: urls::page(lang, &p.slug_path),
        title: p.text.get(lang).title.clone(),
        kind,
        headings,
        text,
    }
}

/// The documents of the data page in `lang`: charts, indicators and sources, in id order
/// (they come after the pages).
pub fn data_documents(ctx: &Ctx, figures: &Figures, lang: Lang) -> Vec<Document> {
    let data_page = urls::data_page(lang);
    let doc = |anchor: String, title: &str, kind, text: String| Document {
        url: format!("{data_page}#{anchor}"),
        title: title.to_string(),
        kind,
        headings: Vec::new(),
        text,
    };
    let ds = ctx.data;
    let charts = ds.charts.values().map(|c| {
        let block = figures.block(&c.id, lang).unwrap_or_default();
        doc(
            format!("chart-{}", c.id),
            c.title.get(lang),
            Kind::Chart,
            extract(block).text,
        )
    });
    let lx = ctx.lang(lang);
    let (f, ui) = (lx.f, lx.ui);
    let indicators = ds.indicators.values().map(|i| {
        // Every value with its date, formatted as pages show it, so numbers are found.
        let values: Vec<String> = i
            .observations
            .iter()
            .map(|o| {
                format!(
                    "{} ({})",
                    lx.qualified_value(o.qualifier, o.value, i.unit),
                    f.date(o.date)
                )
            })
            .collect();
        let text = format!(
            "{} {}",
            i.definition.get(lang),
            values.join(&ui.list_separator)
        );
        doc(
            urls::indicator_anchor(&i.id),
            i.title.get(lang),
            Kind::Dataset,
            text,
        )
    });
    let sources = ds.sources.values().map(|s| {
        let text = [
            s.publisher.get(lang).as_str(),
            s.via.as_deref().unwrap_or(""),
        ]
        .join(" ");
        doc(
            urls::source_anchor(&s.id),
            s.title.get(lang),
            Kind::Source,
            text.trim().to_string(),
        )
    });
    charts.chain(indicators).chain(sources).collect()
}

/// The `<main>` element of a page, or the whole text if it has none.
pub(super) fn main_of(html: &str) -> &str {
    let start = memchr::memmem::find(html.as_bytes(), b"<main").unwrap_or(0);
    let end = memchr::memmem::rfind(html.as_bytes(), b"</main>").unwrap_or(html.len());
    html.get(start..end.max(start)).unwrap_or(html)
}
