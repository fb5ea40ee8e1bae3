//! An outcome's page: the answer in one sentence, then the regime (its name, who manages
//! it, a link to its explainer) or why none applies, who pays, what to do next and what
//! the sources do not say, each statement followed by its source note.

use super::{Text, Writer, href};
use crate::data::guide::{Guide, Next, Statement, Verdict};
use crate::diagnostics::Diagnostic;
use crate::html::Markup;
use crate::locale::{Lang, UiText};
use crate::site::model::Page;
use crate::site::resolver::Resolver;
use crate::urls;
use askama::Template;

#[derive(Template)]
#[template(path = "guide-outcome.html")]
struct Body<'a> {
    lang: Lang,
    ui: &'a UiText,
    summary: Markup,
    regime: Option<RegimeBox>,
    why_none: Vec<Markup>,
    pays: Vec<Markup>,
    steps: Vec<Markup>,
    silent: Vec<Markup>,
    restart: String,
}

struct RegimeBox {
    name: Markup,
    manager: Markup,
    /// The regime's explainer, if the site has one.
    href: Option<String>,
    explainer: Markup,
}

/// The page of outcome `i`; `content` holds the site's pages (the regimes' explainers).
pub(super) fn page(
    resolver: &Resolver,
    guide: &Guide,
    i: usize,
    content: &[Page],
) -> Result<Page, Vec<Diagnostic>> {
    let o = &guide.outcomes[i];
    let title = |lang: Lang| Text {
        title: o.title.get(lang),
        at: o.at,
        description: o.summary.get(lang).clone(),
    };
    let body = |w: &mut Writer| {
        let lang = w.lang;
        let mut all = |list: &[Statement]| list.iter().map(|s| w.statement(s)).collect();
        let why_none = match &o.verdict {
            Verdict::NoRegime(why) => all(why),
            Verdict::Regime(_) => Vec::new(),
        };
        let (pays, steps) = (all(&o.pays), all(&o.steps));
        Markup::render(&Body {
            lang,
            ui: resolver.ctx.ui.get(lang),
            summary: Markup::text(lang, o.summary.get(lang)),
            regime: regime_box(resolver, &o.verdict, lang, content),
            why_none,
            pays,
            steps,
            silent: o
                .silent
                .iter()
                .map(|s| Markup::text(lang, s.get(lang)))
                .collect(),
            restart: href(guide, lang, Next::Question(guide.start)),
        })
    };
    super::page(resolver, guide, Next::Outcome(i), title, body)
}

fn regime_box(
    resolver: &Resolver,
    verdict: &Verdict,
    lang: Lang,
    content: &[Page],
) -> Option<RegimeBox> {
    let Verdict::Regime(id) = verdict else {
        return None;
    };
    let r = resolver.ctx.data.regime(id)?;
    let ui = resolver.ctx.ui.get(lang);
    Some(RegimeBox {
        name: Markup::text(lang, r.name.get(lang)),
        manager: Markup::text(lang, r.manager.get(lang)),
        href: content
            .iter()
            .find(|p| p.regime.as_ref() == Some(id))
            .map(|p| urls::page(lang, &p.slug_path)),
        explainer: Markup::text(
            lang,
            &ui.guide_explainer.replace("{regime}", r.short.get(lang)),
        ),
    })
}
