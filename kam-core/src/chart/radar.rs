//! The maturity radar: one spoke per programme area, a ring per stage, the
//! current stages as a filled polygon and an optional target as a dashed one.

use std::collections::BTreeMap;
use std::f64::consts::{FRAC_PI_2, TAU};
use std::fmt::Write;

use super::layout::{Key, WIDTH, dot, header, legend};
use super::svg::{GRID, MUTED, Svg, TextStyle, V, num, wrap};
use super::{CURRENT, PATH};
use crate::framework::builtin_maturity;
use crate::maturity::MaturityReport;
use crate::words::titled;

const RADIUS: f64 = 150.0;
/// Gap between the outer ring and the area names.
const LABEL_GAP: f64 = 14.0;
const LINE: f64 = 13.0;

/// One spoke: a programme area with its current and target stage.
struct Spoke {
    name: String,
    current: Option<u8>,
    target: Option<u8>,
}

/// The maturity radar as a standalone SVG: one spoke per programme area,
/// rings for the stages (labelled with their names), the current stage of
/// each area as a filled polygon and, when given, a target as a dashed one.
///
/// Areas not assessed sit at the centre and are labelled "not assessed".
///
/// ```
/// use kam_core::{MaturityAssessment, MaturityOptions, api};
///
/// let model = kam_core::framework::builtin_maturity("kam-maturity-model")?;
/// let mut assessment = MaturityAssessment::new(model);
/// assessment.stages.insert("process".into(), 3);
/// let current = api::score_maturity(&assessment, &MaturityOptions::default())?;
/// assessment.stages.insert("process".into(), 4);
/// let target = api::score_maturity(&assessment, &MaturityOptions::default())?;
/// let svg = kam_core::chart::maturity_radar(&current, Some(&target));
/// assert!(svg.contains("Process"));
/// # Ok::<(), kam_core::Error>(())
/// ```
pub fn maturity_radar(current: &MaturityReport, target: Option<&MaturityReport>) -> String {
    let (spokes, stage_names, top) = read(current, target);
    let title = titled("KAM maturity", &current.context);
    let mut svg = Svg::new(
        "kam-radar",
        WIDTH,
        &title,
        &describe(current, target, &spokes, &stage_names, top),
    );
    let stage_name = |s: u8| {
        stage_names
            .get(&s)
            .map_or_else(|| format!("stage {s}"), |n| format!("{s} {n}"))
    };
    let mut subtitle = vec![format!(
        "Stage reached in each area, from {} near the centre to {} at the edge.",
        stage_name(1),
        stage_name(top)
    )];
    if let Some(weakest) = &current.weakest_link {
        let areas: Vec<&str> = current
            .weakest_areas
            .iter()
            .map(|id| {
                current
                    .areas
                    .iter()
                    .find(|a| &a.id == id)
                    .map_or(id.as_str(), |a| a.name.as_str())
            })
            .collect();
        subtitle.push(format!(
            "Weakest link: stage {} {} ({}); mean stage {}.",
            weakest.stage,
            weakest.name,
            areas.join(", "),
            current
                .mean_stage
                .map_or_else(String::new, |m| format!("{m:.1}"))
        ));
    }
    let below = header(&mut svg, &title, &subtitle);
    let mut keys = vec![(Key::Swatch(PATH), mean_label("Current", current))];
    if let Some(target) = target {
        keys.push((Key::Dashed(CURRENT), mean_label("Target", target)));
    }
    let below = legend(&mut svg, below, &keys);
    let cx = WIDTH * 0.5;
    let cy = below + 2.0 * LINE + LABEL_GAP + RADIUS + 8.0;
    let count = spokes.len();
    let angle = |i: usize| {
        let n = f64::from(u32::try_from(count.max(1)).unwrap_or(1));
        -FRAC_PI_2 + TAU * f64::from(u32::try_from(i).unwrap_or(0)) / n
    };
    let at = |i: usize, r: f64| (cx + r * angle(i).cos(), cy + r * angle(i).sin());
    let radius = |stage: Option<u8>| RADIUS * f64::from(stage.unwrap_or(0)) / f64::from(top);

    grid(&mut svg, (cx, cy), count, top, &at);
    let shape: Vec<(f64, f64)> = (0..count)
        .map(|i| at(i, radius(spokes.get(i).and_then(|s| s.current))))
        .collect();
    svg.open("g", &[("class", "kam-current".into())]);
    polygon(&mut svg, &shape, PATH, PATH, None);
    for &(x, y) in &shape {
        dot(&mut svg, x, y, 4.0, PATH);
    }
    svg.close();
    if target.is_some() {
        let goal: Vec<(f64, f64)> = (0..count)
            .map(|i| at(i, radius(spokes.get(i).and_then(|s| s.target))))
            .collect();
        svg.open("g", &[("class", "kam-target".into())]);
        polygon(&mut svg, &goal, "none", CURRENT, Some("7 4"));
        svg.close();
    }
    // Ring labels last, on a white halo, so no polygon hides them.
    let ring_style = TextStyle::new(10.0).fill(MUTED);
    for stage in 1..=top {
        let r = RADIUS * f64::from(stage) / f64::from(top);
        svg.halo_text(cx + 5.0, cy - r + 11.0, &ring_style, &stage_name(stage));
    }
    for (i, spoke) in spokes.iter().enumerate() {
        area_label(
            &mut svg,
            at(i, RADIUS + LABEL_GAP),
            angle(i),
            spoke,
            target.is_some(),
        );
    }
    svg.finish(cy + RADIUS + LABEL_GAP + 3.0 * LINE + 10.0)
}

/// The rings (one per stage, the outermost darker) and the spokes.
fn grid(
    svg: &mut Svg,
    (cx, cy): (f64, f64),
    count: usize,
    top: u8,
    at: &dyn Fn(usize, f64) -> (f64, f64),
) {
    for stage in 1..=top {
        let r = RADIUS * f64::from(stage) / f64::from(top);
        let ring: Vec<(f64, f64)> = (0..count).map(|i| at(i, r)).collect();
        let stroke = if stage == top { MUTED } else { GRID };
        polygon(svg, &ring, "none", stroke, None);
    }
    for i in 0..count {
        let (x, y) = at(i, RADIUS);
        svg.empty(
            "line",
            &[
                ("class", "kam-spoke".into()),
                ("x1", cx.into()),
                ("y1", cy.into()),
                ("x2", x.into()),
                ("y2", y.into()),
                ("stroke", GRID.into()),
                ("stroke-width", 1.0.into()),
            ],
        );
    }
}

/// The spokes in model order, the stage names known, and the top stage.
fn read(
    current: &MaturityReport,
    target: Option<&MaturityReport>,
) -> (Vec<Spoke>, BTreeMap<u8, String>, u8) {
    let stage_of = |report: Option<&MaturityReport>, id: &str| {
        report?
            .areas
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.stage.stage)
    };
    let model = builtin_maturity(&current.framework.id)
        .ok()
        .filter(|m| m.version == current.framework.version);
    let mut order: Vec<(String, String)> = Vec::new();
    let mut add = |id: &str, name: &str| {
        if !order.iter().any(|(known, _)| known == id) {
            order.push((id.to_owned(), name.to_owned()));
        }
    };
    if let Some(model) = model {
        model.areas.iter().for_each(|a| add(&a.id, &a.name));
    }
    for report in std::iter::once(current).chain(target) {
        report.areas.iter().for_each(|a| add(&a.id, &a.name));
        report.unassessed.iter().for_each(|id| add(id, id));
    }
    let spokes = order
        .into_iter()
        .map(|(id, name)| Spoke {
            current: stage_of(Some(current), &id),
            target: stage_of(target, &id),
            name,
        })
        .collect();
    let mut names = BTreeMap::new();
    if let Some(model) = model {
        for s in &model.stages {
            names.insert(s.stage, s.name.clone());
        }
    }
    for report in std::iter::once(current).chain(target) {
        for a in &report.areas {
            names
                .entry(a.stage.stage)
                .or_insert_with(|| a.stage.name.clone());
            if let Some(next) = &a.next {
                names.entry(next.stage).or_insert_with(|| next.name.clone());
            }
        }
    }
    let top = names.keys().copied().max().unwrap_or(1).max(1);
    (spokes, names, top)
}

fn mean_label(what: &str, report: &MaturityReport) -> String {
    match report.mean_stage {
        Some(mean) => format!("{what} (mean stage {mean:.1})"),
        None => format!("{what} (nothing assessed)"),
    }
}

fn polygon(svg: &mut Svg, points: &[(f64, f64)], fill: &str, stroke: &str, dash: Option<&str>) {
    let points: Vec<String> = points
        .iter()
        .map(|(x, y)| format!("{},{}", num(*x), num(*y)))
        .collect();
    let points = points.join(" ");
    let mut attrs: Vec<(&str, V)> = vec![
        ("points", V::S(&points)),
        ("fill", fill.into()),
        ("stroke", stroke.into()),
        // Rings are thin; the data polygons stand out.
        (
            "stroke-width",
            if fill == "none" && dash.is_none() {
                1.0
            } else {
                2.5
            }
            .into(),
        ),
        ("stroke-linejoin", "round".into()),
    ];
    if fill != "none" {
        attrs.push(("fill-opacity", 0.18.into()));
    }
    if let Some(dash) = dash {
        attrs.push(("stroke-dasharray", dash.into()));
    }
    svg.empty("polygon", &attrs);
}

/// Writes an area's name and stage outside the outer ring, anchored away
/// from the centre so long names grow outwards, never over the chart.
fn area_label(svg: &mut Svg, (x, y): (f64, f64), angle: f64, spoke: &Spoke, with_target: bool) {
    let (cos, sin) = (angle.cos(), angle.sin());
    let (anchor, room) = if cos > 0.2 {
        ("start", WIDTH - 10.0 - x)
    } else if cos < -0.2 {
        ("end", x - 10.0)
    } else {
        ("middle", 2.0 * (x - 10.0).min(WIDTH - 10.0 - x))
    };
    let name_style = TextStyle {
        anchor,
        ..TextStyle::new(11.5).bold()
    };
    let value_style = TextStyle {
        anchor,
        ..TextStyle::new(10.5).fill(MUTED)
    };
    let mut lines = wrap(&spoke.name, room.min(150.0), &name_style, 2);
    let value = match (spoke.current, spoke.target, with_target) {
        (None, _, _) => "not assessed".to_owned(),
        (Some(c), Some(t), true) => format!("stage {c} → target {t}"),
        (Some(c), _, _) => format!("stage {c}"),
    };
    let names = lines.len();
    lines.push(value);
    let count = f64::from(u32::try_from(lines.len()).unwrap_or(1));
    let first = if sin < -0.3 {
        y - 2.0 - LINE * (count - 1.0)
    } else if sin > 0.3 {
        y + 11.0
    } else {
        y + 4.0 - LINE * (count - 1.0) * 0.5
    };
    for (i, line) in lines.iter().enumerate() {
        let style = if i < names { &name_style } else { &value_style };
        let offset = LINE * f64::from(u32::try_from(i).unwrap_or(0));
        svg.text(x, first + offset, style, line);
    }
}

/// The radar in words for the chart's `<desc>`.
fn describe(
    current: &MaturityReport,
    target: Option<&MaturityReport>,
    spokes: &[Spoke],
    names: &BTreeMap<u8, String>,
    top: u8,
) -> String {
    let stage = |s: u8| match names.get(&s) {
        Some(name) => format!("stage {s} {name}"),
        None => format!("stage {s}"),
    };
    let mut text = format!(
        "Radar chart of maturity by programme area, stages 1 to {top}{}. ",
        if target.is_some() {
            ", current and target"
        } else {
            ""
        }
    );
    let areas: Vec<String> = spokes
        .iter()
        .map(|s| match (s.current, s.target) {
            (None, _) => format!("{}: not assessed", s.name),
            (Some(c), Some(t)) if target.is_some() => {
                format!("{}: {} (target {})", s.name, stage(c), stage(t))
            }
            (Some(c), _) => format!("{}: {}", s.name, stage(c)),
        })
        .collect();
    let _ = write!(text, "{}.", areas.join("; "));
    if let (Some(weakest), Some(mean)) = (&current.weakest_link, current.mean_stage) {
        let _ = write!(
            text,
            " Weakest link {}; mean stage {mean:.1}.",
            stage(weakest.stage)
        );
    }
    text
}
