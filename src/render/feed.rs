//! Atom 1.0 feed of the reports, one per language: the latest `listing.feed_entries`
//! reports (20 unless `site.yaml` says otherwise), each with its full text. Text is typeset
//! for its language here, piece by piece, so the HTML inside `<content>` is typeset before
//! it is escaped and never mistaken for text.

use crate::context::Ctx;
use crate::html::escape;
use crate::locale::{Lang, typography};
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
    let tx = |s: &str| typography::for_lang(lang, &escape(s));
    let mut reports = site.reports();
    reports.truncate(c.listing.feed_entries);
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
        tx(&ui.feed_title),
        tx(c.title.get(lang))
    );
    let _ = writeln!(xml, "  <subtitle>{}</subtitle>", tx(c.tagline.get(lang)));
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
        tx(c.publisher.get(lang)),
        escape(&c.base_url)
    );
    let _ = writeln!(
        xml,
        "  <rights>{}</rights>",
        tx(c.data_licence.name.get(lang))
    );
    for p in reports {
        let t = p.text.get(lang);
        let url = abs(&urls::page(lang, &p.slug_path));
        let _ = writeln!(xml, "  <entry>");
        let _ = writeln!(xml, "    <id>{url}</id>");
        let _ = writeln!(xml, "    <title>{}</title>", tx(&t.title));
        let _ = writeln!(
            xml,
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{url}\"/>"
        );
        let _ = writeln!(xml, "    <published>{}</published>", timestamp(t.date));
        let _ = writeln!(xml, "    <updated>{}</updated>", timestamp(t.date));
        let _ = writeln!(xml, "    <summary>{}</summary>", tx(&t.description));
        let _ = writeln!(
            xml,
            "    <content type=\"html\" xml:base=\"{url}\" xml:lang=\"{}\">{}</content>",
            t.content_lang.locale(),
            escape(&typography::for_lang(t.content_lang, &t.body_html))
        );
        let _ = writeln!(xml, "  </entry>");
    }
    xml.push_str("</feed>\n");
    OutputFile::new(urls::output_file(&urls::feed(lang)), xml)
}
