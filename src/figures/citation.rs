//! The citation line of a figure: its sources, as-of date, publisher and address, in the
//! page's language, from the `citation` pattern of the translation table.

use crate::context::LangCtx;
use crate::data::{ObsDate, Source};

/// `Source : Cour des comptes (Le360); … Données au 2024. Publié par …, « … », https://…`
pub fn citation(lx: &LangCtx, sources: &[&Source], as_of: Option<ObsDate>, url: &str) -> String {
    let (lang, ui, f, config) = (lx.lang, lx.ui, lx.f, lx.config);
    let names: Vec<String> = sources
        .iter()
        .map(|s| match &s.via {
            Some(via) => format!("{} ({via})", s.publisher.get(lang)),
            None => s.publisher.get(lang).clone(),
        })
        .fold(Vec::new(), |mut acc, n| {
            if !acc.contains(&n) {
                acc.push(n);
            }
            acc
        });
    ui.citation
        .replace("{sources}", &names.join(&ui.list_separator))
        .replace("{as_of}", &as_of.map(|d| f.date(d)).unwrap_or_default())
        .replace("{publisher}", config.publisher.get(lang))
        .replace("{site}", config.title.get(lang))
        .replace("{url}", url)
}
