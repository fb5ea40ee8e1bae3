//! `cargo bench`: how long the default site takes to build, stage by stage.
//!
//! Runs the pipeline repeatedly (the same one `build`, `serve` and `check` run) and reports,
//! in one run, each stage's median time as `Timings` recorded it and its share of the full
//! build, plus a `serve` rebuild with PNGs cached. No timing is asserted anywhere: this is a
//! measurement, not a test.

use amo_site::cache::BuildCache;
use amo_site::pipeline::{self, BuildOptions, Timings};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Runs `once` `runs` times after a warm-up and gives each stage's median, in stage order.
fn medians(runs: usize, mut once: impl FnMut() -> Timings) -> Vec<(&'static str, Duration)> {
    let warm = once();
    let mut samples: BTreeMap<&'static str, Vec<Duration>> = BTreeMap::new();
    for _ in 0..runs {
        for (name, d) in once().stages() {
            samples.entry(name).or_default().push(*d);
        }
    }
    warm.stages()
        .iter()
        .map(|(name, _)| (*name, median(samples.remove(name).unwrap_or_default())))
        .collect()
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(30);
    let out = tempfile::tempdir().expect("temp dir");
    let options = BuildOptions {
        root: root.clone(),
        out: out.path().join("public"),
        force: false,
        cache: false,
    };
    let full = medians(runs, || {
        pipeline::build(&options)
            .map_err(|e| e.to_string())
            .expect("build")
            .timings
    });
    let cache_dir = tempfile::tempdir().expect("temp dir");
    let rebuild = medians(runs, || {
        pipeline::run(&root, &BuildCache::at(cache_dir.path().to_path_buf()))
            .map_err(|e| e.to_string())
            .expect("serve rebuild")
            .timings
    });

    let total = full
        .iter()
        .find(|s| s.0 == "total")
        .map_or(Duration::ZERO, |s| s.1);
    let pct = |d: Duration| 100.0 * d.as_secs_f64() / total.as_secs_f64();
    println!(
        "default site, median of {runs} runs ({} threads)",
        rayon::current_num_threads()
    );
    println!(
        "{:<40} {:>10} {:>8}",
        "stage (amo-site build)", "time", "of full"
    );
    for (name, d) in &full {
        println!(
            "{name:<40} {:>8.2}ms {:>7.1}%",
            d.as_secs_f64() * 1e3,
            pct(*d)
        );
    }
    let in_memory: Duration = rebuild.iter().map(|s| s.1).sum();
    println!(
        "{:<40} {:>8.2}ms {:>7.1}%",
        "serve rebuild (cache warm, no write)",
        in_memory.as_secs_f64() * 1e3,
        pct(in_memory)
    );
}
