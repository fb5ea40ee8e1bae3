//! `amo-site new`: scaffolding for the communication team. Creates both language files of a
//! new page with complete front matter and a skeleton body, never overwriting anything.

use crate::foundation::ObsDate;
use std::path::{Path, PathBuf};

/// An ASCII slug from a title: Latin letters transliterated by `deunicode` (`é` → `e`,
/// `ß` → `ss`, `Œ` → `oe`), everything else that is not an ASCII letter or digit becomes a
/// single hyphen. Right-to-left letters (Arabic) are not transliterated: the address is made
/// from the French title. Empty for a title without Latin letters or digits.
pub fn slugify_ascii(title: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in title.chars() {
        let ascii = if is_right_to_left(c) {
            None
        } else {
            deunicode::deunicode_char(c)
        };
        for a in ascii.unwrap_or(" ").chars() {
            if a.is_ascii_alphanumeric() {
                if dash && !out.is_empty() {
                    out.push('-');
                }
                dash = false;
                out.push(a.to_ascii_lowercase());
            } else {
                dash = true;
            }
        }
    }
    out.chars()
        .take(60)
        .collect::<String>()
        .trim_end_matches('-')
        .to_string()
}

/// Arabic, Hebrew and the other right-to-left scripts (their bidi class is R or AL).
fn is_right_to_left(c: char) -> bool {
    use unicode_bidi::BidiClass::{AL, R};
    matches!(unicode_bidi::bidi_class(c), R | AL)
}

/// Morocco's time zone: UTC+1, UTC+0 during Ramadan.
const MOROCCO: &str = "Africa/Casablanca";

/// Today's date in Morocco, from the system clock and the time-zone database bundled into
/// the binary (a machine may have no `/usr/share/zoneinfo`).
pub fn today() -> ObsDate {
    day_in_morocco(jiff::Timestamp::now())
}

fn day_in_morocco(at: jiff::Timestamp) -> ObsDate {
    let tz = jiff::tz::db()
        .get(MOROCCO)
        .expect("the bundled time-zone database has Africa/Casablanca");
    let date = at.to_zoned_datetime(tz).date();
    let (m, d) = (date.month(), date.day());
    ObsDate::Day(i32::from(date.year()), m.unsigned_abs(), d.unsigned_abs())
}

/// Creates `content/reports/<YYYY-MM>-<slug>.{ar,fr}.md` under `root`. Returns the paths
/// written, or a message if a file exists or the date is not a full day.
pub fn new_report(root: &Path, title: &str, date: Option<&str>) -> Result<Vec<PathBuf>, String> {
    let date = match date {
        None => today(),
        Some(text) => match ObsDate::parse(text) {
            Ok(d @ ObsDate::Day(..)) => d,
            Ok(_) => return Err(format!("--date `{text}` must be a full date: YYYY-MM-DD")),
            Err(m) => return Err(format!("--date: {m}")),
        },
    };
    let slug = check_title(title)?;
    let (y, m, _) = date.ymd_start();
    let stem = format!("{y:04}-{m:02}-{slug}");
    let dir = root.join("content/reports");
    let files = [
        (dir.join(format!("{stem}.fr.md")), skeleton_fr(title, date)),
        (dir.join(format!("{stem}.ar.md")), skeleton_ar(title, date)),
    ];
    if let Some((existing, _)) = files.iter().find(|(p, _)| p.exists()) {
        return Err(format!(
            "the title gives the address `reports/{stem}/`, already used by {}; nothing was written (choose a title that differs in its letters or digits)",
            existing.display()
        ));
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for (path, text) in &files {
        std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(files.into_iter().map(|(p, _)| p).collect())
}

/// The title's slug, or why the title cannot name a report.
fn check_title(title: &str) -> Result<String, String> {
    if title.trim().is_empty() {
        return Err("the report needs a title: amo-site new report \"Title\"".into());
    }
    if let Some(c) = title.chars().find(|c| {
        crate::foundation::text_policy::classify(*c).is_some() || *c == '\n' || *c == '\t'
    }) {
        return Err(format!(
            "the title contains the character U+{:04X} (a line break or control character): write it on one line",
            c as u32
        ));
    }
    if title.contains("{{") {
        return Err("the title contains `{{`: directives work in the body only".into());
    }
    let slug = slugify_ascii(title);
    if slug.is_empty() {
        return Err(format!(
            "the title `{}` has no Latin letters or digits, so it gives an empty address: the file names and the address are made from them; give the French title (the Arabic one goes into the .ar.md file)",
            title.trim()
        ));
    }
    Ok(slug)
}

/// A `short_title:` line when the title is too long for browser tabs, else nothing.
fn short_title_line(title: &str) -> String {
    let max = crate::site::MAX_TITLE_CHARS;
    let title = title.trim();
    if title.chars().count() <= max {
        return String::new();
    }
    let mut short = String::new();
    for word in title.split_whitespace() {
        if short.chars().count() + word.chars().count() + 2 > max - 10 {
            break;
        }
        if !short.is_empty() {
            short.push(' ');
        }
        short.push_str(word);
    }
    if short.is_empty() {
        short = title.chars().take(max - 11).collect();
    }
    format!("short_title: {}\n", yaml_string(&format!("{short}…")))
}

fn yaml_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn skeleton_fr(title: &str, date: ObsDate) -> String {
    format!(
        "---\ntitle: {}\n{}description: {}\nlayout: report\ndate: {}\n# figures_as_of: YYYY-MM-DD   (si les chiffres doivent refléter une autre date)\n---\n\nIntroduction : de quoi parle ce rapport, en deux ou trois phrases.\n\n## Les chiffres\n\nLes chiffres viennent des données, jamais tapés à la main. Par exemple : AMO Tadamon compte {{{{ figure tadamon-beneficiaries }}}}, ayants droit compris.\n\n{{{{ chart coverage-growth }}}}\n\n## Ce qu'il faut retenir\n\n- Premier point.\n- Deuxième point.\n",
        yaml_string(title),
        short_title_line(title),
        yaml_string(&format!("Rapport du {} : {}.", date.iso(), title.trim())),
        date.iso()
    )
}

fn skeleton_ar(title: &str, date: ObsDate) -> String {
    format!(
        "---\ntitle: {}\n{}description: {}\nlayout: report\ndate: {}\n# figures_as_of: YYYY-MM-DD   (إذا كانت الأرقام تعكس تاريخا آخر)\n---\n\nمقدمة: موضوع هذا التقرير في جملتين أو ثلاث.\n\n## الأرقام\n\nتؤخذ الأرقام من البيانات ولا تكتب يدويا. مثلا: يضم أمو تضامن {{{{ figure tadamon-beneficiaries }}}}، بمن فيهم ذوو الحقوق.\n\n{{{{ chart coverage-growth }}}}\n\n## ما يجب الاحتفاظ به\n\n- النقطة الأولى.\n- النقطة الثانية.\n",
        yaml_string(title),
        short_title_line(title),
        yaml_string(&format!("تقرير بتاريخ {}: {}.", date.iso(), title.trim())),
        date.iso()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_and_stable() {
        assert_eq!(
            slugify_ascii("Bilan de l'AMO : été 2025 !"),
            "bilan-de-l-amo-ete-2025"
        );
        assert_eq!(slugify_ascii("Œuvre  sociale"), "oeuvre-sociale");
        assert_eq!(slugify_ascii("حصيلة التأمين"), "");
    }

    #[test]
    fn transliterates_every_latin_letter() {
        assert_eq!(slugify_ascii("Ìle Ólafs Õmega"), "ile-olafs-omega");
        assert_eq!(slugify_ascii("Año ñandú"), "ano-nandu");
        assert_eq!(slugify_ascii("Straße Çà ŷ"), "strasse-ca-y");
        assert_eq!(slugify_ascii("Bilan AMO حصيلة 2025"), "bilan-amo-2025");
    }

    #[test]
    fn today_is_the_date_in_casablanca() {
        let at = |s: &str| s.parse::<jiff::Timestamp>().unwrap();
        // 23:30 UTC on 31 December 2025 is already 1 January 2026 in Morocco (UTC+1)...
        assert_eq!(
            day_in_morocco(at("2025-12-31T23:30:00Z")),
            ObsDate::Day(2026, 1, 1)
        );
        // ...but not during Ramadan, when Morocco is on UTC+0 (Ramadan 2025 began 1 March).
        assert_eq!(
            day_in_morocco(at("2025-03-10T23:30:00Z")),
            ObsDate::Day(2025, 3, 10)
        );
        assert_eq!(
            day_in_morocco(at("2025-05-10T23:30:00Z")),
            ObsDate::Day(2025, 5, 11)
        );
    }

    #[test]
    fn refuses_to_overwrite() {
        let tmp = tempfile::tempdir().unwrap();
        let first = new_report(tmp.path(), "Bilan", Some("2025-03-04")).unwrap();
        assert_eq!(first.len(), 2);
        assert!(first[0].ends_with("content/reports/2025-03-bilan.fr.md"));
        let before = std::fs::read_to_string(&first[0]).unwrap();
        assert!(
            new_report(tmp.path(), "Bilan", Some("2025-03-20"))
                .unwrap_err()
                .contains("already used by")
        );
        assert_eq!(std::fs::read_to_string(&first[0]).unwrap(), before);
        assert!(new_report(tmp.path(), "X", Some("2025-03")).is_err());
        // Another title with the same letters and digits is the same address.
        let same = new_report(tmp.path(), "Bilan !", Some("2025-03-21")).unwrap_err();
        assert!(same.contains("already used by"), "{same}");
    }

    #[test]
    fn refuses_titles_without_an_address_or_on_several_lines() {
        let tmp = tempfile::tempdir().unwrap();
        for bad in [
            "حصيلة التأمين",
            "؟؟ !!",
            "Bilan\n2025",
            "Bilan \u{202E}x",
            "Bilan {{ figure x }}",
        ] {
            assert!(
                new_report(tmp.path(), bad, Some("2025-03-04")).is_err(),
                "{bad:?}"
            );
        }
        assert!(!tmp.path().join("content").exists());
    }

    #[test]
    fn long_titles_get_a_short_title() {
        let tmp = tempfile::tempdir().unwrap();
        let title = "Bilan détaillé de la couverture médicale obligatoire de base au Maroc pour l'année 2025";
        let files = new_report(tmp.path(), title, Some("2025-03-04")).unwrap();
        for f in files {
            let text = std::fs::read_to_string(f).unwrap();
            let line = text
                .lines()
                .find(|l| l.starts_with("short_title: "))
                .expect("short_title");
            assert!(line.chars().count() < 80, "{line}");
        }
        let short = new_report(tmp.path(), "Bilan", Some("2025-03-04")).unwrap();
        assert!(
            !std::fs::read_to_string(&short[0])
                .unwrap()
                .contains("short_title")
        );
    }
}
