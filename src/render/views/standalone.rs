//! Pages outside the content tree: the neutral root, the embed page of a chart, the 404 page.

use crate::content::Layout;
use crate::context::Ctx;
use crate::figures::Figures;
use crate::locale::{Lang, UiText};
use crate::site::Page;
use crate::urls;
use askama::Template;

/// The neutral root page: a choice of language, no redirect.
#[derive(Template)]
#[template(path = "root.html")]
pub struct RootTemplate<'a> {
    /// Both site titles, the French one isolated (U+2068…U+2069) inside the Arabic page.
    pub title: String,
    pub title_ar: &'a str,
    pub title_fr: &'a str,
    pub tagline_ar: &'a str,
    pub tagline_fr: &'a str,
    pub canonical: String,
    pub alt_ar: String,
    pub alt_fr: String,
    pub choose_ar: &'a str,
    pub choose_fr: &'a str,
}

impl<'a> RootTemplate<'a> {
    pub fn new(ctx: &Ctx<'a>) -> Self {
        let c = ctx.config;
        RootTemplate {
            title: format!("{} · \u{2068}{}\u{2069}", c.title.ar, c.title.fr),
            title_ar: &c.title.ar,
            title_fr: &c.title.fr,
            tagline_ar: &c.tagline.ar,
            tagline_fr: &c.tagline.fr,
            canonical: c.absolute("/"),
            alt_ar: c.absolute(&urls::page(Lang::Ar, "")),
            alt_fr: c.absolute(&urls::page(Lang::Fr, "")),
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
    pub lang: Lang,
    pub ui: &'a UiText,
    pub title: String,
    pub canonical: String,
    pub block: &'a str,
    pub back_href: String,
    pub site_title: &'a str,
}

impl<'a> EmbedTemplate<'a> {
    pub fn new(ctx: &Ctx<'a>, figures: &'a Figures, id: &'a str, lang: Lang) -> Self {
        let c = ctx.config;
        EmbedTemplate {
            lang,
            ui: ctx.ui.get(lang),
            title: shorten(
                ctx.data
                    .charts
                    .get(id)
                    .map_or("", |ch| ch.title.get(lang).as_str()),
                crate::site::MAX_TITLE_CHARS,
            ),
            canonical: c.absolute(&urls::embed(lang, id)),
            block: figures.block(id, lang).unwrap_or_default(),
            back_href: c.absolute(&format!("{}#chart-{id}", urls::data_page(lang))),
            site_title: c.title.get(lang),
        }
    }
}

/// The "page not found" page of a language, as a page of the site (navigation, language
/// switch, footer) whose body links home and to the data.
pub fn not_found_page(ctx: &Ctx) -> Page {
    let text = |l: Lang| {
        let ui = ctx.ui.get(l);
        crate::site::PageText {
            title: ui.not_found_title.clone(),
            browser_title: format!("{} — {}", ui.not_found_title, ctx.config.title.get(l)),
            description: ui.not_found_text.clone(),
            nav_title: ui.not_found_title.clone(),
            body_html: format!(
                "<p>{}</p>\n<ul>\n<li><a href=\"{}\">{}</a></li>\n<li><a href=\"{}\">{}</a></li>\n</ul>\n",
                crate::html::escape(&ui.not_found_text),
                urls::page(l, ""),
                crate::html::escape(&ui.nav_home),
                urls::data_page(l),
                crate::html::escape(&ui.nav_data)
            ),
            notes_html: String::new(),
            anchors: Vec::new(),
            headline: Vec::new(),
            file: std::path::PathBuf::from("templates/page.html"),
            content_lang: l,
            date: None,
            vintage: None,
        }
    };
    Page {
        key: "404".into(),
        slug_path: "404.html".into(),
        layout: Layout::Page,
        regime: None,
        nav: None,
        guide: false,
        text: crate::locale::Localized::from_fn(text),
    }
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
