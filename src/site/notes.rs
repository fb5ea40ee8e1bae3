//! The source notes of one page in one language: each figure in prose gets a numbered
//! note reference (a superscript link named «المصدر 3» / "source 3"), and the page ends
//! with «المصادر» / "Sources", one note per observation cited, each linking back to the
//! text. The same observation cited twice keeps its number. A sentence that states a fact
//! without a figure (the guide's "the State pays the contributions") cites its document the
//! same way ([`Notes::cite_document`]).

use crate::context::{LangCtx, time_html};
use crate::data::{Indicator, Observation, Source};
use crate::html::{escape, text};
use crate::urls;
use std::sync::Mutex;

/// What a note is about: one observation of one indicator, or a whole document.
#[derive(Debug, PartialEq, Eq)]
enum NoteKey {
    Observation(String, crate::data::ObsDate, String),
    Document(String),
}

#[derive(Debug)]
struct Note {
    key: NoteKey,
    html: String,
    uses: usize,
}

/// The notes of a page, in order of first citation (a page is rendered by one thread;
/// the lock only makes the resolver shareable).
#[derive(Debug, Default)]
pub struct Notes {
    list: Mutex<Vec<Note>>,
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
    pub fn cite(
        &self,
        lx: &LangCtx,
        ind: &Indicator,
        obs: &Observation,
        src: &Source,
        extra: &str,
    ) -> String {
        let key = NoteKey::Observation(ind.id.to_string(), obs.date, obs.source.to_string());
        self.reference(lx, key, || note_html(lx, ind, obs, src) + extra)
    }

    /// Cites a whole document for a sentence: the superscript reference to its note.
    pub fn cite_document(&self, lx: &LangCtx, src: &Source) -> String {
        let key = NoteKey::Document(src.id.to_string());
        self.reference(lx, key, || {
            format!(
                "{}. {} {}.",
                document_html(lx, src),
                escape(&lx.ui.published),
                lx.date_phrase_html(src.published)
            )
        })
    }

    /// The reference to the note `key`, numbered by first citation; `html` makes the
    /// note the first time.
    fn reference(&self, lx: &LangCtx, key: NoteKey, html: impl FnOnce() -> String) -> String {
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
        format!(
            "<sup class=\"note-ref\"><a id=\"{}\" href=\"#note-{n}\" aria-label=\"{}\">{n}</a></sup>",
            ref_id(n, uses),
            escape(&label)
        )
    }

    /// The «المصادر» / "Sources" section, or nothing when the page cites no figure.
    pub fn section(&self, lx: &LangCtx) -> String {
        let list = self.list.lock().unwrap_or_else(|e| e.into_inner());
        if list.is_empty() {
            return String::new();
        }
        let mut html = format!(
            "<section class=\"notes\" aria-labelledby=\"notes-heading\">\n<h2 id=\"notes-heading\">{}</h2>\n<ol>\n",
            escape(&lx.ui.notes_title)
        );
        for (i, note) in list.iter().enumerate() {
            let n = i + 1;
            let back = format!(
                "{} ({})",
                lx.ui.note_back,
                lx.ui.note_ref_label.replace("{n}", &n.to_string())
            );
            html.push_str(&format!(
                "<li id=\"note-{n}\">{} <a class=\"note-back\" href=\"#{}\" aria-label=\"{}\">↩\u{FE0E}</a></li>\n",
                note.html,
                ref_id(n, 1),
                escape(&back)
            ));
        }
        html + "</ol>\n</section>\n"
    }
}

/// `Cour des comptes (via Le360), Title. Publié en 2025. Date de la donnée : 2024.
/// Définition de l’indicateur.`
fn note_html(lx: &LangCtx, ind: &Indicator, obs: &Observation, src: &Source) -> String {
    let (lang, ui) = (lx.lang, lx.ui);
    let definition = format!(
        "{}#{}",
        urls::data_page(lang),
        urls::indicator_anchor(&ind.id)
    );
    format!(
        "{}. {} {}. {} <a href=\"{}\">{}</a>.",
        document_html(lx, src),
        escape(&ui.published),
        lx.date_phrase_html(src.published),
        escape(&ui.note_observed).replace("{date}", &time_html(lx, obs.date)),
        escape(&definition),
        escape(&ui.note_definition)
    )
}

/// `Cour des comptes (via Le360), Title`: the publisher linked to the source's entry on
/// the data page, the title to the document.
fn document_html(lx: &LangCtx, src: &Source) -> String {
    let (lang, ui) = (lx.lang, lx.ui);
    let comma = if lang.is_rtl() { "، " } else { ", " };
    let publisher = format!(
        "<a href=\"{}\">{}</a>",
        escape(&urls::source(lang, &src.id)),
        text(lang, src.publisher.get(lang))
    );
    let via = src
        .via
        .as_ref()
        .map(|v| format!(" ({} <bdi>{}</bdi>)", escape(&ui.via), escape(v)))
        .unwrap_or_default();
    let title = match &src.url {
        Some(url) => format!(
            "<a href=\"{}\" dir=\"auto\">{}</a>",
            escape(url),
            text(lang, src.title.get(lang))
        ),
        None => text(lang, src.title.get(lang)),
    };
    format!("{publisher}{via}{comma}{title}")
}
