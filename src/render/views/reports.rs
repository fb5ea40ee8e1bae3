//! The reports layout (`templates/layouts/reports.html`): the reports index with its body,
//! and every later page of it and every year's archive, which show the list alone.

use super::Frame;
use super::article::Article;
use super::chrome::{Chrome, PageMeta};
use super::listing::{ReportList, listing_parts};
use crate::context::Ctx;
use crate::html::Markup;
use crate::locale::Lang;
use crate::site::{ListingPage, Page, Site};
use askama::Template;

#[derive(Template)]
#[template(path = "layouts/reports.html")]
pub struct ReportsPage<'a> {
    /// Language, interface strings, page frame and article (read by the template
    /// through `Deref`).
    frame: Frame<'a>,
    /// All reports, or one year's.
    heading: String,
    list: ReportList,
}

impl<'a> ReportsPage<'a> {
    /// The first page of the index: the reports page itself.
    pub fn index(ctx: &Ctx<'a>, site: &'a Site, page: &'a Page, lang: Lang) -> Self {
        let frame = Frame::of(ctx, site, page, lang);
        let ui = frame.ui;
        let all = crate::site::listings(site, ctx.config.listing.reports_per_page);
        let list = match all.first() {
            Some(first) => listing_parts(&ctx.lang(lang), first, &all),
            None => ReportList::default(),
        };
        ReportsPage {
            frame,
            heading: ui.all_reports.clone(),
            list,
        }
    }

    /// A later page of the index or a year's archive: the reports page's title (with the
    /// year, and the page's number) and that page's reports, without the body.
    pub fn listing(
        ctx: &Ctx<'a>,
        site: &'a Site,
        index: &'a Page,
        listing: &'a ListingPage,
        all: &[ListingPage],
        lang: Lang,
    ) -> Self {
        let (ui, text) = (ctx.ui.get(lang), index.text.get(lang));
        let year = listing
            .year
            .map(|y| ui.reports_year_title.replace("{year}", &y.to_string()));
        let base = year.clone().unwrap_or_else(|| text.title.clone());
        let title = if listing.page == 1 {
            base
        } else {
            ui.listing_page_title
                .replace("{title}", &base)
                .replace("{n}", &listing.page.to_string())
                .replace("{total}", &listing.pages.to_string())
        };
        let site_title = ctx.config.title.get(lang);
        let browser_title = crate::site::browser_title(lang, &title, None, site_title, false)
            .unwrap_or_else(|| title.clone());
        let meta = PageMeta {
            slug_path: &listing.slug_path,
            title: title.clone(),
            browser_title,
            description: &text.description,
            is_article: false,
        };
        let article = Article {
            title: Markup::text(text.content_lang, &title),
            body: Markup::default(),
            notes: Markup::default(),
            ..Article::of(text, lang)
        };
        ReportsPage {
            frame: Frame {
                lang,
                ui,
                chrome: Chrome::new(ctx, site, index, lang, meta),
                article,
            },
            heading: year.unwrap_or_else(|| ui.all_reports.clone()),
            list: listing_parts(&ctx.lang(lang), listing, all),
        }
    }
}

super::frame::framed!(ReportsPage);
