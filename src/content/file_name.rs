//! What is wrong with a page's file name: pages are `name.ar.md` / `name.fr.md`, each
//! folder and name an ASCII slug (it becomes the page's address).

use crate::locale::Lang;
use std::path::Path;

/// The message and hint for `rel` (`content/…`), whose name is not a valid page name.
pub fn explain(rel: &Path) -> (String, String) {
    let text = rel.to_string_lossy().replace('\\', "/");
    let inner = text.strip_prefix("content/").unwrap_or(&text);
    let stem = inner.strip_suffix(".md").unwrap_or(inner);
    let example = "e.g. `regimes/tadamon.ar.md` and `regimes/tadamon.fr.md`";
    let Some((key, code)) = stem.rsplit_once('.').filter(|(_, c)| !c.contains('/')) else {
        return (
            "a page's file name must end in `.ar.md` or `.fr.md`: this one names no language"
                .into(),
            format!("rename it, {example}"),
        );
    };
    if Lang::from_code(code).is_none() {
        return (
            format!(
                "`.{code}.md` is not a language of the site: pages end in `.ar.md` or `.fr.md`"
            ),
            format!("rename it, {example}"),
        );
    }
    let segments: Vec<&str> = key.split('/').collect();
    for (n, segment) in segments.iter().enumerate() {
        if let Some(problem) = segment_problem(segment) {
            let what = if n + 1 == segments.len() {
                "name"
            } else {
                "folder name"
            };
            return (
                format!("the {what} `{segment}` {problem}"),
                "page names and folders become addresses: use lowercase ASCII letters, digits and single hyphens, e.g. `couverture-2024`".into(),
            );
        }
    }
    (
        "this file name cannot be a page address".into(),
        format!("rename it, {example}"),
    )
}

/// Why `segment` is not an ASCII slug, or `None` if it is one.
fn segment_problem(segment: &str) -> Option<String> {
    if segment.is_empty() {
        return Some("is empty".into());
    }
    if let Some(c) = segment.chars().find(|c| c.is_whitespace()) {
        let which = if c == ' ' {
            "a space".to_string()
        } else {
            format!("the space U+{:04X}", c as u32)
        };
        return Some(format!("contains {which}"));
    }
    if segment.chars().any(|c| c.is_ascii_uppercase()) {
        return Some("contains uppercase letters".into());
    }
    if let Some(c) = segment.chars().find(|c| !c.is_ascii()) {
        return Some(format!("contains `{c}`, which is not ASCII"));
    }
    if let Some(c) = segment
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
    {
        return Some(format!("contains `{c}`"));
    }
    if segment.starts_with('-') || segment.ends_with('-') {
        return Some("starts or ends with a hyphen".into());
    }
    if segment.contains("--") {
        return Some("contains two hyphens in a row".into());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(name: &str) -> String {
        explain(Path::new(name)).0
    }

    #[test]
    fn each_kind_of_bad_name_is_told_what_is_wrong() {
        assert!(msg("content/my page.fr.md").contains("`my page` contains a space"));
        assert!(msg("content/Page.fr.md").contains("uppercase"));
        assert!(msg("content/café.fr.md").contains("not ASCII"));
        assert!(msg("content/a_b.fr.md").contains("contains `_`"));
        assert!(msg("content/-a.fr.md").contains("hyphen"));
        assert!(msg("content/a--b.fr.md").contains("two hyphens"));
        assert!(msg("content/page.en.md").contains("`.en.md` is not a language"));
        assert!(msg("content/page.md").contains("names no language"));
        assert!(msg("content/My Folder/page.fr.md").contains("folder name `My Folder`"));
    }
}
