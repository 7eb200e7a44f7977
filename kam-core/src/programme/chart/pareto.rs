//! The Pareto (Lorenz) curve of a Pareto analysis: customers ranked largest
//! first along the bottom, the cumulative share of the measure up the side,
//! and the smallest set reaching the share marked: "20% of customers make
//! 80% of revenue".

use std::fmt::Write;

use super::float;
use crate::analysis::ParetoReport;
use crate::chart::layout::{Key, Scale, WIDTH, dot, header, legend};
use crate::chart::svg::{GRID, INK, MUTED, Svg, TextStyle, V, num};
use crate::chart::{CURRENT, PATH};
use crate::words::pct;

const LEFT: f64 = 70.0;
const RIGHT: f64 = WIDTH - 30.0;
const PLOT_HEIGHT: f64 = 300.0;

/// The Pareto (Lorenz) curve as a standalone SVG: the cumulative share of
/// the measure against the share of customers, ranked largest first, with
/// the diagonal of an even spread and the key-account set of the analysis
/// marked where the curve reaches the share asked for.
///
/// ```
/// use kam_core::analysis::{pareto::pareto, ParetoInput};
///
/// let input: ParetoInput = serde_json::from_str(r#"{"customers": [
///   {"id": "atlas", "value": 500}, {"id": "borealis", "value": 300},
///   {"id": "cobalt", "value": 150}, {"id": "delta", "value": 50}]}"#)?;
/// let svg = kam_core::programme::chart::pareto_curve(&pareto(&input)?);
/// assert!(svg.contains("2 of 4 customers"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn pareto_curve(report: &ParetoReport) -> String {
    let title = format!("Pareto curve of {}", report.measure);
    let mut svg = Svg::new("kam-pareto", WIDTH, &title, &describe(report));
    let subtitle = vec![
        selection(report),
        format!(
            "Customers ranked by {} from the largest; the curve adds up their share.",
            report.measure
        ),
    ];
    let below = header(&mut svg, &title, &subtitle);
    let below = legend(
        &mut svg,
        below,
        &[
            (
                Key::Line(PATH),
                format!("Cumulative share of {}", report.measure),
            ),
            (Key::Dashed(MUTED), "Even spread".to_owned()),
            (Key::Dot(CURRENT), "Key-account set".to_owned()),
        ],
    );
    let up = Scale {
        top: below + 12.0,
        bottom: below + 12.0 + PLOT_HEIGHT,
        max: 100.0,
    };
    let bottom = up.bottom;
    axes(&mut svg, &up, &report.measure);
    let customers = float(report.ranking.len()).max(1.0);
    let points: Vec<String> = std::iter::once((0.0, 0.0))
        .chain(
            report
                .ranking
                .iter()
                .enumerate()
                .map(|(i, row)| (float(i + 1) / customers * 100.0, row.cumulative)),
        )
        .map(|(x, y)| format!("{},{}", num(across(x)), num(up.y(y))))
        .collect();
    svg.empty(
        "polyline",
        &[
            ("class", "kam-lorenz".into()),
            ("points", V::S(&points.join(" "))),
            ("fill", "none".into()),
            ("stroke", PATH.into()),
            ("stroke-width", 2.5.into()),
            ("stroke-linejoin", "round".into()),
        ],
    );
    let (x, y) = (across(report.customer_share), up.y(report.selected_share));
    svg.dashed((x, y), (x, bottom), CURRENT, 1.2);
    svg.dashed((LEFT, y), (x, y), CURRENT, 1.2);
    svg.open("g", &[("class", "kam-selected".into())]);
    dot(&mut svg, x, y, 6.0, CURRENT);
    let label = TextStyle::new(12.0).bold().fill(CURRENT);
    svg.halo_text(
        x + 10.0,
        y + 18.0,
        &label,
        &format!(
            "{} · {}",
            pct(report.customer_share),
            pct(report.selected_share)
        ),
    );
    svg.close();
    svg.line((LEFT, bottom), (RIGHT, bottom), GRID, 1.0);
    svg.finish(bottom + 50.0)
}

/// Where a share of customers lies across the plot.
fn across(share: f64) -> f64 {
    LEFT + (RIGHT - LEFT) * share.clamp(0.0, 100.0) / 100.0
}

/// Both axes, 0–100%, and the diagonal of an even spread.
fn axes(svg: &mut Svg, up: &Scale, measure: &str) {
    up.draw(svg, (LEFT, RIGHT), 20.0, "%");
    up.title(svg, 18.0, &format!("Share of {measure} (cumulative)"));
    let bottom = up.bottom;
    let tick = TextStyle::new(11.0).middle().fill(MUTED);
    for share in [0.0, 20.0, 40.0, 60.0, 80.0, 100.0] {
        svg.line(
            (across(share), bottom),
            (across(share), bottom + 5.0),
            INK,
            1.0,
        );
        svg.text(
            across(share),
            bottom + 18.0,
            &tick,
            &format!("{}%", num(share)),
        );
    }
    svg.text(
        f64::midpoint(LEFT, RIGHT),
        bottom + 36.0,
        &TextStyle::new(11.5).middle().fill(MUTED),
        "Share of customers, largest first",
    );
    svg.dashed(
        (across(0.0), up.y(0.0)),
        (across(100.0), up.y(100.0)),
        MUTED,
        1.2,
    );
}

/// The key-account set in words.
pub(crate) fn selection(report: &ParetoReport) -> String {
    format!(
        "{} of {} customers ({}) make {} of {}, the {} asked for.",
        report.selected.len(),
        report.ranking.len(),
        pct(report.customer_share),
        pct(report.selected_share),
        report.measure,
        pct(report.share)
    )
}

/// The chart in words for its `<desc>`.
fn describe(report: &ParetoReport) -> String {
    let mut text = format!(
        "Line chart of the cumulative share of {} against the share of customers ranked from the largest. {} Cumulative shares: ",
        report.measure,
        selection(report)
    );
    let steps: Vec<String> = report
        .ranking
        .iter()
        .take(20)
        .map(|r| format!("{} {} ({})", r.rank, r.id, pct(r.cumulative)))
        .collect();
    let _ = write!(text, "{}", steps.join(", "));
    if report.ranking.len() > 20 {
        let _ = write!(
            text,
            ", and {} more customers to 100%",
            report.ranking.len() - 20
        );
    }
    text.push('.');
    text
}
