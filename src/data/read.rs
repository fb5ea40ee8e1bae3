//! Reading `data/`: every file parsed into its raw form (as written, with locations), or
//! reported when it cannot be read or is not valid YAML. Checking comes after, in
//! [`super::validate`].

use super::guide::{GUIDE_FILE, RawGuide};
use super::raw::{RawChart, RawIndicator, RawRegime, RawSources};
use crate::diagnostics::Diagnostics;
use crate::foundation::input_file::{Role, read_yaml};
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
    let sources = read(root, Path::new(SOURCES_FILE), diags);
    let regimes = read(root, Path::new(REGIMES_FILE), diags);
    let (indicator_files, incomplete_indicators) = indicator_files(root, diags);
    let indicators = indicator_files
        .into_iter()
        .map(|rel| {
            let parsed = read(root, &rel, diags);
            (rel, parsed)
        })
        .collect();
    let charts = read(root, Path::new(CHARTS_FILE), diags);
    let guide = if root.join(GUIDE_FILE).exists() {
        read(root, Path::new(GUIDE_FILE), diags)
            .map_or(GuideInput::Broken, |g| GuideInput::Parsed(Box::new(g)))
    } else {
        GuideInput::Absent
    };
    RawData {
        sources,
        regimes,
        indicators,
        charts,
        guide,
        incomplete_indicators,
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
