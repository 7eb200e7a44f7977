//! Maps that reject a repeated key instead of keeping the last value.
//!
//! JSON allows `{"A1.1": 3, "A1.1": 0}` and serde keeps the second value
//! without a word; for an audit that silently changes a score, so kam refuses.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{Deserializer, Error, MapAccess, Visitor};

/// Deserializes a map, failing on the first repeated key.
///
/// # Errors
/// A serde error naming the repeated key.
pub fn deserialize<'de, D, V>(deserializer: D) -> Result<BTreeMap<String, V>, D::Error>
where
    D: Deserializer<'de>,
    V: Deserialize<'de>,
{
    deserializer.deserialize_map(UniqueMap(PhantomData))
}

struct UniqueMap<V>(PhantomData<V>);

impl<'de, V: Deserialize<'de>> Visitor<'de> for UniqueMap<V> {
    type Value = BTreeMap<String, V>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object with unique keys")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
        let mut map = BTreeMap::new();
        while let Some(key) = access.next_key::<String>()? {
            let value = access.next_value()?;
            if map.contains_key(&key) {
                return Err(A::Error::custom(format!("key `{key}` appears twice")));
            }
            map.insert(key, value);
        }
        Ok(map)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    #[derive(serde::Deserialize, Debug)]
    struct Doc {
        #[serde(deserialize_with = "super::deserialize")]
        scores: BTreeMap<String, u8>,
    }

    #[test]
    fn repeated_key_is_an_error() {
        let err = crate::json::from_json::<Doc>(r#"{"scores": {"A1.1": 3, "A1.1": 0}}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("`A1.1` appears twice"), "{err}");
    }

    #[test]
    fn distinct_keys_are_kept() {
        let doc: Doc = crate::json::from_json(r#"{"scores": {"A1.1": 3, "A1.2": 0}}"#).unwrap();
        assert_eq!(doc.scores.len(), 2);
    }
}
