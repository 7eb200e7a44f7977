//! The executive summary: one page for senior management. Where the
//! programme stands, what moved since the last round, the five next actions
//! that matter most across units, and where the assessors disagree.

use std::fmt::Write;

use super::words::{alpha, change, listed, on_path, points, reading_word, unit_name, unit_names};
use crate::programme::result::{PaceVerdict, ProgrammeReport, UnitReport};
use crate::programme::round::reading;
use crate::render::doc::{Block, Doc, Table, text};
use crate::words::pct;

/// Rows of a summary table, so the summary stays one page.
const SUMMARY_ROWS: usize = 5;

/// The executive summary's blocks.
pub(super) fn summary(report: &ProgrammeReport) -> Doc {
    let mut doc = Doc::default();
    doc.heading(2, "Executive summary");
    doc.blocks.push(Block::Figures(figures(report)));
    doc.para(standing(report));
    moved(&mut doc, report);
    actions(&mut doc, report);
    disagreement(&mut doc, report);
    doc
}

pub(super) fn figures(report: &ProgrammeReport) -> Vec<(String, String)> {
    let s = &report.summary;
    let mut by_phase: Vec<String> = s
        .phases
        .iter()
        .map(|p| format!("{} {}", p.id, p.units))
        .collect();
    if s.best_practice > 0 {
        by_phase.push(format!("best practice {}", s.best_practice));
    }
    let moved = &s.moved;
    let since = if moved.units == 0 {
        "first round: nothing to compare yet".to_owned()
    } else {
        format!(
            "{} of {} up, {} down; mean {}",
            moved.improved,
            moved.units,
            moved.regressed,
            change(moved.mean_change.unwrap_or(0.0))
        )
    };
    vec![
        (
            "Where the programme stands".to_owned(),
            s.overall
                .as_ref()
                .map_or_else(|| "no audits yet".to_owned(), points),
        ),
        (
            "Units by phase".to_owned(),
            if by_phase.is_empty() {
                "no audits yet".to_owned()
            } else {
                by_phase.join(" · ")
            },
        ),
        ("Since the last round".to_owned(), since),
        (
            "Assessor agreement".to_owned(),
            match report.agreement.median_alpha {
                Some(a) => format!("median α {}", alpha(Some(a), reading(Some(a)))),
                None => "no round with several assessors".to_owned(),
            },
        ),
    ]
}

/// Where the programme stands, in words.
pub(super) fn standing(report: &ProgrammeReport) -> String {
    let s = &report.summary;
    // Checklists are named only when there are some, as most programmes
    // have none.
    let checklists = if s.checklists > 0 {
        format!(", {} checklist assessment(s)", s.checklists)
    } else {
        String::new()
    };
    let mut text = format!(
        "{} unit(s), {} of them audited: {} audit(s), {} maturity assessment(s){checklists} and {} set(s) of litmus answers by {} assessor(s)",
        s.units, s.audited_units, s.audits, s.maturity_assessments, s.litmus_tests, s.assessors
    );
    match (&s.first_date, &s.last_date) {
        (Some(first), Some(last)) if first != last => {
            let _ = write!(text, ", from {first} to {last}.");
        }
        (Some(date), _) => {
            let _ = write!(text, ", on {date}.");
        }
        _ => text.push('.'),
    }
    let (Some(overall), Some(best), Some(last)) = (
        &s.overall,
        report.positions.first(),
        report.positions.last(),
    ) else {
        return text;
    };
    let _ = write!(
        text,
        " Taking each unit's latest round, the programme holds {} of the development path's points. \
         The furthest along is {} at {}, {}; the least far {} at {}, {}.",
        pct(overall.percent),
        best.name,
        pct(best.overall.percent),
        on_path(&best.position),
        last.name,
        pct(last.overall.percent),
        on_path(&last.position),
    );
    let paced: Vec<PaceVerdict> = report.positions.iter().filter_map(|p| p.pace).collect();
    if !paced.is_empty() {
        let count = |keep: &dyn Fn(PaceVerdict) -> bool| paced.iter().filter(|v| keep(**v)).count();
        let _ = write!(
            text,
            " Against the paper's timescales, {} unit(s) move in line with it or faster, {} slower, and {} have stalled or fallen back.",
            count(&|v| matches!(v, PaceVerdict::InLine | PaceVerdict::Faster)),
            count(&|v| v == PaceVerdict::Slower),
            count(&|v| matches!(v, PaceVerdict::Stalled | PaceVerdict::Receding)),
        );
    }
    text
}

fn moved(doc: &mut Doc, report: &ProgrammeReport) {
    doc.heading(3, "What moved since the last round");
    let moved = &report.summary.moved;
    if moved.units == 0 {
        doc.para(
            "Every unit has a single audit round so far: the next round will show what moved.",
        );
        return;
    }
    let mut line = format!(
        "Of the {} unit(s) audited more than once, {} improved, {} regressed and {} held steady",
        moved.units, moved.improved, moved.regressed, moved.unchanged
    );
    if moved.new_phase.is_empty() {
        line.push('.');
    } else {
        let _ = write!(
            line,
            "; {} reached a new phase.",
            listed(&unit_names(report, &moved.new_phase), 5)
        );
    }
    doc.para(line);
    let mut changed: Vec<&UnitReport> =
        report.units.iter().filter(|u| u.change.is_some()).collect();
    // Largest moves first, either way; report order on a tie.
    changed.sort_by(|a, b| {
        let size = |u: &UnitReport| {
            u.change
                .as_ref()
                .map_or(0.0, |c| c.overall.percent_change.abs())
        };
        size(b).total_cmp(&size(a))
    });
    let mut table = Table::new(&["Unit", "From", "To", "Overall#", "Change#", "New phase"]);
    for unit in changed.iter().take(SUMMARY_ROWS) {
        let Some(c) = &unit.change else { continue };
        table.row(
            false,
            vec![
                text(unit.name.clone()),
                text(c.from.clone()),
                text(c.to.clone()),
                text(format!(
                    "{} → {}",
                    pct(c.overall.before.percent),
                    pct(c.overall.after.percent)
                )),
                text(change(c.overall.percent_change)),
                text(if c.new_phase { "yes" } else { "" }),
            ],
        );
    }
    doc.table(table);
    if changed.len() > SUMMARY_ROWS {
        doc.para(format!(
            "The {SUMMARY_ROWS} largest moves; the unit sections show the other {}.",
            changed.len() - SUMMARY_ROWS
        ));
    }
}

fn actions(doc: &mut Doc, report: &ProgrammeReport) {
    doc.heading(3, "The next actions that matter most");
    if report.next_actions.is_empty() {
        doc.para(
            "None: no unit has an action left below the top of the scale, or none is audited yet.",
        );
        return;
    }
    doc.para(
        "kam's rule: the actions on the most units' lists of next actions (the items below the top \
         of the scale, earliest on the development path first), the earlier on the path first on a tie.",
    );
    let mut table = Table::new(&["No.#", "Action", "Period", "Units#", "Which", "Mean score#"]);
    for (i, a) in report.next_actions.iter().enumerate() {
        table.row(
            false,
            vec![
                text((i + 1).to_string()),
                text(format!("{} {}", a.id, a.text)),
                text(super::words::period(report, &a.period)),
                text(a.units.len().to_string()),
                text(listed(&unit_names(report, &a.units), 4)),
                text(format!("{:.1}", a.mean_score)),
            ],
        );
    }
    doc.table(table);
}

fn disagreement(doc: &mut Doc, report: &ProgrammeReport) {
    doc.heading(3, "Where assessors disagree");
    let agreement = &report.agreement;
    let Some(median) = agreement.median_alpha else {
        doc.para("No latest round has several assessors, so there is no agreement to measure.");
        return;
    };
    let mut line = format!(
        "Krippendorff's alpha for ordinal scores, over the {} latest round(s) with several assessors: median {}. \
         kam reads α ≥ 0.800 as reliable and 0.667–0.800 as good for tentative conclusions only, after Krippendorff.",
        agreement.rounds,
        alpha(Some(median), reading(Some(median)))
    );
    if agreement.low.is_empty() {
        line.push_str(" Every unit's latest round reads reliable.");
    } else {
        let low: Vec<String> = agreement
            .low
            .iter()
            .map(|l| {
                format!(
                    "{} {:.2} ({})",
                    unit_name(report, &l.unit),
                    l.alpha,
                    reading_word(l.reading)
                )
            })
            .collect();
        let _ = write!(line, " Below reliable: {}.", listed(&low, SUMMARY_ROWS));
    }
    doc.para(line);
    if agreement.disputed.is_empty() {
        doc.para(format!(
            "No item's scores spread {} points or more in the latest rounds.",
            report.disagreement
        ));
        return;
    }
    let mut table = Table::new(&["Disputed item", "Units#", "Where"]);
    for item in agreement.disputed.iter().take(SUMMARY_ROWS) {
        table.row(
            false,
            vec![
                text(format!("{} {}", item.id, item.text)),
                text(item.units.len().to_string()),
                text(listed(&unit_names(report, &item.units), 4)),
            ],
        );
    }
    doc.table(table);
}
