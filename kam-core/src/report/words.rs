//! The figures of a report said in words, shared by the Markdown and HTML
//! reports and by the charts' `<desc>`, so all of them say the same thing.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::assessment::Context;
use crate::framework::Provenance;
use crate::scoring::{AuditReport, MilestoneMark, Position};

/// The readings of an audit report in words, as a page shows them beside
/// its figures: the same sentences the reports and charts use, so a
/// calculator writes none of its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AuditWords {
    /// The overall score, e.g. `126 of 387 points (32.6%)`.
    pub overall: String,
    /// Figure 4's reading: the position on the path, e.g. `period 5 Roll-out
    /// (phase B), 27% of the way through`.
    pub position: String,
    /// The position in a few words, e.g. `5 Roll-out (27%)`, for a status
    /// line.
    pub position_short: String,
    /// Figure 3's reading: the current period, e.g. `working on period 4
    /// Capability building (B1)`.
    pub current_period: String,
    /// One sentence on how Figure 3 is read (kam's explanation).
    pub figure3: String,
    /// One sentence on how Figure 4 is read (kam's explanation).
    pub figure4: String,
}

/// The readings of `report` in words (see [`AuditWords`]).
///
/// Figures 3 and 4 answer different questions and, side by side, can seem
/// to disagree ("period 5, 27% of the way through" next to "working on
/// period 4"); the two explanations, kam's own wording, say why.
///
/// ```
/// # let framework = kam_core::framework::builtin_audit("cranfield-kam-development")?;
/// # let assessment = kam_core::AuditAssessment::new(framework);
/// let report = kam_core::api::score(&assessment, &kam_core::ScoreOptions::default())?;
/// let words = kam_core::report::audit_words(&report);
/// assert_eq!(words.overall, "0 of 387 points (0.0%)");
/// assert!(words.figure3.starts_with("Figure 3 reads each period on its own"));
/// # Ok::<(), kam_core::Error>(())
/// ```
pub fn audit_words(report: &AuditReport) -> AuditWords {
    AuditWords {
        overall: overall(report),
        position: position(report),
        position_short: position_short(report),
        current_period: current(report),
        figure3: figure3_reading(report),
        figure4: figure4_reading(report),
    }
}

/// How Figure 3 is read, with this report's figures.
fn figure3_reading(report: &AuditReport) -> String {
    let threshold = pct0(report.progress.completion_threshold);
    match &report.progress.current_period {
        Some(id) => format!(
            "Figure 3 reads each period on its own: the current period is the earliest one \
             below {threshold} complete, here {}, however much is done in later periods.",
            period(report, id)
        ),
        None => format!(
            "Figure 3 reads each period on its own: every period has reached {threshold}, \
             so none is current."
        ),
    }
}

/// How Figure 4 is read, with this report's figures.
fn figure4_reading(report: &AuditReport) -> String {
    let start = "Figure 4 adds up every point scored, wherever it was earned";
    match &report.position {
        Position::Period { .. } => format!(
            "{start}, and places the total on the path as if the periods were done in order: \
             {} points reach {}.",
            report.overall.score,
            position(report)
        ),
        Position::BestPractice { .. } => format!(
            "{start}: all {} points are scored, which is best practice.",
            report.overall.max
        ),
    }
}

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
        Position::BestPractice { .. } => "the end of the path: every point scored".to_owned(),
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
        Position::BestPractice { .. } => "end of the path".to_owned(),
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

/// A milestone as a table row or chart label says it, e.g.
/// `◆ Milestone: Launch`, marked when it is kam's rather than the source's.
pub(crate) fn milestone(milestone: &MilestoneMark) -> String {
    match milestone.provenance {
        Provenance::Source => format!("◆ Milestone: {}", milestone.name),
        Provenance::Kam => format!("◆ Milestone: {} (kam's)", milestone.name),
    }
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
    fn the_two_readings_are_explained_with_their_figures() {
        let framework = crate::framework::builtin_audit("cranfield-kam-development").unwrap();
        let northwind: crate::AuditAssessment =
            serde_json::from_str(include_str!("../../examples/data/northwind-audit.json")).unwrap();
        let options = crate::ScoreOptions::default();
        let report = crate::scoring::score_audit(framework, &northwind, &options).unwrap();
        let words = audit_words(&report);
        assert_eq!(words.overall, "126 of 387 points (32.6%)");
        assert_eq!(
            words.figure3,
            "Figure 3 reads each period on its own: the current period is the earliest one \
             below 80% complete, here period 4 Capability building (B1), however much is done \
             in later periods."
        );
        assert_eq!(
            words.figure4,
            "Figure 4 adds up every point scored, wherever it was earned, and places the total \
             on the path as if the periods were done in order: 126 points reach period 5 \
             Roll-out (phase B), 27% of the way through."
        );
        let mut full = crate::AuditAssessment::new(framework);
        for item in &framework.items {
            full.scores.insert(item.id.clone(), 3);
        }
        let words = audit_words(&crate::scoring::score_audit(framework, &full, &options).unwrap());
        assert_eq!(words.current_period, "every period complete");
        assert!(
            words
                .figure3
                .ends_with("every period has reached 80%, so none is current.")
        );
        assert!(
            words
                .figure4
                .ends_with("all 387 points are scored, which is best practice.")
        );
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
