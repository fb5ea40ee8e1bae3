//! The YAML block at the top of a page, between two `---` lines.

use crate::diagnostics::{Diagnostics, Position};
use crate::foundation::yaml::parse;
use serde::Deserialize;
use std::path::Path;

/// How a page is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Layout {
    /// A plain explainer page.
    #[default]
    Page,
    /// The language home page: headline figures, the regimes, the body.
    Home,
    /// The body followed by the list of every dataset and source.
    Data,
    /// A dated report: its figures are shown as known on its date (see `figures_as_of`).
    Report,
    /// The body followed by every report, newest first.
    Reports,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: String,
    /// One or two sentences for search engines and link previews.
    pub description: String,
    #[serde(default)]
    pub layout: Layout,
    /// A regime id from data/regimes.yaml: the page shows that regime's fact box.
    #[serde(default)]
    pub regime: Option<String>,
    /// Position in the main navigation (lower first); absent pages are not in it.
    #[serde(default)]
    pub nav: Option<u32>,
    /// Shorter title for the navigation.
    #[serde(default)]
    pub nav_title: Option<String>,
    /// Title for browser tabs and search results when `title` is too long for them.
    #[serde(default)]
    pub short_title: Option<String>,
    /// Indicator ids shown as headline figures (home layout).
    #[serde(default)]
    pub headline: Vec<String>,
    /// Languages this text also stands in for until it is translated: `fallback_for: [ar]`
    /// in `x.fr.md` publishes `/ar/x/` with the French text and a visible notice.
    #[serde(default)]
    pub fallback_for: Vec<crate::locale::Lang>,
    /// Publication date of a report (`YYYY-MM-DD`); required with `layout: report`.
    #[serde(default)]
    pub date: Option<crate::foundation::RawDate>,
    /// The day whose knowledge the report's figures reflect, if not its date.
    #[serde(default)]
    pub figures_as_of: Option<crate::foundation::RawDate>,
}

/// The dates of a report, checked.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReportDates {
    pub date: Option<crate::foundation::ObsDate>,
    pub figures_as_of: Option<crate::foundation::ObsDate>,
}

impl ReportDates {
    /// The vintage of the report's figures: `figures_as_of`, else its date.
    pub fn vintage(&self) -> Option<crate::foundation::ObsDate> {
        self.figures_as_of.or(self.date)
    }
}

/// Checks a report's dates: a full day each, and a date on every report.
pub fn report_dates(
    rel: &Path,
    front: &FrontMatter,
    yaml: &str,
    diags: &mut Diagnostics,
) -> ReportDates {
    let line_of = |key: &str| {
        yaml.lines()
            .position(|l| l.trim_start().starts_with(key))
            .map(|i| Position::new(i + 2, 1))
    };
    let mut parse = |raw: &Option<crate::foundation::RawDate>,
                     key: &str|
     -> Option<crate::foundation::ObsDate> {
        let raw = raw.as_ref()?;
        match crate::foundation::ObsDate::parse(&raw.0) {
            Ok(d @ crate::foundation::ObsDate::Day(..)) => Some(d),
            Ok(_) => {
                diags.error(
                    rel,
                    line_of(key),
                    format!("`{key}` must be a full date"),
                    "write it as YYYY-MM-DD",
                );
                None
            }
            Err(m) => {
                diags.error(
                    rel,
                    line_of(key),
                    format!("bad `{key}`: {m}"),
                    "write it as YYYY-MM-DD",
                );
                None
            }
        }
    };
    let dates = ReportDates {
        date: parse(&front.date, "date"),
        figures_as_of: parse(&front.figures_as_of, "figures_as_of"),
    };
    if front.layout == Layout::Report && front.date.is_none() {
        diags.error(
            rel,
            Some(Position::new(2, 1)),
            "a report needs a `date:`",
            "add `date: YYYY-MM-DD`, the day the report is published",
        );
    }
    dates
}

/// Splits `text` into front matter and body; parses the front matter.
/// Returns the front matter's YAML, the body and the number of lines before the body.
pub fn split_and_parse(
    rel: &Path,
    text: &str,
    diags: &mut Diagnostics,
) -> Option<(FrontMatter, String, String, usize)> {
    let text_nobom = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let Some(rest) = text_nobom
        .strip_prefix("---\n")
        .or_else(|| text_nobom.strip_prefix("---\r\n"))
    else {
        diags.error(rel, Some(Position::new(1, 1)), "the page has no front matter", "start the file with a `---` line, then `title:` and `description:`, then another `---` line");
        return None;
    };
    let mut offset = 0;
    let mut yaml_end = None;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            yaml_end = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((end, body_start)) = yaml_end else {
        diags.error(
            rel,
            Some(Position::new(1, 1)),
            "the front matter is not closed",
            "add a line with `---` after the front matter",
        );
        return None;
    };
    let yaml = &rest[..end];
    match parse::<FrontMatter>(rel, yaml, 1) {
        Ok(front) => {
            let mut ok = true;
            if front.title.trim().is_empty() {
                diags.error(
                    rel,
                    Some(Position::new(2, 1)),
                    "the page title is empty",
                    "write a `title:`",
                );
                ok = false;
            }
            if front.description.trim().is_empty() {
                diags.error(
                    rel,
                    Some(Position::new(2, 1)),
                    "the page description is empty",
                    "write a one-sentence `description:`",
                );
                ok = false;
            }
            let body_line = 1 + rest[..body_start].matches('\n').count();
            ok.then(|| {
                (
                    front,
                    yaml.to_string(),
                    rest[body_start..].to_string(),
                    body_line,
                )
            })
        }
        Err(d) => {
            diags.push(d);
            None
        }
    }
}
