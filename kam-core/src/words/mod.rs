//! Words: every sentence a person reads about a report, said once. The
//! readings of a report ([`AuditWords`], [`MaturityWords`], [`LitmusWords`],
//! and `Display` for a [`Position`], a [`Total`], a stage, a verdict), the
//! one way kam writes numbers, and text made safe for markup. The charts,
//! the Markdown and HTML renderers, the example, and through the `describe`
//! operations the Python notebook view and the JavaScript calculators all
//! take their words from here, so all of them say the same thing.

mod checklist;
mod readings;

use std::fmt;

pub use checklist::ChecklistWords;
pub use readings::{AreaWords, AuditWords, LitmusWords, MaturityWords, Reading};

use crate::assessment::Context;
use crate::framework::Provenance;
use crate::scoring::{AuditReport, MilestoneMark, PeriodScore, Position, Total};

/// A percentage with one decimal, e.g. `32.6%`.
pub(crate) fn pct(value: f64) -> String {
    format!("{:.1}%", finite(value))
}

/// A percentage rounded to a whole number, e.g. `33%`, for chart labels.
pub(crate) fn pct0(value: f64) -> String {
    format!("{:.0}%", finite(value))
}

/// Formats a number with at most two decimals and no trailing zeros, so the
/// same chart is always the same bytes; non-finite values become 0 and `-0`
/// becomes `0`.
pub(crate) fn num(value: f64) -> String {
    if !value.is_finite() {
        return "0".to_owned();
    }
    let mut text = format!("{value:.2}");
    while text.ends_with('0') {
        text.pop();
    }
    if text.ends_with('.') {
        text.pop();
    }
    if text == "-0" {
        "0".clone_into(&mut text);
    }
    text
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

/// The period with this id in `report`.
fn find_period<'a>(report: &'a AuditReport, id: &str) -> Option<&'a PeriodScore> {
    report
        .phases
        .iter()
        .flat_map(|p| &p.periods)
        .find(|p| p.id == id)
}

/// A period by id with its number and name, e.g. `period 5 Roll-out (B2)`;
/// the bare id when the report does not list it.
pub(crate) fn period(report: &AuditReport, id: &str) -> String {
    find_period(report, id).map_or_else(
        || format!("period {id}"),
        |p| format!("period {} {} ({})", p.number, p.name, p.id),
    )
}

/// A period as `number name`, e.g. `5 Roll-out`, or its id when unknown.
pub(crate) fn period_name(report: &AuditReport, id: &str) -> String {
    find_period(report, id).map_or_else(|| id.to_owned(), |p| format!("{} {}", p.number, p.name))
}

/// Figure 4 in words: where the overall score lies on the path, e.g.
/// `period 5 Roll-out (phase B), 27% of the way through`.
pub(crate) fn position(report: &AuditReport) -> String {
    report.position.to_string()
}

impl fmt::Display for Position {
    /// Where the overall score lies on the development path (Figure 4), e.g.
    /// `period 5 Roll-out (phase B), 27% of the way through`, or
    /// `the end of the path: every point scored`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Position::Period {
                number,
                name,
                phase,
                fraction,
                ..
            } => write!(
                f,
                "period {number} {name} (phase {phase}), {} of the way through",
                pct0(fraction * 100.0)
            ),
            Position::BestPractice { .. } => f.write_str("the end of the path: every point scored"),
        }
    }
}

impl fmt::Display for Total {
    /// A score out of its maximum, e.g. `126 of 387 points (32.6%)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} of {} points ({})",
            self.score,
            self.max,
            pct(self.percent)
        )
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
    report.overall.to_string()
}

/// ` (kam's)` after words that are kam's, nothing after the source's.
pub(crate) fn whose(provenance: Provenance) -> &'static str {
    match provenance {
        Provenance::Source => "",
        Provenance::Kam => " (kam's)",
    }
}

/// That no item is left below the top of the scale.
pub(crate) const NO_NEXT_ACTION: &str = "None: every item is at the top of the scale.";

/// What a list of next actions is, e.g. `The first 3 item(s) below the top
/// of the scale, in checklist order.`, or that there are none.
pub(crate) fn next_actions_intro(count: usize, order: &str) -> String {
    if count == 0 {
        NO_NEXT_ACTION.to_owned()
    } else {
        format!("The first {count} item(s) below the top of the scale, {order}.")
    }
}

/// A milestone as a table row or chart label says it, e.g.
/// `◆ Milestone: Launch`, marked when it is kam's rather than the source's.
pub(crate) fn milestone(milestone: &MilestoneMark) -> String {
    format!("◆ Milestone: {}", milestone_name(milestone))
}

/// A milestone's name, with `(kam's)` after it when kam placed it rather
/// than the source.
pub(crate) fn milestone_name(milestone: &MilestoneMark) -> String {
    match milestone.provenance {
        Provenance::Source => milestone.name.to_string(),
        Provenance::Kam => format!("{} (kam's)", milestone.name),
    }
}

/// The name of a contributory stream by id, or the id itself.
pub(crate) fn stream(report: &AuditReport, id: &str) -> String {
    report
        .streams
        .iter()
        .flat_map(|s| &s.contributory)
        .find(|c| c.id == id)
        .map_or_else(|| id.to_owned(), |c| c.name.to_string())
}

/// An item's score for a table: the number, or `–` when unscored.
pub(crate) fn score(score: Option<u8>) -> String {
    score.map_or_else(|| "–".to_owned(), |s| s.to_string())
}

/// `+5`, `-3` or `0`.
pub(crate) fn signed(value: i64) -> String {
    if value > 0 {
        format!("+{value}")
    } else {
        value.to_string()
    }
}

/// Appends `text` escaped for XML and HTML text and attribute values.
///
/// Characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF) become
/// U+FFFD: an organisation name pasted with a stray control character must
/// not make the whole document unreadable.
pub(crate) fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

/// `text` escaped for XML and HTML.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
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
    fn escaping_covers_markup_and_controls() {
        assert_eq!(escape("<script>&\"'"), "&lt;script&gt;&amp;&quot;&#39;");
        assert_eq!(escape("a\u{1}b\u{FFFF}"), "a\u{FFFD}b\u{FFFD}");
        assert_eq!(escape("Zürich 東京"), "Zürich 東京");
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
