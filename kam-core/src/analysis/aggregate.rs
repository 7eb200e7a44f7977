#![doc = include_str!("../../../docs/analyses/aggregate.md")]

use std::collections::BTreeSet;

use std::borrow::Borrow;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{check_same_framework, count};
use crate::assessment::{AuditAssessment, Context, ItemIds, path_items};
use crate::error::{AnalysisError, Error, LimitError};
use crate::framework::AuditFramework;
use crate::limits::MAX_AGGREGATE_AUDITS;
use crate::scoring::{self, AuditReport, ScoreOptions};

/// The default spread (highest minus lowest score) at which assessors are
/// said to disagree on an item.
pub const DEFAULT_DISAGREEMENT: u8 = 2;

/// Several assessors' audits of the same organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AggregateInput {
    /// One audit per assessor, all of the same framework version; at most
    /// 100.
    #[schemars(length(max = MAX_AGGREGATE_AUDITS))]
    pub audits: Vec<AuditAssessment>,
    /// Spread (highest minus lowest score) at which an item is flagged; at
    /// least 1, default 2.
    #[serde(default = "default_disagreement")]
    pub disagreement: u8,
}

fn default_disagreement() -> u8 {
    DEFAULT_DISAGREEMENT
}

/// The aggregated audit, its report, and how far the assessors agree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Aggregation {
    /// The aggregated audit: an ordinary assessment, scored like any other.
    pub assessment: AuditAssessment,
    /// Its report.
    pub report: AuditReport,
    /// The assessors, in input order: each audit's `context.assessor`, or
    /// `assessor N` (1-based) when it names none.
    pub assessors: Vec<String>,
    /// Every item at least one assessor scored, in development-path order.
    pub items: Vec<ItemSpread>,
    /// Items whose spread reaches the disagreement threshold, in
    /// development-path order.
    pub disagreements: Vec<String>,
}

/// How the assessors scored one item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ItemSpread {
    /// Item id.
    pub id: String,
    /// Each assessor's score, in assessor order; `null` when that assessor
    /// left it unscored or marked it not applicable.
    pub scores: Vec<Option<u8>>,
    /// Mean of the scores given.
    pub mean: f64,
    /// Median of the scores given (the mean of the middle two for an even
    /// count).
    pub median: f64,
    /// Lowest score given.
    pub min: u8,
    /// Highest score given.
    pub max: u8,
    /// `max − min`.
    pub spread: u8,
    /// The aggregated score: the median, rounded half down.
    pub score: u8,
    /// Whether the spread reaches the disagreement threshold.
    pub disagreement: bool,
}

/// Aggregates the audits and scores the result.
///
/// Rules, per item: the aggregated score is the median of the scores given,
/// rounded half down (of 1 and 2 it is 1), so it is always a score some
/// assessor could have given and one optimistic assessor cannot lift it; an
/// item nobody scored stays unscored, or is not applicable if some assessor
/// marked it so. Evidence is joined, distinct texts in assessor order, one
/// per line. Context fields are kept where every audit agrees.
///
/// # Errors
/// `too-many-audits` for more than [`MAX_AGGREGATE_AUDITS`] audits (checked
/// first), `empty-input` for no audits, `invalid-number` for a disagreement
/// threshold of 0, `mixed-frameworks`, and any error of scoring the audits.
pub fn aggregate(
    framework: &AuditFramework,
    input: &AggregateInput,
    options: &ScoreOptions,
) -> Result<Aggregation, Error> {
    aggregate_audits(framework, &input.audits, input.disagreement, options)
}

/// Aggregates audits a caller holds (owned or borrowed), against
/// `framework`, without moving or copying them into an [`AggregateInput`];
/// `disagreement` is the spread at which an item is flagged
/// ([`DEFAULT_DISAGREEMENT`] by default).
///
/// ```
/// use kam_core::{AuditAssessment, ScoreOptions};
/// use kam_core::analysis::aggregate::{DEFAULT_DISAGREEMENT, aggregate_audits};
///
/// let framework = kam_core::framework::builtin_audit("cranfield-kam-development")?;
/// let mut ana = AuditAssessment::new(framework);
/// ana.scores.insert("A1.1".into(), 3);
/// let mut tom = AuditAssessment::new(framework);
/// tom.scores.insert("A1.1".into(), 1);
/// let together = aggregate_audits(framework, &[&ana, &tom], DEFAULT_DISAGREEMENT, &ScoreOptions::default())?;
/// assert_eq!(together.disagreements, ["A1.1"]);
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// See [`aggregate`].
pub fn aggregate_audits<A: Borrow<AuditAssessment>>(
    framework: &AuditFramework,
    audits: &[A],
    disagreement: u8,
    options: &ScoreOptions,
) -> Result<Aggregation, Error> {
    if audits.len() > MAX_AGGREGATE_AUDITS {
        return Err(LimitError::TooManyAudits {
            path: "/audits".to_owned(),
            count: audits.len(),
            max: MAX_AGGREGATE_AUDITS,
        }
        .into());
    }
    if audits.is_empty() {
        return Err(AnalysisError::Empty {
            what: "audits".to_owned(),
        }
        .into());
    }
    check_disagreement(disagreement)?;
    let audits: Vec<&AuditAssessment> = audits.iter().map(Borrow::borrow).collect();
    check_same_framework(&audits, &|i| format!("`/audits/{i}`"))?;
    for (i, audit) in audits.iter().enumerate() {
        // Each audit must be valid on its own before it is merged.
        audit
            .validate(framework)
            .map_err(|e| Error::from(e).within(&format!("/audits/{i}")))?;
    }
    options.validate()?;
    merge(
        framework,
        &ItemIds::new(framework),
        &audits,
        disagreement,
        options,
    )
}

/// [`aggregate`] of audits already checked: at least one, each valid
/// against `framework`, options valid, and a threshold of at least 1. A programme merges
/// its assessors' audits of a unit and date with this, after checking all
/// of them once.
///
/// # Errors
/// Only an error of scoring the merged audit under `options`.
pub(crate) fn merge(
    framework: &AuditFramework,
    ids: &ItemIds,
    audits: &[&AuditAssessment],
    disagreement: u8,
    options: &ScoreOptions,
) -> Result<Aggregation, Error> {
    let Merge {
        assessment,
        items,
        assessors,
    } = merge_scores(framework, ids, audits, disagreement);
    // Every merged score is one an assessor gave, on a known item.
    let report = scoring::score_checked(framework, &assessment, options)?;
    Ok(Aggregation {
        assessors,
        disagreements: items
            .iter()
            .filter(|s| s.disagreement)
            .map(|s| s.id.clone())
            .collect(),
        assessment,
        report,
        items,
    })
}

/// Audits merged, before the merged audit is scored.
pub(crate) struct Merge {
    /// The merged audit.
    pub(crate) assessment: AuditAssessment,
    /// Every item at least one assessor scored, in development-path order.
    pub(crate) items: Vec<ItemSpread>,
    /// The assessors, as [`Aggregation::assessors`] names them.
    pub(crate) assessors: Vec<String>,
}

/// The merging rules of [`aggregate`] applied to audits already checked.
pub(crate) fn merge_scores(
    framework: &AuditFramework,
    ids: &ItemIds,
    audits: &[&AuditAssessment],
    disagreement: u8,
) -> Merge {
    let mut assessment = AuditAssessment::new(framework);
    assessment.context = common_context(audits);
    let mut items = Vec::new();
    let ordered = path_items(framework);
    // Each audit's scores laid out in path order once, rather than looked
    // up item by item.
    let dense: Vec<Vec<Option<u8>>> = audits
        .iter()
        .map(|a| ids.in_path_order(&a.scores))
        .collect();
    for (place, item) in ordered.enumerate() {
        let scores: Vec<Option<u8>> = dense
            .iter()
            .map(|d| d.get(place).copied().flatten())
            .collect();
        let mut evidence: Vec<&str> = Vec::new();
        for text in audits.iter().filter_map(|a| a.evidence.get(&item.id)) {
            if !evidence.contains(&text.as_str()) {
                evidence.push(text);
            }
        }
        if !evidence.is_empty() {
            assessment
                .evidence
                .insert(item.id.clone(), evidence.join("\n"));
        }
        match spread(&item.id, scores, disagreement) {
            Some(s) => {
                assessment.scores.insert(item.id.clone(), s.score);
                items.push(s);
            }
            None if audits.iter().any(|a| a.not_applicable.contains(&item.id)) => {
                assessment.not_applicable.insert(item.id.clone());
            }
            None => {}
        }
    }
    Merge {
        assessors: audits
            .iter()
            .enumerate()
            .map(|(i, a)| {
                a.context
                    .assessor
                    .clone()
                    .unwrap_or_else(|| format!("assessor {}", i + 1))
            })
            .collect(),
        assessment,
        items,
    }
}

/// Rejects a disagreement threshold of 0, which would flag every item.
pub(crate) fn check_disagreement(disagreement: u8) -> Result<(), AnalysisError> {
    if disagreement == 0 {
        return Err(AnalysisError::InvalidNumber {
            what: "`disagreement`".to_owned(),
            value: "0".to_owned(),
            expected: "a spread of at least 1 is needed".to_owned(),
        });
    }
    Ok(())
}

/// Mean, median, range and aggregated score of the scores given; `None`
/// when nobody scored the item.
pub(crate) fn spread(id: &str, scores: Vec<Option<u8>>, disagreement: u8) -> Option<ItemSpread> {
    let mut given: Vec<u8> = scores.iter().flatten().copied().collect();
    given.sort_unstable();
    let (&min, &max) = (given.first()?, given.last()?);
    let n = given.len();
    let sum: u32 = given.iter().map(|&s| u32::from(s)).sum();
    let lower = *given.get((n - 1) / 2)?;
    let upper = *given.get(n / 2)?;
    Some(ItemSpread {
        id: id.to_owned(),
        mean: f64::from(sum) / f64::from(count(n)),
        median: f64::midpoint(f64::from(lower), f64::from(upper)),
        min,
        max,
        spread: max - min,
        // The lower middle value is the median rounded half down: for an odd
        // count both middles coincide; for an even one, (l + u) / 2 rounded
        // half down is l when u = l + 1, and lies between them otherwise.
        score: rounded_half_down(lower, upper),
        disagreement: max - min >= disagreement,
        scores,
    })
}

/// `(lower + upper) / 2` rounded half down.
pub(crate) fn rounded_half_down(lower: u8, upper: u8) -> u8 {
    let sum = u16::from(lower) + u16::from(upper);
    u8::try_from(sum / 2).unwrap_or(u8::MAX)
}

/// The context fields every audit agrees on.
fn common_context(audits: &[&AuditAssessment]) -> Context {
    let agreed = |field: &dyn Fn(&Context) -> &Option<String>| -> Option<String> {
        let values: BTreeSet<&Option<String>> = audits.iter().map(|a| field(&a.context)).collect();
        match values.into_iter().collect::<Vec<_>>().as_slice() {
            [single] => (*single).clone(),
            _ => None,
        }
    };
    Context {
        organisation: agreed(&|c| &c.organisation),
        unit: agreed(&|c| &c.unit),
        assessor: agreed(&|c| &c.assessor),
        date: agreed(&|c| &c.date),
    }
}

#[cfg(test)]
mod tests;
