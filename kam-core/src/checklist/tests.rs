use proptest::prelude::*;
use serde_json::{Value, json};

use super::*;
use crate::framework::{Framework, Provenance, builtin_framework};

fn bundled(id: &str) -> &'static ChecklistFramework {
    builtin_framework(id).unwrap().as_checklist().unwrap()
}

fn score(framework: &ChecklistFramework, scores: &[(&str, u8)]) -> ChecklistReport {
    let mut assessment = AuditAssessment::for_checklist(framework);
    for &(id, s) in scores {
        assessment.scores.insert(id.to_owned(), s);
    }
    score_checklist(framework, &assessment, &ChecklistOptions::default()).unwrap()
}

/// A small checklist of three sections, as a company might write one.
fn acme() -> Value {
    json!({
        "type": "checklist", "id": "acme-kam", "version": "1", "name": "Acme KAM checklist",
        "source": {"title": "Acme internal"}, "description": "Our own checklist.",
        "scale": {"min": 0, "max": 2, "labels": [
            {"value": 0, "label": "No"}, {"value": 1, "label": "Partly"}, {"value": 2, "label": "Yes"}]},
        "not_applicable": {"allowed": true},
        "groupings": [{"id": "owner", "name": "Owner", "groups": [
            {"id": "sales", "name": "Sales"}, {"id": "service", "name": "Service"}]}],
        "sections": [
            {"id": "s1", "name": "First", "items": [
                {"id": "a", "text": "Name the key accounts", "groups": {"owner": "sales"}},
                {"id": "b", "text": "Agree the plan", "weight": 3, "groups": {"owner": "service"}}]},
            {"id": "s2", "name": "Second", "items": [
                {"id": "c", "text": "Run the plan", "groups": {"owner": "sales"}}]},
            {"id": "s3", "name": "Third", "items": [{"id": "d", "text": "Review it"}]}
        ],
        "stage_rule": {"threshold": 75, "description": "a section counts from 75%"},
        "balance": {"across": "owner", "tolerance": 10, "description": "owners within 10 points"}
    })
}

fn load(value: &Value) -> Result<ChecklistFramework, crate::Error> {
    match Framework::from_json(&value.to_string())? {
        Framework::Checklist(c) => Ok(c),
        other => panic!("not a checklist: {}", other.kind()),
    }
}

/// Each section's name and item count.
fn shape(framework: &ChecklistFramework) -> Vec<(&str, usize)> {
    framework
        .sections
        .iter()
        .map(|s| (s.name.as_str(), s.items.len()))
        .collect()
}

#[test]
fn the_three_bundled_checklists_have_the_seeds_shape() {
    let model = bundled("kam-development-model");
    assert_eq!(
        shape(model),
        [
            ("Assessment and Planning", 3),
            ("Engagement and Relationship Building", 3),
            ("Strategic Account Development", 3),
            ("Performance Monitoring and Optimization", 3),
            ("Continuous Improvement and Innovation", 3)
        ]
    );
    assert_eq!(
        model.stage_rule.as_ref().unwrap().provenance,
        Provenance::Kam
    );
    let pillars = bundled("kam-three-pillars");
    assert_eq!(
        shape(pillars),
        [
            ("KAM infrastructure", 4),
            ("Key Account Teams", 6),
            ("Key Account Plans", 9)
        ]
    );
    assert_eq!(pillars.balance.as_ref().unwrap().across, ACROSS_SECTIONS);
    let strategy = bundled("kam-strategy");
    let parts: Vec<usize> = ["facets", "core-initiatives"]
        .iter()
        .map(|part| {
            strategy
                .sections
                .iter()
                .filter(|s| {
                    s.items
                        .iter()
                        .all(|i| i.groups.get("part").map(String::as_str) == Some(*part))
                })
                .count()
        })
        .collect();
    assert_eq!(parts, [3, 5]);
    // A source that sets no scale gets kam's, marked as such.
    for f in [model, pillars, strategy] {
        assert_eq!(f.scale.provenance, Provenance::Kam, "{}", f.id);
    }
}

#[test]
fn an_empty_assessment_reaches_no_stage() {
    let report = score(bundled("kam-development-model"), &[]);
    assert_eq!((report.overall.score, report.overall.max), (0, 45));
    assert_eq!(report.unscored, 15);
    let stage = report.stage.unwrap();
    assert!(stage.reached.is_none());
    assert_eq!(stage.next.unwrap().id, "assessment-and-planning");
    assert_eq!(report.next_actions.len(), 10);
    assert!(report.balance.is_none());
}

#[test]
fn full_marks_reach_the_last_stage() {
    let model = bundled("kam-development-model");
    let all: Vec<(&str, u8)> = model.items().map(|(_, i)| (i.id.as_str(), 3)).collect();
    let report = score(model, &all);
    assert!((report.overall.percent - 100.0).abs() < 1e-9);
    let stage = report.stage.unwrap();
    assert_eq!(stage.reached.unwrap().number, 5);
    assert!(stage.next.is_none());
    assert!(report.next_actions.is_empty());
}

#[test]
fn the_stage_is_the_unbroken_run_from_the_first() {
    // Stage 1 at 100%, stage 2 at 7/9 (77.8%, below 80%), stage 3 complete:
    // stage 3 done early does not count; stage 1 is reached and 2 is next.
    let report = score(
        bundled("kam-development-model"),
        &[
            ("identify-key-accounts", 3),
            ("analyze-key-accounts", 3),
            ("develop-account-plans", 3),
            ("establish-relationships", 3),
            ("understand-needs", 3),
            ("provide-value", 1),
            ("develop-strategic-partnerships", 3),
            ("align-with-key-objectives", 3),
            ("expand-business-opportunities", 3),
        ],
    );
    let stage = report.stage.unwrap();
    assert_eq!(stage.reached.unwrap().id, "assessment-and-planning");
    let next = stage.next.unwrap();
    assert_eq!(next.id, "engagement-and-relationship-building");
    assert!((next.percent - 700.0 / 9.0).abs() < 1e-9);
}

#[test]
fn pillars_are_balanced_within_twenty_points() {
    let pillars = bundled("kam-three-pillars");
    // Infrastructure 12/12, teams 6/18, plans 0/27: spread 100 points.
    let mut scores: Vec<(&str, u8)> = pillars.sections[0]
        .items
        .iter()
        .map(|i| (i.id.as_str(), 3))
        .collect();
    scores.extend(pillars.sections[1].items.iter().map(|i| (i.id.as_str(), 1)));
    let report = score(pillars, &scores);
    let balance = report.balance.clone().unwrap();
    assert!((balance.spread - 100.0).abs() < 1e-9);
    assert!(!balance.balanced);
    assert_eq!(balance.lowest, ["key-account-plans"]);
    assert_eq!(balance.highest, ["kam-infrastructure"]);
    assert_eq!(balance.provenance, Provenance::Kam);
    // Every item at 2: every pillar at 66.7%, spread 0, balanced.
    let even: Vec<(&str, u8)> = pillars.items().map(|(_, i)| (i.id.as_str(), 2)).collect();
    let balance = score(pillars, &even).balance.unwrap();
    assert!(balance.spread.abs() < 1e-9 && balance.balanced);
    assert_eq!(balance.lowest.len(), 3);
}

#[test]
fn groups_add_up_across_sections() {
    let strategy = bundled("kam-strategy");
    let report = score(
        strategy,
        &[("who-is-a-key-account", 3), ("monitoring-process", 2)],
    );
    let part = &report.groupings[0];
    let scores: Vec<(&str, u32, u32, u32)> = part
        .groups
        .iter()
        .map(|g| (g.id.as_str(), g.items, g.score, g.max))
        .collect();
    assert_eq!(
        scores,
        [("facets", 9, 3, 27), ("core-initiatives", 13, 2, 39)]
    );
    assert_eq!(report.overall.score, 5);
    // A report per facet and per initiative: one section each.
    assert_eq!(report.sections.len(), 8);
    assert!((report.sections[7].percent - 200.0 / 3.0).abs() < 1e-9);
}

#[test]
fn a_company_checklist_is_scored_with_weights_groups_and_not_applicable() {
    let acme = load(&acme()).unwrap();
    let mut assessment = AuditAssessment::for_checklist(&acme);
    assessment.scores.insert("a".into(), 2);
    assessment.scores.insert("b".into(), 1);
    assessment.not_applicable.insert("c".into());
    let report = score_checklist(&acme, &assessment, &ChecklistOptions::default()).unwrap();
    // a: 2 of 2; b: weight 3, 3 of 6; c: not applicable; d: unscored, 0 of 2.
    assert_eq!((report.overall.score, report.overall.max), (5, 10));
    assert_eq!((report.unscored, report.not_applicable), (1, 1));
    let s1 = &report.sections[0];
    assert_eq!((s1.score, s1.max), (5, 8));
    assert_eq!(s1.items[1].label.as_deref(), Some("Partly"));
    // s1 at 62.5% is below 75%: no stage; s2, all not applicable, would count.
    let stage = report.stage.clone().unwrap();
    assert!(stage.reached.is_none());
    assert_eq!(stage.next.unwrap().id, "s1");
    // Sales: a 2/2 (c is not applicable); service: b 3/6; d is in no group.
    let owner: Vec<(u32, u32)> = report.groupings[0]
        .groups
        .iter()
        .map(|g| (g.score, g.max))
        .collect();
    assert_eq!(owner, [(2, 2), (3, 6)]);
    let balance = report.balance.unwrap();
    assert!((balance.spread - 50.0).abs() < 1e-9);
    assert_eq!(balance.lowest, ["service"]);
    // Rules of the company's own are not listed as kam's conventions.
    assert_eq!(report.conventions.len(), 1);
}

#[test]
fn assessment_errors_are_those_of_an_audit() {
    let acme = load(&acme()).unwrap();
    let check = |edit: &dyn Fn(&mut AuditAssessment), options: &ChecklistOptions| {
        let mut assessment = AuditAssessment::for_checklist(&acme);
        edit(&mut assessment);
        score_checklist(&acme, &assessment, options).unwrap_err()
    };
    let defaults = ChecklistOptions::default();
    let err = check(
        &|a| {
            a.scores.insert("nope".into(), 1);
        },
        &defaults,
    );
    assert_eq!(err.kind(), "unknown-item");
    let err = check(
        &|a| {
            a.scores.insert("a".into(), 3);
        },
        &defaults,
    );
    assert_eq!(err.kind(), "score-out-of-range");
    let err = check(&|a| a.framework_version = "0.9".into(), &defaults);
    assert_eq!(err.kind(), "version-mismatch");
    let strict = ChecklistOptions {
        strict: true,
        ..ChecklistOptions::default()
    };
    let err = check(&|_| {}, &strict);
    assert_eq!(err.kind(), "incomplete-assessment");
    assert!(err.to_string().contains("first `a`"), "{err}");
    let many = ChecklistOptions {
        next_actions: 1001,
        ..ChecklistOptions::default()
    };
    assert_eq!(check(&|_| {}, &many).kind(), "invalid-option");
}

#[test]
fn checklist_validation_names_the_culprit() {
    type Edit = Box<dyn FnOnce(&mut Value)>;
    let cases: Vec<(Edit, &str, &str)> = vec![
        (
            Box::new(|v| v["sections"][2]["items"] = json!([])),
            "empty-section",
            "section `s3` has no items",
        ),
        (
            Box::new(|v| v["sections"] = json!([])),
            "invalid-framework",
            "the checklist has no sections",
        ),
        (
            Box::new(|v| v["sections"][1]["items"][0]["id"] = json!("a")),
            "duplicate-id",
            "duplicate item id `a`",
        ),
        (
            Box::new(|v| v["sections"][1]["id"] = json!("s1")),
            "duplicate-id",
            "duplicate section id `s1`",
        ),
        (
            Box::new(|v| v["sections"][0]["id"] = json!(" ")),
            "empty-id",
            "section at position 1 has an empty id",
        ),
        (
            Box::new(|v| v["sections"][0]["items"][0]["groups"] = json!({"team": "sales"})),
            "unknown-reference",
            "item `a` refers to unknown grouping `team`",
        ),
        (
            Box::new(|v| v["sections"][0]["items"][0]["groups"] = json!({"owner": "finance"})),
            "unknown-reference",
            "item `a` refers to unknown `owner` group `finance`",
        ),
        (
            Box::new(|v| v["sections"][0]["items"][1]["weight"] = json!(0)),
            "invalid-weight",
            "item `b` has weight 0",
        ),
        (
            Box::new(|v| v["stage_rule"]["threshold"] = json!(0)),
            "invalid-rule",
            "invalid stage_rule: `threshold` 0 must be above 0 and at most 100",
        ),
        (
            Box::new(|v| v["balance"]["tolerance"] = json!(101)),
            "invalid-rule",
            "invalid balance: `tolerance` 101 must be from 0 to 100",
        ),
        (
            Box::new(|v| v["balance"]["across"] = json!("region")),
            "invalid-rule",
            "invalid balance: `across` is `region`, but it must be one of `sections`, `owner`",
        ),
        (
            Box::new(|v| v["groupings"][0]["id"] = json!("sections")),
            "invalid-framework",
            "a grouping cannot have the id `sections`",
        ),
        (
            Box::new(|v| v["groupings"][0]["groups"] = json!([])),
            "invalid-framework",
            "grouping `owner` has no groups",
        ),
        (
            Box::new(|v| v["groupings"][0]["groups"][1]["id"] = json!("sales")),
            "duplicate-id",
            "duplicate group of grouping `owner` id `sales`",
        ),
        (
            Box::new(|v| v["scale"]["labels"] = json!([{"value": 0, "label": "No"}])),
            "invalid-scale",
            "labels must be given for [0, 1, 2] in order",
        ),
        (
            Box::new(|v| v["not_applicable"] = json!({"allowed": false})),
            "invalid-framework",
            "`not_applicable.reason` is required",
        ),
        (
            Box::new(|v| v["sections"][0]["colour"] = json!("red")),
            "invalid-input",
            "unknown field `colour`",
        ),
    ];
    for (edit, kind, needle) in cases {
        let mut value = acme();
        edit(&mut value);
        let err = load(&value).unwrap_err();
        assert_eq!(err.kind(), kind, "{err}");
        assert!(err.to_string().contains(needle), "`{err}` lacks `{needle}`");
    }
}

#[test]
fn the_format_page_shows_the_example_file_as_it_is() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let page = std::fs::read_to_string(root.join("docs/frameworks/README.md")).unwrap();
    let block = page
        .split("```json\n")
        .nth(1)
        .unwrap()
        .split("```")
        .next()
        .unwrap();
    let file = std::fs::read_to_string(root.join("examples/data/acme-kam-review.json")).unwrap();
    assert_eq!(block, file);
    load(&serde_json::from_str(block).unwrap()).unwrap();
}

#[test]
fn a_report_round_trips_through_json() {
    let acme = load(&acme()).unwrap();
    let mut assessment = AuditAssessment::for_checklist(&acme);
    assessment.scores.insert("b".into(), 1);
    let report = score_checklist(&acme, &assessment, &ChecklistOptions::default()).unwrap();
    let text = serde_json::to_string(&report).unwrap();
    let back: ChecklistReport = serde_json::from_str(&text).unwrap();
    assert_eq!(back, report);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn totals_and_readings_hold_for_any_answers(answers in prop::collection::vec(0u8..=4, 22)) {
        // 0–3 score the item, 4 marks it not applicable.
        let strategy = bundled("kam-strategy");
        let mut assessment = AuditAssessment::for_checklist(strategy);
        for ((_, item), &a) in strategy.items().zip(&answers) {
            if a == 4 {
                assessment.not_applicable.insert(item.id.clone());
            } else {
                assessment.scores.insert(item.id.clone(), a);
            }
        }
        let report = score_checklist(strategy, &assessment, &ChecklistOptions::default()).unwrap();
        let sum: u32 = report.sections.iter().map(|s| s.score).sum();
        prop_assert_eq!(sum, report.overall.score);
        for s in &report.sections {
            prop_assert!((0.0..=100.0).contains(&s.percent));
            prop_assert!(s.score <= s.max);
        }
        // Every item is in exactly one of the two parts.
        let part: u32 = report.groupings[0].groups.iter().map(|g| g.score).sum();
        prop_assert_eq!(part, report.overall.score);
        let pillars = bundled("kam-three-pillars");
        let mut assessment = AuditAssessment::for_checklist(pillars);
        for ((_, item), &a) in pillars.items().zip(&answers) {
            assessment.scores.insert(item.id.clone(), a.min(3));
        }
        let balance = score_checklist(pillars, &assessment, &ChecklistOptions::default())
            .unwrap()
            .balance
            .unwrap();
        prop_assert!((0.0..=100.0).contains(&balance.spread));
        prop_assert_eq!(balance.balanced, balance.spread <= 20.0);
        prop_assert!(!balance.lowest.is_empty() && !balance.highest.is_empty());
    }

    #[test]
    fn the_stage_reached_is_below_the_next(answers in prop::collection::vec(0u8..=3, 15)) {
        let model = bundled("kam-development-model");
        let mut assessment = AuditAssessment::for_checklist(model);
        for ((_, item), &a) in model.items().zip(&answers) {
            assessment.scores.insert(item.id.clone(), a);
        }
        let report = score_checklist(model, &assessment, &ChecklistOptions::default()).unwrap();
        let stage = report.stage.unwrap();
        let reached = stage.reached.as_ref().map_or(0, |s| s.number);
        // Every section up to the stage reached is at 80% or more; the next is below.
        for s in report.sections.iter().take(usize::try_from(reached).unwrap()) {
            prop_assert!(s.percent >= 80.0);
        }
        if let Some(next) = stage.next {
            prop_assert_eq!(next.number, reached + 1);
            prop_assert!(next.percent < 80.0);
        } else {
            prop_assert_eq!(reached, 5);
        }
    }
}
