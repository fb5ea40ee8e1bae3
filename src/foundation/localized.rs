//! `Localized<T>`: one value per language, both required.

use super::Lang;
use serde::{Deserialize, Serialize};

/// A value shown in both languages. Deserialising it requires both `ar` and `fr`, so a
/// missing translation is a located error at load time, never a silent fallback.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Localized<T> {
    pub ar: T,
    pub fr: T,
}

impl<T> Localized<T> {
    pub fn get(&self, lang: Lang) -> &T {
        match lang {
            Lang::Ar => &self.ar,
            Lang::Fr => &self.fr,
        }
    }

    pub fn get_mut(&mut self, lang: Lang) -> &mut T {
        match lang {
            Lang::Ar => &mut self.ar,
            Lang::Fr => &mut self.fr,
        }
    }

    pub fn map<U>(&self, mut f: impl FnMut(Lang, &T) -> U) -> Localized<U> {
        Localized {
            ar: f(Lang::Ar, &self.ar),
            fr: f(Lang::Fr, &self.fr),
        }
    }

    /// Builds a value per language from a function of the language.
    pub fn from_fn(mut f: impl FnMut(Lang) -> T) -> Localized<T> {
        Localized {
            ar: f(Lang::Ar),
            fr: f(Lang::Fr),
        }
    }
}
