//! Eight bytes at a time: the tests on a `u64` that let the search index's JSON writer,
//! the search text extractor, French typography and the refused-character check pass over
//! plain text without looking at each byte, and short searches for a byte or two.

/// `0x0101…01`: a byte repeated over a word.
pub const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
/// `0x8080…80`: the high bit of each byte.
pub const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);

/// Eight bytes of `bytes` from `at`, as one word.
pub fn word(bytes: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(bytes[at..at + 8].try_into().expect("eight bytes"))
}

/// Whether a byte of `w` is below `n` (at most 0x80). Exact as a yes or no.
pub fn has_byte_below(w: u64, n: u8) -> bool {
    w.wrapping_sub(ONES * u64::from(n)) & !w & HIGHS != 0
}

/// The high bit of each byte of `w` that is `b`, exactly (no false bits).
pub fn bytes_equal_to(w: u64, b: u8) -> u64 {
    let x = w ^ (ONES * u64::from(b));
    !(((x & !HIGHS) + !HIGHS) | x) & HIGHS
}

/// The first offset of `b` that holds `x`, eight bytes at a time: for short spans such as
/// a tag, where a call to `memchr` costs more than the scan.
pub fn find(b: &[u8], x: u8) -> Option<usize> {
    let mut i = 0;
    while i + 8 <= b.len() {
        let found = bytes_equal_to(word(b, i), x);
        if found != 0 {
            return Some(i + (found.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    (b[i..].iter().position(|&c| c == x)).map(|k| i + k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_is_told_in_every_position() {
        for b in 0u8..=255 {
            for pos in 0..8 {
                let mut bytes = [b'a'; 8];
                bytes[pos] = b;
                let w = u64::from_le_bytes(bytes);
                assert_eq!(has_byte_below(w, 0x20), b < 0x20, "{b:#x} at {pos}");
                let expected = if b == b' ' { 0x80 << (8 * pos) } else { 0 };
                assert_eq!(bytes_equal_to(w, b' '), expected, "{b:#x} at {pos}");
            }
        }
    }

    #[test]
    fn the_short_find_agrees_with_a_byte_loop() {
        for b in 0u8..=255 {
            for len in 0..20 {
                for at in 0..len {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = b;
                    let one = bytes.iter().position(|&c| c == b'>');
                    assert_eq!(find(&bytes, b'>'), one, "{b:#x} at {at}");
                }
            }
        }
    }
}
