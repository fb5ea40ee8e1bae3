//! Names of `static/` files that would collide once published: two files that a browser
//! or a server reaches by the same address (`a b.css` and `a%20b.css`), or that a
//! case-insensitive file system would merge (`Logo.svg` and `logo.svg`).

use crate::diagnostics::Diagnostics;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Reports every pair of `static/` files whose names collide; problems go to `diags`.
pub fn check_static(root: &Path, diags: &mut Diagnostics) {
    if !root.join("static").is_dir() {
        return;
    }
    let walked = super::walk(root, "static", diags);
    let mut seen: BTreeMap<String, PathBuf> = BTreeMap::new();
    for file in walked.files {
        let key = collision_key(&file.to_string_lossy());
        if let Some(first) = seen.get(&key) {
            diags.error(
                &file,
                None,
                format!(
                    "{} and {} are published at the same address",
                    first.display(),
                    file.display()
                ),
                "rename one of the two: names are compared after decoding %XX escapes and ignoring case",
            );
        } else {
            seen.insert(key, file);
        }
    }
}

/// A name percent-decoded (as a URL path is) and lowercased.
fn collision_key(name: &str) -> String {
    let bytes = name.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: Option<&u8>| b.and_then(|b| (*b as char).to_digit(16));
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (hex(bytes.get(i + 1)), hex(bytes.get(i + 2)))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoded_and_case_collisions_name_both_files() {
        let site = tempfile::tempdir().unwrap();
        let dir = site.path().join("static");
        std::fs::create_dir_all(&dir).unwrap();
        for name in ["a b.css", "a%20b.css", "Logo.svg", "logo.svg", "ok.css"] {
            std::fs::write(dir.join(name), "x").unwrap();
        }
        let mut d = Diagnostics::new();
        check_static(site.path(), &mut d);
        let errs = d.sorted();
        assert_eq!(errs.len(), 2, "{errs:?}");
        assert!(errs.iter().any(
            |e| e.message.contains("static/a b.css") && e.message.contains("static/a%20b.css")
        ));
        assert!(errs.iter().any(
            |e| e.message.contains("static/Logo.svg") && e.message.contains("static/logo.svg")
        ));
    }
}
