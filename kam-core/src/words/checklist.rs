//! A checklist report in words: what `<kam-checklist>`, the checklist
//! report and a notebook show a person, said once.

use serde::{Deserialize, Serialize};

use super::{Reading, num, whose};
use crate::checklist::{BalanceReading, ChecklistReport, SectionRef, StageReading};
use crate::framework::Provenance;

/// A checklist report in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ChecklistWords {
    /// The overall score, e.g. "12 of 40 points (30.0%)".
    pub overall: Reading,
    /// The stage reached and the next, e.g. "2 Deliver (85.0%); next: 3
    /// Grow (40.0%)"; `null` when the checklist has no stage rule.
    pub stage: Option<Reading>,
    /// The stage rule, quoted from the framework (the label says when it is
    /// kam's); `null` without a stage rule.
    pub stage_rule: Option<Reading>,
    /// Whether completion is balanced, the spread and the least complete;
    /// `null` when the checklist has no balance rule.
    pub balance: Option<Reading>,
    /// The balance indicator, quoted from the framework (the label says
    /// when it is kam's); `null` without a balance rule.
    pub balance_rule: Option<Reading>,
    /// The items without a score and those not applicable.
    pub items: Reading,
    /// What the next actions are, e.g. "The first 3 item(s) below the top of
    /// the scale, in checklist order.", or that there are none.
    pub next_actions: String,
    /// Each next action's score as a note after it, in the report's order,
    /// e.g. "(score 1)" or "(not scored)".
    pub next_action_scores: Vec<String>,
    /// The figures of a status line, each short, e.g. "Stage" and "2
    /// Deliver".
    pub status: Vec<Reading>,
    /// The overall score and the stage reached in one sentence.
    pub summary: String,
    /// The mark after a section, grouping or item whose words are kam's
    /// rather than the source's: " (kam's)".
    pub kams_mark: String,
    /// What the list of `report.conventions` is called: "kam's conventions".
    pub conventions: String,
}

impl ChecklistWords {
    /// The readings of `report`.
    ///
    /// ```
    /// let framework = kam_core::api::framework("kam-development-model")?.as_checklist()?;
    /// let assessment = kam_core::AuditAssessment::for_checklist(framework);
    /// let report = kam_core::api::score_checklist(&assessment, &Default::default())?;
    /// let words = kam_core::words::ChecklistWords::of(&report);
    /// assert_eq!(words.items.label, "Items");
    /// assert!(words.overall.text.starts_with("0 of "));
    /// # Ok::<(), kam_core::Error>(())
    /// ```
    pub fn of(report: &ChecklistReport) -> Self {
        let stage = report.stage.as_ref();
        let balance = report.balance.as_ref();
        let mut status = vec![Reading::new(
            "Overall",
            format!("{} / {}", report.overall.score, report.overall.max),
        )];
        if let Some(stage) = stage {
            let reached = stage.reached.as_ref().map_or_else(
                || "none yet".to_owned(),
                |s| format!("{} {}", s.number, s.name),
            );
            status.push(Reading::new("Stage", reached));
        }
        if let Some(balance) = balance {
            status.push(Reading::new("Balance", balanced(balance)));
        }
        status.push(Reading::new("Unscored", report.unscored.to_string()));
        let summary = match stage {
            Some(stage) => format!(
                "Overall score {}; stage reached: {}.",
                report.overall,
                stage
                    .reached
                    .as_ref()
                    .map_or_else(|| "none yet".to_owned(), section)
            ),
            None => format!("Overall score {}.", report.overall),
        };
        ChecklistWords {
            overall: Reading::new("Overall score", report.overall.to_string()),
            stage: stage.map(|s| Reading::new("Stage reached", stage_words(s))),
            stage_rule: stage.map(|s| {
                Reading::new(
                    &format!("Stage rule{}", whose(s.provenance)),
                    s.rule.clone(),
                )
            }),
            balance: balance.map(|b| Reading::new("Balance", balance_words(report, b))),
            balance_rule: balance.map(|b| {
                Reading::new(
                    &format!("Balance indicator{}", whose(b.provenance)),
                    b.rule.clone(),
                )
            }),
            items: Reading::new(
                "Items",
                format!(
                    "{} unscored, {} not applicable",
                    report.unscored, report.not_applicable
                ),
            ),
            next_actions: super::next_actions_intro(
                report.next_actions.len(),
                "in checklist order",
            ),
            next_action_scores: report
                .next_actions
                .iter()
                .map(|action| super::readings::score_note(action.score))
                .collect(),
            status,
            summary,
            kams_mark: whose(Provenance::Kam).to_owned(),
            conventions: "kam's conventions".to_owned(),
        }
    }

    /// The readings in the order a report shows them.
    pub fn readings(&self) -> Vec<&Reading> {
        [
            Some(&self.overall),
            self.stage.as_ref(),
            self.balance.as_ref(),
            Some(&self.items),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

/// A section with its completion, e.g. `2 Deliver (85.0%)`.
fn section(s: &SectionRef) -> String {
    format!("{} {} ({})", s.number, s.name, super::pct(s.percent))
}

fn balanced(balance: &BalanceReading) -> &'static str {
    if balance.balanced {
        "balanced"
    } else {
        "not balanced"
    }
}

/// The stage reached and the next, e.g. `2 Deliver (85.0%); next: 3 Grow (40.0%)`.
fn stage_words(stage: &StageReading) -> String {
    let reached = stage
        .reached
        .as_ref()
        .map_or_else(|| "none yet".to_owned(), section);
    match &stage.next {
        Some(next) => format!("{reached}; next: {}", section(next)),
        None => format!("{reached}; every stage reached"),
    }
}

/// Whether completion is balanced, the spread and the least complete by name.
fn balance_words(report: &ChecklistReport, balance: &BalanceReading) -> String {
    let name = |id: &String| -> String {
        report
            .sections
            .iter()
            .map(|s| (&s.id, &s.name))
            .chain(
                report
                    .groupings
                    .iter()
                    .flat_map(|g| g.groups.iter().map(|x| (&x.id, &x.name))),
            )
            .find(|(sid, _)| *sid == id)
            .map_or_else(|| id.clone(), |(_, n)| n.clone())
    };
    let lowest: Vec<String> = balance.lowest.iter().map(name).collect();
    format!(
        "{}: a spread of {} points between the most and the least complete (at most {} counts \
         as balanced); least complete: {}",
        balanced(balance),
        num(balance.spread),
        num(balance.tolerance),
        if lowest.is_empty() {
            "none".to_owned()
        } else {
            lowest.join(", ")
        }
    )
}
