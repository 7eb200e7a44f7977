//! A checklist report as a chart: completion of each section, and of each
//! group of every grouping, as horizontal bars; the stage rule's threshold as
//! a dashed line, the sections reached and the next one coloured, when the
//! checklist has a stage rule.

use std::fmt::Write;

use super::layout::{Key, WIDTH, header, legend};
use super::svg::{BAND, GRID, INK, MUTED, Svg, TextStyle, fit};
use super::{COMPLETE, CURRENT, INCOMPLETE, PATH};
use crate::checklist::{ChecklistReport, SectionScore};
use crate::framework::Provenance;
use crate::words::{pct, pct0, titled};

const LABELS_LEFT: f64 = 20.0;
const BARS_LEFT: f64 = 250.0;
const BARS_RIGHT: f64 = WIDTH - 56.0;
const ROW: f64 = 24.0;
const BAR: f64 = 14.0;

/// Completion by section and by group as a standalone SVG, with a `<title>`
/// and a `<desc>` that give every figure in words.
///
/// ```
/// let file = std::fs::read_to_string("examples/data/acme-kam-review.json")?;
/// let checklist = kam_core::api::load_framework(&file)?;
/// let assessment = kam_core::AuditAssessment::for_checklist(checklist.as_checklist()?);
/// let report = kam_core::api::score_checklist_with(&checklist, &assessment, &Default::default())?;
/// let svg = kam_core::chart::checklist(&report);
/// assert!(svg.contains("1 Plan 0.0% (0 of 8)"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn checklist(report: &ChecklistReport) -> String {
    let title = titled(&report.framework.name, &report.context);
    let mut svg = Svg::new("kam-checklist", WIDTH, &title, &describe(report));
    let below = header(&mut svg, &title, &subtitle(report));
    let mut keys = Vec::new();
    if let Some(stage) = &report.stage {
        keys.push((Key::Swatch(COMPLETE), "Stage reached".to_owned()));
        keys.push((Key::Swatch(CURRENT), "Next stage".to_owned()));
        keys.push((Key::Swatch(INCOMPLETE), "Later stages".to_owned()));
        keys.push((
            Key::Dashed(INK),
            format!(
                "Threshold {}{}",
                pct0(stage.threshold),
                whose(stage.provenance)
            ),
        ));
    } else {
        keys.push((Key::Swatch(PATH), "Completion".to_owned()));
    }
    let top = legend(&mut svg, below, &keys) + 14.0;
    // Gridlines first, so the bars are drawn over them.
    let sections_end = top + ROW * f64::from(u32::try_from(report.sections.len()).unwrap_or(0));
    let bottom = report.groupings.iter().fold(sections_end, |y, g| {
        y + 8.0 + ROW * 0.8 + ROW * f64::from(u32::try_from(g.groups.len()).unwrap_or(0))
    });
    axis(&mut svg, top, bottom);
    let y = rows(&mut svg, report, top);
    threshold(&mut svg, report, top, sections_end);
    // As tall as its rows: a short checklist shown on its own (a report, the
    // <kam-checklist> element) would otherwise end in an empty band.
    svg.finish(y.max(bottom) + 36.0)
}

/// `(kam)` after a rule of kam's, nothing after the source's.
fn whose(provenance: Provenance) -> &'static str {
    match provenance {
        Provenance::Source => "",
        Provenance::Kam => " (kam)",
    }
}

fn subtitle(report: &ChecklistReport) -> Vec<String> {
    let mut lines = vec![format!(
        "Completion: {} of {} points ({}).",
        report.overall.score,
        report.overall.max,
        pct(report.overall.percent)
    )];
    if let Some(stage) = &report.stage {
        lines.push(stage_words(report, stage.reached.is_some()));
    } else if let Some(balance) = &report.balance {
        lines.push(format!(
            "Balance{}: a spread of {} points, {} (balanced at {} or less).",
            whose(balance.provenance),
            pct0(balance.spread).trim_end_matches('%'),
            if balance.balanced {
                "balanced"
            } else {
                "not balanced"
            },
            crate::chart::svg::num(balance.tolerance)
        ));
    }
    lines
}

fn stage_words(report: &ChecklistReport, reached: bool) -> String {
    let Some(stage) = &report.stage else {
        return String::new();
    };
    let reached = match (&stage.reached, reached) {
        (Some(s), true) => format!("Stage reached: {} {}", s.number, s.name),
        _ => "No stage reached".to_owned(),
    };
    match &stage.next {
        Some(next) => format!("{reached}; next: {} {}.", next.number, next.name),
        None => format!("{reached}; every stage reached."),
    }
}

/// One bar per section, then a heading and one bar per group for each
/// grouping; returns the y below them.
fn rows(svg: &mut Svg, report: &ChecklistReport, mut y: f64) -> f64 {
    let label = TextStyle::new(11.5);
    let heading = TextStyle::new(11.5).bold().fill(MUTED);
    for section in &report.sections {
        let fill = section_fill(report, section);
        let name = format!("{} {}", section.number, section.name);
        bar(
            svg,
            y,
            &fit(&name, BARS_LEFT - LABELS_LEFT - 8.0, &label),
            section.percent,
            fill,
            &tip(section),
        );
        y += ROW;
    }
    for grouping in &report.groupings {
        y += 8.0;
        svg.text(
            LABELS_LEFT,
            y + 4.0,
            &heading,
            &fit(&grouping.name, BARS_RIGHT - LABELS_LEFT, &heading),
        );
        y += ROW * 0.8;
        for group in &grouping.groups {
            let text = format!(
                "{}: {} of {} ({})",
                group.name,
                group.score,
                group.max,
                pct(group.percent)
            );
            bar(
                svg,
                y,
                &fit(&group.name, BARS_LEFT - LABELS_LEFT - 8.0, &label),
                group.percent,
                PATH,
                &text,
            );
            y += ROW;
        }
    }
    y
}

fn section_fill(report: &ChecklistReport, section: &SectionScore) -> &'static str {
    let Some(stage) = &report.stage else {
        return PATH;
    };
    if stage.next.as_ref().is_some_and(|n| n.id == section.id) {
        CURRENT
    } else if stage
        .reached
        .as_ref()
        .is_some_and(|r| section.number <= r.number)
    {
        COMPLETE
    } else {
        INCOMPLETE
    }
}

fn tip(section: &SectionScore) -> String {
    format!(
        "{} {}: {} of {} ({})",
        section.number,
        section.name,
        section.score,
        section.max,
        pct(section.percent)
    )
}

/// A labelled bar at row `y` on a pale track, its length the percentage of
/// the bar area.
fn bar(svg: &mut Svg, y: f64, label: &str, percent: f64, fill: &str, tip: &str) {
    let value = TextStyle::new(11.0);
    svg.text(LABELS_LEFT, y + 4.0, &TextStyle::new(11.5), label);
    let width = (BARS_RIGHT - BARS_LEFT) * percent.clamp(0.0, 100.0) / 100.0;
    svg.rect(
        BARS_LEFT,
        y - BAR / 2.0 - 0.5,
        BARS_RIGHT - BARS_LEFT,
        BAR,
        BAND,
    );
    svg.open("g", &[("class", "kam-bar".into())]);
    svg.text_element("title", &[], tip);
    svg.rect(BARS_LEFT, y - BAR / 2.0 - 0.5, width, BAR, fill);
    svg.close();
    svg.text(BARS_LEFT + width + 5.0, y + 4.0, &value, &pct0(percent));
}

/// The 0–100% axis: gridlines over the rows and their labels below.
fn axis(svg: &mut Svg, top: f64, bottom: f64) {
    let small = TextStyle::new(10.0).middle().fill(MUTED);
    for step in 0..=4 {
        let share = f64::from(step) * 25.0;
        let x = BARS_LEFT + (BARS_RIGHT - BARS_LEFT) * share / 100.0;
        svg.line((x, top - 4.0), (x, bottom - ROW / 2.0 + 4.0), GRID, 1.0);
        svg.text(x, bottom + 6.0, &small, &format!("{share:.0}%"));
    }
}

/// The stage rule's threshold, over the sections only (groups have no stage).
fn threshold(svg: &mut Svg, report: &ChecklistReport, top: f64, bottom: f64) {
    if let Some(stage) = &report.stage {
        let x = BARS_LEFT + (BARS_RIGHT - BARS_LEFT) * stage.threshold / 100.0;
        svg.open("g", &[("class", "kam-threshold".into())]);
        svg.dashed((x, top - 8.0), (x, bottom - ROW / 2.0 + 4.0), INK, 1.5);
        svg.close();
    }
}

/// The chart in words, for its `<desc>`.
fn describe(report: &ChecklistReport) -> String {
    let mut text = format!(
        "Bar chart of completion: overall {} of {} points ({}). Sections: ",
        report.overall.score,
        report.overall.max,
        pct(report.overall.percent)
    );
    let sections: Vec<String> = report
        .sections
        .iter()
        .map(|s| {
            format!(
                "{} {} {} ({} of {})",
                s.number,
                s.name,
                pct(s.percent),
                s.score,
                s.max
            )
        })
        .collect();
    let _ = write!(text, "{}.", sections.join("; "));
    for grouping in &report.groupings {
        let groups: Vec<String> = grouping
            .groups
            .iter()
            .map(|g| format!("{} {} ({} of {})", g.name, pct(g.percent), g.score, g.max))
            .collect();
        let _ = write!(text, " {}: {}.", grouping.name, groups.join("; "));
    }
    if let Some(stage) = &report.stage {
        let _ = write!(
            text,
            " Stage rule{}, threshold {}: {}",
            whose(stage.provenance),
            pct0(stage.threshold),
            stage_words(report, true)
        );
    }
    if let Some(balance) = &report.balance {
        let _ = write!(
            text,
            " Balance{}: the spread between the most and the least complete is {} points ({}).",
            whose(balance.provenance),
            crate::chart::svg::num(balance.spread),
            if balance.balanced {
                "balanced"
            } else {
                "not balanced"
            }
        );
    }
    text
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::chart::check::{assert_committed, checked, with_class};
    use crate::chart::svg::BAND;
    use crate::checklist::{ChecklistOptions, score_checklist};
    use crate::json::from_json;
    use crate::{AuditAssessment, Framework, api};

    /// A bundled checklist scored from an example assessment file.
    fn example(file: &str) -> ChecklistReport {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/data")
            .join(file);
        let assessment: AuditAssessment =
            from_json(&std::fs::read_to_string(path).unwrap()).unwrap();
        api::score_checklist(&assessment, &ChecklistOptions::default()).unwrap()
    }

    /// The company checklist of the examples, scored.
    fn acme() -> ChecklistReport {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data");
        let framework = Framework::from_json(
            &std::fs::read_to_string(dir.join("acme-kam-review.json")).unwrap(),
        )
        .unwrap();
        let assessment: AuditAssessment = from_json(
            &std::fs::read_to_string(dir.join("acme-kam-review-assessment.json")).unwrap(),
        )
        .unwrap();
        score_checklist(
            framework.as_checklist().unwrap(),
            &assessment,
            &ChecklistOptions::default(),
        )
        .unwrap()
    }

    #[test]
    fn one_bar_per_section_and_group_with_the_stage_coloured() {
        let report = example("northwind-development-model.json");
        let elements = checked(&checklist(&report));
        assert_eq!(with_class(&elements, "kam-bar").len(), 5);
        assert_eq!(with_class(&elements, "kam-threshold").len(), 1);
        let fills: Vec<&str> = elements
            .iter()
            .filter(|e| e.name == "rect" && e.attr("height") == Some("14"))
            .filter_map(|e| e.attr("fill"))
            .filter(|&fill| fill != BAND)
            .collect();
        assert_eq!(
            fills,
            [COMPLETE, CURRENT, INCOMPLETE, INCOMPLETE, INCOMPLETE]
        );
        let desc = &elements.iter().find(|e| e.name == "desc").unwrap().text;
        assert!(desc.contains("Stage rule (kam), threshold 80%"), "{desc}");
        assert!(elements.iter().any(|e| e.text == "Threshold 80% (kam)"));
    }

    #[test]
    fn groupings_and_balance_are_charted_and_said() {
        let strategy = example("northwind-strategy.json");
        let elements = checked(&checklist(&strategy));
        assert_eq!(with_class(&elements, "kam-bar").len(), 8 + 2);
        let pillars = example("northwind-three-pillars.json");
        let elements = checked(&checklist(&pillars));
        let desc = &elements.iter().find(|e| e.name == "desc").unwrap().text;
        assert!(
            desc.contains("Balance (kam): the spread between the most and the least complete is"),
            "{desc}"
        );
        let acme = checked(&checklist(&acme()));
        assert_eq!(with_class(&acme, "kam-bar").len(), 3 + 3);
    }

    #[test]
    fn a_company_checklist_is_charted_with_its_own_rules() {
        let elements = checked(&checklist(&acme()));
        // Three sections and three owners.
        assert_eq!(with_class(&elements, "kam-bar").len(), 3 + 3);
        assert_eq!(with_class(&elements, "kam-threshold").len(), 1);
        // Acme's own stage rule is not labelled as kam's.
        assert!(elements.iter().any(|e| e.text == "Threshold 75%"));
        let desc = &elements.iter().find(|e| e.name == "desc").unwrap().text;
        assert!(desc.contains("Owner: Sales 62.5% (5 of 8)"), "{desc}");
        assert!(
            desc.contains("Stage rule, threshold 75%: Stage reached: 2 Deliver"),
            "{desc}"
        );
    }

    #[test]
    fn user_text_is_escaped_and_long_names_fit() {
        let mut report = acme();
        report.context.organisation = Some("<script>alert(1)</script> & Co".repeat(20));
        report.sections[0].name =
            "A very long section name that cannot possibly fit the label column".into();
        report.groupings[0].groups[0].name = "R&D <b>".into();
        let svg = checklist(&report);
        assert!(!svg.contains("<script>") && svg.contains("R&amp;D &lt;b&gt;"));
        checked(&svg);
        assert_eq!(svg, checklist(&report.clone()));
    }

    /// The charts docs/frameworks/ shows, from the example files; rewritten
    /// with `KAM_BLESS=1` after an intended change.
    #[test]
    fn docs_charts_are_up_to_date() {
        let charts = [
            (
                "kam-development-model.svg",
                checklist(&example("northwind-development-model.json")),
            ),
            (
                "kam-three-pillars.svg",
                checklist(&example("northwind-three-pillars.json")),
            ),
            (
                "kam-strategy.svg",
                checklist(&example("northwind-strategy.json")),
            ),
            ("acme-kam-review.svg", checklist(&acme())),
        ];
        assert_committed(
            "frameworks",
            &charts,
            "KAM_BLESS=1 cargo test -p kam-engine --lib chart::checklist",
        );
    }
}
