//! Directives authors write in Markdown to pull figures and charts from the data:
//! `{{ figure tadamon-beneficiaries }}`, `{{ figure amo-registered date=2022 }}`,
//! `{{ chart coverage-growth }}`. A figure is written with its noun
//! (`11,1 millions de bénéficiaires`); `noun=ID` picks another noun of `i18n/nouns.yaml`,
//! `noun=none` the bare number.
//!
//! The syntax has no quotes on purpose: smart punctuation cannot curl what is not there.

use crate::foundation::ObsDate;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DirectiveKind {
    /// An inline figure: the value formatted for the page, with its date and source.
    Figure(FigureRef),
    /// A chart, alone in its paragraph.
    Chart { id: String },
}

/// What a figure directive asks for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FigureRef {
    pub indicator: String,
    pub date: Option<ObsDate>,
    pub source: Option<String>,
    /// `noun=…` as written: a noun id, or `none` for the bare number.
    pub noun: Option<String>,
}

/// A directive found in text, with its byte range in that text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub kind: DirectiveKind,
    pub start: usize,
    pub end: usize,
}

/// A directive that could not be understood, with its byte offset in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectiveError {
    pub offset: usize,
    pub message: String,
    pub hint: String,
}

/// Finds every `{{ … }}` in `text`, in order.
pub fn scan(text: &str) -> Vec<Result<Directive, DirectiveError>> {
    let mut out = Vec::new();
    // Nearly every text has no directive: one byte search says so.
    if memchr::memchr(b'{', text.as_bytes()).is_none() {
        return out;
    }
    let mut from = 0;
    while let Some(rel) = memchr::memmem::find(&text.as_bytes()[from..], b"{{") {
        let start = from + rel;
        let Some(close_rel) = memchr::memmem::find(&text.as_bytes()[start + 2..], b"}}") else {
            out.push(Err(DirectiveError {
                offset: start,
                message: "a directive is opened with `{{` but never closed".into(),
                hint:
                    "close it with `}}` on the same line, e.g. `{{ figure tadamon-beneficiaries }}`"
                        .into(),
            }));
            break;
        };
        let end = start + 2 + close_rel + 2;
        out.push(
            parse(&text[start + 2..end - 2])
                .map(|kind| Directive { kind, start, end })
                .map_err(|(message, hint)| DirectiveError {
                    offset: start,
                    message,
                    hint,
                }),
        );
        from = end;
    }
    out
}

fn parse(inner: &str) -> Result<DirectiveKind, (String, String)> {
    let mut words = inner.split_whitespace();
    let name = words.next().unwrap_or_default();
    let usage = "write `{{ figure INDICATOR }}`, `{{ figure INDICATOR date=YYYY-MM source=SOURCE noun=NOUN }}` or `{{ chart CHART }}`";
    let Some(id) = words.next() else {
        return Err((
            format!("the directive `{{{{{inner}}}}}` names no id"),
            usage.into(),
        ));
    };
    let args: Vec<&str> = words.collect();
    match name {
        "figure" => {
            let mut date = None;
            let mut source = None;
            let mut noun = None;
            for (n, arg) in args.iter().enumerate() {
                if let Some((key, _)) = arg.split_once('=')
                    && args[..n]
                        .iter()
                        .any(|a| a.split_once('=').map(|x| x.0) == Some(key))
                {
                    return Err((
                        format!("the option `{key}=` is given twice in a figure directive"),
                        format!("keep one `{key}=`"),
                    ));
                }
                match arg.split_once('=') {
                    Some(("date", v)) => {
                        date = Some(ObsDate::parse(v).map_err(|m| {
                            (
                                format!("bad date in directive: {m}"),
                                "write date=YYYY, date=YYYY-MM or date=YYYY-MM-DD".to_string(),
                            )
                        })?);
                    }
                    Some(("source", v)) => source = Some(v.to_string()),
                    Some(("noun", v)) if !v.is_empty() => noun = Some(v.to_string()),
                    _ => {
                        return Err((
                            format!("unknown argument `{arg}` in a figure directive"),
                            "a figure takes `date=`, `source=` and `noun=` only (`noun=none` for the bare number)".into(),
                        ));
                    }
                }
            }
            Ok(DirectiveKind::Figure(FigureRef {
                indicator: id.to_string(),
                date,
                source,
                noun,
            }))
        }
        "chart" => {
            if let Some(extra) = args.first() {
                return Err((
                    format!("unexpected `{extra}` in a chart directive"),
                    "write `{{ chart CHART-ID }}`".into(),
                ));
            }
            Ok(DirectiveKind::Chart { id: id.to_string() })
        }
        other => Err((format!("unknown directive `{other}`"), usage.into())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_figures_and_charts() {
        let found = scan("بلغ {{ figure tadamon-beneficiaries }} ثم {{chart coverage-growth}}.");
        assert_eq!(found.len(), 2);
        let first = found[0].as_ref().unwrap();
        assert!(
            matches!(&first.kind, DirectiveKind::Figure(f) if f.indicator == "tadamon-beneficiaries")
        );
        assert!(
            matches!(&found[1].as_ref().unwrap().kind, DirectiveKind::Chart { id } if id == "coverage-growth")
        );
    }

    #[test]
    fn reads_arguments() {
        let found =
            scan("{{ figure amo-registered date=2022 source=cdc-2025-hespress noun=none }}");
        assert_eq!(
            found[0].as_ref().unwrap().kind,
            DirectiveKind::Figure(FigureRef {
                indicator: "amo-registered".into(),
                date: Some(ObsDate::Year(2022)),
                source: Some("cdc-2025-hespress".into()),
                noun: Some("none".into()),
            })
        );
    }

    #[test]
    fn reports_bad_directives() {
        assert!(scan("{{ figure }}")[0].is_err());
        assert!(scan("{{ graph x }}")[0].is_err());
        assert!(scan("{{ figure x date=2023-13 }}")[0].is_err());
        assert!(scan("{{ figure x colour=red }}")[0].is_err());
        assert!(scan("{{ figure x noun= }}")[0].is_err());
        assert!(scan("text {{ figure x")[0].is_err());
        let twice = scan("{{ figure x date=2022 date=2023 }}");
        assert!(twice[0].as_ref().unwrap_err().message.contains("twice"));
        assert!(scan("{{ figure x source=a source=b }}")[0].is_err());
        assert_eq!(scan("no directive { here }").len(), 0);
    }
}
