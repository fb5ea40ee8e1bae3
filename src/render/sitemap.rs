//! `sitemap.xml` (every page in both languages with its `xhtml:link` alternates) and
//! `robots.txt` pointing at it.

use crate::config::Config;
use crate::html::escape;
use crate::locale::Lang;
use crate::output::OutputFile;
use crate::site::Site;
use crate::urls;
use std::fmt::Write;

pub fn sitemap(config: &Config, site: &Site) -> OutputFile {
    let abs = |path: &str| escape(&config.absolute(path));
    let root = abs("/");
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let alternates = |xml: &mut String, slug: &str| {
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
    };
    let _ = writeln!(xml, "  <url>\n    <loc>{root}</loc>");
    alternates(&mut xml, "");
    xml.push_str("  </url>\n");
    for page in &site.pages {
        for lang in Lang::ALL {
            let _ = writeln!(
                xml,
                "  <url>\n    <loc>{}</loc>",
                abs(&urls::page(lang, &page.slug_path))
            );
            alternates(&mut xml, &page.slug_path);
            xml.push_str("  </url>\n");
        }
    }
    xml.push_str("</urlset>\n");
    OutputFile::new("sitemap.xml", xml)
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
