//! `sitemap.xml` (every page in both languages with its `xhtml:link` alternates; an index
//! of parts on a large site) and `robots.txt` pointing at it, through the templates
//! `templates/xml/sitemap.xml`, `sitemap-index.xml` and `robots.txt`.

use crate::config::Config;
use crate::locale::Lang;
use crate::output::OutputFile;
use crate::site::Site;
use crate::urls;
use askama::Template;

/// One `<url>` of a sitemap: the address and its alternates (each language, `x-default`).
struct UrlEntry {
    loc: String,
    alternates: Vec<(&'static str, String)>,
}

#[derive(Template)]
#[template(path = "xml/sitemap.xml", whitespace = "preserve")]
struct UrlSet<'a> {
    entries: &'a [UrlEntry],
}

#[derive(Template)]
#[template(path = "xml/sitemap-index.xml", whitespace = "preserve")]
struct SitemapIndex {
    parts: Vec<String>,
}

#[derive(Template)]
#[template(path = "xml/robots.txt", whitespace = "preserve")]
struct Robots {
    sitemap: String,
}

/// `sitemap.xml`: every page in both languages, the later pages of the reports index and
/// the year archives. Past `listing.sitemap_max_urls` URLs it becomes a sitemap index of
/// parts `sitemaps/N.xml`, each within the limit.
pub fn sitemap(config: &Config, site: &Site) -> Result<Vec<OutputFile>, askama::Error> {
    let entries = entries(config, site);
    let max = config.listing.sitemap_max_urls.max(1);
    if entries.len() <= max {
        let xml = UrlSet { entries: &entries }.render()?;
        return Ok(vec![OutputFile::new("sitemap.xml", xml)]);
    }
    let mut files = vec![];
    let mut parts = Vec::new();
    for (i, part) in entries.chunks(max).enumerate() {
        let path = format!("sitemaps/{}.xml", i + 1);
        parts.push(config.absolute(&format!("/{path}")));
        files.push(OutputFile::new(path, UrlSet { entries: part }.render()?));
    }
    files.insert(
        0,
        OutputFile::new("sitemap.xml", SitemapIndex { parts }.render()?),
    );
    Ok(files)
}

/// The root, then every page and later listing page, each in both languages.
fn entries(config: &Config, site: &Site) -> Vec<UrlEntry> {
    let root = config.absolute("/");
    let entry = |loc: String, slug: &str| UrlEntry {
        loc,
        alternates: Lang::ALL
            .map(|l| (l.code(), config.absolute(&urls::page(l, slug))))
            .into_iter()
            .chain([("x-default", root.clone())])
            .collect(),
    };
    let listings = crate::site::listings(site, config.listing.reports_per_page);
    let slugs = site.pages.iter().map(|p| p.slug_path.as_str()).chain(
        listings
            .iter()
            .filter(|l| !l.is_index())
            .map(|l| l.slug_path.as_str()),
    );
    let mut entries = vec![entry(root.clone(), "")];
    for slug in slugs {
        for lang in Lang::ALL {
            entries.push(entry(config.absolute(&urls::page(lang, slug)), slug));
        }
    }
    entries
}

/// `robots.txt`: everything allowed, and where the sitemap is.
pub fn robots(config: &Config) -> Result<OutputFile, askama::Error> {
    let sitemap = config.absolute("/sitemap.xml");
    Ok(OutputFile::new("robots.txt", Robots { sitemap }.render()?))
}
