//! Every public type survives JSON serialize → deserialize unchanged,
//! including free text in any Unicode.

use kam_core::framework::{builtin, builtin_audit, builtin_maturity};
use kam_core::litmus::{AnswerSet, LitmusResponse};
use kam_core::{
    AuditAssessment, Context, Framework, LitmusAnswers, MaturityAssessment, MaturityOptions,
    ScoreOptions, api,
};
use proptest::prelude::*;
use serde::{Serialize, de::DeserializeOwned};

fn round_trip<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(value: &T) {
    let json = serde_json::to_string(value).unwrap();
    let back: T = kam_core::json::from_json(&json).unwrap();
    assert_eq!(&back, value, "{json}");
}

fn text() -> impl Strategy<Value = String> {
    // Any Unicode scalar, including quotes, backslashes, controls and emoji.
    prop::collection::vec(any::<char>(), 0..40).prop_map(|c| c.into_iter().collect())
}

fn context() -> impl Strategy<Value = Context> {
    (
        prop::option::of(text()),
        prop::option::of(text()),
        prop::option::of(text()),
    )
        .prop_map(|(organisation, unit, assessor)| {
            let mut context = Context::default();
            context.organisation = organisation;
            context.unit = unit;
            context.assessor = assessor;
            context.date = Some("2024-02-29".to_owned());
            context
        })
}

fn audit() -> impl Strategy<Value = AuditAssessment> {
    let framework = builtin_audit("cranfield-kam-development").unwrap();
    let ids: Vec<String> = framework.items.iter().map(|i| i.id.clone()).collect();
    let n = ids.len();
    (
        context(),
        prop::collection::vec(prop::option::of(0u8..=3), n),
        prop::collection::vec(prop::option::of(text()), n),
    )
        .prop_map(move |(context, scores, notes)| {
            let mut a = AuditAssessment::new(framework);
            a.context = context;
            for ((id, score), note) in ids.iter().zip(scores).zip(notes) {
                if let Some(s) = score {
                    a.scores.insert(id.clone(), s);
                }
                if let Some(n) = note {
                    a.evidence.insert(id.clone(), n);
                }
            }
            a
        })
}

fn maturity() -> impl Strategy<Value = MaturityAssessment> {
    let model = builtin_maturity("kam-maturity-model").unwrap();
    let areas: Vec<String> = model.areas.iter().map(|a| a.id.clone()).collect();
    (
        context(),
        prop::collection::vec(prop::option::of(1u8..=5), areas.len()),
    )
        .prop_map(move |(context, stages)| {
            let mut m = MaturityAssessment::new(model);
            m.context = context;
            m.stages = areas
                .iter()
                .zip(stages)
                .filter_map(|(a, s)| Some((a.clone(), s?)))
                .collect();
            m
        })
}

fn litmus() -> impl Strategy<Value = LitmusAnswers> {
    let framework = builtin_audit("cranfield-kam-development").unwrap();
    let test = framework.litmus_tests[1].clone();
    (
        prop::option::of(text()),
        prop::collection::vec((prop::option::of(text()), any::<[bool; 5]>()), 1..4),
    )
        .prop_map(move |(respondent, sets)| {
            let mut answers = LitmusAnswers::new(framework);
            answers.responses = vec![LitmusResponse {
                test: test.id.clone(),
                respondent,
                answer_sets: sets
                    .into_iter()
                    .map(|(about, yes)| AnswerSet {
                        about,
                        answers: test
                            .questions
                            .iter()
                            .zip(yes)
                            .map(|(q, y)| (q.id.clone(), y))
                            .collect(),
                    })
                    .collect(),
            }];
            answers
        })
}

proptest! {
    #[test]
    fn audit_assessment_and_report(a in audit(), threshold in 1.0f64..=100.0) {
        round_trip(&a);
        let mut options = ScoreOptions::default();
        options.completion_threshold = threshold;
        round_trip(&options);
        round_trip(&api::score(&a, &options).unwrap());
    }

    #[test]
    fn maturity_assessment_and_report(m in maturity(), strict in any::<bool>()) {
        round_trip(&m);
        let mut options = MaturityOptions::default();
        options.strict = strict;
        round_trip(&options);
        if let Ok(report) = api::score_maturity(&m, &options) {
            round_trip(&report);
        }
    }

    #[test]
    #[cfg(feature = "batch")]
    fn batch_input_and_report(
        rows in prop::collection::vec(prop::collection::vec(prop::option::of(0u8..=3), 3), 0..8),
        named in any::<bool>(),
    ) {
        let input = kam_core::batch::BatchInput {
            framework: named.then(|| "cranfield-kam-development".to_owned()),
            columns: Some(vec!["A1.1".into(), "C2.3".into(), "D3.1".into()]),
            completion_threshold: named.then_some(50.0),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| c.map_or(kam_core::batch::BatchCell::Blank, Into::into)).collect())
                .collect(),
        };
        round_trip(&input);
        round_trip(&api::score_batch(&input).unwrap());
    }

    #[test]
    fn litmus_answers_and_report(l in litmus()) {
        round_trip(&l);
        round_trip(&api::score_litmus(&l).unwrap());
    }
}

#[test]
fn frameworks_and_summaries() {
    for framework in builtin().unwrap() {
        round_trip::<Framework>(framework);
        round_trip(&framework.summary());
    }
}
