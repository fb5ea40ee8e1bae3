//! Reading one input file of the site: a located error when it cannot be read, its text
//! remembered for error excerpts, refused characters reported, and for YAML files the
//! parse. Every loader (configuration, data, pages, interface strings, nouns) reads its
//! files through here, so they all report the same way.

use super::{text_policy, yaml};
use crate::diagnostics::Diagnostics;
use serde::de::DeserializeOwned;
use std::path::Path;
use std::sync::Arc;

/// What a file is, for the message when it cannot be read: "the site configuration".
pub struct Role<'a> {
    pub what: &'a str,
    /// What to do when the file cannot be read.
    pub hint: &'a str,
}

/// The text of `root/rel`, remembered in `diags` for excerpts; `None` (reported) when it
/// cannot be read as UTF-8 text.
pub fn read_text(
    root: &Path,
    rel: &Path,
    role: &Role,
    diags: &mut Diagnostics,
) -> Option<Arc<str>> {
    match std::fs::read_to_string(root.join(rel)) {
        Ok(text) => {
            let text: Arc<str> = Arc::from(text);
            diags.add_shared_source(rel, Arc::clone(&text));
            Some(text)
        }
        Err(e) => {
            diags.error(
                rel,
                None,
                format!("cannot read {}: {e}", role.what),
                role.hint,
            );
            None
        }
    }
}

/// A whole YAML file: read, checked for refused characters, parsed into `T`. `None` when it
/// cannot be read or parsed (reported).
pub fn read_yaml<T: DeserializeOwned>(
    root: &Path,
    rel: &Path,
    role: &Role,
    diags: &mut Diagnostics,
) -> Option<T> {
    read_yaml_and_text(root, rel, role, diags).map(|(v, _)| v)
}

/// [`read_yaml`], also giving the file's text (to locate later checks in it).
pub fn read_yaml_and_text<T: DeserializeOwned>(
    root: &Path,
    rel: &Path,
    role: &Role,
    diags: &mut Diagnostics,
) -> Option<(T, Arc<str>)> {
    let text = read_text(root, rel, role, diags)?;
    text_policy::check_yaml(rel, &text, 0, &text, diags);
    match yaml::parse(rel, &text, 0) {
        Ok(v) => Some((v, text)),
        Err(d) => {
            diags.push(d);
            None
        }
    }
}
