//! What the unit tests share: the property-test configuration.

/// `cases` random cases, no failure files written beside the sources (a failing case is
/// printed, and a test keeps its own regression cases).
pub fn proptest_cases(cases: u32) -> proptest::prelude::ProptestConfig {
    proptest::prelude::ProptestConfig {
        cases,
        failure_persistence: None,
        ..proptest::prelude::ProptestConfig::default()
    }
}
