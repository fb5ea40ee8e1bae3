//! The shape of the guide: each question's answers as edges, checked for the rules that
//! span the whole tree (a question without answers is a dead end, an answer leading back
//! to an earlier question makes a cycle, a node no path reaches is unreachable), and the
//! "question n of N" of each question once the tree is sound.

use super::{Next, Step};
use crate::diagnostics::Position;

/// One answer: where it leads and where its `next:` is written.
#[derive(Debug, Clone, Copy)]
pub(super) struct Edge {
    pub to: Next,
    pub at: Option<Position>,
}

/// The questions' answers (only those that resolved) and the nodes' ids and positions.
pub(super) struct Graph<'a> {
    pub edges: Vec<Vec<Edge>>,
    pub question_ids: Vec<(&'a str, Option<Position>)>,
    pub outcome_ids: Vec<(&'a str, Option<Position>)>,
}

/// A rule broken: where, what, what to do.
pub(super) type Problem = (Option<Position>, String, String);

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    New,
    OnPath,
    Done,
}

impl Graph<'_> {
    fn name(&self, n: Next) -> &str {
        match n {
            Next::Question(i) => self.question_ids[i].0,
            Next::Outcome(i) => self.outcome_ids[i].0,
        }
    }

    /// Every answer that leads back to a question already asked on the way to it.
    pub fn cycles(&self) -> Vec<Problem> {
        let mut marks = vec![Mark::New; self.edges.len()];
        let mut out = Vec::new();
        for q in 0..self.edges.len() {
            let mut path = Vec::new();
            self.visit(q, &mut marks, &mut path, &mut out);
        }
        out
    }

    fn visit(&self, q: usize, marks: &mut [Mark], path: &mut Vec<usize>, out: &mut Vec<Problem>) {
        if marks[q] != Mark::New {
            return;
        }
        marks[q] = Mark::OnPath;
        path.push(q);
        for e in &self.edges[q] {
            let Next::Question(to) = e.to else { continue };
            match marks[to] {
                Mark::New => self.visit(to, marks, path, out),
                Mark::OnPath => {
                    let from = path.iter().position(|&p| p == to).unwrap_or(0);
                    let mut names: Vec<&str> = path[from..]
                        .iter()
                        .map(|&p| self.question_ids[p].0)
                        .collect();
                    names.push(self.question_ids[to].0);
                    out.push((
                        e.at,
                        format!(
                            "this answer leads back to `{}`, which was asked before it: the path {} never ends",
                            self.question_ids[to].0,
                            names.join(" → ")
                        ),
                        "every path must end at an outcome: point this answer at a later question or at an outcome".into(),
                    ));
                }
                Mark::Done => {}
            }
        }
        path.pop();
        marks[q] = Mark::Done;
    }

    /// Every question without an answer: a path that stops there reaches no outcome.
    pub fn dead_ends(&self, answers_written: &[usize]) -> Vec<Problem> {
        (0..self.edges.len())
            .filter(|&q| answers_written[q] == 0)
            .map(|q| {
                let (id, at) = self.question_ids[q];
                (
                    at,
                    format!("the question `{id}` has no answers: a path that reaches it never ends at an outcome"),
                    "give it at least two answers, each with `next:` naming a question or an outcome".into(),
                )
            })
            .collect()
    }

    /// Every question and outcome that no path from `start` reaches.
    pub fn unreachable(&self, start: usize) -> Vec<Problem> {
        let reached = self.reached(start);
        let questions = (0..self.question_ids.len()).map(Next::Question);
        let outcomes = (0..self.outcome_ids.len()).map(Next::Outcome);
        questions
            .chain(outcomes)
            .filter(|n| !reached.contains(n))
            .map(|n| {
                let at = match n {
                    Next::Question(i) => self.question_ids[i].1,
                    Next::Outcome(i) => self.outcome_ids[i].1,
                };
                (
                    at,
                    format!(
                        "no answer leads to `{}`: no reader can reach it from the first question",
                        self.name(n)
                    ),
                    "name it in the `next:` of an answer, or remove it".into(),
                )
            })
            .collect()
    }

    fn reached(&self, start: usize) -> std::collections::BTreeSet<Next> {
        let mut seen = std::collections::BTreeSet::from([Next::Question(start)]);
        let mut todo = vec![start];
        while let Some(q) = todo.pop() {
            for e in &self.edges[q] {
                if seen.insert(e.to)
                    && let Next::Question(to) = e.to
                {
                    todo.push(to);
                }
            }
        }
        seen
    }

    /// The step of every question; only meaningful on a tree without cycles.
    pub fn steps(&self, start: usize) -> Vec<Step> {
        let n = self.edges.len();
        let mut depth = vec![usize::MAX; n];
        depth[start] = 1;
        let mut queue = std::collections::VecDeque::from([start]);
        while let Some(q) = queue.pop_front() {
            for e in &self.edges[q] {
                if let Next::Question(to) = e.to
                    && depth[to] == usize::MAX
                {
                    depth[to] = depth[q] + 1;
                    queue.push_back(to);
                }
            }
        }
        let mut after = vec![None; n];
        (0..n)
            .map(|q| {
                let (min, max) = self.after(q, &mut after);
                let number = if depth[q] == usize::MAX { 1 } else { depth[q] };
                Step {
                    number,
                    total: number + max,
                    exact: min == max,
                }
            })
            .collect()
    }

    /// The fewest and most questions asked after `q` before an outcome.
    fn after(&self, q: usize, memo: &mut Vec<Option<(usize, usize)>>) -> (usize, usize) {
        if let Some(v) = memo[q] {
            return v;
        }
        memo[q] = Some((0, 0)); // guards against a cycle (reported elsewhere)
        let mut range: Option<(usize, usize)> = None;
        for e in &self.edges[q] {
            let (lo, hi) = match e.to {
                Next::Outcome(_) => (0, 0),
                Next::Question(to) => {
                    let (lo, hi) = self.after(to, memo);
                    (lo + 1, hi + 1)
                }
            };
            range = Some(range.map_or((lo, hi), |(a, b)| (a.min(lo), b.max(hi))));
        }
        let v = range.unwrap_or((0, 0));
        memo[q] = Some(v);
        v
    }
}
