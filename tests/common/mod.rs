//! Helpers shared by the end-to-end tests: a copy of the default site in a temporary
//! folder, and running the real `amo-site` binary on it.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root, which holds the default (real) AMO site.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A temporary copy of the default site: site.yaml, data/, content/, static/, i18n/.
pub struct SiteCopy {
    pub dir: tempfile::TempDir,
}

impl SiteCopy {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        for item in ["site.yaml", "data", "content", "static", "i18n"] {
            copy(&repo().join(item), &dir.path().join(item));
        }
        SiteCopy { dir }
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
