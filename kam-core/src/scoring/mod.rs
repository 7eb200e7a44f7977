//! Scoring an action audit: totals by period, phase and stream, the Figure 4
//! position, the Figure 3 reading and the next actions.
//!
//! Scoring is a pure function of a validated framework, an assessment and
//! options; it never panics, even on a framework that was built by hand and
//! never validated (unknown references simply count nowhere).

mod layout;
mod options;
mod position;
mod progress;
mod report;

pub use options::{
    DEFAULT_COMPLETION_THRESHOLD, DEFAULT_NEXT_ACTIONS, MAX_NEXT_ACTIONS, ScoreOptions,
};
pub(crate) use options::{default_next_actions, validate_next_actions};
pub(crate) use progress::locate;
pub use report::{
    AuditReport, ContributoryScore, Convention, FrameworkRef, ItemStatus, MilestoneMark,
    PeriodScore, PhaseScore, Position, Progress, StreamScore, Total,
};

use crate::assessment::AuditAssessment;
use crate::error::{AssessmentError, Error};
use crate::framework::{AuditFramework, Item, PathStep};
use layout::{Layout, Names, Order};

/// Scores `assessment` against `framework`.
///
/// # Errors
/// [`Error::Options`] for options out of range; [`Error::Assessment`] when the
/// assessment names another framework or version, an unknown item, a score off
/// the scale, a forbidden "not applicable", or (strict mode) an unscored item.
pub fn score_audit(
    framework: &AuditFramework,
    assessment: &AuditAssessment,
    options: &ScoreOptions,
) -> Result<AuditReport, Error> {
    options.validate()?;
    with_layout(framework, |layout| {
        assessment.validate_against(&layout.order.answers)?;
        report(layout, assessment, options)
    })
}

/// Runs `f` with the layout of `framework`: a bundled framework's, worked
/// out once, or one worked out now.
fn with_layout<T>(framework: &AuditFramework, f: impl FnOnce(&Layout<'_>) -> T) -> T {
    match Layout::bundled(framework) {
        Some(layout) => f(layout),
        None => f(&Layout::new(framework)),
    }
}

/// [`score_audit`] of an assessment already found valid against
/// `framework`, with options already checked: merged audits are built from
/// valid ones, and a programme checks thousands of audits once.
///
/// # Errors
/// In strict mode, [`AssessmentError::Incomplete`] for an unscored item.
pub(crate) fn score_checked(
    framework: &AuditFramework,
    assessment: &AuditAssessment,
    options: &ScoreOptions,
) -> Result<AuditReport, Error> {
    with_layout(framework, |layout| report(layout, assessment, options))
}

/// The report of an assessment already found valid against the layout's
/// framework, with options already checked.
fn report(
    layout: &Layout<'_>,
    assessment: &AuditAssessment,
    options: &ScoreOptions,
) -> Result<AuditReport, Error> {
    let framework = layout.order.framework;
    let names = &layout.names;
    check_complete(framework, assessment, options)?;
    let sheet = ScoreSheet::of(&layout.order, assessment);
    let periods = sheet.period_totals();
    let phases = phase_scores(&sheet, names, &periods, options.completion_threshold);
    let overall = total(periods.iter().map(|t| (t.score, t.max)));
    Ok(AuditReport {
        framework: FrameworkRef {
            id: framework.id.clone(),
            version: framework.version.clone(),
            name: framework.name.clone(),
        },
        context: assessment.context.clone(),
        overall,
        unscored: count(sheet.lines.iter().filter(|l| l.unscored())),
        not_applicable: count(sheet.lines.iter().filter(|l| l.not_applicable)),
        streams: stream_scores(&sheet, names),
        position: progress::position(&sheet.path, &periods, Some(names)),
        progress: progress::progress(&sheet, names, &periods, options.completion_threshold),
        next_actions: progress::next_actions(&sheet, names, options.next_actions),
        milestones: milestones(names, &periods),
        conventions: conventions(options.completion_threshold),
        phases,
    })
}

/// The framework's milestones at the cumulative maximum of the period each
/// follows, in path order.
fn milestones(names: &Names, periods: &[Tally]) -> Vec<MilestoneMark> {
    let cumulative: Vec<u32> = periods
        .iter()
        .scan(0u32, |at, tally| {
            *at = at.saturating_add(tally.max);
            Some(*at)
        })
        .collect();
    names
        .milestones
        .iter()
        .map(|(step, mark)| MilestoneMark {
            at: cumulative.get(*step).copied().unwrap_or(0),
            ..mark.clone()
        })
        .collect()
}

/// A threshold as written, e.g. `80%` or `72.5%`.
fn threshold_text(threshold: f64) -> String {
    if threshold.fract() == 0.0 {
        format!("{threshold:.0}%")
    } else {
        format!("{threshold}%")
    }
}

/// kam's conventions behind the Figure 3 and Figure 4 readings, in words.
/// The Cranfield paper gives the two figures' captions only.
fn conventions(threshold: f64) -> Vec<Convention> {
    [
        (
            "development-path",
            "the development path is the cumulative maximum score at the end of each \
             period, and the overall score lies in the period whose span of that path holds it"
                .to_owned(),
        ),
        (
            "completion-threshold",
            format!(
                "a period counts as complete at {} of its maximum",
                threshold_text(threshold)
            ),
        ),
        (
            "current-period",
            "the current period is the earliest one not complete; missing, lagging and \
             ahead items are read against it"
                .to_owned(),
        ),
    ]
    .into_iter()
    .map(|(id, text)| Convention {
        id: id.to_owned(),
        text,
    })
    .collect()
}

/// In strict mode, refuses an assessment with unscored items.
fn check_complete(
    framework: &AuditFramework,
    assessment: &AuditAssessment,
    options: &ScoreOptions,
) -> Result<(), AssessmentError> {
    if options.strict
        && let Some(first) = assessment.unscored(framework).first()
    {
        return Err(AssessmentError::Incomplete {
            count: assessment.unscored(framework).len(),
            first: (*first).to_owned(),
            path: "/scores".to_owned(),
        });
    }
    Ok(())
}

/// The figures of an audit without the lists of a report: what a programme
/// keeps of each round.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Figures {
    pub(crate) overall: Total,
    /// Per phase, in framework order.
    pub(crate) phases: Vec<Total>,
    /// Per period, in path order.
    pub(crate) periods: Vec<Total>,
    pub(crate) position: Position,
    pub(crate) current_period: Option<String>,
}

/// The [`Figures`] of an assessment already found valid, with options
/// already checked: the numbers [`score_audit`] gives, by the same rules,
/// without building the report's lists of items.
///
/// # Errors
/// In strict mode, [`AssessmentError::Incomplete`] for an unscored item.
pub(crate) fn figures(
    framework: &AuditFramework,
    assessment: &AuditAssessment,
    options: &ScoreOptions,
) -> Result<Figures, Error> {
    check_complete(framework, assessment, options)?;
    match Layout::bundled(framework) {
        Some(layout) => Ok(sheet_figures(
            &ScoreSheet::of(&layout.order, assessment),
            Some(&layout.names),
            options,
        )),
        None => Ok(sheet_figures(
            &ScoreSheet::of(&Order::new(framework), assessment),
            None,
            options,
        )),
    }
}

/// The [`Figures`] of a score sheet; `names` when the framework's are at
/// hand (see [`progress::position`]).
fn sheet_figures(sheet: &ScoreSheet, names: Option<&Names>, options: &ScoreOptions) -> Figures {
    let framework = sheet.framework;
    let periods = sheet.period_totals();
    let phases = (0..framework.phases.len())
        .map(|phase| {
            total(
                sheet
                    .path
                    .iter()
                    .zip(&periods)
                    .filter(|(step, _)| step.phase_index == phase)
                    .map(|(_, t)| (t.score, t.max)),
            )
        })
        .collect();
    let threshold = options.completion_threshold;
    Figures {
        overall: total(periods.iter().map(|t| (t.score, t.max))),
        phases,
        position: progress::position(&sheet.path, &periods, names),
        current_period: periods
            .iter()
            .position(|t| !is_complete(t, threshold))
            .and_then(|i| sheet.path.get(i))
            .map(|s| s.period.id.clone()),
        periods: periods
            .iter()
            .map(|t| total(std::iter::once((t.score, t.max))))
            .collect(),
    }
}

/// One item's line on the score sheet.
#[derive(Debug, Clone)]
pub(crate) struct Line<'a> {
    pub(crate) item: &'a Item,
    /// Index of the item's period on the path.
    pub(crate) step: usize,
    /// Index of the item in development-path order (see [`Order::items`]).
    pub(crate) place: usize,
    /// Index of its contributory stream (see [`layout::Placed::slot`]).
    pub(crate) slot: Option<usize>,
    pub(crate) answer: Option<u8>,
    pub(crate) not_applicable: bool,
    /// Points scored: answer × weight.
    pub(crate) points: u32,
    /// Points possible: weight × scale maximum, or 0 when not applicable.
    pub(crate) max: u32,
}

impl Line<'_> {
    fn unscored(&self) -> bool {
        self.answer.is_none() && !self.not_applicable
    }

    /// The item's status, its names shared with the framework's `names`.
    pub(crate) fn status(&self, names: &Names) -> Option<ItemStatus> {
        let mut status = names.items.get(self.place)?.clone();
        status.score = self.answer;
        Some(status)
    }
}

/// The assessment laid out item by item in development-path order.
pub(crate) struct ScoreSheet<'a> {
    pub(crate) framework: &'a AuditFramework,
    pub(crate) path: Vec<PathStep<'a>>,
    pub(crate) lines: Vec<Line<'a>>,
}

impl<'a> ScoreSheet<'a> {
    /// The score sheet of `assessment` against `framework`.
    pub(crate) fn new(framework: &'a AuditFramework, assessment: &AuditAssessment) -> Self {
        Self::of(&Order::new(framework), assessment)
    }

    /// The score sheet of `assessment` against the framework `order` lays
    /// out: one walk of the assessment's sorted ids, no lookups.
    pub(crate) fn of(order: &Order<'a>, assessment: &AuditAssessment) -> Self {
        let framework = order.framework;
        let ids = &order.answers.items;
        let answers = ids.in_path_order(&assessment.scores);
        let mut marked = vec![false; order.items.len()];
        for place in ids.places(assessment.not_applicable.iter().map(String::as_str)) {
            if let Some(mark) = marked.get_mut(place) {
                *mark = true;
            }
        }
        let lines = order
            .items
            .iter()
            .zip(answers)
            .zip(marked)
            .enumerate()
            .map(|(place, ((placed, answer), not_applicable))| Line {
                item: placed.item,
                step: placed.step,
                place,
                slot: placed.slot,
                answer,
                not_applicable,
                points: u32::from(answer.unwrap_or(0)) * placed.item.weight,
                max: if not_applicable {
                    0
                } else {
                    framework.item_max(placed.item)
                },
            })
            .collect();
        ScoreSheet {
            framework,
            path: order.path.clone(),
            lines,
        }
    }

    /// Score, maximum and unscored count of every period, in path order.
    pub(crate) fn period_totals(&self) -> Vec<Tally> {
        let mut totals = vec![Tally::default(); self.path.len()];
        for line in &self.lines {
            if let Some(t) = totals.get_mut(line.step) {
                t.add(line);
            }
        }
        totals
    }

    fn is_top(&self, line: &Line) -> bool {
        line.answer == Some(self.framework.scale.max)
    }
}

/// Running totals for one group of items.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Tally {
    pub(crate) score: u32,
    pub(crate) max: u32,
    pub(crate) unscored: u32,
}

impl Tally {
    fn add(&mut self, line: &Line) {
        self.score += line.points;
        self.max += line.max;
        self.unscored += u32::from(line.unscored());
    }
}

/// `score / max × 100`, or 0 when nothing can be scored.
pub(crate) fn percent(score: u32, max: u32) -> f64 {
    if max == 0 {
        0.0
    } else {
        f64::from(score) * 100.0 / f64::from(max)
    }
}

/// The sum of (score, maximum) pairs, with its percentage.
pub(crate) fn total(parts: impl Iterator<Item = (u32, u32)>) -> Total {
    let (score, max) = parts.fold((0, 0), |(s, m), (ps, pm)| (s + ps, m + pm));
    Total {
        score,
        max,
        percent: percent(score, max),
    }
}

fn count<T>(it: impl Iterator<Item = T>) -> u32 {
    u32::try_from(it.count()).unwrap_or(u32::MAX)
}

/// Whether a period counts as complete: it reaches the threshold, or it has
/// nothing left to score because every item is not applicable.
pub(crate) fn is_complete(tally: &Tally, threshold: f64) -> bool {
    tally.max == 0 || percent(tally.score, tally.max) >= threshold
}

fn phase_scores(
    sheet: &ScoreSheet,
    names: &Names,
    periods: &[Tally],
    threshold: f64,
) -> Vec<PhaseScore> {
    names
        .phases
        .iter()
        .enumerate()
        .map(|(phase_index, (id, name))| {
            let steps = sheet
                .path
                .iter()
                .zip(periods)
                .zip(&names.periods)
                .filter(|((step, _), _)| step.phase_index == phase_index);
            let period_scores: Vec<PeriodScore> = steps
                .map(|((step, tally), (id, name))| PeriodScore {
                    id: id.clone(),
                    number: step.period.number,
                    name: name.clone(),
                    score: tally.score,
                    max: tally.max,
                    percent: percent(tally.score, tally.max),
                    unscored: tally.unscored,
                    complete: is_complete(tally, threshold),
                })
                .collect();
            let sum = total(period_scores.iter().map(|p| (p.score, p.max)));
            PhaseScore {
                id: id.clone(),
                name: name.clone(),
                score: sum.score,
                max: sum.max,
                percent: sum.percent,
                periods: period_scores,
            }
        })
        .collect()
}

fn stream_scores(sheet: &ScoreSheet, names: &Names) -> Vec<StreamScore> {
    let mut tallies = vec![Tally::default(); names.contributory.len()];
    for line in &sheet.lines {
        if let Some(tally) = line.slot.and_then(|slot| tallies.get_mut(slot)) {
            tally.add(line);
        }
    }
    names
        .streams
        .iter()
        .map(|(id, name, slots)| {
            let contributory: Vec<ContributoryScore> = names
                .contributory
                .get(slots.clone())
                .unwrap_or_default()
                .iter()
                .zip(tallies.get(slots.clone()).unwrap_or_default())
                .map(|((id, name), t)| ContributoryScore {
                    id: id.clone(),
                    name: name.clone(),
                    score: t.score,
                    max: t.max,
                    percent: percent(t.score, t.max),
                })
                .collect();
            let sum = total(contributory.iter().map(|c| (c.score, c.max)));
            StreamScore {
                id: id.clone(),
                name: name.clone(),
                score: sum.score,
                max: sum.max,
                percent: sum.percent,
                contributory,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
