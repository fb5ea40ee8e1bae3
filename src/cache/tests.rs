use super::*;
use std::cell::Cell;

fn make(calls: &Cell<usize>, value: &str) -> Result<Vec<u8>, String> {
    calls.set(calls.get() + 1);
    Ok(value.as_bytes().to_vec())
}

fn entries(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    v
}

#[test]
fn a_second_process_reuses_what_the_first_made() {
    let tmp = tempfile::tempdir().unwrap();
    let calls = Cell::new(0);
    let first = BuildCache::beside(tmp.path());
    let a = first.get_or_make("png", &[b"<svg/>"], || make(&calls, "PNG"));
    assert_eq!(a.unwrap(), b"PNG");
    assert_eq!(
        first.finish(),
        CacheReport {
            hits: 0,
            misses: 1,
            pruned: 0
        }
    );

    let second = BuildCache::beside(tmp.path());
    let b = second.get_or_make("png", &[b"<svg/>"], || make(&calls, "other"));
    assert_eq!(b.unwrap(), b"PNG");
    assert_eq!(calls.get(), 1, "made once, read back once");
    assert_eq!(second.finish().hits, 1);
}

#[test]
fn keys_are_length_prefixed_and_kinds_apart() {
    let tmp = tempfile::tempdir().unwrap();
    let calls = Cell::new(0);
    let cache = BuildCache::beside(tmp.path());
    for (kind, key) in [
        ("png", [&b"ab"[..], b"c"]),
        ("png", [b"a", b"bc"]),
        ("xlsx", [b"ab", b"c"]),
    ] {
        cache
            .get_or_make(kind, &key, || make(&calls, kind))
            .unwrap();
    }
    assert_eq!(calls.get(), 3);
}

#[test]
fn damaged_or_foreign_entries_are_never_trusted() {
    let tmp = tempfile::tempdir().unwrap();
    let calls = Cell::new(0);
    BuildCache::beside(tmp.path())
        .get_or_make("png", &[b"k"], || make(&calls, "right"))
        .unwrap();
    let dir = tmp.path().join(DIR);
    let [entry] = entries(&dir).try_into().unwrap();
    let whole = std::fs::read(&entry).unwrap();
    let damaged = [
        whole[..whole.len() - 1].to_vec(),              // truncated
        [&whole[..whole.len() - 5], b"wrong"].concat(), // payload edited
        whole
            .iter()
            .map(|&b| if b == b'1' { b'2' } else { b })
            .collect(), // header edited
        b"not an entry".to_vec(),
    ];
    for bytes in damaged {
        std::fs::write(&entry, &bytes).unwrap();
        let got = BuildCache::beside(tmp.path())
            .get_or_make("png", &[b"k"], || make(&calls, "right"))
            .unwrap();
        assert_eq!(got, b"right");
    }
    assert_eq!(calls.get(), 5, "made again each time");
    assert_eq!(
        std::fs::read(&entry).unwrap(),
        whole,
        "and stored whole again"
    );
}

#[test]
fn entries_a_build_did_not_use_are_pruned() {
    let tmp = tempfile::tempdir().unwrap();
    let calls = Cell::new(0);
    let first = BuildCache::beside(tmp.path());
    for key in [b"a", b"b"] {
        first
            .get_or_make("png", &[key], || make(&calls, "x"))
            .unwrap();
    }
    first.finish();
    let dir = tmp.path().join(DIR);
    assert_eq!(entries(&dir).len(), 2);
    let second = BuildCache::beside(tmp.path());
    second
        .get_or_make("png", &[b"a"], || make(&calls, "x"))
        .unwrap();
    assert_eq!(second.finish().pruned, 1);
    assert_eq!(entries(&dir).len(), 1);
}

#[test]
fn no_cache_always_makes_and_an_unwritable_one_still_builds() {
    let calls = Cell::new(0);
    let none = BuildCache::none();
    none.get_or_make("png", &[b"k"], || make(&calls, "x"))
        .unwrap();
    none.get_or_make("png", &[b"k"], || make(&calls, "x"))
        .unwrap();
    assert_eq!(calls.get(), 2);

    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("a-file");
    std::fs::write(&file, "").unwrap();
    let blocked = BuildCache::at(file.join(DIR));
    let got = blocked.get_or_make("png", &[b"k"], || make(&calls, "made"));
    assert_eq!(got.unwrap(), b"made");
    let err = blocked.get_or_make("png", &[b"k2"], || Err::<Vec<u8>, _>("fails"));
    assert_eq!(err.unwrap_err(), "fails");
}
