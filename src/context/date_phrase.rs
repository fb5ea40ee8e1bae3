//! Dates as running text reads them, by precision: `en 2025`, `en juin 2024`,
//! `le 20 février 2025`; «سنة 2025»، «في يونيو 2024»، «في 20 فبراير 2025». The patterns
//! are interface strings (`date_year`, `date_month`, `date_day`), one per precision.

use super::LangCtx;
use crate::data::ObsDate;
use crate::html::{Markup, escape};

impl LangCtx<'_> {
    /// The pattern of `date`'s precision, `{date}` standing for the formatted date.
    fn date_pattern(&self, date: ObsDate) -> &str {
        match date {
            ObsDate::Year(_) => &self.ui.date_year,
            ObsDate::Month(..) => &self.ui.date_month,
            ObsDate::Day(..) => &self.ui.date_day,
        }
    }

    /// `en juin 2024`, as plain text.
    pub fn date_phrase(&self, date: ObsDate) -> String {
        self.date_pattern(date)
            .replace("{date}", &self.f.date(date))
    }

    /// `en <time datetime="2024-06">juin 2024</time>`: the phrase, escaped, with the date
    /// machine-readable at its precision.
    pub fn date_phrase_html(&self, date: ObsDate) -> Markup {
        Markup::trusted(escape(self.date_pattern(date)).replace("{date}", &time_html(self, date)))
    }
}

/// `<time datetime="2024-06">juin 2024</time>`.
pub fn time_html(lx: &LangCtx, date: ObsDate) -> String {
    format!(
        "<time datetime=\"{}\">{}</time>",
        date.iso(),
        escape(&lx.f.date(date))
    )
}

#[cfg(test)]
mod tests {
    use crate::context::test_ctx;
    use crate::data::ObsDate;
    use crate::locale::Lang;

    #[test]
    fn each_precision_takes_its_preposition() {
        test_ctx::with(Lang::Fr, |lx| {
            assert_eq!(lx.date_phrase(ObsDate::Year(2025)), "en 2025");
            assert_eq!(lx.date_phrase(ObsDate::Month(2024, 6)), "en juin 2024");
            assert_eq!(
                lx.date_phrase(ObsDate::Day(2025, 2, 20)),
                "le 20 février 2025"
            );
            assert_eq!(
                lx.date_phrase_html(ObsDate::Month(2024, 6)).as_str(),
                "en <time datetime=\"2024-06\">juin 2024</time>"
            );
        });
        test_ctx::with(Lang::Ar, |lx| {
            assert_eq!(lx.date_phrase(ObsDate::Year(2025)), "سنة 2025");
            assert_eq!(lx.date_phrase(ObsDate::Month(2024, 6)), "في يونيو 2024");
            assert_eq!(lx.date_phrase(ObsDate::Month(2024, 12)), "في دجنبر 2024");
            assert_eq!(lx.date_phrase(ObsDate::Month(2024, 7)), "في يوليوز 2024");
            assert_eq!(
                lx.date_phrase(ObsDate::Day(2025, 2, 20)),
                "في 20 فبراير 2025"
            );
            assert_eq!(
                lx.date_phrase_html(ObsDate::Day(2025, 2, 20)).as_str(),
                "في <time datetime=\"2025-02-20\">20 فبراير 2025</time>"
            );
        });
    }
}
