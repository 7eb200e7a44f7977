//! One round of a unit: its assessors' audits of one date merged as
//! `aggregate` merges them, and how far the assessors agree.

use std::borrow::Cow;

use super::alpha::{Coincidences, RELIABLE, TENTATIVE};
use super::result::{AlphaReading, DisputedItem, RoundAgreement, UnitRound};
use crate::analysis::aggregate::{ItemSpread, Merge, merge_scores};
use crate::assessment::{AuditAssessment, ItemIds};
use crate::error::{Error, ProgrammeError};
use crate::framework::AuditFramework;
use crate::scoring::{ScoreOptions, Total, figures};

/// A merged round: what the report keeps, each item's scores for the
/// disagreement overview, and the points per phase for the roll-up.
pub(crate) struct Merged {
    pub(crate) round: UnitRound,
    pub(crate) items: Vec<ItemSpread>,
    pub(crate) phases: Vec<Total>,
    /// Per period, in path order (for the next milestone).
    pub(crate) periods: Vec<Total>,
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
    let Merge {
        assessment,
        items,
        assessors,
    } = merge_scores(framework, ids, &audits, disagreement);
    // The figures without the report's item lists: a programme scores ten
    // thousand merged audits, and only the latest of each unit lists its
    // next actions.
    let figures = figures(framework, &assessment, options).map_err(|e| {
        ProgrammeError::at(format!("the merged audit of unit `{unit}` on `{date}`"), e)
    })?;
    let round = UnitRound {
        date: date.to_owned(),
        agreement: agreement(framework, &items, assessors.len()),
        assessors,
        merged: assessment,
        overall: figures.overall,
        phases: figures.phases.iter().map(|t| t.percent).collect(),
        periods: figures.periods.iter().map(|t| t.percent).collect(),
        position: figures.position,
        current_period: figures.current_period,
    };
    Ok(Merged {
        round,
        items,
        phases: figures.phases,
        periods: figures.periods,
    })
}

/// Alpha over the items the assessors scored, and the disputed items.
fn agreement(framework: &AuditFramework, items: &[ItemSpread], assessors: usize) -> RoundAgreement {
    let (min, max) = (framework.scale.min, framework.scale.max);
    let values = usize::from(max - min) + 1;
    let mut tally = Coincidences::new(values);
    let mut counts = vec![0u32; values];
    for item in items {
        counts.fill(0);
        for score in item.scores.iter().flatten() {
            if let Some(c) = counts.get_mut(usize::from(score.saturating_sub(min))) {
                *c += 1;
            }
        }
        tally.add(&counts);
    }
    let alpha = if assessors < 2 { None } else { tally.ordinal() };
    RoundAgreement {
        alpha,
        reading: reading(alpha),
        items: tally.items(),
        disputed: items
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

#[cfg(test)]
mod figures {
    use proptest::prelude::*;

    use crate::assessment::AuditAssessment;
    use crate::framework::builtin_audit;
    use crate::scoring::{ScoreOptions, figures, score_audit};

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// A round keeps the figures of the light scorer; they are the
        /// report's own, for any scores and completion threshold.
        #[test]
        fn figures_are_the_reports(scores in prop::collection::vec(prop::option::of(0u8..=3), 129), threshold in 1.0f64..=100.0) {
            let f = builtin_audit("cranfield-kam-development").unwrap();
            let mut a = AuditAssessment::new(f);
            for (item, s) in f.items.iter().zip(&scores) {
                if let Some(s) = s {
                    a.scores.insert(item.id.clone(), *s);
                }
            }
            let options = ScoreOptions { completion_threshold: threshold, ..ScoreOptions::default() };
            let report = score_audit(f, &a, &options).unwrap();
            let light = figures(f, &a, &options).unwrap();
            prop_assert_eq!(light.overall, report.overall);
            prop_assert_eq!(&light.position, &report.position);
            prop_assert_eq!(light.current_period.as_deref(), report.progress.current_period.as_deref());
            let phases: Vec<(u32, u32)> = report.phases.iter().map(|p| (p.score, p.max)).collect();
            prop_assert_eq!(light.phases.iter().map(|t| (t.score, t.max)).collect::<Vec<_>>(), phases);
            let periods: Vec<f64> = report.phases.iter().flat_map(|p| p.periods.iter().map(|q| q.percent)).collect();
            prop_assert_eq!(light.periods.iter().map(|t| t.percent).collect::<Vec<_>>(), periods);
        }
    }
}
