//! The sections after the summary that read across units: the ranking, the
//! roll-up, assessor agreement, maturity and litmus, customers, account
//! plans, re-scored audits, and the timescales the paces are read against.

use std::fmt::Write;

use super::words::{alpha, change, current, listed, pace, unit_name};
use crate::chart::portfolio_matrix;
use crate::programme::chart::{disagreement_heatmap, pareto_curve, ranking, selection};
use crate::programme::result::ProgrammeReport;
use crate::render::audit::bar;
use crate::render::doc::{Block, Doc, Table, text};
use crate::words::{pct, position_short_of};

/// The cross-unit sections, in order.
pub(super) fn overview(doc: &mut Doc, report: &ProgrammeReport) {
    positions(doc, report);
    rollup(doc, report);
    agreement(doc, report);
    maturity(doc, report);
    checklists(doc, report);
    customers(doc, report);
    plans(doc, report);
    rescored(doc, report);
    timescale(doc, report);
}

fn positions(doc: &mut Doc, report: &ProgrammeReport) {
    doc.heading(2, "Units at a glance");
    let Some(svg) = ranking(report) else {
        doc.para("No unit has been audited yet.");
        return;
    };
    doc.blocks.push(Block::Chart {
        svg,
        caption: "Units ranked by their latest merged overall score, coloured by the phase it reaches on the development path.".to_owned(),
        words: ranking_words(report),
    });
    let mut table = Table::new(&[
        "Rank#",
        "Unit",
        "Latest",
        "Overall#",
        "Position",
        "Working on",
        "Change#",
        "α#",
        "Pace",
    ]);
    for p in &report.positions {
        table.row(
            false,
            vec![
                text(p.rank.to_string()),
                text(p.name.clone()),
                text(p.date.clone()),
                bar(p.overall.percent, false),
                text(position_short_of(&p.position)),
                text(current(report, p.current_period.as_ref())),
                text(p.change.map_or_else(|| "–".to_owned(), change)),
                text(
                    p.alpha
                        .map_or_else(|| "–".to_owned(), |a| format!("{a:.2}")),
                ),
                text(p.pace.map_or("–", pace)),
            ],
        );
    }
    doc.table(table);
}

/// The ranking in words, for the Markdown report.
fn ranking_words(report: &ProgrammeReport) -> String {
    let lines: Vec<String> = report
        .positions
        .iter()
        .map(|p| format!("{} {} {}", p.rank, p.name, pct(p.overall.percent)))
        .collect();
    format!("{}.", listed(&lines, 10))
}

fn rollup(doc: &mut Doc, report: &ProgrammeReport) {
    if report.units.iter().all(|u| u.children.is_empty()) {
        return;
    }
    doc.heading(2, "Roll-up through the units");
    doc.para(
        "kam's rule: a unit's roll-up adds up the points and the maxima of the latest round of the \
         unit and of every unit inside it that has been audited, so it reads them as one audit; it \
         always lies between the lowest and the highest of them.",
    );
    let mut table = Table::new(&[
        "Unit",
        "Audited units#",
        "Overall#",
        "Points",
        "Lowest",
        "Highest",
    ]);
    for unit in &report.units {
        let Some(r) = &unit.rollup else { continue };
        let depth = usize::try_from(unit.depth).unwrap_or(0);
        table.row(
            !unit.children.is_empty(),
            vec![
                text(format!("{}{}", "· ".repeat(depth), unit.name)),
                text(r.units.to_string()),
                bar(r.overall.percent, false),
                text(format!("{} of {}", r.overall.score, r.overall.max)),
                text(format!(
                    "{} {}",
                    unit_name(report, &r.lowest),
                    pct(r.lowest_percent)
                )),
                text(format!(
                    "{} {}",
                    unit_name(report, &r.highest),
                    pct(r.highest_percent)
                )),
            ],
        );
    }
    doc.table(table);
}

fn agreement(doc: &mut Doc, report: &ProgrammeReport) {
    let latest: Vec<_> = report
        .units
        .iter()
        .filter_map(|u| Some((u, u.rounds.last()?)))
        .collect();
    if latest.is_empty() {
        return;
    }
    doc.heading(2, "Assessor agreement");
    doc.para(format!(
        "Each round merges its assessors' audits as the aggregate analysis does (each item's score \
         the median of theirs, rounded half down) and measures their agreement with Krippendorff's \
         alpha for ordinal scores. An item is disputed when its scores spread {} points or more.",
        report.disagreement
    ));
    if let Some(svg) = disagreement_heatmap(report) {
        doc.blocks.push(Block::Chart {
            svg,
            caption: "The most disputed items of the latest rounds × the assessors: how far each scored from the merged score where the item was disputed.".to_owned(),
            words: heatmap_words(report),
        });
    }
    let mut table = Table::new(&["Unit", "Latest", "Assessors#", "α", "Disputed items"]);
    for (unit, round) in latest {
        let disputed: Vec<String> = round
            .agreement
            .disputed
            .iter()
            .map(|d| d.id.clone())
            .collect();
        table.row(
            false,
            vec![
                text(unit.name.clone()),
                text(round.date.clone()),
                text(round.assessors.len().to_string()),
                text(alpha(round.agreement.alpha, round.agreement.reading)),
                text(if disputed.is_empty() {
                    "none".to_owned()
                } else {
                    listed(&disputed, 8)
                }),
            ],
        );
    }
    doc.table(table);
}

/// The heatmap in words, for the Markdown report.
fn heatmap_words(report: &ProgrammeReport) -> String {
    let map = &report.agreement.heatmap;
    let rows: Vec<String> = map
        .assessors
        .iter()
        .zip(&map.cells)
        .map(|(name, cells)| {
            let values: Vec<String> = map
                .items
                .iter()
                .zip(cells)
                .filter_map(|(id, v)| v.map(|v| format!("{id} {v:+.1}")))
                .collect();
            format!("{name}: {}", values.join(", "))
        })
        .collect();
    format!("{}.", rows.join("; "))
}

fn maturity(doc: &mut Doc, report: &ProgrammeReport) {
    let rows: Vec<_> = report
        .units
        .iter()
        .filter(|u| u.maturity.is_some() || u.litmus.is_some())
        .collect();
    if rows.is_empty() {
        return;
    }
    doc.heading(2, "Maturity and litmus tests");
    doc.para(
        "Each unit's latest maturity assessment (assessors merged, each area's stage the median of \
         theirs, rounded half down) and its latest litmus answers.",
    );
    let mut table = Table::new(&[
        "Unit",
        "Maturity",
        "Weakest link",
        "Mean stage#",
        "Litmus tests",
    ]);
    for unit in rows {
        let (date, weakest, mean) = match &unit.maturity {
            Some(m) => (
                m.date.clone(),
                m.report.weakest_link.as_ref().map_or_else(
                    || "–".to_owned(),
                    |w| {
                        format!(
                            "stage {} {} ({})",
                            w.stage,
                            w.name,
                            listed(&m.report.weakest_areas, 3)
                        )
                    },
                ),
                m.report
                    .mean_stage
                    .map_or_else(|| "–".to_owned(), |s| format!("{s:.1}")),
            ),
            None => ("–".to_owned(), "–".to_owned(), "–".to_owned()),
        };
        let litmus = unit.litmus.as_ref().map_or_else(
            || "–".to_owned(),
            |l| {
                let verdicts: Vec<String> = l
                    .report
                    .results
                    .iter()
                    .map(|r| {
                        format!(
                            "{}: {:.1} of {} yes, {}",
                            r.name,
                            r.yes,
                            r.questions,
                            verdict(r)
                        )
                    })
                    .collect();
                format!("{} ({})", verdicts.join("; "), l.date)
            },
        );
        table.row(
            false,
            vec![
                text(unit.name.clone()),
                text(date),
                text(weakest),
                text(mean),
                text(litmus),
            ],
        );
    }
    doc.table(table);
}

fn checklists(doc: &mut Doc, report: &ProgrammeReport) {
    let rows: Vec<_> = report
        .units
        .iter()
        .flat_map(|u| u.checklists.iter().map(move |c| (u, c)))
        .collect();
    if rows.is_empty() {
        return;
    }
    doc.heading(2, "Checklists");
    doc.para(
        "Each unit's latest assessment of each checklist (assessors merged, each item's score the \
         median of theirs, rounded half down), with the stage its rule reads and the items the \
         assessors disagree on.",
    );
    let mut table = Table::new(&[
        "Unit",
        "Checklist",
        "Date",
        "Complete#",
        "Stage",
        "Disputed",
    ]);
    for (unit, c) in rows {
        table.row(
            false,
            vec![
                text(unit.name.clone()),
                text(c.report.framework.name.clone()),
                text(c.date.clone()),
                text(pct(c.report.overall.percent)),
                text(checklist_stage(c)),
                text(if c.disputed.is_empty() {
                    "none".to_owned()
                } else {
                    listed(&c.disputed, 4)
                }),
            ],
        );
    }
    doc.table(table);
}

/// The stage a checklist's rule reads, in words.
pub(super) fn checklist_stage(checklist: &crate::programme::UnitChecklist) -> String {
    match &checklist.report.stage {
        None => "no stage rule".to_owned(),
        Some(s) => match (&s.reached, &s.next) {
            (Some(r), _) => format!("reached {}", r.name),
            (None, Some(n)) => format!("working on {}", n.name),
            (None, None) => "–".to_owned(),
        },
    }
}

/// A litmus verdict in words.
fn verdict(result: &crate::litmus::LitmusResult) -> &'static str {
    match result.verdict {
        crate::litmus::Verdict::Pass => "passed",
        crate::litmus::Verdict::Fail => "not passed",
        crate::litmus::Verdict::NoPassMark => "no pass mark",
    }
}

fn customers(doc: &mut Doc, report: &ProgrammeReport) {
    if report.pareto.is_none() && report.portfolio.is_none() {
        return;
    }
    doc.heading(2, "Customers");
    if let Some(pareto) = &report.pareto {
        doc.blocks.push(Block::Chart {
            svg: pareto_curve(pareto),
            caption: format!(
                "Pareto curve: the cumulative share of {} against the share of customers, largest first.",
                pareto.measure
            ),
            words: format!("{} The set: {}.", selection(pareto), listed(&pareto.selected, 12)),
        });
    }
    if let Some(portfolio) = &report.portfolio {
        let counts: Vec<String> = portfolio
            .quadrants
            .iter()
            .map(|q| format!("{} {}", q.count, q.quadrant.label().to_lowercase()))
            .collect();
        doc.blocks.push(Block::Chart {
            svg: portfolio_matrix(portfolio),
            caption: "Portfolio matrix: customers by relationship strength (across) and attractiveness (up).".to_owned(),
            words: format!("{} customer(s): {}.", portfolio.customers.len(), counts.join(", ")),
        });
    }
}

fn plans(doc: &mut Doc, report: &ProgrammeReport) {
    if report.account_plans.is_empty() {
        return;
    }
    doc.heading(2, "Key account plans");
    let mut table = Table::new(&[
        "Unit",
        "Account",
        "Complete",
        "Horizon",
        "Last review",
        "Litmus",
        "Findings",
    ]);
    for p in &report.account_plans {
        let r = &p.report;
        table.row(
            false,
            vec![
                text(unit_name(report, &p.unit).to_owned()),
                text(r.account.clone()),
                text(if r.complete { "yes" } else { "no" }),
                text(format!(
                    "{} of {} years",
                    r.horizon.years, r.horizon.required
                )),
                text(
                    r.review
                        .last_review
                        .clone()
                        .unwrap_or_else(|| "never".to_owned()),
                ),
                text(if r.litmus { "yes" } else { "no" }),
                text(r.findings.join("; ")),
            ],
        );
    }
    doc.table(table);
}

fn rescored(doc: &mut Doc, report: &ProgrammeReport) {
    if report.rescored.is_empty() {
        return;
    }
    doc.heading(2, "Audits re-scored under one version");
    for r in &report.rescored {
        let mut line = format!(
            "{} audit(s) made under version {} of `{}` are read in version {}, the version of the \
             latest audit, by the re-score rule: same answers, ",
            r.audits, r.from_version, r.framework, r.to_version
        );
        let parts = [
            ("removed (answers left out)", &r.removed),
            ("added (unscored)", &r.added),
            ("moved to another period or stream", &r.moved),
            ("reweighted", &r.reweighted),
        ];
        let said: Vec<String> = parts
            .iter()
            .filter(|(_, ids)| !ids.is_empty())
            .map(|(what, ids)| format!("{} item(s) {what}: {}", ids.len(), listed(ids, 8)))
            .collect();
        if said.is_empty() {
            line.push_str("no item differs");
        } else {
            line.push_str(&said.join("; "));
        }
        let _ = write!(line, "; {} answer(s) dropped.", r.dropped_answers);
        doc.para(line);
    }
}

fn timescale(doc: &mut Doc, report: &ProgrammeReport) {
    let Some(t) = &report.timescale else { return };
    doc.heading(2, "The paper's timescales");
    doc.para(format!("From {}:", t.source));
    for span in &t.spans {
        doc.para(format!(
            "Phases {}: “{}”",
            span.phases.join(" and "),
            span.quote
        ));
    }
    doc.para(t.kam.reading.clone());
}
