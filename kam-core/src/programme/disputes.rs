//! Where the assessors disagree, across the units' latest rounds: alpha per
//! unit, the items disputed most often, and a heatmap of how far each
//! assessor scored from the merged score where an item was disputed.

use std::collections::BTreeMap;

use super::alpha::RELIABLE;
use super::result::{AgreementOverview, DisputedAcross, Heatmap, LowAgreement, UnitRound};
use super::round::reading;
use crate::analysis::aggregate::ItemSpread;
use crate::assessment::path_items;
use crate::framework::AuditFramework;

/// Most items the overview lists as disputed.
pub const DISPUTED_ITEMS: usize = 10;
/// Most items the heatmap shows.
pub const HEATMAP_ITEMS: usize = 15;
/// Most assessors the heatmap shows.
pub const HEATMAP_ASSESSORS: usize = 12;

/// The latest rounds, gathered unit by unit in report order.
#[derive(Debug, Default)]
pub(crate) struct Disputes {
    /// Unit id, date and alpha of each latest round with an alpha.
    alphas: Vec<(String, String, f64)>,
    /// Units disputing each item, by item id.
    disputed: BTreeMap<String, Vec<String>>,
    /// Assessor names, numbered as first met.
    assessors: BTreeMap<String, usize>,
    /// Scores each assessor gave to disputed items.
    scores: Vec<u32>,
    /// (assessor, item) → sum of score − merged score, and how many.
    deviations: BTreeMap<(usize, String), (i64, u32)>,
}

impl Disputes {
    /// Adds a unit's latest round.
    pub(crate) fn add(&mut self, unit: &str, round: &UnitRound, items: &[ItemSpread]) {
        if let Some(alpha) = round.agreement.alpha {
            self.alphas
                .push((unit.to_owned(), round.date.clone(), alpha));
        }
        for item in &round.agreement.disputed {
            self.disputed
                .entry(item.id.clone())
                .or_default()
                .push(unit.to_owned());
        }
        if round.assessors.len() < 2 {
            return;
        }
        let numbers: Vec<usize> = round
            .assessors
            .iter()
            .map(|name| {
                let next = self.assessors.len();
                *self.assessors.entry(name.clone()).or_insert(next)
            })
            .collect();
        self.scores.resize(self.assessors.len(), 0);
        // Only disputed items: the heatmap shows who pulled which way where
        // the panel was split, not the quiet agreement elsewhere.
        for item in items.iter().filter(|i| i.disagreement) {
            for (&a, score) in numbers.iter().zip(&item.scores) {
                let Some(score) = score else { continue };
                if let Some(n) = self.scores.get_mut(a) {
                    *n += 1;
                }
                let cell = self.deviations.entry((a, item.id.clone())).or_default();
                cell.0 += i64::from(*score) - i64::from(item.score);
                cell.1 += 1;
            }
        }
    }

    /// The overview, items in `framework`'s path order where it matters.
    pub(crate) fn finish(self, framework: Option<&AuditFramework>) -> AgreementOverview {
        let order: BTreeMap<&str, (usize, &str)> = framework
            .map(|f| {
                path_items(f)
                    .enumerate()
                    .map(|(n, i)| (i.id.as_str(), (n, i.text.as_str())))
                    .collect()
            })
            .unwrap_or_default();
        let place = |id: &str| order.get(id).map_or(usize::MAX, |p| p.0);
        let mut alphas: Vec<f64> = self.alphas.iter().map(|a| a.2).collect();
        alphas.sort_by(f64::total_cmp);
        let mut low: Vec<&(String, String, f64)> =
            self.alphas.iter().filter(|a| a.2 < RELIABLE).collect();
        low.sort_by(|a, b| a.2.total_cmp(&b.2));
        let mut disputed: Vec<(&String, &Vec<String>)> = self.disputed.iter().collect();
        disputed.sort_by_key(|(id, units)| (std::cmp::Reverse(units.len()), place(id)));
        let mut shown: Vec<&String> = disputed.iter().take(HEATMAP_ITEMS).map(|d| d.0).collect();
        shown.sort_by_key(|id| place(id));
        AgreementOverview {
            rounds: super::count(alphas.len()),
            median_alpha: median(&alphas),
            low: low
                .into_iter()
                .map(|(unit, date, alpha)| LowAgreement {
                    unit: unit.clone(),
                    date: date.clone(),
                    alpha: *alpha,
                    reading: reading(Some(*alpha)),
                })
                .collect(),
            disputed: disputed
                .iter()
                .take(DISPUTED_ITEMS)
                .map(|(id, units)| DisputedAcross {
                    id: (*id).clone(),
                    text: order
                        .get(id.as_str())
                        .map(|p| p.1.to_owned())
                        .unwrap_or_default(),
                    units: (*units).clone(),
                })
                .collect(),
            heatmap: self.heatmap(&shown),
        }
    }

    /// The assessors with the most scores (ties by name), by name, against
    /// the items shown.
    fn heatmap(&self, items: &[&String]) -> Heatmap {
        if items.is_empty() {
            return Heatmap {
                items: Vec::new(),
                assessors: Vec::new(),
                cells: Vec::new(),
            };
        }
        let mut assessors: Vec<(&String, usize)> =
            self.assessors.iter().map(|(name, &a)| (name, a)).collect();
        assessors.sort_by_key(|(name, a)| {
            (
                std::cmp::Reverse(self.scores.get(*a).copied().unwrap_or(0)),
                *name,
            )
        });
        assessors.truncate(HEATMAP_ASSESSORS);
        assessors.sort_by_key(|(name, _)| *name);
        Heatmap {
            items: items.iter().map(|id| (*id).clone()).collect(),
            cells: assessors
                .iter()
                .map(|(_, a)| {
                    items
                        .iter()
                        .map(|id| {
                            let (sum, n) = self.deviations.get(&(*a, (*id).clone()))?;
                            // Sums of score differences are small integers.
                            #[allow(clippy::cast_precision_loss)]
                            let sum = *sum as f64;
                            (*n > 0).then(|| sum / f64::from(*n))
                        })
                        .collect()
                })
                .collect(),
            assessors: assessors
                .into_iter()
                .map(|(name, _)| name.clone())
                .collect(),
        }
    }
}

/// The median of sorted values; the mean of the middle two for an even count.
fn median(sorted: &[f64]) -> Option<f64> {
    let n = sorted.len();
    let upper = *sorted.get(n / 2)?;
    let lower = *sorted.get((n.max(1) - 1) / 2)?;
    Some(f64::midpoint(lower, upper))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[0.5]), Some(0.5));
        assert!((median(&[0.2, 0.4]).unwrap() - 0.3).abs() < 1e-15);
        assert_eq!(median(&[0.1, 0.2, 0.9]), Some(0.2));
    }
}
