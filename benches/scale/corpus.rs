//! A deterministic corpus: the default site (copied from the repository) plus `n` reports
//! per language, written from word lists of real French and Arabic with a seeded generator.
//! Each report has 600–900 words: paragraphs, `##` headings, a list, a table, links to the
//! site's pages, two figure directives, and every tenth report a chart.

use std::fmt::Write as _;
use std::path::Path;

const FR: &[&str] = &[
    "l’assurance",
    "maladie",
    "obligatoire",
    "couvre",
    "les",
    "assurés",
    "et",
    "leurs",
    "ayants",
    "droit",
    "la",
    "caisse",
    "nationale",
    "de",
    "sécurité",
    "sociale",
    "rembourse",
    "soins",
    "médicaments",
    "hospitalisation",
    "consultation",
    "régime",
    "travailleurs",
    "non-salariés",
    "généralisation",
    "protection",
    "ménages",
    "registre",
    "social",
    "unifié",
    "cotisation",
    "mensuelle",
    "État",
    "prend",
    "en",
    "charge",
    "pour",
    "bénéficiaires",
    "depuis",
    "décembre",
    "agences",
    "réseau",
    "dossiers",
    "déposés",
    "chaque",
    "jour",
    "médecins",
    "pharmacies",
    "couverture",
    "effective",
    "droits",
    "ouverts",
    "inscription",
    "programme",
    "réforme",
    "santé",
    "publique",
    "hôpitaux",
    "région",
    "province",
    "citoyens",
    "accès",
    "délais",
    "feuille",
    "remboursement",
    "taux",
    "prise",
    "ticket",
    "modérateur",
    "panier",
    "base",
];
const AR: &[&str] = &[
    "التأمين",
    "الإجباري",
    "الأساسي",
    "عن",
    "المرض",
    "يغطي",
    "المؤمنين",
    "وذوي",
    "حقوقهم",
    "الصندوق",
    "الوطني",
    "للضمان",
    "الاجتماعي",
    "يسترجع",
    "مصاريف",
    "العلاج",
    "الأدوية",
    "الاستشفاء",
    "الاستشارة",
    "نظام",
    "العمال",
    "غير",
    "الأجراء",
    "تعميم",
    "الحماية",
    "الأسر",
    "السجل",
    "الموحد",
    "الاشتراك",
    "الشهري",
    "الدولة",
    "تتحمل",
    "لفائدة",
    "المستفيدين",
    "منذ",
    "دجنبر",
    "الوكالات",
    "شبكة",
    "الملفات",
    "المودعة",
    "كل",
    "يوم",
    "الأطباء",
    "الصيدليات",
    "التغطية",
    "الفعلية",
    "الحقوق",
    "المفتوحة",
    "التسجيل",
    "البرنامج",
    "الإصلاح",
    "الصحة",
    "العمومية",
    "المستشفيات",
    "الجهة",
    "الإقليم",
    "المواطنين",
    "الولوج",
    "الآجال",
    "ورقة",
    "التعويض",
    "نسبة",
    "التكفل",
    "الجزء",
    "الباقي",
    "السلة",
    "الأساسية",
];

/// splitmix64: small, fast, and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn words(rng: &mut Rng, list: &[&str], n: usize) -> String {
    (0..n)
        .map(|_| list[rng.below(list.len())])
        .collect::<Vec<_>>()
        .join(" ")
}

fn sentence(rng: &mut Rng, list: &[&str], stop: &str) -> String {
    let n = 8 + rng.below(10);
    let text = words(rng, list, n);
    let mut chars = text.chars();
    let first: String = chars
        .next()
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default();
    format!("{first}{}{stop}", chars.as_str())
}

fn paragraph(rng: &mut Rng, list: &[&str], stop: &str) -> String {
    (0..3 + rng.below(3))
        .map(|_| sentence(rng, list, stop))
        .collect::<Vec<_>>()
        .join(" ")
}

struct Lang {
    code: &'static str,
    words: &'static [&'static str],
    stop: &'static str,
    link: &'static str,
}

const LANGS: [Lang; 2] = [
    Lang {
        code: "fr",
        words: FR,
        stop: ".",
        link: "[la page AMO Tadamon](/fr/regimes/tadamon/)",
    },
    Lang {
        code: "ar",
        words: AR,
        stop: ".",
        link: "[صفحة أمو تضامن](/ar/regimes/tadamon/)",
    },
];

fn report(rng: &mut Rng, lang: &Lang, i: usize, date: &str) -> String {
    let l = lang.words;
    let mut md = String::new();
    let title = words(rng, l, 3);
    let _ = write!(
        md,
        "---\ntitle: \"{title} {i}\"\ndescription: \"{}\"\nlayout: report\ndate: {date}\n---\n\n",
        sentence(rng, l, lang.stop)
    );
    let _ = writeln!(
        md,
        "{} {{{{ figure tadamon-beneficiaries }}}}.\n",
        paragraph(rng, l, lang.stop)
    );
    for section in 0..4 {
        let _ = writeln!(md, "## {}\n", words(rng, l, 3));
        for _ in 0..2 {
            let _ = writeln!(md, "{}\n", paragraph(rng, l, lang.stop));
        }
        match section {
            0 => (0..4).for_each(|_| {
                let _ = writeln!(md, "- {}", words(rng, l, 6));
            }),
            1 => {
                let _ = writeln!(
                    md,
                    "| {} | {} |\n|---|---|",
                    words(rng, l, 1),
                    words(rng, l, 1)
                );
                for _ in 0..3 {
                    let _ = writeln!(md, "| {} | {} |", words(rng, l, 2), 100 + rng.below(900));
                }
            }
            2 => {
                let _ = writeln!(
                    md,
                    "{} {} {{{{ figure cnss-agencies }}}}.",
                    words(rng, l, 8),
                    lang.link
                );
            }
            _ if i.is_multiple_of(10) => {
                let _ = writeln!(md, "{{{{ chart tadamon-growth }}}}");
            }
            _ => {}
        }
        md.push('\n');
    }
    md
}

/// Writes the corpus into `root` (replacing it): the default site and `n` reports per language.
pub fn generate(root: &Path, n: usize, seed: u64) {
    let _ = std::fs::remove_dir_all(root);
    std::fs::create_dir_all(root).expect("corpus folder");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    for item in ["site.yaml", "data", "content", "static", "i18n"] {
        copy(&repo.join(item), &root.join(item));
    }
    let dir = root.join("content/reports");
    for i in 0..n {
        let mut rng = Rng(seed ^ (i as u64).wrapping_mul(0x2545_f491_4f6c_dd1d));
        // From March 2025 (after the default site's data was published) to November 2026.
        let m = 2 + rng.below(21);
        let (year, month, day) = (2025 + m / 12, 1 + m % 12, 1 + rng.below(28));
        let date = format!("{year}-{month:02}-{day:02}");
        for lang in &LANGS {
            let name = format!("{year}-{month:02}-bench-{i}.{}.md", lang.code);
            std::fs::write(dir.join(name), report(&mut rng, lang, i, &date)).expect("write report");
        }
    }
}

fn copy(from: &Path, to: &Path) {
    if from.is_dir() {
        std::fs::create_dir_all(to).expect("mkdir");
        for entry in std::fs::read_dir(from).expect("read dir").flatten() {
            copy(&entry.path(), &to.join(entry.file_name()));
        }
    } else {
        std::fs::copy(from, to).expect("copy");
    }
}
