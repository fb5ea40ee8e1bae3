//! The record of what one tree holds: for every file amo-site wrote there, the hash of its
//! content, its length, and the file system's fingerprint of it (mtime and inode) so that a
//! file changed behind amo-site's back is noticed with one `lstat`. Also the journal: the list
//! of paths a build is about to touch in a tree, written before it touches them, so that the
//! next build knows which records a crash made unreliable.

use super::layout::TreeId;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io;
use std::path::Path;
use std::time::UNIX_EPOCH;

/// Version 2: the hashes are XXH3-128 (version 1 had SipHash-1-3; its manifests are not
/// read, and their trees are walked once).
const HEADER: &str = "amo-site manifest 2";
const JOURNAL_HEADER: &str = "amo-site journal 1";

/// 128-bit XXH3 with a fixed seed: specified, so stable across versions and platforms, and
/// it reads its input in SIMD-wide stripes, where SipHash mixes eight bytes at a time
/// (every output file and every page read again is hashed). It detects changes; it is not meant to resist someone crafting collisions
/// (content is trusted).
pub fn content_hash(bytes: &[u8]) -> u128 {
    xxhash_rust::xxh3::xxh3_128_with_seed(bytes, 0x616d_6f2d_7369_7465)
}

/// What `lstat` says about a file: enough to notice it was replaced or edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint {
    pub len: u64,
    pub mtime_ns: i128,
    pub inode: u64,
}

impl Fingerprint {
    pub fn of(md: &fs::Metadata) -> Self {
        let mtime_ns = match md.modified().map(|t| t.duration_since(UNIX_EPOCH)) {
            Ok(Ok(d)) => d.as_nanos() as i128,
            Ok(Err(e)) => -(e.duration().as_nanos() as i128),
            Err(_) => 0,
        };
        Fingerprint {
            len: md.len(),
            mtime_ns,
            inode: inode(md),
        }
    }
}

#[cfg(unix)]
fn inode(md: &fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::ino(md)
}

#[cfg(not(unix))]
fn inode(_: &fs::Metadata) -> u64 {
    0
}

/// One file of a tree as amo-site wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub hash: u128,
    pub stat: Fingerprint,
}

/// Every file of one tree, by relative path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Manifest {
    pub id: TreeId,
    pub entries: BTreeMap<String, Entry>,
}

impl Manifest {
    pub fn to_text(&self) -> String {
        let mut s = format!("{HEADER} {}\n", self.id.0);
        // A line per file, written piece by piece: tens of thousands of lines per build.
        let mut numbers = itoa::Buffer::new();
        for (path, e) in &self.entries {
            push_hex(&mut s, e.hash);
            s.push(' ');
            s.push_str(numbers.format(e.stat.len));
            s.push(' ');
            s.push_str(numbers.format(e.stat.mtime_ns));
            s.push(' ');
            s.push_str(numbers.format(e.stat.inode));
            s.push(' ');
            s.push_str(path);
            s.push('\n');
        }
        s
    }

    /// The manifest in `text`, or `None` if it is damaged or written for another tree.
    pub fn parse(text: &str, id: &TreeId) -> Option<Manifest> {
        let (header, body) = text.split_once('\n').unwrap_or((text, ""));
        if header.strip_suffix('\r').unwrap_or(header) != format!("{HEADER} {}", id.0) {
            return None;
        }
        // Tens of thousands of lines, read in parallel by runs of whole lines; they are in
        // path order (see `to_text`), so the map is built in bulk at the end.
        let runs: Vec<Option<Vec<(String, Entry)>>> = line_runs(body, 64 * 1024)
            .into_par_iter()
            .map(|run| run.lines().map(parse_line).collect())
            .collect();
        let mut entries = Vec::new();
        for run in runs {
            entries.extend(run?);
        }
        Some(Manifest {
            id: id.clone(),
            entries: entries.into_iter().collect(),
        })
    }

    /// Reads the manifest of tree `id`; `None` when missing, unreadable or not for `id`.
    pub fn load(path: &Path, id: &TreeId) -> Option<Manifest> {
        Manifest::parse(&fs::read_to_string(path).ok()?, id)
    }

    /// Writes it whole, then renames it into place: a crash leaves the old one or the new.
    pub fn save(&self, path: &Path) -> io::Result<()> {
        write_replacing(path, self.to_text().as_bytes())
    }
}

/// One line of a manifest: hash, length, mtime, inode, path.
fn parse_line(line: &str) -> Option<(String, Entry)> {
    let mut parts = line.splitn(5, ' ');
    let hash = u128::from_str_radix(parts.next()?, 16).ok()?;
    let len = parts.next()?.parse().ok()?;
    let mtime_ns = parts.next()?.parse().ok()?;
    let inode = parts.next()?.parse().ok()?;
    let path = parts.next()?.to_string();
    let stat = Fingerprint {
        len,
        mtime_ns,
        inode,
    };
    Some((path, Entry { hash, stat }))
}

/// `text` cut into runs of whole lines of about `size` bytes each, in order.
fn line_runs(text: &str, size: usize) -> Vec<&str> {
    let mut runs = Vec::new();
    let mut rest = text;
    while rest.len() > size {
        let end =
            memchr::memchr(b'\n', &rest.as_bytes()[size..]).map_or(rest.len(), |i| size + i + 1);
        let (run, after) = rest.split_at(end);
        runs.push(run);
        rest = after;
    }
    if !rest.is_empty() {
        runs.push(rest);
    }
    runs
}

/// Appends `hash` as 32 lowercase hexadecimal digits (`{:032x}`).
fn push_hex(s: &mut String, hash: u128) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = [0u8; 32];
    for (k, d) in out.iter_mut().enumerate() {
        *d = DIGITS[((hash >> (4 * (31 - k))) & 0xF) as usize];
    }
    s.push_str(std::str::from_utf8(&out).expect("ASCII digits"));
}

/// Writes `path.tmp` then renames it over `path`.
pub fn write_replacing(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    fs::write(&tmp, bytes)?;
    fs::rename(&tmp, path)
}

/// Records the paths a build is about to create, rewrite or delete in a tree.
pub fn save_journal(path: &Path, touched: &BTreeSet<&str>) -> io::Result<()> {
    let mut s = format!("{JOURNAL_HEADER}\n");
    for p in touched {
        s.push_str(p);
        s.push('\n');
    }
    write_replacing(path, s.as_bytes())
}

/// The paths in a journal left by a build that did not finish; `None` if there is none.
/// A damaged journal yields `Some` of what could be read plus a flag telling the tree must
/// be walked.
pub fn load_journal(path: &Path) -> Option<(BTreeSet<String>, bool)> {
    let text = fs::read_to_string(path).ok()?;
    let mut lines = text.lines();
    let complete = lines.next() == Some(JOURNAL_HEADER) && text.ends_with('\n');
    Some((lines.map(str::to_string).collect(), complete))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_written_as_32_hex_digits() {
        for h in [
            0,
            1,
            0xABC,
            u128::MAX,
            1 << 127,
            0x0123_4567_89ab_cdef_fedc_ba98_7654_3210,
        ] {
            let mut s = String::new();
            push_hex(&mut s, h);
            assert_eq!(s, format!("{h:032x}"));
        }
    }

    #[test]
    fn a_long_manifest_reads_back_whole_and_a_damaged_line_spoils_it() {
        let id = TreeId("t1".into());
        let entries: BTreeMap<String, Entry> = (0..5000u64)
            .map(|i| {
                let stat = Fingerprint {
                    len: i,
                    mtime_ns: -(i as i128) * 7,
                    inode: i * 3,
                };
                let hash = u128::from(i) << 64 | u128::from(i);
                (
                    format!("fr/reports/page-{i:05} x/index.html"),
                    Entry { hash, stat },
                )
            })
            .collect();
        let m = Manifest {
            id: id.clone(),
            entries,
        };
        let text = m.to_text();
        assert!(line_runs(&text, 64 * 1024).len() > 3);
        assert_eq!(Manifest::parse(&text, &id), Some(m.clone()));
        assert_eq!(line_runs(&text, 100).concat(), text);
        assert_eq!(Manifest::parse(&text, &TreeId("t2".into())), None);
        let damaged = text.replacen(" 4321 ", " 43x1 ", 1);
        assert_ne!(damaged, text);
        assert_eq!(Manifest::parse(&damaged, &id), None);
        let empty = Manifest {
            id: id.clone(),
            entries: BTreeMap::new(),
        };
        assert_eq!(Manifest::parse(&empty.to_text(), &id), Some(empty));
    }

    #[test]
    fn hash_is_stable_and_sensitive() {
        assert_eq!(content_hash(b"abc"), content_hash(b"abc"));
        assert_ne!(content_hash(b"abc"), content_hash(b"abd"));
        // A fixed value: a change of algorithm or key would silently rewrite every site.
        assert_eq!(
            format!("{:032x}", content_hash(b"amo-site")),
            "6e3946c26cdfb5b0999150932cff2918"
        );
        assert_ne!(content_hash(b"a"), content_hash(b"a\0"));
    }

    #[test]
    fn manifest_round_trips_and_is_bound_to_its_tree() {
        let id = TreeId("0".repeat(32));
        let mut entries = BTreeMap::new();
        let stat = Fingerprint {
            len: 3,
            mtime_ns: -5,
            inode: 9,
        };
        entries.insert("fr/a b.html".to_string(), Entry { hash: 7, stat });
        let m = Manifest {
            id: id.clone(),
            entries,
        };
        assert_eq!(
            m.to_text().lines().nth(1),
            Some(format!("{:032x} 3 -5 9 fr/a b.html", 7).as_str())
        );
        assert_eq!(Manifest::parse(&m.to_text(), &id), Some(m.clone()));
        assert_eq!(Manifest::parse(&m.to_text(), &TreeId("1".repeat(32))), None);
        let damaged = m.to_text().replace(" 3 ", " x ");
        assert_eq!(Manifest::parse(&damaged, &id), None);
    }
}
