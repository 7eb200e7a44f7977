#![doc = include_str!("../../docs/analyses/explain.md")]

use serde::{Deserialize, Serialize};

use super::portfolio::{PortfolioInput, Quadrant, check_limits, portfolio};
use crate::assessment::AuditAssessment;
use crate::error::Error;
use crate::framework::Framework;
use crate::litmus::{LitmusAnswers, Verdict, score_litmus};
use crate::maturity::{MaturityAssessment, MaturityOptions, score_maturity};
use crate::scoring::{Position, ScoreOptions, score_audit};

/// What to explain: the derived figures of one input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "kebab-case", deny_unknown_fields)]
#[non_exhaustive]
pub enum ExplainInput {
    /// An action audit: its Figure 4 position and Figure 3 current period.
    Audit {
        /// The audit.
        assessment: AuditAssessment,
    },
    /// A maturity assessment: its overall stage (the weakest link).
    Maturity {
        /// The assessment.
        assessment: MaturityAssessment,
    },
    /// Litmus answers: each response's pass or fail.
    Litmus {
        /// The answers.
        answers: LitmusAnswers,
    },
    /// A portfolio matrix: each customer's quadrant.
    Portfolio {
        /// The matrix input.
        input: PortfolioInput,
    },
}

/// The traces of every derived figure of the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Explanation {
    /// One trace per figure, in the order the report shows them.
    pub traces: Vec<Trace>,
}

/// How one figure was derived: its value, the rule in plain words with the
/// numbers filled in, and the terms the rule used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Trace {
    /// Which figure: `position`, `current-period`, `stage`, `litmus` or
    /// `quadrant`.
    pub figure: String,
    /// What it is about when there are several, e.g. the customer or test.
    pub subject: Option<String>,
    /// The figure's value, in words.
    pub value: String,
    /// The rule that produced it, with the numbers filled in.
    pub rule: String,
    /// The terms the rule used: periods, items, areas, questions or criteria.
    pub terms: Vec<Term>,
}

/// One term of a rule: an item, period, area, question or criterion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Term {
    /// Its id.
    pub id: String,
    /// Its name or text.
    pub label: String,
    /// What it contributed, in words.
    pub value: String,
}

fn term(id: &str, label: &str, value: String) -> Term {
    Term {
        id: id.to_owned(),
        label: label.to_owned(),
        value,
    }
}

/// A number with at most two decimals, trailing zeros dropped.
fn num(x: f64) -> String {
    let text = format!("{x:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// Explains the derived figures of `input`. `framework` is the framework the
/// input names (unused for a portfolio).
///
/// # Errors
/// `wrong-framework-type`, and any error of scoring the input.
pub fn explain(
    framework: Option<&Framework>,
    input: &ExplainInput,
    options: &ScoreOptions,
) -> Result<Explanation, Error> {
    let framework = || {
        framework.ok_or_else(|| {
            Error::from(crate::error::AnalysisError::Missing {
                what: "the framework".to_owned(),
                why: "audits, maturity assessments and litmus answers are explained against their framework".to_owned(),
            })
        })
    };
    let traces = match input {
        ExplainInput::Audit { assessment } => audit(framework()?, assessment, options)?,
        ExplainInput::Maturity { assessment } => maturity(framework()?, assessment)?,
        ExplainInput::Litmus { answers } => litmus(framework()?, answers)?,
        ExplainInput::Portfolio { input } => quadrants(input)?,
    };
    Ok(Explanation { traces })
}

/// The end of the path in words: kam's reading, not the paper's milestone.
fn end_of_path(score: u32) -> String {
    format!(
        "the overall score {score} equals the overall maximum: the end of kam's development path \
         (the position `best-practice`; the paper's Figure 2 puts ‘Best practice KAM’ beyond phase D)"
    )
}

fn audit(
    framework: &Framework,
    assessment: &AuditAssessment,
    options: &ScoreOptions,
) -> Result<Vec<Trace>, Error> {
    let f = framework.as_audit()?;
    let report = score_audit(f, assessment, options).map_err(|e| e.within("/assessment"))?;
    let periods: Vec<_> = report.phases.iter().flat_map(|p| &p.periods).collect();
    let mut cumulative = 0;
    let period_terms: Vec<Term> = periods
        .iter()
        .map(|p| {
            cumulative += p.max;
            term(
                &p.id,
                &p.name,
                format!(
                    "{} of {} points; C({}) = {cumulative}",
                    p.score, p.max, p.number
                ),
            )
        })
        .collect();
    let score = report.overall.score;
    let (value, rule) = match &report.position {
        Position::Period {
            period,
            number,
            name,
            from,
            to,
            fraction,
            ..
        } => (
            format!("period {number} `{period}` ({name})"),
            format!(
                "kam reads Figure 4 by adding the period maxima along the path (C(k)) and placing the overall score where it falls: \
                 C({}) = {from} ≤ {score} < {to} = C({number}), so the position is period {number} `{period}`, \
                 {}% of the way through it",
                number - 1,
                num(fraction * 100.0)
            ),
        ),
        Position::BestPractice { score } => ("end of the path".to_owned(), end_of_path(*score)),
    };
    let position = Trace {
        figure: "position".to_owned(),
        subject: None,
        value,
        rule,
        terms: period_terms,
    };
    let threshold = report.progress.completion_threshold;
    let current = report.progress.current_period.clone();
    let mut rule = format!(
        "kam reads Figure 3 in path order; a period is complete when its score reaches {}% of its maximum (kam's threshold). ",
        num(threshold)
    );
    let mut terms = Vec::new();
    for p in &periods {
        let done = p.complete;
        terms.push(term(
            &p.id,
            &p.name,
            format!(
                "{}/{} = {}%: {}",
                p.score,
                p.max,
                num(p.percent),
                if done { "complete" } else { "incomplete" }
            ),
        ));
        if current.as_deref() == Some(p.id.as_str()) {
            break;
        }
    }
    match &current {
        Some(id) => {
            rule.push('`');
            rule.push_str(id);
            rule.push_str("` is the earliest period below the threshold, so it is the current period; its items:");
            let items = f.items.iter().filter(|i| &i.period == id).map(|i| {
                let score = assessment
                    .scores
                    .get(&i.id)
                    .map_or("unscored".to_owned(), |s| format!("score {s}"));
                term(&i.id, &i.text, score)
            });
            terms.extend(items);
        }
        None => rule.push_str("every period reaches it, so there is no current period"),
    }
    let current_trace = Trace {
        figure: "current-period".to_owned(),
        subject: None,
        value: current.map_or("none: every period is complete".to_owned(), |c| {
            format!("`{c}`")
        }),
        rule,
        terms,
    };
    Ok(vec![position, current_trace])
}

fn maturity(framework: &Framework, assessment: &MaturityAssessment) -> Result<Vec<Trace>, Error> {
    let report = score_maturity(
        framework.as_maturity()?,
        assessment,
        &MaturityOptions::default(),
    )
    .map_err(|e| e.within("/assessment"))?;
    let terms = report
        .areas
        .iter()
        .map(|a| {
            term(
                &a.id,
                &a.name,
                format!("stage {} ({})", a.stage.stage, a.stage.name),
            )
        })
        .collect();
    let (value, rule) = match &report.weakest_link {
        Some(w) => (
            format!("stage {} ({})", w.stage, w.name),
            format!(
                "the programme is only as mature as its weakest link: the overall stage is the lowest stage of any assessed area, \
                 stage {}, held by {}{}",
                w.stage,
                report
                    .weakest_areas
                    .iter()
                    .map(|a| format!("`{a}`"))
                    .collect::<Vec<_>>()
                    .join(", "),
                if report.unassessed.is_empty() {
                    String::new()
                } else {
                    format!(
                        "; unassessed areas are not counted: {}",
                        report
                            .unassessed
                            .iter()
                            .map(|a| format!("`{a}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                }
            ),
        ),
        None => (
            "none".to_owned(),
            "no area is assessed, so there is no overall stage".to_owned(),
        ),
    };
    Ok(vec![Trace {
        figure: "stage".to_owned(),
        subject: None,
        value,
        rule,
        terms,
    }])
}

fn litmus(framework: &Framework, answers: &LitmusAnswers) -> Result<Vec<Trace>, Error> {
    let report = score_litmus(framework.as_audit()?, answers).map_err(|e| e.within("/answers"))?;
    Ok(report
        .results
        .iter()
        .map(|r| {
            let value = match r.verdict {
                Verdict::Pass => "pass",
                Verdict::Fail => "fail",
                Verdict::NoPassMark => "no pass mark",
            };
            let averaged = if r.answer_sets > 1 {
                format!(", averaged over {} answer sets", r.answer_sets)
            } else {
                String::new()
            };
            let rule = match r.pass_mark {
                Some(mark) => format!(
                    "{} unambivalent yes answer(s) out of {} questions{averaged}; the pass mark is {mark}, so it is a {value}",
                    num(r.yes),
                    r.questions
                ),
                None => format!(
                    "{} unambivalent yes answer(s) out of {} questions{averaged}; the source sets no pass mark",
                    num(r.yes),
                    r.questions
                ),
            };
            Trace {
                figure: "litmus".to_owned(),
                subject: Some(match &r.respondent {
                    Some(who) => format!("{} ({who})", r.test),
                    None => r.test.clone(),
                }),
                value: value.to_owned(),
                rule,
                terms: r
                    .per_question
                    .iter()
                    .map(|q| term(&q.id, &q.text, format!("yes in {}% of answer sets", num(q.yes_share * 100.0))))
                    .collect(),
            }
        })
        .collect())
}

fn quadrants(input: &PortfolioInput) -> Result<Vec<Trace>, Error> {
    // The same maxima as the matrix, with the fields named where they are.
    check_limits(input, "/input")?;
    let report = portfolio(input)?;
    let scale = input.scale;
    let span = scale.max - scale.min;
    let index_terms = |criteria: &[super::Criterion],
                       scores: &std::collections::BTreeMap<String, f64>| {
        criteria
            .iter()
            .map(|c| {
                let s = scores.get(&c.id).copied().unwrap_or(scale.min);
                term(
                    &c.id,
                    &c.id,
                    format!(
                        "weight {} × ({} − {}) / {} × 100 = {}",
                        num(c.weight),
                        num(s),
                        num(scale.min),
                        num(span),
                        num(c.weight * (s - scale.min) / span * 100.0)
                    ),
                )
            })
            .collect::<Vec<Term>>()
    };
    Ok(report
        .customers
        .iter()
        .zip(&input.customers)
        .map(|(p, c)| {
            let side = |x: f64, t: f64| if x >= t { format!("{} ≥ {} (high)", num(x), num(t)) } else { format!("{} < {} (low)", num(x), num(t)) };
            let q: Quadrant = p.quadrant;
            let mut terms = index_terms(&input.attractiveness, &c.scores);
            terms.extend(index_terms(&input.relationship, &c.scores));
            Trace {
                figure: "quadrant".to_owned(),
                subject: Some(p.id.clone()),
                value: q.label().to_owned(),
                rule: format!(
                    "attractiveness {} and relationship strength {}, each the weighted sum of its criteria rescaled to 0–100, \
                     put the customer in the quadrant kam calls {}; the seed: “{}”",
                    side(p.attractiveness, input.thresholds.attractiveness),
                    side(p.relationship, input.thresholds.relationship),
                    q.label().to_lowercase(),
                    q.guidance()
                ),
                terms,
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::framework::builtin_framework;

    fn cranfield() -> &'static Framework {
        builtin_framework("cranfield-kam-development").unwrap()
    }

    #[test]
    fn portfolio_limits_name_the_nested_field() {
        let input: PortfolioInput = serde_json::from_value(serde_json::json!({
            "attractiveness": [{"id": "a", "weight": 1}],
            "relationship": [{"id": "r", "weight": 1}],
            "customers": (0..=crate::limits::MAX_PORTFOLIO_CUSTOMERS)
                .map(|i| serde_json::json!({"id": format!("c{i}"), "scores": {"a": 1, "r": 1}}))
                .collect::<Vec<_>>(),
        }))
        .unwrap();
        let err = explain(
            None,
            &ExplainInput::Portfolio { input },
            &ScoreOptions::default(),
        )
        .unwrap_err();
        assert_eq!(err.kind(), "too-many-customers");
        assert_eq!(
            err.to_string(),
            "`/input/customers` has 1001 entries; a portfolio matrix takes at most 1000 customers"
        );
    }

    #[test]
    fn numbers_are_written_briefly() {
        assert_eq!(num(18.181_818), "18.18");
        assert_eq!(num(100.0), "100");
        assert_eq!(num(0.5), "0.5");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// The traces name the same position and current period as the report.
        #[test]
        fn traces_agree_with_the_report(scores in prop::collection::vec(0u8..=3, 129)) {
            let f = cranfield().as_audit().unwrap();
            let mut a = AuditAssessment::new(f);
            for (item, s) in f.items.iter().zip(scores) {
                a.scores.insert(item.id.clone(), s);
            }
            let report = score_audit(f, &a, &ScoreOptions::default()).unwrap();
            let e = explain(Some(cranfield()), &ExplainInput::Audit { assessment: a }, &ScoreOptions::default()).unwrap();
            match &report.position {
                Position::Period { period, .. } => {
                    let named = e.traces[0].value.contains(&format!("`{period}`"));
                    prop_assert!(named);
                }
                Position::BestPractice { .. } => prop_assert_eq!(&e.traces[0].value, "end of the path"),
            }
            match &report.progress.current_period {
                Some(p) => prop_assert_eq!(&e.traces[1].value, &format!("`{p}`")),
                None => prop_assert!(e.traces[1].value.starts_with("none")),
            }
            let last = e.traces[0].terms.last().unwrap();
            let ends = last.value.ends_with(&format!("= {}", report.overall.max));
            prop_assert!(ends);
        }
    }
}
