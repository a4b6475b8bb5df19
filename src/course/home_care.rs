//! Home care for the client from a plan: a self-care exercise or stretch
//! for each muscle worked, advice on heat and on a massage gun (data in
//! `assets/home-care.ron`), screened against the client's conditions like
//! the plan: an exercise a current condition rules out is left out or
//! replaced, with a note for the therapist.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::model::{ClientRecord, ConditionKind, Muscle, Plan, Side};

pub const HOME_CARE_RON: &str = include_str!("../../assets/home-care.ron");

/// What an exercise asks of the body, so a rule can rule it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Movement {
    LumbarFlexion,
    SpinalRotation,
    DeepHipFlexion,
    HipCrossing,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    pub id: String,
    pub name: String,
    pub muscles: Vec<Muscle>,
    #[serde(default)]
    pub moves: Vec<Movement>,
    pub steps: Vec<String>,
    pub dose: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HomeCareRule {
    pub id: String,
    pub when: Vec<ConditionKind>,
    #[serde(default)]
    pub rules_out: Vec<Movement>,
    #[serde(default)]
    pub heat: bool,
    /// For the therapist; `{exercise}` stands for the exercise left out.
    pub note: String,
}

/// The home-care data: exercises, heat and massage-gun advice, rules.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HomeCare {
    pub exercises: Vec<Exercise>,
    pub heat: Vec<String>,
    pub massage_gun: Vec<String>,
    pub rules: Vec<HomeCareRule>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HomeCareError {
    #[error("assets/home-care.ron: {0}")]
    Syntax(String),
    #[error("assets/home-care.ron: {0} has no exercise")]
    MuscleWithoutExercise(&'static str),
    #[error("assets/home-care.ron: exercise id \"{0}\" is used twice")]
    DuplicateId(String),
}

/// One exercise on the handout and the muscles (with sides) it is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HomeCareItem {
    pub exercise: Exercise,
    pub for_muscles: Vec<(Muscle, Side)>,
}

impl HomeCareItem {
    /// "Right quadratus lumborum; Gluteus medius, both sides".
    pub fn for_text(&self) -> String {
        self.for_muscles
            .iter()
            .map(|(m, s)| m.label_with_side(*s))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// An exercise (or the heat advice) left out for the client's conditions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Omission {
    pub rule: String,
    /// The muscle it was for; `None` for the heat advice.
    pub muscle: Option<Muscle>,
    /// The exercise left out; `None` for the heat advice.
    pub left_out: Option<String>,
    /// The exercise given instead, if any.
    pub instead: Option<String>,
    pub note: String,
}

impl Omission {
    /// "Piriformis: Figure-four stretch left out, Buttock squeeze instead.
    /// Hip precautions ...": for the therapist.
    pub fn text(&self) -> String {
        let mut text = String::new();
        if let (Some(muscle), Some(left_out)) = (self.muscle, &self.left_out) {
            text.push_str(&format!("{}: {left_out} left out", muscle.name()));
            match &self.instead {
                Some(instead) => text.push_str(&format!(", {instead} instead. ")),
                None => text.push_str(", no other exercise fits. "),
            }
        }
        text.push_str(&self.note);
        text
    }
}

/// What the handout for one plan says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HomeCarePlan {
    pub items: Vec<HomeCareItem>,
    /// `None`: left out for the client's conditions (see `omissions`).
    pub heat: Option<Vec<String>>,
    pub massage_gun: Vec<String>,
    /// The therapist's own self-care text from the plan.
    pub self_care: String,
    /// For the therapist: what was left out or replaced, and why.
    pub omissions: Vec<Omission>,
}

impl HomeCare {
    pub fn parse(text: &str) -> Result<HomeCare, HomeCareError> {
        let care: HomeCare =
            ron::from_str(text).map_err(|e| HomeCareError::Syntax(e.to_string()))?;
        for muscle in Muscle::ALL {
            if !care.exercises.iter().any(|e| e.muscles.contains(&muscle)) {
                return Err(HomeCareError::MuscleWithoutExercise(muscle.name()));
            }
        }
        for (at, exercise) in care.exercises.iter().enumerate() {
            if care.exercises[..at].iter().any(|e| e.id == exercise.id) {
                return Err(HomeCareError::DuplicateId(exercise.id.clone()));
            }
        }
        Ok(care)
    }

    pub fn try_builtin() -> Result<&'static HomeCare, &'static HomeCareError> {
        static BUILTIN: OnceLock<Result<HomeCare, HomeCareError>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| HomeCare::parse(HOME_CARE_RON))
            .as_ref()
    }

    /// The exercises for `muscle`, most preferred first.
    pub fn exercises_for(&self, muscle: Muscle) -> impl Iterator<Item = &Exercise> {
        self.exercises
            .iter()
            .filter(move |e| e.muscles.contains(&muscle))
    }

    /// The rules that hold for this client on `plan`'s date.
    fn rules_in_force<'a>(
        &'a self,
        plan: &Plan,
        client: Option<&ClientRecord>,
    ) -> Vec<&'a HomeCareRule> {
        let current: Vec<ConditionKind> = client
            .iter()
            .flat_map(|c| &c.conditions)
            .filter(|c| c.is_current(plan.date))
            .map(|c| c.kind)
            .collect();
        self.rules
            .iter()
            .filter(|r| r.when.iter().any(|k| current.contains(k)))
            .collect()
    }

    /// The handout's content for `plan`: one exercise per muscle worked (in
    /// plan order; muscles sharing an exercise share its entry), heat and
    /// massage-gun advice, the plan's self-care text, and what the client's
    /// current conditions left out.
    pub fn for_plan(&self, plan: &Plan, client: Option<&ClientRecord>) -> HomeCarePlan {
        let rules = self.rules_in_force(plan, client);
        let ruling_out = |exercise: &Exercise| {
            rules
                .iter()
                .find(|r| r.rules_out.iter().any(|m| exercise.moves.contains(m)))
                .copied()
        };
        let mut items: Vec<HomeCareItem> = Vec::new();
        let mut omissions: Vec<Omission> = Vec::new();
        let mut muscles: Vec<(Muscle, Side)> = Vec::new();
        for step in &plan.steps {
            match muscles.iter_mut().find(|(m, _)| *m == step.muscle) {
                Some((_, side)) if *side != step.side => *side = Side::Both,
                Some(_) => {}
                None => muscles.push((step.muscle, step.side)),
            }
        }
        for (muscle, side) in muscles {
            let mut chosen = None;
            let mut left_out: Vec<(&Exercise, &HomeCareRule)> = Vec::new();
            for exercise in self.exercises_for(muscle) {
                match ruling_out(exercise) {
                    Some(rule) => left_out.push((exercise, rule)),
                    None => {
                        chosen = Some(exercise);
                        break;
                    }
                }
            }
            for (exercise, rule) in left_out {
                omissions.push(Omission {
                    rule: rule.id.clone(),
                    muscle: Some(muscle),
                    left_out: Some(exercise.name.clone()),
                    instead: chosen.map(|e| e.name.clone()),
                    note: rule.note.replace("{exercise}", &exercise.name),
                });
            }
            let Some(exercise) = chosen else { continue };
            match items.iter_mut().find(|i| i.exercise.id == exercise.id) {
                Some(item) => item.for_muscles.push((muscle, side)),
                None => items.push(HomeCareItem {
                    exercise: exercise.clone(),
                    for_muscles: vec![(muscle, side)],
                }),
            }
        }
        let heat_rule = rules.iter().find(|r| r.heat);
        if let Some(rule) = heat_rule {
            omissions.push(Omission {
                rule: rule.id.clone(),
                muscle: None,
                left_out: None,
                instead: None,
                note: rule.note.clone(),
            });
        }
        HomeCarePlan {
            items,
            heat: heat_rule.is_none().then(|| self.heat.clone()),
            massage_gun: self.massage_gun.clone(),
            self_care: plan.self_care.trim().to_owned(),
            omissions,
        }
    }
}
