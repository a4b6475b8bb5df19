use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{
    Acknowledgement, Muscle, MuscleSide, Pain, Position, Pressure, SessionRecord, Side, Technique,
};

/// The plan file format this build writes. Older formats are migrated on
/// load (see `store::format`); newer ones are refused.
/// Format 2 added pain ratings and acknowledged warnings; format 3 the
/// session record, the pain drawing and a step's trigger point, the
/// client's position per step and, on acknowledgements, the conditions
/// they were decided on and a clearance.
pub const FORMAT_VERSION: u32 = 3;

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
    /// What happened in the session, once it has run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<SessionRecord>,
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
    /// How the client lies for this step; `None` when not planned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
    #[serde(default)]
    pub notes: String,
    /// The one trigger point (an id from the muscle's referral pattern) the
    /// step targets; `None`: the muscle as a whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger_point: Option<String>,
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
            record: None,
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

    /// A copy for the next session with the same client: same steps,
    /// precautions and self-care, new date; goals and pain are asked afresh
    /// (last time's "Today: …" is not today's), and the session has no
    /// record yet. Acknowledgements that recorded the client's conditions
    /// they were decided on are kept: screening honours them only while the
    /// record still says the same, so a therapist decides once per
    /// condition, not every week. Older ones are decided afresh.
    pub fn next_session(&self, date: Date) -> Plan {
        Plan {
            date,
            goals: String::new(),
            pain_before: None,
            pain_after: None,
            acknowledged: self
                .acknowledged
                .iter()
                .filter(|a| a.because.is_some())
                .cloned()
                .collect(),
            record: None,
            ..self.clone()
        }
    }

    /// The next session planned from this one's record: the pressure that
    /// was changed during the session becomes the planned pressure, and
    /// the SOAP *Plan* (what to do next time) becomes the goals. Without a
    /// record this is [`Plan::next_session`].
    pub fn follow_up(&self, date: Date) -> Plan {
        let mut next = self.next_session(date);
        let Some(record) = &self.record else {
            return next;
        };
        for (index, step) in next.steps.iter_mut().enumerate() {
            if let Some(pressure) = record.step(index).and_then(|r| r.pressure) {
                step.pressure = pressure;
            }
        }
        if !record.soap.plan.trim().is_empty() {
            next.goals = record.soap.plan.trim().to_owned();
        }
        next
    }

    /// How many times the client turns over during the session.
    pub fn position_changes(&self) -> usize {
        super::position::position_changes(&self.steps)
    }

    /// The steps reordered to turn the client as few times as possible,
    /// keeping the planned order within each position.
    pub fn steps_turned_less(&self) -> Vec<Step> {
        super::position::order_to_turn_less(&self.steps)
            .into_iter()
            .filter_map(|i| self.steps.get(i).cloned())
            .collect()
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
            position: None,
            notes: String::new(),
            trigger_point: None,
        }
    }
}
