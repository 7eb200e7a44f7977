//! `programme_report`: every analysis of a programme, unit by unit, then
//! across the programme.

use std::collections::BTreeMap;

use super::actions::programme_actions;
use super::book::Book;
use super::checklists::unit_checklists;
use super::disputes::Disputes;
use super::document::{Programme, ProgrammeAssessment};
use super::result::{
    Movement, PathMilestone, PhaseCount, ProgrammeReport, RoundChange, Summary,
    UnitAccountPlanReport, UnitLitmus, UnitMaturity, UnitReport, UnitRound,
};
use super::rollup::{Points, ranking, rollups};
use super::round::{Merged, merge_round};
use super::timescale::{self, Timescale};
use super::trend::trend as trend_of;
use crate::analysis::aggregate::{ItemSpread, rounded_half_down};
use crate::analysis::compare::change;
use crate::analysis::{UnitColumn, account_plan, pareto, portfolio};
use crate::assessment::{AuditAssessment, Context, ItemIds, path_items};
use crate::error::{Error, ProgrammeError};
use crate::framework::{AuditFramework, MaturityModel};
use crate::litmus::{LitmusAnswers, LitmusReport, score_litmus};
use crate::maturity::{MaturityAssessment, MaturityOptions, score_maturity};
use crate::scoring::{
    FrameworkRef, ItemStatus, Position, ScoreOptions, Total, percent, score_checked,
};

/// Reads a whole programme: each unit's audit rounds merged across its
/// assessors, with their agreement, trend, pace and next milestone; the
/// roll-up through the units; the ranking; the next actions and the
/// disagreements across the programme; and the maturity, litmus, customer
/// and account-plan results alongside. docs/programme.md gives every rule.
///
/// # Errors
/// - from the options: `invalid-option`;
/// - from the units: `empty-input`, `missing-value`, `duplicate-entry`,
///   `unknown-unit`, `unit-cycle`;
/// - from the assessments: `missing-value` (no unit, assessor or date),
///   `unknown-unit`, `duplicate-assessment`, `mixed-frameworks`,
///   `unknown-framework-version`, and, located at the assessment, every
///   error of reading it against its framework (`unknown-framework`,
///   `wrong-framework-type`, `unknown-item`, `invalid-date`, …);
/// - `invalid-number` for a disagreement threshold of 0, and, located,
///   every error of the customers' analyses, of an account plan, and of
///   scoring a merged audit in strict mode.
pub fn programme_report(
    programme: &Programme,
    options: &ScoreOptions,
) -> Result<ProgrammeReport, Error> {
    options.validate()?;
    let book = Book::new(programme)?;
    let timescale = match book.audit {
        Some(f) => timescale::for_framework(f)?,
        None => None,
    };
    let mut units: Vec<UnitReport> = Vec::with_capacity(programme.units.len());
    let mut points: Vec<Option<Points>> = vec![None; programme.units.len()];
    let mut wants: Vec<(usize, Vec<ItemStatus>)> = Vec::new();
    let mut disputes = Disputes::default();
    let ids = book.audit.map(ItemIds::new);
    // Units are independent of one another: each is reported on every core,
    // then taken in hierarchy order, so the first error is the first unit's.
    let reported = crate::parallel::map(book.hierarchy.order(), |&u| {
        unit_report(&book, ids.as_ref(), u, timescale, options)
    });
    for (&u, reported) in book.hierarchy.order().iter().zip(reported) {
        let (report, latest) = reported?;
        if let Some((figures, merged)) = latest {
            if let Some(slot) = points.get_mut(u) {
                *slot = Some(figures);
            }
            if let Some(round) = report.rounds.last() {
                disputes.add(&report.id, round, &merged);
            }
            wants.push((units.len(), report.next_actions.clone()));
        }
        units.push(report);
    }
    let mut rolled = rollups(&book.hierarchy, &points);
    for (&unit, report) in book.hierarchy.order().iter().zip(units.iter_mut()) {
        report.rollup = rolled.get_mut(unit).and_then(Option::take);
    }
    let next_actions = match book.audit {
        Some(f) => {
            let lists: Vec<(&str, &[ItemStatus])> = wants
                .iter()
                .filter_map(|(i, actions)| Some((units.get(*i)?.id.as_str(), actions.as_slice())))
                .collect();
            programme_actions(f, &lists)
        }
        None => Vec::new(),
    };
    Ok(ProgrammeReport {
        name: programme.name.clone(),
        organisation: programme.organisation.clone(),
        framework: book.audit.map(|f| FrameworkRef {
            id: f.id.clone(),
            version: f.version.clone(),
            name: f.name.clone(),
        }),
        phases: columns(book.audit, false),
        periods: columns(book.audit, true),
        milestones: milestones(book.audit),
        completion_threshold: options.completion_threshold,
        disagreement: programme.disagreement,
        summary: summary(&book, &units),
        positions: ranking(&units),
        next_actions,
        agreement: disputes.finish(book.audit),
        timescale: timescale.cloned(),
        pareto: customers(
            programme.customers.pareto.as_ref(),
            "pareto",
            pareto::pareto,
        )?,
        portfolio: customers(
            programme.customers.portfolio.as_ref(),
            "portfolio",
            portfolio::portfolio,
        )?,
        account_plans: account_plans(&book)?,
        rescored: book.rescored.clone(),
        units,
    })
}

/// The phase or period columns of the framework, in path order.
fn columns(framework: Option<&AuditFramework>, periods: bool) -> Vec<UnitColumn> {
    let Some(f) = framework else {
        return Vec::new();
    };
    if periods {
        f.path()
            .map(|s| UnitColumn {
                id: s.period.id.clone(),
                name: s.period.name.clone(),
            })
            .collect()
    } else {
        f.phases
            .iter()
            .map(|p| UnitColumn {
                id: p.id.clone(),
                name: p.name.clone(),
            })
            .collect()
    }
}

/// The framework's milestones, each at the cumulative maximum of the period
/// it follows, in path order.
fn milestones(framework: Option<&AuditFramework>) -> Vec<PathMilestone> {
    let Some(f) = framework else {
        return Vec::new();
    };
    let mut points = 0u32;
    let mut marks = Vec::new();
    for step in f.path() {
        points = points.saturating_add(step.period.max);
        marks.extend(f.milestones_after(&step.period.id).map(|m| PathMilestone {
            after: step.period.id.clone(),
            name: m.name.clone(),
            points,
        }));
    }
    marks
}

/// A unit's latest round, for the roll-up and the disagreement overview:
/// its points, and each item's scores.
type Latest = (Points, Vec<ItemSpread>);

/// One unit's report, and its latest round's points and item scores.
fn unit_report(
    book: &Book,
    ids: Option<&ItemIds>,
    u: usize,
    timescale: Option<&Timescale>,
    options: &ScoreOptions,
) -> Result<(UnitReport, Option<Latest>), Error> {
    let units = book.hierarchy.units();
    let unit = units.get(u).map_or("", |x| x.id.as_str());
    let mut rounds: Vec<UnitRound> = Vec::new();
    // The latest round's item scores and points per phase.
    let mut latest: Option<(Vec<ItemSpread>, Vec<Total>, Vec<Total>)> = None;
    if let (Some(framework), Some(ids), Some(by_date)) = (book.audit, ids, book.audits.get(u)) {
        for (date, audits) in by_date {
            let Merged {
                round,
                items,
                phases,
                periods,
            } = merge_round(
                (framework, ids),
                (unit, date),
                audits,
                book.programme.disagreement,
                options,
            )?;
            rounds.push(round);
            latest = Some((items, phases, periods));
        }
    }
    let (mut change, mut trend, mut next_actions) = (None, None, Vec::new());
    if let (Some(f), Some((_, _, periods)), Some(last)) = (book.audit, &latest, rounds.last()) {
        change = rounds
            .len()
            .checked_sub(2)
            .and_then(|i| rounds.get(i))
            .map(|before| round_change(f, before, last));
        trend = trend_of(f, timescale, &rounds, periods)?;
        // Only the latest round lists its next actions, from a full report.
        next_actions = score_checked(f, &last.merged, options)?.next_actions;
    }
    let report = UnitReport {
        id: unit.to_owned(),
        name: units
            .get(u)
            .map_or_else(String::new, |x| x.label().to_owned()),
        parent: book
            .hierarchy
            .parent(u)
            .and_then(|p| units.get(p))
            .map(|p| p.id.clone()),
        depth: book.hierarchy.depth(u),
        children: book
            .hierarchy
            .children(u)
            .iter()
            .filter_map(|&c| units.get(c).map(|x| x.id.clone()))
            .collect(),
        next_actions,
        rounds,
        change,
        trend,
        rollup: None,
        maturity: match (
            book.model,
            book.maturity.get(u).and_then(|m| m.last_key_value()),
        ) {
            (Some(model), Some((date, list))) => Some(unit_maturity(model, (unit, date), list)?),
            _ => None,
        },
        litmus: match book.litmus.get(u).and_then(|l| l.last_key_value()) {
            Some((date, list)) => Some(unit_litmus((unit, date), list)?),
            None => None,
        },
        checklists: unit_checklists(unit, book.checklists.get(u), book.programme.disagreement)?,
    };
    let figures = latest
        .zip(report.rounds.last())
        .map(|((items, phases, _), last)| {
            let points = Points {
                overall: last.overall,
                phases: phases.iter().map(|t| (t.score, t.max)).collect(),
            };
            (points, items)
        });
    Ok((report, figures))
}

/// The change between two merged rounds of a unit.
fn round_change(framework: &AuditFramework, b: &UnitRound, a: &UnitRound) -> RoundChange {
    let item = |audit: &AuditAssessment, id: &str| audit.scores.get(id).copied().unwrap_or(0);
    let (mut improved, mut regressed) = (Vec::new(), Vec::new());
    for i in path_items(framework) {
        let (x, y) = (item(&b.merged, &i.id), item(&a.merged, &i.id));
        if y > x {
            improved.push(i.id.clone());
        } else if y < x {
            regressed.push(i.id.clone());
        }
    }
    let phase_index = |p: &Position| match p {
        Position::Period { phase, .. } => framework.phases.iter().position(|q| &q.id == phase),
        Position::BestPractice { .. } => Some(framework.phases.len()),
    };
    RoundChange {
        from: b.date.clone(),
        to: a.date.clone(),
        overall: change(&framework.id, &framework.name, b.overall, a.overall),
        improved,
        regressed,
        new_phase: phase_index(&a.position) > phase_index(&b.position),
    }
}

/// The latest maturity assessments of a unit, merged: each area's stage
/// the median of the assessors' (rounded half down, as `aggregate` merges
/// scores), evidence joined.
fn unit_maturity(
    model: &MaturityModel,
    (unit, date): (&str, &str),
    assessments: &[&MaturityAssessment],
) -> Result<UnitMaturity, Error> {
    let contexts: Vec<&Context> = assessments.iter().map(|a| &a.context).collect();
    let mut merged = MaturityAssessment {
        framework: model.id.clone(),
        framework_version: model.version.clone(),
        context: shared_context(unit, date, &contexts),
        stages: BTreeMap::new(),
        evidence: BTreeMap::new(),
    };
    for area in &model.areas {
        let mut stages: Vec<u8> = assessments
            .iter()
            .filter_map(|a| a.stages.get(&area.id).copied())
            .collect();
        stages.sort_unstable();
        let n = stages.len();
        if let (Some(&lower), Some(&upper)) = (stages.get((n.max(1) - 1) / 2), stages.get(n / 2)) {
            merged
                .stages
                .insert(area.id.clone(), rounded_half_down(lower, upper));
        }
        if let Some(notes) = joined(assessments.iter().filter_map(|a| a.evidence.get(&area.id))) {
            merged.evidence.insert(area.id.clone(), notes);
        }
    }
    let report = score_maturity(model, &merged, &MaturityOptions::default()).map_err(|e| {
        ProgrammeError::at(
            format!("the merged maturity assessment of unit `{unit}` on `{date}`"),
            e,
        )
    })?;
    Ok(UnitMaturity {
        date: date.to_owned(),
        assessors: assessors(&contexts),
        report,
    })
}

/// The latest litmus answers of a unit: every response of that date
/// judged against its own framework version, in input order.
fn unit_litmus(
    (unit, date): (&str, &str),
    answers: &[(&LitmusAnswers, &AuditFramework)],
) -> Result<UnitLitmus, Error> {
    let mut report: Option<LitmusReport> = None;
    for (a, framework) in answers {
        let judged = score_litmus(framework, a).map_err(|e| {
            ProgrammeError::at(
                format!("the litmus answers of unit `{unit}` on `{date}`"),
                e,
            )
        })?;
        match &mut report {
            Some(r) => r.results.extend(judged.results),
            None => report = Some(judged),
        }
    }
    let mut report = report.ok_or_else(|| {
        ProgrammeError::at(
            format!("the litmus answers of unit `{unit}` on `{date}`"),
            crate::error::AnalysisError::Empty {
                what: "litmus answers".to_owned(),
            },
        )
    })?;
    let contexts: Vec<&Context> = answers.iter().map(|(a, _)| &a.context).collect();
    report.context = shared_context(unit, date, &contexts);
    Ok(UnitLitmus {
        date: date.to_owned(),
        report,
    })
}

/// The context of merged assessments: the unit and date, and the assessor
/// and organisation where all agree.
pub(super) fn shared_context(unit: &str, date: &str, contexts: &[&Context]) -> Context {
    let agreed = |field: &dyn Fn(&Context) -> &Option<String>| {
        let mut values = contexts.iter().map(|c| field(c));
        let first = values.next()?.clone();
        values.all(|v| *v == first).then_some(first).flatten()
    };
    Context {
        organisation: agreed(&|c| &c.organisation),
        unit: Some(unit.to_owned()),
        assessor: agreed(&|c| &c.assessor),
        date: Some(date.to_owned()),
    }
}

/// Distinct notes, in input order, one per line; `None` without any.
pub(super) fn joined<'t>(texts: impl Iterator<Item = &'t String>) -> Option<String> {
    let mut notes: Vec<&str> = Vec::new();
    for text in texts {
        if !notes.contains(&text.as_str()) {
            notes.push(text);
        }
    }
    (!notes.is_empty()).then(|| notes.join("\n"))
}

/// The assessors of some assessments, in input order, each once.
pub(super) fn assessors(contexts: &[&Context]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for name in contexts.iter().filter_map(|c| c.assessor.as_ref()) {
        if !names.contains(name) {
            names.push(name.clone());
        }
    }
    names
}

/// The programme at a glance.
fn summary(book: &Book, units: &[UnitReport]) -> Summary {
    let programme = book.programme;
    let count_of = |keep: fn(&ProgrammeAssessment) -> bool| {
        super::count(programme.assessments.iter().filter(|a| keep(a)).count())
    };
    let dates = programme
        .assessments
        .iter()
        .filter_map(|a| a.context().date.as_deref());
    let latest: Vec<&UnitRound> = units.iter().filter_map(|u| u.rounds.last()).collect();
    let (score, max) = latest.iter().fold((0u32, 0u32), |(s, m), r| {
        (
            s.saturating_add(r.overall.score),
            m.saturating_add(r.overall.max),
        )
    });
    let phases = book.audit.map_or_else(Vec::new, |f| {
        f.phases
            .iter()
            .map(|p| PhaseCount {
                id: p.id.clone(),
                name: p.name.clone(),
                units: super::count(
                    latest
                        .iter()
                        .filter(|r| matches!(&r.position, Position::Period { phase, .. } if *phase == p.id))
                        .count(),
                ),
            })
            .collect()
    });
    let changes: Vec<(&str, &RoundChange)> = units
        .iter()
        .filter_map(|u| Some((u.id.as_str(), u.change.as_ref()?)))
        .collect();
    let moved = Movement {
        units: super::count(changes.len()),
        improved: super::count(changes.iter().filter(|c| c.1.overall.change > 0).count()),
        regressed: super::count(changes.iter().filter(|c| c.1.overall.change < 0).count()),
        unchanged: super::count(changes.iter().filter(|c| c.1.overall.change == 0).count()),
        mean_change: (!changes.is_empty()).then(|| {
            changes
                .iter()
                .map(|c| c.1.overall.percent_change)
                .sum::<f64>()
                / f64::from(super::count(changes.len()))
        }),
        new_phase: changes
            .iter()
            .filter(|c| c.1.new_phase)
            .map(|c| c.0.to_owned())
            .collect(),
    };
    Summary {
        units: super::count(units.len()),
        audited_units: super::count(latest.len()),
        audits: count_of(|a| matches!(a, ProgrammeAssessment::Audit(_))),
        maturity_assessments: count_of(|a| matches!(a, ProgrammeAssessment::Maturity(_))),
        litmus_tests: count_of(|a| matches!(a, ProgrammeAssessment::Litmus(_))),
        checklists: count_of(|a| matches!(a, ProgrammeAssessment::Checklist(_))),
        assessors: super::count(book.assessors),
        first_date: dates.clone().min().map(str::to_owned),
        last_date: dates.max().map(str::to_owned),
        overall: (!latest.is_empty()).then(|| Total {
            score,
            max,
            percent: percent(score, max),
        }),
        phases,
        best_practice: super::count(
            latest
                .iter()
                .filter(|r| matches!(r.position, Position::BestPractice { .. }))
                .count(),
        ),
        moved,
    }
}

/// A customers' analysis, located in the programme when it fails.
fn customers<I, R>(
    input: Option<&I>,
    field: &str,
    analysis: fn(&I) -> Result<R, Error>,
) -> Result<Option<R>, Error> {
    input
        .map(|i| {
            analysis(i).map_err(|e| ProgrammeError::at(format!("`customers.{field}`"), e).into())
        })
        .transpose()
}

/// Each account plan's check, its unit known.
fn account_plans(book: &Book) -> Result<Vec<UnitAccountPlanReport>, Error> {
    book.programme
        .account_plans
        .iter()
        .enumerate()
        .map(|(i, p)| {
            book.hierarchy.find(&p.unit, &|| {
                (
                    format!("the `unit` of account plan {}", i + 1),
                    format!("/account_plans/{i}/unit"),
                )
            })?;
            let report = account_plan::account_plan(&p.plan).map_err(|e| {
                ProgrammeError::at(
                    format!(
                        "account plan {} (unit `{}`, account `{}`)",
                        i + 1,
                        p.unit,
                        p.plan.account
                    ),
                    e,
                )
            })?;
            Ok(UnitAccountPlanReport {
                unit: p.unit.clone(),
                report,
            })
        })
        .collect()
}
