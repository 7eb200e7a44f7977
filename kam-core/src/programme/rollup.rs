//! Rolling units up through the hierarchy, and ranking them.
//!
//! Rules (kam's):
//! - **Roll-up.** A unit's roll-up takes the latest round of the unit and of
//!   every unit inside it (at any depth) that has been audited, and adds up
//!   their points and their maxima, overall and per phase: the roll-up's
//!   percentage is total points over total maxima. A region of three
//!   business units is read as one audit of all their items. Each
//!   member's maximum is the same unless items were marked not applicable,
//!   so the roll-up is then the plain mean of their percentages; it always
//!   lies between the lowest and the highest of them.
//! - **Ranking.** Audited units are ranked by the overall percentage of
//!   their latest round, highest first; equal percentages share a rank (1,
//!   2, 2, 4) and keep report order.

use super::hierarchy::Hierarchy;
use super::result::{RollUp, UnitPosition, UnitReport};
use crate::scoring::{Total, percent};

/// The figures of a unit's latest round that the roll-up adds up.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Points {
    pub(crate) overall: Total,
    /// (score, max) per phase, in path order.
    pub(crate) phases: Vec<(u32, u32)>,
}

/// The roll-up of every unit, by unit index; `None` where no unit of the
/// subtree has been audited.
pub(crate) fn rollups(hierarchy: &Hierarchy, latest: &[Option<Points>]) -> Vec<Option<RollUp>> {
    let units = hierarchy.units();
    (0..units.len())
        .map(|unit| {
            let members: Vec<(usize, &Points)> = hierarchy
                .subtree(unit)
                .iter()
                .filter_map(|&u| latest.get(u)?.as_ref().map(|p| (u, p)))
                .collect();
            let phases = members.first()?.1.phases.len();
            let (mut score, mut max) = (0u32, 0u32);
            let mut by_phase = vec![(0u32, 0u32); phases];
            for (_, points) in &members {
                score = score.saturating_add(points.overall.score);
                max = max.saturating_add(points.overall.max);
                for (sum, part) in by_phase.iter_mut().zip(&points.phases) {
                    sum.0 = sum.0.saturating_add(part.0);
                    sum.1 = sum.1.saturating_add(part.1);
                }
            }
            // The first lowest and first highest in report order.
            let lowest = members.iter().reduce(|a, b| {
                if b.1.overall.percent < a.1.overall.percent {
                    b
                } else {
                    a
                }
            })?;
            let highest = members.iter().reduce(|a, b| {
                if b.1.overall.percent > a.1.overall.percent {
                    b
                } else {
                    a
                }
            })?;
            let id = |u: usize| units.get(u).map(|x| x.id.clone()).unwrap_or_default();
            Some(RollUp {
                units: super::count(members.len()),
                overall: Total {
                    score,
                    max,
                    percent: percent(score, max),
                },
                phases: by_phase.iter().map(|&(s, m)| percent(s, m)).collect(),
                lowest: id(lowest.0),
                lowest_percent: lowest.1.overall.percent,
                highest: id(highest.0),
                highest_percent: highest.1.overall.percent,
            })
        })
        .collect()
}

/// Every audited unit's latest position, ranked (see the module rules).
/// `units` are in report order.
pub(crate) fn ranking(units: &[UnitReport]) -> Vec<UnitPosition> {
    let mut positions: Vec<UnitPosition> = units
        .iter()
        .filter_map(|unit| {
            let latest = unit.rounds.last()?;
            Some(UnitPosition {
                rank: 0,
                unit: unit.id.clone(),
                name: unit.name.clone(),
                date: latest.date.clone(),
                overall: latest.overall,
                phases: latest.phases.clone(),
                position: latest.position.clone(),
                current_period: latest.current_period.clone(),
                change: unit.change.as_ref().map(|c| c.overall.percent_change),
                alpha: latest.agreement.alpha,
                pace: unit
                    .trend
                    .as_ref()
                    .and_then(|t| t.pace.as_ref())
                    .map(|p| p.verdict),
            })
        })
        .collect();
    // Stable: equal percentages keep report order.
    positions.sort_by(|a, b| b.overall.percent.total_cmp(&a.overall.percent));
    let mut rank = 0;
    let mut previous = None;
    for (i, p) in positions.iter_mut().enumerate() {
        if previous != Some(p.overall.percent) {
            rank = super::count(i + 1);
            previous = Some(p.overall.percent);
        }
        p.rank = rank;
    }
    positions
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::programme::document::Unit;

    fn points(score: u32, max: u32, phases: &[(u32, u32)]) -> Points {
        Points {
            overall: Total {
                score,
                max,
                percent: percent(score, max),
            },
            phases: phases.to_vec(),
        }
    }

    fn unit(id: &str, parent: Option<&str>) -> Unit {
        Unit {
            id: id.to_owned(),
            name: None,
            parent: parent.map(str::to_owned),
        }
    }

    #[test]
    fn a_region_adds_up_its_units_points() {
        let units = [
            unit("europe", None),
            unit("uk", Some("europe")),
            unit("de", Some("europe")),
            unit("fr", Some("europe")),
        ];
        let h = Hierarchy::new(&units).unwrap();
        // The UK at 100 of 387, Germany at 50 of 387, France not audited.
        let latest = [
            None,
            Some(points(100, 387, &[(60, 78), (40, 105)])),
            Some(points(50, 387, &[(50, 78), (0, 105)])),
            None,
        ];
        let r = rollups(&h, &latest);
        let europe = r[0].as_ref().unwrap();
        assert_eq!(europe.units, 2);
        assert_eq!((europe.overall.score, europe.overall.max), (150, 774));
        assert_eq!(europe.phases, [110.0 * 100.0 / 156.0, 40.0 * 100.0 / 210.0]);
        assert_eq!(
            (europe.lowest.as_str(), europe.highest.as_str()),
            ("de", "uk")
        );
        assert!(r[3].is_none());
        assert_eq!(r[1].as_ref().unwrap().units, 1);
    }

    proptest! {
        /// A roll-up lies between its lowest and highest member.
        #[test]
        fn rollups_lie_within_their_members(members in prop::collection::vec((0u32..=387, prop::sample::select(vec![387u32, 384, 300])), 1..12)) {
            let mut units = vec![unit("top", None)];
            let mut latest = vec![None];
            for (i, (score, max)) in members.iter().enumerate() {
                units.push(unit(&format!("u{i}"), Some("top")));
                let score = (*score).min(*max);
                latest.push(Some(points(score, *max, &[(score, *max)])));
            }
            let h = Hierarchy::new(&units).unwrap();
            let top = rollups(&h, &latest)[0].clone().unwrap();
            prop_assert!(top.lowest_percent <= top.overall.percent + 1e-9);
            prop_assert!(top.overall.percent <= top.highest_percent + 1e-9);
            prop_assert_eq!(top.units as usize, members.len());
        }
    }
}
