//! Pages outside the content tree: the neutral root, the embed page of a chart, the 404 page.

use super::head::{Alternates, Head};
use crate::content::Layout;
use crate::context::Ctx;
use crate::figures::Figures;
use crate::html::Markup;
use crate::locale::{Lang, UiText};
use crate::site::Page;
use crate::urls;
use askama::Template;

/// The neutral root page: a choice of language, no redirect.
#[derive(Template)]
#[template(path = "root.html")]
pub struct RootTemplate<'a> {
    /// Its `<title>` holds both site titles, the French one isolated (U+2068…U+2069)
    /// inside the Arabic page.
    head: Head<'a>,
    title_ar: &'a str,
    title_fr: &'a str,
    tagline_ar: &'a str,
    tagline_fr: &'a str,
    choose_ar: &'a str,
    choose_fr: &'a str,
}

impl<'a> RootTemplate<'a> {
    pub fn new(ctx: &Ctx<'a>) -> Self {
        let c = ctx.config;
        let title = format!("{} · \u{2068}{}\u{2069}", c.title.ar, c.title.fr);
        RootTemplate {
            head: Head {
                lang: Lang::Ar,
                title: Markup::text_node(&title),
                description: Some(&c.tagline.ar),
                noindex: false,
                canonical: c.absolute("/"),
                alternates: Some(Alternates {
                    ar: c.absolute(&urls::page(Lang::Ar, "")),
                    fr: c.absolute(&urls::page(Lang::Fr, "")),
                    default: c.absolute("/"),
                }),
                feed: None,
                og: None,
            },
            title_ar: &c.title.ar,
            title_fr: &c.title.fr,
            tagline_ar: &c.tagline.ar,
            tagline_fr: &c.tagline.fr,
            choose_ar: &ctx.ui.ar.choose_language,
            choose_fr: &ctx.ui.fr.choose_language,
        }
    }
}

/// The minimal page shown inside another site's `<iframe>`: one chart with its caption,
/// sources and downloads, and a link back.
#[derive(Template)]
#[template(path = "embed.html")]
pub struct EmbedTemplate<'a> {
    lang: Lang,
    ui: &'a UiText,
    head: Head<'a>,
    /// The chart's `<figure>`, as the data page shows it.
    block: Markup<&'a str>,
    back_href: String,
    site_title: &'a str,
}

impl<'a> EmbedTemplate<'a> {
    pub fn new(ctx: &Ctx<'a>, figures: &'a Figures, id: &'a str, lang: Lang) -> Self {
        let c = ctx.config;
        let title = ctx
            .data
            .charts
            .get(id)
            .map_or("", |ch| ch.title.get(lang).as_str());
        EmbedTemplate {
            lang,
            ui: ctx.ui.get(lang),
            head: Head {
                lang,
                title: Markup::text_node(&shorten(title, crate::site::MAX_TITLE_CHARS)),
                description: None,
                noindex: true,
                canonical: c.absolute(&urls::embed(lang, id)),
                alternates: None,
                feed: None,
                og: None,
            },
            block: Markup::trusted(figures.block(id, lang).unwrap_or_default()),
            back_href: c.absolute(&format!("{}#chart-{id}", urls::data_page(lang))),
            site_title: c.title.get(lang),
        }
    }
}

/// The body of the 404 page: what happened, and links home and to the data.
#[derive(Template)]
#[template(path = "not-found.html")]
struct NotFoundBody {
    text: Markup,
    home: Markup,
    home_href: String,
    data: Markup,
    data_href: String,
}

/// The "page not found" page of a language, as a page of the site (navigation, language
/// switch, footer) whose body links home and to the data.
pub fn not_found_page(ctx: &Ctx) -> Result<Page, askama::Error> {
    let text = |l: Lang| -> Result<crate::site::PageText, askama::Error> {
        let ui = ctx.ui.get(l);
        let body = NotFoundBody {
            text: Markup::escaped(&ui.not_found_text),
            home: Markup::escaped(&ui.nav_home),
            home_href: urls::page(l, ""),
            data: Markup::escaped(&ui.nav_data),
            data_href: urls::data_page(l),
        };
        Ok(crate::site::PageText {
            title: ui.not_found_title.clone(),
            browser_title: format!("{} — {}", ui.not_found_title, ctx.config.title.get(l)),
            description: ui.not_found_text.clone(),
            nav_title: ui.not_found_title.clone(),
            body_html: Markup::render(&body)?,
            notes_html: Markup::default(),
            headline: Vec::new(),
            file: std::path::PathBuf::from("templates/not-found.html"),
            content_lang: l,
            date: None,
            vintage: None,
        })
    };
    let (ar, fr) = (text(Lang::Ar)?, text(Lang::Fr)?);
    Ok(Page {
        key: "404".into(),
        slug_path: "404.html".into(),
        layout: Layout::Page,
        regime: None,
        nav: None,
        guide: false,
        text: crate::locale::Localized { ar, fr },
        source: None,
    })
}

/// `text` cut at a word boundary to at most `max` characters, with `…` when cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for word in text.split(' ') {
        if out.chars().count() + word.chars().count() + 2 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    format!("{}…", out.trim_end_matches([',', '،', ';']))
}
