//! Helpers shared by the end-to-end tests: a copy of the default site or of the frozen
//! fixture site (`tests/fixtures/site`) in a temporary folder, the pipeline run on it in
//! process, and the real `amo-site` binary run on it.

#![allow(dead_code)]

use amo_site::cache::BuildCache;
use amo_site::pipeline::{self, BuildError, Built};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

/// One located problem of an in-process run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// `file:line:column` (or the file alone when the problem concerns all of it).
    pub location: String,
    pub message: String,
    /// What to do about it.
    pub hint: String,
}

/// Asserts that `problems` hold each (`location`, part of the message or hint) pair, and no
/// other problem: the located diagnostics a case must give, exactly.
#[track_caller]
pub fn assert_problems(problems: &[Problem], expected: &[(&str, &str)]) {
    for (location, message) in expected {
        assert!(
            problems.iter().any(|p| p.location == *location
                && (p.message.contains(message) || p.hint.contains(message))),
            "no problem {message:?} at {location}; got:\n{problems:#?}"
        );
    }
    assert_eq!(
        problems.len(),
        expected.len(),
        "other problems than expected:\n{problems:#?}"
    );
}

/// The output files of an in-process run.
pub struct BuiltFiles(pub BTreeMap<String, Vec<u8>>);

impl BuiltFiles {
    pub fn text(&self, path: &str) -> String {
        let bytes = self
            .0
            .get(path)
            .unwrap_or_else(|| panic!("no output file {path}"));
        String::from_utf8(bytes.clone()).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    pub fn bytes(&self, path: &str) -> &[u8] {
        self.0
            .get(path)
            .unwrap_or_else(|| panic!("no output file {path}"))
    }
}

/// The PNG cache shared by the in-process runs of one test binary.
fn shared_cache() -> PathBuf {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("temp dir"))
        .path()
        .join(".amo-cache")
}

/// The repository root, which holds the default (real) AMO site.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The frozen fixture site: `site.yaml`, `data/` and `content/` that editors never change.
pub fn fixture_dir() -> PathBuf {
    repo().join("tests/fixtures/site")
}

/// A temporary copy of a site: site.yaml, data/, content/, static/, i18n/.
pub struct SiteCopy {
    pub dir: tempfile::TempDir,
}

impl SiteCopy {
    /// A copy of the default (shipped) site.
    pub fn new() -> Self {
        Self::from_parts(&repo(), &repo())
    }

    /// A copy of the frozen fixture site, with the repository's interface strings
    /// (`i18n/`, whose keys the code declares) and stylesheet (`static/`).
    pub fn fixture() -> Self {
        Self::from_parts(&fixture_dir(), &repo())
    }

    /// `site.yaml`, `data/` and `content/` from `editorial`; `static/` and `i18n/` from `code`.
    fn from_parts(editorial: &Path, code: &Path) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        for item in ["site.yaml", "data", "content"] {
            copy(&editorial.join(item), &dir.path().join(item));
        }
        for item in ["static", "i18n"] {
            copy(&code.join(item), &dir.path().join(item));
        }
        SiteCopy { dir }
    }

    /// Runs the pipeline in process (every stage but `write`), with chart PNGs kept in a
    /// cache shared by the tests of this binary, so an unchanged chart is drawn once.
    pub fn run(&self) -> Result<Built, BuildError> {
        pipeline::run(self.root(), &BuildCache::at(shared_cache()))
    }

    /// The problems an in-process run finds, sorted and deduplicated as the terminal shows
    /// them; panics if the run succeeds or fails for another reason than its input.
    pub fn problems(&self) -> Vec<Problem> {
        match self.run() {
            Ok(_) => panic!("the build succeeded; expected problems"),
            Err(BuildError::Invalid(diags)) => diags
                .sorted()
                .into_iter()
                .map(|d| Problem {
                    location: d.location(),
                    message: d.message.clone(),
                    hint: d.hint.clone().unwrap_or_default(),
                })
                .collect(),
            Err(e) => panic!("not an input problem: {e}"),
        }
    }

    /// The files of a successful in-process run, by output path.
    pub fn built(&self) -> BuiltFiles {
        let built = self
            .run()
            .unwrap_or_else(|e| panic!("build failed:\n{}", e.render("nothing was written")));
        BuiltFiles(built.files.into_iter().map(|f| (f.path, f.bytes)).collect())
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn out(&self) -> PathBuf {
        self.dir.path().join("public")
    }

    pub fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    pub fn write(&self, rel: &str, text: &str) {
        let p = self.root().join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }

    /// Replaces the first occurrence of `from` in a file; panics if absent, so a test never
    /// silently stops testing what it claims.
    pub fn replace(&self, rel: &str, from: &str, to: &str) {
        let text = self.read(rel);
        assert!(text.contains(from), "{rel} does not contain {from:?}");
        self.write(rel, &text.replacen(from, to, 1));
    }

    pub fn remove(&self, rel: &str) {
        fs::remove_file(self.root().join(rel)).unwrap();
    }

    /// Runs `amo-site build --root <copy> --out <copy>/public`.
    pub fn build(&self) -> Output {
        self.build_with_env(&[])
    }

    pub fn build_with_env(&self, env: &[(&str, &str)]) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_amo-site"));
        cmd.arg("build")
            .arg("--root")
            .arg(self.root())
            .arg("--out")
            .arg(self.out());
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.output().expect("run amo-site")
    }

    pub fn output_file(&self, rel: &str) -> String {
        fs::read_to_string(self.out().join(rel)).unwrap_or_else(|e| panic!("public/{rel}: {e}"))
    }
}

fn copy(from: &Path, to: &Path) {
    if from.is_dir() {
        fs::create_dir_all(to).unwrap();
        for entry in fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            copy(&entry.path(), &to.join(entry.file_name()));
        }
    } else {
        fs::copy(from, to).unwrap();
    }
}

/// Every file under `dir`, as paths relative to it, sorted.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p.strip_prefix(dir).unwrap().to_path_buf());
            }
        }
    }
    out.sort();
    out
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The default site, copied and built once per test binary and shared by its tests.
pub fn built_once() -> &'static SiteCopy {
    static SITE: std::sync::OnceLock<SiteCopy> = std::sync::OnceLock::new();
    SITE.get_or_init(|| {
        let site = SiteCopy::new();
        let out = site.build();
        assert!(out.status.success(), "build failed:\n{}", stderr(&out));
        site
    })
}
