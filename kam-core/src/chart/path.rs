//! Figure 4 of the Cranfield paper ("Using the overall audit score to chart
//! KAM programme progress"), as kam draws it: the development path as the
//! cumulative maximum score reachable by the end of each period (kam's
//! construction: the paper gives the caption, not the line), the paper's
//! milestones after the periods they follow, and the organisation's overall
//! score placed on the path.

use std::fmt::Write;

use super::layout::{self, Column, Key, Scale, WIDTH, diamond, dot, header, legend, nice_axis};
use super::svg::{INK, MUTED, Svg, TextStyle, V, num, styled_width, wrap};
use super::{CURRENT, PATH};
use crate::framework::Provenance;
use crate::scoring::{AuditReport, MilestoneMark, Position};
use crate::words::{self, titled};

const LEFT: f64 = 64.0;
const RIGHT: f64 = WIDTH - 20.0;
const PLOT_HEIGHT: f64 = 240.0;
/// Room above the plot for two lines of milestone names.
const MILESTONE_BAND: f64 = 34.0;

/// Figure 4 as a standalone SVG: kam's cumulative development path with the
/// period boundaries, a diamond at each milestone (at the end of the period
/// it follows: Launch at 117, after Capability building), and the overall
/// score marked where it falls on the path, with its period.
///
/// ```
/// # let framework = kam_core::framework::builtin_audit("cranfield-kam-development")?;
/// # let assessment = kam_core::AuditAssessment::new(framework);
/// let report = kam_core::api::score(&assessment, &kam_core::ScoreOptions::default())?;
/// let svg = kam_core::chart::figure4(&report);
/// assert!(svg.contains("Launch at 117 (after period 4 Capability building)"));
/// # Ok::<(), kam_core::Error>(())
/// ```
pub fn figure4(report: &AuditReport) -> String {
    let title = titled("Development path", &report.context);
    let cumulative = cumulative(report);
    let mut svg = Svg::new("kam-figure4", WIDTH, &title, &describe(report, &cumulative));
    let subtitle = vec![
        format!("{}: {}.", words::overall(report), words::position(report)),
        "kam's path: the line climbs by each period's maximum; milestones follow their periods."
            .to_owned(),
    ];
    let below = header(&mut svg, &title, &subtitle);
    let below = legend(
        &mut svg,
        below,
        &[
            (
                Key::Line(PATH),
                "Development path (cumulative maximum, kam's)".to_owned(),
            ),
            (Key::Diamond(INK), "Milestone".to_owned()),
            (Key::Dot(CURRENT), "Overall score".to_owned()),
        ],
    );
    let band = below + 4.0;
    let top = band + MILESTONE_BAND + 8.0;
    let bottom = top + PLOT_HEIGHT;
    let (step, max) = nice_axis(f64::from(report.overall.max));
    let scale = Scale { top, bottom, max };
    let (columns, spans) = layout::columns(report, (LEFT, RIGHT), 0.0);
    layout::phase_bands(&mut svg, report, &spans, (top, bottom), bottom + 36.0);
    scale.draw(&mut svg, (LEFT, RIGHT), step, "");
    scale.title(&mut svg, 16.0, "Cumulative audit score (points)");

    let vertices: Vec<(f64, f64)> = std::iter::once((LEFT, scale.y(0.0)))
        .chain(
            columns
                .iter()
                .zip(&cumulative)
                .map(|(c, &total)| (c.x + c.width, scale.y(f64::from(total)))),
        )
        .collect();
    // Milestones first, so the path and the score are drawn over their lines.
    milestone_names(&mut svg, report, &vertices, band);
    let score_at = score_point(report, &columns, &scale);
    if let Some((x, y)) = score_at {
        svg.dashed((LEFT, y), (x, y), CURRENT, 1.5);
        svg.dashed((x, y), (x, scale.bottom), CURRENT, 1.5);
    }
    let points: Vec<String> = vertices
        .iter()
        .map(|(x, y)| format!("{},{}", num(*x), num(*y)))
        .collect();
    svg.empty(
        "polyline",
        &[
            ("class", "kam-path".into()),
            ("points", V::S(&points.join(" "))),
            ("fill", "none".into()),
            ("stroke", PATH.into()),
            ("stroke-width", 2.5.into()),
            ("stroke-linejoin", "round".into()),
        ],
    );
    let small = TextStyle::new(10.0).end().fill(MUTED);
    let milestone_ends = milestone_ends(report);
    let label = score_at.map(|at| score_label(report, &vertices, at, bottom));
    for (index, (&(x, y), total)) in vertices.iter().skip(1).zip(&cumulative).enumerate() {
        let text = total.to_string();
        let width = styled_width(&text, &small);
        // A corner's value gives way to the score's label (both are in the
        // `<desc>` and the report's tables anyway).
        let hidden = label.as_ref().is_some_and(|l| {
            l.left < x - 5.0 && x - 5.0 - width < l.right && l.top < y - 7.0 && y - 17.0 < l.bottom
        });
        if !hidden {
            svg.halo_text(x - 5.0, y - 7.0, &small, &text);
        }
        if milestone_ends.iter().any(|&(end, _)| end == index + 1) {
            svg.open("g", &[("class", "kam-milestone".into())]);
            diamond(&mut svg, x, y, 6.5, INK);
            svg.close();
        } else {
            dot(&mut svg, x, y, 3.0, PATH);
        }
    }
    let number = TextStyle::new(11.5).middle().fill(MUTED);
    let periods = report.phases.iter().flat_map(|p| &p.periods);
    for (period, column) in periods.zip(&columns) {
        let centre = column.x + column.width * 0.5;
        svg.text(centre, bottom + 17.0, &number, &period.number.to_string());
    }
    if let (Some(at), Some(label)) = (score_at, label) {
        score_marker(&mut svg, at, &label);
    }
    layout::path_axis(&mut svg, (LEFT, RIGHT), bottom);
    svg.finish(bottom + 70.0)
}

/// Each milestone as the number of periods up to and including the one it
/// follows (its corner on the path), in path order.
fn milestone_ends(report: &AuditReport) -> Vec<(usize, &MilestoneMark)> {
    let periods: Vec<&str> = report
        .phases
        .iter()
        .flat_map(|p| &p.periods)
        .map(|p| p.id.as_str())
        .collect();
    let mut ends: Vec<(usize, &MilestoneMark)> = report
        .milestones
        .iter()
        .filter_map(|m| Some((periods.iter().position(|&p| p == m.after)? + 1, m)))
        .collect();
    crate::merge_sort::sort_by_key(&mut ends, |&(end, _)| end);
    ends
}

/// Writes each milestone's name above the plot with a dashed line down to
/// the path's corner at the end of the period it follows. A name ends at its
/// line when it fits between the previous milestone and the line, starts at
/// its line when it fits between the line and the next milestone (Launch,
/// one period after Senior management approval), and is otherwise wrapped to
/// two lines ending at the line.
fn milestone_names(svg: &mut Svg, report: &AuditReport, vertices: &[(f64, f64)], band: f64) {
    let ends = milestone_ends(report);
    let corners: Vec<Option<(f64, f64)>> = ends
        .iter()
        .map(|&(end, _)| vertices.get(end).copied())
        .collect();
    let mut taken_to = LEFT;
    for (index, &(_, milestone)) in ends.iter().enumerate() {
        let Some((x, y)) = corners.get(index).copied().flatten() else {
            continue;
        };
        let next = corners
            .get(index + 1)
            .copied()
            .flatten()
            .map_or(RIGHT, |(nx, _)| nx);
        let name = match milestone.provenance {
            Provenance::Source => milestone.name.to_string(),
            Provenance::Kam => format!("{} (kam)", milestone.name),
        };
        let ending = TextStyle::new(11.0).end().bold();
        let starting = TextStyle::new(11.0).bold();
        let width = styled_width(&name, &ending);
        let (lines, style, anchor_x, right_edge) = if width <= x - 5.0 - taken_to {
            (vec![name], ending, x - 5.0, x)
        } else if width <= next - 10.0 - (x + 5.0) {
            (vec![name], starting, x + 5.0, x + 5.0 + width)
        } else {
            let lines = wrap(&name, (x - 5.0 - taken_to).max(40.0), &ending, 2);
            (lines, ending, x - 5.0, x)
        };
        let first = band + if lines.len() < 2 { 24.0 } else { 11.0 };
        for (i, line) in lines.iter().enumerate() {
            let offset = 13.0 * f64::from(u32::try_from(i).unwrap_or(0));
            svg.text(anchor_x, first + offset, &style, line);
        }
        svg.dashed((x, band + MILESTONE_BAND), (x, y), MUTED, 1.0);
        taken_to = right_edge + 5.0;
    }
}

/// The cumulative maximum at the end of each period, in path order.
fn cumulative(report: &AuditReport) -> Vec<u32> {
    let mut total = 0u32;
    report
        .phases
        .iter()
        .flat_map(|p| &p.periods)
        .map(|p| {
            total = total.saturating_add(p.max);
            total
        })
        .collect()
}

/// Where the overall score lies on the path, if its period is charted.
fn score_point(report: &AuditReport, columns: &[Column], scale: &Scale) -> Option<(f64, f64)> {
    let periods = report.phases.iter().flat_map(|p| &p.periods);
    let x = match &report.position {
        Position::Period {
            period, fraction, ..
        } => periods
            .zip(columns)
            .find(|(p, _)| &p.id == period)
            .map(|(_, c)| c.x + c.width * fraction.clamp(0.0, 1.0)),
        Position::BestPractice { .. } => columns.last().map(|c| c.x + c.width),
    }?;
    Some((x, scale.y(f64::from(report.overall.score))))
}

/// Where the score's value goes: its text, anchor point, style and box.
struct ScoreLabel {
    text: String,
    x: f64,
    baseline: f64,
    style: TextStyle,
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
}

/// The path's y at `x`, between its corners.
fn path_y(vertices: &[(f64, f64)], x: f64) -> f64 {
    let mut previous = vertices.first().copied().unwrap_or((x, 0.0));
    for &(vx, vy) in vertices {
        if vx >= x {
            let span = vx - previous.0;
            return if span <= 0.0 {
                vy
            } else {
                previous.1 + (vy - previous.1) * (x - previous.0) / span
            };
        }
        previous = (vx, vy);
    }
    previous.1
}

/// Places the score's value under the path (the path rises to the right, so
/// the space below it is empty), or above it when that would run into the
/// axis; turned to the left of the dot near the right edge.
fn score_label(
    report: &AuditReport,
    vertices: &[(f64, f64)],
    (x, y): (f64, f64),
    bottom: f64,
) -> ScoreLabel {
    let text = format!("{} of {}", report.overall.score, report.overall.max);
    let style = TextStyle::new(12.0).bold().fill(CURRENT);
    let width = styled_width(&text, &style);
    let (anchor_x, left, style) = if x > RIGHT - width - 14.0 {
        (x - 10.0, x - 10.0 - width, style.end())
    } else {
        (x + 10.0, x + 10.0, style)
    };
    let right = left + width;
    // Below the path: under its lowest point over the label, i.e. its left end.
    let below = (y + 18.0).max(path_y(vertices, left) + 16.0);
    let baseline = if below <= bottom - 4.0 {
        below
    } else {
        // Above the path: over its highest point, the label's right end.
        (y - 12.0).min(path_y(vertices, right) - 8.0)
    };
    ScoreLabel {
        text,
        x: anchor_x,
        baseline,
        style,
        left,
        right,
        top: baseline - 12.0,
        bottom: baseline + 3.0,
    }
}

/// Marks the overall score with a dot and its value.
fn score_marker(svg: &mut Svg, (x, y): (f64, f64), label: &ScoreLabel) {
    svg.open("g", &[("class", "kam-score".into())]);
    dot(svg, x, y, 6.5, CURRENT);
    svg.halo_text(label.x, label.baseline, &label.style, &label.text);
    svg.close();
}

/// Figure 4 in words for the chart's `<desc>`.
fn describe(report: &AuditReport, cumulative: &[u32]) -> String {
    let mut text = String::from(
        "Line chart of the cumulative development path: the maximum reachable by the end of each period is ",
    );
    let periods = report.phases.iter().flat_map(|p| &p.periods);
    let steps: Vec<String> = periods
        .zip(cumulative)
        .map(|(p, total)| format!("{total} after period {} {}", p.number, p.name))
        .collect();
    let _ = write!(
        text,
        "{}; the path is kam's construction, the paper gives the figure's caption only. Milestones: ",
        steps.join(", ")
    );
    let milestones: Vec<String> = report
        .milestones
        .iter()
        .map(|m| {
            let whose = match m.provenance {
                Provenance::Source => "",
                Provenance::Kam => ", kam's",
            };
            let period = report
                .phases
                .iter()
                .flat_map(|p| &p.periods)
                .find(|p| p.id == m.after)
                .map_or_else(
                    || m.after.to_string(),
                    |p| format!("{} {}", p.number, p.name),
                );
            format!("{} at {} (after period {period}{whose})", m.name, m.at)
        })
        .collect();
    let milestones = if milestones.is_empty() {
        vec!["none".to_owned()]
    } else {
        milestones
    };
    let _ = write!(
        text,
        "{}. The overall score, {}, lies at {}.",
        milestones.join("; "),
        words::overall(report),
        words::position(report)
    );
    text
}
