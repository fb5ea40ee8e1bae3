//! The guide «أي نظام يغطيني؟» / « Quel régime me couvre ? »: `data/guide.yaml` read as
//! written (`raw`), checked (`validate` for ids, references, outcomes and sources; `graph`
//! for the shape of the tree: every path ends at an outcome, no cycle, no unreachable
//! node), and handed on as a [`Guide`] whose answers can only lead somewhere that exists.

mod graph;
mod raw;
mod validate;

#[cfg(test)]
mod tests;

pub use raw::RawGuide;
pub(crate) use validate::validate;

use crate::diagnostics::Position;
use crate::foundation::{Localized, RegimeId, SourceId};

/// The file the guide is read from, relative to the site root.
pub const GUIDE_FILE: &str = "data/guide.yaml";

/// The validated guide: a tree (a graph without cycles) of questions whose answers lead to
/// further questions or to outcomes, every node reachable from the first question.
#[derive(Debug, Clone)]
pub struct Guide {
    /// Shown above the first question.
    pub intro: Localized<String>,
    pub intro_at: Option<Position>,
    /// Index of the first question in [`Guide::questions`].
    pub start: usize,
    pub questions: Vec<Question>,
    pub outcomes: Vec<Outcome>,
}

/// Where an answer leads: an index into [`Guide::questions`] or [`Guide::outcomes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Next {
    Question(usize),
    Outcome(usize),
}

#[derive(Debug, Clone)]
pub struct Question {
    pub id: String,
    pub text: Localized<String>,
    /// A sentence under the question (Markdown).
    pub help: Option<Localized<String>>,
    pub answers: Vec<Answer>,
    /// "Question 2 of 3" for this question.
    pub step: Step,
    /// Where the question's text is written.
    pub at: Option<Position>,
    pub help_at: Option<Position>,
}

#[derive(Debug, Clone)]
pub struct Answer {
    pub label: Localized<String>,
    pub next: Next,
}

/// A question's place on the paths through it: `number` questions asked so far (this one
/// included, on the shortest way here), `total` on the longest path through it; `exact`
/// when every path through it asks `total` questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Step {
    pub number: usize,
    pub total: usize,
    pub exact: bool,
}

#[derive(Debug, Clone)]
pub struct Outcome {
    pub id: String,
    pub title: Localized<String>,
    pub summary: Localized<String>,
    pub verdict: Verdict,
    /// Who pays (always given for a regime).
    pub pays: Vec<Statement>,
    /// What to do next.
    pub steps: Vec<Statement>,
    /// What the sources do not say.
    pub silent: Vec<Localized<String>>,
    /// Where the outcome's title is written.
    pub at: Option<Position>,
}

/// What an outcome tells its reader: a regime of `data/regimes.yaml`, or why none applies.
#[derive(Debug, Clone)]
pub enum Verdict {
    Regime(RegimeId),
    NoRegime(Vec<Statement>),
}

/// One sentence (Markdown, figure directives allowed) and the source it comes from.
#[derive(Debug, Clone)]
pub struct Statement {
    pub text: Localized<String>,
    /// Where each language's text starts in the file (directive errors point there).
    pub at: Localized<Option<Position>>,
    pub source: Option<SourceId>,
}

impl Guide {
    /// The id of the question or outcome `next` names.
    pub fn id(&self, next: Next) -> &str {
        match next {
            Next::Question(i) => &self.questions[i].id,
            Next::Outcome(i) => &self.outcomes[i].id,
        }
    }
}
