use serde::{Deserialize, Serialize};

use crate::model::{ConditionKind, Muscle, Position, Pressure, Step, Technique, TechniqueProperty};

/// The rules shipped with the app; a plans folder may hold its own copy.
const BUILTIN_RULES: &str = include_str!("../../assets/screening-rules.ron");

/// How serious a finding is, most serious last so `max` picks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Level {
    /// Worth knowing; nothing to change.
    Note,
    /// Change the step: lighter pressure, another technique.
    Adjust,
    /// Do not work there.
    Avoid,
    /// Do not treat before a physician has seen the client; acknowledged
    /// only with a clearance.
    ReferOut,
    /// Send the client to the emergency department now; never acknowledged
    /// for a plan.
    Emergency,
}

impl Level {
    pub fn name(self) -> &'static str {
        match self {
            Level::Note => "Note",
            Level::Adjust => "Adjust",
            Level::Avoid => "Avoid",
            Level::ReferOut => "Refer out",
            Level::Emergency => "Emergency",
        }
    }

    /// Whether a therapist may acknowledge it for a plan at all.
    pub fn can_be_acknowledged(self) -> bool {
        self != Level::Emergency
    }

    /// Whether acknowledging it needs a clearance (who, when, note).
    pub fn needs_clearance(self) -> bool {
        self == Level::ReferOut
    }

    /// Printed on the sheet even when acknowledged, with its clearance.
    pub fn always_printed(self) -> bool {
        self >= Level::ReferOut
    }
}

/// What about the client makes a rule apply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Trigger {
    /// Every client: endangerment sites and the like.
    Always,
    /// The client reports any of these conditions (that still count on
    /// the plan's date: see `Condition::is_current`).
    AnyCondition(Vec<ConditionKind>),
    /// The client reports the first condition together with any of the
    /// others (a fall while on anticoagulants). Side and place come from
    /// the first.
    ConditionWith(ConditionKind, Vec<ConditionKind>),
    /// The step works on one of the client's areas to avoid.
    AvoidArea,
    /// The step's pressure is above the client's preferred pressure.
    AbovePreferredPressure,
}

/// Which planned steps a rule is about. A step matches when its muscle is
/// listed (or none are); where techniques, technique properties or a
/// pressure are given, when its technique is listed, has one of the
/// properties or its pressure is at least `min_pressure`; where positions
/// are given, when the step is planned in one of them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepMatch {
    #[serde(default)]
    pub muscles: Vec<Muscle>,
    #[serde(default)]
    pub techniques: Vec<Technique>,
    #[serde(default)]
    pub properties: Vec<TechniqueProperty>,
    #[serde(default)]
    pub min_pressure: Option<Pressure>,
    #[serde(default)]
    pub positions: Vec<Position>,
    /// The condition's own place (its muscles), when the record gives one,
    /// replaces `muscles`.
    #[serde(default)]
    pub at_condition_place: bool,
}

impl StepMatch {
    /// Whether `step` matches; `place` is the muscles of the condition the
    /// rule fires for (empty when none are recorded or none is involved).
    pub fn matches(&self, step: &Step, place: &[Muscle]) -> bool {
        let muscles = if self.at_condition_place && !place.is_empty() {
            place
        } else {
            &self.muscles
        };
        let muscle_listed = muscles.is_empty() || muscles.contains(&step.muscle);
        let intensity_free =
            self.techniques.is_empty() && self.properties.is_empty() && self.min_pressure.is_none();
        let intense = self.techniques.contains(&step.technique)
            || self.properties.iter().any(|p| step.technique.has(*p))
            || self.min_pressure.is_some_and(|min| step.pressure >= min);
        let position_listed =
            self.positions.is_empty() || step.position.is_some_and(|p| self.positions.contains(&p));
        muscle_listed && (intensity_free || intense) && position_listed
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Stable id: acknowledgements in plan files refer to it.
    pub id: String,
    pub level: Level,
    pub when: Trigger,
    /// Only for clients of at least this age in the plan's year; a record
    /// without a birth year counts (the age cannot rule it out).
    #[serde(default)]
    pub min_age: Option<u8>,
    /// Only once the condition has lasted this many weeks on the plan's
    /// date (pregnancy after the first trimester); undated counts.
    #[serde(default)]
    pub min_weeks: Option<u16>,
    /// `None`: about the whole plan (for `AvoidArea` and
    /// `AbovePreferredPressure`: about every step).
    #[serde(default)]
    pub steps: Option<StepMatch>,
    /// `{detail}` in the reason or suggestion stands for the condition's
    /// detail (the disc level).
    pub reason: String,
    #[serde(default)]
    pub suggestion: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
}

#[derive(Debug, thiserror::Error)]
pub enum RulesError {
    #[error("line {line}, column {col}: {message}")]
    Syntax {
        line: usize,
        col: usize,
        message: String,
    },
    #[error("two rules have the id `{0}`; ids must be unique")]
    DuplicateId(String),
    #[error("a rule has an empty id")]
    EmptyId,
}

impl RuleSet {
    /// The rules in `assets/screening-rules.ron`, checked by the tests.
    pub fn builtin() -> Result<RuleSet, RulesError> {
        RuleSet::parse(BUILTIN_RULES)
    }

    pub fn parse(text: &str) -> Result<RuleSet, RulesError> {
        let rules: RuleSet = ron::Options::default()
            .with_recursion_limit(32)
            .from_str(text)
            .map_err(|e| RulesError::Syntax {
                line: e.span.start.line,
                col: e.span.start.col,
                message: e.code.to_string(),
            })?;
        let mut seen = std::collections::HashSet::new();
        for rule in &rules.rules {
            if rule.id.trim().is_empty() {
                return Err(RulesError::EmptyId);
            }
            if !seen.insert(rule.id.as_str()) {
                return Err(RulesError::DuplicateId(rule.id.clone()));
            }
        }
        Ok(rules)
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }
}
