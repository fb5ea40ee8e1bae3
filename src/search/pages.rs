//! The search page and the A–Z index of each language: synthetic pages of the site (same
//! header, navigation and footer), whose bodies come from `templates/search.html` and
//! `templates/a-z.html`.

use super::document::{Document, Kind};
use super::normalise::normalise;
use super::prefixes::is_arabic_word;
use crate::content::Layout;
use crate::context::Ctx;
use crate::html::Markup;
use crate::locale::{Lang, Localized, UiText};
use crate::site::{Page, PageText};
use crate::urls;
use askama::Template;
use std::collections::BTreeMap;

/// The body of the search page: the form, a live region, the result list and the scripts.
#[derive(Template)]
#[template(path = "search.html")]
struct SearchBody<'a> {
    lang: Lang,
    ui: &'a UiText,
    action: String,
    az_href: String,
    index_href: String,
    normaliser_src: String,
    /// (CLDR plural category, text) of the result count.
    count_forms: Vec<(&'a str, &'a str)>,
}

/// One letter of the A–Z index.
struct Group {
    anchor: String,
    letter: String,
    entries: Vec<Entry>,
}

struct Entry {
    href: String,
    title_html: Markup,
    kind: String,
}

#[derive(Template)]
#[template(path = "a-z.html")]
struct AzBody<'a> {
    ui: &'a UiText,
    groups: Vec<Group>,
}

fn synthetic(
    ctx: &Ctx,
    key: &str,
    slug: &str,
    body: impl Fn(Lang) -> askama::Result<Markup> + Sync,
    title: impl Fn(&UiText) -> (&str, &str),
) -> askama::Result<Page> {
    // The two bodies are apart (the A–Z lists sort each language's documents): made in
    // parallel.
    let (ar, fr) = rayon::join(|| body(Lang::Ar), || body(Lang::Fr));
    let mut bodies = Localized {
        ar: Some(ar?),
        fr: Some(fr?),
    };
    let mut text = Vec::new();
    for lang in Lang::ALL {
        let ui = ctx.ui.get(lang);
        let (t, description) = title(ui);
        text.push(PageText {
            title: t.to_string(),
            browser_title: format!("{t} — {}", ctx.config.title.get(lang)),
            description: description.to_string(),
            nav_title: t.to_string(),
            body_html: bodies.get_mut(lang).take().expect("made above"),
            notes_html: Markup::default(),
            headline: Vec::new(),
            file: format!("templates/{key}.html").into(),
            content_lang: lang,
            date: None,
            vintage: None,
        });
    }
    let fr = text.pop().expect("two languages");
    let ar = text.pop().expect("two languages");
    Ok(Page {
        key: key.into(),
        slug_path: slug.into(),
        layout: Layout::Page,
        regime: None,
        nav: None,
        guide: false,
        text: Localized { ar, fr },
        source: None,
    })
}

/// The search page, both languages.
pub fn search_page(ctx: &Ctx) -> askama::Result<Page> {
    let body = |lang: Lang| {
        let ui = ctx.ui.get(lang);
        Markup::render(&SearchBody {
            lang,
            ui,
            action: urls::search(lang),
            az_href: urls::a_to_z(lang),
            index_href: urls::search_index(lang),
            normaliser_src: urls::search_normaliser(),
            count_forms: ui
                .search_results_count
                .forms
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect(),
        })
    };
    synthetic(ctx, "search", "search/", body, |ui| {
        (&ui.search_title, &ui.search_description)
    })
}

/// The A–Z page, both languages, from the documents of each language.
pub fn a_to_z_page(ctx: &Ctx, docs: &Localized<Vec<Document>>) -> askama::Result<Page> {
    let body = |lang: Lang| {
        let ui = ctx.ui.get(lang);
        Markup::render(&AzBody {
            ui,
            groups: groups(lang, ui, docs.get(lang)),
        })
    };
    synthetic(ctx, "a-z", "a-z/", body, |ui| {
        (&ui.az_title, &ui.az_description)
    })
}

/// The sort key of a title: normalised, without a leading article ال, and only its letters
/// and digits, as a dictionary sorts (« D’abord » before « Données », « D’où » after
/// « Dossiers »).
fn sort_key(title: &str) -> String {
    let n = normalise(title);
    let n = match n.strip_prefix("ال") {
        Some(rest) if is_arabic_word(&n) && !rest.is_empty() => rest,
        _ => &n,
    };
    n.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Pages, charts and indicators by first letter: the page's own script first, then the
/// other script, then numbers.
fn groups(lang: Lang, ui: &UiText, docs: &[Document]) -> Vec<Group> {
    let mut by_letter: BTreeMap<(u8, char), Vec<(String, &Document)>> = BTreeMap::new();
    for d in docs.iter().filter(|d| !matches!(d.kind, Kind::Source)) {
        let key = sort_key(&d.title);
        let first = key.chars().find(|c| c.is_alphanumeric()).unwrap_or('#');
        let arabic = is_arabic_word(&first.to_string());
        let (rank, letter) = match (first.is_ascii_digit(), arabic == lang.is_rtl()) {
            (true, _) => (2, '#'),
            (false, true) => (0, first),
            (false, false) => (1, first),
        };
        by_letter.entry((rank, letter)).or_default().push((key, d));
    }
    by_letter
        .into_iter()
        .map(|((_, letter), mut entries)| {
            entries.sort_by(|a, b| (&a.0, &a.1.url).cmp(&(&b.0, &b.1.url)));
            Group {
                anchor: format!("az-{:04x}", letter as u32),
                letter: if letter == '#' {
                    "0–9".into()
                } else {
                    letter.to_uppercase().collect()
                },
                entries: entries
                    .into_iter()
                    .map(|(_, d)| Entry {
                        href: d.url.clone(),
                        title_html: Markup::text(lang, &d.title),
                        kind: d.kind.label(ui).to_string(),
                    })
                    .collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_titles_sort_without_their_article() {
        assert_eq!(sort_key("التأمين الإجباري"), "تامينالاجباري");
        assert_eq!(sort_key("Éléments"), "elements");
        assert_eq!(sort_key("ال"), "ال");
    }

    /// Apostrophes, spaces and punctuation do not count, as in a dictionary.
    #[test]
    fn french_titles_sort_as_a_dictionary_does() {
        let mut titles = [
            "D’où vient votre pension ?",
            "Dossiers de soins",
            "D’abord, inscrire votre ménage au RSU",
            "Données ouvertes",
        ];
        titles.sort_by_key(|t| sort_key(t));
        assert_eq!(
            titles,
            [
                "D’abord, inscrire votre ménage au RSU",
                "Données ouvertes",
                "Dossiers de soins",
                "D’où vient votre pension ?",
            ]
        );
    }
}
