//! Checks `data/guide.yaml` and builds the [`Guide`]: ids valid and distinct, the first
//! question and every answer's `next:` naming something that exists, each outcome naming
//! an existing regime or saying why none applies, every statement's source known, no text
//! empty; then the rules on the whole tree ([`super::graph`]). Every problem is reported,
//! with its line and column.

use super::graph::{Edge, Graph, Problem};
use super::raw::{RawAnswer, RawGuide, RawOutcome, RawQuestion, RawStatement};
use super::{Answer, GUIDE_FILE, Guide, Next, Outcome, Question, Statement, Verdict};
use crate::data::model::Dataset;
use crate::diagnostics::{Diagnostic, Diagnostics, Position};
use crate::foundation::yaml::position_of;
use crate::foundation::{Localized, RegimeId, SourceId, is_valid_id};
use serde_saphyr::Spanned;
use std::collections::BTreeMap;
use std::path::Path;

/// Checks the parsed guide against the dataset (regimes, sources). `None` when any rule is
/// broken (every problem is in `diags`).
pub(crate) fn validate(raw: RawGuide, ds: &Dataset, diags: &mut Diagnostics) -> Option<Guide> {
    let mut problems = Vec::new();
    let mut duplicates = Vec::new();
    let ids = node_ids(&raw, &mut problems, &mut duplicates);
    empty_texts(&raw, &mut problems);
    let start = start(&raw.start, &ids, &mut problems);
    let edges: Vec<Vec<Edge>> = raw
        .questions
        .iter()
        .map(|q| answers(q, &ids, &mut problems))
        .collect();
    let outcomes: Vec<Option<Outcome>> = raw
        .outcomes
        .iter()
        .map(|o| outcome(o, ds, &mut problems))
        .collect();
    let graph = Graph {
        edges,
        question_ids: raw.questions.iter().map(|q| spot(&q.id)).collect(),
        outcome_ids: raw.outcomes.iter().map(|o| spot(&o.id)).collect(),
    };
    let written: Vec<usize> = raw.questions.iter().map(|q| q.answers.len()).collect();
    problems.extend(graph.dead_ends(&written));
    problems.extend(graph.cycles());
    if let Some(s) = start {
        problems.extend(graph.unreachable(s));
    }
    let file = Path::new(GUIDE_FILE);
    let ok = problems.is_empty() && duplicates.is_empty();
    for (at, message, hint) in problems {
        diags.error(file, at, message, hint);
    }
    for d in duplicates {
        diags.push(d);
    }
    let (start, outcomes) = (
        start.filter(|_| ok)?,
        outcomes.into_iter().collect::<Option<Vec<_>>>()?,
    );
    let steps = graph.steps(start);
    let edges = graph.edges;
    let intro_at = position_of(&raw.intro);
    let questions = raw
        .questions
        .into_iter()
        .zip(edges)
        .zip(steps)
        .map(|((q, edges), step)| question(q, edges, step))
        .collect();
    Some(Guide {
        intro: raw.intro.value,
        intro_at,
        start,
        questions,
        outcomes,
    })
}

fn spot(id: &Spanned<String>) -> (&str, Option<Position>) {
    (id.value.as_str(), position_of(id))
}

/// Every id, valid and used once across questions and outcomes (the first use wins; a
/// second use goes to `duplicates`, pointing at the first).
fn node_ids(
    raw: &RawGuide,
    problems: &mut Vec<Problem>,
    duplicates: &mut Vec<Diagnostic>,
) -> BTreeMap<String, (Next, Option<Position>)> {
    let questions = raw
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| (&q.id, Next::Question(i)));
    let outcomes = raw
        .outcomes
        .iter()
        .enumerate()
        .map(|(i, o)| (&o.id, Next::Outcome(i)));
    let mut ids: BTreeMap<String, (Next, Option<Position>)> = BTreeMap::new();
    for (id, node) in questions.chain(outcomes) {
        let at = position_of(id);
        if !is_valid_id(&id.value) {
            problems.push((
                at,
                format!("invalid id `{}`", id.value),
                "ids are lowercase ASCII letters, digits and hyphens (they are the pages' addresses), e.g. `civil-servant`".into(),
            ));
        }
        if let Some(&(_, first)) = ids.get(&id.value) {
            let file = Path::new(GUIDE_FILE);
            duplicates.push(
                Diagnostic::new(file, at, format!("the id `{}` is used twice", id.value))
                    .with_label(file, first, "first used here")
                    .with_hint("questions and outcomes share one list of ids: give each its own"),
            );
        } else {
            ids.insert(id.value.clone(), (node, at));
        }
    }
    ids
}

/// The first question, which must be a question.
fn start(
    start: &Spanned<String>,
    ids: &BTreeMap<String, (Next, Option<Position>)>,
    problems: &mut Vec<Problem>,
) -> Option<usize> {
    match ids.get(&start.value) {
        Some((Next::Question(i), _)) => Some(*i),
        Some((Next::Outcome(_), _)) => {
            problems.push((
                position_of(start),
                format!("the guide starts at `{}`, an outcome", start.value),
                "`start:` names the first question".into(),
            ));
            None
        }
        None => {
            problems.push((
                position_of(start),
                format!(
                    "`start:` names `{}`, which is not a question of the guide",
                    start.value
                ),
                format!("use one of the question ids: {}", question_list(ids)),
            ));
            None
        }
    }
}

fn question_list(ids: &BTreeMap<String, (Next, Option<Position>)>) -> String {
    let names: Vec<&str> = ids
        .iter()
        .filter(|(_, (n, _))| matches!(n, Next::Question(_)))
        .map(|(k, _)| k.as_str())
        .collect();
    names.join(", ")
}

/// The answers of a question that lead somewhere; the others are reported.
fn answers(
    q: &RawQuestion,
    ids: &BTreeMap<String, (Next, Option<Position>)>,
    problems: &mut Vec<Problem>,
) -> Vec<Edge> {
    if q.answers.len() == 1 {
        problems.push((
            position_of(&q.id),
            format!(
                "the question `{}` has a single answer: it asks nothing",
                q.id.value
            ),
            "give it at least two answers, or send the previous answer straight to the next step"
                .into(),
        ));
    }
    let mut edges = Vec::new();
    for RawAnswer { next, .. } in &q.answers {
        match ids.get(&next.value) {
            Some((to, _)) => edges.push(Edge {
                to: *to,
                at: position_of(next),
            }),
            None => {
                let known: Vec<&str> = ids.keys().map(String::as_str).collect();
                problems.push((
                    position_of(next),
                    format!("this answer leads to `{}`, which is neither a question nor an outcome of the guide", next.value),
                    format!("use one of: {}", known.join(", ")),
                ));
            }
        }
    }
    edges
}

/// An outcome: its verdict (a known regime, or why none applies) and its statements.
fn outcome(o: &RawOutcome, ds: &Dataset, problems: &mut Vec<Problem>) -> Option<Outcome> {
    let at = position_of(&o.id);
    let pays = statements(&o.pays, ds, problems);
    let steps = statements(&o.steps, ds, problems);
    let verdict = match (&o.regime, &o.no_regime) {
        (Some(r), None) => {
            if ds.regime(&r.value).is_none() && !ds.unavailable.regimes {
                let known: Vec<&str> = ds.regimes.iter().map(|r| r.id.as_str()).collect();
                problems.push((
                    position_of(r),
                    format!("unknown regime `{}`", r.value),
                    format!("use one of the ids in data/regimes.yaml ({}), or write `no_regime:` saying why none applies", known.join(", ")),
                ));
            }
            if o.pays.is_empty() {
                problems.push((
                    position_of(r),
                    format!(
                        "the outcome `{}` names a regime but not who pays",
                        o.id.value
                    ),
                    "add `pays:` with at least one sourced statement".into(),
                ));
            }
            Some(Verdict::Regime(RegimeId::new(r.value.clone())))
        }
        (None, Some(why)) if why.value.is_empty() => {
            problems.push((
                position_of(why),
                format!(
                    "the outcome `{}` says no regime applies but not why",
                    o.id.value
                ),
                "write at least one sourced statement under `no_regime:`".into(),
            ));
            None
        }
        (None, Some(why)) => Some(Verdict::NoRegime(statements(&why.value, ds, problems))),
        (Some(r), Some(_)) => {
            problems.push((
                position_of(r),
                format!(
                    "the outcome `{}` both names a regime and says none applies",
                    o.id.value
                ),
                "keep `regime:` or `no_regime:`, not both".into(),
            ));
            None
        }
        (None, None) => {
            problems.push((
                at,
                format!(
                    "the outcome `{}` names no regime and does not say why none applies",
                    o.id.value
                ),
                "add `regime:` with an id of data/regimes.yaml, or `no_regime:` with the reason"
                    .into(),
            ));
            None
        }
    };
    Some(Outcome {
        id: o.id.value.clone(),
        title: o.title.value.clone(),
        summary: o.summary.value.clone(),
        verdict: verdict?,
        pays,
        steps,
        silent: o.silent.iter().map(|s| s.value.clone()).collect(),
        at: position_of(&o.title),
    })
}

fn statements(list: &[RawStatement], ds: &Dataset, problems: &mut Vec<Problem>) -> Vec<Statement> {
    list.iter().map(|s| statement(s, ds, problems)).collect()
}

fn statement(s: &RawStatement, ds: &Dataset, problems: &mut Vec<Problem>) -> Statement {
    if let Some(src) = &s.source
        && !ds.sources.contains_key(src.value.as_str())
        && !ds.unavailable.sources
    {
        problems.push((
            position_of(src),
            format!("unknown source `{}`", src.value),
            "add the source to data/sources.yaml or use the id of an existing one".into(),
        ));
    }
    Statement {
        text: s.text.map(|_, t| t.value.clone()),
        at: s.text.map(|_, t| position_of(t)),
        source: s
            .source
            .as_ref()
            .map(|src| SourceId::new(src.value.clone())),
    }
}

fn question(q: RawQuestion, edges: Vec<Edge>, step: super::Step) -> Question {
    let labels = q.answers.into_iter().map(|a| a.label.value);
    Question {
        at: position_of(&q.text),
        help_at: q.help.as_ref().and_then(position_of),
        id: q.id.value,
        text: q.text.value,
        help: q.help.map(|h| h.value),
        answers: labels
            .zip(edges)
            .map(|(label, e)| Answer { label, next: e.to })
            .collect(),
        step,
    }
}

/// Every text of the file written in both languages and not blank.
fn empty_texts(raw: &RawGuide, problems: &mut Vec<Problem>) {
    let mut texts: Vec<(&Localized<String>, Option<Position>, &str)> =
        vec![(&raw.intro.value, position_of(&raw.intro), "intro")];
    for q in &raw.questions {
        texts.push((&q.text.value, position_of(&q.text), "question"));
        if let Some(h) = &q.help {
            texts.push((&h.value, position_of(h), "help"));
        }
        for a in &q.answers {
            texts.push((&a.label.value, position_of(&a.label), "answer"));
        }
    }
    for o in &raw.outcomes {
        texts.push((&o.title.value, position_of(&o.title), "title"));
        texts.push((&o.summary.value, position_of(&o.summary), "summary"));
        for s in &o.silent {
            texts.push((
                &s.value,
                position_of(s),
                "note on what the sources do not say",
            ));
        }
    }
    for (text, at, what) in texts {
        for (lang, t) in [("ar", &text.ar), ("fr", &text.fr)] {
            if t.trim().is_empty() {
                problems.push((
                    at,
                    format!("the {lang} {what} is empty"),
                    format!("write the {what} in {lang}"),
                ));
            }
        }
    }
    let statements = raw.outcomes.iter().flat_map(|o| {
        let why = o.no_regime.iter().flat_map(|w| w.value.iter());
        o.pays.iter().chain(&o.steps).chain(why)
    });
    for s in statements {
        for (lang, t) in [("ar", &s.text.ar), ("fr", &s.text.fr)] {
            if t.value.trim().is_empty() {
                problems.push((
                    position_of(t),
                    format!("the {lang} statement is empty"),
                    format!("write the statement in {lang}"),
                ));
            }
        }
    }
}
