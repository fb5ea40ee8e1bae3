//! The compact index of one language, as the files the browser fetches on demand:
//!
//! - `search/LANG/meta.json`: every document (URL, title, kind, text chunk, length of its
//!   text in words), the kind
//!   labels, and the keys of the term chunks;
//! - `search/LANG/t/KEY.json`: the terms that start with KEY (one or more characters, named
//!   by their code points in hex), each with its postings as a flat array `[doc, score, …]`,
//!   where score = `tf << 3 | field << 1 | written` (field: 0 text, 1 heading, 2 title;
//!   `tf` capped at 31; `written` is 1 if the word was written so, 0 for a derived form);
//! - `search/LANG/x/N.json`: the plain text of a run of documents, for snippets.
//!
//! Everything is in sorted maps: the bytes depend only on the documents.

use super::analyse::terms;
use super::document::{Document, Kind};
use super::json;
use crate::foundation::swar;
use crate::locale::{Lang, UiText};
use crate::output::OutputFile;
use hashbrown::HashTable;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde_json::json;
use std::collections::BTreeMap;
use std::hash::Hasher;

/// A term chunk holding more than this many bytes is split by one more character.
pub const MAX_CHUNK_BYTES: usize = 6 * 1024;
/// Documents are grouped into text chunks of about this many bytes.
pub const TEXT_CHUNK_BYTES: usize = 12 * 1024;
const MAX_KEY_CHARS: usize = 3;

#[derive(Debug, Default, Clone, Copy, PartialEq)]
struct Posting {
    tf: u32,
    field: u32,
    written: bool,
}

impl Posting {
    fn score(self) -> u32 {
        (self.tf.min(31) << 3) | (self.field << 1) | u32::from(self.written)
    }
}

/// One document's posting for a term: its number and its [`Posting::score`], which is all the
/// index keeps (8 bytes, for millions of them).
type Scored = (u32, u32);

/// What one parallel task found: each term with its postings, and each document's length.
type TaskPostings = (Vec<(String, Vec<Scored>)>, Vec<usize>);

/// Term → its postings, in document order.
type Postings = BTreeMap<String, Vec<Scored>>;

/// Documents analysed per parallel task at least; tasks are merged in order, so the
/// postings of every term stay in document order whatever the thread count.
const MIN_DOCS_PER_TASK: usize = 64;

/// Every term of every document with its posting, and each document's length in words.
#[cfg(test)]
fn postings(docs: &[Document]) -> (Postings, Vec<usize>) {
    let mut all = FxHashMap::default();
    let mut lengths = Vec::new();
    add_postings(docs, 0, &mut all, &mut lengths);
    (all.into_iter().collect(), lengths)
}

/// Adds the postings of `docs`, the first of which is document `first`, to `all`, and
/// their lengths to `lengths`: documents added in order keep every term's postings in
/// document order, whatever the thread count.
fn add_postings(
    docs: &[Document],
    first: usize,
    all: &mut FxHashMap<String, Vec<Scored>>,
    lengths: &mut Vec<usize>,
) {
    // Few large tasks: each keeps its own cache of analysed words.
    let per_task = MIN_DOCS_PER_TASK.max(docs.len() / (4 * rayon::current_num_threads()));
    let parts: Vec<TaskPostings> = docs
        .par_chunks(per_task)
        .enumerate()
        .map(|(task, chunk)| {
            task_postings(&mut Analyser::default(), first + task * per_task, chunk)
        })
        .collect();
    for (terms, part_lengths) in parts {
        lengths.extend(part_lengths);
        for (t, mut list) in terms {
            all.entry(t).or_default().append(&mut list);
        }
    }
}

/// The postings of the documents `chunk`, the first of which is document `first`.
fn task_postings(analyser: &mut Analyser, first: usize, chunk: &[Document]) -> TaskPostings {
    let mut map: FxHashMap<u32, Vec<Scored>> = FxHashMap::default();
    let mut lengths = Vec::with_capacity(chunk.len());
    let mut found = Found::default();
    for (k, d) in chunk.iter().enumerate() {
        let id = u32::try_from(first + k).expect("fewer than 2^32 documents");
        lengths.push(document_terms(d, analyser, &mut found));
        for (t, p) in found.drain() {
            map.entry(t).or_default().push((id, p.score()));
        }
    }
    let terms = (map.into_iter())
        .map(|(t, v)| (std::mem::take(&mut analyser.terms[t as usize]), v))
        .collect();
    (terms, lengths)
}

/// The fields of a document, with the weight of each.
fn fields(d: &Document) -> impl Iterator<Item = (u32, &str)> {
    std::iter::once((2, d.title.as_str()))
        .chain(d.headings.iter().map(|h| (1, h.as_str())))
        .chain(std::iter::once((0, d.text.as_str())))
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

/// Counts the terms of one document (by their number in `analyser`) into `found`, and
/// returns its text's length in words.
fn document_terms(d: &Document, analyser: &mut Analyser, found: &mut Found) -> usize {
    let mut words = 0;
    for (field, text) in fields(d) {
        for run in text.split_ascii_whitespace() {
            for &(t, written) in analyser.terms_of(run) {
                if field == 0 && written {
                    words += 1;
                }
                found.count(t, field, written);
            }
        }
    }
    words
}

/// [`terms`] of each whitespace-separated run of text, computed once per distinct run:
/// natural text repeats its words, and normalising is the costly part. No normalisation
/// step reaches across ASCII whitespace, so the terms of a text are the terms of its runs.
/// Each distinct term is numbered once, so documents count their words by number.
#[derive(Default)]
struct Analyser {
    /// A run → its terms, as a range of `run_terms` (a table looked up once per word of
    /// every document: hashed and compared without a library call for short words).
    runs: HashTable<(Box<str>, (u32, u32))>,
    /// (term number, whether the word was written so).
    run_terms: Vec<(u32, bool)>,
    numbers: FxHashMap<String, u32>,
    /// Each term's text, by number.
    terms: Vec<String>,
}

impl Analyser {
    /// The terms of `run`, analysed on first sight.
    fn terms_of(&mut self, run: &str) -> &[(u32, bool)] {
        let hash = hash_run(run);
        let found = self
            .runs
            .find(hash, |(r, _)| same_bytes(r.as_bytes(), run.as_bytes()));
        let (start, end) = match found {
            Some(&(_, range)) => range,
            None => {
                let start = self.run_terms.len() as u32;
                for t in terms(run) {
                    let number = self.number(t.text);
                    self.run_terms.push((number, t.written));
                }
                let range = (start, self.run_terms.len() as u32);
                (self.runs).insert_unique(hash, (run.into(), range), |(r, _)| hash_run(r));
                range
            }
        };
        &self.run_terms[start as usize..end as usize]
    }

    fn number(&mut self, term: String) -> u32 {
        if let Some(&n) = self.numbers.get(&term) {
            return n;
        }
        let n = self.terms.len() as u32;
        self.terms.push(term.clone());
        self.numbers.insert(term, n);
        n
    }
}

fn hash_run(run: &str) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    h.write(run.as_bytes());
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

/// The first `n` characters of a term: its chunk key at depth `n`.
fn key(term: &str, n: usize) -> String {
    term.chars().take(n).collect()
}

/// A term, its postings, and the length of its entry in a chunk (`"term":[doc,score,…]`),
/// measured once: when a chunk too large is split, its parts' lengths are sums of these.
type Entry<'a> = (&'a String, &'a Vec<Scored>, usize);

fn entry<'a>((term, docs): (&'a String, &'a Vec<Scored>)) -> Entry<'a> {
    let numbers: usize = (docs.iter())
        .map(|&(d, s)| json::number_len(d) + json::number_len(s))
        .sum();
    let len = json::string_len(term) + 1 + 2 + numbers + (2 * docs.len()).saturating_sub(1);
    (term, docs, len)
}

/// The chunk of `terms` (sorted, distinct) as JSON: `{"term":[doc,score,…],…}`.
fn chunk_json(terms: &[Entry]) -> String {
    let mut out = String::with_capacity(chunk_json_len(terms));
    out.push('{');
    for (i, (term, docs, _)) in terms.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        json::push_string(&mut out, term);
        out.push_str(":[");
        for (k, &(d, score)) in docs.iter().enumerate() {
            if k > 0 {
                out.push(',');
            }
            json::push_number(&mut out, d);
            out.push(',');
            json::push_number(&mut out, score);
        }
        out.push(']');
    }
    out.push('}');
    out
}

/// The length of [`chunk_json`] of `terms`, without making it.
fn chunk_json_len(terms: &[Entry]) -> usize {
    2 + terms.iter().map(|e| e.2).sum::<usize>() + terms.len().saturating_sub(1)
}

/// Splits `terms` (all sharing their first `depth` characters) into chunks of at most
/// [`MAX_CHUNK_BYTES`] where possible.
fn chunks<'a>(terms: Vec<Entry<'a>>, depth: usize, out: &mut BTreeMap<String, String>) {
    if chunk_json_len(&terms) <= MAX_CHUNK_BYTES || depth >= MAX_KEY_CHARS {
        out.insert(key(terms[0].0, depth), chunk_json(&terms));
        return;
    }
    let mut groups: BTreeMap<String, Vec<_>> = BTreeMap::new();
    for t in terms {
        groups.entry(key(t.0, depth + 1)).or_default().push(t);
    }
    for (_, group) in groups {
        chunks(group, depth + 1, out);
    }
}

/// A chunk key as a file name: code points in hex, joined by `-`.
pub fn key_file(key: &str) -> String {
    key.chars()
        .map(|c| format!("{:04x}", c as u32))
        .collect::<Vec<_>>()
        .join("-")
}

/// Every index file of one language (for tests: [`write`] sends them as they are made).
#[cfg(test)]
pub fn files(lang: Lang, ui: &UiText, docs: &[Document]) -> Vec<OutputFile> {
    let all = std::sync::Mutex::new(Vec::new());
    let put = |f: OutputFile| {
        all.lock().expect("not poisoned").push(f);
        Ok::<(), ()>(())
    };
    write(lang, ui, docs, &put).expect("collecting cannot fail");
    let mut files = all.into_inner().expect("not poisoned");
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

/// Every index file of one language into `put`, each as soon as it is made (the whole of
/// [`Builder`] on `docs` at once).
#[cfg(test)]
pub fn write<E: Send>(
    lang: Lang,
    ui: &UiText,
    docs: &[Document],
    put: &(dyn Fn(OutputFile) -> Result<(), E> + Sync),
) -> Result<(), E> {
    let mut builder = Builder::new(lang);
    builder.add(docs.to_vec(), put)?;
    builder.finish(ui, put).map(drop)
}

/// The index of one language, built as its documents arrive in order: each batch is
/// analysed and its texts sent out in text chunks as soon as the chunks fill, so only the
/// postings and what `meta.json` lists of each document are held to the end. Whatever the
/// batches, the files are those of all the documents indexed at once.
pub struct Builder {
    dir: String,
    /// Documents waiting to be analysed together (an analyser's cache of words pays off
    /// over many documents).
    waiting: Vec<Document>,
    postings: FxHashMap<String, Vec<Scored>>,
    lengths: Vec<usize>,
    /// The text chunk of each document.
    text_of: Vec<usize>,
    /// The texts of the text chunk being filled, their size, and the chunks sent before it.
    chunk: Vec<String>,
    chunk_bytes: usize,
    chunks_sent: usize,
    /// Each document analysed, without its text and headings.
    listed: Vec<Document>,
}

/// Documents analysed together by a [`Builder`].
const DOCS_PER_ANALYSIS: usize = 512;

impl Builder {
    pub fn new(lang: Lang) -> Self {
        Builder {
            dir: format!("search/{}", lang.code()),
            waiting: Vec::new(),
            postings: FxHashMap::default(),
            lengths: Vec::new(),
            text_of: Vec::new(),
            chunk: Vec::new(),
            chunk_bytes: 0,
            chunks_sent: 0,
            listed: Vec::new(),
        }
    }

    /// Takes the next documents, in order; analyses them once enough are waiting.
    pub fn add<E: Send>(
        &mut self,
        docs: Vec<Document>,
        put: &(dyn Fn(OutputFile) -> Result<(), E> + Sync),
    ) -> Result<(), E> {
        self.waiting.extend(docs);
        if self.waiting.len() >= DOCS_PER_ANALYSIS {
            self.analyse(put)?;
        }
        Ok(())
    }

    /// Analyses the waiting documents and sends each text chunk they fill.
    fn analyse<E: Send>(
        &mut self,
        put: &(dyn Fn(OutputFile) -> Result<(), E> + Sync),
    ) -> Result<(), E> {
        let mut docs = std::mem::take(&mut self.waiting);
        let first = self.lengths.len();
        add_postings(&docs, first, &mut self.postings, &mut self.lengths);
        let mut full = Vec::new();
        for d in &mut docs {
            let text = std::mem::take(&mut d.text);
            if self.chunk_bytes > 0 && self.chunk_bytes + text.len() > TEXT_CHUNK_BYTES {
                full.push((self.chunks_sent, std::mem::take(&mut self.chunk)));
                self.chunks_sent += 1;
                self.chunk_bytes = 0;
            }
            self.chunk_bytes += text.len();
            self.chunk.push(text);
            self.text_of.push(self.chunks_sent);
            d.headings = Vec::new();
        }
        self.listed.extend(docs);
        let dir = &self.dir;
        full.into_par_iter().try_for_each(|(i, texts)| {
            put(OutputFile::new(
                format!("{dir}/x/{i}.json"),
                json::string_array(&texts),
            ))
        })
    }

    /// Sends the rest: the last text chunk, every term chunk and `meta.json`. Returns the
    /// documents indexed, without their texts (the A–Z page lists them).
    pub fn finish<E: Send>(
        mut self,
        ui: &UiText,
        put: &(dyn Fn(OutputFile) -> Result<(), E> + Sync),
    ) -> Result<Vec<Document>, E> {
        self.analyse(put)?;
        let dir = &self.dir;
        put(OutputFile::new(
            format!("{dir}/x/{}.json", self.chunks_sent),
            json::string_array(&self.chunk),
        ))?;
        let chunk_keys = term_chunks(dir, std::mem::take(&mut self.postings), put)?;
        let meta = json!({
            "docs": self.listed.iter().zip(&self.text_of).zip(&self.lengths).map(|((d, x), n)| json!([d.url, d.title, d.kind as u8, x, n])).collect::<Vec<_>>(),
            "kinds": Kind::ALL.iter().map(|k| k.label(ui)).collect::<Vec<_>>(),
            "chunks": chunk_keys,
        });
        put(OutputFile::new(
            format!("{dir}/meta.json"),
            meta.to_string(),
        ))?;
        Ok(self.listed)
    }
}

/// Every term chunk into `put`, made for each first character in parallel; returns their
/// keys in order.
fn term_chunks<E: Send>(
    dir: &str,
    postings: FxHashMap<String, Vec<Scored>>,
    put: &(dyn Fn(OutputFile) -> Result<(), E> + Sync),
) -> Result<Vec<String>, E> {
    let all: Postings = postings.into_iter().collect();
    let mut by_first: BTreeMap<String, Vec<_>> = BTreeMap::new();
    for t in &all {
        by_first.entry(key(t.0, 1)).or_default().push(entry(t));
    }
    // Every key of a group starts with the group's character: the groups' keys, one
    // group after the other, are in sorted order.
    let chunk_keys: Vec<Vec<String>> = by_first
        .into_par_iter()
        .map(|(_, group)| {
            let mut term_chunks = BTreeMap::new();
            chunks(group, 1, &mut term_chunks);
            let keys = term_chunks.keys().cloned().collect();
            for (k, json) in term_chunks {
                put(OutputFile::new(
                    format!("{dir}/t/{}.json", key_file(&k)),
                    json,
                ))?;
            }
            Ok(keys)
        })
        .collect::<Result<_, E>>()?;
    Ok(chunk_keys.concat())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::analyse::Term;

    fn doc(title: &str, text: &str) -> Document {
        Document {
            url: format!("/fr/{title}/"),
            title: title.into(),
            kind: Kind::Page,
            headings: vec![],
            text: text.into(),
        }
    }

    #[test]
    fn postings_record_field_frequency_and_written_form() {
        let docs = [
            doc("Tadamon", "tadamon remboursés"),
            doc("Autre", "remboursement"),
        ];
        let (p, lengths) = postings(&docs);
        // score = tf << 3 | field << 1 | written: twice, in the title (2), as written.
        assert_eq!(p["tadamon"][0].1, (2 << 3) | (2 << 1) | 1);
        let docs_of = |t: &str| p[t].iter().map(|x| x.0).collect::<Vec<_>>();
        assert_eq!(docs_of("rembours"), [0, 1]);
        assert_eq!(p["rembours"][1].1 & 1, 0, "a derived form only");
        assert_eq!(p["remboursement"][0], (1, p["remboursement"][0].1));
        assert_eq!(p["remboursement"][0].1, (1 << 3) | 1);
        assert_eq!(lengths, [2, 1]);
    }

    #[test]
    fn terms_of_runs_are_the_terms_of_the_whole_text() {
        let text = "L’AMO « Tadamon » couvre 24\u{a0}700\u{a0}000 assurés ; التأمين الإجباري \
                    ٢٤٫٧\u{a0}مليون، و11 millions (2024) e\u{301}te\u{301} ﻻ ＡＭＯ 3,5\u{202f}%";
        let mut analyser = Analyser::default();
        let mut got = Vec::new();
        // Twice: the second time every run comes from the cache.
        for _ in 0..2 {
            for run in text.split_ascii_whitespace() {
                let numbers = analyser.terms_of(run).to_vec();
                got.extend(numbers.into_iter().map(|(n, written)| Term {
                    text: analyser.terms[n as usize].clone(),
                    written,
                }));
            }
        }
        let once = terms(text);
        assert_eq!(got, [once.clone(), once].concat());
    }

    #[test]
    fn words_compare_equal_only_when_they_are() {
        let words = [
            "",
            "a",
            "abcdefg",
            "abcdefgh",
            "abcdefghi",
            "abcdefghijklmnop",
            "abcdefghijklmnopq",
            "التأمين",
            "التأمينات",
        ];
        for a in words {
            for b in words {
                assert_eq!(same_bytes(a.as_bytes(), b.as_bytes()), a == b, "{a} {b}");
                for at in 0..a.len() {
                    let mut c = a.as_bytes().to_vec();
                    c[at] ^= 1;
                    assert!(!same_bytes(a.as_bytes(), &c), "{a} changed at {at}");
                }
            }
        }
    }

    #[test]
    fn the_chunk_length_is_the_length_of_its_json() {
        let mut terms = [
            "a",
            "tadamon",
            "التأمين",
            "q\"uote",
            "back\\slash",
            "tab\tnl\n",
            "\u{1}\u{1f}",
            "é",
        ]
        .map(String::from);
        terms.sort();
        let lists: Vec<Vec<Scored>> = vec![
            vec![],
            vec![(0, 0)],
            vec![(9, 10), (99, 100), (4_294_967_295, 1)],
            vec![(123_456, 7); 5],
        ];
        for n in 0..=terms.len() {
            for list in &lists {
                let chunk: Vec<Entry> = terms[..n].iter().map(|t| entry((t, list))).collect();
                let json = chunk_json(&chunk);
                assert_eq!(chunk_json_len(&chunk), json.len(), "{chunk:?}");
                // The bytes serde_json gives for the same map of flat arrays.
                let map: BTreeMap<&str, Vec<u32>> = (chunk.iter())
                    .map(|(t, docs, _)| {
                        (t.as_str(), docs.iter().flat_map(|&(d, s)| [d, s]).collect())
                    })
                    .collect();
                assert_eq!(json, serde_json::to_string(&map).unwrap());
            }
        }
    }

    #[test]
    fn large_chunks_are_split_and_output_is_stable() {
        let text: String = (0..3000).map(|i| format!("ta{i} tb{i} ")).collect();
        let docs = [doc("x", &text)];
        let ui = UiText::default();
        let a = files(Lang::Fr, &ui, &docs);
        let b = files(Lang::Fr, &ui, &docs);
        assert!(
            a.iter()
                .zip(&b)
                .all(|(x, y)| x.path == y.path && x.bytes == y.bytes)
        );
        let chunks: Vec<&str> = a
            .iter()
            .map(|f| f.path.as_str())
            .filter(|p| p.contains("/t/"))
            .collect();
        assert!(chunks.len() > 2, "{chunks:?}");
        assert!(a.iter().all(|f| f.bytes.len() <= MAX_CHUNK_BYTES
            || !f.path.contains("/t/")
            || f.path.matches('-').count() == 2));
    }
}
