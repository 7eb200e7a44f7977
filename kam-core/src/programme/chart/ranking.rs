//! The unit ranking: one bar per unit, its latest overall percentage,
//! coloured by the phase its Figure 4 position lies in.

use std::fmt::Write;

use super::{best_practice_colour, float, phase_colour};
use crate::chart::layout::{Key, WIDTH, header, legend};
use crate::chart::svg::{GRID, INK, MUTED, Svg, TextStyle, fit, num};
use crate::programme::result::{ProgrammeReport, UnitPosition};
use crate::scoring::Position;
use crate::words::pct;

const LABEL_WIDTH: f64 = 200.0;
const LEFT: f64 = 20.0 + LABEL_WIDTH;
const RIGHT: f64 = WIDTH - 64.0;
const ROW: f64 = 20.0;
/// Most units drawn; a longer ranking shows its top and bottom halves.
pub const RANKING_ROWS: usize = 40;

/// The ranking as a standalone SVG, or `None` when no unit has been
/// audited: a bar per unit, best first, its length the latest overall
/// percentage and its colour the phase of its position on the path. With
/// more than [`RANKING_ROWS`] units, the top and bottom 20 are drawn and the
/// `<desc>` says how many are left out.
///
/// ```
/// let programme = kam_core::api::example_programme()?;
/// let report = kam_core::api::programme_report(&programme, &Default::default())?;
/// let svg = kam_core::programme::chart::ranking(&report).unwrap();
/// assert!(svg.contains("United States"));
/// # Ok::<(), kam_core::Error>(())
/// ```
pub fn ranking(report: &ProgrammeReport) -> Option<String> {
    if report.positions.is_empty() {
        return None;
    }
    let shown = rows(&report.positions);
    let left_out = report.positions.len() - shown.iter().flatten().count();
    let title = "Units ranked by their latest overall score";
    let mut svg = Svg::new(
        "kam-ranking",
        WIDTH,
        title,
        &describe(report, &shown, left_out),
    );
    let subtitle = vec![
        format!(
            "{} audited unit(s); the bar is the latest merged audit's overall percentage.",
            report.positions.len()
        ),
        "Its colour is the phase its overall score reaches on the development path.".to_owned(),
    ];
    let below = header(&mut svg, title, &subtitle);
    let mut keys: Vec<(Key, String)> = report
        .phases
        .iter()
        .enumerate()
        .map(|(i, p)| (Key::Swatch(phase_colour(i)), format!("{} {}", p.id, p.name)))
        .collect();
    keys.push((
        Key::Swatch(best_practice_colour()),
        "Best practice".to_owned(),
    ));
    let below = legend(&mut svg, below, &keys);
    let top = below + 22.0;
    let bottom = top + ROW * float(shown.len());
    let x = |percent: f64| LEFT + (RIGHT - LEFT) * percent.clamp(0.0, 100.0) / 100.0;
    let tick = TextStyle::new(10.5).middle().fill(MUTED);
    for percent in [0.0, 25.0, 50.0, 75.0, 100.0] {
        svg.line((x(percent), top - 6.0), (x(percent), bottom), GRID, 1.0);
        svg.text(x(percent), top - 10.0, &tick, &format!("{}%", num(percent)));
    }
    let label = TextStyle::new(11.0);
    let value = TextStyle::new(11.0).bold();
    for (row, position) in shown.iter().enumerate() {
        let y = top + ROW * float(row);
        let Some(p) = position else {
            svg.text(
                20.0,
                y + 14.0,
                &label.fill(MUTED),
                &format!("… {left_out} more unit(s) …"),
            );
            continue;
        };
        let name = format!("{}  {}", p.rank, p.name);
        svg.text(
            20.0,
            y + 14.0,
            &label,
            &fit(&name, LABEL_WIDTH - 10.0, &label),
        );
        svg.open("g", &[("class", "kam-rank".into())]);
        svg.rect(
            LEFT,
            y + 3.0,
            x(p.overall.percent) - LEFT,
            ROW - 6.0,
            colour(report, p),
        );
        svg.close();
        svg.text(
            x(p.overall.percent) + 5.0,
            y + 14.0,
            &value,
            &pct(p.overall.percent),
        );
    }
    svg.line((LEFT, top - 6.0), (LEFT, bottom), INK, 1.0);
    Some(svg.finish((bottom + 16.0).max(320.0)))
}

/// The positions drawn, `None` marking the gap between the top and the
/// bottom of a long ranking.
fn rows(positions: &[UnitPosition]) -> Vec<Option<&UnitPosition>> {
    if positions.len() <= RANKING_ROWS {
        return positions.iter().map(Some).collect();
    }
    let half = RANKING_ROWS / 2;
    let mut rows: Vec<Option<&UnitPosition>> = positions.iter().take(half).map(Some).collect();
    rows.push(None);
    rows.extend(positions.iter().skip(positions.len() - half).map(Some));
    rows
}

/// The colour of the phase a unit's position lies in.
fn colour(report: &ProgrammeReport, p: &UnitPosition) -> &'static str {
    match &p.position {
        Position::Period { phase, .. } => report
            .phases
            .iter()
            .position(|q| &q.id == phase)
            .map_or(phase_colour(0), phase_colour),
        Position::BestPractice { .. } => best_practice_colour(),
    }
}

/// The chart in words for its `<desc>`.
fn describe(report: &ProgrammeReport, shown: &[Option<&UnitPosition>], left_out: usize) -> String {
    let mut text = format!(
        "Bar chart ranking {} unit(s) by the overall percentage of their latest merged audit: ",
        report.positions.len()
    );
    let lines: Vec<String> = shown
        .iter()
        .map(|p| match p {
            Some(p) => {
                let phase = match &p.position {
                    Position::Period { phase, .. } => format!("phase {phase}"),
                    Position::BestPractice { .. } => "best practice".to_owned(),
                };
                format!("{} {} {} ({phase})", p.rank, p.name, pct(p.overall.percent))
            }
            None => format!("{left_out} more unit(s) left out"),
        })
        .collect();
    let _ = write!(text, "{}.", lines.join("; "));
    text
}
