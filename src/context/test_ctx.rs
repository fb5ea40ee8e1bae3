//! A [`LangCtx`] over the site's real interface strings and nouns, for unit tests.

use super::LangCtx;
use crate::config::Config;
use crate::data::Dataset;
use crate::diagnostics::Diagnostics;
use crate::locale::{Formatter, Lang, nouns, tables};
use std::path::Path;

/// Runs `f` with the context of `lang` built from `i18n/` of this repository.
pub fn with<R>(lang: Lang, f: impl FnOnce(LangCtx) -> R) -> R {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut diags = Diagnostics::new();
    let ui = tables::load(root, &mut diags).expect("i18n tables load");
    let nouns = nouns::load(root, &mut diags).expect("i18n/nouns.yaml loads");
    let config = Config::placeholder();
    let data = Dataset::default();
    let formatter = Formatter::new(lang);
    f(LangCtx {
        lang,
        config: &config,
        data: &data,
        f: &formatter,
        ui: ui.get(lang),
        nouns: nouns.get(lang),
    })
}
