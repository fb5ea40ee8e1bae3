use super::*;
use crate::search::analyse::Term;
use crate::search::document::Kind;
use proptest::prelude::*;
use std::collections::BTreeMap;

fn doc(title: &str, headings: &[&str], text: &str) -> Document {
    Document {
        url: format!("/fr/{title}/"),
        title: title.into(),
        kind: Kind::Page,
        headings: headings.iter().map(|h| h.to_string()).collect(),
        text: text.into(),
    }
}

/// The postings of `docs` added in batches of the sizes `batches` (the rest in one last
/// batch), on a pool of `threads` threads.
fn postings_in(
    docs: &[Document],
    batches: &[usize],
    threads: usize,
) -> (Vec<(String, Vec<Scored>)>, Vec<usize>) {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a pool");
    pool.install(|| {
        let mut p = Postings::default();
        let mut rest = docs;
        for &n in batches {
            let (batch, after) = rest.split_at(n.min(rest.len()));
            p.add(batch);
            rest = after;
        }
        p.add(rest);
        let lengths = std::mem::take(&mut p.lengths);
        (p.into_sorted(), lengths)
    })
}

/// The same postings, counted the plain way: every field's terms, document by document.
fn plain(docs: &[Document]) -> (Vec<(String, Vec<Scored>)>, Vec<usize>) {
    let mut all: BTreeMap<String, Vec<Scored>> = BTreeMap::new();
    let mut lengths = Vec::new();
    for (id, d) in docs.iter().enumerate() {
        let mut found: BTreeMap<String, Posting> = BTreeMap::new();
        let mut words = 0;
        for (field, text) in fields(d) {
            for Term { text: t, written } in terms(text) {
                words += usize::from(field == 0 && written);
                let p = found.entry(t).or_default();
                p.tf += 1;
                p.field = p.field.max(field);
                p.written |= written;
            }
        }
        lengths.push(words);
        for (t, p) in found {
            all.entry(t)
                .or_default()
                .push(Scored::new(id as u32, p.score()));
        }
    }
    (all.into_iter().collect(), lengths)
}

#[test]
fn postings_record_field_frequency_and_written_form() {
    let docs = [
        doc("Tadamon", &[], "tadamon remboursés"),
        doc("Autre", &[], "remboursement"),
    ];
    let (all, lengths) = postings_in(&docs, &[], 1);
    let p: BTreeMap<_, _> = all.into_iter().collect();
    // score = tf << 3 | field << 1 | written: twice, in the title (2), as written.
    assert_eq!(p["tadamon"][0].score(), (2 << 3) | (2 << 1) | 1);
    let docs_of = |t: &str| p[t].iter().map(|x| x.doc()).collect::<Vec<_>>();
    assert_eq!(docs_of("rembours"), [0, 1]);
    assert_eq!(p["rembours"][1].score() & 1, 0, "a derived form only");
    assert_eq!(p["remboursement"][0], Scored::new(1, (1 << 3) | 1));
    assert_eq!(lengths, [2, 1]);
}

#[test]
fn a_posting_keeps_its_document_and_score() {
    for (doc, score) in [(0, 0), (1, 253), (12_345, 7), (MAX_DOCS as u32 - 1, 255)] {
        let p = Scored::new(doc, score);
        assert_eq!((p.doc(), p.score()), (doc, u32::from(score)));
    }
    let most = Posting {
        tf: 1_000,
        field: 2,
        written: true,
    };
    assert_eq!(most.score(), (31 << 3) | (2 << 1) | 1);
}

#[test]
#[should_panic(expected = "documents per language")]
fn a_document_past_the_limit_is_refused() {
    Scored::new(MAX_DOCS as u32, 0);
}

#[test]
fn terms_of_runs_are_the_terms_of_the_whole_text() {
    let text = "L’AMO « Tadamon » couvre 24\u{a0}700\u{a0}000 assurés ; التأمين الإجباري \
                ٢٤٫٧\u{a0}مليون، و11 millions (2024) e\u{301}te\u{301} ﻻ ＡＭＯ 3,5\u{202f}%";
    let vocabulary = Vocabulary::default();
    let mut overlay = Overlay::new(&vocabulary);
    let mut got = Vec::new();
    // Twice: the second time every run comes from what the task analysed.
    for _ in 0..2 {
        for run in text.split_ascii_whitespace() {
            let numbers = overlay.terms_of(&vocabulary, run).to_vec();
            got.extend(numbers.into_iter().map(|(n, written)| Term {
                text: overlay.words.terms[n as usize].clone(),
                written,
            }));
        }
    }
    let once = terms(text);
    assert_eq!(got, [once.clone(), once].concat());
}

#[test]
fn words_known_before_a_batch_keep_their_numbers_and_new_ones_follow() {
    let mut vocabulary = Vocabulary::default();
    let mut first = Overlay::new(&vocabulary);
    let known: Vec<(u32, bool)> = first.terms_of(&vocabulary, "Remboursés").to_vec();
    vocabulary.merge(first);
    // Two tasks of the next batch both meet a word new to the vocabulary.
    let mut a = Overlay::new(&vocabulary);
    let mut b = Overlay::new(&vocabulary);
    assert_eq!(a.terms_of(&vocabulary, "Remboursés"), known.as_slice());
    let in_a = a.terms_of(&vocabulary, "tadamon").to_vec();
    let in_b = b.terms_of(&vocabulary, "tadamon").to_vec();
    assert_eq!(in_a, in_b, "both number it after the vocabulary's terms");
    assert!(in_a.iter().all(|&(n, _)| n as usize >= known.len()));
    let ra = vocabulary.merge(a);
    let rb = vocabulary.merge(b);
    assert_eq!(
        ra.global(in_a[0].0),
        rb.global(in_b[0].0),
        "one term, one number"
    );
    let size = vocabulary.0.terms.len();
    let again = Overlay::new(&vocabulary)
        .terms_of(&vocabulary, "tadamon")
        .to_vec();
    assert_eq!(again, [(ra.global(in_a[0].0), true)]);
    assert_eq!(vocabulary.0.terms.len(), size, "nothing new to add");
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

/// Text from a small vocabulary, so that words repeat within and across documents.
fn text() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "AMO",
        "l’assurance",
        "remboursés",
        "remboursement",
        "Tadamon",
        "24.700.000",
        "التأمين",
        "والتغطيـــة",
        "التغطية",
        "٢٤٫٧",
        "11",
        "millions",
        "« Achamil »",
        "santé",
    ]);
    prop::collection::vec(word, 0..40).prop_map(|w| w.join(" "))
}

fn document() -> impl Strategy<Value = Document> {
    (text(), prop::collection::vec(text(), 0..3), text()).prop_map(|(title, headings, text)| {
        Document {
            headings,
            ..doc(&title, &[], &text)
        }
    })
}

proptest! {
    #![proptest_config(crate::test_support::proptest_cases(64))]

    /// However the documents are batched and whatever the thread count, the postings are
    /// those counted document by document.
    #[test]
    fn batches_and_threads_change_nothing(
        docs in prop::collection::vec(document(), 0..200),
        batches in prop::collection::vec(0usize..80, 0..4),
        threads in 1usize..4,
    ) {
        prop_assert_eq!(postings_in(&docs, &batches, threads), plain(&docs));
    }
}
