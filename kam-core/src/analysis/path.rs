#![doc = include_str!("../../docs/analyses/shortest-path.md")]

use serde::{Deserialize, Serialize};

use super::check_range;
use crate::assessment::AuditAssessment;
use crate::error::{AnalysisError, Error};
use crate::framework::{AuditFramework, Framework, MaturityModel};
use crate::maturity::{self, MaturityAssessment, MaturityOptions, StageRef};
use crate::scoring::{self, ScoreOptions, percent};

/// What to plan a path for: an action audit towards a target, or a maturity
/// assessment towards its next overall stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "kebab-case", deny_unknown_fields)]
#[non_exhaustive]
pub enum PathInput {
    /// An action audit and the target to reach.
    Audit {
        /// The audit as it stands.
        assessment: AuditAssessment,
        /// Where to get to.
        target: AuditTarget,
    },
    /// A maturity assessment; the target is the next overall stage.
    Maturity {
        /// The assessment as it stands.
        assessment: MaturityAssessment,
    },
}

/// The target of an audit path.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "kebab-case", deny_unknown_fields)]
#[non_exhaustive]
pub enum AuditTarget {
    /// Complete the current period (Figure 3): bring it to the completion
    /// threshold of the options.
    CurrentPeriod,
    /// Bring one phase to a percentage of its maximum.
    Phase {
        /// Phase id, e.g. `B`.
        phase: String,
        /// Percentage to reach, above 0 and at most 100.
        percent: f64,
    },
    /// Bring the whole audit to a percentage of its maximum.
    Overall {
        /// Percentage to reach, above 0 and at most 100.
        percent: f64,
    },
}

/// The plan: what to improve, and by how much.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum PathPlan {
    /// A plan for an action audit.
    Audit(AuditPath),
    /// A plan for a maturity assessment.
    Maturity(MaturityPath),
}

/// The fewest item improvements that reach an audit target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct AuditPath {
    /// The target, in plain words.
    pub target: String,
    /// The period or phase aimed at; `null` for the overall target, or when
    /// every period is already complete.
    pub scope: Option<String>,
    /// Points scored in the scope now.
    pub score: u32,
    /// Points possible in the scope.
    pub max: u32,
    /// Points the scope must reach: the least score whose percentage of
    /// `max` reaches the target.
    pub needed: u32,
    /// Whether the target is reached already (then `steps` is empty).
    pub reached: bool,
    /// The improvements, in development-path order.
    pub steps: Vec<Improvement>,
    /// Points the steps add.
    pub points: u32,
    /// Points scored in the scope after the steps.
    pub after: u32,
}

/// Raising one item's score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Improvement {
    /// Item id.
    pub item: String,
    /// Its period.
    pub period: String,
    /// The action, in the framework's wording.
    pub text: String,
    /// Score now; `null` when unscored.
    pub from: Option<u8>,
    /// Score to reach.
    pub to: u8,
    /// Points gained, weight included.
    pub points: u32,
}

/// The areas to lift to reach the next overall maturity stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct MaturityPath {
    /// The overall stage now: the weakest link, as the maturity report reads it.
    pub current: StageRef,
    /// The next overall stage; `null` when every area is at the top stage.
    pub next: Option<StageRef>,
    /// The areas to lift one stage, in model order: exactly those at the
    /// weakest-link stage.
    pub lifts: Vec<AreaLift>,
    /// Areas given no stage; they are not counted, as in the maturity report.
    pub unassessed: Vec<String>,
}

/// Lifting one programme area by one stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct AreaLift {
    /// Programme area id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Stage now.
    pub from: u8,
    /// Stage to reach.
    pub to: u8,
    /// What the area looks like at that stage.
    pub descriptor: String,
}

/// Plans the shortest path for `input` under `framework`.
///
/// # Errors
/// `wrong-framework-type` when the input does not fit the framework,
/// `invalid-target` for an unknown phase, `invalid-number` for a percentage
/// outside `(0, 100]`, `empty-input` for a maturity assessment with no area
/// assessed, and any error of scoring the assessment.
pub fn shortest_path(
    framework: &Framework,
    input: &PathInput,
    options: &ScoreOptions,
) -> Result<PathPlan, Error> {
    match input {
        PathInput::Audit { assessment, target } => Ok(PathPlan::Audit(audit_path(
            framework.as_audit()?,
            assessment,
            target,
            options,
        )?)),
        PathInput::Maturity { assessment } => Ok(PathPlan::Maturity(maturity_path(
            framework.as_maturity()?,
            assessment,
        )?)),
    }
}

/// Candidates to raise: an item of the scope, below the top of the scale.
struct Candidate<'a> {
    item: &'a crate::framework::Item,
    from: Option<u8>,
    gain: u32,
}

fn audit_path(
    framework: &AuditFramework,
    assessment: &AuditAssessment,
    target: &AuditTarget,
    options: &ScoreOptions,
) -> Result<AuditPath, Error> {
    let report = scoring::score_audit(framework, assessment, options)
        .map_err(|e| e.within("/assessment"))?;
    let (words, scope_id, goal) = match target {
        AuditTarget::CurrentPeriod => {
            let t = options.completion_threshold;
            match &report.progress.current_period {
                Some(p) => (
                    format!("complete the current period `{p}` ({t}% of its maximum)"),
                    Some(p.to_string()),
                    t,
                ),
                None => (
                    "complete the current period: every period is complete".to_owned(),
                    None,
                    t,
                ),
            }
        }
        AuditTarget::Phase { phase, percent } => {
            check_percent(*percent)?;
            if !framework.phases.iter().any(|p| &p.id == phase) {
                let known: Vec<String> = framework
                    .phases
                    .iter()
                    .map(|p| format!("`{}`", p.id))
                    .collect();
                return Err(AnalysisError::InvalidTarget {
                    reason: format!(
                        "phase `{phase}` is not in the framework; phases are {}",
                        known.join(", ")
                    ),
                }
                .into());
            }
            (
                format!("bring phase `{phase}` to {percent}% of its maximum"),
                Some(phase.clone()),
                *percent,
            )
        }
        AuditTarget::Overall { percent } => {
            check_percent(*percent)?;
            (
                format!("bring the overall score to {percent}% of the maximum"),
                None,
                *percent,
            )
        }
    };
    let all_complete = matches!(target, AuditTarget::CurrentPeriod) && scope_id.is_none();
    let in_scope = |item: &crate::framework::Item| match target {
        AuditTarget::CurrentPeriod => scope_id.as_deref() == Some(item.period.as_str()),
        AuditTarget::Phase { phase, .. } => framework
            .phases
            .iter()
            .any(|p| &p.id == phase && p.periods.iter().any(|q| q.id == item.period)),
        AuditTarget::Overall { .. } => true,
    };
    let top = framework.scale.max;
    let ordered: Vec<&crate::framework::Item> = crate::assessment::path_items(framework)
        .filter(|i| !all_complete && in_scope(i) && !assessment.not_applicable.contains(&i.id))
        .collect();
    let score: u32 = ordered
        .iter()
        .map(|i| u32::from(assessment.scores.get(&i.id).copied().unwrap_or(0)) * i.weight)
        .sum();
    let max: u32 = ordered.iter().map(|i| framework.item_max(i)).sum();
    let needed = least_score(goal, max);
    let candidates: Vec<Candidate> = ordered
        .iter()
        .filter_map(|&item| {
            let from = assessment.scores.get(&item.id).copied();
            let gain = u32::from(top - from.unwrap_or(0)) * item.weight;
            (gain > 0).then_some(Candidate { item, from, gain })
        })
        .collect();
    let steps = choose(&candidates, needed.saturating_sub(score));
    let points: u32 = steps.iter().map(|s| s.points).sum();
    Ok(AuditPath {
        target: words,
        scope: scope_id,
        score,
        max,
        needed,
        reached: score >= needed,
        steps,
        points,
        after: score + points,
    })
}

fn check_percent(value: f64) -> Result<f64, AnalysisError> {
    check_range(
        &|| "the target `percent`".to_owned(),
        value,
        (f64::MIN_POSITIVE, 100.0),
        &|| "a percentage above 0 and at most 100 is needed".to_owned(),
    )
}

/// The least score `s ≤ max` with `percent(s, max) ≥ goal`, computed with the
/// same division the reports use so that "complete" agrees with them.
fn least_score(goal: f64, max: u32) -> u32 {
    // Float rounding can put the estimate one off either way; step to the
    // exact boundary with the report's own percentage.
    let estimate = (goal * f64::from(max) / 100.0).ceil();
    let mut s = if estimate >= f64::from(max) {
        max
    } else if estimate <= 0.0 {
        0
    } else {
        // In range (0, max), so the cast neither truncates nor wraps.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let s = estimate as u32;
        s
    };
    while s > 0 && percent(s - 1, max) >= goal {
        s -= 1;
    }
    while s < max && percent(s, max) < goal {
        s += 1;
    }
    s
}

/// The fewest candidates whose gains cover `gap`, raised only as far as
/// needed.
///
/// Fewest: take the largest gains first (ties in development-path order);
/// any `k` items gain at most the `k` largest gains, so no smaller set can
/// cover the gap. Cheapest: every chosen item is needed (dropping one leaves
/// less than the gap, so its gain exceeds the overshoot), and the overshoot is
/// taken back in whole scale steps from the latest items on the path, so
/// earlier items are completed first and no step is wasted that a whole step
/// could save.
fn choose(candidates: &[Candidate], gap: u32) -> Vec<Improvement> {
    if gap == 0 {
        return Vec::new();
    }
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    // Stable sort: equal gains keep development-path order.
    order.sort_by(|&a, &b| {
        let gain = |i: usize| candidates.get(i).map_or(0, |c| c.gain);
        gain(b).cmp(&gain(a))
    });
    let mut chosen = Vec::new();
    let mut covered = 0;
    for index in order {
        if covered >= gap {
            break;
        }
        if let Some(c) = candidates.get(index) {
            covered += c.gain;
            chosen.push(index);
        }
    }
    chosen.sort_unstable();
    let mut excess = covered.saturating_sub(gap);
    let mut raises: Vec<(usize, u32)> = chosen
        .iter()
        .filter_map(|&i| Some((i, candidates.get(i)?.gain)))
        .collect();
    for (index, gain) in raises.iter_mut().rev() {
        let weight = candidates.get(*index).map_or(1, |c| c.item.weight);
        let saved = (excess / weight) * weight;
        // `gain > excess` holds for every chosen item, so at least one step stays.
        let saved = saved.min(gain.saturating_sub(weight));
        *gain -= saved;
        excess -= saved;
    }
    raises
        .into_iter()
        .filter_map(|(index, points)| {
            let c = candidates.get(index)?;
            let steps = u8::try_from(points / c.item.weight).ok()?;
            Some(Improvement {
                item: c.item.id.clone(),
                period: c.item.period.clone(),
                text: c.item.text.clone(),
                from: c.from,
                to: c.from.unwrap_or(0) + steps,
                points,
            })
        })
        .collect()
}

fn maturity_path(
    model: &MaturityModel,
    assessment: &MaturityAssessment,
) -> Result<MaturityPath, Error> {
    let report = maturity::score_maturity(model, assessment, &MaturityOptions::default())
        .map_err(|e| e.within("/assessment"))?;
    let current = report
        .weakest_link
        .clone()
        .ok_or_else(|| AnalysisError::Empty {
            what: "programme area stages".to_owned(),
        })?;
    let next = report.areas.iter().find_map(|a| {
        (a.stage.stage == current.stage)
            .then_some(a.next.as_ref())
            .flatten()
    });
    let next_ref = next.and_then(|n| {
        let s = model.stage(n.stage)?;
        Some(StageRef {
            stage: s.stage,
            name: s.name.clone(),
            milestone: s.milestone.clone(),
        })
    });
    let lifts = report
        .areas
        .iter()
        .filter(|a| a.stage.stage == current.stage)
        .filter_map(|a| {
            let n = a.next.as_ref()?;
            Some(AreaLift {
                id: a.id.clone(),
                name: a.name.clone(),
                from: a.stage.stage,
                to: n.stage,
                descriptor: n.descriptor.clone(),
            })
        })
        .collect();
    Ok(MaturityPath {
        current,
        next: next_ref,
        lifts,
        unassessed: report.unassessed,
    })
}

#[cfg(test)]
mod tests;
