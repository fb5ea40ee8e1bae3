//! Atom 1.0 feed of the reports, one per language.

use crate::context::Ctx;
use crate::html::escape;
use crate::locale::Lang;
use crate::output::OutputFile;
use crate::site::Site;
use crate::urls;
use std::fmt::Write;

fn timestamp(date: Option<crate::data::ObsDate>) -> String {
    let (y, m, d) = date.map_or((1970, 1, 1), |d| d.ymd_start());
    format!("{y:04}-{m:02}-{d:02}T00:00:00Z")
}

pub fn atom(ctx: &Ctx, site: &Site, lang: Lang) -> OutputFile {
    let c = ctx.config;
    let ui = ctx.ui.get(lang);
    let abs = |p: &str| escape(&c.absolute(p));
    let reports = site.reports();
    let index = site
        .pages
        .iter()
        .find(|p| p.layout == crate::content::Layout::Reports)
        .map_or_else(|| urls::page(lang, ""), |p| urls::page(lang, &p.slug_path));
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    let _ = writeln!(
        xml,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">",
        lang.locale()
    );
    let _ = writeln!(xml, "  <id>{}</id>", abs(&urls::feed(lang)));
    let _ = writeln!(
        xml,
        "  <title>{} — {}</title>",
        escape(&ui.feed_title),
        escape(c.title.get(lang))
    );
    let _ = writeln!(
        xml,
        "  <subtitle>{}</subtitle>",
        escape(c.tagline.get(lang))
    );
    let _ = writeln!(
        xml,
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        abs(&urls::feed(lang))
    );
    let _ = writeln!(
        xml,
        "  <link rel=\"alternate\" type=\"text/html\" hreflang=\"{}\" href=\"{}\"/>",
        lang.code(),
        abs(&index)
    );
    let _ = writeln!(
        xml,
        "  <updated>{}</updated>",
        timestamp(reports.first().and_then(|p| p.text.get(lang).date))
    );
    let _ = writeln!(
        xml,
        "  <author><name>{}</name><uri>{}</uri></author>",
        escape(c.publisher.get(lang)),
        escape(&c.base_url)
    );
    let _ = writeln!(
        xml,
        "  <rights>{}</rights>",
        escape(c.data_licence.name.get(lang))
    );
    for p in reports {
        let t = p.text.get(lang);
        let url = abs(&urls::page(lang, &p.slug_path));
        let _ = writeln!(xml, "  <entry>");
        let _ = writeln!(xml, "    <id>{url}</id>");
        let _ = writeln!(xml, "    <title>{}</title>", escape(&t.title));
        let _ = writeln!(
            xml,
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{url}\"/>"
        );
        let _ = writeln!(xml, "    <published>{}</published>", timestamp(t.date));
        let _ = writeln!(xml, "    <updated>{}</updated>", timestamp(t.date));
        let _ = writeln!(xml, "    <summary>{}</summary>", escape(&t.description));
        let _ = writeln!(xml, "  </entry>");
    }
    xml.push_str("</feed>\n");
    OutputFile::new(urls::output_file(&urls::feed(lang)), xml)
}
