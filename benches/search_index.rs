//! `cargo bench --bench search_index`: how long the search index takes to analyse and count
//! the words of N reports per language (default 5000; `SEARCH_N`), in batches of 512 as a
//! build sends them, median of `SEARCH_RUNS` (default 5). The documents are the scale
//! bench's generated reports (seed 42), their Markdown as their text: the index does not
//! read markup, it splits words. Only the index's work is timed: no Markdown, no pages, no
//! files but the text chunks it makes, which are counted and dropped.
//! Nothing is asserted: it is a measurement, to compare two versions of the index
//! side by side (run each in turn, several times).

use amo_site::locale::{Lang, Localized};
use amo_site::output::OutputFile;
use amo_site::search::{Document, Indexes, Kind};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

#[path = "scale/corpus.rs"]
mod corpus;
#[path = "scale/env.rs"]
mod env;
use env::env_or;

/// The generated reports of `lang` in `root`, in file-name order, as documents.
fn documents(root: &Path, lang: Lang) -> Vec<Document> {
    let suffix = format!(".{}.md", lang.code());
    let mut names: Vec<_> = std::fs::read_dir(root.join("content/reports"))
        .expect("reports folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(&suffix))
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| {
            let md = std::fs::read_to_string(p).expect("report");
            let body = md.splitn(3, "---").nth(2).unwrap_or(&md);
            let headings = body
                .lines()
                .filter_map(|l| l.strip_prefix("## "))
                .map(str::to_string)
                .collect();
            Document {
                url: format!("/{}/reports/{}/", lang.code(), p.display()),
                title: p.file_stem().unwrap_or_default().to_string_lossy().into(),
                kind: Kind::Report,
                headings,
                text: body.split_ascii_whitespace().collect::<Vec<_>>().join(" "),
            }
        })
        .collect()
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return; // `cargo bench -- --list`
    }
    let n = env_or("SEARCH_N", 5000);
    let runs = env_or("SEARCH_RUNS", 5);
    let work = std::env::var("SCALE_DIR").unwrap_or_else(|_| "target/scale-bench".into());
    let root = Path::new(&work).join(format!("search-n{n}"));
    if !root.join("content/reports").is_dir() {
        corpus::generate(&root, n, 42);
    }
    let docs = Localized::from_fn(|lang| documents(&root, lang));
    let words: usize = Lang::ALL
        .iter()
        .flat_map(|&l| docs.get(l))
        .map(|d| d.text.split(' ').count())
        .sum();
    let mut times: Vec<Duration> = Vec::new();
    let bytes = AtomicUsize::new(0);
    let put = |f: OutputFile| {
        bytes.fetch_add(f.bytes.len(), Ordering::Relaxed);
        Ok::<(), ()>(())
    };
    for _ in 0..runs {
        let mut indexes = Indexes::default();
        let start = Instant::now();
        let (ar, fr) = (docs.ar.chunks(512), docs.fr.chunks(512));
        for (a, f) in ar.zip(fr) {
            let batch = Localized {
                ar: a.to_vec(),
                fr: f.to_vec(),
            };
            indexes.add(batch, &put).expect("no failure");
        }
        times.push(start.elapsed());
        drop(indexes);
    }
    times.sort();
    let median = times[times.len() / 2];
    println!(
        "search index, 2 x {n} reports ({words} words): median {:.1} ms (min {:.1}, max {:.1}) of {runs}; {:.1} ns a word; text chunks {} KiB a run",
        median.as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3,
        times[runs - 1].as_secs_f64() * 1e3,
        median.as_secs_f64() * 1e9 / words as f64,
        bytes.load(Ordering::Relaxed) / runs / 1024,
    );
}
