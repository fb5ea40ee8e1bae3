//! `data/guide.yaml` exactly as written, with the location of every value validation may
//! point at. Nothing here is trusted yet: see [`super::validate`].

use crate::foundation::Localized;
use serde::Deserialize;
use serde_saphyr::Spanned;

/// The whole file: where the guide starts, its questions and its outcomes.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGuide {
    /// A few words shown above the first question.
    pub intro: Spanned<Localized<String>>,
    /// The id of the first question.
    pub start: Spanned<String>,
    pub questions: Vec<RawQuestion>,
    pub outcomes: Vec<RawOutcome>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    pub id: Spanned<String>,
    /// The question itself: the page's title.
    pub text: Spanned<Localized<String>>,
    /// An optional sentence under the question (Markdown).
    #[serde(default)]
    pub help: Option<Spanned<Localized<String>>>,
    pub answers: Vec<RawAnswer>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAnswer {
    pub label: Spanned<Localized<String>>,
    /// The id of the question or outcome this answer leads to.
    pub next: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOutcome {
    pub id: Spanned<String>,
    /// The page's title: the answer in a few words.
    pub title: Spanned<Localized<String>>,
    /// One sentence: shown first, and given to search engines.
    pub summary: Spanned<Localized<String>>,
    /// The regime of `data/regimes.yaml` this outcome leads to…
    #[serde(default)]
    pub regime: Option<Spanned<String>>,
    /// …or why none of them applies (sourced statements).
    #[serde(default)]
    pub no_regime: Option<Spanned<Vec<RawStatement>>>,
    /// Who pays the contribution (required with `regime`).
    #[serde(default)]
    pub pays: Vec<RawStatement>,
    /// What to do next: where to enrol, what the RSU is.
    #[serde(default)]
    pub steps: Vec<RawStatement>,
    /// What the sources do not say (no rule invented to fill the gap).
    #[serde(default)]
    pub silent: Vec<Spanned<Localized<String>>>,
}

/// A sentence of an outcome (Markdown, figure directives allowed) and the source it
/// comes from, cited in the page's notes.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStatement {
    pub text: Localized<Spanned<String>>,
    #[serde(default)]
    pub source: Option<Spanned<String>>,
}
