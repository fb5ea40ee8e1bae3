//! Reading `data/`: every file parsed into its raw form (as written, with locations), or
//! reported when it cannot be read or is not valid YAML. Checking comes after, in
//! [`super::validate`].

use super::guide::{GUIDE_FILE, RawGuide};
use super::raw::{RawChart, RawIndicator, RawRegime, RawSources};
use crate::diagnostics::Diagnostics;
use crate::foundation::input_file::{Role, read_yaml};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

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
    /// `data/guide.yaml`: absent (the site has no guide), broken (reported) or parsed.
    pub guide: GuideInput,
    /// Some folder of data/indicators could not be read (already reported).
    pub incomplete_indicators: bool,
}

/// What `data/guide.yaml` gave: the guide is optional, so a site without the file simply
/// has no guide.
pub enum GuideInput {
    Absent,
    /// It could not be read or parsed (already reported).
    Broken,
    Parsed(Box<RawGuide>),
}

/// Reads and parses every file of `root/data`. Problems go to `diags`.
pub fn read_all(root: &Path, diags: &mut Diagnostics) -> RawData {
    // The files are parsed in parallel, each into its own diagnostics, which are then
    // reported in the order the files are listed here (as if read one after the other).
    let (indicator_walk, (indicator_files, incomplete_indicators)) =
        apart(|d| indicator_files(root, d));
    // The single files one after the other, beside the indicator files in parallel.
    let ((sources, regimes, charts, guide), indicators) = rayon::join(
        || {
            (
                apart(|d| read::<RawSources>(root, Path::new(SOURCES_FILE), d)),
                apart(|d| read::<Vec<RawRegime>>(root, Path::new(REGIMES_FILE), d)),
                apart(|d| read::<Vec<RawChart>>(root, Path::new(CHARTS_FILE), d)),
                apart(|d| read_guide(root, d)),
            )
        },
        || {
            (indicator_files.into_par_iter())
                .map(|rel| {
                    let (d, parsed) = apart(|d| read::<RawIndicator>(root, &rel, d));
                    (d, (rel, parsed))
                })
                .collect::<Vec<_>>()
        },
    );
    let sources = reported(diags, sources);
    let regimes = reported(diags, regimes);
    diags.extend(indicator_walk);
    let indicators = (indicators.into_iter())
        .map(|one| reported(diags, one))
        .collect();
    let charts = reported(diags, charts);
    let guide = reported(diags, guide);
    RawData {
        sources,
        regimes,
        indicators,
        charts,
        guide,
        incomplete_indicators,
    }
}

/// What `f` gives, with the problems it reported apart.
fn apart<T>(f: impl FnOnce(&mut Diagnostics) -> T) -> (Diagnostics, T) {
    let mut diags = Diagnostics::new();
    let value = f(&mut diags);
    (diags, value)
}

/// The value of `apart`, its problems moved into `diags`.
fn reported<T>(diags: &mut Diagnostics, (problems, value): (Diagnostics, T)) -> T {
    diags.extend(problems);
    value
}

/// `data/guide.yaml`, which a site may not have.
fn read_guide(root: &Path, diags: &mut Diagnostics) -> GuideInput {
    if root.join(GUIDE_FILE).exists() {
        read(root, Path::new(GUIDE_FILE), diags)
            .map_or(GuideInput::Broken, |g| GuideInput::Parsed(Box::new(g)))
    } else {
        GuideInput::Absent
    }
}

fn read<T: serde::de::DeserializeOwned>(
    root: &Path,
    rel: &Path,
    diags: &mut Diagnostics,
) -> Option<T> {
    let role = Role {
        what: "the file",
        hint: "check that the file exists and is UTF-8 text",
    };
    read_yaml(root, rel, &role, diags)
}

/// The indicator files (relative to the site root, in path order), and whether some folder
/// of `data/indicators` could not be read (already reported).
fn indicator_files(root: &Path, diags: &mut Diagnostics) -> (Vec<PathBuf>, bool) {
    let dir = root.join("data/indicators");
    if !dir.is_dir() {
        diags.error(
            Path::new("data/indicators"),
            None,
            "the folder data/indicators is missing",
            "create it with one YAML file per indicator",
        );
        return (Vec::new(), false);
    }
    let walked = crate::input_tree::walk(root, "data/indicators", diags);
    let files = walked
        .files
        .into_iter()
        .filter(|p| matches!(p.extension().and_then(|x| x.to_str()), Some("yaml" | "yml")))
        .collect();
    (files, walked.incomplete)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Files parsed in parallel each report their problems, none lost or doubled, and
    /// the files that parse still give their values.
    #[test]
    fn every_broken_file_is_reported_once_whatever_the_thread_that_read_it() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("data/indicators")).unwrap();
        let broken = "a: [unclosed\n";
        std::fs::write(root.join(SOURCES_FILE), broken).unwrap();
        std::fs::write(root.join(REGIMES_FILE), "[]\n").unwrap();
        std::fs::write(root.join(CHARTS_FILE), broken).unwrap();
        for i in 0..12 {
            let text = if i % 3 == 0 {
                broken
            } else {
                "not: [an, indicator]\n"
            };
            std::fs::write(root.join(format!("data/indicators/i{i:02}.yaml")), text).unwrap();
        }
        let mut diags = Diagnostics::new();
        let raw = read_all(root, &mut diags);
        let mut files: Vec<String> = (diags.sorted().iter())
            .map(|d| d.file.to_string_lossy().replace('\\', "/"))
            .collect();
        files.dedup();
        let mut expected: Vec<String> = (0..12)
            .map(|i| format!("data/indicators/i{i:02}.yaml"))
            .chain([CHARTS_FILE.to_string(), SOURCES_FILE.to_string()])
            .collect();
        expected.sort();
        assert_eq!(files, expected, "each broken file, once");
        assert_eq!(raw.regimes.map(|r| r.len()), Some(0));
        assert!(raw.sources.is_none() && raw.charts.is_none());
        assert_eq!(raw.indicators.len(), 12);
        assert!(raw.indicators.iter().all(|(_, parsed)| parsed.is_none()));
        assert!(matches!(raw.guide, GuideInput::Absent));
    }
}
