//! The parser's complaints in the user's terms: serde writes what it
//! expected as a Rust type (`expected u8`, `expected struct AuditAssessment`)
//! and what it found as a serde category ("floating point \`2.5\`"); a person
//! writing JSON, a Python dict or a JavaScript object reads "a whole number
//! from 0 to 255" and "`2.5`". A misspelt field gets the nearest valid one.

use crate::error::{did_you_mean, nearest};

/// The parser's message for a document of the wrong shape, reworded.
pub(super) fn humanize(message: &str) -> String {
    if let Some(rest) = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))
        && let Some((found, expected)) = split(rest, ", expected ", true)
    {
        return format!(
            "expected {}, found {}",
            expected_in_words(expected),
            found_in_words(found)
        );
    }
    if let Some(rest) = message.strip_prefix("invalid length ")
        && let Some((length, expected)) = split(rest, ", expected ", false)
    {
        return format!(
            "expected {}, found {length} entries",
            expected_in_words(expected)
        );
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        return unknown("field", rest, "the fields are");
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        return unknown("value", rest, "expected");
    }
    message.to_owned()
}

/// `text` split around the first (or `last`) occurrence of `separator`: a
/// plain scan, as the standard substring search would weigh on the
/// WebAssembly module.
fn split<'a>(text: &'a str, separator: &str, last: bool) -> Option<(&'a str, &'a str)> {
    let (bytes, pattern) = (text.as_bytes(), separator.as_bytes());
    let mut at = bytes
        .windows(pattern.len())
        .enumerate()
        .filter(|(_, w)| *w == pattern);
    let (start, _) = if last { at.next_back()? } else { at.next()? };
    Some((text.get(..start)?, text.get(start + pattern.len()..)?))
}

/// `unknown field `x`; did you mean `y`?`, or with the valid names listed
/// when none is near.
fn unknown(what: &str, rest: &str, listing: &str) -> String {
    let (name, expected) = split(rest, ", expected ", false).unwrap_or((rest, ""));
    let (name, expected) = match split(rest, ", there are no ", false) {
        Some((name, _)) => (name, ""),
        None => (name, expected),
    };
    let bare = name.trim_matches('`');
    let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    let suggestion = nearest(bare, known.iter().copied());
    if suggestion.is_some() {
        return format!("unknown {what} {name}{}", did_you_mean(suggestion.as_ref()));
    }
    if known.is_empty() {
        return format!("unknown {what} {name}; none is allowed here");
    }
    let list: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
    format!("unknown {what} {name}; {listing} {}", list.join(", "))
}

/// What was expected, in words: the Rust types serde names become what they
/// mean in JSON.
fn expected_in_words(expected: &str) -> String {
    let words = match expected {
        "u8" => "a whole number from 0 to 255",
        "u16" => "a whole number from 0 to 65535",
        "u32" => "a whole number from 0 to 4294967295",
        "u64" | "usize" | "u128" => "a whole number of 0 or more",
        "i8" | "i16" | "i32" | "i64" | "isize" | "i128" => "a whole number",
        "f32" | "f64" => "a number",
        "a boolean" => "`true` or `false`",
        "a borrowed string" | "a string" | "a str" => "a string",
        "a sequence" | "a tuple" => "a list",
        "a map" => "an object",
        "unit" => "`null`",
        "option" => "a value or `null`",
        "a character" => "a single character",
        other => {
            if other.starts_with("struct ") || other.starts_with("tuple struct ") {
                "an object"
            } else if other.starts_with("internally tagged enum ") {
                "an object with a `type` field"
            } else if other.starts_with("enum ") {
                "one of the values allowed here"
            } else {
                other
            }
        }
    };
    words.to_owned()
}

/// What was found, in words: `2.5`, `"3"`, `true`, `null`, a list, an object.
fn found_in_words(found: &str) -> String {
    for prefix in ["floating point ", "integer ", "boolean "] {
        if let Some(value) = found.strip_prefix(prefix) {
            return value.to_owned();
        }
    }
    if let Some(text) = found.strip_prefix("string ") {
        return format!("`{text}`");
    }
    match found {
        "unit value" | "null" => "`null`".to_owned(),
        "sequence" => "a list".to_owned(),
        "map" => "an object".to_owned(),
        other => other.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rust_types_become_json_words() {
        assert_eq!(
            humanize("invalid type: floating point `2.5`, expected u8"),
            "expected a whole number from 0 to 255, found `2.5`"
        );
        assert_eq!(
            humanize("invalid value: integer `-1`, expected u32"),
            "expected a whole number from 0 to 4294967295, found `-1`"
        );
        assert_eq!(
            humanize(r#"invalid type: string "3", expected f64"#),
            r#"expected a number, found `"3"`"#
        );
        assert_eq!(
            humanize("invalid type: sequence, expected struct AuditAssessment"),
            "expected an object, found a list"
        );
        assert_eq!(
            humanize("invalid type: unit value, expected a string"),
            "expected a string, found `null`"
        );
        assert_eq!(
            humanize("invalid type: map, expected internally tagged enum PathInput"),
            "expected an object with a `type` field, found an object"
        );
        assert_eq!(humanize("missing field `scores`"), "missing field `scores`");
        assert_eq!(
            humanize("key `A1.1` appears twice"),
            "key `A1.1` appears twice"
        );
    }

    #[test]
    fn misspelt_fields_and_values_get_the_nearest() {
        assert_eq!(
            humanize(
                "unknown field `next_action`, expected one of `strict`, `completion_threshold`, `next_actions`"
            ),
            "unknown field `next_action`; did you mean `next_actions`?"
        );
        assert_eq!(
            humanize("unknown field `extra`, expected `assessment` or `target`"),
            "unknown field `extra`; the fields are `assessment`, `target`"
        );
        assert_eq!(
            humanize("unknown field `x`, there are no fields"),
            "unknown field `x`; none is allowed here"
        );
        assert_eq!(
            humanize("unknown variant `litmsu`, expected one of `audit`, `maturity`, `litmus`"),
            "unknown value `litmsu`; did you mean `litmus`?"
        );
    }
}
