//! The portfolio matrix: each customer placed by relationship strength
//! (across) and attractiveness (up), in the four quadrants the thresholds
//! draw, each quadrant tinted and named.

use std::fmt::Write;

use super::layout::{Key, Scale, WIDTH, dot, header, legend};
use super::svg::{GRID, INK, MUTED, Svg, TextStyle, fit, num, styled_width};
use crate::analysis::{PortfolioPosition, PortfolioReport, Quadrant};

const LEFT: f64 = 66.0;
const RIGHT: f64 = WIDTH - 24.0;
const PLOT_HEIGHT: f64 = 380.0;
const LABEL: TextStyle = TextStyle::new(11.0);

/// The colours of a quadrant: its customers' dots and its tint.
fn colours(quadrant: Quadrant) -> (&'static str, &'static str) {
    match quadrant {
        Quadrant::KeyAccount => ("#2a7f62", "#e3f1ec"),
        Quadrant::Develop => ("#1f5fa8", "#e4edf8"),
        Quadrant::Maintain => ("#b35900", "#fbeee0"),
        Quadrant::OpportunisticTactical => ("#616e7c", "#f0f2f4"),
    }
}

/// The portfolio matrix as a standalone SVG: customers placed by their
/// relationship-strength index (across) and attractiveness index (up), both
/// 0–100, with the threshold lines splitting the plot into the key account,
/// develop, maintain and opportunistic/tactical quadrants.
///
/// ```
/// use kam_core::analysis::{portfolio::portfolio, PortfolioInput};
///
/// let input: PortfolioInput = serde_json::from_str(r#"{
///   "attractiveness": [{"id": "potential", "weight": 1}],
///   "relationship": [{"id": "trust", "weight": 1}],
///   "customers": [{"id": "acme", "scores": {"potential": 9, "trust": 3}}]
/// }"#)?;
/// let svg = kam_core::chart::portfolio_matrix(&portfolio(&input)?);
/// assert!(svg.contains("acme"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn portfolio_matrix(report: &PortfolioReport) -> String {
    let title = "Customer portfolio matrix";
    let mut svg = Svg::new("kam-portfolio", WIDTH, title, &describe(report));
    let counts: Vec<String> = report
        .quadrants
        .iter()
        .map(|q| format!("{} {}", q.count, q.quadrant.label().to_lowercase()))
        .collect();
    let subtitle = vec![
        format!(
            "{} customer(s): {}.",
            report.customers.len(),
            counts.join(", ")
        ),
        format!(
            "High from {} on attractiveness and {} on relationship strength (indices 0–100).",
            num(report.thresholds.attractiveness),
            num(report.thresholds.relationship)
        ),
    ];
    let below = header(&mut svg, title, &subtitle);
    let keys: Vec<(Key, String)> = Quadrant::ALL
        .iter()
        .map(|&q| (Key::Dot(colours(q).0), q.label().to_owned()))
        .collect();
    let below = legend(&mut svg, below, &keys);
    let top = below + 12.0;
    let bottom = top + PLOT_HEIGHT;
    let up = Scale {
        top,
        bottom,
        max: 100.0,
    };
    let across = |value: f64| LEFT + (RIGHT - LEFT) * value.clamp(0.0, 100.0) / 100.0;
    let (tx, ty) = (
        across(report.thresholds.relationship),
        up.y(report.thresholds.attractiveness),
    );
    // Quadrants: (quadrant, x range, y range, corner for its name).
    let quadrants = [
        (Quadrant::KeyAccount, (tx, RIGHT), (top, ty)),
        (Quadrant::Develop, (LEFT, tx), (top, ty)),
        (Quadrant::Maintain, (tx, RIGHT), (ty, bottom)),
        (Quadrant::OpportunisticTactical, (LEFT, tx), (ty, bottom)),
    ];
    for (quadrant, (x0, x1), (y0, y1)) in quadrants {
        svg.rect(x0, y0, x1 - x0, y1 - y0, colours(quadrant).1);
    }
    up.draw(&mut svg, (LEFT, RIGHT), 25.0, "");
    up.title(&mut svg, 16.0, "Customer attractiveness (index 0–100)");
    let tick = TextStyle::new(11.0).middle().fill(MUTED);
    for step in 0..=4 {
        let value = f64::from(step) * 25.0;
        let x = across(value);
        svg.line((x, top), (x, bottom), GRID, 1.0);
        svg.text(x, bottom + 16.0, &tick, &num(value));
    }
    svg.text(
        f64::midpoint(LEFT, RIGHT),
        bottom + 36.0,
        &tick,
        "Relationship strength (index 0–100)",
    );
    svg.dashed((tx, top), (tx, bottom), INK, 1.5);
    svg.dashed((LEFT, ty), (RIGHT, ty), INK, 1.5);
    quadrant_names(&mut svg, &quadrants);
    let dots: Vec<(f64, f64)> = report
        .customers
        .iter()
        .map(|c| (across(c.relationship), up.y(c.attractiveness)))
        .collect();
    for (customer, &(x, y)) in report.customers.iter().zip(&dots) {
        svg.open("g", &[("class", "kam-customer".into())]);
        svg.text_element("title", &[], &position_words(customer));
        dot(&mut svg, x, y, 6.0, colours(customer.quadrant).0);
        svg.close();
    }
    // Labels after every dot, so each can avoid all dots and earlier labels.
    let mut taken: Vec<Box> = dots
        .iter()
        .map(|&(x, y)| Box {
            left: x - 7.0,
            right: x + 7.0,
            top: y - 7.0,
            bottom: y + 7.0,
        })
        .collect();
    for (customer, &(x, y)) in report.customers.iter().zip(&dots) {
        label(&mut svg, &mut taken, (x, y), &customer.id);
    }
    svg.line((LEFT, bottom), (RIGHT, bottom), INK, 1.0);
    svg.line((LEFT, top), (LEFT, bottom), INK, 1.0);
    svg.finish(bottom + 48.0)
}

/// A quadrant with its x range and y range on the plot.
type Area = (Quadrant, (f64, f64), (f64, f64));

/// Names each quadrant in its outer corner, in its own colour.
fn quadrant_names(svg: &mut Svg, quadrants: &[Area]) {
    let name = TextStyle::new(12.5).bold();
    for &(quadrant, (x0, x1), (y0, y1)) in quadrants {
        let right = matches!(quadrant, Quadrant::KeyAccount | Quadrant::Maintain);
        let upper = matches!(quadrant, Quadrant::KeyAccount | Quadrant::Develop);
        let y = if upper { y0 + 18.0 } else { y1 - 8.0 };
        let label = fit(quadrant.label(), (x1 - x0 - 12.0).max(0.0), &name);
        let style = name.fill(colours(quadrant).0);
        if right {
            svg.text(x1 - 6.0, y, &style.end(), &label);
        } else {
            svg.text(x0 + 6.0, y, &style, &label);
        }
    }
}

/// The space a label or dot takes.
#[derive(Debug, Clone, Copy)]
struct Box {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
}

impl Box {
    fn overlaps(&self, other: &Box) -> bool {
        self.left < other.right
            && other.left < self.right
            && self.top < other.bottom
            && other.top < self.bottom
    }
}

/// Writes a customer's id next to its dot: on the right, else the left,
/// below or above, whichever first stays inside the canvas and clear of every
/// dot and label so far (customers often cluster). When all four are taken
/// it goes on the right, one line lower per try.
fn label(svg: &mut Svg, taken: &mut Vec<Box>, (x, y): (f64, f64), id: &str) {
    let text = fit(id, 150.0, &LABEL);
    let width = styled_width(&text, &LABEL);
    let height = LABEL.size;
    // (anchor x, baseline, style) for each candidate place.
    let mut candidates = vec![
        (x + 9.0, y + 4.0, LABEL),
        (x - 9.0, y + 4.0, LABEL.end()),
        (x, y + 19.0, LABEL.middle()),
        (x, y - 10.0, LABEL.middle()),
    ];
    candidates.extend((1..=4).map(|i| (x + 9.0, y + 4.0 + 12.0 * f64::from(i), LABEL)));
    let boxed = |(ax, baseline, style): (f64, f64, TextStyle)| {
        let left = match style.anchor {
            "end" => ax - width,
            "middle" => ax - width * 0.5,
            _ => ax,
        };
        Box {
            left,
            right: left + width,
            top: baseline - height + 1.0,
            bottom: baseline + 3.0,
        }
    };
    let fits = |b: &Box| b.left >= 2.0 && b.right <= WIDTH - 2.0 && b.top >= 0.0;
    let chosen = candidates
        .iter()
        .copied()
        .find(|&c| {
            let b = boxed(c);
            fits(&b) && !taken.iter().any(|t| t.overlaps(&b))
        })
        .or_else(|| candidates.iter().copied().find(|&c| fits(&boxed(c))))
        .unwrap_or((x + 9.0, y + 4.0, LABEL));
    taken.push(boxed(chosen));
    let (ax, baseline, style) = chosen;
    svg.halo_text(ax, baseline, &style, &text);
}

fn position_words(customer: &PortfolioPosition) -> String {
    format!(
        "{}: attractiveness {:.1}, relationship strength {:.1}, {}",
        customer.id,
        customer.attractiveness,
        customer.relationship,
        customer.quadrant.label().to_lowercase()
    )
}

/// The matrix in words for the chart's `<desc>`.
fn describe(report: &PortfolioReport) -> String {
    let mut text = format!(
        "Scatter chart of {} customer(s) by relationship strength (across) and attractiveness (up), \
         both indices 0 to 100, split at {} and {}. ",
        report.customers.len(),
        num(report.thresholds.relationship),
        num(report.thresholds.attractiveness)
    );
    let customers: Vec<String> = report.customers.iter().map(position_words).collect();
    let _ = write!(text, "{}.", customers.join("; "));
    text
}
