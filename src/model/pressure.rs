use serde::{Deserialize, Serialize};

/// Pressure on the 1–5 scale therapists use, each level with a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Pressure(u8);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("pressure must be 1 (very light) to 5 (deep), not {0}")]
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
