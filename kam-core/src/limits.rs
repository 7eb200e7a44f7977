//! Input limits, enforced at the boundary before any typed parsing.
//!
//! kam reads JSON that people type, export from spreadsheets and upload into
//! web pages. One pass over the document, allocating nothing, checks it
//! against these limits so that a hostile file cannot exhaust the memory of a
//! browser tab or a notebook; only then is it parsed into kam's types. The
//! limits are far above any real assessment: the Cranfield audit has 129
//! items, its longest text is under 250 characters, and no kam document nests
//! deeper than 8 levels.

use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::error::{Error, InputError, LimitError};

/// Largest JSON text accepted, in bytes (8 MiB).
pub const MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;
/// Deepest nesting of arrays and objects accepted.
pub const MAX_DEPTH: usize = 32;
/// Longest string accepted (keys and values), in characters.
pub const MAX_STRING_CHARS: usize = 20_000;
/// Most entries in one array or object.
pub const MAX_ENTRIES: usize = 100_000;

// Per-analysis maxima, checked by each analysis (and so by the facade every
// binding calls) before any other rule, each with its own error kind; the
// reasoning behind each value is in docs/security.md ("Limits").

/// Most customers in a Pareto analysis (`too-many-customers`).
pub const MAX_PARETO_CUSTOMERS: usize = 10_000;
/// Most customers on a portfolio matrix (`too-many-customers`); also the most
/// a portfolio report read back (e.g. to draw its chart) may hold.
pub const MAX_PORTFOLIO_CUSTOMERS: usize = 1_000;
/// Most criteria in each group (attractiveness, relationship strength) of a
/// portfolio matrix (`too-many-criteria`).
pub const MAX_PORTFOLIO_CRITERIA: usize = 50;
/// Most audits in one aggregation of assessors (`too-many-audits`).
pub const MAX_AGGREGATE_AUDITS: usize = 100;
/// Most units (audits) in one unit comparison (`too-many-units`).
pub const MAX_UNITS: usize = 100;
/// Most elements in a key account plan template, and in the plan checked
/// against it (`too-many-elements`).
pub const MAX_PLAN_ELEMENTS: usize = 100;
/// Most results (rows × (periods + phases)) a batch given as JSON may ask
/// for (`too-many-results`): 625,000 Cranfield audits' worth, far more than
/// the 8 MiB of text can hold, so only a framework file with thousands of
/// periods reaches it. numpy batches have no such limit: their caller
/// chooses the framework and allocates the matrix, and the results take
/// (periods + phases) numbers per row.
pub const MAX_BATCH_RESULTS: usize = 10_000_000;
/// Audits in a comparison: exactly two, `before` and `after`, fixed by the
/// shape of the input, so no error is needed.
pub const COMPARISON_AUDITS: usize = 2;

/// Every named limit by its lower-case name, e.g. `("max_string_chars",
/// 20_000)`: what the bindings hand to code that must keep within the limits
/// as a person types (the calculators' note counter), so no value is copied.
pub const NAMED: &[(&str, usize)] = &[
    ("max_input_bytes", MAX_INPUT_BYTES),
    ("max_depth", MAX_DEPTH),
    ("max_string_chars", MAX_STRING_CHARS),
    ("max_entries", MAX_ENTRIES),
    ("max_pareto_customers", MAX_PARETO_CUSTOMERS),
    ("max_portfolio_customers", MAX_PORTFOLIO_CUSTOMERS),
    ("max_portfolio_criteria", MAX_PORTFOLIO_CRITERIA),
    ("max_aggregate_audits", MAX_AGGREGATE_AUDITS),
    ("max_units", MAX_UNITS),
    ("max_plan_elements", MAX_PLAN_ELEMENTS),
    ("max_batch_results", MAX_BATCH_RESULTS),
];
// Programme (issue 14) ------------------------------------------------------
//
// A programme document (`kam_core::programme`) gathers every assessment of a
// KAM programme: 1,000 units assessed by 5 assessors on 10 dates is 50,000
// audits, 69 MB of compact JSON and 152 MB pretty-printed, so the 8 MiB
// limit of one document cannot apply to it. Parsed, each Cranfield audit
// takes about 11 KB (its 129 scores in a map of owned strings), so the
// memory a programme takes is bounded by its answers more than its text.
// The limits and the memory they imply are reasoned in docs/security.md
// ("Programme limits").

/// Largest programme text accepted, in bytes (256 MiB): the 50,000-audit
/// programme pretty-printed (152 MB) with room to spare.
pub const MAX_PROGRAMME_BYTES: usize = 256 * 1024 * 1024;
/// Most units in a programme (`too-many-units`): twice the 1,000 units kam
/// is sized for; the report has a section and a chart per unit.
pub const MAX_PROGRAMME_UNITS: usize = 2_000;
/// Most assessments in a programme: the general limit on one list,
/// [`MAX_ENTRIES`] (`too-many-entries` at `assessments`), twice the 50,000
/// audits of 1,000 units × 10 dates × 5 assessors.
pub const MAX_PROGRAMME_ASSESSMENTS: usize = MAX_ENTRIES;
/// Most answers in all a programme's assessments together (scores,
/// not-applicable marks, notes, stages, litmus answers;
/// `too-many-entries`): the 50,000 full Cranfield audits hold 6,450,000;
/// 8,000,000 parse into about 700 MB.
pub const MAX_PROGRAMME_ANSWERS: usize = 8_000_000;

/// Checks a programme's JSON text: at most [`MAX_PROGRAMME_BYTES`], and
/// every other general limit (nesting, string length, entries per list).
///
/// # Errors
/// As [`check_text`], with the programme's size limit.
pub fn check_programme_text(json: &str) -> Result<(), Error> {
    check_size(json.len(), MAX_PROGRAMME_BYTES)?;
    check(&mut serde_json::Deserializer::from_str(json))
}

/// `input-too-large` when `bytes` exceed `max`.
fn check_size(bytes: usize, max: usize) -> Result<(), LimitError> {
    if bytes > max {
        return Err(LimitError::InputTooLarge { bytes, max });
    }
    Ok(())
}

/// Refuses a value being read for breaking the named limit `error`: the
/// serde error to return, with the limit kept for [`crate::error::from_json`]
/// and [`crate::error::from_value`] to report under its own kind.
pub(crate) fn refuse<E: de::Error>(error: LimitError) -> E {
    let message = error.to_string();
    BROKEN.with(|broken| broken.set(Some(error)));
    E::custom(message)
}

/// `n` with a comma every three digits, as docs/security.md writes limits.
#[cfg(test)]
pub(crate) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod programme_tests {
    use super::*;

    #[test]
    fn a_programme_may_be_larger_than_a_document() {
        let err = check_size(MAX_PROGRAMME_BYTES + 1, MAX_PROGRAMME_BYTES).unwrap_err();
        assert_eq!(Error::from(err.clone()).kind(), "input-too-large");
        assert_eq!(
            err.to_string(),
            "input is 268435457 bytes; at most 268435456 bytes are read"
        );
        assert!(check_size(MAX_PROGRAMME_BYTES, MAX_PROGRAMME_BYTES).is_ok());
        let document = " ".repeat(MAX_INPUT_BYTES + 1);
        assert_eq!(check_text(&document).unwrap_err().kind(), "input-too-large");
        assert!(check_programme_text(&format!("{{}}{document}")).is_ok());
    }
}

// End of programme (issue 14) ------------------------------------------------

thread_local! {
    /// A named limit broken while a typed value was read (see
    /// [`bounded_list`]), waiting for [`crate::error::from_json`] or
    /// [`crate::error::from_value`] to report it under its own kind: a serde
    /// error carries only a message.
    static BROKEN: Cell<Option<LimitError>> = const { Cell::new(None) };
}

/// Takes the named limit broken by the last typed read on this thread, if
/// any (and clears it, so a stale one is never reported).
pub(crate) fn take_broken() -> Option<LimitError> {
    BROKEN.with(Cell::take)
}

/// Reads a list of at most `max` entries, for a field that kam reads back
/// from users (`#[serde(deserialize_with = …)]`). A longer list is refused as
/// soon as its entry `max + 1` is read; the rest is only counted, for the
/// message, and `too_many(count)` is the error reported.
pub(crate) fn bounded_list<'de, D, T>(
    deserializer: D,
    max: usize,
    too_many: fn(usize) -> LimitError,
) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: de::Deserialize<'de>,
{
    struct List<T> {
        max: usize,
        too_many: fn(usize) -> LimitError,
        entries: std::marker::PhantomData<T>,
    }

    impl<'de, T: de::Deserialize<'de>> Visitor<'de> for List<T> {
        type Value = Vec<T>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            write!(f, "a list of at most {} entries", self.max)
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut list = Vec::new();
            while let Some(entry) = seq.next_element()? {
                if list.len() == self.max {
                    let mut count = self.max + 1;
                    while seq.next_element::<de::IgnoredAny>()?.is_some() {
                        count += 1;
                    }
                    let error = (self.too_many)(count);
                    let message = error.to_string();
                    BROKEN.with(|broken| broken.set(Some(error)));
                    return Err(de::Error::custom(message));
                }
                list.push(entry);
            }
            Ok(list)
        }
    }

    deserializer.deserialize_seq(List {
        max,
        too_many,
        entries: std::marker::PhantomData,
    })
}

/// Checks a JSON text against every limit.
///
/// # Errors
/// [`LimitError`] naming the limit and where it is exceeded; malformed JSON
/// is [`InputError::InvalidJson`].
pub fn check_text(json: &str) -> Result<(), Error> {
    if json.len() > MAX_INPUT_BYTES {
        return Err(LimitError::InputTooLarge {
            bytes: json.len(),
            max: MAX_INPUT_BYTES,
        }
        .into());
    }
    let mut de = serde_json::Deserializer::from_str(json);
    // kam's own depth limit is tighter than serde_json's, which stays on as
    // a second guard against stack exhaustion.
    check(&mut de)
}

/// Checks an already-parsed JSON value (a Python dict or JS object converted
/// by a binding) against every limit but the text size.
///
/// # Errors
/// [`LimitError`] naming the limit and where it is exceeded.
pub fn check_value(value: &serde_json::Value) -> Result<(), Error> {
    check(value)
}

fn check<'de, D>(deserializer: D) -> Result<(), Error>
where
    D: Deserializer<'de, Error = serde_json::Error>,
{
    let breach = Cell::new(None);
    let walker = Walker {
        depth: 0,
        breach: &breach,
    };
    let mut track = serde_path_to_error::Track::new();
    let result = walker.deserialize(serde_path_to_error::Deserializer::new(
        deserializer,
        &mut track,
    ));
    match (result, breach.take()) {
        (_, Some(limit)) => Err(limit.at(track.path().to_string()).into()),
        (Err(e), None) => Err(InputError::InvalidJson {
            path: track.path().to_string(),
            message: e.to_string(),
        }
        .into()),
        (Ok(()), None) => Ok(()),
    }
}

/// What was exceeded, before the path is known.
#[derive(Debug, Clone, Copy)]
enum Breach {
    Depth,
    String(usize),
    Entries(usize),
}

impl Breach {
    fn at(self, path: String) -> LimitError {
        match self {
            Breach::Depth => LimitError::TooDeep {
                path,
                max: MAX_DEPTH,
            },
            Breach::String(chars) => LimitError::TextTooLong {
                path,
                chars,
                max: MAX_STRING_CHARS,
            },
            Breach::Entries(count) => LimitError::TooManyEntries {
                path,
                count,
                max: MAX_ENTRIES,
            },
        }
    }
}

/// Walks any JSON value, recording the first limit it breaks.
#[derive(Clone, Copy)]
struct Walker<'a> {
    depth: usize,
    breach: &'a Cell<Option<Breach>>,
}

impl Walker<'_> {
    fn fail<E: de::Error>(self, breach: Breach) -> E {
        self.breach.set(Some(breach));
        E::custom("input limit exceeded")
    }

    fn string<E: de::Error>(self, s: &str) -> Result<(), E> {
        // Counting characters is linear; the byte length bounds it first.
        if s.len() > MAX_STRING_CHARS {
            let chars = s.chars().count();
            if chars > MAX_STRING_CHARS {
                return Err(self.fail(Breach::String(chars)));
            }
        }
        Ok(())
    }
}

impl<'de> DeserializeSeed<'de> for Walker<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walker<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_none<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<(), E> {
        self.string(s)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let inner = self.enter()?;
        let mut count = 0;
        while seq.next_element_seed(inner)?.is_some() {
            count += 1;
            if count > MAX_ENTRIES {
                return Err(self.fail(Breach::Entries(count)));
            }
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let inner = self.enter()?;
        let mut count = 0;
        while let Some(key) = map.next_key::<KeyText>()? {
            self.string(&key.0)?;
            map.next_value_seed(inner)?;
            count += 1;
            if count > MAX_ENTRIES {
                return Err(self.fail(Breach::Entries(count)));
            }
        }
        Ok(())
    }
}

impl Walker<'_> {
    /// The walker one level down, or the depth breach.
    fn enter<E: de::Error>(self) -> Result<Self, E> {
        if self.depth >= MAX_DEPTH {
            return Err(self.fail(Breach::Depth));
        }
        Ok(Walker {
            depth: self.depth + 1,
            ..self
        })
    }
}

/// An object key, borrowed when the input allows.
struct KeyText(String);

impl<'de> de::Deserialize<'de> for KeyText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(KeyText)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(result: Result<(), Error>) -> String {
        result.map_or_else(|e| e.kind().to_owned(), |()| "ok".to_owned())
    }

    #[test]
    fn named_limits_are_unique_and_lower_case() {
        let names: std::collections::BTreeSet<&str> = NAMED.iter().map(|(n, _)| *n).collect();
        assert_eq!(names.len(), NAMED.len());
        assert!(NAMED.iter().all(|(n, v)| n.starts_with("max_") && *v > 0));
        assert!(NAMED.contains(&("max_string_chars", MAX_STRING_CHARS)));
    }

    #[test]
    fn ordinary_documents_pass() {
        let json = include_str!("../examples/data/northwind-audit.json");
        check_text(json).unwrap();
        check_value(&serde_json::from_str(json).unwrap()).unwrap();
    }

    #[test]
    fn deep_nesting_is_named() {
        let deep = format!("{}1{}", "[".repeat(40), "]".repeat(40));
        let err = check_text(&deep).unwrap_err();
        assert_eq!(err.kind(), "too-deep");
        assert!(err.to_string().contains("32"), "{err}");
        let ok = format!("{}1{}", "[".repeat(32), "]".repeat(32));
        assert_eq!(kind(check_text(&ok)), "ok");
    }

    #[test]
    fn long_strings_are_named_with_their_path() {
        let long = "é".repeat(MAX_STRING_CHARS + 1);
        let json = format!(r#"{{"evidence": {{"A1.1": "{long}"}}}}"#);
        let err = check_text(&json).unwrap_err();
        assert_eq!(err.kind(), "text-too-long");
        assert!(err.to_string().contains("`evidence.A1.1`"), "{err}");
        // Exactly at the limit, counted in characters, not bytes.
        let at_limit = format!(r#"["{}"]"#, "é".repeat(MAX_STRING_CHARS));
        assert_eq!(kind(check_text(&at_limit)), "ok");
    }

    #[test]
    fn too_many_entries_and_too_large_input() {
        let many = format!("[{}0]", "0,".repeat(MAX_ENTRIES));
        assert_eq!(kind(check_text(&many)), "too-many-entries");
        let huge = " ".repeat(MAX_INPUT_BYTES + 1);
        assert_eq!(kind(check_text(&huge)), "input-too-large");
    }

    /// Every per-analysis maximum has its row in docs/security.md, with its
    /// value and error kind, and the kind is in the catalogue.
    #[test]
    fn analysis_limits_are_documented() {
        let doc = include_str!("../../docs/security.md");
        for (constant, value, kind) in [
            (
                "MAX_PARETO_CUSTOMERS",
                MAX_PARETO_CUSTOMERS,
                "`too-many-customers`",
            ),
            (
                "MAX_PORTFOLIO_CUSTOMERS",
                MAX_PORTFOLIO_CUSTOMERS,
                "`too-many-customers`",
            ),
            (
                "MAX_PORTFOLIO_CRITERIA",
                MAX_PORTFOLIO_CRITERIA,
                "`too-many-criteria`",
            ),
            (
                "MAX_AGGREGATE_AUDITS",
                MAX_AGGREGATE_AUDITS,
                "`too-many-audits`",
            ),
            ("MAX_UNITS", MAX_UNITS, "`too-many-units`"),
            (
                "MAX_PLAN_ELEMENTS",
                MAX_PLAN_ELEMENTS,
                "`too-many-elements`",
            ),
            ("MAX_BATCH_RESULTS", MAX_BATCH_RESULTS, "`too-many-results`"),
            ("COMPARISON_AUDITS", COMPARISON_AUDITS, "none"),
        ] {
            let row = doc
                .lines()
                .find(|l| l.contains(&format!("| `{constant}` |")))
                .unwrap_or_else(|| panic!("docs/security.md has no row for {constant}"));
            assert!(
                row.contains(&format!("| {} | `{constant}` | {kind}", thousands(value))),
                "{row}"
            );
            let kind = kind.trim_matches('`');
            assert!(kind == "none" || Error::KINDS.contains(&kind), "{kind}");
        }
    }

    #[test]
    fn malformed_text_is_invalid_json() {
        assert_eq!(kind(check_text("{\"a\": }")), "invalid-json");
    }
}
