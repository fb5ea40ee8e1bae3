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

use super::analyse::{terms, words};
use super::document::{Document, Kind};
use crate::locale::{Lang, UiText};
use crate::output::OutputFile;
use serde_json::json;
use std::collections::BTreeMap;

/// A term chunk holding more than this many bytes is split by one more character.
pub const MAX_CHUNK_BYTES: usize = 6 * 1024;
/// Documents are grouped into text chunks of about this many bytes.
pub const TEXT_CHUNK_BYTES: usize = 12 * 1024;
const MAX_KEY_CHARS: usize = 3;

#[derive(Default, Clone, Copy)]
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

/// Term → document → posting.
type Postings = BTreeMap<String, BTreeMap<usize, Posting>>;

fn postings(docs: &[Document]) -> Postings {
    let mut map = Postings::new();
    for (id, d) in docs.iter().enumerate() {
        let fields = [
            (2, d.title.clone()),
            (1, d.headings.join(" ")),
            (0, d.text.clone()),
        ];
        for (field, text) in fields {
            for t in terms(&text) {
                let p = map.entry(t.text).or_default().entry(id).or_default();
                p.tf += 1;
                p.field = p.field.max(field);
                p.written |= t.written;
            }
        }
    }
    map
}

/// The first `n` characters of a term: its chunk key at depth `n`.
fn key(term: &str, n: usize) -> String {
    term.chars().take(n).collect()
}

fn chunk_json(terms: &[(&String, &BTreeMap<usize, Posting>)]) -> String {
    let map: BTreeMap<&str, Vec<u32>> = terms
        .iter()
        .map(|(t, docs)| {
            let flat = docs
                .iter()
                .flat_map(|(&d, p)| [d as u32, p.score()])
                .collect();
            (t.as_str(), flat)
        })
        .collect();
    serde_json::to_string(&map).expect("maps of strings and numbers serialise")
}

/// Splits `terms` (all sharing their first `depth` characters) into chunks of at most
/// [`MAX_CHUNK_BYTES`] where possible.
fn chunks<'a>(
    terms: Vec<(&'a String, &'a BTreeMap<usize, Posting>)>,
    depth: usize,
    out: &mut BTreeMap<String, String>,
) {
    let json = chunk_json(&terms);
    if json.len() <= MAX_CHUNK_BYTES || depth >= MAX_KEY_CHARS {
        out.insert(key(terms[0].0, depth), json);
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

/// Every index file of one language, and the total of their sizes.
pub fn files(lang: Lang, ui: &UiText, docs: &[Document]) -> Vec<OutputFile> {
    let dir = format!("search/{}", lang.code());
    let all = postings(docs);
    let mut by_first: BTreeMap<String, Vec<_>> = BTreeMap::new();
    for t in &all {
        by_first.entry(key(t.0, 1)).or_default().push(t);
    }
    let mut term_chunks = BTreeMap::new();
    for (_, group) in by_first {
        chunks(group, 1, &mut term_chunks);
    }
    let (text_of, texts) = text_chunks(docs);
    let meta = json!({
        "docs": docs.iter().zip(&text_of).map(|(d, x)| json!([d.url, d.title, d.kind as u8, x, words(&d.text).len()])).collect::<Vec<_>>(),
        "kinds": Kind::ALL.iter().map(|k| k.label(ui)).collect::<Vec<_>>(),
        "chunks": term_chunks.keys().collect::<Vec<_>>(),
    });
    let mut files = vec![OutputFile::new(
        format!("{dir}/meta.json"),
        meta.to_string(),
    )];
    files.extend(
        term_chunks.iter().map(|(k, json)| {
            OutputFile::new(format!("{dir}/t/{}.json", key_file(k)), json.clone())
        }),
    );
    files.extend(texts.into_iter().enumerate().map(|(i, t)| {
        let json = serde_json::to_string(&t).expect("strings serialise");
        OutputFile::new(format!("{dir}/x/{i}.json"), json)
    }));
    files
}

/// Groups document texts, in order, into chunks of about [`TEXT_CHUNK_BYTES`]: the chunk of
/// each document, and the chunks.
fn text_chunks(docs: &[Document]) -> (Vec<usize>, Vec<Vec<&str>>) {
    let mut of = Vec::with_capacity(docs.len());
    let mut chunks: Vec<Vec<&str>> = vec![Vec::new()];
    let mut size = 0;
    for d in docs {
        if size > 0 && size + d.text.len() > TEXT_CHUNK_BYTES {
            chunks.push(Vec::new());
            size = 0;
        }
        size += d.text.len();
        chunks.last_mut().expect("one chunk at least").push(&d.text);
        of.push(chunks.len() - 1);
    }
    (of, chunks)
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
    fn postings_record_field_frequency_and_written_form() {
        let docs = [
            doc("Tadamon", "tadamon remboursés"),
            doc("Autre", "remboursement"),
        ];
        let p = postings(&docs);
        let tadamon = p["tadamon"][&0];
        assert_eq!((tadamon.tf, tadamon.field, tadamon.written), (2, 2, true));
        assert_eq!(p["rembours"].keys().copied().collect::<Vec<_>>(), [0, 1]);
        assert!(!p["rembours"][&1].written);
        assert_eq!(p["remboursement"][&1].score(), (1 << 3) | 1);
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
