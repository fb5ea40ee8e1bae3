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

/// The chart PNGs in a site's build cache (`.amo-cache/png-…`).
fn cached_pngs(site: &SiteCopy) -> std::collections::BTreeSet<String> {
    fs::read_dir(site.root().join(".amo-cache"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("png-"))
        .collect()
}

/// On the fixture (one line chart of every observation, one bar chart of latest values), in
/// process: a changed observation redraws the charts it appears in and only those.
#[test]
fn changed_chart_data_redraws_that_chart_and_the_others_come_from_the_cache() {
    let site = SiteCopy::fixture();
    let outs = tempfile::tempdir().unwrap();
    let build = |out: &str| {
        amo_site::pipeline::build(&amo_site::pipeline::BuildOptions {
            root: site.root().to_path_buf(),
            out: outs.path().join(out),
            force: false,
            cache: true,
        })
        .unwrap_or_else(|e| panic!("{}", e.render("nothing was written")))
    };
    let png = |out: &str, chart: &str, lang: &str| {
        fs::read(
            outs.path()
                .join(out)
                .join(format!("data/charts/{chart}.{lang}.png")),
        )
        .unwrap()
    };

    let cold = build("cold");
    assert_eq!(cold.cache.hits, 0, "{:?}", cold.cache);
    let first = cached_pngs(&site);
    assert_eq!(first.len(), 4, "two charts in two languages: {first:?}");

    // Unchanged: every entry is reused, nothing is made or deleted.
    let warm = build("warm");
    assert_eq!(warm.cache.misses, 0, "{:?}", warm.cache);
    assert_eq!(warm.cache.pruned, 0, "{:?}", warm.cache);
    assert_eq!(warm.cache.hits, cold.cache.misses, "{:?}", warm.cache);
    assert_eq!(cached_pngs(&site), first);

    // December 2022 is drawn by the line chart, not by the bar chart of latest values.
    site.replace(
        "data/indicators/tadamon-beneficiaries.yaml",
        "value: 9400000",
        "value: 9450000",
    );
    let edited = build("edited");
    let second = cached_pngs(&site);
    assert_eq!(second.len(), 4, "{second:?}");
    assert_eq!(
        second.intersection(&first).count(),
        2,
        "bar chart PNGs kept"
    );
    assert!(
        edited.cache.misses >= 2 && edited.cache.hits >= 2,
        "{:?}",
        edited.cache
    );
    assert!(
        edited.cache.pruned >= 2,
        "old line chart PNGs deleted: {:?}",
        edited.cache
    );
    for lang in ["ar", "fr"] {
        assert_ne!(
            png("edited", "coverage-growth", lang),
            png("cold", "coverage-growth", lang),
            "stale line chart PNG ({lang})"
        );
        assert_eq!(
            png("edited", "regimes-latest", lang),
            png("cold", "regimes-latest", lang),
            "bar chart PNG ({lang})"
        );
    }
    // The redrawn PNG is the one a build without the cache draws.
    let none = amo_site::pipeline::build(&amo_site::pipeline::BuildOptions {
        root: site.root().to_path_buf(),
        out: outs.path().join("none"),
        force: false,
        cache: false,
    })
    .unwrap();
    assert_eq!((none.cache.hits, none.cache.misses), (0, 0));
    assert_eq!(
        png("edited", "coverage-growth", "fr"),
        png("none", "coverage-growth", "fr")
    );
}
