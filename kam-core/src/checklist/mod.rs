//! Scoring a checklist: completion per section and per group, the stage
//! reached under the checklist's stage rule, the balance indicator and the
//! next actions.
//!
//! A checklist assessment is an assessment in the shared format
//! ([`AuditAssessment`]: a score per item id, evidence, items marked not
//! applicable), checked against the checklist's items, scale and
//! not-applicable policy. Scoring is a pure function and never panics.
//!
//! The stage and balance rules are data (the framework's `stage_rule` and
//! `balance`), so a company's own checklist states its own; the three bundled
//! checklists mark theirs as kam's (docs/frameworks/).

mod report;

use serde::{Deserialize, Serialize};

pub use report::{
    BalanceReading, ChecklistReport, GroupScore, GroupingScore, ItemScore, NextAction, SectionRef,
    SectionScore, StageReading,
};

use crate::assessment::{AnswerSheet, AuditAssessment};
use crate::error::{AssessmentError, Error, OptionsError};
use crate::framework::{ACROSS_SECTIONS, BalanceRule, ChecklistFramework, StageRule};
use crate::scoring::{
    Convention, FrameworkRef, default_next_actions, total, validate_next_actions,
};

/// How to score a checklist. Every field has a default, so `{}` is valid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ChecklistOptions {
    /// Reject assessments with unscored items instead of counting them as 0.
    #[serde(default)]
    pub strict: bool,
    /// How many next actions to list, from 0 to 1000; default 10.
    #[serde(default = "default_next_actions")]
    pub next_actions: u32,
}

impl Default for ChecklistOptions {
    fn default() -> Self {
        ChecklistOptions {
            strict: false,
            next_actions: default_next_actions(),
        }
    }
}

impl ChecklistOptions {
    /// Checks every option is within range.
    ///
    /// # Errors
    /// [`OptionsError::Invalid`] naming the option and value.
    pub fn validate(&self) -> Result<(), OptionsError> {
        validate_next_actions(self.next_actions)
    }
}

/// The items of `framework` in checklist order, as the checks of an
/// assessment see them.
pub(crate) fn answer_sheet(framework: &ChecklistFramework) -> AnswerSheet<'_> {
    AnswerSheet {
        id: &framework.id,
        version: &framework.version,
        items: framework
            .items()
            .map(|(_, item)| item.id.as_str())
            .collect(),
        scale: &framework.scale,
        not_applicable: &framework.not_applicable,
    }
}

/// Scores `assessment` against the checklist `framework`.
///
/// # Errors
/// [`Error::Options`] for options out of range; [`Error::Assessment`] when the
/// assessment names another framework or version, an unknown item, a score
/// off the scale, a forbidden "not applicable", or (strict mode) an unscored
/// item.
pub fn score_checklist(
    framework: &ChecklistFramework,
    assessment: &AuditAssessment,
    options: &ChecklistOptions,
) -> Result<ChecklistReport, Error> {
    options.validate()?;
    let sheet = answer_sheet(framework);
    assessment.validate_against(&sheet)?;
    let unscored: Vec<&str> = framework
        .items()
        .map(|(_, item)| item.id.as_str())
        .filter(|id| {
            !assessment.scores.contains_key(*id) && !assessment.not_applicable.contains(*id)
        })
        .collect();
    if options.strict
        && let Some(first) = unscored.first()
    {
        return Err(AssessmentError::Incomplete {
            count: unscored.len(),
            first: (*first).to_owned(),
            path: "/scores".to_owned(),
        }
        .into());
    }
    let sections = section_scores(framework, assessment);
    let overall = total(sections.iter().map(|s| (s.score, s.max)));
    let groupings = grouping_scores(framework, &sections);
    Ok(ChecklistReport {
        framework: FrameworkRef {
            id: framework.id.clone(),
            version: framework.version.clone(),
            name: framework.name.clone(),
        },
        context: assessment.context.clone(),
        scale: framework.scale.clone(),
        overall,
        unscored: count(unscored.len()),
        not_applicable: count(
            sections
                .iter()
                .flat_map(|s| &s.items)
                .filter(|i| i.not_applicable)
                .count(),
        ),
        stage: framework.stage_rule.as_ref().map(|r| stage(r, &sections)),
        balance: framework
            .balance
            .as_ref()
            .map(|r| balance(r, &sections, &groupings)),
        next_actions: next_actions(framework, &sections, options.next_actions),
        conventions: conventions(framework),
        sections,
        groupings,
    })
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn section_scores(
    framework: &ChecklistFramework,
    assessment: &AuditAssessment,
) -> Vec<SectionScore> {
    framework
        .sections
        .iter()
        .enumerate()
        .map(|(index, section)| {
            let items: Vec<ItemScore> = section
                .items
                .iter()
                .map(|item| {
                    let score = assessment.scores.get(&item.id).copied();
                    let not_applicable = assessment.not_applicable.contains(&item.id);
                    ItemScore {
                        id: item.id.clone(),
                        text: item.text.clone(),
                        description: item.description.clone(),
                        provenance: item.provenance,
                        weight: item.weight,
                        score,
                        label: score.and_then(|s| {
                            framework
                                .scale
                                .labels
                                .iter()
                                .find(|l| l.value == s)
                                .map(|l| l.label.clone())
                        }),
                        not_applicable,
                        points: u32::from(score.unwrap_or(0)) * item.weight,
                        max: if not_applicable {
                            0
                        } else {
                            framework.item_max(item)
                        },
                        groups: item.groups.clone(),
                    }
                })
                .collect();
            let sum = total(items.iter().map(|i| (i.points, i.max)));
            SectionScore {
                id: section.id.clone(),
                number: count(index + 1),
                name: section.name.clone(),
                description: section.description.clone(),
                provenance: section.provenance,
                score: sum.score,
                max: sum.max,
                percent: sum.percent,
                unscored: count(
                    items
                        .iter()
                        .filter(|i| i.score.is_none() && !i.not_applicable)
                        .count(),
                ),
                items,
            }
        })
        .collect()
}

fn grouping_scores(
    framework: &ChecklistFramework,
    sections: &[SectionScore],
) -> Vec<GroupingScore> {
    let items: Vec<&ItemScore> = sections.iter().flat_map(|s| &s.items).collect();
    framework
        .groupings
        .iter()
        .map(|grouping| GroupingScore {
            id: grouping.id.clone(),
            name: grouping.name.clone(),
            provenance: grouping.provenance,
            groups: grouping
                .groups
                .iter()
                .map(|group| {
                    let members: Vec<&&ItemScore> = items
                        .iter()
                        .filter(|i| i.groups.get(&grouping.id) == Some(&group.id))
                        .collect();
                    let sum = total(members.iter().map(|i| (i.points, i.max)));
                    GroupScore {
                        id: group.id.clone(),
                        name: group.name.clone(),
                        items: count(members.len()),
                        score: sum.score,
                        max: sum.max,
                        percent: sum.percent,
                    }
                })
                .collect(),
        })
        .collect()
}

fn section_ref(section: &SectionScore) -> SectionRef {
    SectionRef {
        id: section.id.clone(),
        number: section.number,
        name: section.name.clone(),
        percent: section.percent,
    }
}

/// Whether a section reaches `threshold`; a section whose items are all not
/// applicable has nothing left to do, so it does.
fn reaches(section: &SectionScore, threshold: f64) -> bool {
    section.max == 0 || section.percent >= threshold
}

/// The stage rule read: the unbroken run of sections, from the first, that
/// reach the threshold.
fn stage(rule: &StageRule, sections: &[SectionScore]) -> StageReading {
    let run = sections
        .iter()
        .take_while(|s| reaches(s, rule.threshold))
        .count();
    StageReading {
        threshold: rule.threshold,
        rule: rule.description.clone(),
        provenance: rule.provenance,
        reached: run
            .checked_sub(1)
            .and_then(|i| sections.get(i))
            .map(section_ref),
        next: sections.get(run).map(section_ref),
    }
}

/// The balance indicator: the spread between the most and the least complete
/// of the sections, or of one grouping's groups, leaving out any with nothing
/// to score.
fn balance(
    rule: &BalanceRule,
    sections: &[SectionScore],
    groupings: &[GroupingScore],
) -> BalanceReading {
    // Each part as (id, score, max); parts with nothing to score are left out.
    let parts: Vec<(&str, u32, u32)> = if rule.across == ACROSS_SECTIONS {
        sections
            .iter()
            .map(|s| (s.id.as_str(), s.score, s.max))
            .collect()
    } else {
        groupings
            .iter()
            .filter(|g| g.id == rule.across)
            .flat_map(|g| &g.groups)
            .map(|g| (g.id.as_str(), g.score, g.max))
            .collect()
    };
    let parts: Vec<(&str, u32, u32)> = parts.into_iter().filter(|p| p.2 > 0).collect();
    // Shares are compared exactly, as fractions: a/b < c/d when a·d < c·b.
    let below = |a: &(&str, u32, u32), b: &(&str, u32, u32)| {
        u64::from(a.1) * u64::from(b.2) < u64::from(b.1) * u64::from(a.2)
    };
    let same = |a: &(&str, u32, u32), b: &(&str, u32, u32)| !below(a, b) && !below(b, a);
    let low = parts.iter().reduce(|m, p| if below(p, m) { p } else { m });
    let high = parts.iter().reduce(|m, p| if below(m, p) { p } else { m });
    // The spread as one fraction, (h/H − l/L) × 100 = (h·L − l·H) × 100 / (H·L),
    // so that equal shares give exactly 0 and the rest one rounding.
    let spread = match (low, high) {
        (Some(l), Some(h)) => {
            // h/H ≥ l/L, so h·L ≥ l·H: no underflow; each product is below 2^64.
            let top = u64::from(h.1) * u64::from(l.2) - u64::from(l.1) * u64::from(h.2);
            let bottom = u64::from(h.2) * u64::from(l.2);
            #[allow(clippy::cast_precision_loss)]
            // exact below 2^53, i.e. for any checklist of real size
            let spread = top as f64 * 100.0 / bottom as f64;
            spread
        }
        _ => 0.0,
    };
    let named = |pick: Option<&(&str, u32, u32)>| -> Vec<String> {
        pick.map(|m| {
            parts
                .iter()
                .filter(|p| same(p, m))
                .map(|p| p.0.to_owned())
                .collect()
        })
        .unwrap_or_default()
    };
    BalanceReading {
        across: rule.across.clone(),
        tolerance: rule.tolerance,
        rule: rule.description.clone(),
        provenance: rule.provenance,
        spread,
        balanced: spread <= rule.tolerance,
        lowest: named(low),
        highest: named(high),
    }
}

fn next_actions(
    framework: &ChecklistFramework,
    sections: &[SectionScore],
    limit: u32,
) -> Vec<NextAction> {
    let top = framework.scale.max;
    sections
        .iter()
        .flat_map(|s| s.items.iter().map(move |i| (s, i)))
        .filter(|(_, i)| !i.not_applicable && i.score != Some(top))
        .take(usize::try_from(limit).unwrap_or(usize::MAX))
        .map(|(s, i)| NextAction {
            id: i.id.clone(),
            section: s.id.clone(),
            text: i.text.clone(),
            score: i.score,
        })
        .collect()
}

/// The rules the report applies, in words: the framework's own stage and
/// balance rules when they are kam's, and kam's reading of completion.
fn conventions(framework: &ChecklistFramework) -> Vec<Convention> {
    let mut out = vec![Convention {
        id: "completion".to_owned(),
        text: "completion is the points scored as a share of the points possible, each item \
               counting its score times its weight; items marked not applicable count in \
               neither"
            .to_owned(),
    }];
    if framework.scale.provenance == crate::framework::Provenance::Kam {
        out.push(Convention {
            id: "scale".to_owned(),
            text: format!(
                "the scale ({}) is kam's: the checklist's source sets none",
                framework
                    .scale
                    .labels
                    .iter()
                    .map(|l| format!("{} {}", l.value, l.label))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        });
    }
    if let Some(rule) = framework
        .stage_rule
        .as_ref()
        .filter(|r| r.provenance == crate::framework::Provenance::Kam)
    {
        out.push(Convention {
            id: "stage-rule".to_owned(),
            text: rule.description.clone(),
        });
    }
    if let Some(rule) = framework
        .balance
        .as_ref()
        .filter(|r| r.provenance == crate::framework::Provenance::Kam)
    {
        out.push(Convention {
            id: "balance".to_owned(),
            text: rule.description.clone(),
        });
    }
    out
}

/// The checklist pages of docs/frameworks/, whose worked examples run as doc
/// tests so they cannot drift from the engine. Their examples also chart
/// and render, so they run in builds with the `reports` feature.
#[cfg(all(doctest, feature = "reports"))]
mod docs {
    #[doc = include_str!("../../docs/frameworks/README.md")]
    struct Checklists;
    #[doc = include_str!("../../docs/frameworks/kam-development-model.md")]
    struct DevelopmentModel;
    #[doc = include_str!("../../docs/frameworks/kam-three-pillars.md")]
    struct ThreePillars;
    #[doc = include_str!("../../docs/frameworks/kam-strategy.md")]
    struct Strategy;
}

#[cfg(test)]
mod tests;
