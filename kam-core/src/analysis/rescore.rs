#![doc = include_str!("../../docs/analyses/rescore.md")]

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::compare::{ScoreChange, change};
use crate::assessment::AuditAssessment;
use crate::error::Error;
use crate::framework::{AuditFramework, Framework};
use crate::scoring::{AuditReport, ScoreOptions, score_audit};

/// One saved assessment and the framework version to re-score it under.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RescoreInput {
    /// The saved assessment, made against the `before` framework.
    pub assessment: AuditAssessment,
    /// The framework it was made against; the bundled one it names when
    /// absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<Framework>,
    /// The other version, e.g. a copy the user edited.
    pub after: Framework,
}

/// What changed between the two framework versions, and in the scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct RescoreReport {
    /// The report under the `before` framework.
    pub before: AuditReport,
    /// The report under the `after` framework, with the carried-over answers.
    pub after: AuditReport,
    /// The assessment as carried over to `after`: same answers, the removed
    /// and dropped items left out, relabelled with `after`'s id and version.
    pub carried: AuditAssessment,
    /// Items only in `after` (unscored in the carried assessment), in its order.
    pub added: Vec<String>,
    /// Items only in `before` (their answers are lost), in its order.
    pub removed: Vec<String>,
    /// Items in both whose period or contributory stream changed.
    pub moved: Vec<ItemMove>,
    /// Items in both whose weight changed.
    pub reweighted: Vec<WeightChange>,
    /// Answers that do not fit `after` and were left out.
    pub dropped: Vec<DroppedAnswer>,
    /// Maxima that differ: overall, phases and periods by id (`null` where
    /// the id is absent from one version).
    pub maxima: Vec<MaxChange>,
    /// The overall score change.
    pub overall: ScoreChange,
    /// Whether the Figure 4 position differs.
    pub position_changed: bool,
}

/// An item that moved to another period or stream.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ItemMove {
    /// Item id.
    pub id: String,
    /// Period before.
    pub period_before: String,
    /// Period after.
    pub period_after: String,
    /// Contributory stream before.
    pub stream_before: String,
    /// Contributory stream after.
    pub stream_after: String,
}

/// An item whose weight changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct WeightChange {
    /// Item id.
    pub id: String,
    /// Weight before.
    pub before: u32,
    /// Weight after.
    pub after: u32,
}

/// An answer that cannot be carried over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct DroppedAnswer {
    /// Item id.
    pub id: String,
    /// Why, in plain words.
    pub reason: String,
}

/// A maximum that differs between the versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct MaxChange {
    /// `overall`, `phase` or `period`.
    pub what: String,
    /// The id (the framework id for `overall`).
    pub id: String,
    /// Maximum before; `null` if absent.
    pub before: Option<u32>,
    /// Maximum after; `null` if absent.
    pub after: Option<u32>,
}

/// Re-scores the assessment under `before` and `after`.
///
/// # Errors
/// `wrong-framework-type` for a maturity model, any framework error of
/// `after`, and any error of scoring the assessment under `before`.
pub fn rescore(
    before: &Framework,
    input: &RescoreInput,
    options: &ScoreOptions,
) -> Result<RescoreReport, Error> {
    let old = before.as_audit()?;
    input.after.validate()?;
    let new = input.after.as_audit()?;
    let report_before =
        score_audit(old, &input.assessment, options).map_err(|e| e.within("/assessment"))?;
    let (carried, dropped) = Carry::new(old, new).apply(&input.assessment);
    let report_after = score_audit(new, &carried, options)?;
    let ItemChanges {
        added,
        removed,
        moved,
        reweighted,
    } = ItemChanges::between(old, new);
    let overall = change(
        &new.id,
        &new.name,
        report_before.overall,
        report_after.overall,
    );
    Ok(RescoreReport {
        added,
        removed,
        moved,
        reweighted,
        dropped,
        maxima: maxima(&report_before, &report_after, new),
        position_changed: report_before.position != report_after.position,
        overall,
        before: report_before,
        after: report_after,
        carried,
    })
}

/// How the items of two versions of a framework differ, compared by id.
pub(crate) struct ItemChanges {
    /// Items only in the new version, in its order.
    pub(crate) added: Vec<String>,
    /// Items only in the old version, in its order.
    pub(crate) removed: Vec<String>,
    /// Items in both whose period or contributory stream changed.
    pub(crate) moved: Vec<ItemMove>,
    /// Items in both whose weight changed.
    pub(crate) reweighted: Vec<WeightChange>,
}

impl ItemChanges {
    pub(crate) fn between(old: &AuditFramework, new: &AuditFramework) -> Self {
        let in_new: BTreeMap<&str, &crate::framework::Item> =
            new.items.iter().map(|i| (i.id.as_str(), i)).collect();
        let in_old: BTreeSet<&str> = old.items.iter().map(|i| i.id.as_str()).collect();
        let mut moved = Vec::new();
        let mut reweighted = Vec::new();
        for item in &old.items {
            let Some(other) = in_new.get(item.id.as_str()) else {
                continue;
            };
            if item.period != other.period || item.stream != other.stream {
                moved.push(ItemMove {
                    id: item.id.clone(),
                    period_before: item.period.clone(),
                    period_after: other.period.clone(),
                    stream_before: item.stream.clone(),
                    stream_after: other.stream.clone(),
                });
            }
            if item.weight != other.weight {
                reweighted.push(WeightChange {
                    id: item.id.clone(),
                    before: item.weight,
                    after: other.weight,
                });
            }
        }
        ItemChanges {
            added: new
                .items
                .iter()
                .filter(|i| !in_old.contains(i.id.as_str()))
                .map(|i| i.id.clone())
                .collect(),
            removed: old
                .items
                .iter()
                .filter(|i| !in_new.contains_key(i.id.as_str()))
                .map(|i| i.id.clone())
                .collect(),
            moved,
            reweighted,
        }
    }
}

/// The rule that carries answers from one framework version to another:
/// items the new version lacks are left out (they show as removed), and
/// answers that break its rules are dropped with a reason. Prepared once per
/// pair of versions, as a programme carries thousands of audits at a time.
pub(crate) struct Carry<'f> {
    old: &'f AuditFramework,
    new: &'f AuditFramework,
    /// The new version's item ids.
    known: BTreeSet<&'f str>,
}

impl<'f> Carry<'f> {
    pub(crate) fn new(old: &'f AuditFramework, new: &'f AuditFramework) -> Self {
        Carry {
            old,
            new,
            known: new.items.iter().map(|i| i.id.as_str()).collect(),
        }
    }

    /// `assessment` carried over to the new version, and the answers dropped.
    pub(crate) fn apply(
        &self,
        assessment: &AuditAssessment,
    ) -> (AuditAssessment, Vec<DroppedAnswer>) {
        let (old, new) = (self.old, self.new);
        let mut carried = AuditAssessment::new(new);
        carried.context = assessment.context.clone();
        let mut dropped = Vec::new();
        for item in &old.items {
            let id = &item.id;
            if !self.known.contains(id.as_str()) {
                continue;
            }
            if let Some(&score) = assessment.scores.get(id) {
                if score < new.scale.min || score > new.scale.max {
                    dropped.push(DroppedAnswer {
                        id: id.clone(),
                        reason: format!(
                            "score {score} is outside the new scale {}–{}",
                            new.scale.min, new.scale.max
                        ),
                    });
                } else {
                    carried.scores.insert(id.clone(), score);
                }
            }
            if assessment.not_applicable.contains(id) {
                if new.not_applicable.allowed {
                    carried.not_applicable.insert(id.clone());
                } else {
                    dropped.push(DroppedAnswer {
                        id: id.clone(),
                        reason: "marked not applicable, which the new version does not allow"
                            .to_owned(),
                    });
                }
            }
            if let Some(text) = assessment.evidence.get(id) {
                carried.evidence.insert(id.clone(), text.clone());
            }
        }
        (carried, dropped)
    }
}

fn maxima(before: &AuditReport, after: &AuditReport, new: &AuditFramework) -> Vec<MaxChange> {
    let mut out = Vec::new();
    if before.overall.max != after.overall.max {
        out.push(MaxChange {
            what: "overall".to_owned(),
            id: new.id.clone(),
            before: Some(before.overall.max),
            after: Some(after.overall.max),
        });
    }
    let phases = |r: &AuditReport| -> Vec<(String, u32)> {
        r.phases.iter().map(|p| (p.id.to_string(), p.max)).collect()
    };
    let periods = |r: &AuditReport| -> Vec<(String, u32)> {
        r.phases
            .iter()
            .flat_map(|p| p.periods.iter().map(|q| (q.id.to_string(), q.max)))
            .collect()
    };
    for (what, b, a) in [
        ("phase", phases(before), phases(after)),
        ("period", periods(before), periods(after)),
    ] {
        let find =
            |list: &[(String, u32)], id: &str| list.iter().find(|(i, _)| i == id).map(|(_, m)| *m);
        let mut ids: Vec<&String> = b.iter().map(|(i, _)| i).collect();
        ids.extend(a.iter().map(|(i, _)| i).filter(|i| find(&b, i).is_none()));
        for id in ids {
            let (x, y) = (find(&b, id), find(&a, id));
            if x != y {
                out.push(MaxChange {
                    what: what.to_owned(),
                    id: id.clone(),
                    before: x,
                    after: y,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
