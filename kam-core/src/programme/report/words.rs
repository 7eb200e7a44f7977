//! The programme's figures in words, shared by the report's sections.

use crate::programme::result::{AlphaReading, PaceVerdict, ProgrammeReport, UnitReport};
use crate::scoring::{Position, Total};
use crate::words::pct;

/// A score as `144 of 387 points (37.2%)`.
pub(super) fn points(total: &Total) -> String {
    format!(
        "{} of {} points ({})",
        total.score,
        total.max,
        pct(total.percent)
    )
}

/// Where a position lies, as a clause: `in period 7 Redefining (phase C)`
/// or `at best practice`.
pub(super) fn on_path(position: &Position) -> String {
    match position {
        Position::Period {
            number,
            name,
            phase,
            ..
        } => format!("in period {number} {name} (phase {phase})"),
        Position::BestPractice { .. } => "at best practice".to_owned(),
    }
}

/// A pace verdict in one or two words, for a table.
pub(super) fn pace(verdict: PaceVerdict) -> &'static str {
    match verdict {
        PaceVerdict::Faster => "faster",
        PaceVerdict::InLine => "in line",
        PaceVerdict::Slower => "slower",
        PaceVerdict::Stalled => "stalled",
        PaceVerdict::Receding => "receding",
    }
}

/// A period by id as `Roll-out (B2)`, or the id when unknown.
pub(super) fn period(report: &ProgrammeReport, id: &str) -> String {
    report
        .periods
        .iter()
        .find(|p| p.id == id)
        .map_or_else(|| id.to_owned(), |p| format!("{} ({})", p.name, p.id))
}

/// The current period in words: the period, or "every period complete".
pub(super) fn current(report: &ProgrammeReport, id: Option<&String>) -> String {
    id.map_or_else(
        || "every period complete".to_owned(),
        |id| period(report, id),
    )
}

/// Alpha with kam's reading, e.g. `0.79 (tentative)`, or why there is none.
pub(super) fn alpha(value: Option<f64>, reading: AlphaReading) -> String {
    match value {
        Some(a) => format!("{a:.2} ({})", reading_word(reading)),
        None => "none (a single assessor, or nothing to compare)".to_owned(),
    }
}

/// kam's reading of alpha in one word.
pub(super) fn reading_word(reading: AlphaReading) -> &'static str {
    match reading {
        AlphaReading::Reliable => "reliable",
        AlphaReading::Tentative => "tentative",
        AlphaReading::Unreliable => "unreliable",
        AlphaReading::Undefined => "undefined",
    }
}

/// A change in percentage points with its sign, e.g. `+9.2 pts`.
pub(super) fn change(points: f64) -> String {
    if !points.is_finite() || points.abs() < 0.05 {
        return "0.0 pts".to_owned();
    }
    format!("{points:+.1} pts")
}

/// Up to `most` names, then how many more: `a, b, c and 4 more`.
pub(super) fn listed(names: &[String], most: usize) -> String {
    let shown: Vec<&str> = names.iter().take(most).map(String::as_str).collect();
    match names.len().saturating_sub(most) {
        0 => shown.join(", "),
        more => format!("{} and {more} more", shown.join(", ")),
    }
}

/// A unit's name by id, or the id when unknown.
pub(super) fn unit_name<'r>(report: &'r ProgrammeReport, id: &'r str) -> &'r str {
    report
        .units
        .iter()
        .find(|u| u.id == id)
        .map_or(id, |u| u.name.as_str())
}

/// The names of units by id.
pub(super) fn unit_names(report: &ProgrammeReport, ids: &[String]) -> Vec<String> {
    ids.iter()
        .map(|id| unit_name(report, id).to_owned())
        .collect()
}

/// Where a unit sits: its parent, in words, or "top-level unit".
pub(super) fn placed(report: &ProgrammeReport, unit: &UnitReport) -> String {
    match &unit.parent {
        Some(parent) => format!("In {}.", unit_name(report, parent)),
        None => "A top-level unit.".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words() {
        assert_eq!(change(9.216), "+9.2 pts");
        assert_eq!(change(-0.04), "0.0 pts");
        assert_eq!(change(-1.25), "-1.2 pts");
        assert_eq!(change(f64::NAN), "0.0 pts");
        let names: Vec<String> = ["a", "b", "c"].iter().map(|s| (*s).to_owned()).collect();
        assert_eq!(listed(&names, 5), "a, b, c");
        assert_eq!(listed(&names, 2), "a, b and 1 more");
        assert_eq!(
            alpha(Some(0.7888), AlphaReading::Tentative),
            "0.79 (tentative)"
        );
    }
}
