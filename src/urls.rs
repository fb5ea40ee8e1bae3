//! Every URL the site publishes, in one place, so pages, figures and exports agree.
//! Paths are site-absolute (`/ar/regimes/tadamon/`); see `Config::absolute` for full URLs.

use crate::locale::Lang;

/// `parts` end to end, in a string of exactly their length: the site's addresses are made
/// tens of times per page, and `format!` costs several times as much for them.
pub fn joined(parts: &[&str]) -> String {
    let mut s = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        s.push_str(p);
    }
    s
}

/// A page: `slug_path` is `` for the home page or `regimes/tadamon/`.
pub fn page(lang: Lang, slug_path: &str) -> String {
    joined(&["/", lang.code(), "/", slug_path])
}

/// The data and sources page, where every source has an anchor.
pub fn data_page(lang: Lang) -> String {
    page(lang, "data/")
}

pub fn source_anchor(id: &str) -> String {
    joined(&["source-", id])
}

pub fn source(lang: Lang, id: &str) -> String {
    joined(&["/", lang.code(), "/data/#source-", id])
}

pub fn indicator_anchor(id: &str) -> String {
    joined(&["indicator-", id])
}

pub fn chart_csv(id: &str) -> String {
    format!("/data/charts/{id}.csv")
}

pub fn chart_json(id: &str) -> String {
    format!("/data/charts/{id}.json")
}

pub fn indicator_csv(id: &str) -> String {
    format!("/data/indicators/{id}.csv")
}

pub fn indicator_json(id: &str) -> String {
    format!("/data/indicators/{id}.json")
}

/// Output file for a site path: `/ar/` → `ar/index.html`, `/data/x.csv` → `data/x.csv`.
pub fn output_file(path: &str) -> String {
    let p = path.trim_start_matches('/');
    if p.is_empty() || p.ends_with('/') {
        joined(&[p, "index.html"])
    } else {
        p.to_string()
    }
}

pub fn chart_xlsx(id: &str, lang: Lang) -> String {
    format!("/data/charts/{id}.{}.xlsx", lang.code())
}

pub fn chart_svg(id: &str, lang: Lang) -> String {
    format!("/data/charts/{id}.{}.svg", lang.code())
}

pub fn chart_png(id: &str, lang: Lang) -> String {
    format!("/data/charts/{id}.{}.png", lang.code())
}

pub fn indicator_xlsx(id: &str, lang: Lang) -> String {
    format!("/data/indicators/{id}.{}.xlsx", lang.code())
}

/// The minimal page that shows one chart inside another site's `<iframe>`.
pub fn embed(lang: Lang, id: &str) -> String {
    format!("/embed/{}/{id}/", lang.code())
}

pub fn datapackage() -> String {
    "/data/datapackage.json".into()
}

pub fn data_zip() -> String {
    "/data/amo-data.zip".into()
}

/// The Atom feed of a language's reports.
pub fn feed(lang: Lang) -> String {
    joined(&["/", lang.code(), "/feed.xml"])
}

/// The "page not found" page of a language.
pub fn not_found(lang: Lang) -> String {
    format!("/{}/404.html", lang.code())
}

/// The search page of a language (the query is `?q=`).
pub fn search(lang: Lang) -> String {
    page(lang, "search/")
}

/// The A–Z index of every page and indicator of a language.
pub fn a_to_z(lang: Lang) -> String {
    page(lang, "a-z/")
}

/// The folder of a language's search index files.
pub fn search_index(lang: Lang) -> String {
    format!("/search/{}/", lang.code())
}

/// The browser-side normaliser, generated from the Rust tables.
pub fn search_normaliser() -> String {
    "/search/normalise.js".into()
}

/// The page path of a node of the guide, under `/ar/` and `/fr/`: the first question is
/// the guide's own address (`guide/`), every other question and outcome `guide/ID/`.
pub fn guide_slug(id: &str, is_start: bool) -> String {
    if is_start {
        "guide/".into()
    } else {
        format!("guide/{id}/")
    }
}
