use proptest::prelude::*;

use super::*;
use crate::framework::builtin_framework;

/// A small audit framework: items `i0…` with the given weights, the first
/// half in period `P1` (phase `A`), the rest in `P2` (phase `B`), scored 0–3.
fn small_framework(weights: &[u32]) -> Framework {
    let split = weights.len().div_ceil(2);
    let items: Vec<serde_json::Value> = weights
        .iter()
        .enumerate()
        .map(|(i, w)| {
            serde_json::json!({"id": format!("i{i}"), "period": if i < split { "P1" } else { "P2" },
                "stream": "s", "text": format!("action {i}"), "weight": w})
        })
        .collect();
    let max = |range: std::ops::Range<usize>| -> u32 { weights[range].iter().sum::<u32>() * 3 };
    let (m1, m2) = (max(0..split), max(split..weights.len()));
    let phase = |id: &str, period: &str, number: u32, m: u32| {
        serde_json::json!({"id": id, "name": id, "description": id, "max": m,
            "periods": [{"id": period, "number": number, "name": period, "description": ["p"], "max": m}]})
    };
    let labels: Vec<serde_json::Value> = (0..=3)
        .map(|v| serde_json::json!({"value": v, "label": v.to_string()}))
        .collect();
    let json = serde_json::json!({
        "type": "action-audit", "id": "small", "version": "1", "name": "Small",
        "source": {"title": "test"}, "description": "test",
        "scale": {"min": 0, "max": 3, "labels": labels},
        "not_applicable": {"allowed": true}, "max": m1 + m2,
        "streams": [{"id": "t", "name": "t", "contributory": [{"id": "s", "name": "s", "description": "s"}]}],
        "phases": [phase("A", "P1", 1, m1), phase("B", "P2", 2, m2)],
        "items": items,
    });
    Framework::from_json(&json.to_string()).unwrap()
}

fn assessment(framework: &AuditFramework, scores: &[Option<u8>]) -> AuditAssessment {
    let mut a = AuditAssessment::new(framework);
    for (item, s) in framework.items.iter().zip(scores) {
        if let Some(s) = s {
            a.scores.insert(item.id.clone(), *s);
        }
    }
    a
}

fn plan(framework: &Framework, a: &AuditAssessment, target: AuditTarget) -> AuditPath {
    let input = PathInput::Audit {
        assessment: a.clone(),
        target,
    };
    match shortest_path(framework, &input, &ScoreOptions::default()).unwrap() {
        PathPlan::Audit(p) => p,
        PathPlan::Maturity(_) => unreachable!(),
    }
}

#[test]
fn least_score_matches_the_report_percentages() {
    assert_eq!(least_score(80.0, 21), 17); // 16/21 = 76.2%, 17/21 = 80.95%
    assert_eq!(least_score(80.0, 10), 8);
    assert_eq!(least_score(100.0, 33), 33);
    assert_eq!(least_score(0.5, 387), 2);
}

#[test]
fn unknown_phase_and_bad_percent_are_named() {
    let f = builtin_framework("cranfield-kam-development").unwrap();
    let a = AuditAssessment::new(f.as_audit().unwrap());
    let run = |target| {
        shortest_path(
            f,
            &PathInput::Audit {
                assessment: a.clone(),
                target,
            },
            &ScoreOptions::default(),
        )
        .unwrap_err()
    };
    assert_eq!(
        run(AuditTarget::Phase {
            phase: "E".into(),
            percent: 50.0
        })
        .to_string(),
        "invalid target: phase `E` is not in the framework; phases are `A`, `B`, `C`, `D`"
    );
    assert_eq!(
        run(AuditTarget::Overall { percent: 0.0 }).kind(),
        "invalid-number"
    );
    let m = builtin_framework("kam-maturity-model").unwrap();
    assert_eq!(
        shortest_path(
            m,
            &PathInput::Audit {
                assessment: a.clone(),
                target: AuditTarget::CurrentPeriod
            },
            &ScoreOptions::default()
        )
        .unwrap_err()
        .kind(),
        "wrong-framework-type"
    );
}

#[test]
fn all_complete_means_nothing_to_do() {
    let f = small_framework(&[1, 1]);
    let audit = f.as_audit().unwrap();
    let p = plan(
        &f,
        &assessment(audit, &[Some(3), Some(3)]),
        AuditTarget::CurrentPeriod,
    );
    assert!(p.reached && p.steps.is_empty() && p.scope.is_none());
}

fn targets() -> impl Strategy<Value = AuditTarget> {
    prop_oneof![
        Just(AuditTarget::CurrentPeriod),
        (1u32..=100).prop_map(|p| AuditTarget::Overall {
            percent: f64::from(p)
        }),
        (prop_oneof![Just("A"), Just("B")], 1u32..=100).prop_map(|(phase, p)| AuditTarget::Phase {
            phase: phase.into(),
            percent: f64::from(p)
        }),
    ]
}

proptest! {
    /// The plan reaches its target, and no smaller set of items can: every
    /// subset of one item fewer, each raised to the top, falls short.
    #[test]
    fn plan_reaches_the_target_with_the_fewest_items(
        cells in prop::collection::vec((1u32..=3, prop::option::of(0u8..=3)), 2..9),
        target in targets(),
    ) {
        let weights: Vec<u32> = cells.iter().map(|c| c.0).collect();
        let scores: Vec<Option<u8>> = cells.iter().map(|c| c.1).collect();
        let f = small_framework(&weights);
        let audit = f.as_audit().unwrap();
        let a = assessment(audit, &scores);
        let p = plan(&f, &a, target.clone());
        prop_assert!(p.after >= p.needed);
        prop_assert_eq!(p.reached, p.steps.is_empty());
        // Applying the steps really reaches the target in a fresh report.
        let mut improved = a.clone();
        for s in &p.steps {
            prop_assert!(s.to > s.from.unwrap_or(0) && s.to <= 3);
            improved.scores.insert(s.item.clone(), s.to);
        }
        let report = scoring::score_audit(audit, &improved, &ScoreOptions::default()).unwrap();
        match &target {
            AuditTarget::Overall { percent } => prop_assert!(report.overall.percent >= *percent),
            AuditTarget::Phase { phase, percent } => {
                let ph = report.phases.iter().find(|x| &x.id == phase).unwrap();
                prop_assert!(ph.percent >= *percent);
            }
            AuditTarget::CurrentPeriod => if let Some(period) = &p.scope {
                let q = report.phases.iter().flat_map(|x| &x.periods).find(|q| &q.id == period).unwrap();
                prop_assert!(q.complete);
            },
        }
        // Minimality, by brute force over every subset of the scope.
        let gap = p.needed.saturating_sub(p.score);
        let gains: Vec<u32> = audit.items.iter().zip(&scores).filter(|(i, _)| match &target {
            AuditTarget::Overall { .. } => true,
            AuditTarget::Phase { phase, .. } => (phase == "A") == (i.period == "P1"),
            AuditTarget::CurrentPeriod => p.scope.as_deref() == Some(i.period.as_str()),
        }).map(|(i, s)| u32::from(3 - s.unwrap_or(0)) * i.weight).collect();
        if let Some(fewer) = p.steps.len().checked_sub(1) {
            for mask in 0u32..(1 << gains.len()) {
                if mask.count_ones() as usize == fewer {
                    let sum: u32 = gains.iter().enumerate().filter(|(j, _)| mask & (1 << j) != 0).map(|(_, g)| g).sum();
                    prop_assert!(sum < gap, "a smaller set reaches the gap");
                }
            }
        }
        // Cheapest: with the items fixed, the overshoot is less than one step
        // of the lightest chosen item.
        if let Some(lightest) = p.steps.iter().map(|s| audit.item(&s.item).unwrap().weight).min() {
            prop_assert!(p.points - gap < lightest || p.steps.iter().all(|s| s.to == 3));
        }
        // Development-path order.
        let index = |id: &str| audit.items.iter().position(|i| i.id == id).unwrap();
        prop_assert!(p.steps.windows(2).all(|w| index(&w[0].item) < index(&w[1].item)));
    }
}

#[test]
fn maturity_path_lifts_the_weakest_areas() {
    let f = builtin_framework("kam-maturity-model").unwrap();
    let model = f.as_maturity().unwrap();
    let mut a = MaturityAssessment {
        framework: model.id.clone(),
        framework_version: model.version.clone(),
        context: crate::assessment::Context::default(),
        stages: model.areas.iter().map(|x| (x.id.clone(), 3)).collect(),
        evidence: std::collections::BTreeMap::new(),
    };
    a.stages.insert("training".into(), 2);
    a.stages.insert("process".into(), 2);
    a.stages.remove("technology");
    let PathPlan::Maturity(p) = shortest_path(
        f,
        &PathInput::Maturity {
            assessment: a.clone(),
        },
        &ScoreOptions::default(),
    )
    .unwrap() else {
        panic!("maturity plan expected");
    };
    assert_eq!(
        (p.current.stage, p.next.as_ref().map(|s| s.stage)),
        (2, Some(3))
    );
    let lifts: Vec<(&str, u8, u8)> = p
        .lifts
        .iter()
        .map(|l| (l.id.as_str(), l.from, l.to))
        .collect();
    assert_eq!(lifts, [("process", 2, 3), ("training", 2, 3)]);
    assert_eq!(p.unassessed, ["technology"]);
    for s in a.stages.values_mut() {
        *s = 5;
    }
    let PathPlan::Maturity(top) = shortest_path(
        f,
        &PathInput::Maturity {
            assessment: a.clone(),
        },
        &ScoreOptions::default(),
    )
    .unwrap() else {
        panic!("maturity plan expected");
    };
    assert!(top.next.is_none() && top.lifts.is_empty());
    a.stages.clear();
    assert_eq!(
        shortest_path(
            f,
            &PathInput::Maturity { assessment: a },
            &ScoreOptions::default()
        )
        .unwrap_err()
        .kind(),
        "empty-input"
    );
}

proptest! {
    /// Lifting exactly the listed areas raises the overall stage by one, and
    /// leaving any one of them out does not: the list is the smallest that works.
    #[test]
    fn maturity_lifts_are_necessary_and_sufficient(stages in prop::collection::vec(1u8..=5, 10)) {
        let f = builtin_framework("kam-maturity-model").unwrap();
        let model = f.as_maturity().unwrap();
        let a = MaturityAssessment {
            framework: model.id.clone(),
            framework_version: model.version.clone(),
            context: crate::assessment::Context::default(),
            stages: model.areas.iter().zip(&stages).map(|(x, s)| (x.id.clone(), *s)).collect(),
            evidence: std::collections::BTreeMap::new(),
        };
        let PathPlan::Maturity(p) = shortest_path(f, &PathInput::Maturity { assessment: a.clone() }, &ScoreOptions::default()).unwrap() else {
            panic!("maturity plan expected");
        };
        let weakest = |a: &MaturityAssessment| *a.stages.values().min().unwrap();
        prop_assert_eq!(p.current.stage, weakest(&a));
        if p.current.stage == 5 {
            prop_assert!(p.lifts.is_empty() && p.next.is_none());
        } else {
            let mut lifted = a.clone();
            for l in &p.lifts {
                lifted.stages.insert(l.id.clone(), l.to);
            }
            prop_assert_eq!(weakest(&lifted), p.current.stage + 1);
            for skip in &p.lifts {
                let mut partial = a.clone();
                for l in p.lifts.iter().filter(|l| l.id != skip.id) {
                    partial.stages.insert(l.id.clone(), l.to);
                }
                prop_assert_eq!(weakest(&partial), p.current.stage);
            }
        }
    }
}
