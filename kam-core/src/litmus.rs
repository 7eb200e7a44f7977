//! Litmus answers: yes/no replies to a framework's litmus tests, counted and
//! judged by the source's rule (Cranfield: an unambivalent yes on at least
//! four of five questions; the key-account-manager test repeated per customer
//! and averaged).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::assessment::{Context, check_framework};
use crate::error::{Error, LitmusError, nearest};
use crate::framework::{AuditFramework, LitmusTest};
use crate::json::unique_map;
use crate::pointer;
use crate::scoring::FrameworkRef;

/// Replies to one or more litmus tests of a framework.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LitmusAnswers {
    /// The framework's id, e.g. `cranfield-kam-development`.
    pub framework: String,
    /// The framework version the tests come from.
    pub framework_version: String,
    /// Who, by whom, when.
    #[serde(default, skip_serializing_if = "Context::is_empty")]
    pub context: Context,
    /// One response per test taken (a test may be taken by several respondents).
    pub responses: Vec<LitmusResponse>,
}

/// One respondent's replies to one test.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LitmusResponse {
    /// The test's id, e.g. `key-account-managers`.
    pub test: String,
    /// Who answered, e.g. a key account manager's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub respondent: Option<String>,
    /// One set of replies; several for a test repeated per customer.
    pub answer_sets: Vec<AnswerSet>,
}

/// A reply to every question of a test.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AnswerSet {
    /// What the replies are about, e.g. the customer for a repeated test.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
    /// `true` for an unambivalent yes, per question id.
    #[serde(deserialize_with = "unique_map::deserialize")]
    #[cfg_attr(feature = "schema", schemars(with = "BTreeMap<String, bool>"))]
    pub answers: BTreeMap<String, bool>,
}

/// The verdicts on a set of litmus answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct LitmusReport {
    /// Which framework and version the tests come from.
    pub framework: FrameworkRef,
    /// Who, by whom, when.
    pub context: Context,
    /// One result per response, in input order.
    pub results: Vec<LitmusResult>,
}

/// The verdict on one response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct LitmusResult {
    /// The test's id.
    pub test: String,
    /// The test's name.
    pub name: String,
    /// Who answered.
    pub respondent: Option<String>,
    /// How many answer sets were averaged (1 for a test answered once).
    pub answer_sets: u32,
    /// How many questions the test has.
    pub questions: u32,
    /// Yes answers, averaged over the answer sets.
    pub yes: f64,
    /// Yes answers needed to pass; `null` when the source sets none.
    pub pass_mark: Option<u32>,
    /// The verdict.
    pub verdict: Verdict,
    /// Share of answer sets replying yes, per question, in test order.
    pub per_question: Vec<QuestionResult>,
}

/// Whether a response passes its test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Verdict {
    /// At least the pass mark of yes answers.
    Pass,
    /// Fewer yes answers than the pass mark.
    Fail,
    /// The test has no pass mark; read the yes count.
    NoPassMark,
}

/// How one question was answered across the answer sets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct QuestionResult {
    /// Question id.
    pub id: String,
    /// The question.
    pub text: String,
    /// Share of answer sets replying yes, in `[0, 1]`.
    pub yes_share: f64,
}

impl LitmusAnswers {
    /// No responses yet to `framework`'s litmus tests.
    ///
    /// ```
    /// use kam_core::litmus::{AnswerSet, LitmusResponse};
    ///
    /// let framework = kam_core::framework::builtin_audit("cranfield-kam-development")?;
    /// let mut answers = kam_core::LitmusAnswers::new(framework);
    /// answers.responses.push(LitmusResponse {
    ///     test: "organisation".into(),
    ///     respondent: None,
    ///     answer_sets: vec![AnswerSet {
    ///         about: None,
    ///         answers: (1..=5).map(|q| (format!("organisation-{q}"), q != 2)).collect(),
    ///     }],
    /// });
    /// let report = kam_core::api::score_litmus(&answers)?;
    /// assert_eq!(report.results[0].yes, 4.0);
    /// # Ok::<(), kam_core::Error>(())
    /// ```
    pub fn new(framework: &AuditFramework) -> Self {
        LitmusAnswers {
            framework: framework.id.clone(),
            framework_version: framework.version.clone(),
            context: Context::default(),
            responses: Vec::new(),
        }
    }
}

/// Counts and judges litmus answers against `framework`'s tests.
///
/// # Errors
/// [`Error::Assessment`] for another framework or version; [`Error::Litmus`]
/// for an unknown test or question, a question left unanswered, or a wrong
/// number of answer sets.
pub fn score_litmus(
    framework: &AuditFramework,
    answers: &LitmusAnswers,
) -> Result<LitmusReport, Error> {
    check_framework(
        (&framework.id, &framework.version),
        (&answers.framework, &answers.framework_version),
    )?;
    answers.context.validate()?;
    let results = answers
        .responses
        .iter()
        .enumerate()
        .map(|(n, response)| {
            find_test(framework, &response.test)
                .map_err(Error::from)
                .and_then(|test| judge(test, response))
                .map_err(|e| e.within(&format!("/responses/{n}")))
        })
        .collect::<Result<Vec<_>, Error>>()?;
    Ok(LitmusReport {
        framework: FrameworkRef {
            id: framework.id.clone(),
            version: framework.version.clone(),
            name: framework.name.clone(),
        },
        context: answers.context.clone(),
        results,
    })
}

fn find_test<'a>(framework: &'a AuditFramework, id: &str) -> Result<&'a LitmusTest, LitmusError> {
    framework
        .litmus_tests
        .iter()
        .find(|t| t.id == id)
        .ok_or_else(|| {
            let known: Vec<String> = framework
                .litmus_tests
                .iter()
                .map(|t| format!("`{}`", t.id))
                .collect();
            LitmusError::UnknownTest {
                test: id.to_owned(),
                known: if known.is_empty() {
                    "no litmus tests".to_owned()
                } else {
                    known.join(", ")
                },
                suggestion: nearest(id, framework.litmus_tests.iter().map(|t| t.id.as_str())),
                path: "/test".to_owned(),
            }
        })
}

fn judge(test: &LitmusTest, response: &LitmusResponse) -> Result<LitmusResult, Error> {
    check_answer_sets(test, response)?;
    let sets = &response.answer_sets;
    let set_count = u32::try_from(sets.len()).unwrap_or(u32::MAX);
    let per_question: Vec<QuestionResult> = test
        .questions
        .iter()
        .map(|q| {
            let yes = sets.iter().filter(|s| s.answers.get(&q.id) == Some(&true));
            QuestionResult {
                id: q.id.clone(),
                text: q.text.clone(),
                yes_share: f64::from(count(yes)) / f64::from(set_count),
            }
        })
        .collect();
    // The mean yes count over the answer sets equals the sum of the
    // per-question yes shares; summing integers first keeps it exact.
    let total_yes: u32 = sets
        .iter()
        .map(|s| count(s.answers.values().filter(|&&yes| yes)))
        .sum();
    let yes = f64::from(total_yes) / f64::from(set_count);
    let verdict = match test.pass_mark {
        None => Verdict::NoPassMark,
        Some(mark) if yes >= f64::from(mark) => Verdict::Pass,
        Some(_) => Verdict::Fail,
    };
    Ok(LitmusResult {
        test: test.id.clone(),
        name: test.name.clone(),
        respondent: response.respondent.clone(),
        answer_sets: set_count,
        questions: count(test.questions.iter()),
        yes,
        pass_mark: test.pass_mark,
        verdict,
        per_question,
    })
}

fn check_answer_sets(test: &LitmusTest, response: &LitmusResponse) -> Result<(), LitmusError> {
    let count = response.answer_sets.len();
    let expected = match &test.repeat_per {
        None if count != 1 => Some("exactly one answer set".to_owned()),
        Some(per) if count == 0 => Some(format!("one answer set per {per}, at least one")),
        _ => None,
    };
    if let Some(expected) = expected {
        return Err(LitmusError::AnswerSetCount {
            test: test.id.clone(),
            expected,
            count,
            path: "/answer_sets".to_owned(),
        });
    }
    for (n, set) in response.answer_sets.iter().enumerate() {
        if let Some(question) = set
            .answers
            .keys()
            .find(|id| !test.questions.iter().any(|q| &q.id == *id))
        {
            return Err(LitmusError::UnknownQuestion {
                test: test.id.clone(),
                question: question.clone(),
                suggestion: nearest(question, test.questions.iter().map(|q| q.id.as_str())),
                path: format!("/answer_sets/{n}/answers/{}", pointer::key(question)),
            });
        }
        if let Some(question) = test
            .questions
            .iter()
            .find(|q| !set.answers.contains_key(&q.id))
        {
            return Err(LitmusError::MissingAnswer {
                test: test.id.clone(),
                question: question.id.clone(),
                context: set
                    .about
                    .as_ref()
                    .map(|about| format!(" for `{about}`"))
                    .unwrap_or_default(),
                path: format!("/answer_sets/{n}/answers"),
            });
        }
    }
    Ok(())
}

fn count<T>(it: impl Iterator<Item = T>) -> u32 {
    u32::try_from(it.count()).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::builtin_audit;

    fn cranfield() -> &'static AuditFramework {
        builtin_audit("cranfield-kam-development").unwrap()
    }

    fn set(test: &str, yes: &[usize], questions: usize, about: Option<&str>) -> AnswerSet {
        AnswerSet {
            about: about.map(str::to_owned),
            answers: (1..=questions)
                .map(|q| (format!("{test}-{q}"), yes.contains(&q)))
                .collect(),
        }
    }

    fn answers(responses: Vec<LitmusResponse>) -> LitmusAnswers {
        LitmusAnswers {
            framework: cranfield().id.clone(),
            framework_version: cranfield().version.clone(),
            context: Context::default(),
            responses,
        }
    }

    fn response(test: &str, sets: Vec<AnswerSet>) -> LitmusResponse {
        LitmusResponse {
            test: test.to_owned(),
            respondent: None,
            answer_sets: sets,
        }
    }

    #[test]
    fn four_of_five_passes_three_fails() {
        let a = answers(vec![
            response(
                "organisation",
                vec![set("organisation", &[1, 2, 3, 5], 5, None)],
            ),
            response(
                "organisation",
                vec![set("organisation", &[1, 2, 3], 5, None)],
            ),
        ]);
        let verdicts: Vec<Verdict> = score_litmus(cranfield(), &a)
            .unwrap()
            .results
            .iter()
            .map(|r| r.verdict)
            .collect();
        assert_eq!(verdicts, [Verdict::Pass, Verdict::Fail]);
    }

    #[test]
    fn manager_answers_are_averaged_over_customers() {
        let kam = "key-account-managers";
        let a = answers(vec![response(
            kam,
            vec![
                set(kam, &[1, 2, 3, 4, 5], 5, Some("A")),
                set(kam, &[1, 2, 3], 5, Some("B")),
            ],
        )]);
        let result = &score_litmus(cranfield(), &a).unwrap().results[0];
        assert!((result.yes - 4.0).abs() < f64::EPSILON);
        assert_eq!(result.verdict, Verdict::Pass);
        assert_eq!(result.answer_sets, 2);
        let shares: Vec<f64> = result.per_question.iter().map(|q| q.yes_share).collect();
        assert_eq!(shares, [1.0, 1.0, 1.0, 0.5, 0.5]);
    }

    #[test]
    fn customer_test_has_no_pass_mark() {
        let t = "kam-ready-customers";
        let a = answers(vec![response(
            t,
            vec![set(t, &[1, 2, 3, 4, 5, 6], 6, None)],
        )]);
        let result = &score_litmus(cranfield(), &a).unwrap().results[0];
        assert_eq!(
            (result.verdict, result.pass_mark),
            (Verdict::NoPassMark, None)
        );
    }

    #[test]
    fn missing_answer_names_the_customer() {
        let kam = "key-account-managers";
        let mut partial = set(kam, &[1], 5, Some("Acme & Co"));
        partial.answers.remove("key-account-managers-3");
        let a = answers(vec![response(kam, vec![partial])]);
        let err = score_litmus(cranfield(), &a).unwrap_err();
        assert_eq!(
            err.to_string(),
            "litmus test `key-account-managers`: question `key-account-managers-3` is not answered for `Acme & Co`"
        );
        let a = answers(vec![response(kam, vec![])]);
        assert_eq!(
            score_litmus(cranfield(), &a).unwrap_err().kind(),
            "answer-set-count"
        );
    }
}
