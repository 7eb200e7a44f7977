//! The readings of a report in sentences: what a calculator, a notebook, a
//! written report or a command line shows a person, each said once here.
//! The `describe` operations return them, so Python and JavaScript show the
//! very words Rust does.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{
    find_period, milestone_name, next_actions_intro, overall, pct, pct0, period, position,
    position_short,
};
use crate::litmus::{LitmusReport, LitmusResult, Verdict};
use crate::maturity::{MaturityReport, StageRef};
use crate::scoring::{AuditReport, ItemStatus, Position};

/// One reading: a label and what it says, e.g. "Overall score" and
/// "126 of 387 points (32.6%)".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Reading {
    /// What is read, e.g. "Overall score".
    pub label: String,
    /// What it says, e.g. "126 of 387 points (32.6%)".
    pub text: String,
}

impl Reading {
    pub(crate) fn new(label: &str, text: impl Into<String>) -> Self {
        Reading {
            label: label.to_owned(),
            text: text.into(),
        }
    }
}

impl fmt::Display for Reading {
    /// `label: text`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.label, self.text)
    }
}

/// An audit report in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct AuditWords {
    /// The overall score, e.g. "126 of 387 points (32.6%)".
    pub overall: Reading,
    /// Figure 4: where the overall score lies on the development path, e.g.
    /// "period 5 Roll-out (phase B), 27% of the way through".
    pub position: Reading,
    /// The position in a few words, e.g. "5 Roll-out (27%)", for a status
    /// line.
    pub position_short: String,
    /// Figure 3: the earliest period not yet complete, e.g. "period 4
    /// Capability building (B1)", or "every period complete".
    pub current_period: Reading,
    /// The milestone ahead: the first one after the current period or a
    /// later one, e.g. "Launch, after period 4 Capability building (B1)".
    pub milestone: Reading,
    /// The first item below the top of the scale, in development-path order.
    pub next_action: Reading,
    /// What the next actions are, e.g. "The first 10 item(s) below the top
    /// of the scale, in development-path order: earliest periods first.",
    /// or that there are none.
    pub next_actions: String,
    /// Each next action's score as a note after it, in the report's order,
    /// e.g. "(score 1)" or "(not scored)".
    pub next_action_scores: Vec<String>,
    /// The items without a score and those not applicable.
    pub items: Reading,
    /// The figures of a status line, each short: "Overall" "126 / 387",
    /// "Path" "5 Roll-out (27%)" and "Unscored" "3".
    pub status: Vec<Reading>,
    /// The completion threshold Figure 3 reads periods against.
    pub threshold: Reading,
    /// How Figure 3 is read, with this report's figures (kam's
    /// explanation): beside Figure 4 the two can seem to disagree.
    pub figure3: String,
    /// How Figure 4 is read, with this report's figures (kam's explanation).
    pub figure4: String,
    /// The overall score and the position in one line.
    pub summary: String,
}

impl AuditWords {
    /// The readings of `report`.
    ///
    /// ```
    /// let text = r#"{"framework": "cranfield-kam-development",
    ///                "framework_version": "2006.2", "scores": {"A1.1": 3, "A1.2": 2}}"#;
    /// let report = kam_core::AuditReport::from_json(&kam_core::api::score_json(text, None)?)?;
    /// let words = kam_core::words::AuditWords::of(&report);
    /// assert_eq!(words.overall.text, "5 of 387 points (1.3%)");
    /// assert_eq!(words.current_period.to_string(), "Current period: period 1 Awareness (A1)");
    /// # Ok::<(), kam_core::Error>(())
    /// ```
    pub fn of(report: &AuditReport) -> Self {
        let progress = &report.progress;
        let current = match &progress.current_period {
            Some(id) => period(report, id),
            None => "every period complete".to_owned(),
        };
        AuditWords {
            summary: format!("{}; {}", overall(report), position(report)),
            overall: Reading::new("Overall score", overall(report)),
            position: Reading::new("Position on the path", position(report)),
            position_short: position_short(report),
            current_period: Reading::new("Current period", current),
            milestone: Reading::new("Next milestone", milestone(report)),
            next_action: Reading::new("Next action", next_action(report)),
            next_actions: next_actions_intro(
                report.next_actions.len(),
                "in development-path order: earliest periods first",
            ),
            next_action_scores: report
                .next_actions
                .iter()
                .map(|item| score_note(item.score))
                .collect(),
            items: Reading::new(
                "Items",
                format!(
                    "{} unscored, {} not applicable",
                    report.unscored, report.not_applicable
                ),
            ),
            status: vec![
                Reading::new(
                    "Overall",
                    format!("{} / {}", report.overall.score, report.overall.max),
                ),
                Reading::new("Path", position_short(report)),
                Reading::new("Unscored", report.unscored.to_string()),
            ],
            threshold: Reading::new(
                "Complete at",
                format!(
                    "{} of a period's points",
                    pct(progress.completion_threshold)
                ),
            ),
            figure3: figure3_reading(report),
            figure4: figure4_reading(report),
        }
    }

    /// The readings in the order a report shows them.
    pub fn readings(&self) -> [&Reading; 7] {
        [
            &self.overall,
            &self.position,
            &self.current_period,
            &self.milestone,
            &self.next_action,
            &self.items,
            &self.threshold,
        ]
    }
}

/// The milestone ahead: the first after the current period (Figure 3) or
/// a later one.
fn milestone(report: &AuditReport) -> String {
    let Some(current) = report
        .progress
        .current_period
        .as_deref()
        .and_then(|id| find_period(report, id))
    else {
        return "every milestone reached".to_owned();
    };
    report
        .milestones
        .iter()
        .find(|m| m.number >= current.number)
        .map_or_else(
            || "no milestone ahead".to_owned(),
            |m| format!("{}, after {}", milestone_name(m), period(report, &m.after)),
        )
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

/// The first next action, or that there is none.
fn next_action(report: &AuditReport) -> String {
    report.next_actions.first().map_or_else(
        || "none: every item is at the top of the scale".to_owned(),
        |item| format!("{item} in {}", period(report, &item.period)),
    )
}

impl fmt::Display for ItemStatus {
    /// The item, its action and its score, e.g. "A1.3 Identify the key
    /// accounts (score 1)" or "… (not scored)".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.id, self.text, score_note(self.score))
    }
}

/// An item's score as a note after it: "(score 1)", or "(not scored)".
pub(crate) fn score_note(score: Option<u8>) -> String {
    match score {
        Some(score) => format!("(score {score})"),
        None => "(not scored)".to_owned(),
    }
}

/// A maturity report in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct MaturityWords {
    /// The programme's stage: its weakest link, and the areas at it.
    pub stage: Reading,
    /// The mean stage of the assessed areas.
    pub mean: Reading,
    /// The milestone to level up from the weakest link.
    pub milestone: Reading,
    /// The areas not assessed.
    pub unassessed: Reading,
    /// One line per assessed area, in model order, e.g. "Account plans:
    /// stage 3 Repeatable".
    pub areas: Vec<Reading>,
    /// Every area of the report by id, for a label beside the area: the
    /// assessed ones in model order, then those not assessed.
    pub area_stages: Vec<AreaWords>,
    /// The figures of a status line, each short, e.g. "Weakest link" and
    /// "stage 2".
    pub status: Vec<Reading>,
    /// The stage and the milestone in one line.
    pub summary: String,
}

/// One programme area's stage in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct AreaWords {
    /// Programme area id.
    pub id: String,
    /// Its stage, e.g. "stage 3 Repeatable", or "not assessed".
    pub stage: String,
    /// The next stage and what it looks like, e.g. "next, stage 4
    /// Predictable — Reviewed every quarter"; `null` at the top stage or when
    /// not assessed.
    pub next: Option<String>,
}

impl fmt::Display for StageRef {
    /// A stage by number and name, e.g. "stage 2 Awareness".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "stage {} {}", self.stage, self.name)
    }
}

impl MaturityWords {
    /// The readings of `report`.
    ///
    /// ```
    /// let model = kam_core::framework::builtin_maturity("kam-maturity-model")?;
    /// let mut assessment = kam_core::MaturityAssessment::new(model);
    /// assessment.stages.insert("process".into(), 3);
    /// assessment.stages.insert("training".into(), 2);
    /// let report = kam_core::api::score_maturity(&assessment, &Default::default())?;
    /// let words = kam_core::words::MaturityWords::of(&report);
    /// assert_eq!(words.stage.text, "stage 2 Awareness, the weakest link (Training)");
    /// # Ok::<(), kam_core::Error>(())
    /// ```
    pub fn of(report: &MaturityReport) -> Self {
        let name = |id: &String| {
            report
                .areas
                .iter()
                .find(|a| &a.id == id)
                .map_or(id.as_str(), |a| a.name.as_str())
                .to_owned()
        };
        let (stage, milestone) = match &report.weakest_link {
            Some(weakest) => {
                let areas: Vec<String> = report.weakest_areas.iter().map(name).collect();
                let milestone = if report.areas.iter().all(|a| a.next.is_none()) {
                    "every assessed area is at the top stage".to_owned()
                } else {
                    format!("from {weakest}: {}", weakest.milestone)
                };
                (
                    format!("{weakest}, the weakest link ({})", areas.join(", ")),
                    milestone,
                )
            }
            None => (
                "nothing assessed yet".to_owned(),
                "nothing assessed yet".to_owned(),
            ),
        };
        let mean = report.mean_stage.map_or_else(
            || "nothing assessed yet".to_owned(),
            |mean| {
                format!(
                    "stage {mean:.1} over {} of {} areas",
                    report.areas.len(),
                    report.areas.len() + report.unassessed.len()
                )
            },
        );
        let unassessed = match report.unassessed.len() {
            0 => "none: every area is assessed".to_owned(),
            n => format!("{n}: {}", report.unassessed.join(", ")),
        };
        let mut area_stages: Vec<AreaWords> = report
            .areas
            .iter()
            .map(|a| AreaWords {
                id: a.id.clone(),
                stage: a.stage.to_string(),
                next: a
                    .next
                    .as_ref()
                    .map(|n| format!("next, stage {} {} — {}", n.stage, n.name, n.descriptor)),
            })
            .collect();
        area_stages.extend(report.unassessed.iter().map(|id| AreaWords {
            id: id.clone(),
            stage: "not assessed".to_owned(),
            next: None,
        }));
        let status = vec![
            Reading::new(
                "Mean stage",
                report
                    .mean_stage
                    .map_or_else(|| "–".to_owned(), |mean| format!("{mean:.1}")),
            ),
            Reading::new(
                "Weakest link",
                report.weakest_link.as_ref().map_or_else(
                    || "none assessed".to_owned(),
                    |w| format!("stage {}", w.stage),
                ),
            ),
            Reading::new("Not assessed", report.unassessed.len().to_string()),
        ];
        MaturityWords {
            area_stages,
            status,
            summary: format!("{stage}; to level up {milestone}"),
            stage: Reading::new("Programme stage", stage),
            mean: Reading::new("Mean stage", mean),
            milestone: Reading::new("To level up", milestone),
            unassessed: Reading::new("Areas not assessed", unassessed),
            areas: report
                .areas
                .iter()
                .map(|a| Reading::new(&a.name, a.stage.to_string()))
                .collect(),
        }
    }
}

/// A litmus report in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct LitmusWords {
    /// One verdict per response, in input order: the test (and respondent)
    /// and its verdict, e.g. "Litmus test for the organisation" and "pass:
    /// 4 of 5 yes, pass mark 4".
    pub results: Vec<Reading>,
    /// How many responses pass, fail, or have no pass mark.
    pub summary: String,
}

impl fmt::Display for Verdict {
    /// `pass`, `fail` or `no pass mark`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Verdict::Pass => "pass",
            Verdict::Fail => "fail",
            Verdict::NoPassMark => "no pass mark",
        })
    }
}

impl fmt::Display for LitmusResult {
    /// The verdict and the count behind it, e.g. "pass: 4 of 5 yes, pass
    /// mark 4", or "no pass mark: 4 of 6 yes" (averaged over the answer
    /// sets of a repeated test).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let yes = if self.yes.fract() == 0.0 {
            format!("{:.0}", self.yes)
        } else {
            format!("{:.1}", self.yes)
        };
        write!(f, "{}: {yes} of {} yes", self.verdict, self.questions)?;
        if self.answer_sets > 1 {
            write!(f, " on average over {} answer sets", self.answer_sets)?;
        }
        if let Some(mark) = self.pass_mark {
            write!(f, ", pass mark {mark}")?;
        }
        Ok(())
    }
}

impl LitmusWords {
    /// The readings of `report`.
    ///
    /// ```
    /// let text = r#"{"framework": "cranfield-kam-development", "framework_version": "2006.2",
    ///     "responses": [{"test": "organisation", "answer_sets": [{"answers": {
    ///         "organisation-1": true, "organisation-2": true, "organisation-3": true,
    ///         "organisation-4": true, "organisation-5": false}}]}]}"#;
    /// let report = kam_core::api::score_litmus(&kam_core::LitmusAnswers::from_json(text)?)?;
    /// let words = kam_core::words::LitmusWords::of(&report);
    /// assert_eq!(words.results[0].text, "pass: 4 of 5 yes, pass mark 4");
    /// # Ok::<(), kam_core::Error>(())
    /// ```
    pub fn of(report: &LitmusReport) -> Self {
        let count = |verdict: Verdict| {
            report
                .results
                .iter()
                .filter(|r| r.verdict == verdict)
                .count()
        };
        LitmusWords {
            results: report
                .results
                .iter()
                .map(|r| {
                    let label = match &r.respondent {
                        Some(who) => format!("{} ({who})", r.name),
                        None => r.name.clone(),
                    };
                    Reading::new(&label, r.to_string())
                })
                .collect(),
            summary: format!(
                "{} pass, {} fail, {} without a pass mark",
                count(Verdict::Pass),
                count(Verdict::Fail),
                count(Verdict::NoPassMark)
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_two_readings_are_explained_with_their_figures() {
        let framework = crate::framework::builtin_audit("cranfield-kam-development").unwrap();
        let northwind = crate::AuditAssessment::from_json(include_str!(
            "../../examples/data/northwind-audit.json"
        ))
        .unwrap();
        let options = crate::ScoreOptions::default();
        let report = crate::scoring::score_audit(framework, &northwind, &options).unwrap();
        let words = AuditWords::of(&report);
        assert_eq!(words.overall.text, "126 of 387 points (32.6%)");
        assert_eq!(words.position_short, "5 Roll-out (27%)");
        assert_eq!(
            words.milestone.text,
            "Launch, after period 4 Capability building (B1)"
        );
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
        let words =
            AuditWords::of(&crate::scoring::score_audit(framework, &full, &options).unwrap());
        assert_eq!(words.current_period.text, "every period complete");
        assert_eq!(words.milestone.text, "every milestone reached");
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
}
