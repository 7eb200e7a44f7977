//! Options that change how an audit is scored or read.

use serde::{Deserialize, Serialize};

use crate::error::OptionsError;

/// The default completion threshold, in percent of a period's maximum.
///
/// A period counts as complete at 80%: most items done as described, the
/// rest substantially done. The paper charts completion per period but sets no
/// threshold; 80% is kam's convention (see docs/methodology.md).
pub const DEFAULT_COMPLETION_THRESHOLD: f64 = 80.0;

/// The default length of the next-actions list.
pub const DEFAULT_NEXT_ACTIONS: u32 = 10;

/// How to score an audit. Every field has a default, so `{}` is valid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ScoreOptions {
    /// Reject assessments with unscored items instead of counting them as 0.
    #[serde(default)]
    pub strict: bool,
    /// Percentage of a period's maximum at which it counts as complete, in
    /// `(0, 100]`; default 80.
    #[serde(default = "default_threshold")]
    pub completion_threshold: f64,
    /// How many next actions to list, from 0 to 1000; default 10.
    #[serde(default = "default_next_actions")]
    pub next_actions: u32,
}

/// The longest next-actions list that may be asked for.
pub const MAX_NEXT_ACTIONS: u32 = 1000;

fn default_threshold() -> f64 {
    DEFAULT_COMPLETION_THRESHOLD
}

/// The default length of a next-actions list (a serde default).
pub(crate) fn default_next_actions() -> u32 {
    DEFAULT_NEXT_ACTIONS
}

/// Checks a requested next-actions length: at most [`MAX_NEXT_ACTIONS`].
pub(crate) fn validate_next_actions(next_actions: u32) -> Result<(), OptionsError> {
    if next_actions > MAX_NEXT_ACTIONS {
        return Err(OptionsError::Invalid {
            path: "/next_actions".to_owned(),
            option: "next_actions".to_owned(),
            value: next_actions.to_string(),
            expected: format!("at most {MAX_NEXT_ACTIONS} next actions can be listed"),
        });
    }
    Ok(())
}

impl Default for ScoreOptions {
    fn default() -> Self {
        ScoreOptions {
            strict: false,
            completion_threshold: DEFAULT_COMPLETION_THRESHOLD,
            next_actions: DEFAULT_NEXT_ACTIONS,
        }
    }
}

impl ScoreOptions {
    /// Checks every option is within range.
    ///
    /// # Errors
    /// [`OptionsError::Invalid`] naming the option and value.
    pub fn validate(&self) -> Result<(), OptionsError> {
        let threshold = self.completion_threshold;
        if !(threshold.is_finite() && threshold > 0.0 && threshold <= 100.0) {
            return Err(OptionsError::Invalid {
                path: "/completion_threshold".to_owned(),
                option: "completion_threshold".to_owned(),
                value: threshold.to_string(),
                expected: "a percentage above 0 and at most 100 is needed".to_owned(),
            });
        }
        validate_next_actions(self.next_actions)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_object_gives_defaults() {
        let options: ScoreOptions = serde_json::from_str("{}").unwrap();
        assert_eq!(options, ScoreOptions::default());
        options.validate().unwrap();
    }

    #[test]
    fn out_of_range_threshold_is_named() {
        for bad in [0.0, -5.0, 100.5, f64::NAN, f64::INFINITY] {
            let options = ScoreOptions {
                completion_threshold: bad,
                ..ScoreOptions::default()
            };
            let err = options.validate().unwrap_err();
            assert!(err.to_string().contains("completion_threshold"), "{err}");
        }
    }
}
