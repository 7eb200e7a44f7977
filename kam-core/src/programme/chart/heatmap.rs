//! The assessor-disagreement heatmap: the most disputed items (rows) ×
//! the assessors (columns), each cell how far the assessor scored from the
//! merged score where the item was disputed, blue below and vermillion
//! above.

use std::fmt::Write;

use super::float;
use crate::chart::CURRENT;
use crate::chart::layout::{Key, WIDTH, header, legend};
use crate::chart::svg::{GRID, MUTED, Svg, TextStyle, V, fit, num, wrap};
use crate::programme::result::ProgrammeReport;

const LABEL_WIDTH: f64 = 230.0;
const LEFT: f64 = 20.0 + LABEL_WIDTH;
const RIGHT: f64 = WIDTH - 20.0;
/// A row holds an item's label on up to three lines.
const ROW: f64 = 42.0;
/// The label's line height.
const LINE: f64 = 13.0;
/// Scored lower than the panel: the blue of the development path.
const BELOW: (u8, u8, u8) = (0x1f, 0x5f, 0xa8);
/// Scored higher: vermillion.
const ABOVE: (u8, u8, u8) = (0xd5, 0x5e, 0x00);
/// A difference of this many points or more takes the full colour.
const FULL: f64 = 2.0;

/// The heatmap as a standalone SVG, or `None` when no item was disputed in
/// the units' latest rounds: a row per disputed item, a column per
/// assessor, each cell the assessor's mean difference from the merged score
/// (`+1.0`: a point above the panel), empty where the assessor did not
/// score the item.
///
/// ```
/// let programme = kam_core::api::example_programme()?;
/// let report = kam_core::api::programme_report(&programme, &Default::default())?;
/// let svg = kam_core::programme::chart::disagreement_heatmap(&report).unwrap();
/// assert!(svg.contains("Ana Ruiz"));
/// # Ok::<(), kam_core::Error>(())
/// ```
pub fn disagreement_heatmap(report: &ProgrammeReport) -> Option<String> {
    let map = &report.agreement.heatmap;
    if map.items.is_empty() || map.assessors.is_empty() {
        return None;
    }
    let title = "Where the assessors disagree";
    let mut svg = Svg::new("kam-heatmap", WIDTH, title, &describe(report));
    let subtitle = vec![
        format!(
            "The {} most disputed item(s) of the latest rounds × {} assessor(s).",
            map.items.len(),
            map.assessors.len()
        ),
        "Each cell: the assessor's mean score minus the merged score where the item was disputed."
            .to_owned(),
    ];
    let below = header(&mut svg, title, &subtitle);
    let below = legend(
        &mut svg,
        below,
        &[
            (
                Key::Swatch("#1f5fa8"),
                "Scored lower than the panel".to_owned(),
            ),
            (Key::Swatch(CURRENT), "Scored higher".to_owned()),
        ],
    );
    let column = (RIGHT - LEFT) / float(map.assessors.len());
    // Assessors' names run up at an angle over their columns.
    let names_height = 86.0;
    let top = below + names_height;
    let name_style = TextStyle::new(11.0).fill(MUTED);
    for (a, name) in map.assessors.iter().enumerate() {
        let cx = LEFT + column * (float(a) + 0.5);
        let transform = format!("rotate(-40 {} {})", num(cx), num(top - 8.0));
        svg.text_element(
            "text",
            &[
                ("x", cx.into()),
                ("y", (top - 8.0).into()),
                ("font-size", name_style.size.into()),
                ("fill", MUTED.into()),
                ("transform", V::S(&transform)),
            ],
            &fit(name, names_height * 1.3, &name_style),
        );
    }
    let label = TextStyle::new(10.5);
    let cell_text = TextStyle::new(10.5).middle();
    for (i, id) in map.items.iter().enumerate() {
        let y = top + ROW * float(i);
        let text = report
            .agreement
            .disputed
            .iter()
            .find(|d| &d.id == id)
            .map_or_else(|| id.clone(), |d| format!("{id} {}", d.text));
        // The item's words in full (the longest Cranfield item takes three
        // lines), centred on the row.
        let lines = wrap(&text, LABEL_WIDTH - 10.0, &label, 3);
        let first = y + ROW / 2.0 + 4.0 - LINE * (float(lines.len()) - 1.0) / 2.0;
        for (k, line) in lines.iter().enumerate() {
            svg.text(20.0, first + LINE * float(k), &label, line);
        }
        for (a, row) in map.cells.iter().enumerate() {
            let x = LEFT + column * float(a);
            let value = row.get(i).copied().flatten();
            svg.open("g", &[("class", "kam-cell".into())]);
            // A hairline frame, so a white cell (no difference) still shows.
            svg.rect(x + 1.0, y + 1.0, column - 2.0, ROW - 2.0, GRID);
            svg.rect(x + 1.5, y + 1.5, column - 3.0, ROW - 3.0, &fill(value));
            if let Some(v) = value {
                let ink = if v.abs() >= FULL * 0.6 {
                    "#ffffff"
                } else {
                    "#1f2933"
                };
                svg.text(
                    x + column / 2.0,
                    y + ROW / 2.0 + 4.0,
                    &cell_text.fill(ink),
                    &signed(v),
                );
            }
            svg.close();
        }
    }
    let bottom = top + ROW * float(map.items.len());
    svg.line((LEFT, bottom + 2.0), (RIGHT, bottom + 2.0), GRID, 1.0);
    Some(svg.finish((bottom + 20.0).max(320.0)))
}

/// The cell colour: white at 0, the full blue or vermillion from [`FULL`]
/// points; a pale grey where the assessor gave no score.
fn fill(value: Option<f64>) -> String {
    let Some(v) = value.filter(|v| v.is_finite()) else {
        return "#f0f2f4".to_owned();
    };
    let (r, g, b) = if v < 0.0 { BELOW } else { ABOVE };
    let share = (v.abs() / FULL).min(1.0);
    let mix = |c: u8| {
        let white = 255.0 - (255.0 - f64::from(c)) * share;
        // A channel between 0 and 255 rounds to a byte.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let byte = white.round().clamp(0.0, 255.0) as u8;
        byte
    };
    format!("#{:02x}{:02x}{:02x}", mix(r), mix(g), mix(b))
}

/// A difference with its sign and one decimal, e.g. `+1.0`, `−0.5`, `0.0`.
fn signed(value: f64) -> String {
    let text = format!("{:.1}", value.abs());
    if text == "0.0" {
        text
    } else if value < 0.0 {
        format!("−{text}")
    } else {
        format!("+{text}")
    }
}

/// The chart in words for its `<desc>`.
fn describe(report: &ProgrammeReport) -> String {
    let map = &report.agreement.heatmap;
    let mut text = format!(
        "Heatmap of {} disputed item(s) by {} assessor(s): each cell is the assessor's mean score minus the merged score in the latest rounds disputing the item. ",
        map.items.len(),
        map.assessors.len()
    );
    for (a, name) in map.assessors.iter().enumerate() {
        let cells: Vec<String> = map
            .items
            .iter()
            .zip(map.cells.get(a).into_iter().flatten())
            .filter_map(|(id, v)| v.map(|v| format!("{id} {}", signed(v))))
            .collect();
        if cells.is_empty() {
            let _ = write!(text, "{name}: no score of these items. ");
        } else {
            let _ = write!(text, "{name}: {}. ", cells.join(", "));
        }
    }
    text.truncate(text.trim_end().len());
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_shade_by_the_difference() {
        assert_eq!(fill(None), "#f0f2f4");
        assert_eq!(fill(Some(0.0)), "#ffffff");
        assert_eq!(fill(Some(2.0)), "#d55e00");
        assert_eq!(fill(Some(-3.0)), "#1f5fa8");
        assert_eq!(fill(Some(1.0)), "#eaaf80");
        assert_eq!(signed(1.0), "+1.0");
        assert_eq!(signed(-0.5), "−0.5");
        assert_eq!(signed(-0.01), "0.0");
    }
}
