//! Settings of the bench binaries, read from the environment.

/// The environment variable `key` parsed, or `default` if it is unset or does not parse.
pub fn env_or<T: std::str::FromStr>(key: &str, default: T) -> T {
    std::env::var(key)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
