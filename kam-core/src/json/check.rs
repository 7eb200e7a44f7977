//! The limit check: one pass over a document that finds the first limit of
//! [`crate::limits`] it breaks and where. It keeps its own path (a key or
//! index per level, keys borrowed from the text) so that the place of a
//! breach, or of text that is not JSON, is exact.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::error::{Error, InputError, LimitError};
use crate::limits::{MAX_DEPTH, MAX_ENTRIES, MAX_INPUT_BYTES, MAX_STRING_CHARS};
use crate::pointer::{PathSegment, pointer};

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

/// Whether `json` is plainly within every limit, by one scan of its bytes
/// that parses nothing: at most `max_bytes`, nesting, string length and
/// entries per container counted from the brackets, quotes and commas.
///
/// The scan errs only one way: `true` means the walk of [`check`] finds no
/// breach in any JSON text. A string's bytes between its quotes are at
/// least its characters (an escape is longer than what it stands for), and
/// a container's commas are one fewer than its entries. Text that is not
/// JSON may pass the scan; the reader refuses it, and the walk then says
/// why (see [`super::from_json_within`]).
pub(super) fn plainly_within(json: &str, max_bytes: usize) -> bool {
    let bytes = json.as_bytes();
    if bytes.len() > max_bytes {
        return false;
    }
    // Commas seen in each open container, outermost first.
    let mut commas = [0usize; MAX_DEPTH + 1];
    let mut depth = 0;
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'"' => match string_end(bytes, at + 1) {
                Some(end) if end - (at + 1) <= MAX_STRING_CHARS => at = end,
                _ => return false,
            },
            b'[' | b'{' => {
                if depth == MAX_DEPTH {
                    return false;
                }
                depth += 1;
                if let Some(count) = commas.get_mut(depth) {
                    *count = 0;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b',' => match commas.get_mut(depth) {
                Some(count) if *count + 1 < MAX_ENTRIES => *count += 1,
                _ => return false,
            },
            _ => {}
        }
        at += 1;
    }
    true
}

/// The index of the quote that ends the string whose text starts at
/// `start`, or `None` when the text ends first.
fn string_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut at = start;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'"' => return Some(at),
            b'\\' => at += 2,
            _ => at += 1,
        }
    }
    None
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
    let track = Track::default();
    let walker = Walker {
        depth: 0,
        breach: &breach,
        track: &track,
    };
    let result = walker.deserialize(deserializer);
    match (result, breach.take()) {
        (_, Some(limit)) => Err(limit.at(track.place()).into()),
        (Err(e), None) => Err(InputError::InvalidJson {
            path: track.place(),
            message: e.to_string(),
        }
        .into()),
        (Ok(()), None) => Ok(()),
    }
}

/// The path to the value being walked, and the place of the first failure:
/// the deepest value whose walk failed (a value fails as its entries do, so
/// the first place recorded is the deepest).
#[derive(Default)]
struct Track<'de> {
    path: RefCell<Vec<Step<'de>>>,
    failed_at: RefCell<Option<String>>,
}

/// One step of the path: a key, borrowed from the text when it holds no
/// escape (most keys: the walk then allocates nothing for them), or an
/// index.
enum Step<'de> {
    Key(Cow<'de, str>),
    Index(usize),
}

impl Track<'_> {
    /// Records the current path as the place of the failure, unless a
    /// deeper value already failed.
    fn fail_here(&self) {
        let mut failed_at = self.failed_at.borrow_mut();
        if failed_at.is_none() {
            let path: Vec<PathSegment> = (self.path.borrow().iter())
                .map(|step| match step {
                    Step::Key(key) => PathSegment::Key(key.to_string()),
                    Step::Index(index) => PathSegment::Index(*index),
                })
                .collect();
            *failed_at = Some(pointer(&path));
        }
    }

    fn place(&self) -> String {
        self.failed_at.take().unwrap_or_default()
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
struct Walker<'a, 'de> {
    depth: usize,
    breach: &'a Cell<Option<Breach>>,
    track: &'a Track<'de>,
}

impl Walker<'_, '_> {
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

impl<'de> DeserializeSeed<'de> for Walker<'_, 'de> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        let walked = deserializer.deserialize_any(self);
        if walked.is_err() {
            self.track.fail_here();
        }
        walked
    }
}

/// One entry of an object or array: the walker, one step further along the
/// path. An error the parser raises between entries (a missing comma) is
/// the container's, as no entry was entered.
struct Entry<'a, 'de> {
    walker: Walker<'a, 'de>,
    step: Step<'de>,
}

impl<'de> DeserializeSeed<'de> for Entry<'_, 'de> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        let track = self.walker.track;
        track.path.borrow_mut().push(self.step);
        let walked = self.walker.deserialize(deserializer);
        track.path.borrow_mut().pop();
        walked
    }
}

impl<'de> Visitor<'de> for Walker<'_, 'de> {
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
        let walker = self.enter()?;
        let mut count = 0;
        while seq
            .next_element_seed(Entry {
                walker,
                step: Step::Index(count),
            })?
            .is_some()
        {
            count += 1;
            if count > MAX_ENTRIES {
                return Err(self.fail(Breach::Entries(count)));
            }
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let walker = self.enter()?;
        let mut count = 0;
        while let Some(Key(key)) = map.next_key()? {
            self.string(&key)?;
            map.next_value_seed(Entry {
                walker,
                step: Step::Key(key),
            })?;
            count += 1;
            if count > MAX_ENTRIES {
                return Err(self.fail(Breach::Entries(count)));
            }
        }
        Ok(())
    }
}

impl Walker<'_, '_> {
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

/// An object key, borrowed from the input when it can be.
struct Key<'de>(Cow<'de, str>);

impl<'de> de::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;

        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }

            fn visit_borrowed_str<E>(self, key: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(key)))
            }

            fn visit_str<E>(self, key: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(key.to_owned())))
            }
        }

        deserializer.deserialize_str(KeyVisitor)
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

/// The check's places against those `serde_path_to_error` tracked around the
/// same walk, which the check reported before it kept its own path.
#[cfg(test)]
mod place_tests {
    use proptest::prelude::*;

    use super::*;

    /// The place `serde_path_to_error` tracks for the walk of `text`.
    fn tracked(text: &str) -> Option<String> {
        let (breach, track) = (Cell::new(None), Track::default());
        let walker = Walker {
            depth: 0,
            breach: &breach,
            track: &track,
        };
        let mut tracking = serde_path_to_error::Track::new();
        let mut de = serde_json::Deserializer::from_str(text);
        walker
            .deserialize(serde_path_to_error::Deserializer::new(
                &mut de,
                &mut tracking,
            ))
            .err()?;
        Some(super::super::tracked_pointer(&tracking.path()))
    }

    fn same_place(text: &str) {
        let place = check_text(text).err().and_then(|e| e.path());
        assert_eq!(place, tracked(text), "{text}");
    }

    #[test]
    fn breaches_are_placed_where_they_are() {
        let long = "x".repeat(MAX_STRING_CHARS + 1);
        same_place(&format!(r#"{{"a": [1, {{"b": "{long}"}}]}}"#));
        same_place(&format!(r#"{{"a": [1, {{"{long}": 1}}]}}"#));
        let deep = format!("{}1{}", "[".repeat(40), "]".repeat(40));
        same_place(&format!(r#"{{"a/b": {{"c~": {deep}}}}}"#));
        let many = format!("[{}0]", "0,".repeat(MAX_ENTRIES));
        same_place(&format!(r#"{{"x": 1, "list": {many}}}"#));
        let keys = (0..=MAX_ENTRIES)
            .map(|i| format!(r#""k{i}": 0"#))
            .collect::<Vec<_>>()
            .join(",");
        let object = format!(r#"{{{keys}, "last": 0}}"#);
        same_place(&format!(r"[[], {object}]"));
    }

    proptest! {
        /// Text broken at any place: every error of the text itself.
        #[test]
        fn broken_text_is_placed_as_a_tracking_reader_placed_it(
            at in any::<prop::sample::Index>(),
            cut in any::<bool>(),
            insert in prop::sample::select(vec![",", "}", "]", "\"", ":", "x", "{", "[", "1", "\\"]),
        ) {
            same_place(&super::super::broken_audit(at, cut, insert));
        }
    }
}
