//! Figure 3 of the Cranfield paper ("Using the audit to chart KAM programme
//! progress by period"), as kam draws it: completion of each period of the
//! development path, one bar per period grouped by phase, against kam's
//! completion threshold (the paper sets none), with the current period
//! highlighted.

use std::fmt::Write;

use super::layout::{self, Column, Key, Scale, WIDTH, header, legend};
use super::svg::{INK, MUTED, Svg, TextStyle};
use super::{COMPLETE, CURRENT, HIGHLIGHT, INCOMPLETE};
use crate::scoring::AuditReport;
use crate::words::{self, pct, pct0, titled};

const LEFT: f64 = 62.0;
const RIGHT: f64 = WIDTH - 20.0;
const PLOT_HEIGHT: f64 = 220.0;
const PHASE_GAP: f64 = 12.0;

/// Figure 3 as a standalone SVG: completion of each period as a percentage of
/// its maximum, bars grouped by phase, the completion threshold as a dashed
/// line and the current period (the earliest incomplete one) highlighted.
///
/// ```
/// # let framework = kam_core::framework::builtin_audit("cranfield-kam-development")?;
/// # let assessment = kam_core::AuditAssessment::new(framework);
/// let report = kam_core::api::score(&assessment, &kam_core::ScoreOptions::default())?;
/// let svg = kam_core::chart::figure3(&report);
/// assert!(svg.starts_with("<svg") && svg.contains("<desc"));
/// # Ok::<(), kam_core::Error>(())
/// ```
pub fn figure3(report: &AuditReport) -> String {
    let threshold = report.progress.completion_threshold;
    let current = report.progress.current_period.as_deref();
    let title = titled("Progress by period", &report.context);
    let mut svg = Svg::new("kam-figure3", WIDTH, &title, &describe(report));
    let subtitle = vec![
        format!(
            "Share of each period's maximum scored; a period is complete at {} (kam's threshold).",
            pct0(threshold)
        ),
        format!("Current period: {}.", words::current(report)),
    ];
    let below = header(&mut svg, &title, &subtitle);
    let below = legend(
        &mut svg,
        below,
        &[
            (Key::Swatch(COMPLETE), "Complete".to_owned()),
            (Key::Swatch(INCOMPLETE), "Not yet complete".to_owned()),
            (Key::Swatch(CURRENT), "Current period".to_owned()),
            (
                Key::Dashed(INK),
                format!("Threshold {} (kam)", pct0(threshold)),
            ),
        ],
    );
    let top = below + 22.0;
    let bottom = top + PLOT_HEIGHT;
    let scale = Scale {
        top,
        bottom,
        max: 100.0,
    };
    let (columns, spans) = layout::columns(report, (LEFT, RIGHT), PHASE_GAP);
    layout::phase_bands(&mut svg, report, &spans, (top, bottom), bottom + 36.0);
    let periods = report.phases.iter().flat_map(|p| &p.periods);
    for (period, column) in periods.zip(&columns) {
        if current == Some(period.id.as_str()) {
            svg.rect(
                column.x,
                top - 20.0,
                column.width,
                bottom - top + 20.0,
                HIGHLIGHT,
            );
        }
    }
    scale.draw(&mut svg, (LEFT, RIGHT), 20.0, "%");
    scale.title(&mut svg, 16.0, "Completion (% of period maximum)");
    bars(&mut svg, report, &columns, &scale);
    let line_y = scale.y(threshold);
    svg.empty(
        "line",
        &[
            ("class", "kam-threshold".into()),
            ("x1", LEFT.into()),
            ("y1", line_y.into()),
            ("x2", RIGHT.into()),
            ("y2", line_y.into()),
            ("stroke", INK.into()),
            ("stroke-width", 1.5.into()),
            ("stroke-dasharray", "6 4".into()),
        ],
    );
    layout::path_axis(&mut svg, (LEFT, RIGHT), bottom);
    svg.finish(bottom + 70.0)
}

/// Figure 3 in words, period by period, for the chart's `<desc>`.
fn describe(report: &AuditReport) -> String {
    let mut text = format!(
        "Bar chart of completion by period, grouped by phase; a period is complete at {}, kam's threshold (the paper sets none). ",
        pct0(report.progress.completion_threshold)
    );
    for phase in &report.phases {
        let _ = write!(text, "Phase {} {}: ", phase.id, phase.name);
        let periods: Vec<String> = phase
            .periods
            .iter()
            .map(|p| {
                format!(
                    "period {} {} {} ({} of {}{})",
                    p.number,
                    p.name,
                    pct(p.percent),
                    p.score,
                    p.max,
                    if p.complete { ", complete" } else { "" }
                )
            })
            .collect();
        let _ = write!(text, "{}. ", periods.join("; "));
    }
    let _ = write!(text, "Current position: {}.", words::current(report));
    text
}

/// One bar per period with its value above and its number below.
fn bars(svg: &mut Svg, report: &AuditReport, columns: &[Column], scale: &Scale) {
    let current = report.progress.current_period.as_deref();
    let value = TextStyle::new(11.0).middle();
    let number = TextStyle::new(11.5).middle().fill(MUTED);
    let periods = report.phases.iter().flat_map(|p| &p.periods);
    for (period, column) in periods.zip(columns) {
        let is_current = current == Some(period.id.as_str());
        let fill = if is_current {
            CURRENT
        } else if period.complete {
            COMPLETE
        } else {
            INCOMPLETE
        };
        let bar_width = column.width * 0.64;
        let x = column.x + (column.width - bar_width) * 0.5;
        let y = scale.y(period.percent);
        let tip = format!(
            "{} {}: {} of {} ({})",
            period.number,
            period.name,
            period.score,
            period.max,
            pct(period.percent)
        );
        svg.open("g", &[]);
        svg.text_element("title", &[], &tip);
        svg.empty(
            "rect",
            &[
                ("class", "kam-bar".into()),
                ("x", x.into()),
                ("y", y.into()),
                ("width", bar_width.into()),
                ("height", (scale.bottom - y).into()),
                ("fill", fill.into()),
            ],
        );
        svg.close();
        let centre = column.x + column.width * 0.5;
        let label = if period.max == 0 {
            "n/a".to_owned()
        } else {
            pct0(period.percent)
        };
        let style = if is_current { value.bold() } else { value };
        svg.text(centre, y - 5.0, &style, &label);
        svg.text(
            centre,
            scale.bottom + 17.0,
            &number,
            &period.number.to_string(),
        );
    }
}
