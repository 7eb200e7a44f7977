use super::*;

/// The framework of `tests/vectors/framework-custom.json`.
pub(super) const ACME: &str = r#"{"type": "action-audit", "id": "acme-kam-lite", "version": "0.1", "name": "Acme KAM lite", "source": {"title": "Acme internal"}, "description": "A two-period audit with a weighted item.", "scale": {"min": 0, "max": 3, "labels": [{"value": 0, "label": "Not done"}, {"value": 1, "label": "Started"}, {"value": 2, "label": "Substantial"}, {"value": 3, "label": "Complete"}]}, "not_applicable": {"allowed": true}, "max": 12, "streams": [{"id": "s", "name": "Strategy", "contributory": [{"id": "s1", "name": "Goals", "description": "Goals"}]}], "phases": [{"id": "P", "name": "Pilot", "description": "Pilot", "max": 12, "periods": [{"id": "P1", "number": 1, "name": "Start", "description": ["Start"], "max": 9}, {"id": "P2", "number": 2, "name": "Finish", "description": ["Finish"], "max": 3}]}], "milestones": [{"id": "go", "name": "Go", "after": "P2", "description": ["Go"]}], "items": [{"id": "x1", "period": "P1", "stream": "s1", "text": "Weighted action", "weight": 2}, {"id": "x2", "period": "P1", "stream": "s1", "text": "Action"}, {"id": "x3", "period": "P2", "stream": "s1", "text": "Last action"}]}"#;

/// Version 0.2 as a user might edit it: `x1` weighs 1, `x2` moves to `P2`,
/// `x3` is gone and `x4` is new.
fn edited(before: &Framework) -> Framework {
    let mut f = before.as_audit().unwrap().clone();
    f.version = "0.2".to_owned();
    f.items[0].weight = 1;
    f.items[1].period = "P2".to_owned();
    f.items[2].id = "x4".to_owned();
    f.items[2].text = "New action".to_owned();
    f.phases[0].periods[0].max = 3;
    f.phases[0].periods[1].max = 6;
    f.phases[0].max = 9;
    f.max = 9;
    Framework::ActionAudit(f)
}

fn input(before: &Framework) -> RescoreInput {
    let mut assessment = AuditAssessment::new(before.as_audit().unwrap());
    for (id, s) in [("x1", 2), ("x2", 3), ("x3", 1)] {
        assessment.scores.insert(id.to_owned(), s);
    }
    RescoreInput {
        assessment,
        before: None,
        after: edited(before),
    }
}

#[test]
fn reports_items_maxima_scores_and_position() {
    let before = Framework::from_json(ACME).unwrap();
    let r = rescore(&before, &input(&before), &ScoreOptions::default()).unwrap();
    assert_eq!(r.added, ["x4"]);
    assert_eq!(r.removed, ["x3"]);
    assert_eq!(r.moved.len(), 1);
    assert_eq!(
        (r.moved[0].id.as_str(), r.moved[0].period_after.as_str()),
        ("x2", "P2")
    );
    assert_eq!(
        r.reweighted,
        [WeightChange {
            id: "x1".into(),
            before: 2,
            after: 1
        }]
    );
    let maxima: Vec<(&str, &str, Option<u32>, Option<u32>)> = r
        .maxima
        .iter()
        .map(|m| (m.what.as_str(), m.id.as_str(), m.before, m.after))
        .collect();
    assert_eq!(
        maxima,
        [
            ("overall", "acme-kam-lite", Some(12), Some(9)),
            ("phase", "P", Some(12), Some(9)),
            ("period", "P1", Some(9), Some(3)),
            ("period", "P2", Some(3), Some(6)),
        ]
    );
    assert_eq!(
        (
            r.overall.before.score,
            r.overall.after.score,
            r.overall.change
        ),
        (8, 5, -3)
    );
    assert!(r.position_changed);
    assert_eq!(r.carried.framework_version, "0.2");
    assert!(r.dropped.is_empty());
}

#[test]
fn rescoring_under_the_same_framework_changes_nothing() {
    let before = Framework::from_json(ACME).unwrap();
    let mut same = input(&before);
    same.after = before.clone();
    let r = rescore(&before, &same, &ScoreOptions::default()).unwrap();
    assert!(r.added.is_empty() && r.removed.is_empty() && r.moved.is_empty());
    assert!(r.reweighted.is_empty() && r.maxima.is_empty() && r.dropped.is_empty());
    assert_eq!(r.before, r.after);
    assert_eq!(r.carried, same.assessment);
}

#[test]
fn answers_that_do_not_fit_are_dropped_with_a_reason() {
    let before = Framework::from_json(ACME).unwrap();
    let mut i = input(&before);
    i.assessment.scores.remove("x1");
    i.assessment.not_applicable.insert("x1".to_owned());
    let Framework::ActionAudit(mut f) = edited(&before) else {
        unreachable!()
    };
    f.not_applicable.allowed = false;
    f.not_applicable.reason = Some("no".to_owned());
    f.scale.max = 2;
    f.scale.labels.pop();
    f.phases[0].periods[0].max = 2;
    f.phases[0].periods[1].max = 4;
    f.phases[0].max = 6;
    f.max = 6;
    i.after = Framework::ActionAudit(f);
    let r = rescore(&before, &i, &ScoreOptions::default()).unwrap();
    let dropped: Vec<&str> = r.dropped.iter().map(|d| d.reason.as_str()).collect();
    assert_eq!(
        dropped,
        [
            "marked not applicable, which the new version does not allow",
            "score 3 is outside the new scale 0–2"
        ]
    );
}

#[test]
fn a_broken_edited_framework_is_refused() {
    let before = Framework::from_json(ACME).unwrap();
    let mut i = input(&before);
    let Framework::ActionAudit(f) = &mut i.after else {
        unreachable!()
    };
    f.max = 10;
    let err = rescore(&before, &i, &ScoreOptions::default()).unwrap_err();
    assert_eq!(err.kind(), "max-mismatch");
}
