//! Tests of `programme_report` as a whole: the documentation's example and
//! quotes, the bundled example, version handling, located errors, and the
//! invariants that hold for any programme.

use std::path::Path;

use proptest::prelude::*;

use super::example::{ExampleSpec, bundled, generate};
use super::{Programme, ProgrammeAssessment, ProgrammeReport, Unit, programme_report};
use crate::analysis::AggregateInput;
use crate::assessment::{AuditAssessment, Context};
use crate::framework::{Framework, builtin_audit};
use crate::scoring::ScoreOptions;
use crate::{api, json::from_json};

fn doc() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/programme.md"))
        .unwrap()
}

fn report_of(programme: &Programme) -> ProgrammeReport {
    programme_report(programme, &ScoreOptions::default()).unwrap()
}

fn error_of(programme: &Programme) -> crate::Error {
    programme_report(programme, &ScoreOptions::default()).unwrap_err()
}

fn audit(unit: &str, who: &str, date: &str, scores: &[(&str, u8)]) -> ProgrammeAssessment {
    let f = builtin_audit("cranfield-kam-development").unwrap();
    let mut a = AuditAssessment::new(f);
    a.context = Context {
        organisation: None,
        unit: Some(unit.to_owned()),
        assessor: Some(who.to_owned()),
        date: Some(date.to_owned()),
    };
    a.scores = scores.iter().map(|&(k, v)| (k.to_owned(), v)).collect();
    ProgrammeAssessment::Audit(a)
}

fn programme(units: &[(&str, Option<&str>)], assessments: Vec<ProgrammeAssessment>) -> Programme {
    Programme {
        name: "Test".to_owned(),
        organisation: None,
        units: units
            .iter()
            .map(|(id, parent)| Unit {
                id: (*id).to_owned(),
                name: None,
                parent: parent.map(str::to_owned),
            })
            .collect(),
        assessments,
        frameworks: Vec::new(),
        disagreement: 2,
        customers: super::Customers::default(),
        account_plans: Vec::new(),
    }
}

#[test]
fn the_documented_document_reads() {
    let doc = doc();
    let json = doc
        .split_once("```json\n")
        .and_then(|(_, rest)| rest.split_once("\n```"))
        .unwrap()
        .0;
    let programme = api::programme_from_json(json).unwrap();
    let report = report_of(&programme);
    assert_eq!(report.units.len(), 2);
    assert_eq!(report.units[1].rounds[0].overall.score, 5);
    assert_eq!(
        report.units[1].maturity.as_ref().unwrap().date,
        "2025-03-02"
    );
    assert_eq!(report.account_plans.len(), 1);
}

#[test]
fn the_documented_quotes_are_the_data() {
    let doc = doc();
    let timescale = super::timescale::bundled().unwrap();
    for span in &timescale.spans {
        // The doc wraps lines; compare with white space folded.
        let folded = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            folded(&doc).contains(&folded(&span.quote)),
            "{}",
            span.quote
        );
    }
    for published in [
        "0.743 (nominal)",
        "**0.815 (ordinal)**",
        "0.849 (interval)",
        "0.797 (ratio)",
    ] {
        assert!(doc.contains(published), "{published}");
    }
}

#[test]
fn the_bundled_example_holds_together() {
    let programme = bundled().unwrap();
    let report = report_of(&programme);
    assert_eq!(report.units.len(), 9);
    assert_eq!(report.summary.audits, 54);
    assert_eq!(report.summary.maturity_assessments, 18);
    assert_eq!(report.summary.litmus_tests, 6);
    assert_eq!(report.positions.len(), 6);
    assert!(report.rescored.is_empty());
    // Regions first, each followed by its business units.
    let ids: Vec<&str> = report.units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "europe",
            "united-kingdom",
            "germany",
            "americas",
            "united-states",
            "brazil",
            "asia-pacific",
            "japan",
            "australia"
        ]
    );
    for unit in &report.units {
        let dates: Vec<&str> = unit.rounds.iter().map(|r| r.date.as_str()).collect();
        let mut sorted = dates.clone();
        sorted.sort_unstable();
        assert_eq!(dates, sorted);
        assert_eq!(unit.trend.is_some(), !unit.rounds.is_empty());
        assert_eq!(unit.depth, u32::from(unit.parent.is_some()));
    }
    // Europe's roll-up is its two units' latest points added up.
    let europe = report.units[0].rollup.as_ref().unwrap();
    let (uk, de) = (
        &report.units[1].rounds[2].overall,
        &report.units[2].rounds[2].overall,
    );
    assert_eq!(
        (europe.overall.score, europe.overall.max),
        (uk.score + de.score, uk.max + de.max)
    );
    // The report reads back as it was written.
    let text = serde_json::to_string(&report).unwrap();
    assert_eq!(from_json::<ProgrammeReport>(&text).unwrap(), report);
}

#[test]
fn a_round_is_what_aggregate_makes_of_its_audits() {
    let programme = bundled().unwrap();
    let report = report_of(&programme);
    let uk = &report.units[1];
    let audits: Vec<AuditAssessment> = programme
        .assessments
        .iter()
        .filter_map(|a| match a {
            ProgrammeAssessment::Audit(a)
                if a.context.unit.as_deref() == Some("united-kingdom")
                    && a.context.date.as_deref() == Some(uk.rounds[1].date.as_str()) =>
            {
                Some(a.clone())
            }
            _ => None,
        })
        .collect();
    let aggregation = api::aggregate(
        &AggregateInput {
            audits,
            disagreement: 2,
        },
        &ScoreOptions::default(),
    )
    .unwrap();
    assert_eq!(aggregation.report.overall, uk.rounds[1].overall);
    assert_eq!(aggregation.assessment, uk.rounds[1].merged);
    let disputed: Vec<&str> = uk.rounds[1]
        .agreement
        .disputed
        .iter()
        .map(|d| d.id.as_str())
        .collect();
    assert_eq!(disputed, aggregation.disagreements);
}

#[test]
fn audits_of_an_earlier_version_are_carried_to_the_latest() {
    let cranfield = builtin_audit("cranfield-kam-development").unwrap();
    let mut earlier = cranfield.clone();
    earlier.version = "2005.1".to_owned();
    // The earlier version weighed A1.1 double.
    earlier.items[0].weight = 2;
    earlier.phases[0].periods[0].max += 3;
    earlier.phases[0].max += 3;
    earlier.max += 3;
    let mut old = audit("uk", "ann", "2024-03-01", &[("A1.1", 3), ("A1.2", 1)]);
    if let ProgrammeAssessment::Audit(a) = &mut old {
        a.framework_version = "2005.1".to_owned();
    }
    let mut p = programme(
        &[("uk", None)],
        vec![
            old,
            audit("uk", "ann", "2025-03-01", &[("A1.1", 3), ("A1.2", 3)]),
        ],
    );
    p.frameworks.push(Framework::ActionAudit(earlier));
    let report = report_of(&p);
    assert_eq!(report.framework.as_ref().unwrap().version, "2006.2");
    let note = &report.rescored[0];
    assert_eq!(
        (
            note.from_version.as_str(),
            note.to_version.as_str(),
            note.audits
        ),
        ("2005.1", "2006.2", 1)
    );
    assert_eq!(note.reweighted, ["A1.1"]);
    // Read under 2006.2, the 2024 audit scores 3 + 1, not 2 × 3 + 1.
    assert_eq!(report.units[0].rounds[0].overall.score, 4);
    assert_eq!(report.units[0].rounds[0].overall.max, 387);
    // Without the earlier version's file, kam cannot read the audit.
    p.frameworks.clear();
    let err = error_of(&p);
    assert_eq!(err.kind(), "unknown-framework-version");
    assert_eq!(
        err.to_string(),
        "assessment 1 is for `cranfield-kam-development` version `2005.1`, which is neither bundled nor in the programme's `frameworks`; known versions are `2006.2`"
    );
}

#[test]
fn errors_of_parts_are_located_with_their_own_kind() {
    let mut p = programme(
        &[("uk", None)],
        vec![audit("uk", "ann", "2024-03-01", &[("A1.1", 7)])],
    );
    let err = error_of(&p);
    assert_eq!(err.kind(), "score-out-of-range");
    assert_eq!(
        err.to_string(),
        "assessment 1 (unit `uk`, assessor `ann`, `2024-03-01`): item `A1.1` has score 7, outside the scale 0–3"
    );
    p.assessments = vec![audit("uk", "ann", "2024-02-30", &[])];
    assert_eq!(error_of(&p).kind(), "invalid-date");
    if let ProgrammeAssessment::Audit(a) = &mut p.assessments[0] {
        a.context.date = Some("2024-02-01".to_owned());
        a.framework = "kam-maturity-model".to_owned();
        a.framework_version = "1.0".to_owned();
    }
    let err = error_of(&p);
    assert_eq!(err.kind(), "wrong-framework-type");
    assert!(
        err.to_string().starts_with("assessment 1 (unit `uk`"),
        "{err}"
    );
    if let ProgrammeAssessment::Audit(a) = &mut p.assessments[0] {
        a.framework = "nope".to_owned();
    }
    let err = error_of(&p);
    assert_eq!(err.kind(), "unknown-framework");
    assert!(
        err.to_string()
            .starts_with("assessment 1: unknown framework `nope`"),
        "{err}"
    );
    // Strict mode: the merged audit of a unit and date is located.
    let p = programme(
        &[("uk", None)],
        vec![audit("uk", "ann", "2024-03-01", &[("A1.1", 3)])],
    );
    let strict = ScoreOptions {
        strict: true,
        ..ScoreOptions::default()
    };
    let err = programme_report(&p, &strict).unwrap_err();
    assert_eq!(err.kind(), "incomplete-assessment");
    assert!(
        err.to_string()
            .starts_with("the merged audit of unit `uk` on `2024-03-01`"),
        "{err}"
    );
    let bad = ScoreOptions {
        completion_threshold: 0.0,
        ..ScoreOptions::default()
    };
    assert_eq!(
        programme_report(&p, &bad).unwrap_err().kind(),
        "invalid-option"
    );
}

#[test]
fn maturity_assessments_share_one_model_version() {
    let text = r#"{"name": "x", "units": [{"id": "uk"}], "assessments": [
        {"type": "maturity", "assessment": {"framework": "kam-maturity-model", "framework_version": "1.0",
          "context": {"unit": "uk", "assessor": "a", "date": "2025-01-01"}, "stages": {"process": 2}}},
        {"type": "maturity", "assessment": {"framework": "kam-maturity-model", "framework_version": "1.0",
          "context": {"unit": "uk", "assessor": "b", "date": "2025-01-01"}, "stages": {"process": 3, "training": 1}}}]}"#;
    let mut p = api::programme_from_json(text).unwrap();
    let report = report_of(&p);
    let m = report.units[0].maturity.as_ref().unwrap();
    // Stages 2 and 3 merge to 2 (the median, rounded half down).
    assert_eq!(
        m.report
            .areas
            .iter()
            .map(|a| (a.id.as_str(), a.stage.stage))
            .collect::<Vec<_>>(),
        [("process", 2), ("training", 1)]
    );
    assert_eq!(m.assessors, ["a", "b"]);
    assert_eq!(report.framework, None);
    if let ProgrammeAssessment::Maturity(m) = &mut p.assessments[1] {
        m.framework_version = "0.9".to_owned();
    }
    let err = error_of(&p);
    assert_eq!(err.kind(), "mixed-frameworks");
    assert_eq!(
        err.to_string(),
        "assessment 2 is for `kam-maturity-model` version `0.9`, but assessment 1 is for `kam-maturity-model` version `1.0`; a programme's maturity assessments must all use one model version"
    );
}

#[test]
fn checklists_are_merged_per_checklist_and_latest_date() {
    let checklist = |who: &str, date: &str, scores: &str| {
        format!(
            r#"{{"type": "checklist", "assessment": {{"framework": "kam-three-pillars", "framework_version": "1.0",
              "context": {{"unit": "uk", "assessor": "{who}", "date": "{date}"}}, "scores": {scores}}}}}"#
        )
    };
    let framework = crate::framework::builtin_framework("kam-three-pillars")
        .unwrap()
        .as_checklist()
        .unwrap();
    let first = framework.items().next().unwrap().1.id.clone();
    let text = format!(
        r#"{{"name": "x", "units": [{{"id": "uk"}}], "assessments": [{}, {}, {}, {}]}}"#,
        checklist("a", "2024-01-01", &format!(r#"{{"{first}": 3}}"#)),
        checklist("a", "2025-01-01", &format!(r#"{{"{first}": 1}}"#)),
        checklist("b", "2025-01-01", &format!(r#"{{"{first}": 3}}"#)),
        checklist("c", "2025-01-01", "{}"),
    );
    let mut p = api::programme_from_json(&text).unwrap();
    let report = report_of(&p);
    assert_eq!(report.summary.checklists, 4);
    let [c] = report.units[0].checklists.as_slice() else {
        panic!("one checklist expected")
    };
    // The 2024 assessment is left out; 1 and 3 merge to 2 (the median,
    // rounded half down), a spread of 2 that counts as disputed.
    assert_eq!(c.date, "2025-01-01");
    assert_eq!(c.assessors, ["a", "b", "c"]);
    assert_eq!(c.report.sections[0].items[0].score, Some(2));
    assert_eq!(c.disputed, [first]);
    // The same assessor, unit and date twice is refused for one checklist.
    p.assessments.push(p.assessments[3].clone());
    let err = error_of(&p);
    assert_eq!(err.kind(), "duplicate-assessment");
    assert_eq!(
        err.to_string(),
        "assessor `c` made two checklists of unit `uk` on `2025-01-01` (assessments 4 and 5); an assessor assesses a unit once per date"
    );
}

/// Scores for `units` units × `rounds` dates × `assessors`, each assessor
/// reading a unit's "true" scores with a fixed offset per cell.
fn random_programme(
    truth: &[Vec<u8>],
    offsets: &[i8],
    rounds: usize,
    assessors: usize,
) -> Programme {
    let f = builtin_audit("cranfield-kam-development").unwrap();
    let units: Vec<String> = (0..truth.len()).map(|u| format!("u{u}")).collect();
    let mut list: Vec<(&str, Option<&str>)> = vec![("top", None)];
    list.extend(units.iter().map(|u| (u.as_str(), Some("top"))));
    let mut assessments = Vec::new();
    for (u, scores) in truth.iter().enumerate() {
        for r in 0..rounds {
            let date = format!("{}-06-01", 2020 + r);
            for a in 0..assessors {
                let cells: Vec<(&str, u8)> = f
                    .items
                    .iter()
                    .zip(scores)
                    .enumerate()
                    .map(|(i, (item, &s))| {
                        let offset = offsets
                            .get((u * 7 + r * 3 + a * 5 + i) % offsets.len().max(1))
                            .copied()
                            .unwrap_or(0);
                        let s = i16::from(s) + i16::from(offset);
                        (item.id.as_str(), u8::try_from(s.clamp(0, 3)).unwrap())
                    })
                    .collect();
                assessments.push(audit(&units[u], &format!("a{a}"), &date, &cells));
            }
        }
    }
    programme(&list, assessments)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// For any programme: ranks follow the percentages; every roll-up lies
    /// within its units; alpha never exceeds 1; the counts add up.
    #[test]
    fn invariants_hold(
        truth in prop::collection::vec(prop::collection::vec(0u8..=3, 0..40), 1..6),
        offsets in prop::collection::vec(-1i8..=1, 1..9),
        rounds in 1usize..4,
        assessors in 1usize..4,
    ) {
        let p = random_programme(&truth, &offsets, rounds, assessors);
        let report = report_of(&p);
        prop_assert_eq!(report.summary.audits as usize, truth.len() * rounds * assessors);
        prop_assert_eq!(report.positions.len(), truth.len());
        for pair in report.positions.windows(2) {
            prop_assert!(pair[0].overall.percent >= pair[1].overall.percent);
            prop_assert!(pair[0].rank <= pair[1].rank);
            prop_assert_eq!(pair[0].rank == pair[1].rank, pair[0].overall.percent.to_bits() == pair[1].overall.percent.to_bits());
        }
        for unit in &report.units {
            if let Some(r) = &unit.rollup {
                prop_assert!(r.lowest_percent <= r.overall.percent + 1e-9);
                prop_assert!(r.overall.percent <= r.highest_percent + 1e-9);
            }
            for round in &unit.rounds {
                prop_assert_eq!(round.assessors.len(), assessors);
                if let Some(a) = round.agreement.alpha {
                    prop_assert!(a <= 1.0 + 1e-12);
                }
            }
        }
        prop_assert_eq!(report.units[0].rollup.as_ref().map(|r| r.units as usize), Some(truth.len()));
    }

    /// Assessors who agree on every score agree perfectly: alpha is 1 in
    /// every round whose items differ at all.
    #[test]
    fn identical_assessors_agree_perfectly(
        truth in prop::collection::vec(prop::collection::vec(0u8..=3, 2..40), 1..4),
        assessors in 2usize..5,
    ) {
        let report = report_of(&random_programme(&truth, &[0], 1, assessors));
        for (unit, scores) in report.units.iter().skip(1).zip(&truth) {
            let round = &unit.rounds[0];
            let varied = scores.iter().any(|&s| s != scores[0]);
            prop_assert_eq!(round.agreement.alpha, varied.then_some(1.0));
            prop_assert!(round.agreement.disputed.is_empty());
        }
    }
}

#[test]
fn a_generated_programme_of_any_size_reads() {
    let p = generate(&ExampleSpec::audits_only(25, 3, 4)).unwrap();
    let report = report_of(&p);
    assert_eq!(report.positions.len(), 25);
    assert_eq!(report.next_actions.len(), super::PROGRAMME_ACTIONS);
    assert!(report.agreement.heatmap.assessors.len() <= super::HEATMAP_ASSESSORS);
    assert!(report.agreement.heatmap.items.len() <= super::HEATMAP_ITEMS);
    assert!(report.agreement.disputed.len() <= super::DISPUTED_ITEMS);
}

/// Every programme limit has its row in docs/security.md, with its value
/// and error kind.
#[test]
fn programme_limits_are_documented() {
    use crate::limits::{
        MAX_PROGRAMME_ANSWERS, MAX_PROGRAMME_ASSESSMENTS, MAX_PROGRAMME_BYTES, MAX_PROGRAMME_UNITS,
        thousands,
    };
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/security.md"))
            .unwrap();
    assert_eq!(MAX_PROGRAMME_BYTES % (1024 * 1024), 0);
    for (constant, value, kind) in [
        (
            "MAX_PROGRAMME_BYTES",
            format!("{} MiB", MAX_PROGRAMME_BYTES / (1024 * 1024)),
            "input-too-large",
        ),
        (
            "MAX_PROGRAMME_UNITS",
            thousands(MAX_PROGRAMME_UNITS),
            "too-many-units",
        ),
        (
            "MAX_PROGRAMME_ASSESSMENTS",
            thousands(MAX_PROGRAMME_ASSESSMENTS),
            "too-many-entries",
        ),
        (
            "MAX_PROGRAMME_ANSWERS",
            thousands(MAX_PROGRAMME_ANSWERS),
            "too-many-entries",
        ),
    ] {
        let row = format!("| {value} | `{constant}` | `{kind}` |");
        assert!(doc.contains(&row), "docs/security.md lacks {row}");
        assert!(crate::Error::KINDS.contains(&kind));
    }
}
