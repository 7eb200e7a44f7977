//! Reading the score sheet against the development path: the Figure 4
//! position, the Figure 3 progress reading, and the next actions.

use super::{ItemStatus, Line, Names, Position, Progress, ScoreSheet, Tally, is_complete};
use crate::framework::PathStep;
use crate::text::Text;

/// Figure 4: places the overall score on the cumulative path of period maxima.
///
/// With cumulative maxima `C1 … Cn` the score `S` lies in the period `k` where
/// `C(k-1) <= S < C(k)`; `S = Cn` is best practice. Periods with nothing to
/// score (every item not applicable) are skipped, as they span no points.
///
/// The period's names are shared with `names` when given, copied otherwise.
pub(crate) fn position(path: &[PathStep], periods: &[Tally], names: Option<&Names>) -> Position {
    let score: u32 = periods.iter().map(|t| t.score).sum();
    match locate(score, periods.iter().map(|t| t.max))
        .and_then(|spot| Some((spot, path.get(spot.index)?)))
    {
        Some((spot, step)) => {
            let period = names.and_then(|n| n.periods.get(spot.index));
            let phase = names.and_then(|n| n.phases.get(step.phase_index));
            Position::Period {
                period: period.map_or_else(|| Text::from(&step.period.id), |(id, _)| id.clone()),
                number: step.period.number,
                name: period.map_or_else(|| Text::from(&step.period.name), |(_, n)| n.clone()),
                phase: phase.map_or_else(|| Text::from(&step.phase.id), |(id, _)| id.clone()),
                from: spot.from,
                to: spot.to,
                fraction: spot.fraction,
            }
        }
        None => Position::BestPractice { score },
    }
}

/// Where a score lies on the cumulative path of period maxima.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Spot {
    /// Index of the period on the path.
    pub(crate) index: usize,
    /// Cumulative maximum before the period.
    pub(crate) from: u32,
    /// Cumulative maximum at its end.
    pub(crate) to: u32,
    /// Share of the period covered, in `[0, 1)`.
    pub(crate) fraction: f64,
}

/// The Figure 4 rule on bare numbers, shared by [`position`] and batch
/// scoring: the period `k` with `C(k-1) <= score < C(k)`, or `None` for best
/// practice. Periods with a maximum of 0 span no points and are skipped.
pub(crate) fn locate(score: u32, maxima: impl IntoIterator<Item = u32>) -> Option<Spot> {
    let mut from = 0;
    for (index, max) in maxima.into_iter().enumerate() {
        let to = from + max;
        if score < to {
            return Some(Spot {
                index,
                from,
                to,
                fraction: f64::from(score - from) / f64::from(max),
            });
        }
        from = to;
    }
    None
}

/// Figure 3: finds the earliest incomplete period and lists what is missing
/// up to it, what lags behind it and what is already done ahead of it.
pub(crate) fn progress(
    sheet: &ScoreSheet,
    names: &Names,
    periods: &[Tally],
    threshold: f64,
) -> Progress {
    let current = periods.iter().position(|t| !is_complete(t, threshold));
    // With every period complete, "up to the current period" means all of them.
    let last = current.unwrap_or(usize::MAX);
    let top = sheet.framework.scale.max;
    let select = |keep: &dyn Fn(&Line) -> bool| -> Vec<ItemStatus> {
        sheet
            .lines
            .iter()
            .filter(|l| !l.not_applicable && keep(l))
            .filter_map(|l| l.status(names))
            .collect()
    };
    let missing = select(&|l| l.step <= last && l.answer.unwrap_or(0) == 0);
    let lagging = select(&|l| l.step < last && l.answer.is_some_and(|a| a > 0 && a < top));
    let ahead = match current {
        Some(current) => select(&|l| l.step > current && sheet.is_top(l)),
        None => Vec::new(),
    };
    Progress {
        completion_threshold: threshold,
        current_period: current
            .and_then(|i| names.periods.get(i))
            .map(|(id, _)| id.clone()),
        missing,
        lagging,
        ahead,
    }
}

/// The first `limit` items below the top of the scale, in development-path
/// order: earliest periods first, file order within a period.
pub(crate) fn next_actions(sheet: &ScoreSheet, names: &Names, limit: u32) -> Vec<ItemStatus> {
    sheet
        .lines
        .iter()
        .filter(|l| !l.not_applicable && !sheet.is_top(l))
        .take(usize::try_from(limit).unwrap_or(usize::MAX))
        .filter_map(|l| l.status(names))
        .collect()
}
