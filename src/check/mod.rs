//! `amo-site check`: everything `build` validates, plus the rendered site itself: every
//! internal link and `#anchor` resolves, every asset referenced exists, every page has its
//! counterpart. Problems are located in the Markdown they come from where possible. External
//! links are listed, never fetched.

mod punctuation;

use crate::diagnostics::{Diagnostic, Diagnostics, line_col};
use crate::pipeline::{self, BuildError, Built};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// What a check found.
pub struct Report {
    pub problems: Diagnostics,
    /// What does not fail the check but should be fixed: Latin `;` `?` in Arabic text.
    pub warnings: Diagnostics,
    /// External addresses, sorted and unique, with the number of pages using each.
    pub external: BTreeMap<String, usize>,
    pub pages_checked: usize,
    pub links_checked: usize,
}

/// Checks the site at `root`. `Err` holds what stopped the build (input problems are the
/// ones `build` would report).
pub fn check(root: &Path) -> Result<Report, BuildError> {
    let cache = crate::cache::BuildCache::beside(root);
    let site = pipeline::run(root, &cache)?;
    cache.finish();
    Ok(check_rendered(root, &site))
}

/// Link and anchor checks over a site built in memory.
pub fn check_rendered(root: &Path, site: &Built) -> Report {
    let files: BTreeMap<&str, &[u8]> = site
        .files
        .iter()
        .map(|f| (f.path.as_str(), f.bytes.as_slice()))
        .collect();
    let ids: BTreeMap<&str, BTreeSet<String>> = files
        .iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| {
            (
                *p,
                attribute_values(&String::from_utf8_lossy(b), "id")
                    .into_iter()
                    .map(|(v, _)| v)
                    .collect(),
            )
        })
        .collect();
    let mut problems = Diagnostics::new();
    let mut external: BTreeMap<String, usize> = BTreeMap::new();
    let (mut pages, mut links) = (0, 0);
    for (path, bytes) in &files {
        if !path.ends_with(".html") {
            continue;
        }
        pages += 1;
        let html = String::from_utf8_lossy(bytes);
        let mut seen_external = BTreeSet::new();
        for attr in ["href", "src"] {
            for (value, _) in attribute_values(&html, attr) {
                links += 1;
                // Absolute links to the site itself are checked like site-relative ones.
                let value = match value.strip_prefix(site.base_url.trim_end_matches('/')) {
                    Some(rest) if rest.starts_with('/') => rest.to_string(),
                    _ => value,
                };
                if value.starts_with("http://")
                    || value.starts_with("https://")
                    || value.starts_with("mailto:")
                {
                    if seen_external.insert(value.clone()) {
                        *external.entry(value).or_default() += 1;
                    }
                    continue;
                }
                if let Some(problem) = resolve(path, &value, &files, &ids) {
                    let (file, position) = locate(root, site, path, &value);
                    problems.push(
                        Diagnostic::new(file, position, problem)
                            .with_hint("fix the address, or the anchor it points to"),
                    );
                }
            }
        }
    }
    for (file, text) in site.page_sources.values().filter_map(|f| {
        std::fs::read_to_string(root.join(f))
            .ok()
            .map(|t| (f.clone(), t))
    }) {
        problems.add_source(&file, &text);
    }
    let mut arabic: Vec<PathBuf> = site
        .page_sources
        .values()
        .filter(|f| f.to_string_lossy().ends_with(".ar.md"))
        .cloned()
        .collect();
    arabic.sort();
    arabic.dedup();
    arabic.push(PathBuf::from("i18n/ar.yaml"));
    // The guide writes both languages side by side; a French sign follows Latin letters.
    arabic.push(PathBuf::from(crate::data::guide::GUIDE_FILE));
    Report {
        warnings: punctuation::arabic_punctuation(root, &arabic),
        problems,
        external,
        pages_checked: pages,
        links_checked: links,
    }
}

/// Why a site-relative link does not resolve, if it does not.
fn resolve(
    from: &str,
    link: &str,
    files: &BTreeMap<&str, &[u8]>,
    ids: &BTreeMap<&str, BTreeSet<String>>,
) -> Option<String> {
    let link = decode_entities(link);
    let (path_part, fragment) = match link.split_once('#') {
        Some((p, f)) => (p.to_string(), Some(percent_decode(f))),
        None => (link.clone(), None),
    };
    let path_part = path_part.split('?').next().unwrap_or_default().to_string();
    let target = if path_part.is_empty() {
        from.to_string()
    } else if let Some(abs) = path_part.strip_prefix('/') {
        crate::urls::output_file(&format!("/{abs}"))
    } else {
        let base = Path::new(from).parent().unwrap_or(Path::new(""));
        crate::urls::output_file(&format!("/{}", base.join(&path_part).to_string_lossy()))
    };
    if !files.contains_key(target.as_str()) {
        return Some(format!(
            "broken link `{link}`: nothing is published at that address"
        ));
    }
    match fragment {
        Some(f) if !f.is_empty() => match ids.get(target.as_str()) {
            Some(set) if set.contains(&f) => None,
            Some(_) => Some(format!(
                "broken anchor `{link}`: the page has no element with id `{f}`"
            )),
            None => None,
        },
        _ => None,
    }
}

/// The Markdown file and position a link comes from, or the output file when a template
/// wrote it.
fn locate(
    root: &Path,
    site: &Built,
    output: &str,
    link: &str,
) -> (PathBuf, Option<crate::diagnostics::Position>) {
    if let Some(source) = site.page_sources.get(output)
        && let Ok(text) = std::fs::read_to_string(root.join(source))
    {
        let raw = decode_entities(link);
        if let Some(at) = text
            .find(&format!("]({raw}"))
            .map(|i| i + 2)
            .or_else(|| text.find(raw.as_str()))
        {
            return (source.clone(), Some(line_col(&text, at)));
        }
    }
    (PathBuf::from(format!("public/{output}")), None)
}

/// Values of `name="…"` attributes with their byte offsets.
fn attribute_values(html: &str, name: &str) -> Vec<(String, usize)> {
    let key = format!(" {name}=\"");
    html.match_indices(&key)
        .filter_map(|(i, _)| {
            let start = i + key.len();
            html[start..]
                .find('"')
                .map(|end| (html[start..start + end].to_string(), start))
        })
        .collect()
}

fn decode_entities(s: &str) -> String {
    s.replace("&amp;", "&")
        .replace("&#38;", "&")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
}

/// `%XX` escapes decoded (a `%` not followed by two hex digits stays as it is).
fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_percent_encoded_arabic_anchors() {
        assert_eq!(percent_decode("%D9%85%D9%86"), "من");
        assert_eq!(percent_decode("a%2"), "a%2");
        assert_eq!(percent_decode("%Dمن"), "%Dمن");
    }

    #[test]
    fn resolves_paths_and_anchors() {
        let page = b"<h2 id=\"x\">".as_slice();
        let files: BTreeMap<&str, &[u8]> =
            [("fr/index.html", page), ("data/a.csv", b"".as_slice())]
                .into_iter()
                .collect();
        let ids: BTreeMap<&str, BTreeSet<String>> =
            [("fr/index.html", ["x".to_string()].into_iter().collect())]
                .into_iter()
                .collect();
        assert_eq!(resolve("fr/index.html", "/fr/#x", &files, &ids), None);
        assert_eq!(resolve("fr/index.html", "#x", &files, &ids), None);
        assert_eq!(resolve("fr/index.html", "/data/a.csv", &files, &ids), None);
        assert!(
            resolve("fr/index.html", "/fr/#y", &files, &ids)
                .unwrap()
                .contains("broken anchor")
        );
        assert!(
            resolve("fr/index.html", "/fr/missing/", &files, &ids)
                .unwrap()
                .contains("broken link")
        );
    }
}
