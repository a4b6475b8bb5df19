use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{Acknowledgement, Muscle, MuscleSide, Pain, Pressure, Side, Technique};

/// The plan file format this build writes. Older formats are migrated on
/// load (see `store::format`); newer ones are refused.
/// Format 2 added pain ratings and acknowledged warnings.
pub const FORMAT_VERSION: u32 = 2;

/// One session for one client. Field order here is the order in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    #[serde(default = "current_format")]
    pub format: u32,
    pub client: Client,
    pub date: Date,
    #[serde(default)]
    pub therapist: String,
    /// Planned length of the whole session, in minutes.
    #[serde(default = "default_session_minutes")]
    pub session_minutes: u16,
    #[serde(default)]
    pub goals: String,
    #[serde(default)]
    pub precautions: String,
    #[serde(default)]
    pub self_care: String,
    /// Pain the client reports before the session, and after.
    #[serde(default)]
    pub pain_before: Option<Pain>,
    #[serde(default)]
    pub pain_after: Option<Pain>,
    #[serde(default)]
    pub steps: Vec<Step>,
    /// Screening warnings the therapist has read and decided on.
    #[serde(default)]
    pub acknowledged: Vec<Acknowledgement>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Client {
    pub name: String,
    /// The practice's own client number or code; empty when not used.
    #[serde(default)]
    pub id: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub muscle: Muscle,
    pub side: Side,
    pub technique: Technique,
    #[serde(default)]
    pub pressure: Pressure,
    pub minutes: u16,
    #[serde(default)]
    pub notes: String,
}

fn current_format() -> u32 {
    FORMAT_VERSION
}

pub const DEFAULT_SESSION_MINUTES: u16 = 60;

fn default_session_minutes() -> u16 {
    DEFAULT_SESSION_MINUTES
}

impl Plan {
    /// An empty plan for `date`, ready for a client name and steps.
    pub fn new(date: Date) -> Self {
        Plan {
            format: FORMAT_VERSION,
            client: Client::default(),
            date,
            therapist: String::new(),
            session_minutes: DEFAULT_SESSION_MINUTES,
            goals: String::new(),
            precautions: String::new(),
            self_care: String::new(),
            pain_before: None,
            pain_after: None,
            steps: Vec::new(),
            acknowledged: Vec::new(),
        }
    }

    pub fn total_minutes(&self) -> u32 {
        self.steps.iter().map(|s| u32::from(s.minutes)).sum()
    }

    /// The steps (0-based index and step) whose work touches `region`: a
    /// step on both sides touches each side, and a one-sided step touches a
    /// both-sides region.
    pub fn steps_on(&self, region: MuscleSide) -> impl Iterator<Item = (usize, &Step)> {
        self.steps
            .iter()
            .enumerate()
            .filter(move |(_, s)| s.region().overlaps(region))
    }

    /// A copy for the next session with the same client: same steps, new
    /// date; pain is asked afresh and warnings are decided afresh.
    pub fn next_session(&self, date: Date) -> Plan {
        Plan {
            date,
            pain_before: None,
            pain_after: None,
            acknowledged: Vec::new(),
            ..self.clone()
        }
    }

    /// The acknowledgement of rule `rule` on `region` (`None`: whole plan).
    pub fn acknowledgement(
        &self,
        rule: &str,
        region: Option<MuscleSide>,
    ) -> Option<&Acknowledgement> {
        self.acknowledged.iter().find(|a| a.is_for(rule, region))
    }
}

impl Step {
    /// The muscle and side this step works.
    pub fn region(&self) -> MuscleSide {
        MuscleSide::new(self.muscle, self.side)
    }

    pub fn new(muscle: Muscle, side: Side, technique: Technique, pressure: Pressure) -> Self {
        Step {
            muscle,
            side,
            technique,
            pressure,
            minutes: 5,
            notes: String::new(),
        }
    }
}
