//! A unit's trend on the development path: its merged overall score at
//! each round against time, the milestones as levels of the score (Figure 4
//! turned on its side: the path climbs in points, the years run across),
//! and, from the latest round, where its own pace and the paper's lead to
//! the next milestone.

use std::fmt::Write;

use super::float;
use crate::chart::layout::{Key, Scale, WIDTH, diamond, dot, header, legend, nice_axis};
use crate::chart::svg::{BAND, GRID, INK, MUTED, Svg, TextStyle, V, fit, num, styled_width};
use crate::chart::{CURRENT, PATH};
use crate::programme::calendar;
use crate::programme::result::{ProgrammeReport, UnitReport};
use crate::words::pct;

const LEFT: f64 = 56.0;
const RIGHT: f64 = WIDTH - 24.0;
const PLOT_HEIGHT: f64 = 250.0;
/// The paper's pace: a muted dash, so the unit's own line leads the eye.
const PAPER: &str = "#7b8794";

/// The trend of one unit as a standalone SVG, or `None` when it has no
/// audit rounds: its merged overall score at each round against time, with
/// the milestones of the development path as levels, and dashed lines from
/// its latest score to the next milestone at its own pace and at the
/// paper's.
///
/// ```
/// let programme = kam_core::api::example_programme()?;
/// let report = kam_core::api::programme_report(&programme, &Default::default())?;
/// let uk = report.units.iter().find(|u| u.id == "united-kingdom").unwrap();
/// let svg = kam_core::programme::chart::unit_trend(&report, uk).unwrap();
/// assert!(svg.contains("United Kingdom"));
/// # Ok::<(), kam_core::Error>(())
/// ```
pub fn unit_trend(report: &ProgrammeReport, unit: &UnitReport) -> Option<String> {
    let first = unit.rounds.first()?;
    let last = unit.rounds.last()?;
    let start = calendar::days("date", &first.date).ok()?;
    let end = calendar::days("date", &last.date).ok()?;
    let milestone = unit.trend.as_ref().and_then(|t| t.milestone.as_ref());
    // The years shown: the rounds, and the way to the next milestone when it
    // is within five years of the latest round; at least half a year on.
    let reach = |date: Option<&String>| {
        date.and_then(|d| calendar::days("date", d).ok())
            .filter(|&d| d <= end + 5 * 366)
    };
    let horizon = milestone
        .map(|m| [reach(m.projected.as_ref()), reach(m.at_paper_pace.as_ref())])
        .into_iter()
        .flatten()
        .flatten()
        .max()
        .unwrap_or(end)
        .max(end + 183);
    let top_points = report
        .milestones
        .last()
        .map_or(last.overall.max, |m| m.points);
    let title = format!("Trend on the development path — {}", unit.name);
    let mut svg = Svg::new(
        &format!("kam-trend-{}", id_part(&unit.id)),
        WIDTH,
        &title,
        &describe(report, unit),
    );
    let subtitle = vec![
        format!(
            "{} round(s), {} to {}; latest {} of {} points ({}).",
            unit.rounds.len(),
            first.date,
            last.date,
            last.overall.score,
            last.overall.max,
            pct(last.overall.percent)
        ),
        "Each dot is a round's merged overall score; the levels are the milestones.".to_owned(),
    ];
    let below = header(&mut svg, &title, &subtitle);
    let mut keys = vec![
        (Key::Line(PATH), "Overall score, merged".to_owned()),
        (Key::Diamond(INK), "Milestone".to_owned()),
    ];
    if milestone.is_some_and(|m| m.projected.is_some()) {
        keys.push((Key::Dashed(CURRENT), "At this pace".to_owned()));
    }
    if milestone.is_some_and(|m| m.at_paper_pace.is_some()) {
        keys.push((Key::Dashed(PAPER), "At the paper's pace".to_owned()));
    }
    let below = legend(&mut svg, below, &keys);
    let top = below + 14.0;
    let bottom = top + PLOT_HEIGHT;
    let (step, max) = nice_axis(f64::from(top_points));
    let scale = Scale { top, bottom, max };
    // A little room before the first round, so its dot and value clear the
    // axis; `along` is not clamped, `x` is.
    let pad = (horizon - start) / 25 + 1;
    let origin = start - pad;
    let span = float_days(horizon - origin).max(1.0);
    let along = |day: i64| LEFT + (RIGHT - LEFT) * signed_days(day - origin) / span;
    let x = |day: i64| along(day).clamp(LEFT, RIGHT);
    // The marks are placed before they are drawn, so the milestones'
    // labels (drawn first, under them) can keep clear of them.
    let mut projections = Vec::new();
    if let Some(m) = milestone {
        let from = (x(end), scale.y(f64::from(last.overall.score)));
        let goal = scale.y(f64::from(m.points));
        for (date, colour) in [(&m.at_paper_pace, PAPER), (&m.projected, CURRENT)] {
            if let Some(day) = date.as_ref().and_then(|d| calendar::days("date", d).ok()) {
                let to = (x(day), goal_at(from, (along(day), goal), RIGHT));
                projections.push((from, to, colour));
            }
        }
    }
    let points: Vec<(f64, f64, u32)> = unit
        .rounds
        .iter()
        .filter_map(|r| {
            let day = calendar::days("date", &r.date).ok()?;
            Some((x(day), scale.y(f64::from(r.overall.score)), r.overall.score))
        })
        .collect();
    let marks = Marks::of(&points, &projections);
    levels(&mut svg, report, &scale, &marks);
    scale.draw(&mut svg, (LEFT, RIGHT), step, "");
    scale.title(&mut svg, 16.0, "Overall audit score (points)");
    years(&mut svg, (origin, horizon), &x, bottom);
    for (from, to, colour) in projections {
        svg.dashed(from, to, colour, 1.8);
    }
    line(&mut svg, &points);
    svg.line((LEFT, bottom), (RIGHT, bottom), INK, 1.0);
    Some(svg.finish(bottom + 44.0))
}

/// The unit's scores: a line through the rounds, a dot and value at each.
fn line(svg: &mut Svg, points: &[(f64, f64, u32)]) {
    let line: Vec<String> = points
        .iter()
        .map(|(px, py, _)| format!("{},{}", num(*px), num(*py)))
        .collect();
    svg.empty(
        "polyline",
        &[
            ("class", "kam-trend".into()),
            ("points", V::S(&line.join(" "))),
            ("fill", "none".into()),
            ("stroke", PATH.into()),
            ("stroke-width", 2.5.into()),
            ("stroke-linejoin", "round".into()),
        ],
    );
    let value = value_style();
    for (px, py, score) in points {
        svg.open("g", &[("class", "kam-round".into())]);
        dot(svg, *px, *py, 5.0, PATH);
        svg.halo_text(*px, py - 10.0, &value, &score.to_string());
        svg.close();
    }
}

/// The style of a round's value above its dot.
fn value_style() -> TextStyle {
    TextStyle::new(11.0).middle().bold().fill(PATH)
}

/// A rectangle: left, top, right, bottom.
type Area = (f64, f64, f64, f64);

/// What a milestone's label must not cover: the unit's line and the
/// projections (as segments), each round's dot and value (as areas).
struct Marks {
    segments: Vec<((f64, f64), (f64, f64))>,
    areas: Vec<Area>,
}

impl Marks {
    fn of(points: &[(f64, f64, u32)], projections: &[((f64, f64), (f64, f64), &str)]) -> Self {
        let mut segments: Vec<_> = points
            .windows(2)
            .filter_map(|pair| {
                Some((
                    (pair.first()?.0, pair.first()?.1),
                    (pair.get(1)?.0, pair.get(1)?.1),
                ))
            })
            .collect();
        segments.extend(projections.iter().map(|(from, to, _)| (*from, *to)));
        let value = value_style();
        let mut areas = Vec::new();
        for (px, py, score) in points {
            areas.push((px - 6.0, py - 6.0, px + 6.0, py + 6.0));
            let half = styled_width(&score.to_string(), &value) / 2.0;
            areas.push(text_area(px - half, px + half, py - 10.0, value.size));
        }
        Self { segments, areas }
    }

    /// Whether `area` is clear of every mark.
    fn clear(&self, area: Area) -> bool {
        !self.areas.iter().any(|a| overlaps(*a, area))
            && !self
                .segments
                .iter()
                .any(|(from, to)| crosses(*from, *to, area))
    }
}

/// The area of a line of text from `left` to `right` on `baseline`.
fn text_area(left: f64, right: f64, baseline: f64, size: f64) -> Area {
    (
        left - 2.0,
        baseline - 0.8 * size,
        right + 2.0,
        baseline + 0.2 * size,
    )
}

fn overlaps(a: Area, b: Area) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// Whether the segment from `from` to `to` passes through `area`
/// (Liang–Barsky clipping).
fn crosses(from: (f64, f64), to: (f64, f64), area: Area) -> bool {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let (mut enter, mut leave) = (0.0_f64, 1.0_f64);
    for (p, q) in [
        (-dx, from.0 - area.0),
        (dx, area.2 - from.0),
        (-dy, from.1 - area.1),
        (dy, area.3 - from.1),
    ] {
        if p.abs() < f64::EPSILON {
            if q < 0.0 {
                return false;
            }
        } else if p < 0.0 {
            enter = enter.max(q / p);
        } else {
            leave = leave.min(q / p);
        }
    }
    enter <= leave
}

/// Where a milestone's label goes: at the right above its level, else the
/// first of below it at the right, above it at the left, below it at the
/// left that covers neither a mark of the unit nor a label placed before
/// and stays in the plot; at the right above when none does. Returns the
/// text's anchor point and whether it is anchored at its end.
fn label_place(
    label: &str,
    style: &TextStyle,
    y: f64,
    (top, bottom): (f64, f64),
    marks: &Marks,
    placed: &[Area],
) -> (f64, f64, bool) {
    let width = styled_width(label, style);
    let above = y - 5.0;
    let below = y + 4.0 + 0.8 * style.size;
    let usual = (RIGHT - 10.0, above, true);
    let candidates = [
        usual,
        (RIGHT - 10.0, below, true),
        (LEFT + 8.0, above, false),
        (LEFT + 8.0, below, false),
    ];
    let area = |(x, baseline, end): (f64, f64, bool)| {
        let left = if end { x - width } else { x };
        text_area(left, left + width, baseline, style.size)
    };
    candidates
        .into_iter()
        .find(|&c| {
            let a = area(c);
            a.1 >= top && a.3 <= bottom && marks.clear(a) && !placed.iter().any(|p| overlaps(*p, a))
        })
        .unwrap_or(usual)
}

/// The milestones as levels: alternate phase bands and a dashed line at
/// each milestone's score, named at the right, or where the name covers no
/// mark of the unit (`label_place`).
fn levels(svg: &mut Svg, report: &ProgrammeReport, scale: &Scale, marks: &Marks) {
    let name = TextStyle::new(10.5).end().fill(MUTED);
    let start = TextStyle::new(10.5).fill(MUTED);
    let mut placed = Vec::new();
    let mut below = 0u32;
    for (index, m) in report.milestones.iter().enumerate() {
        let (y_top, y_bottom) = (scale.y(f64::from(m.points)), scale.y(f64::from(below)));
        if index % 2 == 0 {
            svg.rect(LEFT, y_top, RIGHT - LEFT, y_bottom - y_top, BAND);
        }
        below = m.points;
    }
    for m in &report.milestones {
        let y = scale.y(f64::from(m.points));
        svg.dashed((LEFT, y), (RIGHT, y), GRID, 1.0);
        svg.open("g", &[("class", "kam-milestone".into())]);
        diamond(svg, RIGHT, y, 5.0, INK);
        svg.close();
        let label = fit(
            &format!("after {} · {} ({})", m.after, m.name, m.points),
            300.0,
            &name,
        );
        // Above the plot there is the gap to the legend.
        let room = (scale.top - 14.0, scale.bottom);
        let (x, baseline, end) = label_place(&label, &name, y, room, marks, &placed);
        let style = if end { &name } else { &start };
        let width = styled_width(&label, style);
        let left = if end { x - width } else { x };
        placed.push(text_area(left, left + width, baseline, style.size));
        svg.halo_text(x, baseline, style, &label);
    }
}

/// A tick and label at each 1 January within `(from, to)`, the year's first
/// day; the first year is labelled at the left edge when no 1 January falls
/// in the range.
fn years(svg: &mut Svg, (from, to): (i64, i64), x: &dyn Fn(i64) -> f64, bottom: f64) {
    let label = TextStyle::new(11.0).middle().fill(MUTED);
    let year_of =
        |day: i64| calendar::date(day).and_then(|d| d.get(..4).and_then(|y| y.parse::<i64>().ok()));
    let (Some(first), Some(last)) = (year_of(from), year_of(to)) else {
        return;
    };
    let mut labelled = false;
    for year in first..=last + 1 {
        let Some(day) = calendar::days("date", &format!("{year:04}-01-01")).ok() else {
            continue;
        };
        if day < from || day > to {
            continue;
        }
        let at = x(day);
        svg.line((at, bottom), (at, bottom + 5.0), INK, 1.0);
        svg.text(at, bottom + 18.0, &label, &year.to_string());
        labelled = true;
    }
    if !labelled {
        svg.text(LEFT + 16.0, bottom + 18.0, &label, &first.to_string());
    }
    svg.text(
        f64::midpoint(LEFT, RIGHT),
        bottom + 36.0,
        &TextStyle::new(11.5).middle().fill(MUTED),
        "Date of the audit round",
    );
}

/// The y where the line from `from` to `to` crosses `x = edge`, or `to`'s
/// y when it ends before the edge: a projection beyond the chart is cut at
/// its right edge.
fn goal_at(from: (f64, f64), to: (f64, f64), edge: f64) -> f64 {
    if to.0 <= edge || (to.0 - from.0).abs() < f64::EPSILON {
        to.1
    } else {
        from.1 + (to.1 - from.1) * (edge - from.0) / (to.0 - from.0)
    }
}

fn float_days(days: i64) -> f64 {
    float(usize::try_from(days.max(0)).unwrap_or(usize::MAX))
}

/// A signed day count as `f64`.
fn signed_days(days: i64) -> f64 {
    if days < 0 {
        -float_days(-days)
    } else {
        float_days(days)
    }
}

/// The unit id as it may appear in an element id: letters, digits and `-`.
fn id_part(id: &str) -> String {
    id.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

/// The chart in words for its `<desc>`.
fn describe(report: &ProgrammeReport, unit: &UnitReport) -> String {
    let mut text = format!(
        "Line chart of the merged overall audit score of {} at each audit round, on the development path from 0 to {} points",
        unit.name,
        report.milestones.last().map_or(0, |m| m.points)
    );
    let milestones: Vec<String> = report
        .milestones
        .iter()
        .map(|m| format!("{} at {}", m.name, m.points))
        .collect();
    if !milestones.is_empty() {
        let _ = write!(text, " (milestones: {})", milestones.join(", "));
    }
    let rounds: Vec<String> = unit
        .rounds
        .iter()
        .map(|r| {
            format!(
                "{} {} points ({})",
                r.date,
                r.overall.score,
                pct(r.overall.percent)
            )
        })
        .collect();
    let _ = write!(text, ". Rounds: {}.", rounds.join("; "));
    if let Some(trend) = &unit.trend {
        let _ = write!(text, " {}", trend.reading);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projections_are_cut_at_the_edge() {
        assert!((goal_at((0.0, 100.0), (50.0, 0.0), 80.0) - 0.0).abs() < 1e-12);
        assert!((goal_at((0.0, 100.0), (200.0, 0.0), 100.0) - 50.0).abs() < 1e-12);
        assert_eq!(id_part("uk/north 1"), "uk-north-1");
    }

    #[test]
    fn a_milestone_label_moves_off_the_line() {
        let style = TextStyle::new(10.5).end().fill(MUTED);
        let label = "after A3 · Senior management approval (78)";
        let y = 200.0;
        let close = |(x, baseline, end): (f64, f64, bool), want: (f64, f64, bool)| {
            (x - want.0).abs() < 1e-9 && (baseline - want.1).abs() < 1e-9 && end == want.2
        };
        // Nothing in the way: above its level, at the right.
        let none = Marks::of(&[], &[]);
        let usual = (RIGHT - 10.0, y - 5.0, true);
        assert!(close(
            label_place(label, &style, y, (0.0, 400.0), &none, &[]),
            usual
        ));
        // The unit's line just above the level, under the usual place: below it.
        let line = Marks::of(&[(LEFT, y - 8.0, 80), (RIGHT, y - 8.0, 80)], &[]);
        let below = (RIGHT - 10.0, y + 4.0 + 0.8 * 10.5, true);
        assert!(close(
            label_place(label, &style, y, (0.0, 400.0), &line, &[]),
            below
        ));
        // A projection crossing both places at the right: to the left.
        let steep = Marks::of(
            &[],
            &[((RIGHT - 100.0, y + 40.0), (RIGHT - 40.0, y - 40.0), PAPER)],
        );
        let left = (LEFT + 8.0, y - 5.0, false);
        assert!(close(
            label_place(label, &style, y, (0.0, 400.0), &steep, &[]),
            left
        ));
        // No room anywhere: the usual place.
        let placed = [(0.0, 0.0, WIDTH, 400.0)];
        assert!(close(
            label_place(label, &style, y, (0.0, 400.0), &none, &placed),
            usual
        ));
    }

    #[test]
    fn segments_cross_areas_they_pass_through() {
        let area = (10.0, 10.0, 20.0, 20.0);
        assert!(crosses((0.0, 15.0), (30.0, 15.0), area));
        assert!(crosses((12.0, 12.0), (13.0, 13.0), area));
        assert!(!crosses((0.0, 0.0), (30.0, 5.0), area));
        assert!(!crosses((0.0, 25.0), (5.0, 0.0), area));
        assert!(overlaps(area, (19.0, 19.0, 40.0, 40.0)));
        assert!(!overlaps(area, (21.0, 0.0, 40.0, 40.0)));
    }
}
