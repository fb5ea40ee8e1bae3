//! Reading `data/`: every file parsed into its raw form (as written, with locations), or
//! reported when it cannot be read or is not valid YAML. Checking comes after, in
//! [`super::validate`].

use super::raw::{RawChart, RawIndicator, RawRegime, RawSources};
use crate::diagnostics::Diagnostics;
use crate::foundation::yaml::parse;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

pub const SOURCES_FILE: &str = "data/sources.yaml";
pub const REGIMES_FILE: &str = "data/regimes.yaml";
pub const CHARTS_FILE: &str = "data/charts.yaml";

/// The files of `data/`, parsed. `None` marks a file that could not be read or parsed
/// (already reported).
pub struct RawData {
    pub sources: Option<RawSources>,
    pub regimes: Option<Vec<RawRegime>>,
    /// Each indicator file, relative to the site root, in path order.
    pub indicators: Vec<(PathBuf, Option<RawIndicator>)>,
    pub charts: Option<Vec<RawChart>>,
}

/// Reads and parses every file of `root/data`. Problems go to `diags`.
pub fn read_all(root: &Path, diags: &mut Diagnostics) -> RawData {
    let sources = read(root, Path::new(SOURCES_FILE), diags);
    let regimes = read(root, Path::new(REGIMES_FILE), diags);
    let indicators = indicator_files(root, diags)
        .into_iter()
        .map(|rel| {
            let parsed = read(root, &rel, diags);
            (rel, parsed)
        })
        .collect();
    let charts = read(root, Path::new(CHARTS_FILE), diags);
    RawData {
        sources,
        regimes,
        indicators,
        charts,
    }
}

fn read<T: serde::de::DeserializeOwned>(
    root: &Path,
    rel: &Path,
    diags: &mut Diagnostics,
) -> Option<T> {
    let text = match std::fs::read_to_string(root.join(rel)) {
        Ok(t) => t,
        Err(e) => {
            diags.error(
                rel,
                None,
                format!("cannot read the file: {e}"),
                "check that the file exists and is UTF-8 text",
            );
            return None;
        }
    };
    diags.add_source(rel, &text);
    match parse::<T>(rel, &text, 0) {
        Ok(v) => Some(v),
        Err(d) => {
            diags.push(d);
            None
        }
    }
}

fn indicator_files(root: &Path, diags: &mut Diagnostics) -> Vec<PathBuf> {
    let dir = root.join("data/indicators");
    if !dir.is_dir() {
        diags.error(
            Path::new("data/indicators"),
            None,
            "the folder data/indicators is missing",
            "create it with one YAML file per indicator",
        );
        return Vec::new();
    }
    let mut files: Vec<PathBuf> = WalkDir::new(&dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            matches!(
                e.path().extension().and_then(|x| x.to_str()),
                Some("yaml" | "yml")
            )
        })
        .filter_map(|e| e.path().strip_prefix(root).ok().map(Path::to_path_buf))
        .collect();
    files.sort();
    files
}
