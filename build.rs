//! Gives the binary a build id: a hash of the code and everything compiled into it (`src/`,
//! `templates/`, the stylesheet the chart palette reads, `Cargo.lock`). The build cache
//! (`.amo-cache/`) keys every entry with it, so a changed binary never reuses what an older
//! one made.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn main() {
    let mut all = Vec::new();
    for dir in ["src", "templates", "static/css"] {
        println!("cargo:rerun-if-changed={dir}");
        files(Path::new(dir), &mut all);
    }
    for file in ["Cargo.lock", "Cargo.toml"] {
        println!("cargo:rerun-if-changed={file}");
        all.push(PathBuf::from(file));
    }
    all.sort();
    let mut h = DefaultHasher::new();
    for path in &all {
        path.hash(&mut h);
        std::fs::read(path).unwrap_or_default().hash(&mut h);
    }
    println!("cargo:rustc-env=AMO_BUILD_ID={:016x}", h.finish());
}
