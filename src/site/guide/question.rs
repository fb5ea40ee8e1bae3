//! A question's page: "question 2 of 3", the question as the page's title, an optional
//! help sentence (and the guide's introduction on the first question), the answers as a
//! list of links, and "start again" after the first question.

use super::{Text, href};
use crate::data::guide::{Guide, Next};
use crate::diagnostics::Diagnostic;
use crate::html::Markup;
use crate::locale::{Lang, UiText};
use crate::site::model::Page;
use crate::site::resolver::Resolver;
use askama::Template;

#[derive(Template)]
#[template(path = "guide-question.html")]
struct Body<'a> {
    ui: &'a UiText,
    step: String,
    intro: Option<Markup>,
    help: Option<Markup>,
    answers: Vec<Answer>,
    restart: Option<String>,
}

struct Answer {
    href: String,
    label: Markup,
}

/// The page of question `i`.
pub(super) fn page(resolver: &Resolver, guide: &Guide, i: usize) -> Result<Page, Vec<Diagnostic>> {
    let q = &guide.questions[i];
    let is_start = i == guide.start;
    let text = |lang: Lang| Text {
        title: q.text.get(lang),
        at: q.at,
        description: description(resolver, guide, i, lang),
    };
    let body = |w: &mut super::Writer| {
        let lang = w.lang;
        let ui = resolver.ctx.ui.get(lang);
        let step_text = if q.step.exact {
            &ui.guide_step
        } else {
            &ui.guide_step_at_most
        };
        Markup::render(&Body {
            ui,
            step: step_text
                .replace("{n}", &q.step.number.to_string())
                .replace("{total}", &q.step.total.to_string()),
            intro: is_start.then(|| w.markdown(guide.intro.get(lang), guide.intro_at, false)),
            help: q
                .help
                .as_ref()
                .map(|h| w.markdown(h.get(lang), q.help_at, false)),
            answers: q
                .answers
                .iter()
                .map(|a| Answer {
                    href: href(guide, lang, a.next),
                    label: Markup::text(lang, a.label.get(lang)),
                })
                .collect(),
            restart: (!is_start).then(|| href(guide, lang, Next::Question(guide.start))),
        })
    };
    super::page(resolver, guide, Next::Question(i), text, body)
}

/// For search engines: the help sentence, else the guide's description.
fn description(resolver: &Resolver, guide: &Guide, i: usize, lang: Lang) -> String {
    let q = &guide.questions[i];
    match &q.help {
        Some(h) => h.get(lang).clone(),
        None => resolver.ctx.ui.get(lang).guide_description.clone(),
    }
}
