use serde::{Deserialize, Serialize};

use crate::model::{ConditionKind, Muscle, Pressure, Technique};

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
    /// Do not treat before a physician has seen the client.
    ReferOut,
}

impl Level {
    pub fn name(self) -> &'static str {
        match self {
            Level::Note => "Note",
            Level::Adjust => "Adjust",
            Level::Avoid => "Avoid",
            Level::ReferOut => "Refer out",
        }
    }
}

/// What about the client makes a rule apply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Trigger {
    /// Every client: endangerment sites and the like.
    Always,
    /// The client reports any of these conditions.
    AnyCondition(Vec<ConditionKind>),
    /// The step works on one of the client's areas to avoid.
    AvoidArea,
    /// The step's pressure is above the client's preferred pressure.
    AbovePreferredPressure,
}

/// Which planned steps a rule is about. A step matches when its muscle is
/// listed (or none are), and, where techniques or a pressure are given, its
/// technique is listed or its pressure is at least `min_pressure`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepMatch {
    #[serde(default)]
    pub muscles: Vec<Muscle>,
    #[serde(default)]
    pub techniques: Vec<Technique>,
    #[serde(default)]
    pub min_pressure: Option<Pressure>,
}

impl StepMatch {
    pub fn matches(&self, muscle: Muscle, technique: Technique, pressure: Pressure) -> bool {
        let muscle_listed = self.muscles.is_empty() || self.muscles.contains(&muscle);
        let intensity_free = self.techniques.is_empty() && self.min_pressure.is_none();
        let intense = self.techniques.contains(&technique)
            || self.min_pressure.is_some_and(|min| pressure >= min);
        muscle_listed && (intensity_free || intense)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Stable id: acknowledgements in plan files refer to it.
    pub id: String,
    pub level: Level,
    pub when: Trigger,
    /// `None`: about the whole plan (for `AvoidArea` and
    /// `AbovePreferredPressure`: about every step).
    #[serde(default)]
    pub steps: Option<StepMatch>,
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
