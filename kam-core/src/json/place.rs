//! Where in a JSON text a typed read failed, as a JSON Pointer.
//!
//! kam reads a document with `serde_json` alone, tracking nothing: a wrapper
//! that tracks the path as it reads (`serde_path_to_error`) makes every type's
//! reading code twice as large, which the WebAssembly module cannot afford,
//! and a read that succeeds does not need the path. When a read fails,
//! `serde_json`'s error gives the line and column where the parser stood;
//! this module reads the text up to that place, keeping the stack of open
//! objects (with the key being read) and arrays (with the index being
//! read), and turns that stack into the pointer.
//!
//! The parser stands at the end of what it read when the error was raised:
//! after a value a visitor refused, after the key of an unknown field, after
//! the closing bracket of an object with a missing field (the parser reads
//! the bracket before it reports). So the open containers at that place are
//! exactly the path of the value that failed. Three errors stand elsewhere,
//! and are placed by what they say:
//! - serde's `duplicate field` is raised right after the repeated key, and
//!   names the object, not the key;
//! - `serde_json`'s `trailing characters` (a fixed-length list given too many
//!   entries) stands one character into the next entry, and names the list;
//! - any other error of the text itself stands on the character it could
//!   not take, one past what was read.
//!
//! A visitor that refuses a list or an object part-way (a key given twice, a
//! list over its limit) reads the rest of it first, so the parser stands
//! after its closing bracket and the error names the container (see
//! [`super::unique_map`], [`super::bounded_list`]).

use crate::pointer::{PathSegment, pointer};

/// The pointer of the value whose read raised `error`, found in `text`:
/// the one `from_json` reports. `read` reads another text as the failed
/// read did, returning its error (see [`closed_last`]).
pub(super) fn pointer_at(
    text: &str,
    error: &serde_json::Error,
    read: &dyn Fn(&str) -> Option<serde_json::Error>,
) -> String {
    // Line 0: raised after the whole document was read, by no parser
    // frame (a conversion of the top-level value): the whole document.
    let Some(offset) = offset_of(text, error.line(), error.column()) else {
        return String::new();
    };
    let message = error.to_string();
    let syntax = error.classify() != serde_json::error::Category::Data;
    // An error of the text names the character it peeked at, one past the
    // end of what was read.
    let end = if syntax {
        offset.saturating_sub(1)
    } else {
        offset
    };
    let scan = Scan::up_to(text, end);
    let mut segments = scan.path();
    let names_the_container = (syntax && message.starts_with("trailing "))
        || (scan.last == Last::Key && message.starts_with("duplicate field `"));
    if names_the_container {
        segments.pop();
    } else if let Last::Closed {
        at,
        entry: Some(entry),
    } = &scan.last
        && !syntax
        && closed_last(text, *at, error, read)
    {
        segments.push(entry.clone());
    }
    pointer(&segments)
}

/// Whether an error found just after a closing bracket (at byte `at`) was
/// raised by the container's last entry rather than the container.
///
/// A value read whole before its type reads it (a framework, any tagged
/// value) fails after its own closing bracket; when it is the last entry
/// of its container, the parser reads the container's bracket too before
/// it reports, so the place is the one a missing field of the container
/// would have. Reading the text again with that bracket turned into a
/// comma tells them apart: the entry fails again, the same way, before the
/// comma; the container, reading on past the comma, fails otherwise.
fn closed_last(
    text: &str,
    at: usize,
    error: &serde_json::Error,
    read: &dyn Fn(&str) -> Option<serde_json::Error>,
) -> bool {
    let (Some(before), Some(after)) = (text.get(..at), text.get(at + 1..)) else {
        return false;
    };
    let again = read(&format!("{before},{after}"));
    again.is_some_and(|again| {
        again.classify() == serde_json::error::Category::Data
            && without_place(&again) == without_place(error)
    })
}

/// An error's message without its line and column.
fn without_place(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let place = format!(" at line {} column {}", error.line(), error.column());
    text.strip_suffix(&place).unwrap_or(&text).to_owned()
}

/// The byte offset of `serde_json`'s line (from 1) and column (bytes into the
/// line), or `None` for line 0 (no place).
fn offset_of(text: &str, line: usize, column: usize) -> Option<usize> {
    let skip = line.checked_sub(1)?;
    let start = if skip == 0 {
        0
    } else {
        text.bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'\n')
            .nth(skip - 1)
            .map(|(at, _)| at + 1)?
    };
    Some((start + column).min(text.len()))
}

/// An object or array open at the place of the error.
#[derive(Debug)]
enum Open {
    /// An object, with the key whose value is being read (none between a
    /// comma and the next key).
    Object(Option<String>),
    /// An array, with the index of the entry being read.
    Array(usize),
}

/// What was read last before the place.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Last {
    Nothing,
    Key,
    /// A closing bracket, at byte `at`, of a container whose last entry
    /// was `entry` (none when it was empty).
    Closed {
        at: usize,
        entry: Option<PathSegment>,
    },
    Other,
}

/// The containers open at a place in a text, read from its start.
#[derive(Debug)]
struct Scan {
    open: Vec<Open>,
    last: Last,
}

impl Scan {
    /// Reads `text` up to byte `end`. The text is JSON (the limit check
    /// parsed it first); a cut mid-string or mid-number reads as far as it
    /// goes.
    fn up_to(text: &str, end: usize) -> Scan {
        let bytes = text.as_bytes().get(..end).unwrap_or(text.as_bytes());
        let mut scan = Scan {
            open: Vec::new(),
            last: Last::Nothing,
        };
        let mut at = 0;
        while let Some(&byte) = bytes.get(at) {
            at += 1;
            match byte {
                b'{' => {
                    scan.open.push(Open::Object(None));
                    scan.last = Last::Nothing;
                }
                b'[' => {
                    scan.open.push(Open::Array(0));
                    scan.last = Last::Nothing;
                }
                b'}' | b']' => {
                    let entry = match scan.open.pop() {
                        Some(Open::Object(key)) => key.map(PathSegment::Key),
                        Some(Open::Array(index)) => {
                            let empty = bytes.get(..at - 1).and_then(|read| {
                                read.iter().rev().find(|b| !b.is_ascii_whitespace())
                            }) == Some(&b'[');
                            (!empty).then_some(PathSegment::Index(index))
                        }
                        None => None,
                    };
                    scan.last = Last::Closed { at: at - 1, entry };
                }
                b',' => {
                    match scan.open.last_mut() {
                        Some(Open::Object(key)) => *key = None,
                        Some(Open::Array(index)) => *index += 1,
                        None => {}
                    }
                    scan.last = Last::Nothing;
                }
                b'"' => {
                    let start = at - 1;
                    at = string_end(bytes, at);
                    scan.string(text.get(start..at).unwrap_or_default());
                }
                b' ' | b'\t' | b'\n' | b'\r' | b':' => {}
                // A number, `true`, `false` or `null`.
                _ => scan.last = Last::Other,
            }
        }
        scan
    }

    /// A string read whole (quotes included): the key of the innermost
    /// object when that object awaits one, else a value.
    fn string(&mut self, quoted: &str) {
        match self.open.last_mut() {
            Some(Open::Object(key @ None)) => {
                // The key as the reader saw it, escapes decoded; a string
                // cut short by the place is no key yet.
                *key = serde_json::from_str(quoted).ok();
                self.last = Last::Key;
            }
            _ => self.last = Last::Other,
        }
    }

    /// The path of the place: one step per open container.
    fn path(&self) -> Vec<PathSegment> {
        self.open
            .iter()
            .filter_map(|open| match open {
                Open::Object(key) => key.clone().map(PathSegment::Key),
                Open::Array(index) => Some(PathSegment::Index(*index)),
            })
            .collect()
    }
}

/// The offset just past the closing quote of the string whose content
/// starts at `at` (or the end of `bytes` when it is cut).
fn string_end(bytes: &[u8], mut at: usize) -> usize {
    while let Some(&byte) = bytes.get(at) {
        at += 1;
        match byte {
            b'\\' => at += 1,
            b'"' => return at,
            _ => {}
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde::de::DeserializeOwned;

    /// The place kam reports for a read of `text` that fails once its
    /// limits are met, or `None` (it reads, breaks a limit, or its error
    /// names no place).
    fn placed<T: DeserializeOwned>(text: &str) -> Option<String> {
        super::super::check_text(text).ok()?;
        super::super::from_json::<T>(text).err()?.path()
    }

    /// The place `serde_path_to_error` tracks for the same read: what kam
    /// reported while it read through that wrapper.
    fn tracked<T: DeserializeOwned>(text: &str) -> Option<String> {
        let mut de = serde_json::Deserializer::from_str(text);
        let error = serde_path_to_error::deserialize::<_, T>(&mut de).err()?;
        Some(super::super::tracked_pointer(error.path()))
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        #[serde(deserialize_with = "super::super::unique_map::scores")]
        scores: std::collections::BTreeMap<String, u8>,
        #[serde(default)]
        rows: Vec<Vec<u8>>,
        #[serde(default)]
        inner: Option<Box<Doc>>,
    }

    fn at(text: &str) -> String {
        let place = placed::<Doc>(text).unwrap();
        assert_eq!(Some(&place), tracked::<Doc>(text).as_ref(), "{text}");
        place
    }

    #[test]
    fn keys_are_escaped_and_decoded() {
        assert_eq!(at(r#"{"scores": {"A/1": -1}}"#), "/scores/A~11");
        assert_eq!(at(r#"{"scores": {"a~b": -1}}"#), "/scores/a~0b");
        assert_eq!(
            at(r#"{"scores": {"A1.1": 1, "A1.2": "x"}}"#),
            "/scores/A1.2"
        );
        // An escaped key is placed as the reader decoded it.
        assert_eq!(at(r#"{"scores": {"\u00e9\"\\/": 1.5}}"#), "/scores/é\"\\~1");
        assert_eq!(at(r#"{"scores": {"x": 1}, "\u0073cores": {}}"#), "");
    }

    #[test]
    fn nested_arrays_name_each_index() {
        assert_eq!(
            at(r#"{"scores": {}, "rows": [[1], [2, 3, "x"]]}"#),
            "/rows/1/2"
        );
        assert_eq!(at(r#"{"scores": {}, "rows": [[1], {}]}"#), "/rows/1");
        assert_eq!(
            at("{\"scores\": {},\n \"rows\": [\n [1],\n [ 2 , {} ] ]}"),
            "/rows/1/1"
        );
    }

    #[cfg(feature = "analysis")]
    #[test]
    fn a_value_read_whole_then_refused_is_named_even_last() {
        // A framework is read whole, then as its type says: an error inside
        // it is raised after its closing bracket, and when it is the last
        // entry the parser has read its parent's bracket too.
        type Rescore = crate::analysis::rescore::RescoreInput;
        let audit = include_str!("../../examples/data/northwind-audit.json");
        let framework = include_str!("../../frameworks/kam-three-pillars.json").replacen(
            "\"version\"",
            "\"version\": 3, \"old\"",
            1,
        );
        for text in [
            format!(r#"{{"assessment": {audit}, "after": {framework}}}"#),
            format!(r#"{{"assessment": {audit}, "after": {framework} }}"#),
            format!(r#"{{"after": {framework}, "assessment": {audit}}}"#),
            format!(r#"[{{"after": {framework}}}]"#),
        ] {
            let place = placed::<Rescore>(&text).or_else(|| placed::<Vec<Rescore>>(&text));
            let tracked = tracked::<Rescore>(&text).or_else(|| tracked::<Vec<Rescore>>(&text));
            assert_eq!(place, tracked, "{text}");
        }
    }

    #[test]
    fn errors_at_the_end_of_an_object_name_the_object() {
        // A missing field is found at the closing bracket.
        assert_eq!(at(r#"{"rows": []}"#), "");
        assert_eq!(at(r#"{"scores": {}, "inner": {"rows": []} }"#), "/inner");
        assert_eq!(
            at(r#"{"scores": {}, "inner": {"scores": {}, "inner": {}}}"#),
            "/inner/inner"
        );
        // An unknown field is found at its key, a repeated one at the object.
        assert_eq!(
            at(r#"{"scores": {}, "inner": {"extra": 1}}"#),
            "/inner/extra"
        );
        assert_eq!(at(r#"{"scores": {}, "scores" : {}}"#), "");
        // A repeated key of a map that refuses them names the map.
        assert_eq!(at(r#"{"scores": {"A": 1, "A": 2, "B": 3}}"#), "/scores");
    }

    /// A JSON document that may repeat a key, as text may.
    #[derive(Debug, Clone)]
    enum Json {
        Leaf(String),
        List(Vec<Json>),
        Object(Vec<(String, Json)>),
    }

    impl Json {
        fn of(value: &serde_json::Value) -> Json {
            match value {
                serde_json::Value::Array(list) => Json::List(list.iter().map(Json::of).collect()),
                serde_json::Value::Object(map) => {
                    Json::Object(map.iter().map(|(k, v)| (k.clone(), Json::of(v))).collect())
                }
                leaf => Json::Leaf(leaf.to_string()),
            }
        }

        fn count(&self) -> usize {
            1 + match self {
                Json::Leaf(_) => 0,
                Json::List(list) => list.iter().map(Json::count).sum(),
                Json::Object(entries) => entries.iter().map(|(_, v)| v.count()).sum(),
            }
        }

        /// The node `n` in pre-order, and the number of nodes left to skip.
        fn node(&mut self, n: usize) -> Result<&mut Json, usize> {
            if n == 0 {
                return Ok(self);
            }
            let mut left = n - 1;
            let children: Vec<&mut Json> = match self {
                Json::Leaf(_) => Vec::new(),
                Json::List(list) => list.iter_mut().collect(),
                Json::Object(entries) => entries.iter_mut().map(|(_, v)| v).collect(),
            };
            for child in children {
                match child.node(left) {
                    Ok(found) => return Ok(found),
                    Err(rest) => left = rest,
                }
            }
            Err(left)
        }

        fn write(&self, style: u8, out: &mut String) {
            let gap = match style {
                0 => "",
                1 => "\n  ",
                _ => " ",
            };
            match self {
                Json::Leaf(text) => out.push_str(text),
                Json::List(list) => {
                    out.push('[');
                    for (i, v) in list.iter().enumerate() {
                        if i > 0 {
                            out.push_str(gap);
                            out.push(',');
                        }
                        out.push_str(gap);
                        v.write(style, out);
                    }
                    out.push_str(gap);
                    out.push(']');
                }
                Json::Object(entries) => {
                    out.push('{');
                    for (i, (k, v)) in entries.iter().enumerate() {
                        if i > 0 {
                            out.push_str(gap);
                            out.push(',');
                        }
                        out.push_str(gap);
                        out.push_str(&serde_json::to_string(k).unwrap());
                        out.push_str(gap);
                        out.push(':');
                        v.write(style, out);
                    }
                    out.push_str(gap);
                    out.push('}');
                }
            }
        }
    }

    const LEAVES: &[&str] = &[
        "1",
        "-1",
        "2.5",
        "300",
        "-0",
        "\"x\"",
        "\"A1.1\"",
        "true",
        "null",
        "{}",
        "[]",
        "{\"type\": \"audit\"}",
        "[1, \"a\", {}]",
        "{\"id\": 3}",
    ];
    const KEYS: &[&str] = &["extra", "a/b~c", "x.y", "\u{7}é", "type", "id"];

    /// Changes node `target` of `doc`: `op` says how, `pick` which leaf,
    /// key or entry.
    fn mutate(doc: &mut Json, target: usize, op: u8, pick: usize) {
        let Ok(node) = doc.node(target % doc.count()) else {
            return;
        };
        let leaf = || Json::Leaf(LEAVES[pick % LEAVES.len()].to_owned());
        match (op % 4, node) {
            (0, node) => *node = leaf(),
            (1, Json::Object(entries)) => {
                let key = match entries.get(pick % (entries.len() + 1)) {
                    Some((key, _)) if pick.is_multiple_of(2) => key.clone(),
                    _ => KEYS[pick % KEYS.len()].to_owned(),
                };
                entries.insert(pick % (entries.len() + 1), (key, leaf()));
            }
            (1, Json::List(list)) => list.insert(pick % (list.len() + 1), leaf()),
            (2, Json::Object(entries)) if !entries.is_empty() => {
                entries.remove(pick % entries.len());
            }
            (2, Json::List(list)) if !list.is_empty() => {
                list.remove(pick % list.len());
            }
            (3, Json::Object(entries)) if !entries.is_empty() => {
                let entry = entries[pick % entries.len()].clone();
                entries.push(entry);
            }
            _ => {}
        }
    }

    fn same_place<T: DeserializeOwned>(base: &str, edits: &[(usize, u8, usize)], style: u8) {
        let mut doc = Json::of(&serde_json::from_str(base).unwrap());
        for &(target, op, pick) in edits {
            mutate(&mut doc, target, op, pick);
        }
        let mut text = String::new();
        doc.write(style, &mut text);
        if let Some(place) = placed::<T>(&text) {
            assert_eq!(Some(place), tracked::<T>(&text), "{text}");
        }
    }

    fn edits() -> impl Strategy<Value = (Vec<(usize, u8, usize)>, u8)> {
        (
            prop::collection::vec((any::<usize>(), any::<u8>(), any::<usize>()), 1..4),
            0u8..3,
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn documents_are_placed_as_a_tracking_reader_places_them((edits, style) in edits()) {
            let audit = include_str!("../../examples/data/northwind-audit.json");
            same_place::<crate::AuditAssessment>(audit, &edits, style);
            let maturity = include_str!("../../examples/data/northwind-maturity.json");
            same_place::<crate::MaturityAssessment>(maturity, &edits, style);
            let framework = include_str!("../../frameworks/kam-three-pillars.json");
            same_place::<crate::Framework>(framework, &edits, style);
            let model = include_str!("../../frameworks/kam-maturity-model.json");
            same_place::<crate::Framework>(model, &edits, style);
        }
    }

    #[cfg(feature = "analysis")]
    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn tagged_inputs_are_placed_as_a_tracking_reader_places_them((edits, style) in edits()) {
            let audit = include_str!("../../examples/data/northwind-audit.json");
            let explain = format!(r#"{{"type": "audit", "assessment": {audit}}}"#);
            same_place::<crate::analysis::explain::ExplainInput>(&explain, &edits, style);
            let portfolio = r#"{"attractiveness": [{"id": "size", "weight": 0.6}, {"id": "growth", "weight": 0.4}], "customers": [{"id": "acme", "scores": {"access": 8, "growth": 7, "size": 10, "trust": 9}}, {"id": "bolt", "scores": {"access": 2, "growth": 9, "size": 8, "trust": 3}}], "relationship": [{"id": "access", "weight": 0.5}, {"id": "trust", "weight": 0.5}]}"#;
            same_place::<crate::analysis::portfolio::PortfolioInput>(portfolio, &edits, style);
            let rescore = format!(
                r#"{{"after": {}, "assessment": {audit}}}"#,
                include_str!("../../frameworks/kam-three-pillars.json")
            );
            same_place::<crate::analysis::rescore::RescoreInput>(&rescore, &edits, style);
            // The framework last: an error inside it is found after the
            // document's closing bracket.
            let rescore = format!(
                r#"{{"assessment": {audit}, "after": {}}}"#,
                include_str!("../../frameworks/kam-three-pillars.json")
            );
            same_place::<crate::analysis::rescore::RescoreInput>(&rescore, &edits, style);
        }
    }
}
