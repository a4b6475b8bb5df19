use serde::{Deserialize, Serialize};

/// Pressure on the 1–5 scale therapists use, each level with a name.
/// Written as its number; a file edited by hand may give the name instead
/// (`pressure: "firm"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(into = "u8")]
pub struct Pressure(u8);

/// What a pressure may be, said to a therapist editing a file by hand.
pub const PRESSURE_HINT: &str =
    "pressure is a number from 1 to 5, or its name: very light, light, medium, firm, deep";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{PRESSURE_HINT}; not {0}")]
pub struct PressureOutOfRange(pub u8);

impl Pressure {
    pub const MEDIUM: Pressure = Pressure(3);

    pub fn new(level: u8) -> Result<Self, PressureOutOfRange> {
        if (1..=5).contains(&level) {
            Ok(Pressure(level))
        } else {
            Err(PressureOutOfRange(level))
        }
    }

    pub fn all() -> impl Iterator<Item = Pressure> {
        (1..=5).map(Pressure)
    }

    pub fn level(self) -> u8 {
        self.0
    }

    pub fn name(self) -> &'static str {
        match self.0 {
            1 => "very light",
            2 => "light",
            3 => "medium",
            4 => "firm",
            _ => "deep",
        }
    }

    /// The pressure named `name` ("firm", "Very light", "very_light").
    pub fn from_name(name: &str) -> Option<Pressure> {
        let wanted: String = name
            .trim()
            .chars()
            .map(|c| if c == '_' || c == '-' { ' ' } else { c })
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        Pressure::all().find(|p| p.name() == wanted)
    }

    /// "firm (4/5)", as on the sheet and in the editor.
    pub fn label(self) -> String {
        format!("{} ({}/5)", self.name(), self.0)
    }
}

impl Default for Pressure {
    fn default() -> Self {
        Pressure::MEDIUM
    }
}

impl TryFrom<u8> for Pressure {
    type Error = PressureOutOfRange;
    fn try_from(level: u8) -> Result<Self, Self::Error> {
        Pressure::new(level)
    }
}

impl From<Pressure> for u8 {
    fn from(pressure: Pressure) -> u8 {
        pressure.0
    }
}

impl<'de> Deserialize<'de> for Pressure {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if deserializer.is_human_readable() {
            deserializer.deserialize_any(PressureVisitor)
        } else {
            deserializer.deserialize_u8(PressureVisitor)
        }
    }
}

/// Takes the number, or the name in a hand-edited file.
struct PressureVisitor;

impl serde::de::Visitor<'_> for PressureVisitor {
    type Value = Pressure;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(PRESSURE_HINT)
    }

    fn visit_u64<E: serde::de::Error>(self, level: u64) -> Result<Pressure, E> {
        let level = u8::try_from(level).unwrap_or(u8::MAX);
        Pressure::new(level).map_err(E::custom)
    }

    fn visit_i64<E: serde::de::Error>(self, level: i64) -> Result<Pressure, E> {
        match u64::try_from(level) {
            Ok(level) => self.visit_u64(level),
            Err(_) => Err(E::custom(format_args!("{PRESSURE_HINT}; not {level}"))),
        }
    }

    fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<Pressure, E> {
        Pressure::from_name(name)
            .ok_or_else(|| E::custom(format_args!("{PRESSURE_HINT}; not \"{name}\"")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pressure_is_found_by_its_name_in_any_spelling() {
        for (name, level) in [
            ("firm", 4),
            ("Firm", 4),
            ("very light", 1),
            ("very_light", 1),
            (" Very  light ", 1),
            ("deep", 5),
        ] {
            assert_eq!(Pressure::from_name(name).map(Pressure::level), Some(level));
        }
        for name in ["", "hard", "very", "4"] {
            assert_eq!(Pressure::from_name(name), None, "{name}");
        }
    }
}
