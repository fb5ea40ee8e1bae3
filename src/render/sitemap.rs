//! `sitemap.xml` (every page in both languages with its `xhtml:link` alternates; an index
//! of parts on a large site) and `robots.txt` pointing at it.

use crate::config::Config;
use crate::html::escape;
use crate::locale::Lang;
use crate::output::OutputFile;
use crate::site::Site;
use crate::urls;
use std::fmt::Write;

/// `sitemap.xml`: every page in both languages, the later pages of the reports index and
/// the year archives. Past `listing.sitemap_max_urls` URLs it becomes a sitemap index of
/// parts `sitemaps/N.xml`, each within the limit.
pub fn sitemap(config: &Config, site: &Site) -> Vec<OutputFile> {
    let abs = |path: &str| escape(&config.absolute(path));
    let root = abs("/");
    let entry = |loc: String, slug: &str| {
        let mut xml = format!("  <url>\n    <loc>{loc}</loc>\n");
        for l in Lang::ALL {
            let _ = writeln!(
                xml,
                "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                l.code(),
                abs(&urls::page(l, slug))
            );
        }
        let _ = writeln!(
            xml,
            "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{root}\"/>"
        );
        xml.push_str("  </url>\n");
        xml
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
            entries.push(entry(abs(&urls::page(lang, slug)), slug));
        }
    }
    let max = config.listing.sitemap_max_urls.max(1);
    if entries.len() <= max {
        return vec![OutputFile::new("sitemap.xml", urlset(&entries))];
    }
    let parts: Vec<&[String]> = entries.chunks(max).collect();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut files = Vec::with_capacity(parts.len() + 1);
    for (i, part) in parts.into_iter().enumerate() {
        let path = format!("sitemaps/{}.xml", i + 1);
        let _ = writeln!(
            index,
            "  <sitemap><loc>{}</loc></sitemap>",
            abs(&format!("/{path}"))
        );
        files.push(OutputFile::new(path, urlset(part)));
    }
    index.push_str("</sitemapindex>\n");
    files.insert(0, OutputFile::new("sitemap.xml", index));
    files
}

fn urlset(entries: &[String]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    entries.iter().for_each(|e| xml.push_str(e));
    xml.push_str("</urlset>\n");
    xml
}

pub fn robots(config: &Config) -> OutputFile {
    OutputFile::new(
        "robots.txt",
        format!(
            "User-agent: *\nAllow: /\n\nSitemap: {}\n",
            config.absolute("/sitemap.xml")
        ),
    )
}
