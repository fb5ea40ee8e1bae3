//! The guide's pages: one page per question (its answers a list of links) and one per
//! outcome (the regime, who pays, what to do next, what the sources do not say, each
//! statement with its source note), in both languages, at `/LANG/guide/` (the first
//! question) and `/LANG/guide/ID/`. They are ordinary pages of the [`Site`](super::Site):
//! rendered by the page template, listed in the sitemap, indexed by the search.

mod outcome;
mod question;
mod text;

use super::model::{MAX_TITLE_CHARS, Page, PageText, browser_title};
use super::notes::{NoteTexts, Notes};
use super::resolver::Resolver;
use crate::content::Layout;
use crate::context::Ctx;
use crate::data::guide::{GUIDE_FILE, Guide, Next};
use crate::diagnostics::{Diagnostic, Diagnostics, Position};
use crate::figures::Figures;
use crate::html::Markup;
use crate::locale::{Lang, Localized};
use crate::urls;
use text::Writer;

/// Every page of the guide, or none when the site has no guide. Problems (a text too long
/// for a title, a directive that does not resolve, a content page at the guide's
/// address) go to `diags`.
pub(super) fn pages(
    ctx: &Ctx,
    figures: &Figures,
    content: &[Page],
    diags: &mut Diagnostics,
) -> Vec<Page> {
    let Some(guide) = ctx.data.guide.as_ref() else {
        return Vec::new();
    };
    for p in content
        .iter()
        .filter(|p| p.key == "guide" || p.key.starts_with("guide/"))
    {
        diags.error(
            &p.text.fr.file,
            None,
            format!(
                "the page `{}` would be published where the guide of data/guide.yaml is",
                p.key
            ),
            "rename the page: /ar/guide/ and /fr/guide/ belong to the guide",
        );
    }
    let note_texts = NoteTexts::default();
    let resolver = Resolver {
        ctx: *ctx,
        figures,
        vintage: None,
        notes: None,
        note_texts: &note_texts,
    };
    let questions = (0..guide.questions.len()).map(|i| question::page(&resolver, guide, i));
    let outcomes = (0..guide.outcomes.len()).map(|i| outcome::page(&resolver, guide, i, content));
    let mut pages = Vec::new();
    for result in questions.chain(outcomes) {
        match result {
            Ok(p) => pages.push(p),
            Err(errors) => errors.into_iter().for_each(|d| diags.push(d)),
        }
    }
    pages
}

/// The address of the node `next` leads to, in `lang`.
fn href(guide: &Guide, lang: Lang, next: Next) -> String {
    urls::page(lang, &slug(guide, next))
}

fn slug(guide: &Guide, next: Next) -> String {
    urls::guide_slug(guide.id(next), next == Next::Question(guide.start))
}

/// What one language version of a guide page is made of.
struct Text<'t> {
    title: &'t str,
    /// Where the title is written (a title too long is an error there).
    at: Option<Position>,
    description: String,
}

/// A guide page in both languages; `body` writes the body of one language with a
/// [`Writer`] whose notes end the page.
fn page<'t>(
    resolver: &Resolver,
    guide: &Guide,
    node: Next,
    text: impl Fn(Lang) -> Text<'t>,
    body: impl Fn(&mut Writer) -> askama::Result<Markup>,
) -> Result<Page, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let texts = Localized::from_fn(|lang| {
        let notes = Notes::default();
        let mut w = Writer {
            resolver: Resolver {
                notes: Some(&notes),
                ..*resolver
            },
            lang,
            errors: Vec::new(),
        };
        let t = text(lang);
        let site = resolver.ctx.config.title.get(lang);
        let browser = browser_title(lang, t.title, None, site, false).unwrap_or_else(|| {
            w.errors.push(
                Diagnostic::new(GUIDE_FILE, t.at, format!("this {} title has {} characters; browser tabs and search results show about {MAX_TITLE_CHARS}", lang.code(), t.title.chars().count()))
                    .with_hint("shorten it: it is the page's title"),
            );
            String::new()
        });
        let body_html = body(&mut w).unwrap_or_else(|e| {
            w.errors.push(Diagnostic::new(
                GUIDE_FILE,
                None,
                format!("the guide's page could not be written: {e}"),
            ));
            Markup::default()
        });
        errors.append(&mut w.errors);
        PageText {
            title: t.title.to_string(),
            browser_title: browser,
            description: t.description,
            nav_title: t.title.to_string(),
            body_html,
            notes_html: notes.section(&resolver.ctx.lang(lang)),
            headline: Vec::new(),
            file: GUIDE_FILE.into(),
            content_lang: lang,
            date: None,
            vintage: None,
        }
    });
    if !errors.is_empty() {
        return Err(errors);
    }
    let slug_path = slug(guide, node);
    Ok(Page {
        key: slug_path.trim_end_matches('/').to_string(),
        slug_path,
        layout: Layout::Page,
        regime: None,
        nav: None,
        guide: true,
        text: texts,
        source: None,
    })
}
