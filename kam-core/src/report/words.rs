//! The figures of a report said in words, shared by the Markdown and HTML
//! reports and by the charts' `<desc>`, so all of them say the same thing.

use crate::assessment::Context;
use crate::scoring::{AuditReport, Position};

/// A percentage with one decimal, e.g. `32.6%`.
pub(crate) fn pct(value: f64) -> String {
    format!("{:.1}%", finite(value))
}

/// A percentage rounded to a whole number, e.g. `33%`, for chart labels.
pub(crate) fn pct0(value: f64) -> String {
    format!("{:.0}%", finite(value))
}

/// NaN or infinity never reach a report; 0 stands in (the engine never
/// produces them, but reports may be built by hand or deserialised).
fn finite(value: f64) -> f64 {
    if value.is_finite() { value } else { 0.0 }
}

/// Who was assessed: organisation and unit, e.g. `Northwind, Europe`.
pub(crate) fn who(context: &Context) -> Option<String> {
    let parts: Vec<&str> = [&context.organisation, &context.unit]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .filter(|s| !s.trim().is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// A chart title with the organisation after a dash when known.
pub(crate) fn titled(title: &str, context: &Context) -> String {
    match who(context) {
        Some(who) => format!("{title} — {who}"),
        None => title.to_owned(),
    }
}

/// A period by id with its number and name, e.g. `period 5 Roll-out (B2)`;
/// the bare id when the report does not list it.
pub(crate) fn period(report: &AuditReport, id: &str) -> String {
    report
        .phases
        .iter()
        .flat_map(|p| &p.periods)
        .find(|p| p.id == id)
        .map_or_else(
            || format!("period {id}"),
            |p| format!("period {} {} ({})", p.number, p.name, p.id),
        )
}

/// Figure 4 in words: where the overall score lies on the path.
pub(crate) fn position(report: &AuditReport) -> String {
    position_of(&report.position)
}

/// [`position`] of a bare position.
pub(crate) fn position_of(position: &Position) -> String {
    match position {
        Position::Period {
            number,
            name,
            phase,
            fraction,
            ..
        } => format!(
            "period {number} {name} (phase {phase}), {} of the way through",
            pct0(fraction * 100.0)
        ),
        Position::BestPractice { .. } => "best practice: every point scored".to_owned(),
    }
}

/// Figure 4 in a few words, for side-by-side use: e.g. `5 Roll-out (27%)`.
pub(crate) fn position_short(report: &AuditReport) -> String {
    position_short_of(&report.position)
}

/// [`position_short`] of a bare position.
pub(crate) fn position_short_of(position: &Position) -> String {
    match position {
        Position::Period {
            number,
            name,
            fraction,
            ..
        } => format!("{number} {name} ({})", pct0(fraction * 100.0)),
        Position::BestPractice { .. } => "best practice".to_owned(),
    }
}

/// Figure 3 in words: the period being worked on.
pub(crate) fn current(report: &AuditReport) -> String {
    match &report.progress.current_period {
        Some(id) => format!("working on {}", period(report, id)),
        None => "every period complete".to_owned(),
    }
}

/// The overall score in words, e.g. `126 of 387 points (32.6%)`.
pub(crate) fn overall(report: &AuditReport) -> String {
    format!(
        "{} of {} points ({})",
        report.overall.score,
        report.overall.max,
        pct(report.overall.percent)
    )
}

/// The name of a contributory stream by id, or the id itself.
pub(crate) fn stream(report: &AuditReport, id: &str) -> String {
    report
        .streams
        .iter()
        .flat_map(|s| &s.contributory)
        .find(|c| c.id == id)
        .map_or_else(|| id.to_owned(), |c| c.name.clone())
}

/// An item's score for a table: the number, or `–` when unscored.
pub(crate) fn score(score: Option<u8>) -> String {
    score.map_or_else(|| "–".to_owned(), |s| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_are_fixed_and_finite() {
        assert_eq!(pct(32.558), "32.6%");
        assert_eq!(pct0(27.4), "27%");
        assert_eq!(pct(f64::NAN), "0.0%");
    }

    #[test]
    fn who_joins_known_parts() {
        let mut context = Context::default();
        assert_eq!(who(&context), None);
        context.organisation = Some("Acme".into());
        assert_eq!(who(&context).as_deref(), Some("Acme"));
        context.unit = Some("EMEA".into());
        assert_eq!(titled("T", &context), "T — Acme, EMEA");
    }
}
