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
/// cannot be read, or is not UTF-8 text (located at its first invalid byte).
pub fn read_text(
    root: &Path,
    rel: &Path,
    role: &Role,
    diags: &mut Diagnostics,
) -> Option<Arc<str>> {
    let bytes = match std::fs::read(root.join(rel)) {
        Ok(bytes) => bytes,
        Err(e) => {
            let message = format!("cannot read {}: {e}", role.what);
            diags.error(rel, None, message, role.hint);
            return None;
        }
    };
    match utf8(&bytes) {
        Ok(text) => {
            let text: Arc<str> = Arc::from(text);
            diags.add_shared_source(rel, Arc::clone(&text));
            Some(text)
        }
        Err(valid_up_to) => {
            let valid = utf8(&bytes[..valid_up_to]).unwrap_or_default();
            let at = crate::diagnostics::line_col(valid, valid_up_to);
            let message = format!("cannot read {}: it is not UTF-8 text", role.what);
            diags.error(rel, Some(at), message, role.hint);
            None
        }
    }
}

/// `bytes` as text, or how many bytes from the start are valid UTF-8. SIMD validation:
/// every page is read (and read again when rendered), and Arabic text is off the standard
/// library's ASCII fast path.
pub fn utf8(bytes: &[u8]) -> Result<&str, usize> {
    simdutf8::compat::from_utf8(bytes).map_err(|e| e.valid_up_to())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Position;

    const ROLE: Role = Role {
        what: "the page",
        hint: "save the file as UTF-8 text",
    };

    #[test]
    fn reads_arabic_and_french_text_and_remembers_it() {
        let dir = tempfile::tempdir().unwrap();
        let text = "---\ntitle: « Été »\n---\nالتأمين الإجباري الأساسي عن المرض\n";
        std::fs::write(dir.path().join("a.md"), text).unwrap();
        let mut diags = Diagnostics::new();
        let read = read_text(dir.path(), Path::new("a.md"), &ROLE, &mut diags);
        assert_eq!(read.as_deref(), Some(text));
        assert!(diags.is_empty());
        assert_eq!(diags.source(Path::new("a.md")), Some(text));
    }

    #[test]
    fn a_file_not_in_utf8_is_located_at_its_first_bad_byte() {
        let dir = tempfile::tempdir().unwrap();
        // Line 2: "Été " then a Latin-1 "é" (0xE9 alone is not UTF-8).
        std::fs::write(
            dir.path().join("b.md"),
            b"ok\n\xc3\x89t\xc3\xa9 \xe9t\xe9\n",
        )
        .unwrap();
        let mut diags = Diagnostics::new();
        assert!(read_text(dir.path(), Path::new("b.md"), &ROLE, &mut diags).is_none());
        let found = diags.sorted();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].position, Some(Position::new(2, 5)));
        assert_eq!(
            found[0].message,
            "cannot read the page: it is not UTF-8 text"
        );
    }

    #[test]
    fn utf8_tells_how_far_the_text_is_valid() {
        assert_eq!(utf8("عربي".as_bytes()), Ok("عربي"));
        assert_eq!(utf8(b"ab\xffcd"), Err(2));
        // A character cut short at the end is not valid either.
        assert_eq!(utf8(&"é".as_bytes()[..1]), Err(0));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 2000, failure_persistence: None, ..Default::default()
        })]
        /// The SIMD validator gives the standard library's answer and error offset.
        #[test]
        fn utf8_agrees_with_the_standard_library(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..200),
            text in "[a-zé ب-ي\u{200f}]{0,80}",
        ) {
            let expected = std::str::from_utf8(&bytes).map_err(|e| e.valid_up_to());
            proptest::prop_assert_eq!(utf8(&bytes), expected);
            let mut mixed = text.into_bytes();
            mixed.extend_from_slice(&bytes);
            let expected = std::str::from_utf8(&mixed).map_err(|e| e.valid_up_to());
            proptest::prop_assert_eq!(utf8(&mixed), expected);
        }
    }
}
