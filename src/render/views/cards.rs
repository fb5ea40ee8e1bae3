//! Figure cards (headline figures on the home page, key figures of a regime), the regime
//! cards of the home page and a regime's fact box, built from the data.

use crate::context::LangCtx;
use crate::data::{Indicator, Observation};
use crate::html::Markup;
use crate::site::Site;
use crate::urls;

/// A figure shown as a card: headline figures on the home page, key figures of a regime.
pub struct FigureCard {
    pub title: Markup,
    pub value: String,
    pub raw: String,
    pub date: String,
    pub iso: String,
    pub source_name: Markup,
    pub source_href: String,
    pub definition_href: String,
    /// The earliest value of the same series, for the trend: `contre 26,84 millions en 2022`.
    pub trend: Option<String>,
    /// A decorative trend line (the trend is also said in words).
    pub spark: Option<Markup>,
    /// Other sources' values for the same date (two relays of one report disagree): the
    /// card shows them all, each with its source, rather than silently keeping one.
    pub others: Vec<CardValue>,
}

/// One more value on a card, with the source that gives it.
pub struct CardValue {
    pub value: String,
    pub raw: String,
    pub source_name: Markup,
    pub source_href: String,
}

/// A regime on the home page: its short name, linked to its explainer, and who it covers.
pub struct RegimeCard {
    pub short: Markup,
    pub covers: Markup,
    pub href: Option<String>,
}

/// A regime's fact box on its explainer.
pub struct RegimeFacts {
    pub name: Markup,
    pub manager: Markup,
    pub legal_basis: Markup,
    pub covers: Markup,
    pub pays: Markup,
}

impl RegimeFacts {
    pub(super) fn of(lx: &LangCtx, r: &crate::data::Regime) -> Self {
        let t = |s: &crate::locale::Localized<String>| Markup::text(lx.lang, s.get(lx.lang));
        RegimeFacts {
            name: t(&r.name),
            manager: t(&r.manager),
            legal_basis: t(&r.legal_basis),
            covers: t(&r.covers),
            pays: t(&r.pays),
        }
    }
}

/// The cards of a regime's indicators.
pub(super) fn key_figures(lx: &LangCtx, regime: &str) -> Vec<FigureCard> {
    lx.data
        .indicators_of_regime(regime)
        .filter_map(|i| card(lx, &i.id))
        .collect()
}

pub(super) fn card(lx: &LangCtx, id: &str) -> Option<FigureCard> {
    let (data, f, ui) = (lx.data, lx.f, lx.ui);
    let ind: &Indicator = data.indicators.get(id)?;
    let o: &Observation = data.latest(id)?;
    let src = data.sources.get(&o.source)?;
    let lang = lx.lang;
    let others: Vec<CardValue> = data
        .at(id, o.date, None)
        .into_iter()
        .filter(|p| p.source != o.source)
        .map(|p| CardValue {
            value: lx.amount(p.qualifier, p.value, ind),
            raw: format!("{}", p.value),
            source_name: Markup::text(lang, &publisher_and_relay(lx, &p.source)),
            source_href: urls::source(lang, &p.source),
        })
        .collect();
    Some(FigureCard {
        title: Markup::text(lang, ind.title.get(lang)),
        value: lx.amount(o.qualifier, o.value, ind),
        raw: format!("{}", o.value),
        date: f.date(o.date),
        iso: o.date.iso(),
        source_name: Markup::text(
            lang,
            &match others.is_empty() {
                true => src.publisher.get(lang).clone(),
                false => publisher_and_relay(lx, &o.source),
            },
        ),
        source_href: urls::source(lang, &o.source),
        definition_href: format!("{}#{}", urls::data_page(lang), urls::indicator_anchor(id)),
        trend: ind
            .observations
            .first()
            .filter(|p| comparable(p, o))
            .map(|p| {
                ui.trend_since
                    .replace("{value}", &lx.amount(p.qualifier, p.value, ind))
                    .replace("{date}", &lx.date_phrase(p.date))
            }),
        spark: crate::figures::sparkline(&ind.observations).map(Markup::trusted),
        others,
    })
}

/// The publisher and relay of source `id` ([`LangCtx::publisher_and_relay`]): what tells
/// two relays of one report apart on a card and in the data page's list of series.
pub(super) fn publisher_and_relay(lx: &LangCtx, id: &str) -> String {
    match lx.data.sources.get(id) {
        Some(s) => lx.publisher_and_relay(s),
        None => id.to_string(),
    }
}

/// Whether a card may set `earlier` against `latest`: an earlier date, a different value,
/// and the same kind of figure (a target or forecast is never compared with a count).
fn comparable(earlier: &Observation, latest: &Observation) -> bool {
    let is_target = |o: &Observation| o.qualifier == crate::data::Qualifier::Target;
    earlier.date < latest.date
        && earlier.value != latest.value
        && is_target(earlier) == is_target(latest)
}

pub(super) fn regime_cards(lx: &LangCtx, site: &Site) -> Vec<RegimeCard> {
    let lang = lx.lang;
    lx.data
        .regimes
        .iter()
        .map(|r| RegimeCard {
            short: Markup::text(lang, r.short.get(lang)),
            covers: Markup::text(lang, r.covers.get(lang)),
            href: site
                .regime_page(&r.id)
                .map(|p| urls::page(lang, &p.slug_path)),
        })
        .collect()
}
