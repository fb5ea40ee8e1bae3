//! Test-only crash injection. In debug builds (which `cargo test` runs), setting
//! `AMO_SITE_TEST_CRASH_AT=<point>` makes the process exit at once at that point, as a
//! kill would: no cleanup runs. Release builds compile this to nothing.

/// The named points, in the order a build reaches them.
pub const POINTS: [&str; 4] = [
    "journal-written",
    "twin-written",
    "fallback-renamed-out",
    "swapped",
];

/// Exits the process with code 86 if the test asked to crash at `point`.
#[inline]
pub fn hit(point: &'static str) {
    debug_assert!(POINTS.contains(&point));
    #[cfg(debug_assertions)]
    if std::env::var("AMO_SITE_TEST_CRASH_AT").is_ok_and(|p| p == point) {
        std::process::exit(86);
    }
}

/// Whether a test asked for the portable swap (`AMO_SITE_TEST_SWAP=fallback`).
pub fn force_fallback() -> bool {
    cfg!(debug_assertions) && std::env::var("AMO_SITE_TEST_SWAP").is_ok_and(|v| v == "fallback")
}
