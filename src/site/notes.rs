//! The source notes of one page in one language: each figure in prose gets a numbered
//! note reference (a superscript link named «المصدر 3» / "source 3"), and the page ends
//! with «المصادر» / "Sources", one note per observation cited, each linking back to the
//! text. The same observation cited twice keeps its number. A sentence that states a fact
//! without a figure (the guide's "the State pays the contributions") cites its document the
//! same way ([`Notes::cite_document`]).

use crate::context::{LangCtx, time_html};
use crate::data::{Indicator, ObsDate, Observation, Source};
use crate::html::{Markup, escape};
use crate::locale::Lang;
use crate::urls;
use askama::Template;
use rustc_hash::FxHashMap;
use std::sync::Mutex;

/// A superscript reference to a note (`templates/inline/note-ref.html`).
#[derive(Template)]
#[template(path = "inline/note-ref.html", whitespace = "preserve")]
struct NoteRef {
    id: String,
    n: usize,
    label: Markup,
}

/// The «المصادر» / "Sources" section (`templates/partials/notes.html`).
#[derive(Template)]
#[template(path = "partials/notes.html", whitespace = "preserve")]
struct Section<'a> {
    title: Markup,
    notes: Vec<SectionNote<'a>>,
}

struct SectionNote<'a> {
    number: usize,
    html: Markup<&'a str>,
    ref_id: String,
    back: Markup,
}

/// What a note is about: one observation of one indicator, or a whole document.
#[derive(Debug, PartialEq, Eq)]
enum NoteKey {
    Observation(String, crate::data::ObsDate, String),
    Document(String),
}

#[derive(Debug)]
struct Note {
    key: NoteKey,
    html: Markup,
    uses: usize,
}

/// The notes of a page, in order of first citation (a page is rendered by one thread;
/// the lock only makes the resolver shareable).
#[derive(Debug, Default)]
pub struct Notes {
    list: Mutex<Vec<Note>>,
}

/// The note of each observation cited, per language, made once per build and shared by
/// the pages: the hundreds of reports that cite the same figure show the same note, and
/// making it (source, dates, links) cost more than the rest of the figure.
#[derive(Debug, Default)]
pub struct NoteTexts(Mutex<FxHashMap<(Lang, String, ObsDate, String), Markup>>);

impl NoteTexts {
    fn lock(
        &self,
    ) -> std::sync::MutexGuard<'_, FxHashMap<(Lang, String, ObsDate, String), Markup>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The note of the observation of `indicator` on `date` from `source` in `lang`, made
    /// by `make` the first time.
    fn get_or_make(
        &self,
        lang: Lang,
        (indicator, date, source): (&str, ObsDate, &str),
        make: impl FnOnce() -> Markup,
    ) -> Markup {
        let key = (lang, indicator.to_string(), date, source.to_string());
        if let Some(html) = self.lock().get(&key) {
            return html.clone();
        }
        // Made outside the lock; two threads making the same note make the same bytes.
        let html = make();
        self.lock().entry(key).or_insert(html).clone()
    }
}

/// The id of the `use`-th reference (1-based) to note `n`: `note-ref-3`, `note-ref-3-2`.
fn ref_id(n: usize, use_: usize) -> String {
    if use_ == 1 {
        format!("note-ref-{n}")
    } else {
        format!("note-ref-{n}-{use_}")
    }
}

impl Notes {
    /// Cites `obs` of `ind`: the superscript reference, numbered by first citation.
    /// `extra` is HTML added to the note the first time (a report's "updated since").
    /// The note itself comes from `texts` when another page made it already.
    pub fn cite(
        &self,
        texts: &NoteTexts,
        lx: &LangCtx,
        (ind, obs, src): (&Indicator, &Observation, &Source),
        extra: &Markup,
    ) -> Markup {
        let key = NoteKey::Observation(ind.id.to_string(), obs.date, obs.source.to_string());
        self.reference(lx, key, || {
            let observation = (ind.id.as_str(), obs.date, obs.source.as_str());
            let mut html = texts.get_or_make(lx.lang, observation, || note_html(lx, ind, obs, src));
            html.push(extra);
            html
        })
    }

    /// Cites a whole document for a sentence: the superscript reference to its note.
    pub fn cite_document(&self, lx: &LangCtx, src: &Source) -> Markup {
        let key = NoteKey::Document(src.id.to_string());
        self.reference(lx, key, || {
            Markup::trusted(format!(
                "{}. {} {}.",
                document_html(lx, src),
                escape(&lx.ui.published),
                lx.date_phrase_html(src.published)
            ))
        })
    }

    /// The reference to the note `key`, numbered by first citation; `html` makes the
    /// note the first time.
    fn reference(&self, lx: &LangCtx, key: NoteKey, html: impl FnOnce() -> Markup) -> Markup {
        let mut list = self.list.lock().unwrap_or_else(|e| e.into_inner());
        let (n, uses) = match list.iter().position(|e| e.key == key) {
            Some(i) => {
                list[i].uses += 1;
                (i + 1, list[i].uses)
            }
            None => {
                list.push(Note {
                    key,
                    html: html(),
                    uses: 1,
                });
                (list.len(), 1)
            }
        };
        let label = lx.ui.note_ref_label.replace("{n}", &n.to_string());
        let reference = NoteRef {
            id: ref_id(n, uses),
            n,
            label: Markup::escaped(&label),
        };
        // Rendering cannot fail: the values are strings and numbers.
        Markup::render(&reference).unwrap_or_default()
    }

    /// The «المصادر» / "Sources" section, or nothing when the page cites no figure.
    pub fn section(&self, lx: &LangCtx) -> Markup {
        let list = self.list.lock().unwrap_or_else(|e| e.into_inner());
        if list.is_empty() {
            return Markup::default();
        }
        let notes = list
            .iter()
            .enumerate()
            .map(|(i, note)| {
                let n = i + 1;
                let back = format!(
                    "{} ({})",
                    lx.ui.note_back,
                    lx.ui.note_ref_label.replace("{n}", &n.to_string())
                );
                SectionNote {
                    number: n,
                    html: note.html.borrowed(),
                    ref_id: ref_id(n, 1),
                    back: Markup::escaped(&back),
                }
            })
            .collect();
        let section = Section {
            title: Markup::escaped(&lx.ui.notes_title),
            notes,
        };
        Markup::render(&section).unwrap_or_default()
    }
}

/// A note on an observation (`templates/inline/note-observation.html`): `Cour des comptes
/// (via Le360), Title. Publié en 2025. Date de la donnée : 2024. Définition de
/// l’indicateur.`
#[derive(Template)]
#[template(path = "inline/note-observation.html", whitespace = "preserve")]
struct ObservationNote {
    document: Markup,
    published: Markup,
    date: Markup,
    observed: Markup,
    definition_href: Markup,
    definition: Markup,
}

fn note_html(lx: &LangCtx, ind: &Indicator, obs: &Observation, src: &Source) -> Markup {
    let (lang, ui) = (lx.lang, lx.ui);
    let definition = format!(
        "{}#{}",
        urls::data_page(lang),
        urls::indicator_anchor(&ind.id)
    );
    let note = ObservationNote {
        document: document_html(lx, src),
        published: Markup::escaped(&ui.published),
        date: lx.date_phrase_html(src.published),
        observed: Markup::trusted(
            escape(&ui.note_observed).replace("{date}", &time_html(lx, obs.date)),
        ),
        definition_href: Markup::escaped(&definition),
        definition: Markup::escaped(&ui.note_definition),
    };
    // Cannot fail: every value is a string.
    Markup::render(&note).unwrap_or_default()
}

/// A source document (`templates/inline/source-document.html`): `Cour des comptes, via
/// Le360, Title`, the publisher linked to the source's entry on the data page, the title
/// to the document.
#[derive(Template)]
#[template(path = "inline/source-document.html", whitespace = "preserve")]
struct SourceDocument<'a> {
    href: Markup,
    publisher: Markup,
    via_label: Markup,
    via: Option<Markup>,
    comma: &'a str,
    url: Option<Markup>,
    title: Markup,
}

fn document_html(lx: &LangCtx, src: &Source) -> Markup {
    let lang = lx.lang;
    let document = SourceDocument {
        href: Markup::escaped(&urls::source(lang, &src.id)),
        publisher: Markup::text(lang, src.publisher.get(lang)),
        via_label: Markup::escaped(&lx.ui.via),
        via: src.via.as_deref().map(Markup::escaped),
        comma: &lx.ui.comma,
        url: src.url.as_deref().map(Markup::escaped),
        title: Markup::text(lang, src.title.get(lang)),
    };
    // Cannot fail: every value is a string.
    Markup::render(&document).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A note is made once per observation and language, then handed out as made.
    #[test]
    fn each_note_is_made_once_per_observation_and_language() {
        let texts = NoteTexts::default();
        let made = std::cell::Cell::new(0);
        let note = |lang, obs| {
            texts.get_or_make(lang, obs, || {
                made.set(made.get() + 1);
                Markup::trusted(format!("note {}", made.get()))
            })
        };
        let a = ("insured", ObsDate::Month(2024, 6), "cnss");
        assert_eq!(note(Lang::Fr, a), Markup::trusted("note 1".into()));
        assert_eq!(note(Lang::Fr, a), Markup::trusted("note 1".into()));
        assert_eq!(note(Lang::Ar, a), Markup::trusted("note 2".into()));
        for other in [
            ("insured", ObsDate::Month(2024, 7), "cnss"),
            ("insured", ObsDate::Month(2024, 6), "anam"),
            ("insured2", ObsDate::Month(2024, 6), "cnss"),
        ] {
            note(Lang::Fr, other);
        }
        assert_eq!(made.get(), 5);
    }
}
