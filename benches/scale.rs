//! `cargo bench --bench scale`: how amo-site scales, against a floor, in one run.
//!
//! For each N (default 1000, 5000, 10000; `SCALE_N=1000,5000` to choose), it generates a
//! corpus deterministically from a seed (`SCALE_SEED`, default 42): the default site plus N
//! reports per language of French and Arabic Markdown with headings, lists, a table, links,
//! figure directives and, every tenth report, a chart. Then, each in a fresh process, median
//! of `SCALE_RUNS` (default 3):
//!
//! - the floor: read every report's Markdown, split off the front matter, pulldown-cmark to
//!   HTML, a fixed page shell, write the files in parallel (this binary, `--floor`);
//! - amo-site, full build: a new output folder and an empty build cache;
//! - amo-site, charts unchanged: a new output folder, the cache of the previous build;
//! - amo-site, no change: the same output folder again.
//!
//! It prints wall time, pages/s, peak RSS, bytes written, the ratio to the floor and the
//! stage timings of the last full build. Nothing here is asserted: it is a measurement.
//! Needs nothing outside the repository. Work folders: `target/scale-bench/` (or
//! `SCALE_DIR`, e.g. on tmpfs: `SCALE_DIR=/dev/shm/amo-scale`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

#[path = "scale/corpus.rs"]
mod corpus;
#[path = "scale/env.rs"]
mod env;
#[path = "scale/floor.rs"]
mod floor;
use env::env_or;

/// One timed process: wall time and peak resident memory.
struct Run {
    wall: Duration,
    peak_rss_kib: i64,
    stdout: String,
}

/// Runs `cmd` to its end and reaps it with `wait4`, which gives that child's own peak RSS.
/// The command's output goes to pipes read on their own threads, so it never blocks.
fn run(cmd: &mut Command) -> Run {
    use std::io::Read;
    let started = Instant::now();
    let mut child = cmd
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start");
    let read = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            bytes
        })
    };
    let stdout = read(Box::new(child.stdout.take().expect("piped")));
    let stderr = read(Box::new(child.stderr.take().expect("piped")));
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: wait4 on our own child's pid, with valid pointers to locals.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(reaped, pid, "wait4 failed");
    let wall = started.elapsed();
    let (stdout, stderr) = (
        stdout.join().unwrap_or_default(),
        stderr.join().unwrap_or_default(),
    );
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&stderr)
    );
    // Already reaped by wait4: dropping `child` neither waits nor kills.
    drop(child);
    Run {
        wall,
        peak_rss_kib: usage.ru_maxrss,
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
    }
}

fn median(mut runs: Vec<Run>) -> Run {
    runs.sort_by_key(|r| r.wall);
    runs.swap_remove(runs.len() / 2)
}

fn bytes_under(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum()
}

fn amo(root: &Path, out: &Path, timings: bool) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_amo-site"));
    cmd.arg("build")
        .arg("--root")
        .arg(root)
        .arg("--out")
        .arg(out);
    if timings {
        cmd.arg("--timings");
    }
    cmd
}

fn fresh(dir: &Path) {
    let _ = std::fs::remove_dir_all(dir);
}

struct Row {
    label: String,
    run: Run,
    pages: usize,
    bytes: u64,
}

fn measure_n(work: &Path, n: usize, seed: u64, runs: usize, table: &mut Vec<Row>) -> String {
    let root = work.join(format!("n{n}"));
    corpus::generate(&root, n, seed);
    let (floor_out, out, cache) = (
        work.join(format!("n{n}-floor-out")),
        work.join(format!("n{n}-out")),
        root.join(".amo-cache"),
    );
    let floor_exe = std::env::current_exe().expect("own path");
    let mut floor_runs = Vec::new();
    let mut full = Vec::new();
    let mut warm = Vec::new();
    // Paired: floor, full, charts unchanged, alternating, so load on the machine hits all.
    for _ in 0..runs {
        fresh(&floor_out);
        floor_runs.push(run(Command::new(&floor_exe)
            .arg("--floor")
            .arg(root.join("content/reports"))
            .arg(&floor_out)));
        fresh(&out);
        fresh(&cache);
        full.push(run(&mut amo(&root, &out, true)));
        fresh(&out);
        warm.push(run(&mut amo(&root, &out, false)));
    }
    let unchanged: Vec<Run> = (0..runs)
        .map(|_| run(&mut amo(&root, &out, false)))
        .collect();
    let floor_bytes = bytes_under(&floor_out);
    let amo_bytes = bytes_under(&out);
    let full = median(full);
    let stages = full
        .stdout
        .lines()
        .skip_while(|l| !l.starts_with("stages:"))
        .collect::<Vec<_>>()
        .join("\n");
    let floor_pages = 2 * n;
    let pages = full
        .stdout
        .lines()
        .find_map(|l| l.strip_prefix("built ")?.split(' ').next()?.parse().ok())
        .unwrap_or(0);
    table.push(Row {
        label: format!("N={n} floor"),
        run: median(floor_runs),
        pages: floor_pages,
        bytes: floor_bytes,
    });
    table.push(Row {
        label: format!("N={n} amo-site full"),
        run: full,
        pages,
        bytes: amo_bytes,
    });
    table.push(Row {
        label: format!("N={n} amo-site charts unchanged"),
        run: median(warm),
        pages,
        bytes: amo_bytes,
    });
    table.push(Row {
        label: format!("N={n} amo-site no change"),
        run: median(unchanged),
        pages,
        bytes: amo_bytes,
    });
    stages
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--floor") {
        floor::run(Path::new(&args[2]), Path::new(&args[3]));
        return;
    }
    if args.iter().any(|a| a == "--list") {
        return; // `cargo bench -- --list`
    }
    let sizes: Vec<usize> = std::env::var("SCALE_N")
        .unwrap_or_else(|_| "1000,5000,10000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let seed = env_or("SCALE_SEED", 42u64);
    let runs = env_or("SCALE_RUNS", 3usize).max(1);
    let work = std::env::var("SCALE_DIR").map_or_else(
        |_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/scale-bench"),
        PathBuf::from,
    );
    std::fs::create_dir_all(&work).expect("work folder");
    let mut table = Vec::new();
    let mut report = String::new();
    for &n in &sizes {
        let stages = measure_n(&work, n, seed, runs, &mut table);
        let _ = writeln!(
            report,
            "\nstage timings, last full build at N={n}:\n{stages}"
        );
    }
    println!(
        "amo-site scale bench: {} cores, seed {seed}, median of {runs}, work folder {}",
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        work.display()
    );
    println!(
        "{:<34} {:>9} {:>9} {:>10} {:>10} {:>9}",
        "build", "wall s", "pages/s", "peak MiB", "MiB out", "× floor"
    );
    let mut floor_wall = Duration::ZERO;
    for row in &table {
        if row.label.ends_with("floor") {
            floor_wall = row.run.wall;
        }
        let secs = row.run.wall.as_secs_f64();
        println!(
            "{:<34} {:>9.3} {:>9.0} {:>10.1} {:>10.1} {:>9.2}",
            row.label,
            secs,
            row.pages as f64 / secs,
            row.run.peak_rss_kib as f64 / 1024.0,
            row.bytes as f64 / 1048576.0,
            secs / floor_wall.as_secs_f64()
        );
    }
    print!("{report}");
}
