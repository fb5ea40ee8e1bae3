//! The output writer end to end, through the real binary: it never loses a user's file,
//! survives a kill at every step, and rewrites only what changed. On the frozen fixture site
//! (`tests/fixtures/site`): what is tested is the writer, not the shipped content.

mod common;

use common::{SiteCopy, files_under, stderr};
use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const REPORT: &str = "content/reports/2025-02-council-briefing.fr.md";
const REPORT_PAGE: &str = "fr/reports/2025-02-council-briefing/index.html";

fn run(site: &SiteCopy, out: &Path, extra: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_amo-site"));
    cmd.arg("build")
        .arg("--root")
        .arg(site.root())
        .arg("--out")
        .arg(out)
        .args(extra)
        .envs(env.iter().copied());
    cmd.output().expect("run amo-site")
}

fn ok(o: &Output) -> String {
    assert!(o.status.success(), "build failed: {}", stderr(o));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn refused(o: &Output, words: &[&str]) {
    assert_eq!(
        o.status.code(),
        Some(1),
        "expected a refusal: {}",
        stderr(o)
    );
    let err = stderr(o);
    for w in words {
        assert!(err.contains(w), "stderr lacks {w:?}: {err}");
    }
}

/// Every file under `dir` with its bytes.
fn contents(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    files_under(dir)
        .into_iter()
        .map(|p| {
            let bytes = fs::read(dir.join(&p)).unwrap();
            (p, bytes)
        })
        .collect()
}

/// Inode and mtime of every file and folder under `dir`.
fn stats(dir: &Path) -> BTreeMap<PathBuf, (u64, i64, i64)> {
    walkdir(dir)
        .into_iter()
        .map(|p| {
            let md = fs::symlink_metadata(dir.join(&p)).unwrap();
            (p, (md.ino(), md.mtime(), md.mtime_nsec()))
        })
        .collect()
}

fn walkdir(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let p = entry.unwrap().path();
            out.push(p.strip_prefix(dir).unwrap().to_path_buf());
            if p.is_dir() {
                stack.push(p);
            }
        }
    }
    out.sort();
    out
}

/// A site content without the writer's own marker (for comparing two trees).
fn site_files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut c = contents(dir);
    c.remove(Path::new(".amo-tree"));
    c
}

fn edit_report(site: &SiteCopy, words: &str) {
    site.replace(
        REPORT,
        "Le jeudi 20 février 2025",
        &format!("{words} Le jeudi 20 février 2025"),
    );
}

#[test]
fn a_users_folder_with_files_survives_out() {
    let site = SiteCopy::fixture();
    let docs = site.root().join("Documents");
    fs::create_dir_all(docs.join("taxes")).unwrap();
    fs::write(docs.join("letter.txt"), "my letter").unwrap();
    fs::write(docs.join("taxes/2025.pdf"), "pdf").unwrap();
    let before = contents(&docs);
    refused(
        &run(&site, &docs, &[], &[]),
        &["Documents", "not made by amo-site", "letter.txt", "--force"],
    );
    assert_eq!(contents(&docs), before);
    assert!(!site.root().join(".Documents.amo").exists());
}

#[test]
fn the_site_root_and_its_sources_are_refused_even_with_force() {
    let site = SiteCopy::fixture();
    let before = contents(site.root());
    for (out, words) in [
        (site.root().to_path_buf(), "the site folder itself"),
        (site.root().join("content"), "inside the site's content/"),
        (site.root().join("data/public"), "inside the site's data/"),
        (
            site.root().join("static/public"),
            "inside the site's static/",
        ),
        (site.root().join("i18n"), "inside the site's i18n/"),
        (
            site.root().parent().unwrap().to_path_buf(),
            "contains the site",
        ),
        (PathBuf::from("/"), "root of the file system"),
    ] {
        for force in [&[][..], &["--force"][..]] {
            refused(&run(&site, &out, force, &[]), &[words, "even with --force"]);
        }
    }
    assert_eq!(contents(site.root()), before, "a source file was touched");
    assert!(!site.root().join("data/public").exists());
}

#[test]
fn the_home_folder_is_refused_even_with_force() {
    let site = SiteCopy::fixture();
    let home = tempfile::tempdir().unwrap();
    fs::write(home.path().join(".bashrc"), "mine").unwrap();
    let home_str = home.path().to_str().unwrap();
    let o = run(&site, home.path(), &["--force"], &[("HOME", home_str)]);
    refused(&o, &["your home folder"]);
    assert_eq!(
        fs::read_to_string(home.path().join(".bashrc")).unwrap(),
        "mine"
    );
}

#[test]
fn a_regular_file_at_the_output_path_is_refused_and_untouched() {
    let site = SiteCopy::fixture();
    fs::write(site.out(), "not a folder").unwrap();
    for force in [&[][..], &["--force"][..]] {
        refused(
            &run(&site, &site.out(), force, &[]),
            &["is not a folder", "left untouched"],
        );
    }
    assert_eq!(fs::read_to_string(site.out()).unwrap(), "not a folder");
    let siblings: Vec<_> = fs::read_dir(site.root()).unwrap().flatten().collect();
    assert!(
        siblings
            .iter()
            .all(|e| !e.file_name().to_string_lossy().starts_with('.')),
        "something was put beside it"
    );
}

#[test]
fn force_takes_over_a_foreign_folder() {
    let site = SiteCopy::fixture();
    fs::create_dir_all(site.out()).unwrap();
    fs::write(site.out().join("old.txt"), "x").unwrap();
    refused(&run(&site, &site.out(), &[], &[]), &["--force"]);
    ok(&run(&site, &site.out(), &["--force"], &[]));
    assert!(site.out().join("fr/index.html").is_file());
    assert!(!site.out().join("old.txt").exists());
    // From now on the folder is amo-site's: no --force needed.
    edit_report(&site, "Mis à jour.");
    ok(&site.build());
}

#[test]
fn an_unmarked_output_of_an_older_amo_site_is_adopted() {
    let site = SiteCopy::fixture();
    ok(&site.build());
    let expected = site_files(&site.out());
    // What an older amo-site left: the site's own folders, no marker, no state folder.
    fs::remove_file(site.out().join(".amo-tree")).unwrap();
    fs::remove_dir_all(site.root().join(".public.amo")).unwrap();
    fs::write(site.out().join("fr/index.html"), "stale").unwrap();
    fs::create_dir_all(site.out().join("fr/gone")).unwrap();
    fs::write(site.out().join("fr/gone/index.html"), "stale").unwrap();
    ok(&site.build());
    assert_eq!(site_files(&site.out()), expected);
    assert!(site.out().join(".amo-tree").is_file());
}

#[test]
fn leftovers_of_crashed_builds_are_cleaned() {
    let site = SiteCopy::fixture();
    ok(&site.build());
    // The staging and old folders older versions left when killed (their PIDs are gone).
    for name in [".public.staging-4000000000", ".public.old-4000000001"] {
        fs::create_dir_all(site.root().join(name).join("fr/x")).unwrap();
        fs::write(site.root().join(name).join("fr/x/index.html"), "x").unwrap();
    }
    fs::write(site.root().join(".public.amo/twin.manifest.tmp"), "half").unwrap();
    ok(&site.build());
    let mut left: Vec<String> = fs::read_dir(site.root())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    left.sort();
    // The build cache is the only other hidden folder a build leaves beside the site.
    assert_eq!(left, [".amo-cache", ".public.amo"]);
    assert!(!site.root().join(".public.amo/twin.manifest.tmp").exists());
}

/// State-folder entries besides the two trees' records, the twin and the lock.
fn stray_state(site: &SiteCopy) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(site.root().join(".public.amo"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !(n == "lock" || n == "twin" || n.ends_with(".manifest")))
        .collect();
    names.sort();
    names
}

/// A copy of a site folder with its output trees (`cp -a`: times kept, inodes new, so the
/// next build re-checks files by content).
fn copy_of(site: &SiteCopy) -> SiteCopy {
    let copy = SiteCopy {
        dir: tempfile::tempdir().unwrap(),
    };
    let from = format!("{}/.", site.root().display());
    let status = Command::new("cp")
        .args(["-a", &from])
        .arg(copy.root())
        .status()
        .unwrap();
    assert!(status.success());
    copy
}

#[test]
fn a_kill_at_any_step_leaves_the_previous_site_published() {
    let reference = SiteCopy::fixture();
    edit_report(&reference, "Version un.");
    edit_report(&reference, "Version deux.");
    ok(&reference.build());
    let v2 = site_files(&reference.out());
    let cases = [
        ("journal-written", "exchange"),
        ("twin-written", "exchange"),
        ("fallback-renamed-out", "fallback"),
        ("swapped", "exchange"),
        ("swapped", "fallback"),
    ];
    for point in amo_site::output::CRASH_POINTS {
        assert!(cases.iter().any(|c| c.0 == point), "{point} untested");
    }
    // A site built twice (so both trees exist), copied for each case.
    let prepared = SiteCopy::fixture();
    ok(&prepared.build());
    edit_report(&prepared, "Version un.");
    ok(&prepared.build());
    let v1 = site_files(&prepared.out());
    for (point, swap) in cases {
        let site = copy_of(&prepared);
        edit_report(&site, "Version deux.");
        let site_env = [
            ("AMO_SITE_TEST_CRASH_AT", point),
            ("AMO_SITE_TEST_SWAP", swap),
        ];
        let o = site.build_with_env(&site_env);
        let case = format!("{point} with {swap}");
        assert_eq!(o.status.code(), Some(86), "{case}: {}", stderr(&o));
        let published = match point {
            "swapped" => v2.clone(),
            _ => v1.clone(),
        };
        if point == "fallback-renamed-out" {
            // The fallback's one window: the previous site waits, complete, in old/.
            assert!(!site.out().exists(), "{case}");
            assert_eq!(site_files(&site.root().join(".public.amo/old")), published);
            // The next build puts it back before anything else, even if it dies too.
            let again = [("AMO_SITE_TEST_CRASH_AT", "twin-written")];
            assert_eq!(site.build_with_env(&again).status.code(), Some(86));
        }
        assert!(
            site_files(&site.out()) == published,
            "{case}: not the previous site"
        );
        ok(&site.build());
        assert!(
            site_files(&site.out()) == v2,
            "{case}: the next build is wrong"
        );
        assert_eq!(stray_state(&site), Vec::<String>::new(), "{case}");
    }
}

/// A first build writes its files into a new twin without journaling them (the next build
/// walks a twin that has no manifest): what it wrote and the next build no longer makes
/// must still go.
#[test]
fn a_first_build_killed_after_writing_leaves_nothing_stray_in_the_next() {
    let site = SiteCopy::fixture();
    let crash = [("AMO_SITE_TEST_CRASH_AT", "twin-written")];
    assert_eq!(site.build_with_env(&crash).status.code(), Some(86));
    let twin = site.root().join(".public.amo/twin");
    assert!(
        twin.join(REPORT_PAGE).is_file(),
        "the killed build wrote its pages"
    );
    for lang in ["ar", "fr"] {
        let from = site.root().join(format!(
            "content/reports/2025-02-council-briefing.{lang}.md"
        ));
        fs::rename(
            &from,
            from.with_file_name(format!("2025-02-renamed.{lang}.md")),
        )
        .unwrap();
    }
    ok(&site.build());
    let reference = site.root().join("reference");
    ok(&run(&site, &reference, &[], &[]));
    assert!(!site.out().join(REPORT_PAGE).exists());
    assert!(
        site.out()
            .join("fr/reports/2025-02-renamed/index.html")
            .is_file()
    );
    assert!(
        site_files(&site.out()) == site_files(&reference),
        "the same as a clean build"
    );
    assert_eq!(stray_state(&site), Vec::<String>::new());
}

#[test]
fn a_rebuild_with_no_change_writes_nothing() {
    let site = SiteCopy::fixture();
    ok(&site.build());
    // Once with only the published tree, once with both trees after a change.
    for round in 0..2 {
        let before = stats(&site.out());
        let twin = site.root().join(".public.amo/twin");
        let twin_before = twin.exists().then(|| stats(&twin));
        let stdout = ok(&site.build());
        assert!(stdout.contains("wrote 0 files"), "{stdout}");
        assert!(
            before == stats(&site.out()),
            "round {round}: a file or folder changed"
        );
        assert!(twin_before == twin.exists().then(|| stats(&twin)));
        edit_report(&site, "Encore.");
        ok(&site.build());
    }
}

#[test]
fn one_changed_report_rewrites_only_what_depends_on_it() {
    let site = SiteCopy::fixture();
    ok(&site.build());
    edit_report(&site, "Première retouche.");
    ok(&site.build());
    // The twin now holds the first build; the next build brings it to the new content.
    let twin = site.root().join(".public.amo/twin");
    let old_stats = stats(&twin);
    let old = site_files(&twin);
    edit_report(&site, "Seconde retouche.");
    let stdout = ok(&site.build());
    let new = site_files(&site.out());
    let new_stats = stats(&site.out());
    let rewritten: Vec<&PathBuf> = new
        .keys()
        .filter(|p| old_stats.get(*p) != new_stats.get(*p))
        .collect();
    let differing: Vec<&PathBuf> = new.keys().filter(|p| old.get(*p) != new.get(*p)).collect();
    assert_eq!(rewritten, differing);
    assert!(differing.contains(&&PathBuf::from(REPORT_PAGE)));
    assert!(!differing.contains(&&PathBuf::from("fr/about/index.html")));
    assert!(
        differing.len() * 10 < new.len(),
        "{} of {}",
        differing.len(),
        new.len()
    );
    assert!(
        stdout.contains(&format!("wrote {} files", differing.len())),
        "{stdout}"
    );
    assert!(stdout.contains("0 folders created, 0 removed"), "{stdout}");
}

#[test]
fn a_page_that_disappears_is_deleted_with_its_folder() {
    let site = SiteCopy::fixture();
    ok(&site.build());
    site.remove(REPORT);
    site.remove(&REPORT.replace(".fr.md", ".ar.md"));
    let stdout = ok(&site.build());
    assert!(!site.out().join(REPORT_PAGE).exists());
    assert!(
        !site
            .out()
            .join("fr/reports/2025-02-council-briefing")
            .exists()
    );
    assert!(stdout.contains("deleted"), "{stdout}");
    let fresh = SiteCopy::fixture();
    fresh.remove(REPORT);
    fresh.remove(&REPORT.replace(".fr.md", ".ar.md"));
    ok(&fresh.build());
    assert!(site_files(&site.out()) == site_files(&fresh.out()));
}
