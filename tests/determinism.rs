//! Output is deterministic: the same input gives byte-identical files, whatever the
//! thread count.

mod common;

use common::{SiteCopy, files_under};
use std::fs;

#[test]
fn two_builds_with_different_thread_counts_are_byte_identical() {
    let one = SiteCopy::new();
    let many = SiteCopy::new();
    assert!(
        one.build_with_env(&[("RAYON_NUM_THREADS", "1")])
            .status
            .success()
    );
    assert!(
        many.build_with_env(&[("RAYON_NUM_THREADS", "8")])
            .status
            .success()
    );
    let a = files_under(&one.out());
    let b = files_under(&many.out());
    assert_eq!(a, b, "different file lists");
    assert!(a.len() > 50);
    // The writer's marker names its tree (unique by design); every site file must match.
    for rel in a.iter().filter(|p| p.as_os_str() != ".amo-tree") {
        let x = fs::read(one.out().join(rel)).unwrap();
        let y = fs::read(many.out().join(rel)).unwrap();
        assert!(x == y, "{} differs between builds", rel.display());
    }
}

#[test]
fn rebuilding_in_place_changes_nothing() {
    let site = SiteCopy::new();
    assert!(site.build().status.success());
    let before: Vec<(std::path::PathBuf, Vec<u8>)> = files_under(&site.out())
        .into_iter()
        .map(|p| (p.clone(), fs::read(site.out().join(&p)).unwrap()))
        .collect();
    assert!(site.build().status.success());
    let after: Vec<(std::path::PathBuf, Vec<u8>)> = files_under(&site.out())
        .into_iter()
        .map(|p| (p.clone(), fs::read(site.out().join(&p)).unwrap()))
        .collect();
    assert!(before == after);
}

fn snapshot(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    files_under(dir)
        .into_iter()
        .filter(|p| p.as_os_str() != ".amo-tree")
        .map(|p| {
            let bytes = fs::read(dir.join(&p)).unwrap();
            (p, bytes)
        })
        .collect()
}

fn build_into(site: &SiteCopy, out: &std::path::Path, extra: &[&str]) -> String {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_amo-site"))
        .args(["build", "--timings", "--root"])
        .arg(site.root())
        .arg("--out")
        .arg(out)
        .args(extra)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn the_build_cache_gives_the_same_bytes_and_never_a_stale_image() {
    let site = SiteCopy::new();
    let tmp = tempfile::tempdir().unwrap();
    let (cold, warm, none) = (
        tmp.path().join("a"),
        tmp.path().join("b"),
        tmp.path().join("c"),
    );
    let first = build_into(&site, &cold, &[]);
    assert!(first.contains("cache: 0 reused"), "{first}");
    let second = build_into(&site, &warm, &[]);
    assert!(
        second.contains(" made, 0 unused")
            && second.contains("cache: ")
            && !second.contains("cache: 0 reused"),
        "{second}"
    );
    assert!(second.contains(", 0 made,"), "nothing redrawn: {second}");
    build_into(&site, &none, &["--no-cache"]);
    assert!(
        snapshot(&cold) == snapshot(&warm),
        "warm cache changed the output"
    );
    assert!(
        snapshot(&cold) == snapshot(&none),
        "the cache changed the output"
    );

    // A changed chart title is redrawn: its PNG differs from the cached one and equals a
    // build without the cache.
    site.replace(
        "data/charts.yaml",
        "Bénéficiaires de l’AMO gérée par la CNSS, par régime",
        "Bénéficiaires de l’AMO (CNSS), par régime",
    );
    let (edited, edited_none) = (tmp.path().join("d"), tmp.path().join("e"));
    let third = build_into(&site, &edited, &[]);
    assert!(!third.contains(", 0 made,"), "{third}");
    build_into(&site, &edited_none, &["--no-cache"]);
    let png = "data/charts/coverage-growth.fr.png";
    let new = fs::read(edited.join(png)).unwrap();
    assert_ne!(new, fs::read(cold.join(png)).unwrap(), "stale PNG reused");
    assert_eq!(new, fs::read(edited_none.join(png)).unwrap());
    // Entries the last build did not use are gone: the cache holds what the site needs.
    assert!(
        third.contains("unused entries deleted") && !third.contains(" 0 unused"),
        "{third}"
    );
}
