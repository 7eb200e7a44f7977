//! Reading JSON input: the one way JSON text, and the native values of the
//! bindings (a Python dict, a JavaScript object), become kam's types.
//!
//! Every document is first checked against the limits of [`crate::limits`],
//! then read with the path of the first problem recorded, so every error
//! names where it is. Rust, Python and JavaScript all read through
//! [`from_json`] or [`from_value`], so their messages are identical.

mod check;
mod native;
mod path;
pub(crate) mod unique_map;

use std::cell::Cell;
use std::fmt;

use serde::de::{self, Deserializer, SeqAccess, Visitor};

pub use check::{check_text, check_value};
pub use native::{non_finite_number, number_out_of_range};
pub use path::{PathSegment, json_path};

use crate::error::{Error, InputError, LimitError};

/// Parses JSON into `T`, reporting the path of the first problem.
///
/// # Errors
/// [`InputError::InvalidJson`] naming the path and the parser's complaint.
pub fn from_json<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, Error> {
    check_text(json)?;
    take_broken();
    let mut de = serde_json::Deserializer::from_str(json);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| read_error(&e))?;
    // Trailing characters after the document are an error too, not ignored.
    de.end().map_err(|e| InputError::InvalidJson {
        path: ".".to_owned(),
        message: parser_message(&e),
    })?;
    Ok(value)
}

/// Converts an already-parsed JSON value into `T`, reporting the path of the
/// first problem with the same message [`from_json`] gives. The bindings use
/// this for Python dicts and JavaScript objects.
///
/// # Errors
/// [`InputError::InvalidJson`] naming the path and the problem.
pub fn from_value<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> Result<T, Error> {
    check_value(&value)?;
    take_broken();
    serde_path_to_error::deserialize(value).map_err(|e| read_error(&e))
}

/// A named limit broken while reading (see [`bounded_list`]),
/// else `invalid-json`.
fn read_error(e: &serde_path_to_error::Error<serde_json::Error>) -> Error {
    match take_broken() {
        Some(limit) => limit.into(),
        None => invalid_json(e).into(),
    }
}

fn invalid_json(e: &serde_path_to_error::Error<serde_json::Error>) -> InputError {
    InputError::InvalidJson {
        path: e.path().to_string(),
        message: parser_message(e.inner()),
    }
}

/// The parser's complaint. For a value of the wrong shape the path already
/// says where, and the line and column would depend on how the caller's
/// language wrote the JSON, so they are dropped to keep messages identical
/// across Rust, Python and JavaScript. For malformed text they are kept.
fn parser_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    if e.classify() != serde_json::error::Category::Data {
        return text;
    }
    let position = format!(" at line {} column {}", e.line(), e.column());
    text.strip_suffix(&position).unwrap_or(&text).to_owned()
}

thread_local! {
    /// A named limit broken while a typed value was read (see
    /// [`bounded_list`]), waiting for [`crate::json::from_json`] or
    /// [`crate::json::from_value`] to report it under its own kind: a serde
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

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn json_errors_name_the_path() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Doc {
            scores: std::collections::BTreeMap<String, u8>,
        }
        let err = from_json::<Doc>(r#"{"scores": {"A1.1": 7000}}"#).unwrap_err();
        assert_eq!(err.kind(), "invalid-json");
        assert!(err.to_string().contains("`scores.A1.1`"), "{err}");
    }

    #[test]
    fn values_and_text_give_the_same_message() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Doc {
            scores: std::collections::BTreeMap<String, u8>,
        }
        let text = r#"{"scores": {"A1.1": 2.5}}"#;
        let from_text = from_json::<Doc>(text).unwrap_err();
        let from_value = from_value::<Doc>(serde_json::from_str(text).unwrap()).unwrap_err();
        assert_eq!(from_text, from_value);
        assert_eq!(
            from_text.to_string(),
            "invalid JSON at `scores.A1.1`: invalid type: floating point `2.5`, expected u8"
        );
    }

    #[test]
    fn whole_numbers_only_where_whole_numbers_are_expected() {
        // A float spelling of a whole number is rejected rather than silently
        // truncated; the parser reads `-0` as the float negative zero, so it
        // is rejected too, the same way in every language.
        assert_eq!(from_json::<u8>("0").unwrap(), 0);
        for not_whole in [
            "3.0", "1e0", "-0", "-0.0", "2.5", "256", "-1", "NaN", "Infinity",
        ] {
            let err = from_json::<u8>(not_whole).unwrap_err();
            assert_eq!(err.kind(), "invalid-json", "{not_whole}");
        }
    }

    #[test]
    fn trailing_text_is_rejected() {
        let err = from_json::<u8>("1 2").unwrap_err();
        assert_eq!(err.kind(), "invalid-json");
    }

    #[test]
    fn native_paths_are_written_as_the_parser_writes_them() {
        use PathSegment::{Index, Key};
        use std::collections::BTreeMap;
        type Doc = BTreeMap<String, Vec<BTreeMap<String, Vec<u8>>>>;
        let cases: [(&str, Vec<PathSegment>); 3] = [
            (
                r#"{"a": [{"b": [1, 2.5]}]}"#,
                vec![Key("a".into()), Index(0), Key("b".into()), Index(1)],
            ),
            (r#"{"a": 2.5}"#, vec![Key("a".into())]),
            ("2.5", vec![]),
        ];
        for (text, segments) in cases {
            let Err(Error::Input(InputError::InvalidJson { path, .. })) = from_json::<Doc>(text)
            else {
                panic!("{text} should not read");
            };
            assert_eq!(path, json_path(&segments), "{text}");
        }
        assert_eq!(json_path(&[Index(0), Index(1)]), "[0][1]");
    }

    #[test]
    fn native_numbers_json_cannot_hold() {
        let path = [
            PathSegment::Key("customers".into()),
            PathSegment::Index(0),
            PathSegment::Key("value".into()),
        ];
        for (value, spelt) in [
            (f64::NAN, "NaN"),
            (f64::INFINITY, "Infinity"),
            (f64::NEG_INFINITY, "-Infinity"),
        ] {
            let err = non_finite_number(&path, value);
            assert_eq!(err.kind(), "invalid-json");
            assert_eq!(
                err.to_string(),
                format!("invalid JSON at `customers[0].value`: `{spelt}` is not a JSON number")
            );
        }
        // The parser's words for a literal beyond the range of a float.
        let text = from_json::<f64>("1e400").unwrap_err().to_string();
        let native = number_out_of_range(&[]).to_string();
        assert!(text.starts_with(&native), "{text} / {native}");
    }
}
