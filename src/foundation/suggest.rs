//! "Did you mean …?": the known ids closest to a mistyped one, by Jaro-Winkler similarity
//! (`strsim`), which favours a shared beginning: `tadamon` finds `tadamon-beneficiaries`.

/// Below this similarity a known id is not worth suggesting.
const MIN_SIMILARITY: f64 = 0.8;
/// How much less similar than the closest id another may be and still be suggested.
const NEAR_BEST: f64 = 0.04;

/// At most `max` of `known`, most similar to `typed` first (ties in the order given).
pub fn closest<'a>(
    typed: &str,
    known: impl IntoIterator<Item = &'a str>,
    max: usize,
) -> Vec<&'a str> {
    let mut scored: Vec<(f64, &str)> = known
        .into_iter()
        .map(|k| (strsim::jaro_winkler(typed, k), k))
        .filter(|(score, _)| *score >= MIN_SIMILARITY)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    // Only those about as close as the closest: `le36` suggests `le360`, not every `cdc-2025-…`.
    let best = scored.first().map_or(1.0, |s| s.0);
    scored
        .into_iter()
        .take_while(|(score, _)| *score >= best - NEAR_BEST)
        .take(max)
        .map(|(_, k)| k)
        .collect()
}

/// ` (did you mean `a` or `b`?)`, or nothing when no known id is close.
pub fn did_you_mean<'a>(typed: &str, known: impl IntoIterator<Item = &'a str>) -> String {
    let close = closest(typed, known, 3);
    if close.is_empty() {
        return String::new();
    }
    let quoted: Vec<String> = close.iter().map(|k| format!("`{k}`")).collect();
    match quoted.split_last() {
        Some((last, [])) => format!("; did you mean {last}?"),
        Some((last, rest)) => format!("; did you mean {} or {last}?", rest.join(", ")),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const IDS: [&str; 4] = [
        "tadamon-beneficiaries",
        "tadamon-registered",
        "cnss-insured",
        "cnops-registered",
    ];

    #[test]
    fn suggests_typos_and_prefixes_best_first() {
        assert_eq!(closest("cnss-insurd", IDS, 3), ["cnss-insured"]);
        assert_eq!(closest("tadamon-registred", IDS, 1), ["tadamon-registered"]);
        let prefix = closest("tadamon", IDS, 3);
        assert_eq!(prefix.len(), 2, "{prefix:?}");
        assert!(prefix.iter().all(|k| k.starts_with("tadamon-")));
    }

    #[test]
    fn says_nothing_when_nothing_is_close() {
        assert!(closest("population", IDS, 3).is_empty());
        assert_eq!(did_you_mean("population", IDS), "");
        assert_eq!(
            did_you_mean("cnops-registerd", IDS),
            "; did you mean `cnops-registered`?"
        );
        assert_eq!(
            did_you_mean("tadamon", IDS),
            "; did you mean `tadamon-registered` or `tadamon-beneficiaries`?"
        );
    }
}
