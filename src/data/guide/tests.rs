//! Each rule of `data/guide.yaml`, broken once, with the line and column of its error.

use super::GUIDE_FILE;
use crate::data::model::{Dataset, Regime, Source, SourceKind};
use crate::diagnostics::Diagnostics;
use crate::foundation::{Localized, ObsDate, RegimeId, SourceId};
use std::path::Path;

const VALID: &str = r#"intro: { fr: "Trois questions.", ar: "ثلاثة أسئلة." }
start: work
questions:
  - id: work
    text: { fr: "Travaillez-vous ?", ar: "هل تعمل؟" }
    answers:
      - { label: { fr: "Oui", ar: "نعم" }, next: sector }
      - { label: { fr: "Non", ar: "لا" }, next: idle }
  - id: sector
    text: { fr: "Où ?", ar: "أين؟" }
    answers:
      - { label: { fr: "Privé", ar: "الخاص" }, next: employee }
      - { label: { fr: "État", ar: "الدولة" }, next: state }
outcomes:
  - id: employee
    title: { fr: "Salarié", ar: "أجير" }
    summary: { fr: "AMO salariés.", ar: "أمو الأجراء." }
    regime: salaries
    pays:
      - { text: { fr: "L’employeur.", ar: "المشغل." }, source: src }
  - id: state
    title: { fr: "Fonctionnaire", ar: "موظف" }
    summary: { fr: "CNOPS.", ar: "CNOPS." }
    no_regime:
      - { text: { fr: "Le secteur public.", ar: "القطاع العام." }, source: src }
  - id: idle
    title: { fr: "Sans activité", ar: "بدون نشاط" }
    summary: { fr: "RSU.", ar: "RSU." }
    regime: salaries
    pays:
      - { text: { fr: "{{ figure x }}", ar: "{{ figure x }}" } }
    silent:
      - { fr: "Rien.", ar: "لا شيء." }
"#;

fn dataset() -> Dataset {
    let mut ds = Dataset::default();
    let t = || Localized {
        ar: "x".to_string(),
        fr: "x".to_string(),
    };
    ds.regimes.push(Regime {
        id: RegimeId::new("salaries".to_string()),
        page: "salaries".into(),
        short: t(),
        name: t(),
        manager: t(),
        legal_basis: t(),
        covers: t(),
        pays: t(),
    });
    let id = SourceId::new("src".to_string());
    ds.sources.insert(
        id.clone(),
        Source {
            id,
            publisher: t(),
            title: t(),
            via: None,
            published: ObsDate::parse("2025").unwrap(),
            url: None,
            kind: SourceKind::Official,
        },
    );
    ds
}

/// The guide built from `yaml`, and its errors as `line:column message`.
fn check(yaml: &str) -> (Option<super::Guide>, Vec<String>) {
    let file = Path::new(GUIDE_FILE);
    let mut diags = Diagnostics::new();
    let raw = crate::foundation::yaml::parse(file, yaml, 0).expect("parses");
    let guide = super::validate(raw, &dataset(), &mut diags);
    let errors = diags
        .sorted()
        .into_iter()
        .map(|d| {
            assert_eq!(d.file, file);
            let p = d.position.expect("located");
            let labels: String = d
                .labels
                .iter()
                .map(|l| {
                    let at = l.position.expect("located");
                    format!(" [{}:{} {}]", at.line, at.column, l.text)
                })
                .collect();
            format!("{}:{} {}{labels}", p.line, p.column, d.message)
        })
        .collect();
    (guide, errors)
}

fn errors_after(from: &str, to: &str) -> Vec<String> {
    assert!(VALID.contains(from), "{from:?}");
    let (guide, errors) = check(&VALID.replacen(from, to, 1));
    assert!(guide.is_none(), "a broken guide is not built");
    errors
}

#[test]
fn the_valid_guide_is_built_with_its_steps() {
    let (guide, errors) = check(VALID);
    assert!(errors.is_empty(), "{errors:?}");
    let g = guide.unwrap();
    assert_eq!(g.start, 0);
    let steps: Vec<_> = g
        .questions
        .iter()
        .map(|q| (q.step.number, q.step.total, q.step.exact))
        .collect();
    // `work` is followed by one more question or by none; `sector` is the second of two.
    assert_eq!(steps, [(1, 2, false), (2, 2, true)]);
    assert_eq!(g.questions[0].answers[1].next, super::Next::Outcome(2));
    assert!(matches!(g.outcomes[1].verdict, super::Verdict::NoRegime(ref why) if why.len() == 1));
    assert_eq!(g.outcomes[2].silent.len(), 1);
}

#[test]
fn a_dangling_answer_is_located_at_its_next() {
    let errors = errors_after("next: idle", "next: retired");
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors[0].starts_with("8:49 this answer leads to `retired`, which is neither"),
        "{errors:?}"
    );
    // …and the outcome it should have reached is now unreachable.
    assert!(
        errors[1].starts_with("26:9 no answer leads to `idle`"),
        "{errors:?}"
    );
}

#[test]
fn a_start_that_is_not_a_question_is_refused() {
    let errors = errors_after("start: work", "start: nowhere");
    assert!(
        errors[0].starts_with("2:8 `start:` names `nowhere`, which is not a question"),
        "{errors:?}"
    );
    let errors = errors_after("start: work", "start: idle");
    assert!(
        errors[0].starts_with("2:8 the guide starts at `idle`, an outcome"),
        "{errors:?}"
    );
}

#[test]
fn a_cycle_is_located_at_the_answer_that_closes_it() {
    let errors = errors_after("next: employee", "next: work");
    assert!(
        errors.iter().any(|e| e.starts_with(
            "12:54 this answer leads back to `work`, which was asked before it: the path work → sector → work never ends"
        )),
        "{errors:?}"
    );
}

#[test]
fn an_unreachable_question_is_located_at_its_id() {
    let errors = errors_after(
        "outcomes:\n",
        "  - id: orphan\n    text: { fr: \"Seule ?\", ar: \"وحيد؟\" }\n    answers:\n      - { label: { fr: \"A\", ar: \"أ\" }, next: idle }\n      - { label: { fr: \"B\", ar: \"ب\" }, next: state }\noutcomes:\n",
    );
    assert_eq!(
        errors,
        ["14:9 no answer leads to `orphan`: no reader can reach it from the first question"]
    );
}

#[test]
fn a_question_without_answers_is_a_dead_end() {
    let errors = errors_after(
        "outcomes:\n",
        "  - id: stuck\n    text: { fr: \"Et alors ?\", ar: \"ثم ماذا؟\" }\n    answers: []\noutcomes:\n",
    );
    assert!(errors.iter().any(|e| e.starts_with("14:9 the question `stuck` has no answers: a path that reaches it never ends at an outcome")), "{errors:?}");
    let errors = errors_after(
        "      - { label: { fr: \"État\", ar: \"الدولة\" }, next: state }\n",
        "",
    );
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("9:9 the question `sector` has a single answer")),
        "{errors:?}"
    );
}

#[test]
fn an_outcome_names_an_existing_regime_or_says_why_none_applies() {
    let errors = errors_after("regime: salaries", "regime: cnops");
    assert!(
        errors[0].starts_with("18:13 unknown regime `cnops`"),
        "{errors:?}"
    );
    let errors = errors_after(
        "    regime: salaries\n    pays:\n      - { text: { fr: \"L’employeur.\", ar: \"المشغل.\" }, source: src }\n",
        "",
    );
    assert_eq!(
        errors,
        ["15:9 the outcome `employee` names no regime and does not say why none applies"]
    );
    let errors = errors_after("    no_regime:\n", "    regime: salaries\n    no_regime:\n");
    assert!(
        errors[0]
            .starts_with("24:13 the outcome `state` both names a regime and says none applies"),
        "{errors:?}"
    );
    let errors = errors_after(
        "    pays:\n      - { text: { fr: \"L’employeur.\", ar: \"المشغل.\" }, source: src }\n",
        "",
    );
    assert!(
        errors[0].starts_with("18:13 the outcome `employee` names a regime but not who pays"),
        "{errors:?}"
    );
    let errors = errors_after(
        "    no_regime:\n      - { text: { fr: \"Le secteur public.\", ar: \"القطاع العام.\" }, source: src }\n",
        "    no_regime: []\n",
    );
    assert!(
        errors[0].starts_with("24:16 the outcome `state` says no regime applies but not why"),
        "{errors:?}"
    );
}

#[test]
fn sources_ids_and_texts_are_checked() {
    let errors = errors_after(
        "source: src }\n  - id: state",
        "source: cour }\n  - id: state",
    );
    assert_eq!(errors, ["20:64 unknown source `cour`"]);
    let errors = errors_after("- id: state", "- id: employee");
    assert!(
        errors.contains(&"21:9 the id `employee` is used twice [15:9 first used here]".to_string()),
        "{errors:?}"
    );
    let errors = errors_after("- id: idle", "- id: Idle");
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("26:9 invalid id `Idle`")),
        "{errors:?}"
    );
    let errors = errors_after(
        "{ fr: \"Où ?\", ar: \"أين؟\" }",
        "{ fr: \"Où ?\", ar: \" \" }",
    );
    assert_eq!(errors, ["10:11 the ar question is empty"]);
    let errors = errors_after("fr: \"L’employeur.\"", "fr: \"\"");
    assert_eq!(errors, ["20:23 the fr statement is empty"]);
}

#[test]
fn every_problem_is_reported_in_one_run() {
    let broken = VALID
        .replacen("next: idle", "next: retired", 1)
        .replacen("regime: salaries", "regime: cnops", 1)
        .replacen(
            "source: src }\n  - id: state",
            "source: cour }\n  - id: state",
            1,
        );
    let (guide, errors) = check(&broken);
    assert!(guide.is_none());
    assert_eq!(errors.len(), 4, "{errors:?}");
}
