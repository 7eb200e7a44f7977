//! Reading a report's [`Position`] back (a report given to `describe`).
//!
//! serde's derive for a `type`-tagged enum copies the object into a buffer
//! of its own before reading the variant from it: reading code the engine
//! carries for this one type (3 KB of the WebAssembly module, gzipped). The
//! two variants' fields have distinct names, so one pass over the object can
//! gather them all and then build the variant its `type` names.
//!
//! It accepts and refuses what the derive did (unknown fields are ignored,
//! a field given twice or missing is refused with serde's own words), with
//! three differences, none of which a report kam writes can meet:
//! - the other variant's fields (a `score` in a `period` position) are read
//!   and checked like the variant's own, since `type` may come after them;
//!   the derive ignored them;
//! - an error in a field's value names the field (`/position/fraction`),
//!   where the derive's buffer could only name the whole position;
//! - the derive's list form (`["best-practice", 387]`) is refused, as any
//!   list is.

use serde::Deserialize;
use serde::de::{self, IgnoredAny, MapAccess, Visitor};

use super::report::Position;
use crate::text::Text;

/// A position's `type`, read as the derive reads a tag (an enum read as
/// itself would take `3` for a syntax error in JSON text).
#[derive(Deserialize)]
#[serde(variant_identifier, rename_all = "kebab-case")]
enum Kind {
    Period,
    BestPractice,
}

/// A position's field names, as the derive knows them.
#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum Field {
    Type,
    Period,
    Number,
    Name,
    Phase,
    From,
    To,
    Fraction,
    Score,
    #[serde(other)]
    Other,
}

/// Every field either variant has, as read so far.
#[derive(Default)]
struct Fields {
    kind: Option<Kind>,
    period: Option<Text>,
    number: Option<u32>,
    name: Option<Text>,
    phase: Option<Text>,
    from: Option<u32>,
    to: Option<u32>,
    fraction: Option<f64>,
    score: Option<u32>,
}

impl<'de> Deserialize<'de> for Position {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(PositionVisitor)
    }
}

struct PositionVisitor;

impl<'de> Visitor<'de> for PositionVisitor {
    type Value = Position;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an object with a `type` field")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Position, A::Error> {
        let mut fields = Fields::default();
        while let Some(field) = map.next_key::<Field>()? {
            match field {
                Field::Type => read(&mut map, &mut fields.kind, "type")?,
                Field::Period => read(&mut map, &mut fields.period, "period")?,
                Field::Number => read(&mut map, &mut fields.number, "number")?,
                Field::Name => read(&mut map, &mut fields.name, "name")?,
                Field::Phase => read(&mut map, &mut fields.phase, "phase")?,
                Field::From => read(&mut map, &mut fields.from, "from")?,
                Field::To => read(&mut map, &mut fields.to, "to")?,
                Field::Fraction => read(&mut map, &mut fields.fraction, "fraction")?,
                Field::Score => read(&mut map, &mut fields.score, "score")?,
                Field::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        fields.position()
    }
}

/// Reads the value of the field `name` into `slot`, refusing a second one.
fn read<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    map: &mut A,
    slot: &mut Option<T>,
    name: &'static str,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(de::Error::duplicate_field(name));
    }
    *slot = Some(map.next_value()?);
    Ok(())
}

/// The value of the field `name`, which the position's variant needs.
fn needed<T, E: de::Error>(value: Option<T>, name: &'static str) -> Result<T, E> {
    value.ok_or_else(|| E::missing_field(name))
}

impl Fields {
    /// The variant `type` names, from its fields; the other's are ignored,
    /// as the derive ignores any field its variant does not have.
    fn position<E: de::Error>(self) -> Result<Position, E> {
        Ok(match needed(self.kind, "type")? {
            Kind::Period => Position::Period {
                period: needed(self.period, "period")?,
                number: needed(self.number, "number")?,
                name: needed(self.name, "name")?,
                phase: needed(self.phase, "phase")?,
                from: needed(self.from, "from")?,
                to: needed(self.to, "to")?,
                fraction: needed(self.fraction, "fraction")?,
            },
            Kind::BestPractice => Position::BestPractice {
                score: needed(self.score, "score")?,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Position;

    /// The derive this reader replaces, for comparison.
    #[derive(Debug, PartialEq, serde::Deserialize)]
    #[serde(tag = "type", rename_all = "kebab-case")]
    enum Derived {
        Period {
            period: String,
            number: u32,
            name: String,
            phase: String,
            from: u32,
            to: u32,
            fraction: f64,
        },
        BestPractice {
            score: u32,
        },
    }

    fn as_derived(position: Position) -> Derived {
        match position {
            Position::Period {
                period,
                number,
                name,
                phase,
                from,
                to,
                fraction,
            } => Derived::Period {
                period: period.to_string(),
                number,
                name: name.to_string(),
                phase: phase.to_string(),
                from,
                to,
                fraction,
            },
            Position::BestPractice { score } => Derived::BestPractice { score },
        }
    }

    /// Reads `json` both ways: the same position, or the same message.
    fn same_as_the_derive(json: &str) {
        let ours = serde_json::from_str::<Position>(json).map(as_derived);
        let derived = serde_json::from_str::<Derived>(json);
        match (ours, derived) {
            (Ok(ours), Ok(derived)) => assert_eq!(ours, derived, "{json}"),
            (Err(ours), Err(derived)) => {
                assert_eq!(without_place(&ours), without_place(&derived), "{json}");
            }
            (ours, derived) => panic!("{json}: ours {ours:?}, the derive's {derived:?}"),
        }
    }

    fn without_place(e: &serde_json::Error) -> String {
        let text = e.to_string();
        let place = format!(" at line {} column {}", e.line(), e.column());
        text.strip_suffix(&place).unwrap_or(&text).to_owned()
    }

    #[test]
    fn a_value_that_is_not_an_object_is_refused_in_kams_words() {
        let err = crate::json::from_json::<Position>(r#""period""#).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid input at the top level: expected an object with a `type` field, found `\"period\"`"
        );
    }

    #[test]
    fn the_other_variants_fields_are_checked_too() {
        let json = r#"{"type":"best-practice","score":387,"period":5}"#;
        assert!(serde_json::from_str::<Derived>(json).is_ok());
        let err = crate::json::from_json::<Position>(json).unwrap_err();
        assert_eq!(err.path().as_deref(), Some("/period"));
        assert_eq!(
            err.to_string(),
            "invalid input at `/period`: expected a string, found `5`"
        );
    }

    #[test]
    fn an_error_in_a_value_names_its_field() {
        let json = r#"{"type":"period","period":"B1","number":3,"name":"Exploratory","phase":"B","from":10,"to":20,"fraction":"half"}"#;
        let err = crate::json::from_json::<Position>(json).unwrap_err();
        assert_eq!(err.path().as_deref(), Some("/fraction"));
    }

    #[test]
    fn reads_and_refuses_as_the_derive() {
        let period = r#""period":"B1","number":3,"name":"Exploratory","phase":"B","from":10,"to":20,"fraction":0.5"#;
        for json in [
            format!(r#"{{"type":"period",{period}}}"#),
            format!(r#"{{{period},"type":"period"}}"#),
            format!(r#"{{"type":"period",{period},"extra":[1,{{"a":2}}]}}"#),
            format!(r#"{{"type":"period",{period},"score":3}}"#),
            format!(r#"{{"type":"period",{period},"elsewhere":null}}"#),
            r#"{"type":"best-practice","score":387}"#.to_owned(),
            r#"{"score":387,"type":"best-practice"}"#.to_owned(),
            r#"{"type":"best-practice"}"#.to_owned(),
            r#"{"type":"period","period":"B1"}"#.to_owned(),
            r#"{"type":"elsewhere","score":1}"#.to_owned(),
            r#"{"type":3}"#.to_owned(),
            r#"{"score":1}"#.to_owned(),
            r#"{"type":"best-practice","score":1,"score":2}"#.to_owned(),
            r#"{"type":"best-practice","score":"all"}"#.to_owned(),
        ] {
            same_as_the_derive(&json);
        }
    }
}
