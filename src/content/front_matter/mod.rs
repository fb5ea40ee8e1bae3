//! The YAML block at the top of a page, between two `---` lines.

use crate::diagnostics::{Diagnostics, Position};
use crate::foundation::yaml::{Located, parse};
use crate::foundation::{ObsDate, RawDate};
use serde::Deserialize;
use std::path::Path;

mod simple;

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

/// The front matter as written. The values later checks point at keep their place in the
/// file ([`Located`], see [`front_position`]), so an error names the line and column of its value.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: Located<String>,
    /// One or two sentences for search engines and link previews.
    pub description: Located<String>,
    /// How the page is laid out; [`FrontMatter::layout`] gives the default.
    #[serde(default)]
    pub layout: Option<Located<Layout>>,
    /// A regime id from data/regimes.yaml: the page shows that regime's fact box.
    #[serde(default)]
    pub regime: Option<Located<String>>,
    /// Position in the main navigation (lower first); absent pages are not in it.
    #[serde(default)]
    pub nav: Option<Located<u32>>,
    /// Shorter title for the navigation.
    #[serde(default)]
    pub nav_title: Option<String>,
    /// Title for browser tabs and search results when `title` is too long for them.
    #[serde(default)]
    pub short_title: Option<String>,
    /// Indicator ids shown as headline figures (home layout).
    #[serde(default)]
    pub headline: Vec<Located<String>>,
    /// Languages this text also stands in for until it is translated: `fallback_for: [ar]`
    /// in `x.fr.md` publishes `/ar/x/` with the French text and a visible notice.
    #[serde(default)]
    pub fallback_for: Option<Located<Vec<crate::locale::Lang>>>,
    /// Publication date of a report (`YYYY-MM-DD`); required with `layout: report`.
    #[serde(default)]
    pub date: Option<Located<RawDate>>,
    /// The day whose knowledge the report's figures reflect, if not its date.
    #[serde(default)]
    pub figures_as_of: Option<Located<RawDate>>,
}

impl FrontMatter {
    /// The layout, `page` when none is written.
    pub fn layout(&self) -> Layout {
        self.layout.as_ref().map(|l| l.value).unwrap_or_default()
    }

    pub fn regime(&self) -> Option<&str> {
        self.regime.as_ref().map(|r| r.value.as_str())
    }

    pub fn nav(&self) -> Option<u32> {
        self.nav.as_ref().map(|n| n.value)
    }

    /// The languages this text stands in for (empty if none).
    pub fn fallback_for(&self) -> &[crate::locale::Lang] {
        self.fallback_for
            .as_ref()
            .map(|f| f.value.as_slice())
            .unwrap_or_default()
    }
}

/// The front matter's YAML starts on line 2 of the page, after the opening `---`.
const YAML_FIRST_LINE_OFFSET: usize = 1;

/// Where a front matter value is written in the page file.
pub fn front_position<T>(value: &Located<T>) -> Option<Position> {
    value.at.map(|p| p.offset_lines(YAML_FIRST_LINE_OFFSET))
}

/// Where the front matter starts: its opening `---`, for a key that is missing.
const START: Position = Position { line: 1, column: 1 };

/// Where an optional value is written, or the front matter's opening `---` if it is absent.
pub fn front_position_or_start<T>(value: Option<&Located<T>>) -> Option<Position> {
    value.map_or(Some(START), front_position)
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
pub fn report_dates(rel: &Path, front: &FrontMatter, diags: &mut Diagnostics) -> ReportDates {
    let mut parse = |raw: &Option<Located<RawDate>>, key: &str| -> Option<ObsDate> {
        let raw = raw.as_ref()?;
        let problem = match ObsDate::parse(&raw.value.0) {
            Ok(d @ ObsDate::Day(..)) => return Some(d),
            Ok(_) => format!("`{key}` must be a full date"),
            Err(m) => format!("bad `{key}`: {m}"),
        };
        diags.error(rel, front_position(raw), problem, "write it as YYYY-MM-DD");
        None
    };
    let dates = ReportDates {
        date: parse(&front.date, "date"),
        figures_as_of: parse(&front.figures_as_of, "figures_as_of"),
    };
    if let Some(layout) = &front.layout
        && layout.value == Layout::Report
        && front.date.is_none()
    {
        diags.error(
            rel,
            front_position(layout),
            "a report needs a `date:`",
            "add `date: YYYY-MM-DD`, the day the report is published",
        );
    }
    dates
}

/// Splits `text` into front matter and body; parses the front matter.
/// Returns the front matter, the body and the number of lines before the body.
pub fn split_and_parse<'t>(
    rel: &Path,
    text: &'t str,
    diags: &mut Diagnostics,
) -> Option<(FrontMatter, &'t str, usize)> {
    let text_nobom = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let Some(rest) = text_nobom
        .strip_prefix("---\n")
        .or_else(|| text_nobom.strip_prefix("---\r\n"))
    else {
        diags.error(rel, Some(START), "the page has no front matter", "start the file with a `---` line, then `title:` and `description:`, then another `---` line");
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
            Some(START),
            "the front matter is not closed",
            "add a line with `---` after the front matter",
        );
        return None;
    };
    let yaml = &rest[..end];
    let parsed = match simple::read(yaml) {
        Some(front) => Ok(front),
        None => parse::<FrontMatter>(rel, yaml, YAML_FIRST_LINE_OFFSET),
    };
    match parsed {
        Ok(front) => {
            let mut ok = true;
            for (text, message, hint) in [
                (&front.title, "the page title is empty", "write a `title:`"),
                (
                    &front.description,
                    "the page description is empty",
                    "write a one-sentence `description:`",
                ),
            ] {
                if text.value.trim().is_empty() {
                    diags.error(rel, front_position(text), message, hint);
                    ok = false;
                }
            }
            ok &= super::layout_keys::check(rel, &front, diags);
            let body_line = 1 + rest[..body_start].matches('\n').count();
            ok.then(|| (front, &rest[body_start..], body_line))
        }
        Err(d) => {
            diags.push(d);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::split_and_parse;
    use crate::diagnostics::Diagnostics;
    use std::path::Path;

    /// Both empty texts are reported, each at its value, whichever reader read the block.
    #[test]
    fn an_empty_title_and_description_are_both_reported_at_their_values() {
        for yaml in [
            "title: \" \"\ndescription: \"\"\n",
            "title: ' '\ndescription: ''\n",
        ] {
            let mut diags = Diagnostics::new();
            let text = format!("---\n{yaml}---\nbody\n");
            let parsed = split_and_parse(Path::new("content/x.fr.md"), &text, &mut diags);
            assert!(parsed.is_none());
            let found: Vec<String> = (diags.sorted().iter())
                .map(|d| format!("{}: {}", d.location(), d.message))
                .collect();
            assert_eq!(
                found,
                [
                    "content/x.fr.md:2:8: the page title is empty",
                    "content/x.fr.md:3:14: the page description is empty",
                ],
                "{yaml:?}"
            );
        }
    }
}
