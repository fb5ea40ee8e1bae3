//! The site model: pages with rendered bodies, navigation, and the checks that span pages
//! (every page paired, regimes and headline figures that exist, the required pages present).

use super::notes::{NoteTexts, Notes};
use super::resolver::Resolver;
use crate::content::markdown::{self, Origin};
use crate::content::{Content, Layout, PagePair, Source, front_position, front_position_or_start};
use crate::context::Ctx;
use crate::data::{IndicatorId, RegimeId};
use crate::data::{ObsDate, RawDate};
use crate::diagnostics::Position;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::figures::Figures;
use crate::foundation::yaml::Located;
use crate::html::Markup;
use crate::locale::{Lang, Localized};
use rayon::prelude::*;
use std::path::PathBuf;

/// Longest `<title>` browsers and search engines show in full.
pub const MAX_TITLE_CHARS: usize = 70;

/// The `<title>` of a page: the first of "title — site", "title", "short title — site",
/// "short title" that fits in [`MAX_TITLE_CHARS`]. An Arabic title that starts with Latin
/// letters is led by U+200F so it displays right to left (W3C rule A6).
pub fn browser_title(
    lang: Lang,
    title: &str,
    short: Option<&str>,
    site: &str,
    is_home: bool,
) -> Option<String> {
    let with_mark = |t: String| {
        let starts_latin = t
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(|c| !crate::locale::bidi::is_arabic(c));
        if lang.is_rtl() && starts_latin {
            format!("\u{200F}{t}")
        } else {
            t
        }
    };
    let mut candidates = vec![];
    if is_home {
        candidates.push(site.to_string());
    }
    candidates.push(format!("{title} — {site}"));
    candidates.push(title.to_string());
    if let Some(s) = short {
        candidates.push(format!("{s} — {site}"));
        candidates.push(s.to_string());
    }
    candidates
        .into_iter()
        .map(with_mark)
        .find(|t| t.chars().count() <= MAX_TITLE_CHARS)
}

/// One language version of a page, ready for templates.
#[derive(Debug, Clone)]
pub struct PageText {
    pub title: String,
    /// The `<title>` (see [`browser_title`]).
    pub browser_title: String,
    pub description: String,
    pub nav_title: String,
    /// Empty until the render stage renders it (see [`Page::source`]).
    pub body_html: Markup,
    /// «المصادر» / "Sources": the notes the body's figures refer to (empty if none).
    pub notes_html: Markup,
    pub headline: Vec<IndicatorId>,
    pub file: PathBuf,
    /// The language the text is written in; differs from the page's language on a
    /// fallback page (see `fallback_for`).
    pub content_lang: Lang,
    /// A report's publication date.
    pub date: Option<crate::data::ObsDate>,
    /// The day whose knowledge a report's figures reflect.
    pub vintage: Option<crate::data::ObsDate>,
}

#[derive(Debug, Clone)]
pub struct Page {
    /// `index`, `coverage`, `regimes/tadamon`.
    pub key: String,
    /// `` or `coverage/`: the path under `/ar/` and `/fr/`.
    pub slug_path: String,
    pub layout: Layout,
    pub regime: Option<RegimeId>,
    pub nav: Option<u32>,
    /// A page of the guide (`data/guide.yaml`), not of `content/`.
    pub guide: bool,
    pub text: Localized<PageText>,
    /// A content page's Markdown, until its body is rendered ([`render_bodies`]): bodies
    /// are rendered as pages are written, so the site never holds them all.
    pub source: Option<Box<PagePair>>,
}

#[derive(Debug, Clone)]
pub struct NavItem {
    pub slug_path: String,
    pub title: Localized<String>,
}

/// Every page of the site with its body rendered, and the main navigation.
pub struct Site {
    pub pages: Vec<Page>,
    pub nav: Vec<NavItem>,
    /// Where the reports are in `pages`, newest first: sorted once, when the site is
    /// assembled (the listings, feeds and pagination all ask for it).
    report_order: Vec<usize>,
}

impl Site {
    /// Frees the rendered body and notes of `pages` once they are written: what is left
    /// (titles, addresses, dates) is what the listings, search and the summaries need.
    pub fn release_bodies(&mut self, pages: std::ops::Range<usize>) {
        for text in self.pages[pages]
            .iter_mut()
            .flat_map(|p| [&mut p.text.ar, &mut p.text.fr])
        {
            (text.body_html, text.notes_html) = Default::default();
        }
    }

    pub fn page(&self, key: &str) -> Option<&Page> {
        self.pages.iter().find(|p| p.key == key)
    }

    /// Reports, newest first (then by key, so the order is stable).
    pub fn reports(&self) -> Vec<&Page> {
        (self.report_indices().into_iter())
            .map(|i| &self.pages[i])
            .collect()
    }

    /// Where the [`reports`](Self::reports) are in `pages`, in their order.
    pub fn report_indices(&self) -> Vec<usize> {
        self.report_order.clone()
    }

    /// A site of `pages`, its reports put in order.
    fn new(pages: Vec<Page>, nav: Vec<NavItem>) -> Self {
        let mut report_order: Vec<usize> = (0..pages.len())
            .filter(|&i| pages[i].layout == Layout::Report)
            .collect();
        let key = |i: usize| (pages[i].text.fr.date, &pages[i].key);
        report_order.sort_by(|&a, &b| {
            let ((da, ka), (db, kb)) = (key(a), key(b));
            (db, ka).cmp(&(da, kb))
        });
        Site {
            pages,
            nav,
            report_order,
        }
    }

    /// The explainer page of a regime, if there is one.
    pub fn regime_page(&self, regime: &str) -> Option<&Page> {
        self.pages
            .iter()
            .find(|p| p.regime.as_deref() == Some(regime))
    }
}

/// Models every page from its front matter and checks what spans pages; the bodies are
/// rendered later, page by page ([`render_bodies`]), except those of pages with problems,
/// whose body problems are told now too. Problems go to `diags`.
pub fn assemble(ctx: &Ctx, figures: &Figures, content: Content, diags: &mut Diagnostics) -> Site {
    let note_texts = NoteTexts::default();
    let resolver = Resolver {
        ctx: *ctx,
        figures,
        vintage: None,
        notes: None,
        note_texts: &note_texts,
    };
    // Each page's text is let go once its page is made, unless a problem is found in it:
    // the site's Markdown is not held until the end of the stage.
    diags.release_sources_without_problems(|file| file.starts_with("content"));
    // Where the home and data pages say their layout, checked below once pages are made;
    // their texts are kept to quote that check.
    let layouts_written: Vec<(String, Option<Position>)> = content
        .pages
        .iter()
        .filter(|q| q.key == "index" || q.key == "data")
        .map(|q| {
            q.quote_in(diags);
            let at = front_position_or_start(q.sources.fr.front.layout.as_ref());
            (q.key.clone(), at)
        })
        .collect();
    let mut pages = make_pages(content.pages, &resolver, diags);
    for (key, layout, file) in [
        ("index", Layout::Home, "content/index"),
        ("data", Layout::Data, "content/data"),
    ] {
        let written = layouts_written.iter().find(|(k, _)| *k == key);
        match pages.iter().find(|p| p.key == key) {
            Some(p) if p.layout == layout => {}
            Some(p) => diags.error(
                &p.text.fr.file,
                written.and_then(|(_, at)| *at),
                format!(
                    "the page `{key}` must use `layout: {}`",
                    layout_name(layout)
                ),
                "set the layout in the front matter of both language versions",
            ),
            None if written.is_none() && !content.broken.contains(key) => diags.error(
                &PathBuf::from(format!("{file}.ar.md")),
                None,
                format!("the site needs a `{key}` page"),
                format!(
                    "create {file}.ar.md and {file}.fr.md with `layout: {}`",
                    layout_name(layout)
                ),
            ),
            None => {}
        }
    }
    let guide = super::guide::pages(ctx, figures, &pages, diags);
    let mut nav_pages: Vec<&Page> = pages.iter().filter(|p| p.nav.is_some()).collect();
    nav_pages.sort_by(|a, b| (a.nav, &a.key).cmp(&(b.nav, &b.key)));
    // The guide comes first: it is where a reader who wants to know "which regime is
    // mine" starts.
    let guide_item = guide.first().map(|_| NavItem {
        slug_path: crate::urls::guide_slug("", true),
        title: ctx.ui.map(|_, ui| ui.guide_title.clone()),
    });
    let nav = guide_item
        .into_iter()
        .chain(nav_pages.into_iter().map(|p| NavItem {
            slug_path: p.slug_path.clone(),
            title: p.text.map(|_, t| t.nav_title.clone()),
        }))
        .collect();
    pages.extend(guide);
    let site = Site::new(pages, nav);
    super::listing::check_routes(&site, ctx.config.listing.reports_per_page, diags);
    site
}

/// Makes the pages of `pairs` from their front matter, in parallel, a batch at a time;
/// the problems of the pages that cannot be made go to `diags` with their texts.
fn make_pages(pairs: Vec<PagePair>, resolver: &Resolver, diags: &mut Diagnostics) -> Vec<Page> {
    let mut pages = Vec::with_capacity(pairs.len());
    let mut sources = pairs.into_iter();
    loop {
        let batch: Vec<PagePair> = sources.by_ref().take(PAGES_PER_BATCH).collect();
        if batch.is_empty() {
            break;
        }
        let results: Vec<Result<Page, Vec<Diagnostic>>> =
            batch.par_iter().map(|pair| page(pair, resolver)).collect();
        for (r, pair) in results.into_iter().zip(batch) {
            match r {
                Ok(mut p) => {
                    p.source = Some(Box::new(pair));
                    pages.push(p);
                }
                Err(errs) => {
                    pair.quote_in(diags);
                    errs.into_iter().for_each(|d| diags.push(d));
                }
            }
        }
    }
    pages
}

/// How many pages are made, or have their bodies rendered, in parallel at a time.
const PAGES_PER_BATCH: usize = 512;

/// Renders the body of each page of `which` that has none yet, in parallel, and lets its
/// Markdown go. Problems go to `diags`; returns whether there were none.
pub fn render_bodies(
    ctx: &Ctx,
    figures: &Figures,
    site: &mut Site,
    which: &[usize],
    diags: &mut Diagnostics,
) -> bool {
    let note_texts = NoteTexts::default();
    let resolver = Resolver {
        ctx: *ctx,
        figures,
        vintage: None,
        notes: None,
        note_texts: &note_texts,
    };
    let todo: Vec<(usize, Box<PagePair>)> = (which.iter())
        .filter_map(|&i| site.pages[i].source.take().map(|s| (i, s)))
        .collect();
    let results: Vec<_> = todo
        .par_iter()
        .map(|(_, pair)| bodies(pair, &resolver))
        .collect();
    let mut valid = true;
    // The sources are freed here, on this thread, while no body is being rendered: freed
    // on the threads that render, they would contend for the allocator's locks with the
    // threads that loaded them (the stage went twice as slow, at random).
    for ((i, pair), r) in todo.into_iter().zip(results) {
        match r {
            Ok(Localized { ar, fr }) => {
                let text = &mut site.pages[i].text;
                (text.ar.body_html, text.ar.notes_html) = ar;
                (text.fr.body_html, text.fr.notes_html) = fr;
            }
            Err(errs) => {
                valid = false;
                pair.quote_in(diags);
                errs.into_iter().for_each(|d| diags.push(d));
            }
        }
    }
    valid
}

/// Renders every body only to find its problems (when the input has others already, so
/// that one run tells them all); each batch's bodies are let go at once.
pub fn check_bodies(ctx: &Ctx, figures: &Figures, site: &mut Site, diags: &mut Diagnostics) {
    for start in (0..site.pages.len()).step_by(PAGES_PER_BATCH) {
        let batch = start..(start + PAGES_PER_BATCH).min(site.pages.len());
        render_bodies(
            ctx,
            figures,
            site,
            &batch.clone().collect::<Vec<_>>(),
            diags,
        );
        site.release_bodies(batch);
    }
}

fn layout_name(layout: Layout) -> &'static str {
    match layout {
        Layout::Page => "page",
        Layout::Home => "home",
        Layout::Data => "data",
        Layout::Report => "report",
        Layout::Reports => "reports",
    }
}

fn page(pair: &PagePair, resolver: &Resolver) -> Result<Page, Vec<Diagnostic>> {
    let data = resolver.ctx.data;
    let mut errors = Vec::new();
    let (ar, fr) = (&pair.sources.ar, &pair.sources.fr);
    errors.extend(disagreements(ar, fr, data));
    let mut reported_once = false;
    let text = Localized::from_fn(|lang| {
        let src = pair.sources.get(lang);
        page_text(src, pair.content_lang(lang), resolver)
            .map_err(|mut e| {
                if pair.fallback.is_none() || !reported_once {
                    errors.append(&mut e);
                }
                reported_once = true;
            })
            .ok()
    });
    if let Some(regime) = ar.front.regime()
        && data.regime(regime).is_none()
        && !data.unavailable.regimes
    {
        for src in [ar, fr] {
            errors.push(
                Diagnostic::new(
                    &src.file,
                    src.front.regime.as_ref().and_then(front_position),
                    format!("unknown regime `{regime}`"),
                )
                .with_hint("use an id from data/regimes.yaml"),
            );
        }
    }
    if !errors.is_empty() || text.ar.is_none() || text.fr.is_none() {
        // The page is not made: its bodies are rendered now, for their problems.
        if let Err(mut e) = bodies(pair, resolver) {
            errors.append(&mut e);
        }
    }
    match (text.ar, text.fr) {
        (Some(ar_text), Some(fr_text)) if errors.is_empty() => Ok(Page {
            key: pair.key.clone(),
            slug_path: pair.slug_path(),
            layout: ar.front.layout(),
            regime: ar.front.regime().map(RegimeId::new),
            nav: ar.front.nav(),
            guide: false,
            text: Localized {
                ar: ar_text,
                fr: fr_text,
            },
            source: None,
        }),
        _ => Err(errors),
    }
}

/// An error for each `headline` id that names no indicator (unless its file failed).
fn unknown_headline_ids(src: &Source, data: &crate::data::Dataset) -> Vec<Diagnostic> {
    src.front
        .headline
        .iter()
        .filter(|id| {
            !data.indicators.contains_key(id.value.as_str())
                && !data.unavailable.indicator(&id.value)
        })
        .map(|id| {
            Diagnostic::new(
                &src.file,
                front_position(id),
                format!("unknown indicator `{}` in `headline`", id.value),
            )
            .with_hint("use ids of files in data/indicators/")
        })
        .collect()
}

/// What a page shows in `lang` besides its body: titles, description, dates.
fn page_text(src: &Source, lang: Lang, resolver: &Resolver) -> Result<PageText, Vec<Diagnostic>> {
    let (config, data) = (resolver.ctx.config, resolver.ctx.data);
    let mut errors = unknown_headline_ids(src, data);
    let browser_title = browser_title(
        lang,
        &src.front.title.value,
        src.front.short_title.as_deref(),
        config.title.get(lang),
        src.front.layout() == Layout::Home,
    );
    if browser_title.is_none() {
        errors.push(
            Diagnostic::new(&src.file, front_position(&src.front.title), format!("the title has {} characters; browser tabs and search results show about {MAX_TITLE_CHARS}", src.front.title.value.chars().count()))
                .with_hint(format!("add a `short_title:` of at most {MAX_TITLE_CHARS} characters")),
        );
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(PageText {
        title: src.front.title.value.clone(),
        browser_title: browser_title.unwrap_or_default(),
        description: src.front.description.value.clone(),
        nav_title: src
            .front
            .nav_title
            .clone()
            .unwrap_or_else(|| src.front.title.value.clone()),
        body_html: Markup::default(),
        notes_html: Markup::default(),
        headline: src
            .front
            .headline
            .iter()
            .map(|h| IndicatorId::new(h.value.clone()))
            .collect(),
        file: src.file.clone(),
        content_lang: lang,
        date: src.dates.date,
        vintage: src.dates.vintage(),
    })
}

/// A page's body and its notes in both languages (a fallback's problems told once).
fn bodies(pair: &PagePair, resolver: &Resolver) -> Result<Localized<Body>, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut reported_once = false;
    let made = Localized::from_fn(|lang| {
        body(pair.sources.get(lang), pair.content_lang(lang), resolver)
            .map_err(|mut e| {
                if pair.fallback.is_none() || !reported_once {
                    errors.append(&mut e);
                }
                reported_once = true;
            })
            .ok()
    });
    match (made.ar, made.fr) {
        (Some(ar), Some(fr)) => Ok(Localized { ar, fr }),
        _ => Err(errors),
    }
}

/// A rendered body and its notes («المصادر» / "Sources").
type Body = (Markup, Markup);

/// The Markdown of `src` rendered in `lang`, its directives resolved; a report shows its
/// figures as they were known on its date.
fn body(src: &Source, lang: Lang, resolver: &Resolver) -> Result<Body, Vec<Diagnostic>> {
    let config = resolver.ctx.config;
    let text = src.text().map_err(|e| vec![e])?;
    let markdown = src.body_of(&text);
    let origin = Origin {
        file: &src.file,
        file_text: &text,
        body_offset: src.body_start(),
    };
    let notes = Notes::default();
    let resolver = Resolver {
        notes: Some(&notes),
        vintage: if src.front.layout() == Layout::Report {
            src.dates.vintage()
        } else {
            None
        },
        ..*resolver
    };
    let r = markdown::render(markdown, lang, config.markdown.raw_html, &origin, &resolver)?;
    // The Markdown renderer escapes text and refuses raw HTML unless the config allows it.
    Ok((
        Markup::trusted(r.html),
        notes.section(&resolver.ctx.lang(lang)),
    ))
}

/// What the two language versions of a page must agree on: its layout, regime, place in
/// the navigation, headline figures, and a report's date and the date of its figures (one
/// report shows the same figures in both languages). A date that failed to parse or is
/// missing from a report, or a headline naming an unknown indicator, is already reported
/// and not compared.
fn disagreements(ar: &Source, fr: &Source, data: &crate::data::Dataset) -> Vec<Diagnostic> {
    let (a, f) = (&ar.front, &fr.front);
    let mut errors = Vec::new();
    let mut check = |differ: bool, key: &str, places: (Option<Position>, Option<Position>)| {
        if differ {
            errors.push(disagreement(key, (ar, places.0), (fr, places.1)));
        }
    };
    check(
        a.layout() != f.layout(),
        "layout",
        (at(&a.layout), at(&f.layout)),
    );
    check(
        a.regime() != f.regime(),
        "regime",
        (at(&a.regime), at(&f.regime)),
    );
    check(a.nav() != f.nav(), "nav", (at(&a.nav), at(&f.nav)));
    let ids = |h: &[Located<String>]| h.iter().map(|s| s.value.clone()).collect::<Vec<_>>();
    let known = |h: &[Located<String>]| {
        h.iter()
            .all(|s| data.indicators.contains_key(s.value.as_str()))
    };
    check(
        known(&a.headline) && known(&f.headline) && ids(&a.headline) != ids(&f.headline),
        "headline",
        (
            a.headline.first().and_then(front_position),
            f.headline.first().and_then(front_position),
        ),
    );
    let parsed = |raw: &Option<Located<RawDate>>, d: Option<ObsDate>| raw.is_none() || d.is_some();
    // A report without its date is reported as such.
    let dated = |s: &Source| s.front.layout() != Layout::Report || s.front.date.is_some();
    let (ad, fd) = (&ar.dates, &fr.dates);
    check(
        parsed(&a.date, ad.date)
            && parsed(&f.date, fd.date)
            && dated(ar)
            && dated(fr)
            && ad.date != fd.date,
        "date",
        (at(&a.date), at(&f.date)),
    );
    check(
        parsed(&a.figures_as_of, ad.figures_as_of)
            && parsed(&f.figures_as_of, fd.figures_as_of)
            && ad.figures_as_of != fd.figures_as_of,
        "figures_as_of",
        (at(&a.figures_as_of), at(&f.figures_as_of)),
    );
    errors
}

/// Where an optional front matter value is written (`None` if it is not).
fn at<T>(value: &Option<Located<T>>) -> Option<Position> {
    value.as_ref().and_then(front_position)
}

/// The Arabic and French versions of a page set `key` differently (`None`: not written):
/// the error points at the French value, at the Arabic one when only the Arabic version
/// sets it, or at the French front matter's start.
fn disagreement(
    key: &str,
    ar: (&Source, Option<Position>),
    fr: (&Source, Option<Position>),
) -> Diagnostic {
    const START: Position = Position { line: 1, column: 1 };
    let (here, at, other, theirs) = match (ar.1, fr.1) {
        (Some(a), None) => (ar.0, a, fr.0, None),
        (a, f) => (fr.0, f.unwrap_or(START), ar.0, a),
    };
    let said = match theirs {
        Some(_) => "the other version says this",
        None => "the other version does not set it",
    };
    let other_at = Some(theirs.unwrap_or(START));
    Diagnostic::new(
        &here.file,
        Some(at),
        format!("the Arabic and French versions disagree on `{key}`"),
    )
    .with_label(&other.file, other_at, said)
    .with_hint(format!("use the same value as in {}", other.file.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_titles_fit_and_arabic_ones_led_by_latin_get_rlm() {
        assert_eq!(
            browser_title(Lang::Ar, "AMO Tadamon", None, "الموقع", false).unwrap(),
            "\u{200F}AMO Tadamon — الموقع"
        );
        assert_eq!(
            browser_title(Lang::Ar, "أمو تضامن", None, "الموقع", false).unwrap(),
            "أمو تضامن — الموقع"
        );
        assert_eq!(
            browser_title(Lang::Fr, "x", None, "Site", true).unwrap(),
            "Site"
        );
        let long = "t".repeat(80);
        assert_eq!(
            browser_title(Lang::Fr, &long, Some("Court"), "Site", false).unwrap(),
            "Court — Site"
        );
        assert!(browser_title(Lang::Fr, &long, None, "Site", false).is_none());
    }
}
