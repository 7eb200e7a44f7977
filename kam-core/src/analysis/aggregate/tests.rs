use proptest::prelude::*;

use super::*;
use crate::framework::builtin_audit;

fn cranfield() -> &'static AuditFramework {
    builtin_audit("cranfield-kam-development").unwrap()
}

#[test]
fn median_is_rounded_half_down() {
    assert_eq!(rounded_half_down(1, 2), 1);
    assert_eq!(rounded_half_down(0, 3), 1);
    assert_eq!(rounded_half_down(2, 2), 2);
    assert_eq!(rounded_half_down(1, 3), 2);
    let s = spread("x", vec![Some(3), Some(0), None, Some(1), Some(2)], 2).unwrap();
    assert_eq!(
        (s.median, s.score, s.min, s.max, s.spread),
        (1.5, 1, 0, 3, 3)
    );
    assert!(s.disagreement);
    assert!(spread("x", vec![None, None], 2).is_none());
}

#[test]
fn audits_are_limited() {
    let options = ScoreOptions::default();
    let mut audit = AuditAssessment::new(cranfield());
    audit.scores.insert("A1.1".to_owned(), 2);
    let input = |n| AggregateInput {
        audits: vec![audit.clone(); n],
        disagreement: 2,
    };
    let at_most = aggregate(cranfield(), &input(MAX_AGGREGATE_AUDITS), &options).unwrap();
    assert_eq!(at_most.assessors.len(), MAX_AGGREGATE_AUDITS);
    assert_eq!(at_most.items[0].scores.len(), MAX_AGGREGATE_AUDITS);
    let err = aggregate(cranfield(), &input(MAX_AGGREGATE_AUDITS + 1), &options).unwrap_err();
    assert_eq!(err.kind(), "too-many-audits");
    assert_eq!(
        err.to_string(),
        "`/audits` has 101 entries; an aggregation takes at most 100 audits"
    );
}

#[test]
fn refuses_no_audits_and_a_zero_threshold() {
    let options = ScoreOptions::default();
    let empty = AggregateInput {
        audits: vec![],
        disagreement: 2,
    };
    assert_eq!(
        aggregate(cranfield(), &empty, &options)
            .unwrap_err()
            .to_string(),
        "no audits given; at least one is needed"
    );
    let zero = AggregateInput {
        audits: vec![AuditAssessment::new(cranfield())],
        disagreement: 0,
    };
    assert_eq!(
        aggregate(cranfield(), &zero, &options).unwrap_err().kind(),
        "invalid-number"
    );
}

#[test]
fn context_is_kept_where_all_agree() {
    let mut a = AuditAssessment::new(cranfield());
    a.context.organisation = Some("Northwind".to_owned());
    a.context.assessor = Some("ann".to_owned());
    let mut b = a.clone();
    b.context.assessor = Some("ben".to_owned());
    let input = AggregateInput {
        audits: vec![a, b],
        disagreement: 2,
    };
    let agg = aggregate(cranfield(), &input, &ScoreOptions::default()).unwrap();
    assert_eq!(
        agg.assessment.context.organisation.as_deref(),
        Some("Northwind")
    );
    assert_eq!(agg.assessment.context.assessor, None);
}

fn any_audit() -> impl Strategy<Value = AuditAssessment> {
    let ids: Vec<String> = cranfield().items.iter().map(|i| i.id.clone()).collect();
    (
        prop::collection::vec(prop::option::of(0u8..=3), ids.len()),
        prop::option::of("[a-z]{1,8}"),
    )
        .prop_map(move |(scores, assessor)| {
            let mut a = AuditAssessment::new(cranfield());
            a.context.assessor = assessor;
            for (id, s) in ids.iter().zip(scores) {
                if let Some(s) = s {
                    a.scores.insert(id.clone(), s);
                    if s == 2 {
                        a.evidence.insert(id.clone(), format!("note on {id}"));
                    }
                }
            }
            a
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Aggregating n copies of one audit gives that audit back, scored the same.
    #[test]
    fn identical_audits_aggregate_to_themselves(a in any_audit(), n in 1usize..5) {
        let input = AggregateInput { audits: vec![a.clone(); n], disagreement: 2 };
        let agg = aggregate(cranfield(), &input, &ScoreOptions::default()).unwrap();
        let alone = crate::scoring::score_audit(cranfield(), &a, &ScoreOptions::default()).unwrap();
        prop_assert_eq!(&agg.assessment, &a);
        prop_assert_eq!(agg.report, alone);
        prop_assert!(agg.disagreements.is_empty());
    }

    /// The aggregated score lies between the lowest and highest score given.
    #[test]
    fn aggregated_scores_lie_within_the_range(audits in prop::collection::vec(any_audit(), 1..5)) {
        let input = AggregateInput { audits, disagreement: 2 };
        let agg = aggregate(cranfield(), &input, &ScoreOptions::default()).unwrap();
        for s in &agg.items {
            prop_assert!(s.min <= s.score && s.score <= s.max);
            prop_assert!(f64::from(s.min) <= s.mean && s.mean <= f64::from(s.max));
            prop_assert_eq!(s.disagreement, s.spread >= 2);
        }
    }
}
