//! Litmus tests: short yes/no questionnaires that go with a framework (the
//! Cranfield paper has three).

use serde::{Deserialize, Serialize};

use super::{Provenance, check_id, check_unique};
use crate::error::FrameworkError;

/// A yes/no questionnaire and the rule that turns its answers into a verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LitmusTest {
    /// Stable id, e.g. `organisation`.
    pub id: String,
    /// Name, e.g. "Litmus test for the organisation".
    pub name: String,
    /// Who or what answers, e.g. "key account manager".
    pub subject: String,
    /// When and how to use the test.
    pub description: String,
    /// Whether the name and description are quoted from the source or written by kam.
    #[serde(default, skip_serializing_if = "Provenance::is_source")]
    pub provenance: Provenance,
    /// Yes answers needed to pass; absent when the source sets no pass mark,
    /// in which case only the yes count is reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pass_mark: Option<u32>,
    /// What the test is repeated for and averaged over (e.g. `customer`);
    /// absent when it is answered once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repeat_per: Option<String>,
    /// The questions, in order.
    pub questions: Vec<LitmusQuestion>,
}

/// One yes/no question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LitmusQuestion {
    /// Stable id, e.g. `organisation-1`.
    pub id: String,
    /// The question.
    pub text: String,
}

impl LitmusTest {
    /// Checks ids and that the pass mark can be reached.
    ///
    /// # Errors
    /// A [`FrameworkError`] naming the test or question at fault.
    pub fn validate(&self, position: usize) -> Result<(), FrameworkError> {
        check_id("litmus test", position, &self.id)?;
        if self.questions.is_empty() {
            return Err(FrameworkError::Invalid {
                reason: format!("litmus test `{}` has no questions", self.id),
            });
        }
        for (position, question) in self.questions.iter().enumerate() {
            check_id("litmus question", position + 1, &question.id)?;
        }
        check_unique(
            "litmus question",
            self.questions.iter().map(|q| q.id.as_str()),
        )?;
        let count = self.questions.len();
        if let Some(mark) = self.pass_mark
            && (mark == 0 || usize::try_from(mark).map_or(true, |m| m > count))
        {
            return Err(FrameworkError::Invalid {
                reason: format!(
                    "litmus test `{}` has pass mark {mark}, but it must be from 1 to its {count} questions",
                    self.id
                ),
            });
        }
        Ok(())
    }
}
