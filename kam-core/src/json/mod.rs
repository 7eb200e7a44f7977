//! Reading JSON input: the one way JSON text, and the native values of the
//! bindings (a Python dict, a JavaScript object), become kam's types.
//!
//! Every document is first checked against the limits of [`crate::limits`],
//! then read with the place of the first problem recorded as a JSON Pointer,
//! so every error says where it is. Text that is not JSON is `invalid-json`;
//! JSON (or a native value) that does not fit is `invalid-input`, with a
//! message in the user's terms, never a Rust type's name. Rust, Python and
//! JavaScript all read through [`from_json`] or [`from_value`], so their
//! messages are identical.

mod check;
mod messages;
mod native;
mod place;
pub(crate) mod unique_map;

use std::cell::Cell;
use std::fmt;

use serde::de::{self, Deserializer, SeqAccess, Visitor};

pub use check::{check_programme_text, check_text, check_value};
pub use native::{NativeReader, non_finite_number, number_out_of_range};

use crate::error::{Error, InputError, LimitError};
use crate::limits::MAX_INPUT_BYTES;
pub use crate::pointer::PathSegment;

/// Parses JSON text into `T`, checked against every limit of
/// [`crate::limits`] first.
///
/// ```
/// let options: kam_core::ScoreOptions = kam_core::json::from_json(r#"{"next_actions": 3}"#)?;
/// assert_eq!(options.next_actions, 3);
/// let err = kam_core::json::from_json::<kam_core::ScoreOptions>(r#"{"next_action": 3}"#).unwrap_err();
/// assert_eq!(err.kind(), "invalid-input");
/// assert_eq!(err.path().as_deref(), Some("/next_action"));
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// - `invalid-json` for text that is not JSON (with the line and column);
/// - `invalid-input` for JSON of another shape: a missing or unknown field,
///   a value of the wrong type or range, a key given twice (with its path);
/// - `input-too-large`, `too-deep`, `text-too-long`, `too-many-entries` for
///   a document beyond a limit of [`crate::limits`], and the named limits of
///   the types that have them (e.g. `too-many-customers`);
/// - the errors of the types that check themselves as they are read (a
///   framework is validated: `max-mismatch`, …).
pub fn from_json<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, Error> {
    from_json_within(json, MAX_INPUT_BYTES, |text| {
        check_text(text).map_err(|e| match e {
            Error::Input(_) => file_name_given(text).unwrap_or(e),
            e => e,
        })
    })
}

/// [`from_json`] with another limit check than the general one: a
/// programme's text has its own size limit (see [`crate::limits`]).
///
/// `check` is the limit check's walk, and `max_bytes` the size it allows.
/// Most documents are plainly within every limit, and a scan of their bytes
/// shows it in a fraction of the walk's time ([`check::plainly_within`]):
/// such a document is read at once, and walked only when the read fails,
/// so that a limit's error, or text that is not JSON, is reported as the
/// walk reports it. Either way the result is the walk-then-read result.
pub(crate) fn from_json_within<T: serde::de::DeserializeOwned>(
    json: &str,
    max_bytes: usize,
    check: fn(&str) -> Result<(), Error>,
) -> Result<T, Error> {
    if check::plainly_within(json, max_bytes) {
        return read_text(json).map_err(|read| check(json).err().unwrap_or(read));
    }
    check(json)?;
    read_text(json)
}

/// Reads JSON text, already checked against the limits, into `T`: the
/// parse tracks no path, and a failure is placed from where the parser
/// stood (see [`place`]).
fn read_text<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, Error> {
    clear_pending();
    let mut de = serde_json::Deserializer::from_str(json);
    let value = T::deserialize(&mut de).map_err(|e| read_error::<T>(json, &e))?;
    // Trailing characters after the document are an error too, not ignored.
    de.end().map_err(|e| InputError::InvalidJson {
        path: String::new(),
        message: e.to_string(),
    })?;
    Ok(value)
}

/// The error for text that is not JSON but a file name (`audit.json`,
/// `data/q1.json`): a caller passed where the file is rather than what it
/// holds, and the parser's own message ("expected value at line 1 column 1")
/// would not say so.
fn file_name_given(text: &str) -> Option<Error> {
    let name = text.trim();
    let first = name.chars().next()?;
    let has_extension = name.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty() && !ext.is_empty() && ext.chars().all(char::is_alphanumeric)
    });
    let looks_like_a_file = name.len() <= 1024
        && !name.contains(['\n', '{', '[', '"'])
        && !(first.is_ascii_digit() || first == '-')
        && (has_extension || name.contains(['/', '\\']));
    looks_like_a_file.then(|| {
        InputError::InvalidJson {
            path: String::new(),
            message: format!(
                "expected JSON text, not a file name: `{name}` (read the file and pass what it holds)"
            ),
        }
        .into()
    })
}

/// A document kam reads from JSON text: every input, options and result
/// type of the table of operations, and a framework. Most read with
/// [`from_json`] and the general limits; a programme, far larger than one
/// document, has limits of its own. Generic code (the operations' `call_json`,
/// the bindings) reads through this, so each type is read its one way.
pub trait Document: serde::de::DeserializeOwned {
    /// Reads the document from JSON text, checked against its limits.
    ///
    /// # Errors
    /// Those of [`from_json`] (or of the type's own reader).
    fn read_json(text: &str) -> Result<Self, Error> {
        from_json(text)
    }
}

/// Reads an options document, or gives the defaults when there is none:
/// the one rule for an options argument the caller left out (`None`, a
/// Python `None`, a JavaScript `undefined` or `null`) in every language.
///
/// ```
/// use kam_core::ScoreOptions;
/// let options: ScoreOptions = kam_core::json::read_options(None)?;
/// assert_eq!(options, ScoreOptions::default());
/// let strict: ScoreOptions = kam_core::json::read_options(Some(r#"{"strict": true}"#))?;
/// assert!(strict.strict);
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// Those of reading the text as `T` (see [`Document::read_json`]).
pub fn read_options<T: Document + Default>(text: Option<&str>) -> Result<T, Error> {
    text.map_or_else(|| Ok(T::default()), T::read_json)
}

/// Converts an already-parsed JSON value into `T`, checked against every
/// limit but the text size, with the same messages [`from_json`] gives. The
/// bindings read Python dicts and JavaScript objects with it.
///
/// # Errors
/// Those of [`from_json`] but `invalid-json` and `input-too-large`.
// Owned, as before: the bindings hand over the value they built, and a
// failed read needs it once more to place the error.
#[allow(clippy::needless_pass_by_value)]
pub fn from_value<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> Result<T, Error> {
    check_value(&value)?;
    clear_pending();
    let e = match T::deserialize(&value) {
        Ok(read) => return Ok(read),
        Err(e) => e,
    };
    let pending = take_pending();
    // A value has no lines and columns to place the error: its text has,
    // and the same read fails at the same place in it. The message stays
    // the value's own.
    let path = serde_json::to_string(&value)
        .ok()
        .and_then(|text| read_text::<T>(&text).err())
        .and_then(|error| error.path())
        .unwrap_or_default();
    clear_pending();
    Err(located(pending, &e, path))
}

/// The error of a failed read of `text`: one raised with its own kind while
/// reading (see [`fail`]), placed where the read failed; else the parser's,
/// as `invalid-json` for text that is not JSON and `invalid-input` for a
/// document of another shape.
fn read_error<T: serde::de::DeserializeOwned>(text: &str, e: &serde_json::Error) -> Error {
    let pending = take_pending();
    let read = |text: &str| T::deserialize(&mut serde_json::Deserializer::from_str(text)).err();
    let path = place::pointer_at(text, e, &read);
    clear_pending();
    located(pending, e, path)
}

/// The error of a read that failed with `e` at `path`, or `pending` if a
/// typed error was raised there.
fn located(pending: Option<Error>, inner: &serde_json::Error, path: String) -> Error {
    if let Some(error) = pending {
        return error.placed_at(path);
    }
    if inner.classify() == serde_json::error::Category::Data {
        InputError::InvalidInput {
            path,
            message: messages::humanize(&data_message(inner)),
        }
        .into()
    } else {
        InputError::InvalidJson {
            path,
            message: inner.to_string(),
        }
        .into()
    }
}

/// The message of an error in a document of the wrong shape, without the
/// line and column: the path already says where, and the position would
/// depend on how the caller's language wrote the JSON, so messages stay
/// identical across Rust, Python and JavaScript.
fn data_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let position = format!(" at line {} column {}", e.line(), e.column());
    text.strip_suffix(&position).unwrap_or(&text).to_owned()
}

/// The pointer of a path `serde_path_to_error` tracked: what kam reported
/// when it read through that wrapper, for the tests that prove kam's own
/// places the same.
#[cfg(test)]
fn tracked_pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let segments: Vec<PathSegment> = path
        .iter()
        .filter_map(|segment| match segment {
            Segment::Seq { index } => Some(PathSegment::Index(*index)),
            Segment::Map { key } => Some(PathSegment::Key(key.clone())),
            Segment::Enum { .. } | Segment::Unknown => None,
        })
        .collect();
    crate::pointer::pointer(&segments)
}

thread_local! {
    /// An error raised with its own kind while a typed value was read (a
    /// named limit, a framework rule), waiting for [`from_json`] or
    /// [`from_value`] to report it: a serde error carries only a message.
    static PENDING: Cell<Option<Error>> = const { Cell::new(None) };
}

fn clear_pending() {
    PENDING.with(Cell::take);
}

fn take_pending() -> Option<Error> {
    PENDING.with(Cell::take)
}

/// Leaves `error` for [`from_json`] and [`from_value`] to report when the
/// read fails (see [`fail`]), and returns its message for serde: for a
/// conversion (`#[serde(try_from)]`) that checks a rule.
pub(crate) fn pend(error: Error) -> String {
    let message = error.to_string();
    PENDING.with(|pending| pending.set(Some(error)));
    message
}

/// Fails the read of a value with `error`, which [`from_json`] and
/// [`from_value`] then report as it is, placed where the read failed: for a
/// `Deserialize` that checks a rule with its own error kind. Its message is
/// what a plain serde reader (without kam's paths) shows, so its own path
/// should be the best guess without them.
pub(crate) fn fail<E: de::Error>(error: Error) -> E {
    E::custom(pend(error))
}

/// Reads a list of at most `max` entries, for a field that kam reads back
/// from users (`#[serde(deserialize_with = …)]`). A longer list is refused as
/// soon as its entry `max + 1` is read; the rest is only counted, for the
/// message, and `too_many(count)` is the error reported (placed at the
/// list).
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
                    return Err(fail((self.too_many)(count).into()));
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

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        scores: BTreeMap<String, u8>,
    }

    #[test]
    fn errors_name_their_place_as_a_json_pointer() {
        let err = from_json::<Doc>(r#"{"scores": {"A1.1": 7000}}"#).unwrap_err();
        assert_eq!(err.kind(), "invalid-input");
        assert_eq!(err.path().as_deref(), Some("/scores/A1.1"));
        assert_eq!(
            err.to_string(),
            "invalid input at `/scores/A1.1`: expected a whole number from 0 to 255, found `7000`"
        );
        // Keys holding `/` or `~` stay unambiguous.
        let err = from_json::<Doc>(r#"{"scores": {"A/1": 2.5}}"#).unwrap_err();
        assert_eq!(err.path().as_deref(), Some("/scores/A~11"));
        let err = from_json::<Doc>("{}").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid input at the top level: missing field `scores`"
        );
        assert_eq!(err.path().as_deref(), Some(""));
    }

    #[test]
    fn values_and_text_give_the_same_message() {
        let text = r#"{"scores": {"A1.1": 2.5}}"#;
        let from_text = from_json::<Doc>(text).unwrap_err();
        let from_value = from_value::<Doc>(serde_json::from_str(text).unwrap()).unwrap_err();
        assert_eq!(from_text, from_value);
        assert_eq!(
            from_text.to_string(),
            "invalid input at `/scores/A1.1`: expected a whole number from 0 to 255, found `2.5`"
        );
    }

    #[test]
    fn text_that_is_not_json_is_invalid_json() {
        let err = from_json::<Doc>(r#"{"scores": {"A1.1": }}"#).unwrap_err();
        assert_eq!(err.kind(), "invalid-json");
        assert_eq!(
            err.to_string(),
            "invalid JSON at `/scores/A1.1`: expected value at line 1 column 21"
        );
        // Trailing text is an error too, not ignored.
        let err = from_json::<u8>("1 2").unwrap_err();
        assert_eq!(err.kind(), "invalid-json");
        assert_eq!(err.path().as_deref(), Some(""));
    }

    #[test]
    fn whole_numbers_only_where_whole_numbers_are_expected() {
        // A float spelling of a whole number is rejected rather than silently
        // truncated; the parser reads `-0` as the float negative zero, so it
        // is rejected too, the same way in every language.
        assert_eq!(from_json::<u8>("0").unwrap(), 0);
        for not_whole in ["3.0", "1e0", "-0", "-0.0", "2.5", "256", "-1"] {
            let err = from_json::<u8>(not_whole).unwrap_err();
            assert_eq!(err.kind(), "invalid-input", "{not_whole}");
        }
        for not_json in ["NaN", "Infinity"] {
            assert_eq!(
                from_json::<u8>(not_json).unwrap_err().kind(),
                "invalid-json"
            );
        }
    }

    #[test]
    fn no_rust_type_in_any_message() {
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Many {
            a: u32,
            b: f64,
            c: bool,
            d: Vec<String>,
            e: BTreeMap<String, i64>,
            f: Option<Doc>,
            g: usize,
        }
        for text in [
            r#"{"a": -1}"#,
            r#"{"a": "1"}"#,
            r#"{"b": "x"}"#,
            r#"{"c": 1}"#,
            r#"{"d": {}}"#,
            r#"{"e": []}"#,
            r#"{"e": {"x": 1.5}}"#,
            r#"{"f": 3}"#,
            r#"{"g": -3}"#,
            "[1]",
            "null",
        ] {
            let message = from_json::<Many>(text).unwrap_err().to_string();
            for rust in [
                "u8", "u32", "i64", "f64", "usize", "struct", "sequence", "map", "unit",
            ] {
                let words: Vec<&str> = message
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .collect();
                assert!(!words.contains(&rust), "{text}: {message}");
            }
        }
    }
}

/// The Northwind audit broken for a test: cut short at `at`, or with
/// `insert` put there (at the nearest character boundary before it).
#[cfg(test)]
fn broken_audit(at: proptest::sample::Index, cut: bool, insert: &str) -> String {
    let audit = include_str!("../../examples/data/northwind-audit.json");
    let at = (0..=at.index(audit.len()))
        .rev()
        .find(|&i| audit.is_char_boundary(i))
        .unwrap_or(0);
    let (before, after) = audit.split_at(at);
    if cut {
        before.to_owned()
    } else {
        format!("{before}{insert}{after}")
    }
}

/// The scan that lets a plainly small document skip the limit walk changes
/// no result: [`from_json`] gives what the walk, then the read, give.
#[cfg(test)]
mod plain_scan_tests {
    use proptest::prelude::*;

    use super::*;
    use crate::AuditAssessment;
    use crate::limits::{MAX_DEPTH, MAX_ENTRIES, MAX_STRING_CHARS};

    /// What `from_json` gave before the scan: the walk, then the read.
    fn walked_then_read<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, Error> {
        check_text(text).map_err(|e| match e {
            Error::Input(_) => file_name_given(text).unwrap_or(e),
            e => e,
        })?;
        read_text(text)
    }

    /// The outcome in comparable words: the value, or the error's kind,
    /// place and message.
    fn outcome<T: std::fmt::Debug>(result: Result<T, Error>) -> String {
        match result {
            Ok(value) => format!("{value:?}"),
            Err(e) => format!("{} {:?} {e}", e.kind(), e.path()),
        }
    }

    fn same<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) {
        assert_eq!(
            outcome(from_json::<T>(text)),
            outcome(walked_then_read::<T>(text)),
            "{text:.200}"
        );
    }

    #[test]
    fn limits_at_and_beyond_their_edge() {
        type Any = serde_json::Value;
        for depth in [MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1] {
            same::<Any>(&format!("{}1{}", "[".repeat(depth), "]".repeat(depth)));
            same::<Any>(&format!(
                "{}1{}",
                r#"{"a":"#.repeat(depth),
                "}".repeat(depth)
            ));
        }
        for chars in [MAX_STRING_CHARS, MAX_STRING_CHARS + 1] {
            same::<Any>(&format!(r#"["{}"]"#, "x".repeat(chars)));
            same::<Any>(&format!(r#"{{"{}": 1}}"#, "x".repeat(chars)));
            // Escapes: more bytes than characters, so the walk decides.
            same::<Any>(&format!(r#"["{}"]"#, r"\u00e9".repeat(chars)));
            same::<Any>(&format!(r#"["{}"]"#, r#"\""#.repeat(chars)));
        }
        for entries in [MAX_ENTRIES, MAX_ENTRIES + 1] {
            same::<Any>(&format!("[{}0]", "0,".repeat(entries - 1)));
        }
        // Brackets and commas inside strings are text, not structure.
        same::<Any>(&format!(r#"["{}"]"#, "[,".repeat(MAX_DEPTH + 1)));
        same::<Any>(&format!(r#"["\\", "{}"]"#, "{".repeat(MAX_DEPTH + 1)));
    }

    #[test]
    fn text_that_is_not_json_is_reported_by_the_walk() {
        for text in [
            "",
            "audit.json",
            "{",
            r#"{"framework": }"#,
            "[1] 2",
            r#"{"a": "x"#,
        ] {
            same::<AuditAssessment>(text);
        }
    }

    proptest! {
        /// An audit broken at any place, or cut short.
        #[test]
        fn broken_audits_read_as_before(
            at in any::<prop::sample::Index>(),
            cut in any::<bool>(),
            insert in prop::sample::select(vec![",", "}", "]", "\"", ":", "x", "{", "[", "1", "\\", "\"A1.1\": 3,"]),
        ) {
            let broken = super::broken_audit(at, cut, insert);
            same::<AuditAssessment>(&broken);
            same::<serde_json::Value>(&broken);
        }
    }
}
