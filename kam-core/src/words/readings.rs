//! The readings of a report in sentences: what a calculator, a notebook, a
//! written report or a command line shows a person, each said once here.
//! The `describe` operations return them, so Python and JavaScript show the
//! very words Rust does.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{overall, pct, period, position};
use crate::litmus::{LitmusReport, LitmusResult, Verdict};
use crate::maturity::{MaturityReport, StageRef};
use crate::scoring::{AuditReport, ItemStatus};

/// One reading: a label and what it says, e.g. "Overall score" and
/// "126 of 387 points (32.6%)".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Reading {
    /// What is read, e.g. "Overall score".
    pub label: String,
    /// What it says, e.g. "126 of 387 points (32.6%)".
    pub text: String,
}

impl Reading {
    fn new(label: &str, text: impl Into<String>) -> Self {
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct AuditWords {
    /// The overall score, e.g. "126 of 387 points (32.6%)".
    pub overall: Reading,
    /// Figure 4: where the overall score lies on the development path, e.g.
    /// "period 5 Roll-out (phase B), 27% of the way through".
    pub position: Reading,
    /// Figure 3: the earliest period not yet complete, e.g. "period 4
    /// Capability building (B1)", or "every period complete".
    pub current_period: Reading,
    /// The milestone ahead: the one closing the phase of the current
    /// period, e.g. "Senior management approval, closing phase A Scoping
    /// KAM".
    pub milestone: Reading,
    /// The first item below the top of the scale, in development-path order.
    pub next_action: Reading,
    /// The items without a score and those not applicable.
    pub items: Reading,
    /// The completion threshold Figure 3 reads periods against.
    pub threshold: Reading,
    /// The overall score and the position in one line.
    pub summary: String,
}

impl AuditWords {
    /// The readings of `report`.
    ///
    /// ```
    /// let text = r#"{"framework": "cranfield-kam-development",
    ///                "framework_version": "2006.1", "scores": {"A1.1": 3, "A1.2": 2}}"#;
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
            current_period: Reading::new("Current period", current),
            milestone: Reading::new("Next milestone", milestone(report)),
            next_action: Reading::new("Next action", next_action(report)),
            items: Reading::new(
                "Items",
                format!(
                    "{} unscored, {} not applicable",
                    report.unscored, report.not_applicable
                ),
            ),
            threshold: Reading::new(
                "Complete at",
                format!(
                    "{} of a period's points",
                    pct(progress.completion_threshold)
                ),
            ),
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

/// The milestone closing the phase of the current period.
fn milestone(report: &AuditReport) -> String {
    let current = report.progress.current_period.as_deref();
    report
        .phases
        .iter()
        .find(|phase| phase.periods.iter().any(|p| Some(p.id.as_str()) == current))
        .map_or_else(
            || "every milestone reached".to_owned(),
            |phase| {
                format!(
                    "{}, closing phase {} {}",
                    phase.milestone, phase.id, phase.name
                )
            },
        )
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
        match self.score {
            Some(score) => write!(f, "{} {} (score {score})", self.id, self.text),
            None => write!(f, "{} {} (not scored)", self.id, self.text),
        }
    }
}

/// A maturity report in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
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
    /// The stage and the milestone in one line.
    pub summary: String,
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
            |mean| format!("stage {mean:.1} over {} area(s)", report.areas.len()),
        );
        let unassessed = match report.unassessed.len() {
            0 => "none: every area is assessed".to_owned(),
            n => format!("{n}: {}", report.unassessed.join(", ")),
        };
        MaturityWords {
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
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
    /// let text = r#"{"framework": "cranfield-kam-development", "framework_version": "2006.1",
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
