use super::{Level, Rule, RuleSet, StepMatch, Trigger};
use crate::model::{ClientRecord, MuscleSide, Plan, Side, Step};

/// One rule that fires for a plan: on one step, or on the whole plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub rule: String,
    pub level: Level,
    /// 0-based step index; `None` for the whole plan.
    pub step: Option<usize>,
    /// The step's muscle and side, which acknowledgements are keyed by.
    pub region: Option<MuscleSide>,
    /// Where the conflict is: the step's region, narrowed to the side in
    /// conflict (a both-sides step meets a left-side area on the left only).
    /// The map rings this.
    pub at: Option<MuscleSide>,
    pub reason: String,
    /// What to do instead.
    pub suggestion: String,
    /// What about the client made it fire ("Herniated disc (L4-L5)").
    pub because: String,
    /// The therapist's note, when acknowledged.
    pub acknowledged: Option<String>,
}

impl Warning {
    pub fn is_open(&self) -> bool {
        self.acknowledged.is_none()
    }
}

impl std::fmt::Display for Warning {
    /// "step 3: Avoid: no deep pressure ... (client: Herniated disc). Instead: ..."
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(step) = self.step {
            write!(f, "step {}: ", step + 1)?;
        }
        write!(f, "{}: {}", self.level.name(), self.reason)?;
        if !self.because.is_empty() {
            write!(f, " ({})", self.because)?;
        }
        if !self.suggestion.is_empty() {
            write!(f, ". Instead: {}", self.suggestion)?;
        }
        if let Some(note) = &self.acknowledged {
            write!(f, " [acknowledged: {note}]")?;
        }
        Ok(())
    }
}

/// Every warning for `plan`: whole-plan ones first, then by step, the most
/// serious first within each. `client` is `None` when no record exists yet.
pub fn screen(plan: &Plan, client: Option<&ClientRecord>, rules: &RuleSet) -> Vec<Warning> {
    let mut warnings = Vec::new();
    for rule in &rules.rules {
        let Some(because) = client_reason(rule, client) else {
            continue;
        };
        let per_step = match (&rule.steps, &rule.when) {
            (Some(matcher), _) => Some(matcher.clone()),
            (None, Trigger::AvoidArea | Trigger::AbovePreferredPressure) => {
                Some(StepMatch::default())
            }
            (None, _) => None,
        };
        match per_step {
            None => warnings.push(warning(rule, plan, None, because)),
            Some(matcher) => {
                for (index, step) in plan.steps.iter().enumerate() {
                    if !matcher.matches(step.muscle, step.technique, step.pressure) {
                        continue;
                    }
                    if let Some((because, side)) = step_reason(rule, client, step, &because) {
                        let mut found = warning(rule, plan, Some(index), because);
                        found.at = found.at.map(|at| MuscleSide::new(at.muscle, side));
                        warnings.push(found);
                    }
                }
            }
        }
    }
    warnings.sort_by_key(|w| (w.step.map_or(0, |s| s + 1), std::cmp::Reverse(w.level)));
    warnings
}

/// Whether the client's record lets the rule apply at all, and why.
fn client_reason(rule: &Rule, client: Option<&ClientRecord>) -> Option<String> {
    match &rule.when {
        Trigger::Always => Some(String::new()),
        Trigger::AnyCondition(kinds) => {
            let matching: Vec<String> = client?
                .conditions
                .iter()
                .filter(|c| kinds.contains(&c.kind))
                .map(|c| c.to_string())
                .collect();
            (!matching.is_empty()).then(|| format!("client: {}", matching.join("; ")))
        }
        Trigger::AvoidArea => client
            .filter(|c| !c.avoid.is_empty())
            .map(|_| String::new()),
        Trigger::AbovePreferredPressure => client
            .and_then(|c| c.pressure_preference)
            .map(|_| String::new()),
    }
}

/// For triggers that depend on the step itself, whether this step fires,
/// why, and on which side of the step the conflict is.
fn step_reason(
    rule: &Rule,
    client: Option<&ClientRecord>,
    step: &Step,
    because: &str,
) -> Option<(String, Side)> {
    match &rule.when {
        Trigger::Always | Trigger::AnyCondition(_) => Some((because.to_string(), step.side)),
        Trigger::AvoidArea => {
            let area = client?.avoid.iter().find(|a| a.overlaps(step.region()))?;
            let side = if step.side == Side::Both {
                area.side
            } else {
                step.side
            };
            Some((format!("client asks to avoid: {}", area.label()), side))
        }
        Trigger::AbovePreferredPressure => {
            let preferred = client?.pressure_preference?;
            (step.pressure > preferred).then(|| {
                (
                    format!(
                        "client prefers at most {}, planned {}",
                        preferred.label(),
                        step.pressure.label()
                    ),
                    step.side,
                )
            })
        }
    }
}

fn warning(rule: &Rule, plan: &Plan, step: Option<usize>, because: String) -> Warning {
    let region = step.and_then(|i| plan.steps.get(i)).map(Step::region);
    Warning {
        rule: rule.id.clone(),
        level: rule.level,
        step,
        region,
        at: region,
        reason: rule.reason.clone(),
        suggestion: rule.suggestion.clone(),
        because,
        acknowledged: plan
            .acknowledgement(&rule.id, region)
            .map(|a| a.note.clone()),
    }
}
