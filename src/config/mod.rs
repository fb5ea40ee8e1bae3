//! `site.yaml`: the site's identity (base URL, languages, titles, publisher, data licence).

use crate::diagnostics::Diagnostics;
use crate::foundation::yaml::{parse, position_of};
use crate::locale::{Lang, Localized};
use serde::Deserialize;
use serde_saphyr::Spanned;
use std::path::Path;

pub const CONFIG_FILE: &str = "site.yaml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    base_url: Spanned<String>,
    languages: Spanned<Vec<RawLanguage>>,
    title: Localized<String>,
    tagline: Localized<String>,
    publisher: Localized<String>,
    data_licence: Licence,
    #[serde(default)]
    markdown: MarkdownOptions,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLanguage {
    code: Spanned<String>,
    locale: Spanned<String>,
    direction: Spanned<String>,
}

/// The licence under which the data downloads are published.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Licence {
    /// SPDX identifier, e.g. `CC-BY-4.0`.
    pub id: String,
    pub name: Localized<String>,
    pub url: String,
}

/// Markdown rendering switches.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarkdownOptions {
    /// Pass raw HTML written in Markdown through to pages. Off by default: raw HTML is
    /// escaped and shown as text.
    #[serde(default)]
    pub raw_html: bool,
}

/// The validated site configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// Absolute, ending with `/`.
    pub base_url: String,
    pub title: Localized<String>,
    pub tagline: Localized<String>,
    pub publisher: Localized<String>,
    pub data_licence: Licence,
    pub markdown: MarkdownOptions,
}

impl Config {
    /// A stand-in used when site.yaml is unusable, so that the other inputs can still be
    /// checked in the same run. A build that uses it always fails (its error is reported).
    pub fn placeholder() -> Config {
        let empty = Localized {
            ar: String::new(),
            fr: String::new(),
        };
        Config {
            base_url: "https://invalid.example/".into(),
            title: empty.clone(),
            tagline: empty.clone(),
            publisher: empty.clone(),
            data_licence: Licence {
                id: String::new(),
                name: empty,
                url: String::new(),
            },
            markdown: MarkdownOptions::default(),
        }
    }

    /// Absolute URL of a site path such as `/ar/`.
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{}", self.base_url.trim_end_matches('/'), path)
    }
}

/// Reads and checks `root/site.yaml`. Problems go to `diags`.
pub fn load(root: &Path, diags: &mut Diagnostics) -> Option<Config> {
    let rel = Path::new(CONFIG_FILE);
    let text = match std::fs::read_to_string(root.join(rel)) {
        Ok(t) => t,
        Err(e) => {
            diags.error(
                rel,
                None,
                format!("cannot read the site configuration: {e}"),
                "run the command from the site folder, or pass --root DIR",
            );
            return None;
        }
    };
    diags.add_source(rel, &text);
    let raw: RawConfig = match parse(rel, &text, 0) {
        Ok(c) => c,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    let before = diags.len();
    let base = raw.base_url.value.trim().to_string();
    if !(base.starts_with("https://") || base.starts_with("http://"))
        || base.contains(char::is_whitespace)
    {
        diags.error(
            rel,
            position_of(&raw.base_url),
            format!("base_url `{base}` is not an absolute web address"),
            "write the public address of the site, e.g. https://amo.example.ma/",
        );
    }
    check_languages(rel, &raw.languages, diags);
    if diags.len() > before {
        return None;
    }
    Some(Config {
        base_url: format!("{}/", base.trim_end_matches('/')),
        title: raw.title,
        tagline: raw.tagline,
        publisher: raw.publisher,
        data_licence: raw.data_licence,
        markdown: raw.markdown,
    })
}

/// The site is bilingual by design: exactly `ar` (ar-MA, rtl) and `fr` (fr-MA, ltr).
fn check_languages(rel: &Path, langs: &Spanned<Vec<RawLanguage>>, diags: &mut Diagnostics) {
    let mut seen = Vec::new();
    for l in &langs.value {
        let Some(lang) = Lang::from_code(&l.code.value) else {
            diags.error(
                rel,
                position_of(&l.code),
                format!("unsupported language `{}`", l.code.value),
                "this site is published in `ar` and `fr`",
            );
            continue;
        };
        if l.locale.value != lang.locale() {
            diags.error(
                rel,
                position_of(&l.locale),
                format!(
                    "language `{lang}` must use locale `{}`, not `{}`",
                    lang.locale(),
                    l.locale.value
                ),
                format!("set `locale: {}`", lang.locale()),
            );
        }
        if l.direction.value != lang.dir() {
            diags.error(
                rel,
                position_of(&l.direction),
                format!(
                    "language `{lang}` is written `{}`, not `{}`",
                    lang.dir(),
                    l.direction.value
                ),
                format!("set `direction: {}`", lang.dir()),
            );
        }
        if seen.contains(&lang) {
            diags.error(
                rel,
                position_of(&l.code),
                format!("language `{lang}` is listed twice"),
                "list each language once",
            );
        }
        seen.push(lang);
    }
    for lang in Lang::ALL {
        if !seen.contains(&lang) {
            diags.error(
                rel,
                position_of(langs),
                format!("language `{lang}` is missing"),
                format!(
                    "add `- {{ code: {lang}, locale: {}, direction: {} }}`",
                    lang.locale(),
                    lang.dir()
                ),
            );
        }
    }
}
