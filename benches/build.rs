//! `cargo bench`: how long the default site takes to build.
//!
//! Reports, in one run, the time of each stage on the default site (load + validate,
//! figures, full in-memory render, full build with the atomic write), as medians over
//! repeated runs, and their ratios to the full build. No timing is asserted anywhere:
//! this is a measurement, not a test.

use amo_site::diagnostics::Diagnostics;
use amo_site::locale::Formatters;
use amo_site::site::{BuildOptions, build};
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time(runs: usize, mut f: impl FnMut()) -> Duration {
    f(); // warm-up
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(30);
    let out = tempfile::tempdir().expect("temp dir");

    let load = time(runs, || {
        let mut d = Diagnostics::new();
        let _ = amo_site::config::load(&root, &mut d);
        let _ = amo_site::data::load(&root, &mut d);
        let _ = amo_site::content::load(&root, &mut d);
        assert!(d.is_empty());
    });
    let mut d = Diagnostics::new();
    let data = amo_site::data::load(&root, &mut d);
    let formatters = Formatters::new();
    let ui = amo_site::locale::tables::load(&root, &mut d).expect("translation tables");
    let icu = time(runs, || {
        let _ = Formatters::new();
    });
    let config = amo_site::config::load(&root, &mut Diagnostics::new()).expect("site.yaml");
    let figures = time(runs, || {
        amo_site::figures::build(&config, &data, &formatters, &ui, None).expect("figures");
    });
    let render = time(runs, || {
        amo_site::site::render_files(&root)
            .map_err(|_| "render")
            .expect("render");
    });
    let cache = amo_site::figures::PngCache::default();
    let rebuild = time(runs, || {
        amo_site::site::render_files_cached(&root, Some(&cache))
            .map_err(|_| "render")
            .expect("render");
    });
    let options = BuildOptions {
        root: root.clone(),
        out: out.path().join("public"),
        force: false,
    };
    let full = time(runs, || {
        build(&options).map_err(|_| "build").expect("build");
    });

    let pct = |d: Duration| 100.0 * d.as_secs_f64() / full.as_secs_f64();
    println!(
        "default site, median of {runs} runs ({} threads)",
        rayon::current_num_threads()
    );
    println!("{:<48} {:>10} {:>8}", "stage", "time", "of full");
    for (name, d) in [
        ("load + validate (config, data, content)", load),
        ("CLDR formatters (ar-MA + fr-MA)", icu),
        ("figures: every chart x 2 languages, incl. PNG", figures),
        ("everything in memory (no write)", render),
        ("full build incl. publish (unchanged output)", full),
        ("serve rebuild (PNGs cached)", rebuild),
    ] {
        println!(
            "{name:<48} {:>8.2}ms {:>7.1}%",
            d.as_secs_f64() * 1000.0,
            pct(d)
        );
    }
}
