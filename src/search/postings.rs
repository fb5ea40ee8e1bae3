//! The postings of one language's index: each term with the documents it occurs in (and
//! a score for each), gathered batch after batch, in parallel, in document order.
//!
//! Analysing a word (normalising, splitting, deriving its forms) is the costly part, and
//! natural text repeats its words: so the words seen so far are kept in a [`Vocabulary`]
//! for the whole build, each distinct term numbered once. A batch's parallel tasks read it
//! and analyse only what it does not know, each into its own [`Overlay`]; after the batch
//! the overlays are merged into it, in task order. Term numbers are never written out: the
//! files depend only on the terms' texts and the documents' order, so the thread count,
//! which decides the tasks, changes nothing.

use super::analyse::terms;
use super::document::Document;
use crate::foundation::swar;
use hashbrown::HashTable;
use rayon::prelude::*;
use std::hash::Hasher;

/// One document's posting for a term: its number and its [`Posting::score`], which is all
/// the index keeps, packed in 4 bytes (there are millions of them): the number in the
/// upper 24 bits, the score (below 256) in the lowest 8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scored(u32);

/// Documents a language's index can hold: their numbers take 24 bits.
pub const MAX_DOCS: usize = 1 << 24;

impl Scored {
    pub fn new(doc: u32, score: u8) -> Self {
        assert!(
            (doc as usize) < MAX_DOCS,
            "at most {MAX_DOCS} documents per language"
        );
        Scored((doc << 8) | u32::from(score))
    }

    pub fn doc(self) -> u32 {
        self.0 >> 8
    }

    pub fn score(self) -> u32 {
        self.0 & 0xff
    }
}

/// How a term occurs in one document while it is counted.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
struct Posting {
    tf: u32,
    field: u32,
    written: bool,
}

impl Posting {
    /// `tf << 3 | field << 1 | written`, with `tf` capped at 31 (field: 0 text, 1
    /// heading, 2 title; `written` is 1 if the word was written so, 0 for a derived form):
    /// at most 253, a byte.
    fn score(self) -> u8 {
        let tf = self.tf.min(31) as u8;
        (tf << 3) | ((self.field as u8) << 1) | u8::from(self.written)
    }
}

/// Documents analysed per parallel task at least; tasks are merged in order, so the
/// postings of every term stay in document order whatever the thread count.
const MIN_DOCS_PER_TASK: usize = 64;

/// Every term of the documents added so far with its postings, and each document's length.
#[derive(Default)]
pub struct Postings {
    vocabulary: Vocabulary,
    /// By term number: the term's postings, in document order.
    lists: Vec<Vec<Scored>>,
    /// Each document's text length in words, in document order.
    pub lengths: Vec<usize>,
}

impl Postings {
    /// Adds the postings of `docs`, the documents that follow those added before.
    pub fn add(&mut self, docs: &[Document]) {
        let first = self.lengths.len();
        let per_task = MIN_DOCS_PER_TASK.max(docs.len() / (4 * rayon::current_num_threads()));
        let vocabulary = &self.vocabulary;
        let tasks: Vec<Task> = docs
            .par_chunks(per_task)
            .enumerate()
            .map(|(task, chunk)| Task::run(vocabulary, first + task * per_task, chunk))
            .collect();
        for task in tasks {
            self.merge(task);
        }
    }

    /// Takes in what one task found: its new words, its postings, its lengths.
    fn merge(&mut self, task: Task) {
        let Task {
            overlay,
            lists,
            lengths,
        } = task;
        let renumber = self.vocabulary.merge(overlay);
        for (term, mut list) in lists {
            let n = renumber.global(term) as usize;
            if n >= self.lists.len() {
                self.lists.resize_with(n + 1, Vec::new);
            }
            self.lists[n].append(&mut list);
        }
        self.lengths.extend(lengths);
    }

    /// Every term with its postings, sorted by term.
    pub fn into_sorted(self) -> Vec<(String, Vec<Scored>)> {
        let mut all: Vec<(String, Vec<Scored>)> = (self.vocabulary.0.terms.into_iter())
            .zip(self.lists)
            .filter(|(_, list)| !list.is_empty())
            .collect();
        all.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
        all
    }
}

/// What one parallel task found in its documents.
struct Task {
    overlay: Overlay,
    /// Each term found (by number; see [`Overlay`]) with its postings, in first-seen order.
    lists: Vec<(u32, Vec<Scored>)>,
    lengths: Vec<usize>,
}

impl Task {
    /// The postings of `docs`, the first of which is document `first`.
    fn run(vocabulary: &Vocabulary, first: usize, docs: &[Document]) -> Task {
        let mut overlay = Overlay::new(vocabulary);
        let mut lists: Vec<(u32, Vec<Scored>)> = Vec::new();
        // By term number: where its list is in `lists` (u32::MAX: none yet).
        let mut slot: Vec<u32> = Vec::new();
        let mut lengths = Vec::with_capacity(docs.len());
        let mut found = Found::default();
        for (k, d) in docs.iter().enumerate() {
            let id = (first + k) as u32; // checked by Scored::new
            lengths.push(document_terms(d, vocabulary, &mut overlay, &mut found));
            for (t, p) in found.drain() {
                let n = t as usize;
                if n >= slot.len() {
                    slot.resize(n + 1, u32::MAX);
                }
                if slot[n] == u32::MAX {
                    slot[n] = lists.len() as u32;
                    lists.push((t, Vec::new()));
                }
                lists[slot[n] as usize].1.push(Scored::new(id, p.score()));
            }
        }
        Task {
            overlay,
            lists,
            lengths,
        }
    }
}

/// The fields of a document, with the weight of each.
fn fields(d: &Document) -> impl Iterator<Item = (u32, &str)> {
    std::iter::once((2, d.title.as_str()))
        .chain(d.headings.iter().map(|h| (1, h.as_str())))
        .chain(std::iter::once((0, d.text.as_str())))
}

/// Counts the terms of one document (by their numbers) into `found`, and returns its
/// text's length in words.
fn document_terms(
    d: &Document,
    vocabulary: &Vocabulary,
    overlay: &mut Overlay,
    found: &mut Found,
) -> usize {
    let mut words = 0;
    for (field, text) in fields(d) {
        for run in text.split_ascii_whitespace() {
            for &(t, written) in overlay.terms_of(vocabulary, run) {
                if field == 0 && written {
                    words += 1;
                }
                found.count(t, field, written);
            }
        }
    }
    words
}

/// One document's postings as they are counted: indexed by term number (a document's words
/// are counted without hashing), with the numbers seen in the order first seen.
#[derive(Default)]
struct Found {
    by_term: Vec<Posting>,
    seen: Vec<u32>,
}

impl Found {
    fn count(&mut self, term: u32, field: u32, written: bool) {
        let t = term as usize;
        if t >= self.by_term.len() {
            self.by_term.resize(t + 1, Posting::default());
        }
        let p = &mut self.by_term[t];
        if p.tf == 0 {
            self.seen.push(term);
        }
        p.tf += 1;
        p.field = p.field.max(field);
        p.written |= written;
    }

    /// Each term seen with its posting, leaving none.
    fn drain(&mut self) -> impl Iterator<Item = (u32, Posting)> + '_ {
        self.seen
            .drain(..)
            .map(|t| (t, std::mem::take(&mut self.by_term[t as usize])))
    }
}

/// Whitespace-separated runs of text with their terms, each run analysed once: no
/// normalisation step reaches across ASCII whitespace, so the terms of a text are the
/// terms of its runs. Each distinct term is numbered once.
#[derive(Default)]
struct Words {
    /// A run → its terms, as a range of `run_terms` (looked up once per word of every
    /// document: hashed and compared without a library call for short words).
    runs: HashTable<(Box<str>, (u32, u32))>,
    /// (term number, whether the word was written so).
    run_terms: Vec<(u32, bool)>,
    /// Term numbers, found by their text (`terms[n]`).
    numbers: HashTable<u32>,
    /// Each term's text, by number (less the first number, in an [`Overlay`]).
    terms: Vec<String>,
}

impl Words {
    /// The terms of `run`, if it was analysed.
    #[inline]
    fn run(&self, hash: u64, run: &str) -> Option<&[(u32, bool)]> {
        let (start, end) = self.range(hash, run)?;
        Some(&self.run_terms[start as usize..end as usize])
    }

    /// Where the terms of `run` are in `run_terms`, if it was analysed.
    #[inline]
    fn range(&self, hash: u64, run: &str) -> Option<(u32, u32)> {
        let &(_, range) = self
            .runs
            .find(hash, |(r, _)| same_bytes(r.as_bytes(), run.as_bytes()))?;
        Some(range)
    }

    /// The index in `terms` of `term`, if it is there.
    fn position(&self, term: &str) -> Option<u32> {
        let terms = &self.terms;
        (self.numbers)
            .find(hash_text(term), |&n| terms[n as usize] == term)
            .copied()
    }

    /// Adds `term` (not yet there) at the end of `terms`; returns its index.
    fn push_term(&mut self, term: String) -> u32 {
        let n = self.terms.len() as u32;
        let terms = &self.terms;
        (self.numbers).insert_unique(hash_text(&term), n, |&k| hash_text(&terms[k as usize]));
        self.terms.push(term);
        n
    }

    /// Adds `run` (not yet there) with its terms; returns them.
    fn push_run(
        &mut self,
        hash: u64,
        run: Box<str>,
        terms: impl Iterator<Item = (u32, bool)>,
    ) -> &[(u32, bool)] {
        let start = self.run_terms.len();
        self.run_terms.extend(terms);
        let range = (start as u32, self.run_terms.len() as u32);
        (self.runs).insert_unique(hash, (run, range), |(r, _)| hash_text(r));
        &self.run_terms[start..]
    }
}

/// The words of every batch so far, numbered `0..terms.len()`.
#[derive(Default)]
struct Vocabulary(Words);

impl Vocabulary {
    /// Takes in the words a task analysed that were new to it, and tells how to renumber
    /// that task's terms.
    fn merge(&mut self, overlay: Overlay) -> Renumber {
        let Overlay { base, words } = overlay;
        // An earlier task of the same batch may have brought the same term or run.
        let terms: Vec<u32> = (words.terms.into_iter())
            .map(|t| self.0.position(&t).unwrap_or_else(|| self.0.push_term(t)))
            .collect();
        let renumber = Renumber { base, terms };
        for (run, (start, end)) in words.runs {
            let hash = hash_text(&run);
            if self.0.run(hash, &run).is_none() {
                let its = &words.run_terms[start as usize..end as usize];
                let its = its.iter().map(|&(t, w)| (renumber.global(t), w));
                self.0.push_run(hash, run, its);
            }
        }
        renumber
    }
}

/// How a task's term numbers become the vocabulary's.
struct Renumber {
    base: u32,
    /// The vocabulary's number of each term new to the task.
    terms: Vec<u32>,
}

impl Renumber {
    fn global(&self, n: u32) -> u32 {
        match n.checked_sub(self.base) {
            Some(k) => self.terms[k as usize],
            None => n,
        }
    }
}

/// What one task analysed that the [`Vocabulary`] did not know: its new terms are numbered
/// from `base` (the vocabulary's size when the batch began) on.
struct Overlay {
    base: u32,
    words: Words,
}

impl Overlay {
    fn new(vocabulary: &Vocabulary) -> Self {
        Overlay {
            base: vocabulary.0.terms.len() as u32,
            words: Words::default(),
        }
    }

    /// The terms of `run`: from the vocabulary, from what this task analysed, or analysed
    /// now.
    fn terms_of<'a>(&'a mut self, vocabulary: &'a Vocabulary, run: &str) -> &'a [(u32, bool)] {
        let hash = hash_text(run);
        // The vocabulary is empty in the first batch: one look-up fewer for every word.
        if self.base > 0
            && let Some(found) = vocabulary.0.run(hash, run)
        {
            return found;
        }
        if let Some((start, end)) = self.words.range(hash, run) {
            return &self.words.run_terms[start as usize..end as usize];
        }
        let numbered: Vec<(u32, bool)> = terms(run)
            .into_iter()
            .map(|t| (self.number(vocabulary, t.text), t.written))
            .collect();
        self.words.push_run(hash, run.into(), numbered.into_iter())
    }

    fn number(&mut self, vocabulary: &Vocabulary, term: String) -> u32 {
        if let Some(n) = vocabulary.0.position(&term) {
            return n;
        }
        let local = match self.words.position(&term) {
            Some(k) => k,
            None => self.words.push_term(term),
        };
        self.base + local
    }
}

fn hash_text(text: &str) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    h.write(text.as_bytes());
    h.finish()
}

/// `a == b`, with words of 4 to 16 bytes compared as two overlapping loads of 4 or 8 bytes
/// (most words are short: a call to `memcmp` would cost more than the comparison).
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let four = |s: &[u8], at: usize| u32::from_le_bytes(s[at..at + 4].try_into().expect("4 bytes"));
    match n {
        4..8 => four(a, 0) == four(b, 0) && four(a, n - 4) == four(b, n - 4),
        8..=16 => {
            swar::word(a, 0) == swar::word(b, 0) && swar::word(a, n - 8) == swar::word(b, n - 8)
        }
        _ => a == b,
    }
}

#[cfg(test)]
mod tests;
