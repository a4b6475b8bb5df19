//! What happened in a session: when it ran, per step the time actually spent,
//! done or skipped, pressure changed and a note; afterwards the client's
//! response and notes in SOAP form. Written by the session runner, completed
//! in the after-session form, saved with the plan.

use jiff::civil::DateTime;
use serde::{Deserialize, Serialize};

use super::{Plan, Pressure};

/// The record of one session as it ran.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionRecord {
    /// Local wall-clock time the session started and ended.
    pub started: DateTime,
    pub ended: DateTime,
    /// One entry per step the session reached, in the order of the plan.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<StepRecord>,
    /// How the client responded: to pressure, to the techniques, afterwards.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub client_response: String,
    #[serde(default, skip_serializing_if = "Soap::is_empty")]
    pub soap: Soap,
}

/// What happened to one planned step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepRecord {
    /// The step's number in the plan, counting from 1 as on the sheet.
    pub step: usize,
    /// Time actually spent on the step.
    pub seconds: Seconds,
    pub outcome: Outcome,
    /// The pressure used when it was changed during the session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pressure: Option<Pressure>,
    /// A note typed during the session.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Outcome {
    Done,
    Skipped,
}

impl Outcome {
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Done => "done",
            Outcome::Skipped => "skipped",
        }
    }
}

/// Session notes in the usual SOAP form.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Soap {
    /// What the client reports: goals, pain, how they feel.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub subjective: String,
    /// What the therapist found: tissue, range of motion, posture.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub objective: String,
    /// The therapist's reading of the two.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub assessment: String,
    /// The plan for next time.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub plan: String,
}

impl Soap {
    pub fn is_empty(&self) -> bool {
        self.subjective.is_empty()
            && self.objective.is_empty()
            && self.assessment.is_empty()
            && self.plan.is_empty()
    }

    /// The Subjective part as the therapist starts it: the plan's goals
    /// and the pain the client reported before the session.
    pub fn subjective_from(plan: &Plan) -> String {
        let mut lines = Vec::new();
        if !plan.goals.trim().is_empty() {
            lines.push(format!("Goals: {}", plan.goals.trim()));
        }
        if let Some(pain) = &plan.pain_before {
            lines.push(format!("Pain before: {pain}"));
        }
        lines.join("\n")
    }
}

/// Whole seconds, never negative; a negative number in a file is refused
/// where it stands, with its line and column.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(try_from = "i64", into = "u32")]
pub struct Seconds(u32);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SecondsOutOfRange {
    #[error("the seconds spent on a step cannot be negative, not {0}")]
    Negative(i64),
    #[error("{0} seconds is more than a session can take")]
    TooLarge(i64),
}

impl Seconds {
    pub const fn new(seconds: u32) -> Self {
        Seconds(seconds)
    }

    pub fn get(self) -> u32 {
        self.0
    }

    /// "12:05": minutes and seconds, as on the session screen and sheet.
    pub fn clock(self) -> String {
        format!("{}:{:02}", self.0 / 60, self.0 % 60)
    }
}

impl TryFrom<i64> for Seconds {
    type Error = SecondsOutOfRange;
    fn try_from(seconds: i64) -> Result<Self, Self::Error> {
        if seconds < 0 {
            return Err(SecondsOutOfRange::Negative(seconds));
        }
        u32::try_from(seconds)
            .map(Seconds)
            .map_err(|_| SecondsOutOfRange::TooLarge(seconds))
    }
}

impl From<Seconds> for u32 {
    fn from(seconds: Seconds) -> u32 {
        seconds.0
    }
}

impl SessionRecord {
    /// The record of step `index` (0-based), if the session reached it.
    pub fn step(&self, index: usize) -> Option<&StepRecord> {
        self.steps.iter().find(|s| s.step == index + 1)
    }

    /// Time spent on all steps together.
    pub fn total_seconds(&self) -> u64 {
        self.steps.iter().map(|s| u64::from(s.seconds.get())).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_refuse_negative_and_huge_numbers() {
        assert_eq!(Seconds::try_from(0), Ok(Seconds(0)));
        assert_eq!(Seconds::try_from(-1), Err(SecondsOutOfRange::Negative(-1)));
        assert!(Seconds::try_from(i64::from(u32::MAX) + 1).is_err());
        assert_eq!(Seconds(725).clock(), "12:05");
    }
}
