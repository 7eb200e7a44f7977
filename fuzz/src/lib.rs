//! Shared code of the fuzz targets. Every operation of kam-core's table has
//! a target (generated from the table; see `fuzz_targets/`) that runs
//! [`operation`]: any input text must give an error or a result that keeps
//! kam's invariants and survives a JSON round trip, so a silent mis-score is
//! a finding too.

use std::any::Any;

use kam_core::api;
use kam_core::batch::{BatchInput, BatchReport, DEFAULT_FRAMEWORK};
use kam_core::checklist::ChecklistReport;
use kam_core::litmus::{LitmusReport, Verdict};
use kam_core::maturity::MaturityReport;
use kam_core::programme::ProgrammeReport;
use kam_core::programme::report::{programme_html_fragment, programme_markdown};
use kam_core::scoring::{AuditReport, Position};
use serde::Serialize;
use kam_core::json::Document;

/// Runs the operation `name` of kam-core's table on `data` (when it is
/// UTF-8: kam's inputs are JSON text) with the default options: an error, or
/// a result that keeps the invariants below and whose JSON text reads back
/// and writes out byte for byte.
pub fn operation(name: &str, data: &[u8]) {
    let Some(text) = text(data) else { return };
    macro_rules! dispatch {
        ($( $(#[$doc:meta])* $op:ident { $($row:tt)* } )*) => {
            match name {
                $(stringify!($op) => run::<api::ops::$op::Input, api::ops::$op::Output>(name, text),)*
                other => panic!("kam-core has no operation `{other}`"),
            }
        };
    }
    kam_core::for_each_operation!(dispatch);
}

fn run<I, O>(name: &str, text: &str)
where
    I: Document + 'static,
    O: Serialize + Document + 'static,
{
    let Some(result) = api::call_json(name, text, None, None) else {
        panic!("kam-core has no operation `{name}`");
    };
    let Ok(json) = result else { return };
    let output = O::read_json(&json).expect("a result always parses");
    let again = serde_json::to_string(&output).expect("a result always serializes");
    assert_eq!(again, json, "result changed in a round trip");
    let input = I::read_json(text).expect("an input that ran parses");
    invariants(&input, &output);
}

/// The invariants of the results that have more than a round trip to keep.
fn invariants(input: &dyn Any, output: &dyn Any) {
    if let Some(report) = output.downcast_ref::<AuditReport>() {
        check_audit_report(report);
    }
    if let Some(report) = output.downcast_ref::<MaturityReport>() {
        check_maturity_report(report);
    }
    if let Some(report) = output.downcast_ref::<LitmusReport>() {
        check_litmus_report(report);
    }
    if let Some(report) = output.downcast_ref::<ChecklistReport>() {
        check_checklist_report(report);
    }
    if let Some(report) = output.downcast_ref::<ProgrammeReport>() {
        check_programme_report(report);
    }
    if let (Some(input), Some(report)) = (
        input.downcast_ref::<BatchInput>(),
        output.downcast_ref::<BatchReport>(),
    ) {
        check_batch_report(input, report);
    }
}

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
        ref other => panic!("a position the checks do not know: {other:?}"),
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
    let back: AuditReport = kam_core::json::from_json(&json).expect("a report always parses");
    assert_eq!(&back, report, "report changed in a round trip");
}

fn check_maturity_report(report: &MaturityReport) {
    if let (Some(weakest), Some(mean)) = (&report.weakest_link, report.mean_stage) {
        assert!(f64::from(weakest.stage) <= mean, "weakest link above the mean");
        assert!(report.areas.iter().all(|a| a.stage.stage >= weakest.stage));
    }
    if let Ok(model) = api::framework(&report.framework.id).and_then(|f| Ok(f.as_maturity()?)) {
        assert_eq!(report.areas.len() + report.unassessed.len(), model.areas.len());
    }
}

fn check_litmus_report(report: &LitmusReport) {
    for r in &report.results {
        assert!(r.yes >= 0.0 && r.yes <= f64::from(r.questions), "yes count out of range");
        let expected = match r.pass_mark {
            None => Verdict::NoPassMark,
            Some(mark) if r.yes >= f64::from(mark) => Verdict::Pass,
            Some(_) => Verdict::Fail,
        };
        assert_eq!(r.verdict, expected, "verdict disagrees with the rule");
    }
}

fn check_batch_report(input: &BatchInput, report: &BatchReport) {
    let id = input.framework.as_deref().unwrap_or(DEFAULT_FRAMEWORK);
    let max = api::framework(id)
        .and_then(|f| Ok(f.as_audit()?.max))
        .expect("a batch that scored names a bundled action audit");
    assert_eq!(report.overall.len(), input.rows.len(), "one result per row");
    for (r, overall) in report.overall.iter().enumerate() {
        let periods: u32 = report.period_scores[r].iter().sum();
        let phases: u32 = report.phase_scores[r].iter().sum();
        assert_eq!(periods, *overall, "row {r}: periods add up to the overall score");
        assert_eq!(phases, *overall, "row {r}: phases add up to the overall score");
        assert!(*overall <= max, "row {r}: within the framework's maximum");
        let fraction = report.position_fraction[r];
        assert!((0.0..=1.0).contains(&fraction), "row {r}: fraction {fraction}");
    }
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
    let back: ChecklistReport = kam_core::json::from_json(&json).expect("a report always parses");
    assert_eq!(&back, report, "report changed in a round trip");
    assert!(kam_core::chart::checklist(report).starts_with("<svg"));
    assert!(kam_core::render::checklist_markdown(report).starts_with('#'));
}

/// Panics (a fuzzing finding) when a programme report breaks an invariant
/// (ranks follow the percentages, every roll-up lies within its units,
/// alpha is at most 1), or when its HTML or Markdown cannot be written.
pub fn check_programme_report(report: &ProgrammeReport) {
    for pair in report.positions.windows(2) {
        assert!(pair[0].overall.percent >= pair[1].overall.percent, "ranking out of order");
        assert!(pair[0].rank <= pair[1].rank, "ranks out of order");
    }
    for unit in &report.units {
        if let Some(r) = &unit.rollup {
            assert!(r.lowest_percent <= r.overall.percent + 1e-9, "roll-up below its lowest unit");
            assert!(r.overall.percent <= r.highest_percent + 1e-9, "roll-up above its highest unit");
        }
        for round in &unit.rounds {
            assert!(round.agreement.alpha.is_none_or(|a| a <= 1.0 + 1e-12), "alpha above 1");
            assert!(round.overall.score <= round.overall.max, "score above max");
        }
    }
    let html = programme_html_fragment(report);
    assert!(html.starts_with("<div class=\"kam-programme-report\">"));
    let _ = programme_markdown(report);
}

/// The text of a fuzz input, when it is UTF-8 (kam's inputs are JSON text).
pub fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}
