//! A unit's checklists: for each checklist, its latest assessments merged
//! across the assessors as `aggregate` merges audits, then scored.

use std::collections::BTreeMap;

use super::analyse::{assessors, joined, shared_context};
use super::result::UnitChecklist;
use crate::analysis::aggregate::spread;
use crate::assessment::{AuditAssessment, Context};
use crate::checklist::{ChecklistOptions, score_checklist};
use crate::error::{Error, ProgrammeError};
use crate::framework::ChecklistFramework;

/// Checklist assessments of one unit, by date, each with its checklist.
pub(crate) type ByDate<'a> = BTreeMap<&'a str, Vec<(&'a AuditAssessment, &'a ChecklistFramework)>>;

/// Each checklist's latest assessments of `unit`, merged and scored, in
/// the order of the checklists' ids.
///
/// # Errors
/// Only an error of scoring a merged assessment (ruled out by the checks
/// each assessment passed), located at the unit, checklist and date.
pub(crate) fn unit_checklists(
    unit: &str,
    by_date: Option<&ByDate<'_>>,
    disagreement: u8,
) -> Result<Vec<UnitChecklist>, Error> {
    let Some(by_date) = by_date else {
        return Ok(Vec::new());
    };
    // The latest date of each checklist, found walking the dates forward.
    let mut latest: BTreeMap<&str, (&str, &ChecklistFramework, Vec<&AuditAssessment>)> =
        BTreeMap::new();
    for (&date, list) in by_date {
        for &(assessment, framework) in list {
            let entry = latest
                .entry(framework.id.as_str())
                .or_insert_with(|| (date, framework, Vec::new()));
            if entry.0 != date {
                *entry = (date, framework, Vec::new());
            }
            entry.2.push(assessment);
        }
    }
    latest
        .into_values()
        .map(|(date, framework, assessments)| {
            merged_checklist(framework, (unit, date), &assessments, disagreement)
        })
        .collect()
}

/// The assessments of one checklist, unit and date merged: each item's
/// score the median of the assessors' (rounded half down), not applicable
/// when nobody scored it and somebody marked it so, evidence joined.
fn merged_checklist(
    framework: &ChecklistFramework,
    (unit, date): (&str, &str),
    assessments: &[&AuditAssessment],
    disagreement: u8,
) -> Result<UnitChecklist, Error> {
    let contexts: Vec<&Context> = assessments.iter().map(|a| &a.context).collect();
    let mut merged = AuditAssessment {
        framework: framework.id.clone(),
        framework_version: framework.version.clone(),
        context: shared_context(unit, date, &contexts),
        scores: BTreeMap::new(),
        evidence: BTreeMap::new(),
        not_applicable: std::collections::BTreeSet::new(),
    };
    let mut disputed = Vec::new();
    for (_, item) in framework.items() {
        let scores = assessments
            .iter()
            .map(|a| a.scores.get(&item.id).copied())
            .collect();
        match spread(&item.id, scores, disagreement) {
            Some(s) => {
                if s.disagreement {
                    disputed.push(item.id.clone());
                }
                merged.scores.insert(item.id.clone(), s.score);
            }
            None if assessments
                .iter()
                .any(|a| a.not_applicable.contains(&item.id)) =>
            {
                merged.not_applicable.insert(item.id.clone());
            }
            None => {}
        }
        if let Some(notes) = joined(assessments.iter().filter_map(|a| a.evidence.get(&item.id))) {
            merged.evidence.insert(item.id.clone(), notes);
        }
    }
    let report =
        score_checklist(framework, &merged, &ChecklistOptions::default()).map_err(|e| {
            ProgrammeError::at(
                format!(
                    "the merged checklist `{}` of unit `{unit}` on `{date}`",
                    framework.id
                ),
                e,
            )
        })?;
    Ok(UnitChecklist {
        date: date.to_owned(),
        assessors: assessors(&contexts),
        disputed,
        report,
    })
}
