//! The compact index of one language, as the files the browser fetches on demand:
//!
//! - `search/LANG/meta.json`: every document (URL, title, kind, text chunk, length of its
//!   text in words), the kind
//!   labels, and the keys of the term chunks;
//! - `search/LANG/t/KEY.json`: the terms that start with KEY (one or more characters, named
//!   by their code points in hex), each with its postings as a flat array
//!   `[gap, score, …]` in document order, where a gap is the document's number less the
//!   one before it (the first gap is the number itself; most gaps are one digit long), and
//!   score = `tf << 3 | field << 1 | written` (field: 0 text, 1 heading, 2 title;
//!   `tf` capped at 31; `written` is 1 if the word was written so, 0 for a derived form);
//! - `search/LANG/x/N.json`: the plain text of a run of documents, for snippets.
//!
//! Everything is in sorted maps: the bytes depend only on the documents.

use super::document::{Document, Kind};
use super::json;
use super::postings::{Postings, Scored};
use crate::locale::{Lang, UiText};
use crate::output::OutputFile;
use rayon::prelude::*;
use serde_json::json;
use std::collections::BTreeMap;

/// A term chunk holding more than this many bytes is split by one more character.
pub const MAX_CHUNK_BYTES: usize = 6 * 1024;
/// Documents are grouped into text chunks of about this many bytes.
pub const TEXT_CHUNK_BYTES: usize = 12 * 1024;
const MAX_KEY_CHARS: usize = 3;

/// The first `n` characters of a term: its chunk key at depth `n`.
fn key(term: &str, n: usize) -> String {
    term.chars().take(n).collect()
}

/// A term, its postings, and the length of its entry in a chunk (`"term":[doc,score,…]`),
/// measured once: when a chunk too large is split, its parts' lengths are sums of these.
type Entry<'a> = (&'a String, &'a Vec<Scored>, usize);

fn entry<'a>((term, docs): (&'a String, &'a Vec<Scored>)) -> Entry<'a> {
    let len = json::string_len(term) + 1 + 2 + json::postings_len(pairs(docs));
    (term, docs, len)
}

/// Each posting as (document, score).
fn pairs(docs: &[Scored]) -> impl ExactSizeIterator<Item = (u32, u32)> + '_ {
    docs.iter().map(|p| (p.doc(), p.score()))
}

/// The chunk of `terms` (sorted, distinct) as JSON: `{"term":[doc,score,…],…}`.
fn chunk_json(terms: &[Entry], scratch: &mut Vec<u8>) -> String {
    let mut out = String::with_capacity(chunk_json_len(terms));
    out.push('{');
    for (i, (term, docs, _)) in terms.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        json::push_string(&mut out, term);
        out.push_str(":[");
        json::push_postings(&mut out, pairs(docs), scratch);
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
/// [`MAX_CHUNK_BYTES`] where possible, pushed onto `out` with their keys, in key order.
fn chunks<'a>(terms: Vec<Entry<'a>>, depth: usize, out: &mut Vec<(String, Vec<Entry<'a>>)>) {
    if chunk_json_len(&terms) <= MAX_CHUNK_BYTES || depth >= MAX_KEY_CHARS {
        out.push((key(terms[0].0, depth), terms));
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
    postings: Postings,
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
            postings: Postings::default(),
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
        self.postings.add(&docs);
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
        let mut postings = std::mem::take(&mut self.postings);
        let lengths = std::mem::take(&mut postings.lengths);
        let chunk_keys = term_chunks(dir, postings.into_sorted(), put)?;
        let meta = json!({
            "docs": self.listed.iter().zip(&self.text_of).zip(&lengths).map(|((d, x), n)| json!([d.url, d.title, d.kind as u8, x, n])).collect::<Vec<_>>(),
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

/// Every term chunk into `put`, made in parallel; returns their keys in order. Where the
/// chunks split is found first (from each entry's length, measured in parallel); then the
/// chunks are written, each a task of its own: a language's terms are far from even
/// across their first letters (most Arabic words start with the article's alif).
fn term_chunks<E: Send>(
    dir: &str,
    all: Vec<(String, Vec<Scored>)>,
    put: &(dyn Fn(OutputFile) -> Result<(), E> + Sync),
) -> Result<Vec<String>, E> {
    let entries: Vec<Entry> = all.par_iter().map(|(t, d)| entry((t, d))).collect();
    let mut by_first: BTreeMap<String, Vec<_>> = BTreeMap::new();
    for e in entries {
        by_first.entry(key(e.0, 1)).or_default().push(e);
    }
    // Every key of a group starts with the group's character: the groups' chunks, one
    // group after the other, are in key order.
    let mut planned = Vec::new();
    for (_, group) in by_first {
        chunks(group, 1, &mut planned);
    }
    planned
        .par_iter()
        .try_for_each_init(Vec::new, |scratch, (k, terms)| {
            put(OutputFile::new(
                format!("{dir}/t/{}.json", key_file(k)),
                chunk_json(terms, scratch),
            ))
        })?;
    Ok(planned.into_iter().map(|(k, _)| k).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let lists: Vec<Vec<Scored>> = [
            &[][..],
            &[(0, 0)],
            &[(9, 10), (99, 100), (16_777_215, 1)],
            &[(123_456, 7), (123_457, 255), (9_000_000, 253)],
        ]
        .map(|l| l.iter().map(|&(d, s)| Scored::new(d, s)).collect())
        .to_vec();
        for n in 0..=terms.len() {
            for list in &lists {
                let chunk: Vec<Entry> = terms[..n].iter().map(|t| entry((t, list))).collect();
                let json = chunk_json(&chunk, &mut Vec::new());
                assert_eq!(chunk_json_len(&chunk), json.len(), "{chunk:?}");
                // The bytes serde_json gives for the same map of flat arrays of gaps and
                // scores.
                let map: BTreeMap<&str, Vec<u32>> = (chunk.iter())
                    .map(|(t, docs, _)| {
                        let mut before = 0;
                        let flat = pairs(docs).flat_map(|(d, s)| {
                            let gap = d - before;
                            before = d;
                            [gap, s]
                        });
                        (t.as_str(), flat.collect())
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
