use super::*;

fn input(elements: &[&str], last_review: Option<&str>, stage: u8) -> AccountPlanInput {
    AccountPlanInput {
        account: "Globex".to_owned(),
        as_of: "2026-11-22".to_owned(),
        elements: elements.iter().map(|e| (*e).to_owned()).collect(),
        horizon_years: 3.0,
        last_review: last_review.map(str::to_owned),
        stage,
        template: None,
    }
}

fn all() -> Vec<&'static str> {
    bundled_template()
        .unwrap()
        .elements
        .iter()
        .map(|e| e.id.as_str())
        .collect()
}

#[test]
fn elements_are_limited_in_the_template_and_the_plan() {
    let template = |n: usize| {
        let mut t = bundled_template().unwrap().clone();
        t.elements = (0..n)
            .map(|i| PlanElement {
                id: format!("e{i}"),
                name: format!("Element {i}"),
            })
            .collect();
        t
    };
    let plan = |n: usize, in_template: usize| {
        let mut i = input(&[], Some("2026-11-01"), 4);
        i.elements = (0..n).map(|k| format!("e{k}")).collect();
        i.template = Some(template(in_template));
        i
    };
    let full = account_plan(&plan(MAX_PLAN_ELEMENTS, MAX_PLAN_ELEMENTS)).unwrap();
    assert_eq!(full.elements.len(), MAX_PLAN_ELEMENTS);
    assert!(full.complete);
    let err = account_plan(&plan(1, MAX_PLAN_ELEMENTS + 1)).unwrap_err();
    assert_eq!(err.kind(), "too-many-elements");
    assert_eq!(
        err.to_string(),
        "`/template/elements` has 101 entries; a plan template holds at most 100 elements"
    );
    let err = account_plan(&plan(MAX_PLAN_ELEMENTS + 1, MAX_PLAN_ELEMENTS)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "`/elements` has 101 entries; a key account plan holds at most 100 elements"
    );
    // Against the bundled template too, before any element is looked up.
    let mut bundled = input(&[], None, 4);
    bundled.elements = vec!["nonsense".to_owned(); MAX_PLAN_ELEMENTS + 1];
    assert_eq!(
        account_plan(&bundled).unwrap_err().kind(),
        "too-many-elements"
    );
}

#[test]
fn day_numbers_count_calendar_days() {
    assert_eq!(day_number("d", "1970-01-01").unwrap(), 0);
    assert_eq!(
        day_number("d", "2000-03-01").unwrap() - day_number("d", "2000-02-28").unwrap(),
        2
    );
    assert_eq!(
        day_number("d", "2026-11-22").unwrap() - day_number("d", "2025-11-22").unwrap(),
        365
    );
    assert_eq!(
        day_number("d", "2024-12-31").unwrap() - day_number("d", "2024-01-01").unwrap(),
        365
    );
}

#[test]
fn a_complete_fresh_plan_passes_the_litmus_question() {
    let report = account_plan(&input(&all(), Some("2026-11-01"), 4)).unwrap();
    assert!(report.complete && report.horizon.met && report.litmus);
    assert_eq!(report.review.days_since, Some(21));
    assert_eq!(report.review.on_cadence, Some(true));
}

#[test]
fn cadence_bounds_are_inclusive() {
    // Stage 3 is quarterly: 92 days is on cadence, 93 is not.
    let on = account_plan(&input(&all(), Some("2026-08-22"), 3)).unwrap();
    assert_eq!(
        (on.review.days_since, on.review.on_cadence, on.litmus),
        (Some(92), Some(true), true)
    );
    let late = account_plan(&input(&all(), Some("2026-08-21"), 3)).unwrap();
    assert_eq!((late.review.on_cadence, late.litmus), (Some(false), false));
}

#[test]
fn early_stages_expect_no_cadence_but_the_litmus_still_wants_a_live_plan() {
    let report = account_plan(&input(&all(), Some("2026-10-01"), 2)).unwrap();
    assert_eq!(report.review.on_cadence, None);
    assert!(report.litmus);
    let stale = account_plan(&input(&all(), Some("2025-10-01"), 1)).unwrap();
    assert!(!stale.litmus);
    let never = account_plan(&input(&all(), None, 1)).unwrap();
    assert!(!never.litmus);
    assert!(
        never
            .findings
            .contains(&"the plan has never been reviewed".to_owned())
    );
}

#[test]
fn bad_inputs_are_named() {
    let err = account_plan(&input(&["swot"], None, 3)).unwrap_err();
    assert_eq!(err.kind(), "unknown-entry");
    assert!(
        err.to_string()
            .starts_with("unknown plan element `swot`; known are `account-profile`, ")
    );
    let err = account_plan(&input(&["history", "history"], None, 3)).unwrap_err();
    assert_eq!(err.kind(), "duplicate-entry");
    let err = account_plan(&input(&[], Some("2026-12-01"), 3)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "`/as_of` is `2026-11-22`, before `/last_review` `2026-12-01`"
    );
    let err = account_plan(&input(&[], Some("2026-02-30"), 3)).unwrap_err();
    assert_eq!(err.kind(), "invalid-date");
    let err = account_plan(&input(&[], None, 6)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "`stage` is `6`; a stage from 1 to 5 is needed"
    );
    let mut bad = input(&[], None, 3);
    bad.horizon_years = -1.0;
    assert_eq!(account_plan(&bad).unwrap_err().kind(), "invalid-number");
}
