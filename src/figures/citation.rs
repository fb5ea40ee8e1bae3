//! The citation line of a figure: its sources, as-of date, publisher and address, in the
//! page's language, from the `citation` pattern of the translation table.

use crate::context::LangCtx;
use crate::data::{ObsDate, Source};
use crate::locale::Lang;
use std::borrow::Cow;

/// `Source : Cour des comptes (Le360); … Données au 2024. Publié par …, « … », https://…`
pub fn citation(lx: &LangCtx, sources: &[&Source], as_of: Option<ObsDate>, url: &str) -> String {
    let (lang, ui, f, config) = (lx.lang, lx.ui, lx.f, lx.config);
    let names: Vec<String> =
        sources
            .iter()
            .map(|s| lx.publisher_and_relay(s))
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

/// The two citations of a chart, as OWID gives them: a short one for a caption
/// ("CNSS et gouvernement, via L’AMO en chiffres, juillet 2025") and a full one (every
/// document, the page's address, a place for the reader's access date).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citations {
    pub short: String,
    pub full: String,
}

/// The citations of a chart titled `title`, drawn from `sources`, shown at `url`.
pub fn chart_citations(
    lx: &LangCtx,
    title: &str,
    sources: &[&Source],
    as_of: Option<ObsDate>,
    url: &str,
) -> Citations {
    let (lang, ui, f, config) = (lx.lang, lx.ui, lx.f, lx.config);
    let as_of = as_of.map(|d| f.date(d)).unwrap_or_default();
    let publishers = super::source_line::publishers(lang, sources);
    let short = ui
        .citation_short
        .replace(
            "{publishers}",
            &super::source_line::join_and(lx, &publishers),
        )
        .replace("{site}", config.title.get(lang))
        .replace("{as_of}", &as_of);
    let (open, close) = if lang.is_rtl() {
        ("«", "»")
    } else {
        ("«\u{a0}", "\u{a0}»")
    };
    let comma = &ui.comma;
    // A relayed document names its relay: the title is often the relay's headline.
    let documents: Vec<String> = sources
        .iter()
        .map(|s| {
            format!(
                "{}{comma}{open}{}{close} ({})",
                lx.publisher_and_relay(s),
                nested_quotes(lang, s.title.get(lang)),
                f.date(s.published)
            )
        })
        .collect();
    let full = ui
        .citation_full
        .replace("{publisher}", config.publisher.get(lang))
        .replace("{title}", title)
        .replace("{site}", config.title.get(lang))
        .replace("{as_of}", &as_of)
        .replace("{documents}", &documents.join(&ui.list_separator))
        .replace("{url}", url);
    Citations { short, full }
}

/// A title inside French « »: its own « » become “ ”, as French nests quotations, with
/// the spaces inside them dropped.
fn nested_quotes(lang: Lang, title: &str) -> Cow<'_, str> {
    if lang.is_rtl() || !title.contains(['«', '»']) {
        return Cow::Borrowed(title);
    }
    let mut t = title.to_string();
    for space in [" ", "\u{a0}", "\u{202f}"] {
        t = t
            .replace(&format!("«{space}"), "«")
            .replace(&format!("{space}»"), "»");
    }
    Cow::Owned(t.replace('«', "“").replace('»', "”"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::source_line::tests::{source, with};
    use crate::locale::Lang;

    #[test]
    fn short_and_full_citations() {
        let cnss = source("a", "CNSS", "الصندوق");
        let gov = source("b", "gouvernement", "الحكومة");
        with(Lang::Fr, |lx| {
            let c = chart_citations(
                &lx,
                "Titre",
                &[&cnss, &gov],
                Some(ObsDate::Month(2025, 7)),
                "https://x/",
            );
            assert!(
                c.short.starts_with("CNSS et gouvernement, via "),
                "{}",
                c.short
            );
            assert!(c.short.ends_with(", juillet 2025"), "{}", c.short);
            assert!(c.full.contains("«\u{a0}Titre\u{a0}»"), "{}", c.full);
            assert!(c.full.contains("CNSS, «\u{a0}Document a\u{a0}» (2025) ; gouvernement, «\u{a0}Document b\u{a0}» (2025)"), "{}", c.full);
            assert!(c.full.contains("https://x/"));
        });
        assert_eq!(
            nested_quotes(Lang::Fr, "AMO : « nous sommes dans les délais »"),
            "AMO : “nous sommes dans les délais”"
        );
        assert_eq!(nested_quotes(Lang::Ar, "«أ»"), "«أ»");
        with(Lang::Ar, |lx| {
            let c = chart_citations(&lx, "عنوان", &[&cnss, &gov], None, "https://x/");
            assert!(c.short.starts_with("الصندوق والحكومة، عبر "), "{}", c.short);
            // Each document's publisher and title are apart by an Arabic comma, not a Latin one.
            assert!(c.full.contains("الصندوق، «"), "{}", c.full);
            assert!(!c.full.contains(','), "{}", c.full);
        });
    }
}
