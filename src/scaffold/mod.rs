//! `amo-site new`: scaffolding for the communication team. Creates both language files of a
//! new page with complete front matter and a skeleton body, never overwriting anything.

use crate::foundation::ObsDate;
use std::path::{Path, PathBuf};

/// An ASCII slug from a title: accents folded (`é` → `e`), everything else that is not a
/// letter or digit becomes a single hyphen. Empty for a title without Latin letters.
pub fn slugify_ascii(title: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in title.chars().flat_map(fold_accent) {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    out.chars()
        .take(60)
        .collect::<String>()
        .trim_end_matches('-')
        .to_string()
}

fn fold_accent(c: char) -> Vec<char> {
    let folded = match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'À' | 'Á' | 'Â' | 'Ä' => 'a',
        'ç' | 'Ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Î' | 'Ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'Ô' | 'Ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Û' | 'Ü' => 'u',
        'ÿ' => 'y',
        'œ' | 'Œ' => return vec!['o', 'e'],
        'æ' | 'Æ' => return vec!['a', 'e'],
        other => other,
    };
    vec![folded]
}

/// Today's date (UTC) from the system clock.
pub fn today() -> ObsDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    ObsDate::Day(y, m, d)
}

/// Gregorian date of a day count since 1970-01-01 (H. Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
    (y, m, d)
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
    fn converts_days_to_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_510), (2026, 2, 26));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
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
