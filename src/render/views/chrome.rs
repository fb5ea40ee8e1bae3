//! What `templates/base.html` needs around every page's content: the `<head>`, the header
//! (site title, search box, language switch, navigation) and the footer.

use super::head::{Alternates, FeedLink, Head, OpenGraph, og_locale};
use crate::context::Ctx;
use crate::html::Markup;
use crate::locale::Lang;
use crate::site::{Page, Site};
use crate::urls;

/// The frame of a page in one language.
pub struct Chrome<'a> {
    pub head: Head<'a>,
    pub site_title: &'a str,
    pub home_href: String,
    pub search_href: String,
    pub data_href: String,
    /// The same page in the other language.
    pub other_href: String,
    pub nav: Vec<NavLink>,
    pub publisher: Markup,
    pub licence_name: Markup,
    pub licence_url: &'a str,
}

/// An entry of the main navigation.
pub struct NavLink {
    pub href: String,
    pub title: Markup,
    pub current: bool,
}

/// What a page says about itself in its `<head>`.
pub struct PageMeta<'a> {
    /// Where the page is published (`reports/page/2/`), in each language.
    pub slug_path: &'a str,
    pub title: String,
    pub browser_title: String,
    pub description: &'a str,
    /// A report is an `article` for Open Graph.
    pub is_article: bool,
}

impl<'a> Chrome<'a> {
    /// The frame of `meta` in `lang`; `page` is the navigation entry marked current.
    pub fn new(ctx: &Ctx<'a>, site: &Site, page: &Page, lang: Lang, meta: PageMeta<'a>) -> Self {
        let c = ctx.config;
        let path = |l: Lang| urls::page(l, meta.slug_path);
        let canonical = c.absolute(&path(lang));
        let head = Head {
            lang,
            title: Markup::text_node(&meta.browser_title),
            description: Some(meta.description),
            noindex: false,
            canonical,
            alternates: Some(Alternates {
                ar: c.absolute(&path(Lang::Ar)),
                fr: c.absolute(&path(Lang::Fr)),
                default: c.absolute("/"),
            }),
            feed: Some(FeedLink {
                href: urls::feed(lang),
                title: format!("{} — {}", ctx.ui.get(lang).feed_title, c.title.get(lang)),
            }),
            og: Some(OpenGraph {
                kind: if meta.is_article {
                    "article"
                } else {
                    "website"
                },
                title: meta.title,
                description: meta.description,
                site_name: c.title.get(lang),
                locale: og_locale(lang),
                locale_alternate: og_locale(lang.other()),
            }),
        };
        Chrome {
            head,
            site_title: c.title.get(lang),
            home_href: urls::page(lang, ""),
            search_href: urls::search(lang),
            data_href: urls::data_page(lang),
            other_href: path(lang.other()),
            nav: nav_links(ctx, site, page, lang),
            publisher: Markup::text(lang, c.publisher.get(lang)),
            licence_name: Markup::text(lang, c.data_licence.name.get(lang)),
            licence_url: &c.data_licence.url,
        }
    }
}

/// The main navigation of a page: home, then the pages with `nav:`, the current one marked.
fn nav_links(ctx: &Ctx, site: &Site, page: &Page, lang: Lang) -> Vec<NavLink> {
    std::iter::once((String::new(), ctx.ui.get(lang).nav_home.as_str()))
        .chain(
            site.nav
                .iter()
                .map(|n| (n.slug_path.clone(), n.title.get(lang).as_str())),
        )
        .map(|(slug, title)| NavLink {
            current: slug == page.slug_path,
            href: urls::page(lang, &slug),
            title: Markup::text(lang, title),
        })
        .collect()
}
