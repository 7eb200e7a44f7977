//! Maps that reject a repeated key instead of keeping the last value.
//!
//! JSON allows `{"A1.1": 3, "A1.1": 0}` and serde keeps the second value
//! without a word; for an audit that silently changes a score, so kam refuses.

use std::collections::BTreeMap;
use std::collections::btree_map::Entry;
use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{Deserializer, Error, MapAccess, Unexpected, Visitor};

/// Deserializes a map, failing on the first repeated key.
///
/// # Errors
/// A serde error naming the repeated key.
pub fn deserialize<'de, D, V>(deserializer: D) -> Result<BTreeMap<String, V>, D::Error>
where
    D: Deserializer<'de>,
    V: Deserialize<'de>,
{
    deserializer.deserialize_map(UniqueMap::<AsRead<V>>(PhantomData))
}

/// Deserializes the scores of an assessment: unique keys, each value a
/// whole number that the message calls a score on the framework's scale.
///
/// # Errors
/// A serde error naming the repeated key or the value that is no score.
pub fn scores<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<BTreeMap<String, u8>, D::Error> {
    whole::<D, Score>(deserializer)
}

/// Deserializes the stages of a maturity assessment, as [`scores`] does.
///
/// # Errors
/// A serde error naming the repeated key or the value that is no stage.
pub fn stages<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<BTreeMap<String, u8>, D::Error> {
    whole::<D, Stage>(deserializer)
}

fn whole<'de, D: Deserializer<'de>, W: Words>(
    deserializer: D,
) -> Result<BTreeMap<String, u8>, D::Error> {
    deserializer.deserialize_map(UniqueMap::<Whole<W>>(PhantomData))
}

/// What a small whole number is called in messages.
trait Words {
    const EXPECTING: &'static str;
}

struct Score;

impl Words for Score {
    const EXPECTING: &'static str = "a score: a whole number on the framework's scale";
}

struct Stage;

impl Words for Stage {
    const EXPECTING: &'static str = "a stage: a whole number from 1 to the model's last stage";
}

/// A whole number from 0 to 255, called what `W` says in messages.
struct Whole<W>(u8, PhantomData<W>);

impl<'de, W: Words> Deserialize<'de> for Whole<W> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Number<W>(PhantomData<W>);

        impl<W: Words> Visitor<'_> for Number<W> {
            type Value = Whole<W>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(W::EXPECTING)
            }

            fn visit_u64<E: Error>(self, value: u64) -> Result<Whole<W>, E> {
                u8::try_from(value)
                    .map(|n| Whole(n, PhantomData))
                    .map_err(|_| E::invalid_value(Unexpected::Unsigned(value), &self))
            }

            fn visit_i64<E: Error>(self, value: i64) -> Result<Whole<W>, E> {
                u8::try_from(value)
                    .map(|n| Whole(n, PhantomData))
                    .map_err(|_| E::invalid_value(Unexpected::Signed(value), &self))
            }
        }

        deserializer.deserialize_u8(Number(PhantomData))
    }
}

struct UniqueMap<V>(PhantomData<V>);

/// A map value as it is kept: most values as they are read; a [`Whole`] as
/// its number.
trait Kept {
    type As;
    fn kept(self) -> Self::As;
}

impl<W> Kept for Whole<W> {
    type As = u8;
    fn kept(self) -> u8 {
        self.0
    }
}

/// Any other value, kept as it is read.
struct AsRead<V>(V);

impl<'de, V: Deserialize<'de>> Deserialize<'de> for AsRead<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        V::deserialize(deserializer).map(AsRead)
    }
}

impl<V> Kept for AsRead<V> {
    type As = V;
    fn kept(self) -> V {
        self.0
    }
}

impl<'de, V: Deserialize<'de> + Kept> Visitor<'de> for UniqueMap<V> {
    type Value = BTreeMap<String, V::As>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object with unique keys")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
        let mut map = BTreeMap::new();
        while let Some(key) = access.next_key::<String>()? {
            let value: V = access.next_value()?;
            // One search of the map per key: the entry both finds a repeat
            // and keeps a new key.
            match map.entry(key) {
                Entry::Vacant(slot) => {
                    slot.insert(value.kept());
                }
                Entry::Occupied(slot) => {
                    // The rest is read first, so the error names the map
                    // (super::place).
                    while access
                        .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
                        .is_some()
                    {}
                    let key = slot.key();
                    return Err(A::Error::custom(format!("key `{key}` appears twice")));
                }
            }
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
    fn scores_are_called_scores() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Scored {
            #[serde(deserialize_with = "super::scores")]
            scores: BTreeMap<String, u8>,
        }
        for value in ["2.5", "-1", "256", "\"3\""] {
            let text = format!(r#"{{"scores": {{"A1.1": {value}}}}}"#);
            let err = crate::json::from_json::<Scored>(&text).unwrap_err();
            assert_eq!(
                err.to_string(),
                format!(
                    "invalid input at `/scores/A1.1`: expected a score: a whole number on the framework's scale, found `{value}`"
                )
            );
        }
        let ok: Scored = crate::json::from_json(r#"{"scores": {"A1.1": 3}}"#).unwrap();
        assert_eq!(ok.scores["A1.1"], 3);
    }

    #[test]
    fn distinct_keys_are_kept() {
        let doc: Doc = crate::json::from_json(r#"{"scores": {"A1.1": 3, "A1.2": 0}}"#).unwrap();
        assert_eq!(doc.scores.len(), 2);
    }
}
