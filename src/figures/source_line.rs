//! The one short line under a chart, as OWID and Datawrapper print it: the distinct
//! publishers of its documents, then how many documents ("Source : CNSS, gouvernement,
//! Cour des comptes (12 documents)"). The full list of documents sits in the figure's
//! details; the PNG draws this line.

use crate::context::LangCtx;
use crate::data::Source;
use crate::locale::Lang;

/// The distinct publishers of `sources`, in order of first use (relays are not publishers).
pub fn publishers(lang: Lang, sources: &[&Source]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in sources {
        let name = s.publisher.get(lang);
        if !out.contains(name) {
            out.push(name.clone());
        }
    }
    out
}

/// `A`, `A et B`, `A, B et C` (Arabic: `A والحكومة`, `A، B وC`).
pub fn join_and(lx: &LangCtx, names: &[String]) -> String {
    let comma = if lx.lang.is_rtl() { "، " } else { ", " };
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{}{}{last}", init.join(comma), lx.ui.list_and),
    }
}

/// The short source line of a chart drawn from `sources`.
pub fn source_line(lx: &LangCtx, sources: &[&Source]) -> String {
    let comma = if lx.lang.is_rtl() { "، " } else { ", " };
    lx.ui
        .source_line
        .replace("{publishers}", &publishers(lx.lang, sources).join(comma))
        .replace(
            "{documents}",
            &lx.f.count(&lx.ui.documents_count, sources.len()),
        )
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::config::Config;
    use crate::data::{Dataset, ObsDate, SourceKind};
    use crate::locale::{Formatter, Localized, UiText};

    /// The real translation tables of the repository.
    pub fn tables() -> Localized<UiText> {
        let mut d = crate::diagnostics::Diagnostics::new();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        crate::locale::tables::load(root, &mut d).expect("i18n tables load")
    }

    pub fn with<R>(lang: Lang, f: impl FnOnce(LangCtx) -> R) -> R {
        with_data(lang, &Dataset::default(), f)
    }

    /// A context on the real translation tables and `data`.
    pub fn with_data<R>(lang: Lang, data: &Dataset, f: impl FnOnce(LangCtx) -> R) -> R {
        let (config, formatter, ui) = (Config::placeholder(), Formatter::new(lang), tables());
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let nouns = crate::locale::nouns::load(root, &mut crate::diagnostics::Diagnostics::new())
            .expect("i18n/nouns.yaml loads");
        f(LangCtx {
            lang,
            config: &config,
            data,
            f: &formatter,
            ui: ui.get(lang),
            nouns: nouns.get(lang),
        })
    }

    pub fn source(id: &str, fr: &str, ar: &str) -> Source {
        Source {
            id: crate::data::SourceId::new(id),
            publisher: Localized {
                ar: ar.into(),
                fr: fr.into(),
            },
            title: Localized {
                ar: format!("وثيقة {id}"),
                fr: format!("Document {id}"),
            },
            via: None,
            published: ObsDate::Year(2025),
            url: None,
            kind: SourceKind::Official,
        }
    }

    #[test]
    fn one_two_and_many_publishers() {
        let cnss = source("a", "CNSS", "الصندوق");
        let cnss2 = source("b", "CNSS", "الصندوق");
        let gov = source("c", "gouvernement", "الحكومة");
        let cdc = source("d", "Cour des comptes", "المجلس الأعلى للحسابات");
        with(Lang::Fr, |lx| {
            assert_eq!(
                source_line(&lx, &[&cnss]),
                "Source\u{202f}: CNSS (1 document)"
            );
            assert_eq!(
                source_line(&lx, &[&cnss, &gov, &cnss2]),
                "Source\u{202f}: CNSS, gouvernement (3 documents)"
            );
            let many: Vec<&Source> = vec![
                &cnss, &gov, &cdc, &cnss2, &gov, &cdc, &cnss, &gov, &cdc, &cnss2, &gov, &cdc,
            ];
            assert_eq!(
                source_line(&lx, &many),
                "Source\u{202f}: CNSS, gouvernement, Cour des comptes (12 documents)"
            );
            let names = publishers(Lang::Fr, &[&cnss, &gov, &cdc]);
            assert_eq!(join_and(&lx, &names[..2]), "CNSS et gouvernement");
            assert_eq!(
                join_and(&lx, &names),
                "CNSS, gouvernement et Cour des comptes"
            );
        });
        with(Lang::Ar, |lx| {
            assert_eq!(source_line(&lx, &[&cnss]), "المصدر: الصندوق (وثيقة واحدة)");
            assert_eq!(
                source_line(&lx, &[&cnss, &gov]),
                "المصدر: الصندوق، الحكومة (وثيقتان)"
            );
            let names = publishers(Lang::Ar, &[&cnss, &gov]);
            assert_eq!(join_and(&lx, &names), "الصندوق والحكومة");
        });
    }
}
