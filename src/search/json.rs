//! The JSON of the index files, written straight into a string: the same bytes as
//! `serde_json` gives for the same strings, arrays and maps, without building the values
//! first. The index holds millions of numbers and tens of megabytes of text, and this is
//! where their writing time goes.

use crate::foundation::swar;

/// Whether one of the eight bytes of `w` is below 0x20, `"` or `\`: the bytes JSON escapes.
/// Exact as a yes or no.
fn word_needs_escape(w: u64) -> bool {
    swar::has_byte_below(w, 0x20)
        || swar::bytes_equal_to(w, b'"') != 0
        || swar::bytes_equal_to(w, b'\\') != 0
}

/// How `serde_json` writes byte `b` inside a string, if not as itself.
fn escape_of(b: u8) -> Option<&'static str> {
    const CONTROL: [&str; 32] = [
        "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007",
        "\\b", "\\t", "\\n", "\\u000b", "\\f", "\\r", "\\u000e", "\\u000f", "\\u0010", "\\u0011",
        "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017", "\\u0018", "\\u0019",
        "\\u001a", "\\u001b", "\\u001c", "\\u001d", "\\u001e", "\\u001f",
    ];
    match b {
        b'"' => Some("\\\""),
        b'\\' => Some("\\\\"),
        0..0x20 => Some(CONTROL[b as usize]),
        _ => None,
    }
}

/// Appends `s` as a JSON string, quotes included. Text without anything to escape (nearly
/// all of it) is checked eight bytes at a time and copied in one piece.
pub fn push_string(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    let bytes = s.as_bytes();
    let mut copied = 0;
    let mut at = 0;
    let escape_from = |out: &mut String, from: usize, to: usize, copied: &mut usize| {
        for (k, &b) in bytes[from..to].iter().enumerate() {
            if let Some(e) = escape_of(b) {
                // Only ASCII bytes are escaped: `from + k` is a character boundary.
                out.push_str(&s[*copied..from + k]);
                out.push_str(e);
                *copied = from + k + 1;
            }
        }
    };
    for word in bytes.chunks_exact(8) {
        let w = u64::from_le_bytes(word.try_into().expect("eight bytes"));
        if word_needs_escape(w) {
            escape_from(out, at, at + 8, &mut copied);
        }
        at += 8;
    }
    escape_from(out, at, bytes.len(), &mut copied);
    out.push_str(&s[copied..]);
    out.push('"');
}

/// The length of [`push_string`] of `s`.
pub fn string_len(s: &str) -> usize {
    let escaped: usize = (s.bytes()).map(|b| escape_of(b).map_or(1, str::len)).sum();
    2 + escaped
}

/// `["a","b",…]`.
pub fn string_array(items: &[String]) -> String {
    let mut out = String::with_capacity(items.iter().map(|s| s.len() + 3).sum::<usize>() + 2);
    out.push('[');
    for (i, s) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_string(&mut out, s);
    }
    out.push(']');
    out
}

/// Appends a list of postings `(doc, score)`, in increasing document order, as
/// `gap,score,gap,score,…`, where a gap is the document's number less the one before (the
/// first gap is the number itself): a word on most pages has gaps of one digit. The digits
/// are written into `scratch`, sized once for the longest numbers, instead of one append
/// per number (a list can hold thousands of postings).
pub fn push_postings(
    out: &mut String,
    postings: impl ExactSizeIterator<Item = (u32, u32)>,
    scratch: &mut Vec<u8>,
) {
    // Two numbers of at most ten digits and two commas a posting. The scratch only grows
    // (every byte read back is written first): filling it anew for each term cost as much
    // as writing the numbers.
    let need = 22 * postings.len();
    if scratch.len() < need {
        scratch.resize(need, b',');
    }
    let mut at = 0;
    for (gap, score) in gaps(postings) {
        at = put_number(scratch, at, gap);
        scratch[at] = b',';
        at = put_number(scratch, at + 1, score);
        scratch[at] = b',';
        at += 1;
    }
    let written = &scratch[..at.saturating_sub(1)];
    out.push_str(std::str::from_utf8(written).expect("digits and commas"));
}

/// The length of what [`push_postings`] writes.
pub fn postings_len(postings: impl IntoIterator<Item = (u32, u32)>) -> usize {
    let (digits, count) = gaps(postings).fold((0, 0), |(digits, count), (gap, score)| {
        (digits + number_len(gap) + number_len(score), count + 1)
    });
    (digits + 2 * count).saturating_sub(1)
}

/// Each posting with its document's number as a gap from the one before.
fn gaps(postings: impl IntoIterator<Item = (u32, u32)>) -> impl Iterator<Item = (u32, u32)> {
    let mut previous = 0;
    postings.into_iter().map(move |(doc, score)| {
        let gap = doc - previous;
        previous = doc;
        (gap, score)
    })
}

/// Writes `n` in decimal into `dst` from `at`; returns where it ends.
fn put_number(dst: &mut [u8], at: usize, mut n: u32) -> usize {
    let end = at + number_len(n);
    for i in (at..end).rev() {
        dst[i] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    end
}

/// The number of decimal digits of `n`.
pub fn number_len(n: u32) -> usize {
    // Compared in order: the index's numbers (documents, scores) are mostly small.
    match n {
        0..=9 => 1,
        10..=99 => 2,
        100..=999 => 3,
        1_000..=9_999 => 4,
        10_000..=99_999 => 5,
        _ => n.ilog10() as usize + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(crate::test_support::proptest_cases(512))]

        /// Byte for byte what serde_json writes, for any text (escapes at every offset of a
        /// word, multi-byte characters across words).
        #[test]
        fn strings_are_written_as_serde_json_writes_them(s in "[a\"\\\\\\x00-\\x1f\\x7fé\u{628}\u{202f}😀 ]{0,40}") {
            let mut out = String::new();
            push_string(&mut out, &s);
            let expected = serde_json::to_string(&s).unwrap();
            prop_assert_eq!(&out, &expected);
            prop_assert_eq!(string_len(&s), expected.len());
        }

        #[test]
        fn arrays_and_numbers_are_written_as_serde_json_writes_them(
            items in proptest::collection::vec("[a\"\n\u{628}]{0,12}", 0..6),
            n in any::<u32>(),
        ) {
            prop_assert_eq!(string_array(&items), serde_json::to_string(&items).unwrap());
            let mut digits = [0u8; 10];
            let end = put_number(&mut digits, 0, n);
            let out = String::from_utf8(digits[..end].to_vec()).unwrap();
            prop_assert_eq!(out.len(), number_len(n));
            let small = n % 200_000;
            prop_assert_eq!(number_len(small), small.to_string().len());
            prop_assert_eq!(out, n.to_string());
        }
    }

    proptest! {
        #![proptest_config(crate::test_support::proptest_cases(512))]

        /// Gaps and scores, as serde_json writes the numbers; the gaps add up to the
        /// documents again.
        #[test]
        fn postings_are_written_as_gaps_and_scores(
            mut docs in proptest::collection::btree_set(any::<u32>(), 0..20),
            scores in proptest::collection::vec(0u32..300, 20),
            before in "[a,]{0,3}",
        ) {
            docs.insert(0);
            let postings: Vec<(u32, u32)> = docs.iter().copied().zip(scores).collect();
            let mut out = before.clone();
            let mut scratch = b"left over".to_vec();
            push_postings(&mut out, postings.iter().copied(), &mut scratch);
            prop_assert_eq!(out.len() - before.len(), postings_len(postings.iter().copied()));
            let written = &out[before.len()..];
            let numbers: Vec<u32> = serde_json::from_str(&format!("[{written}]")).unwrap();
            let flat: Vec<u32> = gaps(postings.iter().copied()).flat_map(|(g, s)| [g, s]).collect();
            let expected = serde_json::to_string(&flat).unwrap();
            prop_assert_eq!(written, &expected[1..expected.len() - 1]);
            let mut doc = 0;
            let read: Vec<(u32, u32)> = numbers.chunks(2).map(|p| { doc += p[0]; (doc, p[1]) }).collect();
            prop_assert_eq!(read, postings);
        }
    }

    #[test]
    fn every_byte_that_needs_an_escape_is_found_in_every_position() {
        for b in 0u8..=255 {
            for pos in 0..8 {
                let mut word = [b'a'; 8];
                word[pos] = b;
                let w = u64::from_le_bytes(word);
                assert_eq!(
                    word_needs_escape(w),
                    escape_of(b).is_some(),
                    "byte {b:#x} at {pos}"
                );
            }
        }
    }
}
