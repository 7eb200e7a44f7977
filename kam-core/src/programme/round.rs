//! One round of a unit: its assessors' audits of one date merged as
//! `aggregate` merges them, and how far the assessors agree.

use std::borrow::Cow;

use super::alpha::{Coincidences, RELIABLE, TENTATIVE};
use super::result::{AlphaReading, DisputedItem, RoundAgreement, UnitRound};
use crate::analysis::aggregate::{Aggregation, merge};
use crate::analysis::units::percents;
use crate::assessment::{AuditAssessment, ItemIds};
use crate::error::{Error, ProgrammeError};
use crate::framework::AuditFramework;
use crate::scoring::ScoreOptions;

/// A merged round: the figures the report keeps, and the merge itself for
/// the analyses that read items (change, next actions, disagreement).
pub(crate) struct Merged {
    pub(crate) round: UnitRound,
    pub(crate) aggregation: Aggregation,
}

/// Merges the audits of one unit and date.
///
/// # Errors
/// An error of scoring the merged audit (strict mode with unscored items),
/// located at the unit and date.
pub(crate) fn merge_round(
    (framework, ids): (&AuditFramework, &ItemIds),
    (unit, date): (&str, &str),
    audits: &[Cow<'_, AuditAssessment>],
    disagreement: u8,
    options: &ScoreOptions,
) -> Result<Merged, Error> {
    let audits: Vec<&AuditAssessment> = audits.iter().map(AsRef::as_ref).collect();
    let aggregation = merge(framework, ids, &audits, disagreement, options).map_err(|e| {
        ProgrammeError::at(format!("the merged audit of unit `{unit}` on `{date}`"), e)
    })?;
    let report = &aggregation.report;
    let (phases, periods) = percents(report);
    let round = UnitRound {
        date: date.to_owned(),
        assessors: aggregation.assessors.clone(),
        overall: report.overall,
        phases,
        periods,
        position: report.position.clone(),
        current_period: report.progress.current_period.clone(),
        agreement: agreement(framework, &aggregation),
    };
    Ok(Merged { round, aggregation })
}

/// Alpha over the items the assessors scored, and the disputed items.
fn agreement(framework: &AuditFramework, aggregation: &Aggregation) -> RoundAgreement {
    let (min, max) = (framework.scale.min, framework.scale.max);
    let values = usize::from(max - min) + 1;
    let mut tally = Coincidences::new(values);
    let mut counts = vec![0u32; values];
    for item in &aggregation.items {
        counts.fill(0);
        for score in item.scores.iter().flatten() {
            if let Some(c) = counts.get_mut(usize::from(score.saturating_sub(min))) {
                *c += 1;
            }
        }
        tally.add(&counts);
    }
    let alpha = if aggregation.assessors.len() < 2 {
        None
    } else {
        tally.ordinal()
    };
    RoundAgreement {
        alpha,
        reading: reading(alpha),
        items: tally.items(),
        disputed: aggregation
            .items
            .iter()
            .filter(|i| i.disagreement)
            .map(|i| DisputedItem {
                id: i.id.clone(),
                scores: i.scores.clone(),
                merged: i.score,
                spread: i.spread,
            })
            .collect(),
    }
}

/// kam's reading of alpha, after Krippendorff's guideline.
pub(crate) fn reading(alpha: Option<f64>) -> AlphaReading {
    match alpha {
        None => AlphaReading::Undefined,
        Some(a) if a >= RELIABLE => AlphaReading::Reliable,
        Some(a) if a >= TENTATIVE => AlphaReading::Tentative,
        Some(_) => AlphaReading::Unreliable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::builtin_audit;

    fn merged(
        audits: &[Cow<'static, AuditAssessment>],
        options: &ScoreOptions,
    ) -> Result<Merged, Error> {
        let f = builtin_audit("cranfield-kam-development").unwrap();
        merge_round(
            (f, &ItemIds::new(f)),
            ("uk", "2024-03-01"),
            audits,
            2,
            options,
        )
    }

    fn audit(who: &str, scores: &[(&str, u8)]) -> Cow<'static, AuditAssessment> {
        let f = builtin_audit("cranfield-kam-development").unwrap();
        let mut a = AuditAssessment::new(f);
        a.context.assessor = Some(who.to_owned());
        a.scores = scores.iter().map(|&(k, v)| (k.to_owned(), v)).collect();
        Cow::Owned(a)
    }

    #[test]
    fn a_round_is_the_aggregate_and_its_agreement() {
        // The aggregate page's worked example (docs/analyses/aggregate.md).
        let audits = [
            audit("ann", &[("A1.1", 3), ("A1.2", 2), ("A1.3", 0), ("A1.4", 1)]),
            audit("ben", &[("A1.1", 3), ("A1.2", 1), ("A1.3", 2)]),
            audit("cai", &[("A1.1", 2), ("A1.2", 1), ("A1.3", 3), ("A1.4", 2)]),
        ];
        let merged = merged(&audits, &ScoreOptions::default()).unwrap();
        let round = &merged.round;
        assert_eq!(round.overall.score, 7);
        assert_eq!(round.periods[..1], [7.0 * 100.0 / 21.0]);
        assert_eq!(round.assessors, ["ann", "ben", "cai"]);
        let disputed: Vec<&str> = round
            .agreement
            .disputed
            .iter()
            .map(|d| d.id.as_str())
            .collect();
        assert_eq!(disputed, ["A1.3"]);
        assert_eq!(
            round.agreement.disputed[0].scores,
            [Some(0), Some(2), Some(3)]
        );
        assert_eq!(round.agreement.items, 4);
        // By hand: 11 pairable scores, n_c = (1, 3, 4, 3) for the scores
        // 0–3, and α = 126/1111: barely better than chance.
        let alpha = round.agreement.alpha.unwrap();
        assert!((alpha - 126.0 / 1111.0).abs() < 1e-12, "{alpha}");
        assert_eq!(round.agreement.reading, AlphaReading::Unreliable);
    }

    #[test]
    fn one_assessor_has_no_alpha() {
        let audits = [audit("ann", &[("A1.1", 3), ("A1.2", 0)])];
        let merged = merged(&audits, &ScoreOptions::default()).unwrap();
        assert_eq!(merged.round.agreement.alpha, None);
        assert_eq!(merged.round.agreement.reading, AlphaReading::Undefined);
        assert_eq!(merged.round.agreement.items, 0);
    }

    #[test]
    fn strict_mode_errors_are_located() {
        let audits = [audit("ann", &[("A1.1", 3)])];
        let options = ScoreOptions {
            strict: true,
            ..ScoreOptions::default()
        };
        let err = merged(&audits, &options).err().unwrap();
        assert_eq!(err.kind(), "incomplete-assessment");
        assert!(
            err.to_string().starts_with(
                "the merged audit of unit `uk` on `2024-03-01`: 128 item(s) not scored"
            ),
            "{err}"
        );
    }

    #[test]
    fn readings_follow_krippendorffs_guideline() {
        assert_eq!(reading(Some(0.8)), AlphaReading::Reliable);
        assert_eq!(reading(Some(0.7999)), AlphaReading::Tentative);
        assert_eq!(reading(Some(0.667)), AlphaReading::Tentative);
        assert_eq!(reading(Some(0.5)), AlphaReading::Unreliable);
        assert_eq!(reading(None), AlphaReading::Undefined);
    }
}
