//! Turns `{{ figure … }}` and `{{ chart … }}` directives into HTML from the data.

use super::notes::{NoteTexts, Notes};
use crate::content::FigureRef;
use crate::content::markdown::DirectiveResolver;
use crate::context::{Ctx, LangCtx};
use crate::data::{Indicator, ObsDate, Observation};
use crate::figures::Figures;
use crate::html::{Markup, escape};
use crate::locale::Lang;
use crate::locale::{NO_NOUN, Noun};
use askama::Template;

/// A figure in prose: the number (machine-readable in `value`) and its note reference.
#[derive(Template)]
#[template(path = "inline/figure.html", whitespace = "preserve")]
struct FigureSpan {
    raw: f64,
    value: Markup,
    reference: Markup,
}

/// A report's note that the figure has a newer value since.
#[derive(Template)]
#[template(path = "inline/updated-since.html", whitespace = "preserve")]
struct UpdatedSince {
    label: Markup,
}

/// Resolves the directives of one page: from the current data, or for a report from the
/// data known on its `vintage`.
#[derive(Clone, Copy)]
pub struct Resolver<'a> {
    pub ctx: Ctx<'a>,
    pub figures: &'a Figures<'a>,
    /// For a report: only what was published by this day is shown (data vintage).
    pub vintage: Option<ObsDate>,
    /// The notes of the page being rendered: each figure cites its source there.
    pub notes: Option<&'a Notes>,
    /// The notes already made for other pages of this build.
    pub note_texts: &'a NoteTexts,
}

/// The noun a figure is written with: `noun=` if given (`none`: the bare number), else
/// its indicator's. A sum of money always keeps its currency.
fn noun<'n>(
    lx: &LangCtx<'n>,
    ind: &Indicator,
    asked: Option<&str>,
) -> Result<Option<&'n Noun>, Problem> {
    match asked {
        None => Ok(lx.noun_of(ind)),
        Some(NO_NOUN) if ind.unit.is_money() => Err((
            format!("`noun=none` on `{}`, a sum of money", ind.id),
            "an amount always shows its currency: remove `noun=none` (and the word «درهم» / \"dirhams\" after the figure)".into(),
        )),
        Some(NO_NOUN) => Ok(None),
        Some(id) => lx.nouns.get(id).map(Some).ok_or_else(|| {
            let known: Vec<&str> = lx.nouns.by_id.keys().map(String::as_str).collect();
            (
                format!("unknown noun `{id}` in a figure directive"),
                format!("use `noun=none` or a noun of i18n/nouns.yaml: {}", known.join(", ")),
            )
        }),
    }
}

type Problem = (String, String);

impl<'a> Resolver<'a> {
    fn unknown_indicator(&self, id: &str) -> Problem {
        let known = self.ctx.data.indicators.keys().map(|k| k.as_str());
        let close = crate::foundation::closest(id, known, 5);
        let hint = if close.is_empty() {
            "use the id of a file in data/indicators/ (the data page lists them all)".to_string()
        } else {
            format!("did you mean one of: {}?", close.join(", "))
        };
        (
            format!("unknown indicator `{id}` in a figure directive"),
            hint,
        )
    }

    /// The observation a figure directive names, among those known on the vintage.
    fn observation(
        &self,
        ind: &'a Indicator,
        date: Option<ObsDate>,
        source: Option<&str>,
    ) -> Result<&'a Observation, Problem> {
        let data = self.ctx.data;
        let known = |o: &&Observation| data.known_on(o, self.vintage);
        let obs = match (date, source) {
            (None, None) => data.latest_as_of(&ind.id, self.vintage),
            (Some(d), s) => {
                let found: Vec<_> = data.at(&ind.id, d, s).into_iter().filter(known).collect();
                if found.len() > 1 {
                    let ids: Vec<&str> = found.iter().map(|o| o.source.as_str()).collect();
                    return Err((
                        format!("`{}` has {} values for {}", ind.id, found.len(), d.iso()),
                        format!("add source=… to choose one of: {}", ids.join(", ")),
                    ));
                }
                found.into_iter().next()
            }
            (None, Some(s)) => ind
                .observations
                .iter()
                .filter(|o| o.source == s)
                .filter(known)
                .max_by_key(|o| o.date),
        };
        obs.ok_or_else(|| {
            let dates: Vec<String> = ind.observations.iter().map(|o| o.date.iso()).collect();
            let when = self
                .vintage
                .map(|v| format!(" known on {}", v.iso()))
                .unwrap_or_default();
            (
                format!(
                    "`{}` has no observation{when} matching this directive",
                    ind.id
                ),
                format!("its observations are dated {}", dates.join(", ")),
            )
        })
    }

    /// A report keeps its figures as published; newer data is said in the figure's note,
    /// never swapped in.
    fn updated_since(&self, lx: &LangCtx, ind: &Indicator, shown: &Observation) -> Markup {
        let Some(now) = self.ctx.data.latest(&ind.id) else {
            return Markup::default();
        };
        if self.vintage.is_none() || (now.value == shown.value && now.qualifier == shown.qualifier)
        {
            return Markup::default();
        }
        let value = lx.qualified(
            now.qualifier,
            &lx.counted(now.value, ind.unit, lx.noun_of(ind)),
        );
        let label = escape(&lx.ui.updated_since)
            .replace("{value}", &escape(&value))
            .replace("{date}", lx.date_phrase_html(now.date).as_str());
        // Cannot fail: the label is a string.
        Markup::render(&UpdatedSince {
            label: Markup::trusted(label),
        })
        .unwrap_or_default()
    }
}

impl DirectiveResolver for Resolver<'_> {
    fn figure(&self, lang: Lang, fig: &FigureRef) -> Result<String, Problem> {
        let data = self.ctx.data;
        let Some(ind) = data.indicators.get(fig.indicator.as_str()) else {
            if data.unavailable.indicator(&fig.indicator) {
                return Ok(String::new()); // its file's error is already reported
            }
            return Err(self.unknown_indicator(&fig.indicator));
        };
        let obs = match self.observation(ind, fig.date, fig.source.as_deref()) {
            Ok(obs) => obs,
            // The observation it asks for may be the one whose error is already reported.
            Err(_) if data.unavailable.incomplete.contains(ind.id.as_str()) => {
                return Ok(String::new());
            }
            Err(problem) => return Err(problem),
        };
        let Some(src) = data.sources.get(&obs.source) else {
            return Ok(String::new()); // an unknown source is reported by data validation
        };
        let lx = self.ctx.lang(lang);
        let noun = noun(&lx, ind, fig.noun.as_deref())?;
        let updated = if fig.date.is_none() && fig.source.is_none() {
            self.updated_since(&lx, ind, obs)
        } else {
            Markup::default()
        };
        let reference = self
            .notes
            .map(|n| n.cite(self.note_texts, &lx, (ind, obs, src), &updated))
            .unwrap_or_default();
        let span = FigureSpan {
            raw: obs.value,
            value: Markup::escaped(
                &lx.qualified(obs.qualifier, &lx.counted(obs.value, ind.unit, noun)),
            ),
            reference,
        };
        span.render().map_err(|e| {
            (
                format!("the figure `{}` could not be written: {e}", ind.id),
                "report this as a bug in amo-site".to_string(),
            )
        })
    }

    fn chart(&self, lang: Lang, id: &str) -> Result<String, Problem> {
        let data = self.ctx.data;
        if data.unavailable.chart(id) {
            return Ok(String::new()); // charts.yaml's or an indicator's error is already reported
        }
        if let (Some(v), Some(chart)) = (self.vintage, data.charts.get(id)) {
            let lx = self.ctx.lang(lang);
            if crate::data::ChartData::collect(chart, data, Some(v))
                .points()
                .next()
                .is_none()
            {
                return Err((
                    format!(
                        "chart `{id}` has no data published by {}, the date this report shows its figures as of",
                        lx.f.date(v)
                    ),
                    "move the chart to a later report, or remove it: a report shows only what was known on its date".to_string(),
                ));
            }
            return self.figures.vintage_block(&lx, chart, v).map_err(|e| {
                (
                    format!("chart `{id}` could not be drawn: {e}"),
                    "check the chart's series in data/charts.yaml".to_string(),
                )
            });
        }
        self.figures
            .block(id, lang)
            .map(str::to_string)
            .ok_or_else(|| {
                let known: Vec<&str> = data.charts.keys().map(|k| k.as_str()).collect();
                (
                    format!("unknown chart `{id}`"),
                    format!(
                        "use one of the charts of data/charts.yaml: {}",
                        known.join(", ")
                    ),
                )
            })
    }
}
