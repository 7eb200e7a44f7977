//! A section per unit: its latest position, its trend on the development
//! path, its rounds, what changed, its next actions, where its assessors
//! disagree, its roll-up, maturity and litmus tests.

use std::fmt::Write;

use super::words::{alpha, change, current, listed, placed, points, unit_name, unit_names};
use crate::programme::chart::unit_trend;
use crate::programme::result::{ProgrammeReport, UnitReport};
use crate::programme::trend::against;
use crate::render::doc::{Block, Doc, Table, text};
use crate::words::{pct, score};

/// Every unit's section, in report order.
pub(super) fn units(doc: &mut Doc, report: &ProgrammeReport) {
    for unit in &report.units {
        section(doc, report, unit);
    }
}

fn section(doc: &mut Doc, report: &ProgrammeReport, unit: &UnitReport) {
    doc.heading(2, unit.name.clone());
    let mut about = placed(report, unit);
    if !unit.children.is_empty() {
        let _ = write!(
            about,
            " Holds {}.",
            listed(&unit_names(report, &unit.children), 8)
        );
    }
    doc.para(about);
    if let (Some(latest), Some(trend)) = (unit.rounds.last(), &unit.trend) {
        let pace = trend.pace.as_ref().map_or_else(
            || "needs two rounds and a timescale".to_owned(),
            |p| format!("{} the paper's ({:.2}×)", against(p.verdict), p.ratio),
        );
        doc.blocks.push(Block::Figures(vec![
            (format!("Overall, {}", latest.date), points(&latest.overall)),
            (
                "Position on the path".to_owned(),
                latest.position.to_string(),
            ),
            (
                "Working on".to_owned(),
                current(report, latest.current_period.as_ref()),
            ),
            (
                "Assessor agreement".to_owned(),
                alpha(latest.agreement.alpha, latest.agreement.reading),
            ),
            ("Pace".to_owned(), pace),
        ]));
        if let Some(svg) = unit_trend(report, unit) {
            doc.blocks.push(Block::Chart {
                svg,
                caption: format!(
                    "{}: the merged overall score of each round on the development path, and where the pace leads.",
                    unit.name
                ),
                words: trend.reading.clone(),
            });
        }
        doc.para(trend.reading.clone());
        rounds(doc, report, unit);
        changed(doc, unit);
        actions(doc, report, unit);
        disputed(doc, unit);
    } else if unit.rollup.is_none() {
        doc.para("Not audited yet.");
    }
    if let Some(r) = unit.rollup.as_ref().filter(|_| !unit.children.is_empty()) {
        doc.para(format!(
            "Roll-up with the units inside it: {} audited unit(s), {}; from {} at {} to {} at {}.",
            r.units,
            points(&r.overall),
            unit_name(report, &r.lowest),
            pct(r.lowest_percent),
            unit_name(report, &r.highest),
            pct(r.highest_percent)
        ));
    }
    alongside(doc, unit);
}

/// The unit's latest maturity assessment, litmus answers and checklists.
fn alongside(doc: &mut Doc, unit: &UnitReport) {
    if let Some(m) = &unit.maturity {
        let weakest = m.report.weakest_link.as_ref().map_or_else(
            || "no area assessed".to_owned(),
            |w| {
                format!(
                    "weakest link stage {} {} ({})",
                    w.stage,
                    w.name,
                    listed(&m.report.weakest_areas, 4)
                )
            },
        );
        let mean = m
            .report
            .mean_stage
            .map_or_else(String::new, |s| format!("; mean stage {s:.1}"));
        doc.para(format!(
            "Maturity on {} ({}): {weakest}{mean}.",
            m.date,
            listed(&m.assessors, 4)
        ));
    }
    if let Some(l) = &unit.litmus {
        let verdicts: Vec<String> = l
            .report
            .results
            .iter()
            .map(|r| format!("{} {:.1} of {} yes", r.name, r.yes, r.questions))
            .collect();
        doc.para(format!(
            "Litmus tests on {}: {}.",
            l.date,
            verdicts.join("; ")
        ));
    }
    for c in &unit.checklists {
        let disputed = if c.disputed.is_empty() {
            String::new()
        } else {
            format!("; assessors disagree on {}", listed(&c.disputed, 4))
        };
        doc.para(format!(
            "{} on {} ({}): {} complete, {}{disputed}.",
            c.report.framework.name,
            c.date,
            listed(&c.assessors, 4),
            pct(c.report.overall.percent),
            super::overview::checklist_stage(c)
        ));
    }
}

fn rounds(doc: &mut Doc, report: &ProgrammeReport, unit: &UnitReport) {
    let mut table = Table::new(&[
        "Round",
        "Assessors",
        "Overall#",
        "By phase",
        "Position",
        "α#",
    ]);
    for round in &unit.rounds {
        let phases: Vec<String> = report
            .phases
            .iter()
            .zip(&round.phases)
            .map(|(p, v)| format!("{} {}", p.id, pct(*v)))
            .collect();
        table.row(
            false,
            vec![
                text(round.date.clone()),
                text(listed(&round.assessors, 5)),
                text(pct(round.overall.percent)),
                text(phases.join(" · ")),
                text(round.position.to_string()),
                text(
                    round
                        .agreement
                        .alpha
                        .map_or_else(|| "–".to_owned(), |a| format!("{a:.2}")),
                ),
            ],
        );
    }
    doc.table(table);
}

fn changed(doc: &mut Doc, unit: &UnitReport) {
    let Some(c) = &unit.change else { return };
    let mut line = format!(
        "Since {}: {} points ({}), {} → {}",
        c.from,
        signed(c.overall.change),
        change(c.overall.percent_change),
        pct(c.overall.before.percent),
        pct(c.overall.after.percent)
    );
    if c.new_phase {
        line.push_str(", into a new phase");
    }
    let _ = write!(
        line,
        ". {} item(s) scored higher{}; {} lower{}.",
        c.improved.len(),
        items(&c.improved),
        c.regressed.len(),
        items(&c.regressed)
    );
    doc.para(line);
}

fn items(ids: &[String]) -> String {
    if ids.is_empty() {
        String::new()
    } else {
        format!(" ({})", listed(ids, 10))
    }
}

fn signed(points: i64) -> String {
    format!("{points:+}")
}

fn actions(doc: &mut Doc, report: &ProgrammeReport, unit: &UnitReport) {
    if unit.next_actions.is_empty() {
        return;
    }
    doc.heading(3, format!("Next actions — {}", unit.name));
    let mut table = Table::new(&["No.#", "Item", "Action", "Period", "Score#"]);
    for (i, a) in unit.next_actions.iter().enumerate() {
        table.row(
            false,
            vec![
                text((i + 1).to_string()),
                text(a.id.clone()),
                text(a.text.clone()),
                text(super::words::period(report, &a.period)),
                text(score(a.score)),
            ],
        );
    }
    doc.table(table);
}

fn disputed(doc: &mut Doc, unit: &UnitReport) {
    let Some(latest) = unit.rounds.last() else {
        return;
    };
    if latest.agreement.disputed.is_empty() {
        return;
    }
    doc.heading(3, format!("Disputed in the latest round — {}", unit.name));
    let mut table = Table::new(&["Item", "Scores", "Merged#", "Spread#"]);
    for d in &latest.agreement.disputed {
        let scores: Vec<String> = latest
            .assessors
            .iter()
            .zip(&d.scores)
            .map(|(who, s)| format!("{who} {}", score(*s)))
            .collect();
        table.row(
            false,
            vec![
                text(d.id.clone()),
                text(scores.join(", ")),
                text(d.merged.to_string()),
                text(d.spread.to_string()),
            ],
        );
    }
    doc.table(table);
}
