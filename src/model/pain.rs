use serde::{Deserialize, Serialize};

use super::PainDrawing;

/// Pain as the client rates it, 0 (none) to 10 (worst imaginable); a separate
/// scale from pressure.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(try_from = "u8", into = "u8")]
pub struct PainLevel(u8);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("pain must be 0 (none) to 10 (worst), not {0}")]
pub struct PainOutOfRange(pub u8);

impl PainLevel {
    pub const MAX: PainLevel = PainLevel(10);

    pub fn new(level: u8) -> Result<Self, PainOutOfRange> {
        if level <= 10 {
            Ok(PainLevel(level))
        } else {
            Err(PainOutOfRange(level))
        }
    }

    pub fn level(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for PainLevel {
    type Error = PainOutOfRange;
    fn try_from(level: u8) -> Result<Self, Self::Error> {
        PainLevel::new(level)
    }
}

impl From<PainLevel> for u8 {
    fn from(pain: PainLevel) -> u8 {
        pain.0
    }
}

/// A pain rating, where the client feels it in words and, since format 3,
/// as a drawing on the body chart.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pain {
    pub level: PainLevel,
    #[serde(default)]
    pub location: String,
    #[serde(default, skip_serializing_if = "PainDrawing::is_empty")]
    pub drawing: PainDrawing,
}

impl std::fmt::Display for Pain {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/10", self.level.level())?;
        if !self.location.trim().is_empty() {
            write!(f, " ({})", self.location.trim())?;
        }
        Ok(())
    }
}
