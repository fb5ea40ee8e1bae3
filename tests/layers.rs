//! The pipeline flows one way: every `use crate::…` edge between the top-level modules of
//! `src/` goes from a higher layer to a lower one, so there is no import cycle. This test
//! reads the source files and fails on any edge that breaks the layering below (which the
//! README's code-layout table describes).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The layers, lowest first. A module may use modules of lower layers only.
const LAYERS: &[&[&str]] = &[
    &["diagnostics", "output", "test_support"],
    &["foundation", "input_tree", "cache"],
    &["locale"],
    &["urls", "html", "json_script"],
    &["config", "data", "content"],
    &["context"],
    &["figures"],
    &["site", "exports"],
    &["render"],
    &["search"],
    &["pipeline"],
    &["check", "serve", "scaffold"],
    &["cli"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// The top-level modules named after `crate::` in `text`, including `crate::{a, b::c}`.
fn crate_uses(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                out.insert(first_segment(item.trim()));
            }
        } else {
            out.insert(first_segment(rest));
        }
    }
    out.retain(|m| !m.is_empty() && m != "self");
    out
}

fn first_segment(path: &str) -> String {
    path.chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

fn rust_files(path: &Path) -> Vec<std::path::PathBuf> {
    if path.is_file() {
        return vec![path.to_path_buf()];
    }
    walkdir::WalkDir::new(path)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        .map(|e| e.into_path())
        .collect()
}

/// Every edge `module → used module` between top-level modules of `src/`.
fn edges() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut edges = BTreeMap::new();
    for entry in std::fs::read_dir(&src).expect("src/") {
        let path = entry.expect("entry").path();
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        if matches!(name, "lib" | "main")
            || (path.is_file() && path.extension().is_none_or(|x| x != "rs"))
        {
            continue;
        }
        let mut uses = BTreeSet::new();
        for file in rust_files(&path) {
            let text = std::fs::read_to_string(&file).expect("source file");
            uses.extend(crate_uses(&text));
        }
        uses.remove(name);
        edges.insert(name.to_string(), uses);
    }
    edges
}

#[test]
fn every_module_has_a_layer() {
    for module in edges().keys() {
        assert!(
            layer_of(module).is_some(),
            "src/{module} is in no layer: add it to LAYERS in tests/layers.rs and to the README"
        );
    }
}

#[test]
fn modules_only_use_lower_layers() {
    let mut wrong = Vec::new();
    for (module, uses) in edges() {
        let Some(own) = layer_of(&module) else {
            continue;
        };
        for used in uses {
            match layer_of(&used) {
                Some(l) if l < own => {}
                _ => wrong.push(format!("{module} → {used}")),
            }
        }
    }
    assert!(wrong.is_empty(), "edges against the layering: {wrong:?}");
}

#[test]
fn the_edge_reader_sees_grouped_and_plain_paths() {
    let uses = crate_uses("use crate::{data::X, locale::{Lang}};\nlet f = crate::html::escape;");
    let uses: Vec<&str> = uses.iter().map(String::as_str).collect();
    assert_eq!(uses, ["data", "html", "locale"]);
}
