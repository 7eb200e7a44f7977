//! The parts every chart shares: the header (title and subtitle), the
//! legend, a value axis with gridlines, and the columns of a development path
//! grouped by phase.

use super::svg::{BAND, GRID, INK, MUTED, Svg, TextStyle, V, fit, num, styled_width, wrap};
use crate::scoring::AuditReport;

/// The width of every chart, in user units. At 600 px on screen the text
/// shrinks by less than a tenth, so 11-unit labels stay readable.
pub(crate) const WIDTH: f64 = 640.0;

/// The left and right margin of the header and legend.
pub(crate) const MARGIN: f64 = 20.0;

const TITLE: TextStyle = TextStyle::new(17.0).bold();
const SUBTITLE: TextStyle = TextStyle::new(12.0).fill(MUTED);
const LEGEND: TextStyle = TextStyle::new(11.5);

/// Writes the title and up to two subtitle sentences, each wrapped onto up
/// to two lines (a sentence is read in full, not cut mid-word, when the
/// chart is shown at its own width); returns the y below them.
pub(crate) fn header(svg: &mut Svg, title: &str, subtitle: &[String]) -> f64 {
    let usable = WIDTH - 2.0 * MARGIN;
    svg.text(MARGIN, 28.0, &TITLE, &fit(title, usable, &TITLE));
    let mut y = 28.0;
    for sentence in subtitle.iter().take(2) {
        for line in wrap(sentence, usable, &SUBTITLE, 2) {
            y += 17.0;
            svg.text(MARGIN, y, &SUBTITLE, &line);
        }
    }
    y + 10.0
}

/// How a legend entry is drawn.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Key {
    /// A filled square.
    Swatch(&'static str),
    /// A short solid line.
    Line(&'static str),
    /// A short dashed line.
    Dashed(&'static str),
    /// A diamond, as milestones are drawn.
    Diamond(&'static str),
    /// A dot, as scores are drawn.
    Dot(&'static str),
}

/// Writes a legend at `y`, flowing onto a second row when it does not fit;
/// returns the y below it.
pub(crate) fn legend(svg: &mut Svg, y: f64, entries: &[(Key, String)]) -> f64 {
    let mut x = MARGIN;
    let mut row = y + 10.0;
    svg.open("g", &[("aria-hidden", "true".into())]);
    for (key, label) in entries {
        let width = 22.0 + styled_width(label, &LEGEND) + 18.0;
        if x > MARGIN && x + width > WIDTH - MARGIN {
            x = MARGIN;
            row += 20.0;
        }
        draw_key(svg, *key, x, row);
        svg.text(x + 22.0, row + 4.0, &LEGEND, label);
        x += width;
    }
    svg.close();
    row + 16.0
}

fn draw_key(svg: &mut Svg, key: Key, x: f64, y: f64) {
    match key {
        Key::Swatch(fill) => svg.rect(x, y - 6.0, 14.0, 12.0, fill),
        Key::Line(stroke) => svg.line((x, y), (x + 16.0, y), stroke, 2.5),
        Key::Dashed(stroke) => svg.dashed((x, y), (x + 16.0, y), stroke, 2.0),
        Key::Diamond(fill) => diamond(svg, x + 7.0, y, 6.0, fill),
        Key::Dot(fill) => dot(svg, x + 7.0, y, 5.5, fill),
    }
}

/// Writes a diamond centred on `(x, y)`.
pub(crate) fn diamond(svg: &mut Svg, x: f64, y: f64, r: f64, fill: &str) {
    let points = format!(
        "{},{} {},{} {},{} {},{}",
        num(x),
        num(y - r),
        num(x + r),
        num(y),
        num(x),
        num(y + r),
        num(x - r),
        num(y)
    );
    svg.empty(
        "polygon",
        &[
            ("points", V::S(&points)),
            ("fill", fill.into()),
            ("stroke", "#ffffff".into()),
            ("stroke-width", 1.5.into()),
        ],
    );
}

/// Writes a dot centred on `(x, y)`.
pub(crate) fn dot(svg: &mut Svg, x: f64, y: f64, r: f64, fill: &str) {
    svg.empty(
        "circle",
        &[
            ("cx", x.into()),
            ("cy", y.into()),
            ("r", r.into()),
            ("fill", fill.into()),
            ("stroke", "#ffffff".into()),
            ("stroke-width", 1.5.into()),
        ],
    );
}

/// A vertical value axis: `top` maps to `max`, `bottom` to 0.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scale {
    pub(crate) top: f64,
    pub(crate) bottom: f64,
    pub(crate) max: f64,
}

impl Scale {
    /// The y of `value`.
    pub(crate) fn y(&self, value: f64) -> f64 {
        if self.max <= 0.0 {
            return self.bottom;
        }
        self.bottom - (self.bottom - self.top) * value.clamp(0.0, self.max) / self.max
    }

    /// Writes the gridlines, tick labels and the rotated axis title between
    /// `left` and `right`; `suffix` follows each tick value (e.g. `%`).
    pub(crate) fn draw(&self, svg: &mut Svg, (left, right): (f64, f64), step: f64, suffix: &str) {
        let tick = TextStyle::new(11.0).end().fill(MUTED);
        let mut value = 0.0;
        while value <= self.max + 1e-9 && step > 0.0 {
            let y = self.y(value);
            svg.line((left, y), (right, y), GRID, 1.0);
            svg.text(
                left - 6.0,
                y + 4.0,
                &tick,
                &format!("{}{suffix}", num(value)),
            );
            value += step;
        }
    }

    /// Writes an axis title rotated along the left edge.
    pub(crate) fn title(&self, svg: &mut Svg, x: f64, text: &str) {
        let middle = f64::midpoint(self.top, self.bottom);
        let transform = format!("rotate(-90 {} {})", num(x), num(middle));
        let style = TextStyle::new(11.5).middle().fill(MUTED);
        let fitted = fit(text, self.bottom - self.top, &style);
        svg.text_element(
            "text",
            &[
                ("x", x.into()),
                ("y", middle.into()),
                ("font-size", style.size.into()),
                ("text-anchor", "middle".into()),
                ("fill", style.fill.into()),
                ("transform", V::S(&transform)),
            ],
            &fitted,
        );
    }
}

/// Writes the baseline of a development-path chart from `left` to `right`
/// at `bottom`, and the x-axis title under the phase names.
pub(crate) fn path_axis(svg: &mut Svg, (left, right): (f64, f64), bottom: f64) {
    svg.line((left, bottom), (right, bottom), INK, 1.0);
    svg.text(
        f64::midpoint(left, right),
        bottom + 58.0,
        &TextStyle::new(11.5).middle().fill(MUTED),
        "Period on the development path, grouped by phase",
    );
}

/// A step of 1, 2 or 5 × 10ⁿ giving about five to eight gridlines up to
/// `max`, and the axis maximum rounded up to a whole step.
pub(crate) fn nice_axis(max: f64) -> (f64, f64) {
    if !(max.is_finite() && max > 0.0) {
        return (1.0, 1.0);
    }
    let rough = max / 6.0;
    let magnitude = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| max / s <= 8.0)
        .unwrap_or(10.0 * magnitude);
    (step, (max / step).ceil() * step)
}

/// One period's column on a chart of the development path.
#[derive(Debug, Clone)]
pub(crate) struct Column {
    /// Left edge.
    pub(crate) x: f64,
    /// Width.
    pub(crate) width: f64,
}

/// One phase's span of columns.
#[derive(Debug, Clone)]
pub(crate) struct PhaseSpan {
    pub(crate) x: f64,
    pub(crate) width: f64,
}

/// Lays the periods of `report` out between `left` and `right`, with `gap`
/// between phases, in development-path order.
pub(crate) fn columns(
    report: &AuditReport,
    (left, right): (f64, f64),
    gap: f64,
) -> (Vec<Column>, Vec<PhaseSpan>) {
    let periods: usize = report.phases.iter().map(|p| p.periods.len()).sum();
    let gaps = report.phases.len().saturating_sub(1);
    let count = |n: usize| f64::from(u32::try_from(n).unwrap_or(u32::MAX));
    let width = if periods == 0 {
        0.0
    } else {
        ((right - left) - gap * count(gaps)) / count(periods)
    };
    let mut columns = Vec::with_capacity(periods);
    let mut spans = Vec::with_capacity(report.phases.len());
    let mut x = left;
    for phase in &report.phases {
        let start = x;
        for _ in &phase.periods {
            columns.push(Column { x, width });
            x += width;
        }
        spans.push(PhaseSpan {
            x: start,
            width: x - start,
        });
        x += gap;
    }
    (columns, spans)
}

/// Shades every other phase and writes the phase names under the axis at
/// `label_y`, cut to fit their span.
pub(crate) fn phase_bands(
    svg: &mut Svg,
    report: &AuditReport,
    spans: &[PhaseSpan],
    (top, bottom): (f64, f64),
    label_y: f64,
) {
    let style = TextStyle::new(11.0).middle();
    for (index, (phase, span)) in report.phases.iter().zip(spans).enumerate() {
        if index % 2 == 0 {
            svg.rect(span.x, top, span.width, bottom - top, BAND);
        }
        let label = format!("{} · {}", phase.id, phase.name);
        let centre = span.x + span.width / 2.0;
        svg.text(
            centre,
            label_y,
            &style,
            &fit(&label, span.width - 6.0, &style),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_axes() {
        assert_eq!(nice_axis(387.0), (50.0, 400.0));
        assert_eq!(nice_axis(100.0), (20.0, 100.0));
        assert_eq!(nice_axis(5.0), (1.0, 5.0));
        assert_eq!(nice_axis(0.0), (1.0, 1.0));
        assert_eq!(nice_axis(f64::NAN), (1.0, 1.0));
    }

    #[test]
    fn scale_maps_and_clamps() {
        let scale = Scale {
            top: 100.0,
            bottom: 300.0,
            max: 50.0,
        };
        assert!((scale.y(0.0) - 300.0).abs() < 1e-9);
        assert!((scale.y(25.0) - 200.0).abs() < 1e-9);
        assert!((scale.y(80.0) - 100.0).abs() < 1e-9);
    }
}
