//! What a score cell may hold: the scale's values, the dropdown entries that
//! name them, and the one reading of a cell (or CSV field) as a score, shared
//! by the workbook and CSV readers.

use std::fmt::Write as _;

use crate::framework::{AuditFramework, ChecklistFramework, MaturityModel, Scale};

/// The dropdown entry for "not applicable" (kam's wording; the reader also
/// takes it in any case).
pub(crate) const NOT_APPLICABLE: &str = "N/A";

/// Separates a score from its meaning in a dropdown entry: `3 – Completed`.
/// Formulas read the score back as the text before the first space.
const DASH: &str = " – ";

/// The values a score (or stage) cell may take, each with its meaning.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Choices {
    /// `score` or `stage`, for messages.
    pub(crate) what: &'static str,
    pub(crate) min: u8,
    pub(crate) max: u8,
    /// The meaning of each value from `min` to `max`, in order.
    pub(crate) meanings: Vec<String>,
    /// Whether "not applicable" is offered.
    pub(crate) not_applicable: bool,
}

/// A cell's content, as the readers meet it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Raw {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// A date cell, as `YYYY-MM-DD` (with a time when it has one).
    Date(String),
    /// An error value such as `#N/A`.
    Error(String),
}

impl Raw {
    /// The value as a message quotes it: text and errors in backticks,
    /// numbers bare.
    pub(crate) fn describe(&self) -> String {
        match self {
            Raw::Empty => "nothing".to_owned(),
            Raw::Text(text) => format!("`{text}`"),
            Raw::Number(n) => number_text(*n),
            Raw::Bool(b) => format!("`{}`", if *b { "TRUE" } else { "FALSE" }),
            Raw::Date(date) => format!("the date `{date}`"),
            Raw::Error(e) => format!("the error `{e}`"),
        }
    }

    /// The value as text, for evidence and context: `None` when empty.
    pub(crate) fn text(&self) -> Option<String> {
        match self {
            Raw::Empty => None,
            Raw::Text(text) if text.is_empty() => None,
            Raw::Text(text) | Raw::Date(text) | Raw::Error(text) => Some(text.clone()),
            Raw::Number(n) => Some(number_text(*n)),
            Raw::Bool(b) => Some(if *b { "TRUE" } else { "FALSE" }.to_owned()),
        }
    }
}

/// A number as spreadsheets show it by default: `3`, `2.5`.
pub(crate) fn number_text(n: f64) -> String {
    format!("{n}")
}

/// A score cell read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Answer {
    /// Blank, or only spaces: unscored.
    Blank,
    Score(u8),
    NotApplicable,
}

/// Why a score cell cannot be read; the caller adds the cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum BadScore {
    /// Not a whole number (text, a fraction, a date, an error…): what it holds.
    NotAScore(String),
    /// A whole number off the scale.
    OutOfRange(String),
}

impl Choices {
    /// An action audit's scale, with "not applicable" when it allows it.
    pub(crate) fn audit(framework: &AuditFramework) -> Self {
        Self::scale(&framework.scale, framework.not_applicable.allowed)
    }

    /// A checklist's scale, with "not applicable" when it allows it.
    pub(crate) fn checklist(framework: &ChecklistFramework) -> Self {
        Self::scale(&framework.scale, framework.not_applicable.allowed)
    }

    /// The scores of a scale, labelled, and "not applicable" if allowed.
    fn scale(scale: &Scale, not_applicable: bool) -> Self {
        Choices {
            what: "score",
            min: scale.min,
            max: scale.max,
            meanings: scale.labels.iter().map(|l| l.label.clone()).collect(),
            not_applicable,
        }
    }

    /// A maturity model's stages, 1 to the top stage, named.
    pub(crate) fn maturity(model: &MaturityModel) -> Self {
        Choices {
            what: "stage",
            min: 1,
            max: model.top_stage(),
            meanings: model.stages.iter().map(|s| s.name.clone()).collect(),
            not_applicable: false,
        }
    }

    /// The values with their meanings, in order.
    pub(crate) fn values(&self) -> impl Iterator<Item = (u8, &str)> {
        (self.min..=self.max).zip(self.meanings.iter().map(String::as_str))
    }

    /// The dropdown entry of a value: `3 – Completed as described and effective`.
    pub(crate) fn entry(&self, value: u8) -> String {
        match self.values().find(|(v, _)| *v == value) {
            Some((_, meaning)) => format!("{value}{DASH}{meaning}"),
            None => value.to_string(),
        }
    }

    /// Every dropdown entry, in order, "not applicable" last.
    pub(crate) fn entries(&self) -> Vec<String> {
        let mut entries: Vec<String> = self.values().map(|(v, _)| self.entry(v)).collect();
        if self.not_applicable {
            entries.push(NOT_APPLICABLE.to_owned());
        }
        entries
    }

    /// The cell text for an answer, as the writer fills it in.
    pub(crate) fn cell_text(&self, answer: Answer) -> String {
        match answer {
            Answer::Blank => String::new(),
            Answer::Score(value) => self.entry(value),
            Answer::NotApplicable => NOT_APPLICABLE.to_owned(),
        }
    }

    /// The range allowed, in words, for messages.
    pub(crate) fn expected(&self) -> String {
        let mut text = format!(
            "{}s are whole numbers from {} to {}",
            self.what, self.min, self.max
        );
        if self.not_applicable {
            let _ = write!(text, ", or `{NOT_APPLICABLE}`");
        }
        text
    }

    /// The prompt shown beside a score cell: every entry.
    pub(crate) fn prompt(&self) -> String {
        self.entries().join("; ")
    }

    /// Reads a cell as an answer. Tolerates what spreadsheets do: whole
    /// numbers stored as `3.0`, numbers typed as text, stray spaces, a
    /// decimal comma; strict about meaning: anything else is not a score.
    ///
    /// # Errors
    /// [`BadScore`] saying what the cell holds.
    pub(crate) fn read(&self, raw: &Raw) -> Result<Answer, BadScore> {
        match raw {
            Raw::Empty => Ok(Answer::Blank),
            Raw::Number(n) => self.whole_number(*n, raw),
            Raw::Text(text) => self.read_text(text),
            Raw::Bool(_) | Raw::Date(_) | Raw::Error(_) => Err(BadScore::NotAScore(raw.describe())),
        }
    }

    /// [`Choices::read`] for text, e.g. a CSV field.
    ///
    /// # Errors
    /// See [`Choices::read`].
    pub(crate) fn read_text(&self, text: &str) -> Result<Answer, BadScore> {
        let trimmed = text.trim();
        let not_a_score = || BadScore::NotAScore(format!("`{text}`"));
        if trimmed.is_empty() {
            Ok(Answer::Blank)
        } else if self.not_applicable && trimmed.eq_ignore_ascii_case(NOT_APPLICABLE) {
            Ok(Answer::NotApplicable)
        } else if let Some(n) = decimal(trimmed) {
            self.whole(n).map_err(|bad| bad.unwrap_or_else(not_a_score))
        } else if let Some(value) = self
            .values()
            .find_map(|(v, meaning)| is_entry(trimmed, v, meaning).then_some(v))
        {
            Ok(Answer::Score(value))
        } else {
            Err(not_a_score())
        }
    }

    /// A number as a score.
    fn whole_number(&self, n: f64, raw: &Raw) -> Result<Answer, BadScore> {
        self.whole(n)
            .map_err(|bad| bad.unwrap_or_else(|| BadScore::NotAScore(raw.describe())))
    }

    /// A whole number on the scale; `Err(None)` when it is not whole.
    fn whole(&self, n: f64) -> Result<Answer, Option<BadScore>> {
        if !n.is_finite() || n.fract() != 0.0 {
            return Err(None);
        }
        if n < f64::from(self.min) || n > f64::from(self.max) {
            return Err(Some(BadScore::OutOfRange(number_text(n))));
        }
        // Whole and within 0–255: the conversion is exact (and -0 is 0).
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let value = n as u8;
        Ok(Answer::Score(value))
    }
}

/// `true` when `text` is the dropdown entry of `value`: `3 – meaning`.
fn is_entry(text: &str, value: u8, meaning: &str) -> bool {
    text.strip_prefix(&value.to_string())
        .and_then(|rest| rest.strip_prefix(DASH))
        .is_some_and(|rest| rest == meaning)
}

/// A number written plainly: digits, an optional sign, an optional decimal
/// point or comma. Not `1e3`, `inf` or `NaN`, which no one types as a score.
pub(crate) fn decimal(text: &str) -> Option<f64> {
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    let (whole, fraction) = match digits.split_once(['.', ',']) {
        Some((w, f)) => (w, Some(f)),
        None => (digits, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(whole) || fraction.is_some_and(|f| !all_digits(f)) {
        return None;
    }
    text.replace(',', ".").parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cranfield() -> Choices {
        Choices::audit(crate::framework::builtin_audit("cranfield-kam-development").unwrap())
    }

    #[test]
    fn entries_name_each_score() {
        let choices = cranfield();
        assert_eq!(
            choices.entries(),
            [
                "0 – Not done",
                "1 – Started, something done",
                "2 – Substantial work done, not complete as described",
                "3 – Completed as described and effective"
            ]
        );
        assert!(!choices.prompt().is_empty());
    }

    #[test]
    fn tolerant_of_what_spreadsheets_do() {
        let choices = cranfield();
        let text = |t: &str| Raw::Text(t.to_owned());
        for (raw, answer) in [
            (Raw::Empty, Answer::Blank),
            (text("   "), Answer::Blank),
            (Raw::Number(3.0), Answer::Score(3)),
            (Raw::Number(-0.0), Answer::Score(0)),
            (text(" 2 "), Answer::Score(2)),
            (text("2.0"), Answer::Score(2)),
            (text("1,0"), Answer::Score(1)),
            (text("+1"), Answer::Score(1)),
            (
                text(" 3 – Completed as described and effective "),
                Answer::Score(3),
            ),
        ] {
            assert_eq!(choices.read(&raw), Ok(answer), "{raw:?}");
        }
    }

    #[test]
    fn strict_about_meaning() {
        let choices = cranfield();
        let text = |t: &str| Raw::Text(t.to_owned());
        for (raw, bad) in [
            (text("abc"), BadScore::NotAScore("`abc`".into())),
            (Raw::Number(2.5), BadScore::NotAScore("2.5".into())),
            (text("2,5"), BadScore::NotAScore("`2,5`".into())),
            (text("1e0"), BadScore::NotAScore("`1e0`".into())),
            (text("N/A"), BadScore::NotAScore("`N/A`".into())),
            (text("3 – Done"), BadScore::NotAScore("`3 – Done`".into())),
            (Raw::Bool(true), BadScore::NotAScore("`TRUE`".into())),
            (
                Raw::Error("#N/A".into()),
                BadScore::NotAScore("the error `#N/A`".into()),
            ),
            (Raw::Number(4.0), BadScore::OutOfRange("4".into())),
            (Raw::Number(-1.0), BadScore::OutOfRange("-1".into())),
            (text("300"), BadScore::OutOfRange("300".into())),
            (Raw::Number(f64::NAN), BadScore::NotAScore("NaN".into())),
        ] {
            assert_eq!(choices.read(&raw), Err(bad), "{raw:?}");
        }
    }

    #[test]
    fn not_applicable_only_where_allowed() {
        let mut choices = cranfield();
        choices.not_applicable = true;
        for na in ["N/A", "n/a", " N/a "] {
            assert_eq!(
                choices.read(&Raw::Text(na.into())),
                Ok(Answer::NotApplicable)
            );
        }
        assert_eq!(choices.entries().last().map(String::as_str), Some("N/A"));
    }
}
