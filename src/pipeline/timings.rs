//! How long each stage of a build took, in the order they ran, and how much memory the
//! process held when it ended (the probe for the streaming writer's memory goal).

use std::fmt;
use std::time::{Duration, Instant};

/// Stage names with their durations, in running order.
#[derive(Debug, Default, Clone)]
pub struct Timings {
    stages: Vec<(&'static str, Duration)>,
    /// Resident memory in bytes after each stage, where the system tells it.
    resident: Vec<Option<u64>>,
}

impl Timings {
    /// Runs `stage`, recording how long it took under `name`.
    pub fn time<T>(&mut self, name: &'static str, stage: impl FnOnce() -> T) -> T {
        let started = Instant::now();
        let out = stage();
        self.record(name, started.elapsed());
        out
    }

    pub fn record(&mut self, name: &'static str, elapsed: Duration) {
        self.stages.push((name, elapsed));
        self.resident.push(resident_bytes());
    }

    /// Every stage in running order.
    pub fn stages(&self) -> &[(&'static str, Duration)] {
        &self.stages
    }

    /// The duration recorded under `name`, if that stage ran.
    pub fn get(&self, name: &str) -> Option<Duration> {
        self.stages.iter().find(|(n, _)| *n == name).map(|s| s.1)
    }
}

impl fmt::Display for Timings {
    /// One line per stage: name, milliseconds.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for ((name, d), rss) in self.stages.iter().zip(&self.resident) {
            write!(f, "  {name:<10} {:>9.2} ms", d.as_secs_f64() * 1000.0)?;
            match rss {
                Some(b) => writeln!(f, "  {:>6} MiB resident", b >> 20)?,
                None => writeln!(f)?,
            }
        }
        Ok(())
    }
}

/// The process's resident set now, from `/proc/self/statm` (Linux); `None` elsewhere.
fn resident_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * rustix::param::page_size() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_are_kept_in_running_order() {
        let mut t = Timings::default();
        assert_eq!(t.time("load", || 2), 2);
        t.record("write", Duration::from_millis(3));
        let names: Vec<&str> = t.stages().iter().map(|s| s.0).collect();
        assert_eq!(names, ["load", "write"]);
        assert_eq!(t.get("write"), Some(Duration::from_millis(3)));
        assert!(t.to_string().contains("write"));
    }
}
