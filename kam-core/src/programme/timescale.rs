//! The paper's timescales for the phases, quoted, and kam's reading of them
//! as a pace in points per year.
//!
//! Data over code: `timescales.json` holds the quotes from the Cranfield
//! paper (section 3.1) and, marked as kam's, the band within which a unit's
//! pace counts as in line with the paper. It is validated when first used.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::error::{AnalysisError, Error};
use crate::framework::AuditFramework;

/// What a source says about how long its phases take.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Timescale {
    /// The framework whose phases these are.
    pub framework: String,
    /// Where the quotes come from.
    pub source: String,
    /// Consecutive phases and the years the source gives them together.
    pub spans: Vec<TimescaleSpan>,
    /// kam's reading: how a unit's pace is compared with the source's.
    pub kam: PaceReading,
}

/// Phases that the source times together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TimescaleSpan {
    /// The phase ids, e.g. `A` and `B`.
    pub phases: Vec<String>,
    /// The years the source gives them.
    pub years: f64,
    /// The source's words.
    pub quote: String,
}

/// kam's rule for comparing a pace with the source's (not the source's).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PaceReading {
    /// A pace of at least this share of the source's is in line with it.
    pub in_line_from: f64,
    /// A pace below this share of the source's is in line with it; at or
    /// above, faster.
    pub in_line_to: f64,
    /// The rule in words.
    pub reading: String,
}

static BUNDLED: OnceLock<Result<Timescale, Error>> = OnceLock::new();

/// The bundled timescale (the Cranfield paper's), parsed and validated once.
///
/// # Errors
/// Only if the bundled file is broken, which the tests rule out.
pub fn bundled() -> Result<&'static Timescale, Error> {
    BUNDLED
        .get_or_init(|| {
            let timescale: Timescale = crate::json::from_json(include_str!("timescales.json"))?;
            timescale.validate()?;
            Ok(timescale)
        })
        .as_ref()
        .map_err(Clone::clone)
}

impl Timescale {
    /// Checks every span has phases, positive years and a quote, and the
    /// band contains 1 (the source's own pace).
    ///
    /// # Errors
    /// `invalid-guideline`, naming the rule broken.
    pub fn validate(&self) -> Result<(), AnalysisError> {
        let invalid = |reason: String| Err(AnalysisError::InvalidGuideline { reason });
        if self.spans.is_empty() {
            return invalid(format!(
                "the timescale of `{}` has no spans",
                self.framework
            ));
        }
        for (i, span) in self.spans.iter().enumerate() {
            if span.phases.is_empty() || span.quote.trim().is_empty() {
                return invalid(format!("timescale span {} needs phases and a quote", i + 1));
            }
            if !(span.years.is_finite() && span.years > 0.0) {
                return invalid(format!(
                    "timescale span {} lasts `{}` years; a positive number is needed",
                    i + 1,
                    span.years
                ));
            }
        }
        let band = (self.kam.in_line_from, self.kam.in_line_to);
        if !(band.0 > 0.0 && band.0 <= 1.0 && band.1 >= 1.0 && band.1.is_finite()) {
            return invalid(format!(
                "the in-line band {}–{} must lie around 1",
                band.0, band.1
            ));
        }
        Ok(())
    }

    /// The span holding phase `id`, with the source's pace over it in points
    /// per year (the points of its phases in `framework`, over its years);
    /// `None` when no span holds the phase or a phase is not in `framework`.
    pub(crate) fn span_of(
        &self,
        framework: &AuditFramework,
        id: &str,
    ) -> Option<(&TimescaleSpan, f64)> {
        let span = self
            .spans
            .iter()
            .find(|s| s.phases.iter().any(|p| p == id))?;
        let points: u32 = span
            .phases
            .iter()
            .map(|p| framework.phases.iter().find(|q| &q.id == p).map(|q| q.max))
            .sum::<Option<u32>>()?;
        Some((span, f64::from(points) / span.years))
    }
}

/// The timescale for `framework`, if kam has one.
pub(crate) fn for_framework(
    framework: &AuditFramework,
) -> Result<Option<&'static Timescale>, Error> {
    let timescale = bundled()?;
    Ok((timescale.framework == framework.id).then_some(timescale))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::builtin_audit;

    #[test]
    fn the_bundled_timescale_reads_the_paper() {
        let t = bundled().unwrap();
        let cranfield = builtin_audit("cranfield-kam-development").unwrap();
        assert_eq!(for_framework(cranfield).unwrap(), Some(t));
        // Phases A and B: 78 + 105 points in about two years.
        let (span, pace) = t.span_of(cranfield, "B").unwrap();
        assert_eq!((span.years, pace), (2.0, 91.5));
        assert!(
            span.quote
                .contains("normally and consistently take about two years")
        );
        // Phases C and D: 105 + 99 points in a further three.
        let (span, pace) = t.span_of(cranfield, "C").unwrap();
        assert_eq!((span.years, pace), (3.0, 68.0));
        assert!(span.quote.contains("could take a further three years"));
        assert!(t.span_of(cranfield, "E").is_none());
        // The rule's words state the band the data sets.
        assert!(t.kam.reading.starts_with("kam's reading"));
        let band = format!("{} to {}", t.kam.in_line_from, t.kam.in_line_to);
        assert!(t.kam.reading.contains(&band), "{band}");
    }

    #[test]
    fn broken_timescales_are_named() {
        let mut t = bundled().unwrap().clone();
        t.spans[0].years = 0.0;
        assert_eq!(
            t.validate().unwrap_err().to_string(),
            "invalid guideline: timescale span 1 lasts `0` years; a positive number is needed"
        );
        let mut t = bundled().unwrap().clone();
        t.kam.in_line_from = 1.5;
        assert_eq!(t.validate().unwrap_err().kind(), "invalid-guideline");
        let mut t = bundled().unwrap().clone();
        t.spans.clear();
        assert!(t.validate().is_err());
    }
}
