//! Checks the raw YAML and builds the [`Dataset`], reporting every problem it finds.

use super::model::*;
use super::raw::*;
use super::read::{CHARTS_FILE, GuideInput, REGIMES_FILE, RawData, SOURCES_FILE};
use crate::diagnostics::{Diagnostic, Diagnostics, Position};
use crate::foundation::Localized;
use crate::foundation::yaml::position_of;
use crate::foundation::{ChartId, IndicatorId, ObsDate, RegimeId, SourceId, is_valid_id};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const ID_HINT: &str =
    "ids use lowercase ASCII letters, digits and hyphens, e.g. `tadamon-beneficiaries`";

struct Ctx<'d> {
    diags: &'d mut Diagnostics,
}

impl Ctx<'_> {
    fn err(
        &mut self,
        file: &Path,
        pos: Option<Position>,
        msg: impl Into<String>,
        hint: impl Into<String>,
    ) {
        self.diags.error(file, pos, msg, hint);
    }

    /// A problem that also points at where the same id was first defined.
    fn duplicate(
        &mut self,
        at: (&Path, Option<Position>),
        first: (&Path, Option<Position>),
        msg: String,
        hint: &str,
    ) {
        let d = Diagnostic::new(at.0, at.1, msg)
            .with_label(first.0, first.1, "first defined here")
            .with_hint(hint);
        self.diags.push(d);
    }

    /// Reads and parses one YAML file; `None` (with a diagnostic) if it cannot.
    fn check_id(&mut self, file: &Path, id: &Spanned<String>, what: &str) {
        if !is_valid_id(&id.value) {
            self.err(
                file,
                position_of(id),
                format!("invalid {what} id `{}`", id.value),
                ID_HINT,
            );
        }
    }

    fn check_text(
        &mut self,
        file: &Path,
        pos: Option<Position>,
        text: &Localized<String>,
        what: &str,
    ) {
        for (lang, t) in [("ar", &text.ar), ("fr", &text.fr)] {
            if t.trim().is_empty() {
                self.err(
                    file,
                    pos,
                    format!("the {lang} {what} is empty"),
                    format!("write the {what} in {lang}"),
                );
            }
        }
    }

    fn date(&mut self, file: &Path, raw: &Spanned<crate::foundation::RawDate>) -> Option<ObsDate> {
        match ObsDate::parse(&raw.value.0) {
            Ok(d) => Some(d),
            Err(msg) => {
                self.err(
                    file,
                    position_of(raw),
                    format!("bad date: {msg}"),
                    "write a date as YYYY, YYYY-MM or YYYY-MM-DD",
                );
                None
            }
        }
    }
}

/// Checks the parsed files and builds the dataset. Files that could not be parsed were
/// reported by [`super::read::read_all`]; what they define is marked unavailable, so that
/// references to it are not reported a second time.
pub(super) fn validate(raw: RawData, diags: &mut Diagnostics) -> Dataset {
    let mut cx = Ctx { diags };
    let mut ds = Dataset::default();
    let sources_file = PathBuf::from(SOURCES_FILE);
    match raw.sources {
        Some(raw) => ds.sources = sources(&mut cx, &sources_file, raw),
        None => ds.unavailable.sources = true,
    }
    let regimes_file = PathBuf::from(REGIMES_FILE);
    match raw.regimes {
        Some(raw) => ds.regimes = regimes(&mut cx, &regimes_file, raw),
        None => ds.unavailable.regimes = true,
    }
    for (rel, parsed) in raw.indicators {
        let Some(parsed) = parsed else {
            let stem = rel.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
            ds.unavailable.indicators.insert(stem.to_string());
            continue;
        };
        // Every observation names a source: without sources.yaml none can be checked or
        // shown, so the indicator is unavailable (its other problems are still reported).
        let needs_sources = ds.unavailable.sources && !parsed.observations.is_empty();
        let written = parsed.observations.len();
        let Some(ind) = indicator(&mut cx, &rel, parsed, &ds) else {
            continue;
        };
        // An observation left out was reported: directives and charts that would have
        // shown it are not told the indicator has no such observation.
        if ind.observations.len() < written {
            ds.unavailable
                .incomplete
                .insert(ind.id.as_str().to_string());
        }
        if needs_sources {
            let stem = rel.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
            ds.unavailable.indicators.insert(stem.to_string());
            ds.unavailable
                .indicators
                .insert(ind.id.as_str().to_string());
            continue;
        }
        if let Some(prev) = ds.indicators.get(&ind.id) {
            let msg = format!("indicator id `{}` is already used by another file", ind.id);
            cx.duplicate(
                (&rel, None),
                (&prev.file, None),
                msg,
                "give each indicator its own id",
            );
        } else {
            ds.indicators.insert(ind.id.clone(), ind);
        }
    }
    ds.unavailable.some_indicators = raw.incomplete_indicators;
    let charts_file = PathBuf::from(CHARTS_FILE);
    match raw.charts {
        Some(raw) => {
            let (charts, unavailable) = charts(&mut cx, &charts_file, raw, &ds);
            ds.charts = charts;
            ds.unavailable.chart_ids = unavailable;
        }
        None => ds.unavailable.charts = true,
    }
    match raw.guide {
        GuideInput::Parsed(g) => ds.guide = super::guide::validate(*g, &ds, cx.diags),
        GuideInput::Broken => ds.unavailable.guide = true,
        GuideInput::Absent => {}
    }
    ds
}

fn sources(cx: &mut Ctx, file: &Path, raw: RawSources) -> BTreeMap<SourceId, Source> {
    let mut out = BTreeMap::new();
    for (id, s) in raw {
        let pos = position_of(&s);
        let s = s.value;
        if !is_valid_id(&id) {
            cx.err(file, pos, format!("invalid source id `{id}`"), ID_HINT);
        }
        cx.check_text(file, pos, &s.title, "title");
        cx.check_text(file, pos, &s.publisher, "publisher");
        let published = cx.date(file, &s.published);
        if let Some(url) = &s.url
            && let Err(why) = crate::foundation::url_policy::check_absolute_web(&url.value)
        {
            cx.err(
                file,
                position_of(url),
                format!("source `{id}`: {why}"),
                "write the full address, starting with https://, with spaces and quotes percent-encoded",
            );
        }
        if let Some(published) = published {
            let id = SourceId::new(id);
            out.insert(
                id.clone(),
                Source {
                    id,
                    publisher: s.publisher,
                    title: s.title,
                    via: s.via,
                    published,
                    url: s.url.map(|u| u.value),
                    kind: s.kind,
                },
            );
        }
    }
    out
}

fn regimes(cx: &mut Ctx, file: &Path, raw: Vec<RawRegime>) -> Vec<Regime> {
    let mut seen = BTreeMap::new();
    let mut out = Vec::new();
    for r in raw {
        cx.check_id(file, &r.id, "regime");
        cx.check_id(file, &r.page, "page");
        if let Some(first) = seen.insert(r.id.value.clone(), position_of(&r.id)) {
            seen.insert(r.id.value.clone(), first);
            cx.duplicate(
                (file, position_of(&r.id)),
                (file, first),
                format!("regime `{}` is defined twice", r.id.value),
                "remove one of the two entries",
            );
            continue;
        }
        out.push(Regime {
            id: RegimeId::new(r.id.value),
            page: r.page.value,
            short: r.short,
            name: r.name,
            manager: r.manager,
            legal_basis: r.legal_basis,
            covers: r.covers,
            pays: r.pays,
        });
    }
    out
}

fn indicator(cx: &mut Ctx, file: &Path, raw: RawIndicator, ds: &Dataset) -> Option<Indicator> {
    cx.check_id(file, &raw.id, "indicator");
    let stem = file
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    if raw.id.value != stem {
        cx.err(
            file,
            position_of(&raw.id),
            format!(
                "indicator id `{}` does not match its file name `{stem}`",
                raw.id.value
            ),
            format!(
                "rename the file to `{}.yaml` or set `id: {stem}`",
                raw.id.value
            ),
        );
    }
    let id_pos = position_of(&raw.id);
    cx.check_text(file, id_pos, &raw.title, "title");
    cx.check_text(file, id_pos, &raw.definition, "definition");
    if let Some(regime) = &raw.regime
        && ds.regime(&regime.value).is_none()
        && !ds.unavailable.regimes
    {
        let known: Vec<&str> = ds.regimes.iter().map(|r| r.id.as_str()).collect();
        cx.err(
            file,
            position_of(regime),
            format!("unknown regime `{}`", regime.value),
            format!(
                "use one of the ids in data/regimes.yaml: {}",
                known.join(", ")
            ),
        );
    }
    if raw.observations.is_empty() {
        cx.err(
            file,
            id_pos,
            format!("indicator `{}` has no observations", raw.id.value),
            "add at least one observation with its date, value and source",
        );
    }
    let mut observations = Vec::new();
    let mut seen: BTreeMap<(ObsDate, String), Option<Position>> = BTreeMap::new();
    for o in raw.observations {
        if let Some(obs) = observation(cx, file, o, raw.unit, ds, &mut seen) {
            observations.push(obs);
        }
    }
    observations.sort_by(|a, b| (a.date, &a.source).cmp(&(b.date, &b.source)));
    Some(Indicator {
        id: IndicatorId::new(raw.id.value),
        regime: raw.regime.map(|r| RegimeId::new(r.value)),
        title: raw.title,
        definition: raw.definition,
        unit: raw.unit,
        noun: raw.noun.map(|n| (n.value.clone(), position_of(&n))),
        observations,
        file: file.to_path_buf(),
    })
}

fn observation(
    cx: &mut Ctx,
    file: &Path,
    o: RawObservation,
    unit: Unit,
    ds: &Dataset,
    seen: &mut BTreeMap<(ObsDate, String), Option<Position>>,
) -> Option<Observation> {
    let date = cx.date(file, &o.date);
    let value = o.value.value;
    let vpos = position_of(&o.value);
    let mut ok = date.is_some();
    if !value.is_finite() {
        cx.err(
            file,
            vpos,
            format!("the value `{value}` is not a finite number"),
            "write the figure as a plain number, e.g. 24700000",
        );
        ok = false;
    } else if value < 0.0 {
        cx.err(
            file,
            vpos,
            format!("the value {value} is negative"),
            "counts, amounts and rates are 0 or more: check the sign",
        );
        ok = false;
    } else if unit == Unit::Percent && value > 100.0 {
        cx.err(
            file,
            vpos,
            format!("the percentage {value} is over 100"),
            "write percentages as 0 to 100 (87 for 87 %)",
        );
        ok = false;
    }
    if !ds.sources.contains_key(o.source.value.as_str()) {
        if !ds.unavailable.sources {
            cx.err(
                file,
                position_of(&o.source),
                format!(
                    "unknown source `{}`{}",
                    o.source.value,
                    crate::foundation::did_you_mean(
                        &o.source.value,
                        ds.sources.keys().map(|k| k.as_str())
                    )
                ),
                "add the source to data/sources.yaml or use the id of an existing one",
            );
        }
        ok = false;
    }
    if let Some(d) = date {
        let key = (d, o.source.value.clone());
        if let Some(&first) = seen.get(&key) {
            cx.duplicate(
                (file, position_of(&o.date)),
                (file, first),
                format!("two observations for {} from source `{}`", d.iso(), o.source.value),
                "keep one value per date and source; if the source gives two figures, they belong to two indicators",
            );
            ok = false;
        } else {
            seen.insert(key, position_of(&o.date));
        }
    }
    if let Some(note) = &o.note {
        cx.check_text(file, position_of(&o.date), note, "note");
    }
    ok.then(|| Observation {
        date: date.expect("checked above"),
        value,
        qualifier: o.qualifier,
        source: SourceId::new(o.source.value),
        note: o.note,
    })
}

/// The valid charts, and the ids of those left out because they draw an unavailable indicator.
fn charts(
    cx: &mut Ctx,
    file: &Path,
    raw: Vec<RawChart>,
    ds: &Dataset,
) -> (BTreeMap<ChartId, Chart>, BTreeSet<String>) {
    let mut out = BTreeMap::new();
    let mut unavailable = BTreeSet::new();
    let mut first_at = BTreeMap::new();
    for c in raw {
        cx.check_id(file, &c.id, "chart");
        let cpos = position_of(&c.id);
        if let Some(&first) = first_at.get(c.id.value.as_str()) {
            cx.duplicate(
                (file, cpos),
                (file, first),
                format!("chart `{}` is defined twice", c.id.value),
                "give each chart its own id",
            );
            continue;
        }
        first_at.insert(c.id.value.clone(), cpos);
        if c.series.is_empty() {
            cx.err(
                file,
                cpos,
                format!("chart `{}` has no series", c.id.value),
                "list at least one indicator under `series`",
            );
            continue;
        }
        // A chart that draws an indicator whose file or one of whose observations failed
        // (already reported) is unavailable too: pages that place it are not told it has
        // no data.
        let draws_unavailable = c.series.iter().any(|s| {
            ds.unavailable.indicator(&s.indicator.value)
                || ds.unavailable.incomplete.contains(&s.indicator.value)
        });
        let series: Vec<Series> = c
            .series
            .into_iter()
            .filter_map(|s| series(cx, file, s, ds))
            .collect();
        if draws_unavailable {
            unavailable.insert(c.id.value);
            continue;
        }
        let units: BTreeSet<&str> = series
            .iter()
            .filter_map(|s| ds.indicators.get(&s.indicator))
            .map(|i| i.unit.code())
            .collect();
        if units.len() > 1 {
            let list: Vec<&str> = units.iter().copied().collect();
            cx.err(
                file,
                cpos,
                format!("chart `{}` mixes units ({})", c.id.value, list.join(", ")),
                "draw series of one unit per chart",
            );
        }
        let unit = series
            .first()
            .and_then(|s| ds.indicators.get(&s.indicator))
            .map_or(Unit::Count, |i| i.unit);
        out.insert(
            ChartId::new(c.id.value.clone()),
            Chart {
                id: ChartId::new(c.id.value),
                kind: c.kind,
                title: c.title,
                subtitle: c.subtitle,
                series,
                unit,
            },
        );
    }
    (out, unavailable)
}

/// One series of a chart, checked: its indicator and sources exist, and it draws at least
/// one point and at most one per date.
fn series(cx: &mut Ctx, file: &Path, s: RawSeries, ds: &Dataset) -> Option<Series> {
    let Some(ind) = ds.indicators.get(s.indicator.value.as_str()) else {
        if !ds.unavailable.indicator(&s.indicator.value) {
            cx.err(
                file,
                position_of(&s.indicator),
                format!("unknown indicator `{}`", s.indicator.value),
                "use the id of a file in data/indicators/",
            );
        }
        return None;
    };
    let filter = s.sources.as_ref().map(|list| {
        let mut set = BTreeSet::new();
        for src in list {
            if !ds.sources.contains_key(src.value.as_str()) && !ds.unavailable.sources {
                cx.err(
                    file,
                    position_of(src),
                    format!(
                        "unknown source `{}`{}",
                        src.value,
                        crate::foundation::did_you_mean(
                            &src.value,
                            ds.sources.keys().map(|k| k.as_str())
                        )
                    ),
                    "use an id from data/sources.yaml",
                );
            }
            set.insert(SourceId::new(src.value.clone()));
        }
        set
    });
    let label = s.label.unwrap_or_else(|| {
        ind.regime
            .as_deref()
            .and_then(|r| ds.regime(r))
            .map(|r| r.short.clone())
            .unwrap_or_else(|| ind.title.clone())
    });
    let dates = s
        .dates
        .as_ref()
        .map(|list| list.iter().filter_map(|d| cx.date(file, d)).collect());
    let series = Series {
        indicator: ind.id.clone(),
        label,
        sources: filter,
        dates,
        latest: s.latest,
    };
    check_points(cx, file, position_of(&s.indicator), &series, ds);
    Some(series)
}

fn check_points(cx: &mut Ctx, file: &Path, pos: Option<Position>, series: &Series, ds: &Dataset) {
    let id = &series.indicator;
    let points = ds.series_points(series);
    if points.is_empty() && !ds.unavailable.incomplete.contains(id.as_str()) {
        cx.err(
            file,
            pos,
            format!("series `{id}` has no observation to draw"),
            "check the `sources` filter",
        );
    }
    for w in points.windows(2) {
        if w[0].date == w[1].date {
            cx.err(
                file,
                pos,
                format!(
                    "series `{id}` has two values for {} ({} and {})",
                    w[0].date, w[0].source, w[1].source
                ),
                "pick one source per date with `sources: [...]` on this series",
            );
        }
    }
}
