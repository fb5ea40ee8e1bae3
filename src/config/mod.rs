//! `site.yaml`: the site's identity (base URL, languages, titles, publisher, data licence).

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::foundation::input_file::{Role, read_yaml_and_text};
use crate::foundation::url_policy;
use crate::foundation::yaml::position_of;
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
    country: Localized<Spanned<String>>,
    keywords: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    markdown: MarkdownOptions,
    #[serde(default)]
    listing: RawListing,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawListing {
    reports_per_page: Option<Spanned<i64>>,
    feed_entries: Option<Spanned<i64>>,
    sitemap_max_urls: Option<Spanned<i64>>,
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

/// How long the site's lists get, so that it stays usable at thousands of reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Listing {
    /// Reports on each page of the reports index and of each year's archive.
    pub reports_per_page: usize,
    /// The latest reports each Atom feed holds, with their full text.
    pub feed_entries: usize,
    /// URLs in one sitemap file; past it, `sitemap.xml` becomes an index of parts.
    pub sitemap_max_urls: usize,
}

impl Default for Listing {
    fn default() -> Self {
        Listing {
            reports_per_page: 30,
            feed_entries: 20,
            sitemap_max_urls: SITEMAP_PROTOCOL_LIMIT,
        }
    }
}

/// The sitemap protocol's limit of URLs per file.
pub const SITEMAP_PROTOCOL_LIMIT: usize = 50_000;

/// The validated site configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// Absolute, ending with `/`.
    pub base_url: String,
    pub title: Localized<String>,
    pub tagline: Localized<String>,
    pub publisher: Localized<String>,
    pub data_licence: Licence,
    /// The country the data covers (schema.org `spatialCoverage`).
    pub country: Localized<String>,
    /// Keywords of the data package (`datapackage.json`), in French like its title.
    pub keywords: Vec<String>,
    pub markdown: MarkdownOptions,
    pub listing: Listing,
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
                name: empty.clone(),
                url: String::new(),
            },
            country: empty,
            keywords: Vec::new(),
            markdown: MarkdownOptions::default(),
            listing: Listing::default(),
        }
    }

    /// Absolute URL of a site path such as `/ar/`.
    pub fn absolute(&self, path: &str) -> String {
        crate::urls::joined(&[self.base_url.trim_end_matches('/'), path])
    }
}

/// Reads and checks `root/site.yaml`. Problems go to `diags`.
pub fn load(root: &Path, diags: &mut Diagnostics) -> Option<Config> {
    let rel = Path::new(CONFIG_FILE);
    let role = Role {
        what: "the site configuration",
        hint: "run the command from the site folder, or pass --root DIR",
    };
    let (raw, text): (RawConfig, std::sync::Arc<str>) =
        read_yaml_and_text(root, rel, &role, diags)?;
    let before = diags.len();
    let base = raw.base_url.value.trim().to_string();
    if let Err(why) = url_policy::check_absolute_web(&base) {
        diags.error(
            rel,
            position_of(&raw.base_url),
            format!("base_url: {why}"),
            "write the public address of the site, e.g. https://amo.example.ma/",
        );
    }
    if let Err(why) = url_policy::check_absolute_web(&raw.data_licence.url) {
        let at = text
            .find(raw.data_licence.url.as_str())
            .filter(|_| !raw.data_licence.url.is_empty())
            .map(|i| crate::diagnostics::line_col(&text, i));
        diags.error(
            rel,
            at,
            format!("data_licence.url: {why}"),
            "write the licence's public address, e.g. https://creativecommons.org/licenses/by/4.0/",
        );
    }
    check_languages(rel, &raw.languages, diags);
    check_country_and_keywords(rel, &raw, diags);
    let listing = listing(rel, &raw.listing, diags);
    if diags.len() > before {
        return None;
    }
    Some(Config {
        base_url: format!("{}/", base.trim_end_matches('/')),
        title: raw.title,
        tagline: raw.tagline,
        publisher: raw.publisher,
        data_licence: raw.data_licence,
        country: raw.country.map(|_, c| c.value.trim().to_string()),
        keywords: raw
            .keywords
            .value
            .iter()
            .map(|k| k.value.trim().to_string())
            .collect(),
        markdown: raw.markdown,
        listing,
    })
}

/// `listing:`: each number within its range, or the default when absent.
fn listing(rel: &Path, raw: &RawListing, diags: &mut Diagnostics) -> Listing {
    let d = Listing::default();
    let mut number = |key: &str, value: &Option<Spanned<i64>>, default: usize, max: usize| {
        let Some(v) = value else {
            return default;
        };
        match usize::try_from(v.value) {
            Ok(n) if (1..=max).contains(&n) => n,
            _ => {
                diags.error(
                    rel,
                    position_of(v),
                    format!(
                        "`listing.{key}` is {}: it must be between 1 and {max}",
                        v.value
                    ),
                    format!(
                        "write a whole number from 1 to {max}, or remove the key for {default}"
                    ),
                );
                default
            }
        }
    };
    Listing {
        reports_per_page: number(
            "reports_per_page",
            &raw.reports_per_page,
            d.reports_per_page,
            10_000,
        ),
        feed_entries: number("feed_entries", &raw.feed_entries, d.feed_entries, 10_000),
        sitemap_max_urls: number(
            "sitemap_max_urls",
            &raw.sitemap_max_urls,
            d.sitemap_max_urls,
            SITEMAP_PROTOCOL_LIMIT,
        ),
    }
}

/// The country is named in both languages; keywords are a non-empty list of distinct words.
fn check_country_and_keywords(rel: &Path, raw: &RawConfig, diags: &mut Diagnostics) {
    for lang in Lang::ALL {
        let country = raw.country.get(lang);
        if country.value.trim().is_empty() {
            diags.error(
                rel,
                position_of(country),
                format!("`country.{lang}` is empty"),
                "name the country the data covers, e.g. `country: { ar: المغرب, fr: Maroc }`",
            );
        }
    }
    if raw.keywords.value.is_empty() {
        diags.error(
            rel,
            position_of(&raw.keywords),
            "`keywords` is empty",
            "list the words the data package is found by, e.g. `keywords: [AMO, Maroc]`",
        );
    }
    let mut seen = std::collections::BTreeMap::new();
    for k in &raw.keywords.value {
        let word = k.value.trim();
        if word.is_empty() {
            diags.error(
                rel,
                position_of(k),
                "an empty keyword",
                "remove it or write the word",
            );
        } else if let Some(&first) = seen.get(word) {
            diags.push(
                Diagnostic::new(
                    rel,
                    position_of(k),
                    format!("the keyword `{word}` is listed twice"),
                )
                .with_label(rel, first, "first listed here")
                .with_hint("list each keyword once"),
            );
        } else {
            seen.insert(word, position_of(k));
        }
    }
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
        if let Some((_, first)) = seen.iter().find(|(l, _)| *l == lang) {
            diags.push(
                Diagnostic::new(
                    rel,
                    position_of(&l.code),
                    format!("language `{lang}` is listed twice"),
                )
                .with_label(rel, *first, "first listed here")
                .with_hint("list each language once"),
            );
        }
        seen.push((lang, position_of(&l.code)));
    }
    for lang in Lang::ALL {
        if !seen.iter().any(|(l, _)| *l == lang) {
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
