//! Atom 1.0 feed of the reports, one per language, through `templates/xml/feed.xml`: the
//! latest `listing.feed_entries` reports (20 unless `site.yaml` says otherwise), each with
//! its full text. Text is typeset for its language after it is escaped ([`Feed::tx`]), and
//! the HTML inside `<content>` is typeset before it is escaped, so markup is never mistaken
//! for text.

use crate::context::Ctx;
use crate::locale::{Lang, typography};
use crate::output::OutputFile;
use crate::site::Site;
use crate::urls;
use askama::Template;
use askama::filters::Safe;

#[derive(Template)]
#[template(path = "xml/feed.xml", whitespace = "preserve")]
struct Feed<'a> {
    lang: Lang,
    self_href: String,
    index_href: String,
    feed_title: &'a str,
    site_title: &'a str,
    tagline: &'a str,
    publisher: &'a str,
    base_url: &'a str,
    rights: &'a str,
    updated: String,
    entries: Vec<Entry<'a>>,
}

/// One report of the feed.
struct Entry<'a> {
    url: String,
    title: &'a str,
    date: String,
    summary: &'a str,
    content_lang: Lang,
    /// The report's HTML, typeset; the template escapes it.
    content: String,
}

impl Feed<'_> {
    /// Text escaped, then typeset for the feed's language.
    fn tx(&self, s: &str) -> Safe<String> {
        Safe(typography::for_lang(self.lang, crate::html::escape(s)))
    }
}

fn timestamp(date: Option<crate::data::ObsDate>) -> String {
    let (y, m, d) = date.map_or((1970, 1, 1), |d| d.ymd_start());
    format!("{y:04}-{m:02}-{d:02}T00:00:00Z")
}

pub fn atom(ctx: &Ctx, site: &Site, lang: Lang) -> Result<OutputFile, askama::Error> {
    let c = ctx.config;
    let mut reports = site.reports();
    reports.truncate(c.listing.feed_entries);
    let index = site
        .pages
        .iter()
        .find(|p| p.layout == crate::content::Layout::Reports)
        .map_or_else(|| urls::page(lang, ""), |p| urls::page(lang, &p.slug_path));
    let entries = reports
        .iter()
        .map(|p| {
            let t = p.text.get(lang);
            Entry {
                url: c.absolute(&urls::page(lang, &p.slug_path)),
                title: &t.title,
                date: timestamp(t.date),
                summary: &t.description,
                content_lang: t.content_lang,
                content: typography::for_lang(t.content_lang, t.body_html.as_str().to_string()),
            }
        })
        .collect();
    let feed = Feed {
        lang,
        self_href: c.absolute(&urls::feed(lang)),
        index_href: c.absolute(&index),
        feed_title: &ctx.ui.get(lang).feed_title,
        site_title: c.title.get(lang),
        tagline: c.tagline.get(lang),
        publisher: c.publisher.get(lang),
        base_url: &c.base_url,
        rights: c.data_licence.name.get(lang),
        updated: timestamp(reports.first().and_then(|p| p.text.get(lang).date)),
        entries,
    };
    Ok(OutputFile::new(
        urls::output_file(&urls::feed(lang)),
        feed.render()?,
    ))
}
