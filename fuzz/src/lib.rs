//! Shared checks for the fuzz targets: every report a target gets back must
//! be internally consistent, so a silent mis-score is a finding too.

use kam_core::checklist::ChecklistReport;
use kam_core::scoring::{AuditReport, Position};

/// Panics (a fuzzing finding) when an audit report breaks an invariant.
pub fn check_audit_report(report: &AuditReport) {
    let overall = &report.overall;
    assert!(overall.score <= overall.max, "overall score above max");
    assert!((0.0..=100.0).contains(&overall.percent), "percent out of range");
    let phase_sum: u32 = report.phases.iter().map(|p| p.score).sum();
    assert_eq!(phase_sum, overall.score, "phases do not add up");
    for phase in &report.phases {
        let period_sum: u32 = phase.periods.iter().map(|p| p.score).sum();
        assert_eq!(period_sum, phase.score, "periods do not add up");
        for period in &phase.periods {
            assert!(period.score <= period.max, "period score above max");
        }
    }
    let stream_sum: u32 = report.streams.iter().map(|s| s.score).sum();
    assert_eq!(stream_sum, overall.score, "streams do not add up");
    match report.position {
        Position::Period { fraction, from, to, .. } => {
            assert!((0.0..1.0).contains(&fraction), "fraction out of range");
            assert!(from <= overall.score && overall.score < to, "position off the score");
        }
        Position::BestPractice { score } => assert_eq!(score, overall.max, "best practice below max"),
    }
    // Milestones sit on the path, in path order.
    let mut last = 0;
    for milestone in &report.milestones {
        assert!(milestone.at <= overall.max, "milestone beyond the path");
        assert!(milestone.at >= last, "milestones out of path order");
        last = milestone.at;
    }
    // Reports must survive a JSON round trip unchanged.
    let json = serde_json::to_string(report).expect("a report always serializes");
    let back: AuditReport = kam_core::error::from_json(&json).expect("a report always parses");
    assert_eq!(&back, report, "report changed in a round trip");
}

/// Panics (a fuzzing finding) when a checklist report breaks an invariant,
/// or when its chart or reports cannot be drawn.
pub fn check_checklist_report(report: &ChecklistReport) {
    let overall = &report.overall;
    assert!(overall.score <= overall.max, "overall score above max");
    let section_sum: u32 = report.sections.iter().map(|s| s.score).sum();
    assert_eq!(section_sum, overall.score, "sections do not add up");
    for section in &report.sections {
        assert!(section.score <= section.max, "section score above max");
        assert!((0.0..=100.0).contains(&section.percent), "percent out of range");
    }
    for grouping in &report.groupings {
        let group_sum: u32 = grouping.groups.iter().map(|g| g.score).sum();
        assert!(group_sum <= overall.score, "groups add up to more than the whole");
    }
    if let Some(stage) = &report.stage {
        let reached = stage.reached.as_ref().map_or(0, |s| s.number);
        assert_eq!(stage.next.as_ref().map_or(u32::try_from(report.sections.len()).unwrap_or(u32::MAX), |n| n.number - 1), reached, "stage and next disagree");
    }
    if let Some(balance) = &report.balance {
        assert!((0.0..=100.0).contains(&balance.spread), "spread out of range");
    }
    let json = serde_json::to_string(report).expect("a report always serializes");
    let back: ChecklistReport = kam_core::error::from_json(&json).expect("a report always parses");
    assert_eq!(&back, report, "report changed in a round trip");
    assert!(kam_core::chart::checklist(report).starts_with("<svg"));
    assert!(kam_core::report::checklist_markdown(report).starts_with('#'));
}

/// The text of a fuzz input, when it is UTF-8 (kam's inputs are JSON text).
pub fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

/// Parses `data` as `I`, runs the analysis, and checks that any result
/// survives a JSON round trip unchanged.
pub fn analysis<I, O, F>(data: &[u8], run: F)
where
    I: serde::de::DeserializeOwned,
    O: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
    F: FnOnce(I) -> Result<O, kam_core::Error>,
{
    let Some(text) = text(data) else { return };
    let Ok(input) = kam_core::error::from_json::<I>(text) else { return };
    if let Ok(output) = run(input) {
        let json = serde_json::to_string(&output).expect("a result always serializes");
        let back: O = kam_core::error::from_json(&json).expect("a result always parses");
        assert_eq!(back, output, "result changed in a round trip");
    }
}
