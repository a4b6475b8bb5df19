use jiff::civil::Date;

use super::{Level, Rule, RuleSet, StepMatch, Trigger};
use crate::model::{Clearance, ClientRecord, Condition, MuscleSide, Plan, Side, Step};

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
    /// conflict (a both-sides step meets a left-side condition or area on
    /// the left only). The map rings this.
    pub at: Option<MuscleSide>,
    pub reason: String,
    /// What to do instead.
    pub suggestion: String,
    /// What about the client made it fire ("client: Herniated disc (L4-L5)").
    pub because: String,
    /// The therapist's note, when acknowledged.
    pub acknowledged: Option<String>,
    /// Who cleared the client, for an acknowledged Refer out.
    pub clearance: Option<Clearance>,
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
        if let Some(clearance) = &self.clearance {
            write!(f, " [{clearance}]")?;
        }
        if let Some(note) = &self.acknowledged {
            write!(f, " [acknowledged: {note}]")?;
        }
        Ok(())
    }
}

/// Every warning for `plan`: whole-plan ones first, then by step, the most
/// serious first within each. `client` is `None` when no record exists yet.
/// Conditions count as they stand on the plan's date.
pub fn screen(plan: &Plan, client: Option<&ClientRecord>, rules: &RuleSet) -> Vec<Warning> {
    let mut warnings = Vec::new();
    for rule in &rules.rules {
        let Some(found) = Found::for_rule(rule, client, plan.date) else {
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
            None => warnings.push(warning(
                rule,
                plan,
                None,
                &found.conditions,
                found.because(),
            )),
            Some(matcher) => {
                for (index, step) in plan.steps.iter().enumerate() {
                    if let Some((conditions, because, side)) =
                        step_reason(rule, client, &matcher, step, &found)
                    {
                        let mut fired = warning(rule, plan, Some(index), &conditions, because);
                        fired.at = fired.at.map(|at| MuscleSide::new(at.muscle, side));
                        warnings.push(fired);
                    }
                }
            }
        }
    }
    warnings.sort_by_key(|w| (w.step.map_or(0, |s| s + 1), std::cmp::Reverse(w.level)));
    warnings
}

/// The plan for the next session, keeping only the acknowledgements that
/// still hold for the client's record as it is now (see
/// [`Plan::next_session`]).
pub fn next_session(
    plan: &Plan,
    date: Date,
    client: Option<&ClientRecord>,
    rules: &RuleSet,
) -> Plan {
    let mut next = plan.next_session(date);
    let now = screen(&next, client, rules);
    next.acknowledged.retain(|ack| {
        now.iter().any(|w| {
            ack.is_for(&w.rule, w.region)
                && ack.still_holds(&w.because)
                && w.level.can_be_acknowledged()
        })
    });
    next
}

/// What about the client lets a rule apply at all.
struct Found<'a> {
    /// The conditions it fires for (for `ConditionWith`: the first kind).
    conditions: Vec<&'a Condition>,
    /// The other conditions it needs (`ConditionWith`), named in `because`.
    partners: Vec<&'a Condition>,
    /// "age not recorded" and the like.
    extra: Option<String>,
}

impl<'a> Found<'a> {
    fn for_rule(rule: &Rule, client: Option<&'a ClientRecord>, on: Date) -> Option<Found<'a>> {
        let current = |kinds: &[crate::model::ConditionKind]| -> Vec<&'a Condition> {
            client
                .map(|c| {
                    c.conditions
                        .iter()
                        .filter(|c| kinds.contains(&c.kind) && c.is_current(on))
                        .filter(|c| lasted(c, rule.min_weeks, on))
                        .collect()
                })
                .unwrap_or_default()
        };
        let found = match &rule.when {
            Trigger::Always => Found::empty(),
            Trigger::AnyCondition(kinds) => {
                let conditions = current(kinds);
                if conditions.is_empty() {
                    return None;
                }
                Found {
                    conditions,
                    ..Found::empty()
                }
            }
            Trigger::ConditionWith(first, others) => {
                let conditions = current(std::slice::from_ref(first));
                let partners = current(others);
                if conditions.is_empty() || partners.is_empty() {
                    return None;
                }
                Found {
                    conditions,
                    partners,
                    extra: None,
                }
            }
            Trigger::AvoidArea => {
                client.filter(|c| !c.avoid.is_empty())?;
                Found::empty()
            }
            Trigger::AbovePreferredPressure => {
                client.and_then(|c| c.pressure_preference)?;
                Found::empty()
            }
        };
        match rule.min_age {
            None => Some(found),
            Some(min) => match client?.age_in_year_of(on) {
                Some(age) if age < i16::from(min) => None,
                Some(age) => Some(Found {
                    extra: Some(format!("age {age}")),
                    ..found
                }),
                None => Some(Found {
                    extra: Some("age not recorded".into()),
                    ..found
                }),
            },
        }
    }

    fn empty() -> Found<'a> {
        Found {
            conditions: Vec::new(),
            partners: Vec::new(),
            extra: None,
        }
    }

    fn because(&self) -> String {
        because_of(&self.conditions, &self.partners, self.extra.as_deref())
    }
}

/// "client: Sciatica (right); Anticoagulant medication (apixaban); age 61".
fn because_of(conditions: &[&Condition], partners: &[&Condition], extra: Option<&str>) -> String {
    let mut parts: Vec<String> = conditions
        .iter()
        .chain(partners)
        .map(|c| c.to_string())
        .collect();
    parts.extend(extra.map(str::to_string));
    if parts.is_empty() {
        String::new()
    } else {
        format!("client: {}", parts.join("; "))
    }
}

/// Whether `condition` has lasted `min_weeks` on `on`; undated counts.
fn lasted(condition: &Condition, min_weeks: Option<u16>, on: Date) -> bool {
    let Some(weeks) = min_weeks else {
        return true;
    };
    condition
        .days_since(on)
        .is_none_or(|days| days >= i64::from(weeks) * 7)
}

/// The side of a step on which it meets something one-sided: a both-sides
/// step meets a left-side condition on the left only.
fn side_in_conflict(step: Side, other: Option<Side>) -> Side {
    match (step, other) {
        (Side::Both, Some(side)) => side,
        _ => step,
    }
}

/// Whether `step` fires the rule, with the conditions it fires for, why,
/// and on which side of the step the conflict is.
fn step_reason<'a>(
    rule: &Rule,
    client: Option<&ClientRecord>,
    matcher: &StepMatch,
    step: &Step,
    found: &Found<'a>,
) -> Option<(Vec<&'a Condition>, String, Side)> {
    match &rule.when {
        Trigger::Always => matcher
            .matches(step, &[])
            .then(|| (Vec::new(), found.because(), step.side)),
        Trigger::AnyCondition(_) | Trigger::ConditionWith(..) => {
            // A condition with a side or a place fires only where it is.
            let touched: Vec<&Condition> = found
                .conditions
                .iter()
                .copied()
                .filter(|c| {
                    c.touches(step.muscle, step.side, matcher.at_condition_place)
                        && matcher.matches(step, &c.place)
                })
                .collect();
            if touched.is_empty() {
                return None;
            }
            let because = because_of(&touched, &found.partners, found.extra.as_deref());
            // One-sided only when every condition it fires for is on one side.
            let sides: Vec<Option<Side>> = touched
                .iter()
                .map(|c| c.side.filter(|s| *s != Side::Both))
                .collect();
            let side = match sides.first() {
                Some(&first) if sides.iter().all(|s| *s == first) => {
                    side_in_conflict(step.side, first)
                }
                _ => step.side,
            };
            Some((touched, because, side))
        }
        Trigger::AvoidArea => {
            if !matcher.matches(step, &[]) {
                return None;
            }
            let area = client?.avoid.iter().find(|a| a.overlaps(step.region()))?;
            Some((
                Vec::new(),
                format!("client asks to avoid: {}", area.label()),
                side_in_conflict(step.side, Some(area.side).filter(|s| *s != Side::Both)),
            ))
        }
        Trigger::AbovePreferredPressure => {
            if !matcher.matches(step, &[]) {
                return None;
            }
            let preferred = client?.pressure_preference?;
            (step.pressure > preferred).then(|| {
                (
                    Vec::new(),
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

fn warning(
    rule: &Rule,
    plan: &Plan,
    step: Option<usize>,
    conditions: &[&Condition],
    because: String,
) -> Warning {
    let region = step.and_then(|i| plan.steps.get(i)).map(Step::region);
    let acknowledgement = plan
        .acknowledged
        .iter()
        .filter(|a| a.is_for(&rule.id, region) && a.still_holds(&because))
        .find(|a| {
            rule.level.can_be_acknowledged()
                && (!rule.level.needs_clearance()
                    || a.clearance.as_ref().is_some_and(|c| c.is_complete()))
        });
    let detail = conditions
        .iter()
        .map(|c| c.detail.trim())
        .find(|d| !d.is_empty())
        .unwrap_or("not recorded");
    Warning {
        rule: rule.id.clone(),
        level: rule.level,
        step,
        region,
        at: region,
        reason: rule.reason.replace("{detail}", detail),
        suggestion: rule.suggestion.replace("{detail}", detail),
        because,
        acknowledged: acknowledgement.map(|a| a.note.clone()),
        clearance: acknowledgement.and_then(|a| a.clearance.clone()),
    }
}
