//! [`Text`]: the string type of the names and ids a report repeats from its
//! framework, so that a report shares them instead of copying them.
//!
//! A report of the Cranfield audit repeats a few hundred names, ids and
//! item texts from the framework. As owned `String`s each was an allocation
//! and a copy, most of the time a score took (docs/performance.md). A
//! [`Text`] clone copies no characters: a bundled framework's text is
//! `'static` and a clone is a pointer copy; any other text is shared by
//! reference count. In JSON, in the JSON Schemas, in Python and in
//! JavaScript a `Text` is a plain string.

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An immutable string that is cheap to clone: used for the names, ids and
/// item texts a report repeats from its framework.
///
/// It reads like a `&str` (it derefs to one) and compares, hashes and orders
/// like one, whichever way it is stored.
///
/// ```
/// use kam_core::text::Text;
///
/// let name = Text::from("Scoping KAM");
/// let copy = name.clone(); // no characters copied
/// assert_eq!(copy, "Scoping KAM");
/// assert!(copy.starts_with("Scoping"));
/// assert_eq!(String::from(copy), "Scoping KAM");
/// assert_eq!(serde_json::to_string(&name).unwrap(), r#""Scoping KAM""#);
/// ```
#[derive(Clone)]
pub struct Text(Repr);

#[derive(Clone)]
enum Repr {
    /// Text that lives as long as the program, e.g. a bundled framework's:
    /// a clone is a pointer copy, with no reference count to contend for
    /// when threads score against the same framework.
    Static(&'static str),
    /// Any other text, shared by reference count.
    Shared(Arc<str>),
}

impl Text {
    /// A `Text` of a string that lives as long as the program.
    pub const fn from_static(text: &'static str) -> Self {
        Text(Repr::Static(text))
    }

    /// The text as a `&str`.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Static(text) => text,
            Repr::Shared(text) => text,
        }
    }
}

impl Default for Text {
    fn default() -> Self {
        Text::from_static("")
    }
}

impl Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        Text(Repr::Shared(Arc::from(text)))
    }
}

impl From<String> for Text {
    fn from(text: String) -> Self {
        Text(Repr::Shared(Arc::from(text)))
    }
}

impl From<&String> for Text {
    fn from(text: &String) -> Self {
        Text::from(text.as_str())
    }
}

impl From<Text> for String {
    fn from(text: Text) -> Self {
        text.as_str().to_owned()
    }
}

impl From<&Text> for String {
    fn from(text: &Text) -> Self {
        text.as_str().to_owned()
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<Text> for str {
    fn eq(&self, other: &Text) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialOrd for Text {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Text {
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

// Hashes as a `str`, as `Borrow<str>` requires.
impl Hash for Text {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(TextVisitor)
    }
}

/// Reads a string straight into shared storage (one allocation, where going
/// through `String` would take two).
struct TextVisitor;

impl serde::de::Visitor<'_> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Text, E> {
        Ok(Text::from(text))
    }

    fn visit_string<E: serde::de::Error>(self, text: String) -> Result<Text, E> {
        Ok(Text::from(text))
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Text {
    fn inline_schema() -> bool {
        <String as schemars::JsonSchema>::inline_schema()
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        <String as schemars::JsonSchema>::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        <String as schemars::JsonSchema>::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <String as schemars::JsonSchema>::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    #[test]
    fn static_and_shared_text_are_equal_and_order_as_strings() {
        let pinned = Text::from_static("B2");
        assert_eq!(pinned, Text::from("B2"));
        let earlier = Text::from("A10");
        assert!(earlier < pinned);
        let mut map = BTreeMap::new();
        map.insert(pinned, 1);
        assert_eq!(map.get("B2"), Some(&1));
    }

    #[test]
    fn reads_and_writes_json_as_a_string() {
        let text: Text = serde_json::from_str(r#""Roll-out \"one\"""#).unwrap();
        assert_eq!(text, "Roll-out \"one\"");
        assert_eq!(
            serde_json::to_string(&text).unwrap(),
            r#""Roll-out \"one\"""#
        );
        assert!(serde_json::from_str::<Text>("3").is_err());
        assert_eq!(format!("{text:?}"), format!("{:?}", "Roll-out \"one\""));
    }

    #[test]
    fn is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Text>();
    }
}
