//! Progress between two audits: for each period of the development path,
//! its completion before and after side by side, grouped by phase, with the
//! change in percentage points above each pair.

use std::fmt::Write;

use super::layout::{self, Key, Scale, WIDTH, header, legend};
use super::svg::{INK, MUTED, Svg, TextStyle};
use super::{COMPLETE, CURRENT, PATH};
use crate::analysis::AuditComparison;
use crate::assessment::Context;
use crate::words::{pct, pct0, signed, titled};

const LEFT: f64 = 62.0;
const RIGHT: f64 = WIDTH - 20.0;
const PLOT_HEIGHT: f64 = 220.0;
const PHASE_GAP: f64 = 12.0;
/// The earlier audit's bars: a pale version of the later one's blue.
const BEFORE: &str = "#a9c1de";

/// Two-audit progress as a standalone SVG: each period's completion before
/// and after as a pair of bars, grouped by phase, with the completion
/// threshold and the change in percentage points over each pair.
///
/// ```
/// # use kam_core::{AuditAssessment, ScoreOptions, analysis::ComparisonInput};
/// # let framework = kam_core::framework::builtin_audit("cranfield-kam-development")?;
/// # let before = AuditAssessment::new(framework);
/// # let mut after = before.clone();
/// # after.scores.insert("A1.1".into(), 3);
/// let input = ComparisonInput { before, after };
/// let comparison = kam_core::api::compare(&input, &ScoreOptions::default())?;
/// let svg = kam_core::chart::progress(&comparison);
/// assert!(svg.contains("+3 pts"));
/// # Ok::<(), kam_core::Error>(())
/// ```
pub fn progress(comparison: &AuditComparison) -> String {
    let after = &comparison.after;
    let title = titled("Audit progress", &after.context);
    let mut svg = Svg::new("kam-progress", WIDTH, &title, &describe(comparison));
    let overall = &comparison.overall;
    let subtitle = vec![
        format!(
            "Overall {} → {} of {} points ({} points; {} → {}).",
            overall.before.score,
            overall.after.score,
            overall.after.max,
            signed(overall.change),
            pct(overall.before.percent),
            pct(overall.after.percent)
        ),
        "Completion of each period before and after; the figure above each pair is the change."
            .to_owned(),
    ];
    let below = header(&mut svg, &title, &subtitle);
    let threshold = after.progress.completion_threshold;
    let below = legend(
        &mut svg,
        below,
        &[
            (
                Key::Swatch(BEFORE),
                label("Before", &comparison.before.context),
            ),
            (Key::Swatch(PATH), label("After", &after.context)),
            (Key::Dashed(INK), format!("Threshold {}", pct0(threshold))),
        ],
    );
    let top = below + 24.0;
    let bottom = top + PLOT_HEIGHT;
    let scale = Scale {
        top,
        bottom,
        max: 100.0,
    };
    let (columns, spans) = layout::columns(after, (LEFT, RIGHT), PHASE_GAP);
    layout::phase_bands(&mut svg, after, &spans, (top, bottom), bottom + 36.0);
    scale.draw(&mut svg, (LEFT, RIGHT), 20.0, "%");
    scale.title(&mut svg, 16.0, "Completion (% of period maximum)");
    let number = TextStyle::new(11.5).middle().fill(MUTED);
    let change_style = TextStyle::new(10.5).middle().bold();
    let periods = after.phases.iter().flat_map(|p| &p.periods);
    for ((period, change), column) in periods.zip(&comparison.periods).zip(&columns) {
        let bar = column.width * 0.36;
        let centre = column.x + column.width * 0.5;
        for (x, total, fill, class) in [
            (centre - bar, change.before, BEFORE, "kam-before"),
            (centre, change.after, PATH, "kam-after"),
        ] {
            let y = scale.y(total.percent);
            svg.empty(
                "rect",
                &[
                    ("class", class.into()),
                    ("x", x.into()),
                    ("y", y.into()),
                    ("width", bar.into()),
                    ("height", (bottom - y).into()),
                    ("fill", fill.into()),
                ],
            );
        }
        let highest = change.before.percent.max(change.after.percent);
        let (text, fill) = match change.change {
            0 => ("±0".to_owned(), MUTED),
            c if c > 0 => (format!("+{c}"), COMPLETE),
            c => (c.to_string(), CURRENT),
        };
        let text = if change.change == 0 {
            text
        } else {
            format!("{text} pts")
        };
        svg.text(
            centre,
            scale.y(highest) - 5.0,
            &change_style.fill(fill),
            &text,
        );
        svg.text(centre, bottom + 17.0, &number, &period.number.to_string());
    }
    let line_y = scale.y(threshold);
    svg.dashed((LEFT, line_y), (RIGHT, line_y), INK, 1.5);
    layout::path_axis(&mut svg, (LEFT, RIGHT), bottom);
    svg.finish(bottom + 70.0)
}

/// A legend entry naming the audit by its date, when it has one.
fn label(what: &str, context: &Context) -> String {
    match &context.date {
        Some(date) => format!("{what} ({date})"),
        None => what.to_owned(),
    }
}

/// The comparison in words for the chart's `<desc>`.
fn describe(comparison: &AuditComparison) -> String {
    let overall = &comparison.overall;
    let mut text = format!(
        "Paired bar chart of completion by period before and after. Overall {} → {} of {} points ({}). ",
        overall.before.score,
        overall.after.score,
        overall.after.max,
        signed(overall.change)
    );
    let periods: Vec<String> = comparison
        .periods
        .iter()
        .map(|p| {
            format!(
                "{} {}: {} → {} ({} points)",
                p.id,
                p.name,
                pct(p.before.percent),
                pct(p.after.percent),
                signed(p.change)
            )
        })
        .collect();
    let _ = write!(text, "{}.", periods.join("; "));
    text
}
