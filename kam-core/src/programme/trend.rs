//! A unit's trend over its audit rounds: its pace in points per year, read
//! against the paper's timescale, and when it may reach its next milestone.
//!
//! kam's reading, not the paper's (see `timescales.json` and
//! docs/programme.md): the pace is the least-squares slope of the overall
//! score against time; the paper's pace over a span of phases is their
//! points over the years the paper gives them; the projections extend
//! either pace from the latest score to the next milestone on the path.

use std::fmt::Write;

use super::calendar;
use super::result::{MilestoneOutlook, Pace, PaceVerdict, Trend, UnitRound};
use super::timescale::Timescale;
use crate::error::Error;
use crate::framework::AuditFramework;
use crate::scoring::{Position, Total};
use crate::words::pct;

/// Reads the trend of `rounds` (oldest first, at least one), whose latest
/// round has the totals per period `periods` (path order).
///
/// # Errors
/// `invalid-date` for a date that is not a calendar date (ruled out when the
/// programme is checked).
pub(crate) fn trend(
    framework: &AuditFramework,
    timescale: Option<&Timescale>,
    rounds: &[UnitRound],
    periods: &[Total],
) -> Result<Option<Trend>, Error> {
    let (Some(first), Some(last)) = (rounds.first(), rounds.last()) else {
        return Ok(None);
    };
    let start = calendar::days("date", &first.date)?;
    let end = calendar::days("date", &last.date)?;
    let mut scores = Vec::with_capacity(rounds.len());
    let mut percents = Vec::with_capacity(rounds.len());
    for round in rounds {
        let t = calendar::years(start, calendar::days("date", &round.date)?);
        scores.push((t, f64::from(round.overall.score)));
        percents.push((t, round.overall.percent));
    }
    let points_per_year = slope(&scores);
    let phase = match &last.position {
        Position::Period { phase, .. } => Some(phase.as_str()),
        Position::BestPractice { .. } => None,
    };
    let span = timescale
        .zip(phase)
        .and_then(|(t, p)| t.span_of(framework, p));
    let pace = points_per_year
        .zip(span)
        .zip(timescale)
        .map(|((rate, (span, paper)), t)| {
            let ratio = rate / paper;
            Pace {
                span: span.phases.clone(),
                paper_years: span.years,
                paper_points_per_year: paper,
                ratio,
                verdict: verdict(rate, ratio, (t.kam.in_line_from, t.kam.in_line_to)),
            }
        });
    let milestone = outlook(
        (framework, periods),
        last.overall.score,
        end,
        (points_per_year, span.map(|(_, paper)| paper)),
    );
    let mut trend = Trend {
        rounds: super::count(rounds.len()),
        first: first.date.clone(),
        last: last.date.clone(),
        years: calendar::years(start, end),
        points_per_year,
        percent_per_year: slope(&percents),
        pace,
        milestone,
        reading: String::new(),
    };
    trend.reading = reading(&trend, last);
    Ok(Some(trend))
}

/// The least-squares slope of `y` on `t`; `None` with fewer than two
/// distinct times.
pub(crate) fn slope(points: &[(f64, f64)]) -> Option<f64> {
    if points.len() < 2 {
        return None;
    }
    let n = f64::from(super::count(points.len()));
    let t_mean = points.iter().map(|p| p.0).sum::<f64>() / n;
    let y_mean = points.iter().map(|p| p.1).sum::<f64>() / n;
    let sxx: f64 = points.iter().map(|p| (p.0 - t_mean).powi(2)).sum();
    let sxy: f64 = points.iter().map(|p| (p.0 - t_mean) * (p.1 - y_mean)).sum();
    (sxx > 0.0).then(|| sxy / sxx)
}

/// kam's reading of a pace of `rate` points a year, `ratio` times the
/// paper's, against the in-line `band`.
fn verdict(rate: f64, ratio: f64, band: (f64, f64)) -> PaceVerdict {
    if rate < 0.0 {
        PaceVerdict::Receding
    } else if rate == 0.0 {
        PaceVerdict::Stalled
    } else if ratio < band.0 {
        PaceVerdict::Slower
    } else if ratio < band.1 {
        PaceVerdict::InLine
    } else {
        PaceVerdict::Faster
    }
}

/// The next milestone on the path beyond the latest `score`, the points to
/// it, and the dates the unit's pace (`rate`) and the paper's reach it from
/// `day`; `None` past the last milestone. `periods` are the latest round's
/// totals per period in path order, whose maxima leave out items marked not
/// applicable.
fn outlook(
    (framework, periods): (&AuditFramework, &[Total]),
    score: u32,
    day: i64,
    (rate, paper): (Option<f64>, Option<f64>),
) -> Option<MilestoneOutlook> {
    let mut points = 0u32;
    let (after, name, points) = framework.path().zip(periods).find_map(|(step, total)| {
        points = points.saturating_add(total.max);
        let milestone = framework.milestones_after(&step.period.id).next()?;
        (points > score).then(|| (step.period.id.clone(), milestone.name.clone(), points))
    })?;
    let to_go = points.saturating_sub(score);
    let reach = |rate: Option<f64>| {
        rate.filter(|r| *r > 0.0)
            .and_then(|r| calendar::after(day, f64::from(to_go) / r))
    };
    Some(MilestoneOutlook {
        after,
        name,
        points,
        to_go,
        projected: reach(rate),
        at_paper_pace: reach(paper),
    })
}

/// A pace verdict as the words before "the paper's pace".
pub(crate) fn against(verdict: PaceVerdict) -> &'static str {
    match verdict {
        PaceVerdict::Faster => "faster than",
        PaceVerdict::InLine => "in line with",
        PaceVerdict::Slower => "slower than",
        PaceVerdict::Stalled => "stalled against",
        PaceVerdict::Receding => "going backwards against",
    }
}

/// The trend in words.
fn reading(trend: &Trend, latest: &UnitRound) -> String {
    let mut text = match trend.points_per_year {
        None => format!("Audited once, on {}: a pace needs two rounds.", trend.last),
        Some(rate) => {
            let moved = if rate > 0.0 {
                "rose"
            } else if rate < 0.0 {
                "fell"
            } else {
                "held steady"
            };
            let mut text = format!(
                "Over {:.1} years and {} rounds the overall score {moved}",
                trend.years, trend.rounds
            );
            if rate != 0.0 {
                let _ = write!(
                    text,
                    " by {:.1} points a year ({:+.1} percentage points a year)",
                    rate.abs(),
                    trend.percent_per_year.unwrap_or(0.0)
                );
            }
            text.push('.');
            text
        }
    };
    if let Some(pace) = &trend.pace {
        let how = against(pace.verdict);
        let _ = write!(
            text,
            " That is {how} the paper's pace for phases {} ({:.1} points a year over about {} years): {:.2} times it.",
            pace.span.join(" and "),
            pace.paper_points_per_year,
            pace.paper_years,
            pace.ratio
        );
    }
    match &trend.milestone {
        Some(m) => {
            let _ = write!(
                text,
                " The next milestone, {} (after period {}, {} points), is {} points away",
                m.name, m.after, m.points, m.to_go
            );
            match (&m.projected, &m.at_paper_pace) {
                (Some(own), Some(paper)) => {
                    let _ = write!(
                        text,
                        ": at this pace about {own}; at the paper's pace about {paper}."
                    );
                }
                (Some(own), None) => {
                    let _ = write!(text, ": at this pace about {own}.");
                }
                (None, Some(paper)) if trend.points_per_year.is_some() => {
                    let _ = write!(
                        text,
                        ": not at this pace; at the paper's pace about {paper}."
                    );
                }
                (None, Some(paper)) => {
                    let _ = write!(text, ": at the paper's pace about {paper}.");
                }
                (None, None) => text.push('.'),
            }
        }
        None => {
            let _ = write!(
                text,
                " Best practice reached: {} of the overall maximum.",
                pct(latest.overall.percent)
            );
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn slopes_by_least_squares() {
        assert_eq!(slope(&[(0.0, 10.0)]), None);
        assert_eq!(slope(&[(1.0, 10.0), (1.0, 20.0)]), None);
        assert_eq!(slope(&[(0.0, 10.0), (2.0, 30.0)]), Some(10.0));
        // Three rounds: 10, 40, 40 at 0, 1, 2 years: the fitted line rises
        // 15 a year (the ends alone would say 15 too; the middle pulls the
        // intercept, not the slope).
        assert_eq!(slope(&[(0.0, 10.0), (1.0, 40.0), (2.0, 40.0)]), Some(15.0));
    }

    #[test]
    fn verdicts_follow_the_band() {
        let band = (0.75, 1.25);
        assert_eq!(verdict(-1.0, -0.1, band), PaceVerdict::Receding);
        assert_eq!(verdict(0.0, 0.0, band), PaceVerdict::Stalled);
        assert_eq!(verdict(10.0, 0.5, band), PaceVerdict::Slower);
        assert_eq!(verdict(10.0, 0.75, band), PaceVerdict::InLine);
        assert_eq!(verdict(10.0, 1.2499, band), PaceVerdict::InLine);
        assert_eq!(verdict(10.0, 1.25, band), PaceVerdict::Faster);
    }

    proptest! {
        /// Points on a straight line give back its slope.
        #[test]
        fn a_line_gives_its_slope(a in -100.0f64..100.0, b in -50.0f64..50.0, ts in prop::collection::btree_set(0u32..4000, 2..8)) {
            let points: Vec<(f64, f64)> = ts.iter().map(|&t| {
                let t = f64::from(t) / 365.0;
                (t, a + b * t)
            }).collect();
            let s = slope(&points).unwrap();
            prop_assert!((s - b).abs() < 1e-6, "{} vs {}", s, b);
        }
    }
}
