use proptest::prelude::*;

use super::*;
use crate::framework::builtin_audit;

fn cranfield() -> &'static AuditFramework {
    builtin_audit("cranfield-kam-development").unwrap()
}

fn assessment(scores: &[(&str, u8)]) -> AuditAssessment {
    let mut a = AuditAssessment::new(cranfield());
    for (id, s) in scores {
        a.scores.insert((*id).to_owned(), *s);
    }
    a
}

fn all_at(score: u8) -> AuditAssessment {
    let mut a = AuditAssessment::new(cranfield());
    for item in &cranfield().items {
        a.scores.insert(item.id.clone(), score);
    }
    a
}

fn score(a: &AuditAssessment) -> AuditReport {
    score_audit(cranfield(), a, &ScoreOptions::default()).unwrap()
}

#[test]
fn empty_audit_scores_zero_and_sits_at_the_start() {
    let report = score(&AuditAssessment::new(cranfield()));
    assert_eq!(report.overall.score, 0);
    assert_eq!(report.overall.max, 387);
    assert_eq!(report.unscored, 129);
    let Position::Period {
        period, fraction, ..
    } = &report.position
    else {
        panic!("expected a period, got {:?}", report.position)
    };
    assert_eq!((period.as_str(), *fraction), ("A1", 0.0));
    assert_eq!(report.progress.current_period.as_deref(), Some("A1"));
    // Every A1 item is missing; nothing lags or is ahead.
    assert_eq!(report.progress.missing.len(), 7);
    assert!(report.progress.lagging.is_empty() && report.progress.ahead.is_empty());
    assert_eq!(report.next_actions.len(), 10);
    assert_eq!(report.next_actions[0].id, "A1.1");
}

#[test]
fn full_marks_is_best_practice() {
    let report = score(&all_at(3));
    assert_eq!(report.overall.score, 387);
    assert!((report.overall.percent - 100.0).abs() < f64::EPSILON);
    assert_eq!(report.position, Position::BestPractice { score: 387 });
    assert_eq!(report.progress.current_period, None);
    assert!(report.next_actions.is_empty());
    assert!(report.progress.missing.is_empty() && report.progress.lagging.is_empty());
}

#[test]
fn phase_and_period_maxima_follow_the_paper() {
    let report = score(&AuditAssessment::new(cranfield()));
    let phases: Vec<(String, u32, Vec<u32>)> = report
        .phases
        .iter()
        .map(|p| {
            (
                p.id.to_string(),
                p.max,
                p.periods.iter().map(|q| q.max).collect(),
            )
        })
        .collect();
    assert_eq!(
        phases,
        vec![
            ("A".to_owned(), 78, vec![21, 33, 24]),
            ("B".to_owned(), 105, vec![39, 33, 33]),
            ("C".to_owned(), 105, vec![39, 42, 24]),
            ("D".to_owned(), 99, vec![36, 36, 27]),
        ]
    );
    let streams: u32 = report.streams.iter().map(|s| s.max).sum();
    assert_eq!(streams, 387, "every item belongs to exactly one stream");
}

#[test]
fn figure_4_boundaries() {
    // A1 complete (21 points) places the organisation at the start of A2.
    let a1: Vec<(&str, u8)> = cranfield()
        .items
        .iter()
        .filter(|i| i.period == "A1")
        .map(|i| (i.id.as_str(), 3))
        .collect();
    let report = score(&assessment(&a1));
    assert_eq!(report.overall.score, 21);
    let Position::Period {
        period,
        from,
        to,
        fraction,
        ..
    } = report.position
    else {
        panic!("expected a period")
    };
    assert_eq!((period.as_str(), from, to, fraction), ("A2", 21, 54, 0.0));

    // One point short of the maximum is the last period, nearly covered.
    let mut almost = all_at(3);
    almost.scores.insert("D3.9".to_owned(), 2);
    let Position::Period {
        period, fraction, ..
    } = score(&almost).position
    else {
        panic!("expected a period")
    };
    assert_eq!(period, "D3");
    assert!((fraction - 26.0 / 27.0).abs() < 1e-12);
}

#[test]
fn figure_3_reading_lists_missing_lagging_and_ahead() {
    // A1 complete, A2 half done (items at 2), one D1 item done: current is A2.
    let mut a = all_at(0);
    for item in &cranfield().items {
        match item.period.as_str() {
            "A1" => {
                a.scores.insert(item.id.clone(), 3);
            }
            "A2" => {
                a.scores.insert(item.id.clone(), 2);
            }
            _ => {}
        }
    }
    a.scores.insert("A1.7".to_owned(), 2); // A1 still 20/21 = 95% ≥ 80%
    a.scores.insert("D1.1".to_owned(), 3);
    let report = score(&a);
    assert_eq!(report.progress.current_period.as_deref(), Some("A2"));
    let ids = |v: &[ItemStatus]| v.iter().map(|i| i.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&report.progress.lagging), vec!["A1.7"]);
    assert!(report.progress.missing.is_empty(), "A1 and A2 have no zero");
    assert_eq!(ids(&report.progress.ahead), vec!["D1.1"]);
    assert_eq!(report.next_actions[0].id, "A1.7");
}

#[test]
fn threshold_is_configurable() {
    let a = all_at(2); // every period at 66.7%
    let strict = score_audit(cranfield(), &a, &ScoreOptions::default()).unwrap();
    assert_eq!(strict.progress.current_period.as_deref(), Some("A1"));
    let lenient = ScoreOptions {
        completion_threshold: 60.0,
        ..ScoreOptions::default()
    };
    let report = score_audit(cranfield(), &a, &lenient).unwrap();
    assert_eq!(report.progress.current_period, None);
    assert_eq!(report.progress.lagging.len(), 129);
}

#[test]
fn strict_mode_rejects_unscored_items() {
    let options = ScoreOptions {
        strict: true,
        ..ScoreOptions::default()
    };
    let err = score_audit(cranfield(), &assessment(&[("A1.1", 3)]), &options).unwrap_err();
    assert_eq!(err.kind(), "incomplete-assessment");
    assert_eq!(
        err.to_string(),
        "128 item(s) not scored, first `A1.2`; strict mode needs every item scored"
    );
    assert!(score_audit(cranfield(), &all_at(1), &options).is_ok());
}

#[test]
fn bad_inputs_are_named() {
    let cases: Vec<(AuditAssessment, &str, &str)> = vec![
        (assessment(&[("Z9.9", 1)]), "unknown-item", "`Z9.9`"),
        (assessment(&[("A1.1", 4)]), "score-out-of-range", "`A1.1`"),
        (
            {
                let mut a = assessment(&[]);
                a.framework_version = "1999".to_owned();
                a
            },
            "version-mismatch",
            "`1999`",
        ),
        (
            {
                let mut a = assessment(&[]);
                a.not_applicable.insert("B1.1".to_owned());
                a
            },
            "not-applicable-not-allowed",
            "should not be taken out",
        ),
        (
            {
                let mut a = assessment(&[]);
                a.evidence.insert("nope".to_owned(), "x".to_owned());
                a
            },
            "unknown-item",
            "`/evidence`",
        ),
    ];
    for (a, kind, needle) in cases {
        let err = score_audit(cranfield(), &a, &ScoreOptions::default()).unwrap_err();
        assert_eq!(err.kind(), kind);
        assert!(err.to_string().contains(needle), "{err} lacks {needle}");
    }
}

#[test]
fn not_applicable_items_leave_the_maxima_where_allowed() {
    let mut framework = cranfield().clone();
    framework.not_applicable.allowed = true;
    let mut a = AuditAssessment::new(&framework);
    a.not_applicable.insert("A1.1".to_owned());
    a.scores.insert("A1.2".to_owned(), 3);
    let report = score_audit(&framework, &a, &ScoreOptions::default()).unwrap();
    assert_eq!(report.overall.max, 384);
    assert_eq!(report.phases[0].periods[0].max, 18);
    assert_eq!(report.not_applicable, 1);
    assert_eq!(report.unscored, 127);
    assert!(report.next_actions.iter().all(|i| i.id != "A1.1"));

    a.scores.insert("A1.1".to_owned(), 1);
    let err = score_audit(&framework, &a, &ScoreOptions::default()).unwrap_err();
    assert_eq!(err.kind(), "scored-and-not-applicable");
}

#[test]
fn weights_multiply_points() {
    let mut framework = cranfield().clone();
    let a1 = framework.items.iter_mut().find(|i| i.id == "A1.1").unwrap();
    a1.weight = 2;
    let phase = &mut framework.phases[0];
    phase.periods[0].max += 3;
    phase.max += 3;
    framework.max += 3;
    framework.validate().unwrap();
    let a = AuditAssessment::new(&framework);
    let mut a = a;
    a.scores.insert("A1.1".to_owned(), 2);
    let report = score_audit(&framework, &a, &ScoreOptions::default()).unwrap();
    assert_eq!((report.overall.score, report.overall.max), (4, 390));
}

fn arbitrary_assessment() -> impl Strategy<Value = AuditAssessment> {
    let n = cranfield().items.len();
    prop::collection::vec(prop::option::of(0u8..=3), n).prop_map(|answers| {
        let mut a = AuditAssessment::new(cranfield());
        for (item, answer) in cranfield().items.iter().zip(answers) {
            if let Some(s) = answer {
                a.scores.insert(item.id.clone(), s);
            }
        }
        a
    })
}

fn totals(report: &AuditReport) -> Vec<(u32, u32, f64)> {
    let mut out = vec![(
        report.overall.score,
        report.overall.max,
        report.overall.percent,
    )];
    for phase in &report.phases {
        out.push((phase.score, phase.max, phase.percent));
        out.extend(phase.periods.iter().map(|p| (p.score, p.max, p.percent)));
    }
    for stream in &report.streams {
        out.push((stream.score, stream.max, stream.percent));
        out.extend(
            stream
                .contributory
                .iter()
                .map(|c| (c.score, c.max, c.percent)),
        );
    }
    out
}

proptest! {
    #[test]
    fn scores_stay_within_maxima(a in arbitrary_assessment()) {
        let report = score(&a);
        for (score, max, percent) in totals(&report) {
            prop_assert!(score <= max);
            prop_assert!((0.0..=100.0).contains(&percent));
        }
        if let Position::Period { fraction, .. } = report.position {
            prop_assert!((0.0..1.0).contains(&fraction));
        }
    }

    #[test]
    fn raising_one_item_never_lowers_a_total(a in arbitrary_assessment(), index in 0usize..129) {
        let item = &cranfield().items[index];
        let current = a.scores.get(&item.id).copied().unwrap_or(0);
        prop_assume!(current < 3);
        let mut raised = a.clone();
        raised.scores.insert(item.id.clone(), current + 1);
        let before = totals(&score(&a));
        let after = totals(&score(&raised));
        for ((b, _, _), (r, _, _)) in before.iter().zip(&after) {
            prop_assert!(r >= b);
        }
        prop_assert_eq!(after[0].0, before[0].0 + 1);
    }

    #[test]
    fn report_json_round_trips(a in arbitrary_assessment()) {
        let report = score(&a);
        let json = serde_json::to_string(&report).unwrap();
        let back: AuditReport = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, report);
    }
}
