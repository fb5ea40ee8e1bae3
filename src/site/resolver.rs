//! Turns `{{ figure … }}` and `{{ chart … }}` directives into HTML from the data.

use crate::config::Config;
use crate::content::markdown::DirectiveResolver;
use crate::data::{Dataset, ObsDate};
use crate::figures::Figures;
use crate::html::{escape, text};
use crate::locale::{Formatters, Lang, Localized, UiText};
use crate::urls;

#[derive(Clone, Copy)]
pub struct Resolver<'a> {
    pub config: &'a Config,
    pub data: &'a Dataset,
    pub formatters: &'a Formatters,
    pub ui: &'a Localized<UiText>,
    pub figures: &'a Figures,
    /// For a report: only what was published by this day is shown (data vintage).
    pub vintage: Option<ObsDate>,
}

impl Resolver<'_> {
    fn unknown_indicator(&self, id: &str) -> (String, String) {
        let close: Vec<&str> = self
            .data
            .indicators
            .keys()
            .filter(|k| k.contains(id.split('-').next().unwrap_or(id)))
            .map(String::as_str)
            .take(5)
            .collect();
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
}

impl DirectiveResolver for Resolver<'_> {
    fn figure(
        &self,
        lang: Lang,
        indicator: &str,
        date: Option<ObsDate>,
        source: Option<&str>,
    ) -> Result<String, (String, String)> {
        let Some(ind) = self.data.indicators.get(indicator) else {
            if self.data.unavailable.indicator(indicator) {
                return Ok(String::new()); // its file's error is already reported
            }
            return Err(self.unknown_indicator(indicator));
        };
        let known = |o: &&crate::data::Observation| self.data.known_on(o, self.vintage);
        let obs = match (date, source) {
            (None, None) => self.data.latest_as_of(indicator, self.vintage),
            (Some(d), s) => {
                let found: Vec<_> = self
                    .data
                    .at(indicator, d, s)
                    .into_iter()
                    .filter(known)
                    .collect();
                if found.len() > 1 {
                    let ids: Vec<&str> = found.iter().map(|o| o.source.as_str()).collect();
                    return Err((
                        format!("`{indicator}` has {} values for {}", found.len(), d.iso()),
                        format!("add source=… to choose one of: {}", ids.join(", ")),
                    ));
                }
                found.into_iter().next()
            }
            (None, Some(s)) => self.data.indicators[indicator]
                .observations
                .iter()
                .filter(|o| o.source == s)
                .filter(known)
                .max_by_key(|o| o.date),
        };
        let Some(obs) = obs else {
            let dates: Vec<String> = ind.observations.iter().map(|o| o.date.iso()).collect();
            let when = self
                .vintage
                .map(|v| format!(" known on {}", v.iso()))
                .unwrap_or_default();
            return Err((
                format!("`{indicator}` has no observation{when} matching this directive"),
                format!("its observations are dated {}", dates.join(", ")),
            ));
        };
        let f = self.formatters.get(lang);
        let ui = self.ui.get(lang);
        let Some(src) = self.data.sources.get(&obs.source) else {
            return Ok(String::new()); // an unknown source is reported by data validation
        };
        let comma = if lang.is_rtl() { "، " } else { ", " };
        // A report keeps its figures as published; newer data is pointed to, never swapped in.
        let updated = match (self.vintage, date, source, self.data.latest(indicator)) {
            (Some(_), None, None, Some(now))
                if now.value != obs.value || now.qualifier != obs.qualifier =>
            {
                format!(
                    " <a class=\"updated-since\" href=\"{}\">{}</a>",
                    escape(&format!(
                        "{}#{}",
                        urls::data_page(lang),
                        urls::indicator_anchor(indicator)
                    )),
                    escape(
                        &ui.updated_since
                            .replace(
                                "{value}",
                                &ui.qualified(now.qualifier, &f.value(now.value, ind.unit))
                            )
                            .replace("{date}", &f.date(now.date))
                    )
                )
            }
            _ => String::new(),
        };
        Ok(format!(
            "<span class=\"figure\"><data value=\"{raw}\">{value}</data> <span class=\"figure-source\">(<a href=\"{href}\">{publisher}</a>{comma}<time datetime=\"{iso}\">{date}</time>)</span></span>",
            raw = obs.value,
            value = escape(&ui.qualified(obs.qualifier, &f.value(obs.value, ind.unit))),
            href = escape(&urls::source(lang, &obs.source)),
            publisher = text(lang, src.publisher.get(lang)),
            iso = obs.date.iso(),
            date = escape(&f.date(obs.date)),
        ) + &updated)
    }

    fn chart(&self, lang: Lang, id: &str) -> Result<String, (String, String)> {
        if self.data.unavailable.charts {
            return Ok(String::new()); // charts.yaml's error is already reported
        }
        if let (Some(v), Some(chart)) = (self.vintage, self.data.charts.get(id)) {
            return crate::figures::vintage_block(
                self.config,
                self.data,
                self.formatters.get(lang),
                self.ui.get(lang),
                chart,
                v,
            )
            .map_err(|e| {
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
                let known: Vec<&str> = self.data.charts.keys().map(String::as_str).collect();
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
