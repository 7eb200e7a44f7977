use serde_json::{Value, json};

use super::*;

fn cranfield() -> &'static AuditFramework {
    builtin_audit("cranfield-kam-development").unwrap()
}

fn cranfield_json() -> Value {
    serde_json::to_value(Framework::ActionAudit(cranfield().clone())).unwrap()
}

/// Loads an edited copy of the Cranfield file and returns the error kind and message.
fn load_edited(edit: impl FnOnce(&mut Value)) -> (String, String) {
    let mut value = cranfield_json();
    edit(&mut value);
    let err = Framework::from_json(&value.to_string()).unwrap_err();
    (err.kind().to_string(), err.to_string())
}

#[test]
fn cranfield_has_the_papers_129_items_and_maxima() {
    let f = cranfield();
    assert_eq!(f.items.len(), 129);
    assert_eq!(f.max, 387);
    let phases: Vec<(&str, &str, u32)> = f
        .phases
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str(), p.max))
        .collect();
    assert_eq!(
        phases,
        [
            ("A", "Scoping KAM", 78),
            ("B", "Introducing KAM", 105),
            ("C", "Embedding KAM", 105),
            ("D", "Optimising value", 99)
        ]
    );
    let periods: Vec<(&str, u32)> = f
        .path()
        .map(|s| (s.period.name.as_str(), s.period.max))
        .collect();
    assert_eq!(
        periods,
        [
            ("Awareness", 21),
            ("Understanding the scope", 33),
            ("Making the case for KAM", 24),
            ("Capability building", 39),
            ("Roll-out", 33),
            ("Review KAM introduction", 33),
            ("Redefining", 39),
            ("Gearing up", 42),
            ("Evaluation", 24),
            ("Becoming key customer centric", 36),
            ("Full integration", 36),
            ("Revision", 27)
        ]
    );
    // Period maxima are items × 3, counted from the data, not the declaration.
    for step in f.path() {
        let items = f
            .items
            .iter()
            .filter(|i| i.period == step.period.id)
            .count();
        assert_eq!(
            u32::try_from(items).unwrap() * 3,
            step.period.max,
            "{}",
            step.period.id
        );
    }
    // Each milestone after the period the paper puts it after; phase D has none.
    let milestones: Vec<(&str, &str)> = f
        .milestones
        .iter()
        .map(|m| (m.name.as_str(), m.after.as_str()))
        .collect();
    assert_eq!(
        milestones,
        [
            ("Senior management approval", "A3"),
            ("Launch", "B1"),
            ("Recommitment", "C3")
        ]
    );
}

#[test]
fn cranfield_scale_and_streams() {
    let f = cranfield();
    let labels: Vec<&str> = f.scale.labels.iter().map(|l| l.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Not done",
            "Started, something done",
            "Substantial work done, not complete as described",
            "Completed as described and effective"
        ]
    );
    assert!(!f.not_applicable.allowed);
    let streams: Vec<(&str, usize)> = f
        .streams
        .iter()
        .map(|s| (s.name.as_str(), s.contributory.len()))
        .collect();
    assert_eq!(
        streams,
        [
            ("Strategy & planning", 3),
            ("Organisation & culture", 3),
            ("Processes", 3)
        ]
    );
    // Every contributory stream has at least one item across the path.
    for (_, c) in f
        .streams
        .iter()
        .flat_map(|s| s.contributory.iter().map(move |c| (s, c)))
    {
        assert!(
            f.items.iter().any(|i| i.stream == c.id),
            "{} has no items",
            c.id
        );
    }
}

#[test]
fn cranfield_litmus_tests_follow_the_papers_rule() {
    let tests: Vec<(&str, usize, Option<u32>, Option<&str>)> = cranfield()
        .litmus_tests
        .iter()
        .map(|t| {
            (
                t.id.as_str(),
                t.questions.len(),
                t.pass_mark,
                t.repeat_per.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        tests,
        [
            ("organisation", 5, Some(4), None),
            ("key-account-managers", 5, Some(4), Some("customer")),
            ("kam-ready-customers", 6, None, None)
        ]
    );
}

#[test]
fn maturity_model_is_ten_areas_by_five_stages() {
    let m = builtin_maturity("kam-maturity-model").unwrap();
    let stages: Vec<&str> = m.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        stages,
        [
            "Ad hoc",
            "Awareness",
            "Repeatable",
            "Predictable",
            "Activating"
        ]
    );
    let areas: Vec<&str> = m.areas.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        areas,
        [
            "Process",
            "Team behavior",
            "Communication (internal)",
            "Communication (external)",
            "Account plans",
            "Frequency of reviews",
            "Training",
            "Technology",
            "Leadership mindset",
            "Customer experience"
        ]
    );
    assert!(m.areas.iter().all(|a| a.descriptors.len() == 5));
    assert_eq!(m.stages[0].milestone, "Commitment to change the status quo");
    assert_eq!(m.areas[5].descriptors[2], "Quarterly");
}

#[test]
fn cranfield_marks_what_is_kams() {
    let f = cranfield();
    // The text kam wrote is marked; the paper's words are not.
    assert_eq!(f.not_applicable.provenance, Provenance::Kam);
    assert!(f.phases.iter().all(|p| p.provenance == Provenance::Source));
    assert!(
        f.milestones
            .iter()
            .all(|m| m.provenance == Provenance::Source)
    );
    // A marked text round-trips; the default is written as nothing.
    let value = cranfield_json();
    assert_eq!(value["not_applicable"]["provenance"], "kam");
    assert!(value["phases"][0].get("provenance").is_none());
    let mut edited = value.clone();
    edited["milestones"][0]["provenance"] = json!("kam");
    let back = Framework::from_json(&edited.to_string()).unwrap();
    assert_eq!(
        back.as_audit().unwrap().milestones[0].provenance,
        Provenance::Kam
    );
}

#[test]
fn bundled_frameworks_round_trip() {
    for f in builtin().unwrap() {
        let json = serde_json::to_string(f).unwrap();
        assert_eq!(&Framework::from_json(&json).unwrap(), f);
    }
}

type Edit = Box<dyn FnOnce(&mut Value)>;

/// Loads each edited copy of the Cranfield file and checks the error's kind
/// and that its message names the culprit.
fn assert_errors(cases: Vec<(Edit, &str, &str)>) {
    for (edit, kind, needle) in cases {
        let (got_kind, message) = load_edited(edit);
        assert_eq!(got_kind, kind, "{message}");
        assert!(message.contains(needle), "`{message}` lacks `{needle}`");
    }
}

#[test]
fn milestones_and_provenance_are_validated() {
    assert_errors(vec![
        (
            Box::new(|v| v["milestones"][1]["after"] = json!("B9")),
            "unknown-reference",
            "milestone `launch` refers to unknown period `B9`",
        ),
        (
            Box::new(|v| v["milestones"][1]["after"] = json!("A3")),
            "invalid-framework",
            "milestones `senior-management-approval` and `launch` both follow period `A3`",
        ),
        (
            Box::new(|v| v["milestones"][2]["id"] = json!("launch")),
            "duplicate-id",
            "duplicate milestone id `launch`",
        ),
        (
            Box::new(|v| v["milestones"][0]["id"] = json!("")),
            "empty-id",
            "milestone at position 1 has an empty id",
        ),
        (
            Box::new(|v| v["phases"][0]["milestone"] = json!({"name": "x", "description": []})),
            "invalid-input",
            "unknown field `milestone`",
        ),
        (
            Box::new(|v| v["phases"][0]["provenance"] = json!("folklore")),
            "invalid-input",
            "unknown value `folklore`",
        ),
    ]);
}

#[test]
fn validation_names_the_culprit() {
    let cases: Vec<(Edit, &str, &str)> = vec![
        (
            Box::new(|v| v["items"][1]["id"] = json!("A1.1")),
            "duplicate-id",
            "duplicate item id `A1.1`",
        ),
        (
            Box::new(|v| v["items"][3]["id"] = json!("  ")),
            "empty-id",
            "item at position 4 has an empty id",
        ),
        (
            Box::new(|v| v["items"][0]["period"] = json!("Z1")),
            "unknown-reference",
            "item `A1.1` refers to unknown period `Z1`",
        ),
        (
            Box::new(|v| v["items"][0]["stream"] = json!("gossip")),
            "unknown-reference",
            "item `A1.1` refers to unknown stream `gossip`",
        ),
        (
            Box::new(|v| {
                for item in v["items"].as_array_mut().unwrap() {
                    if item["period"] == "A3" {
                        item["period"] = json!("A2");
                    }
                }
            }),
            "empty-period",
            "period `A3` has no items",
        ),
        (
            Box::new(|v| v["phases"][0]["periods"][0]["max"] = json!(20)),
            "max-mismatch",
            "period `A1` declares a maximum of 20, but its items give 21",
        ),
        (
            Box::new(|v| v["phases"][1]["max"] = json!(104)),
            "max-mismatch",
            "phase `B` declares a maximum of 104, but its items give 105",
        ),
        (
            Box::new(|v| v["items"][0]["colour"] = json!("red")),
            "invalid-input",
            "unknown field `colour`",
        ),
        (
            Box::new(|v| v["items"][0]["weight"] = json!(0)),
            "invalid-weight",
            "item `A1.1` has weight 0",
        ),
        (
            Box::new(|v| {
                v["scale"]["labels"].as_array_mut().unwrap().pop();
            }),
            "invalid-scale",
            "labels must be given for [0, 1, 2, 3]",
        ),
        (
            Box::new(|v| v["litmus_tests"][0]["pass_mark"] = json!(6)),
            "invalid-framework",
            "litmus test `organisation` has pass mark 6",
        ),
        (
            Box::new(|v| v["type"] = json!("crystal-ball")),
            "invalid-input",
            "unknown value `crystal-ball`",
        ),
    ];
    assert_errors(cases);
}

#[test]
fn unknown_framework_lists_the_bundled_ones() {
    let err = builtin_framework("nope").unwrap_err();
    assert_eq!(err.kind(), "unknown-framework");
    assert_eq!(
        err.to_string(),
        "unknown framework `nope`; bundled frameworks are `cranfield-kam-development`, \
         `kam-maturity-model`, `kam-development-model`, `kam-three-pillars`, `kam-strategy`"
    );
    let err = builtin_audit("kam-maturity-model").unwrap_err();
    assert_eq!(err.kind(), "wrong-framework-type");
}

#[test]
fn a_framework_of_the_wrong_type_is_named_with_both_types() {
    let audit = Framework::ActionAudit(cranfield().clone());
    let err = audit.as_checklist().unwrap_err();
    assert_eq!(
        err.to_string(),
        "framework `cranfield-kam-development` is of type `action-audit`, but this needs a framework of type `checklist`"
    );
}
