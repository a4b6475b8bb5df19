//! Line and column of a value in a plan file, for findings that are only
//! found after the plan has loaded (a session record for a step the plan
//! does not have). The text is read again by the RON parser itself, walking
//! down to the value and stopping there with an error: the parser's
//! position is then the value's, whatever comments, order or layout the
//! file has.

use std::fmt;
use std::path::Path;

use ron::error::Position;
use serde::Deserializer;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::error::Location;
use super::read::read_bounded;
use crate::model::Field;

/// Where `field` stands in the RON `text`; `None` when it is not there.
pub fn locate(text: &str, field: &[Field]) -> Option<Location> {
    if field.is_empty() {
        return None;
    }
    match ron::Options::default().from_str_seed(text, Walk(field)) {
        Err(e) if e.code.to_string() == FOUND => {
            let Position { line, col } = e.span.start;
            // The parser stands inside a string; its opening quote is the place.
            let quoted = text
                .lines()
                .nth(line.saturating_sub(1))
                .and_then(|l| l.chars().nth(col.saturating_sub(2)))
                == Some('"');
            Some(Location {
                line,
                col: if quoted { col - 1 } else { col },
            })
        }
        _ => None,
    }
}

/// Where `field` stands in the plan file at `path`; `None` when the file
/// cannot be read again or the value is not there.
pub fn locate_in_file(path: &Path, field: &[Field]) -> Option<Location> {
    let bytes = read_bounded(path).ok()?;
    locate(std::str::from_utf8(&bytes).ok()?, field)
}

/// The error that stops the walk at the value sought.
const FOUND: &str = "massage-planner: value found";

struct Walk<'a>(&'a [Field]);

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a plan")
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        if self.0.is_empty() {
            return Err(de::Error::custom(FOUND));
        }
        deserializer.deserialize_any(self)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Some((Field::Named(name), rest)) = self.0.split_first() else {
            return Err(de::Error::custom(FOUND));
        };
        while let Some(key) = map.next_key::<String>()? {
            if key == *name {
                return map.next_value_seed(Walk(rest));
            }
            map.next_value::<IgnoredAny>()?;
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Some((Field::Index(index), rest)) = self.0.split_first() else {
            return Err(de::Error::custom(FOUND));
        };
        for _ in 0..*index {
            if seq.next_element::<IgnoredAny>()?.is_none() {
                return Ok(());
            }
        }
        seq.next_element_seed(Walk(rest)).map(|_| ())
    }

    // A plain value (number, string, name) is the one sought, or the path
    // runs past it.
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.at_end()
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.at_end()
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.at_end()
    }
    fn visit_i128<E: de::Error>(self, _: i128) -> Result<(), E> {
        self.at_end()
    }
    fn visit_u128<E: de::Error>(self, _: u128) -> Result<(), E> {
        self.at_end()
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.at_end()
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        self.at_end()
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.at_end()
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.at_end()
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        self.at_end()
    }
}

impl Walk<'_> {
    fn at_end<E: de::Error>(&self) -> Result<(), E> {
        if self.0.is_empty() {
            Err(E::custom(FOUND))
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Field::{Index, Named};

    const TEXT: &str = "// a plan
(
    format: 3,
    steps: [(minutes: 5), (minutes: 7)],
    record: Some((
        // started first
        started: \"2026-11-04T09:00:00\",
        ended: \"2026-11-04T08:00:00\",
        steps: [
            (step: 1, seconds: 300),
            (seconds: 20, step: 9),
        ],
    )),
)";

    fn at(field: &[Field]) -> Option<(usize, usize)> {
        locate(TEXT, field).map(|l| (l.line, l.col))
    }

    #[test]
    fn finds_values_in_structs_lists_and_options() {
        assert_eq!(at(&[Named("format")]), Some((3, 13)));
        assert_eq!(at(&[Named("record"), Named("ended")]), Some((8, 16)));
        assert_eq!(
            at(&[Named("record"), Named("steps"), Index(1), Named("step")]),
            Some((11, 33))
        );
        assert_eq!(
            at(&[Named("steps"), Index(1), Named("minutes")]),
            Some((4, 37))
        );
    }

    #[test]
    fn a_value_that_is_not_there_has_no_place() {
        assert_eq!(at(&[Named("pain_after")]), None);
        assert_eq!(at(&[Named("steps"), Index(5), Named("minutes")]), None);
        assert_eq!(at(&[]), None);
        assert_eq!(locate("not ron (", &[Named("format")]), None);
    }
}
