use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// A physician's or surgeon's go-ahead for massage despite a finding that
/// refers the client out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clearance {
    /// Who cleared the client ("Dr. Weber, orthopaedic surgeon").
    pub by: String,
    pub date: Date,
    #[serde(default)]
    pub note: String,
}

impl Clearance {
    /// Complete enough to stand on: someone named.
    pub fn is_complete(&self) -> bool {
        !self.by.trim().is_empty()
    }
}

impl std::fmt::Display for Clearance {
    /// "cleared by Dr. Weber on 2026-11-20: light work only".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cleared by {} on {}", self.by.trim(), self.date)?;
        if !self.note.trim().is_empty() {
            write!(f, ": {}", self.note.trim())?;
        }
        Ok(())
    }
}
