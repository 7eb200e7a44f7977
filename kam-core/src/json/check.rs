//! The limit check: one pass over a document, allocating nothing, that
//! finds the first limit of [`crate::limits`] it breaks and where.

use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::error::{Error, InputError, LimitError};
use crate::limits::{MAX_DEPTH, MAX_ENTRIES, MAX_INPUT_BYTES, MAX_STRING_CHARS};

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

/// Checks a programme's JSON text: at most
/// [`crate::limits::MAX_PROGRAMME_BYTES`], and every other general limit
/// (nesting, string length, entries per list).
///
/// # Errors
/// As [`check_text`], with the programme's size limit.
pub fn check_programme_text(json: &str) -> Result<(), Error> {
    check_size(json.len(), crate::limits::MAX_PROGRAMME_BYTES)?;
    check(&mut serde_json::Deserializer::from_str(json))
}

/// `input-too-large` when `bytes` exceed `max`.
fn check_size(bytes: usize, max: usize) -> Result<(), LimitError> {
    if bytes > max {
        return Err(LimitError::InputTooLarge { bytes, max });
    }
    Ok(())
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
        (_, Some(limit)) => Err(limit.at(super::pointer_of(&track.path())).into()),
        (Err(e), None) => Err(InputError::InvalidJson {
            path: super::pointer_of(&track.path()),
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
        result.map_or_else(|e| e.kind().to_string(), |()| "ok".to_owned())
    }

    #[test]
    fn ordinary_documents_pass() {
        let json = include_str!("../../examples/data/northwind-audit.json");
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
        assert!(err.to_string().contains("`/evidence/A1.1`"), "{err}");
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

    #[test]
    fn malformed_text_is_invalid_json() {
        assert_eq!(kind(check_text("{\"a\": }")), "invalid-json");
    }
}

#[cfg(test)]
mod programme_tests {
    use super::*;
    use crate::limits::MAX_PROGRAMME_BYTES;

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
