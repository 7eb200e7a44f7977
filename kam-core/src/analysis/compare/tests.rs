use proptest::prelude::*;

use super::*;
use crate::framework::builtin_audit;

fn cranfield() -> &'static AuditFramework {
    builtin_audit("cranfield-kam-development").unwrap()
}

fn audit(scores: &[(&str, u8)]) -> AuditAssessment {
    let mut a = AuditAssessment::new(cranfield());
    a.scores = scores.iter().map(|&(k, v)| (k.to_owned(), v)).collect();
    a
}

#[test]
fn unscored_to_zero_is_listed_but_not_started() {
    let input = ComparisonInput {
        before: audit(&[]),
        after: audit(&[("A1.1", 0)]),
    };
    let cmp = compare(cranfield(), &input, &ScoreOptions::default()).unwrap();
    assert_eq!(cmp.items.len(), 1);
    assert_eq!(cmp.items[0].change, 0);
    assert!(cmp.improved.is_empty() && cmp.newly_started.is_empty() && cmp.regressed.is_empty());
}

#[test]
fn audits_of_different_versions_are_refused() {
    let mut after = audit(&[]);
    after.framework_version = "0.9".to_owned();
    let input = ComparisonInput {
        before: audit(&[]),
        after,
    };
    let err = compare(cranfield(), &input, &ScoreOptions::default()).unwrap_err();
    assert_eq!(err.kind(), "mixed-frameworks");
    assert_eq!(
        err.to_string(),
        "`/after` is for `cranfield-kam-development` version `0.9`, but `/before` is for `cranfield-kam-development` version `2006.2`; all must use one framework version"
    );
}

fn any_audit() -> impl Strategy<Value = AuditAssessment> {
    let ids: Vec<String> = cranfield().items.iter().map(|i| i.id.clone()).collect();
    prop::collection::vec(prop::option::of(0u8..=3), ids.len()).prop_map(move |scores| {
        let mut a = AuditAssessment::new(cranfield());
        for (id, s) in ids.iter().zip(scores) {
            if let Some(s) = s {
                a.scores.insert(id.clone(), s);
            }
        }
        a
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// An audit compared with itself: no item changes, every delta zero.
    #[test]
    fn self_comparison_is_zero(a in any_audit()) {
        let input = ComparisonInput { before: a.clone(), after: a };
        let cmp = compare(cranfield(), &input, &ScoreOptions::default()).unwrap();
        prop_assert!(cmp.items.is_empty());
        prop_assert!(cmp.improved.is_empty() && cmp.regressed.is_empty() && cmp.newly_started.is_empty());
        for c in std::iter::once(&cmp.overall).chain(&cmp.phases).chain(&cmp.periods) {
            prop_assert_eq!(c.change, 0);
            prop_assert!(c.percent_change.abs() < f64::EPSILON);
        }
        prop_assert_eq!(cmp.before, cmp.after);
    }

    /// Item changes add up to the overall change, and so do the periods.
    #[test]
    fn changes_add_up(a in any_audit(), b in any_audit()) {
        let input = ComparisonInput { before: a, after: b };
        let cmp = compare(cranfield(), &input, &ScoreOptions::default()).unwrap();
        let items: i64 = cmp.items.iter().map(|c| c.change).sum();
        let periods: i64 = cmp.periods.iter().map(|c| c.change).sum();
        prop_assert_eq!(items, cmp.overall.change);
        prop_assert_eq!(periods, cmp.overall.change);
        prop_assert_eq!(cmp.periods.len(), 12);
        for id in &cmp.newly_started {
            prop_assert!(cmp.improved.contains(id));
        }
    }
}
