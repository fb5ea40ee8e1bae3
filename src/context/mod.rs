//! The read-only context every stage after validation shares: the checked configuration,
//! the validated dataset, the CLDR formatters and the interface strings ([`Ctx`]), and the
//! same seen from one language ([`LangCtx`]).
//!
//! Stages take the context by reference and return new values; nothing in it changes
//! during a build. Presentation of a value in its unit (`24,7 millions`, `plus de 3 000`)
//! lives here, above the data it formats (see [`present`]).

mod date_phrase;
#[cfg(test)]
mod noun_golden;
mod present;
#[cfg(test)]
pub(crate) mod test_ctx;

pub use date_phrase::time_html;

use crate::config::Config;
use crate::data::Dataset;
use crate::locale::{Formatter, Formatters, Lang, Localized, Nouns, UiText};

/// Everything a stage after validation reads, in both languages.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub config: &'a Config,
    pub data: &'a Dataset,
    pub formatters: &'a Formatters,
    pub ui: &'a Localized<UiText>,
    /// The nouns figures are counted in (`i18n/nouns.yaml`).
    pub nouns: &'a Localized<Nouns>,
}

impl<'a> Ctx<'a> {
    /// The context seen from one language.
    pub fn lang(&self, lang: Lang) -> LangCtx<'a> {
        LangCtx {
            lang,
            config: self.config,
            data: self.data,
            f: self.formatters.get(lang),
            ui: self.ui.get(lang),
            nouns: self.nouns.get(lang),
        }
    }
}

/// The context of one language: its formatter and interface strings beside the shared data.
#[derive(Clone, Copy)]
pub struct LangCtx<'a> {
    pub lang: Lang,
    pub config: &'a Config,
    pub data: &'a Dataset,
    pub f: &'a Formatter,
    pub ui: &'a UiText,
    pub nouns: &'a Nouns,
}

impl LangCtx<'_> {
    /// A source's publisher with the outlet that relayed it, `Cour des comptes, via Le360`:
    /// what tells two relays of one report apart (one pair of brackets: a publisher's
    /// name often holds its own, `Caisse nationale de sécurité sociale (CNSS)`).
    pub fn publisher_and_relay(&self, source: &crate::data::Source) -> String {
        let publisher = source.publisher.get(self.lang);
        match &source.via {
            Some(via) => format!("{publisher}{}{} {via}", self.ui.comma, self.ui.via),
            None => publisher.clone(),
        }
    }
}
