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
