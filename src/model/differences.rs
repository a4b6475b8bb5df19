//! What differs between two versions of one plan, in words a therapist
//! reads: "Therapist: Therapist B → Therapist A", "Step 3 pressure: firm
//! (4/5) → medium (3/5)". Used to compare a plan with its sync conflict copy.

use std::fmt;

use super::{Pain, Plan, Step};

/// One thing that differs, from the first version to the second.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// "Therapist", "Step 3 pressure", "Step 5".
    pub what: String,
    /// In the first version; "—" when it has none.
    pub before: String,
    /// In the second version; "—" when it has none.
    pub after: String,
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} → {}", self.what, self.before, self.after)
    }
}

/// Shown for a field left empty.
const NOTHING: &str = "—";

/// Every difference from `before` to `after`: the header fields in the
/// order of the editor, then the steps (matched so that a step added or
/// removed does not make every later step look changed), then the
/// acknowledged warnings.
pub fn differences(before: &Plan, after: &Plan) -> Vec<Difference> {
    let mut out = Vec::new();
    let mut field = |what: &str, a: String, b: String| {
        if a != b {
            out.push(Difference {
                what: what.to_owned(),
                before: or_nothing(a),
                after: or_nothing(b),
            });
        }
    };
    field(
        "Client",
        before.client.name.trim().to_owned(),
        after.client.name.trim().to_owned(),
    );
    field(
        "Client ID",
        before.client.id.trim().to_owned(),
        after.client.id.trim().to_owned(),
    );
    field("Date", before.date.to_string(), after.date.to_string());
    field(
        "Therapist",
        before.therapist.trim().to_owned(),
        after.therapist.trim().to_owned(),
    );
    field(
        "Session length",
        format!("{} min", before.session_minutes),
        format!("{} min", after.session_minutes),
    );
    field("Goals", before.goals.clone(), after.goals.clone());
    field(
        "Precautions",
        before.precautions.clone(),
        after.precautions.clone(),
    );
    field(
        "Self-care",
        before.self_care.clone(),
        after.self_care.clone(),
    );
    field(
        "Pain before",
        pain(before.pain_before.as_ref()),
        pain(after.pain_before.as_ref()),
    );
    field(
        "Pain after",
        pain(before.pain_after.as_ref()),
        pain(after.pain_after.as_ref()),
    );
    out.extend(step_differences(&before.steps, &after.steps));
    out.extend(acknowledgement_differences(before, after));
    out
}

fn or_nothing(text: String) -> String {
    if text.trim().is_empty() {
        NOTHING.to_owned()
    } else {
        text
    }
}

fn pain(pain: Option<&Pain>) -> String {
    pain.map(ToString::to_string).unwrap_or_default()
}

/// "Right piriformis, Stretching, light (2/5), 4 min".
fn step_summary(step: &Step) -> String {
    format!(
        "{}, {}, {}, {} min",
        step.muscle.label_with_side(step.side),
        step.technique.name(),
        step.pressure.label(),
        step.minutes
    )
}

/// A step's content, to match steps of the two versions.
type StepKey<'s> = (
    super::Muscle,
    super::Side,
    super::Technique,
    u8,
    u16,
    &'s str,
    Option<&'s str>,
);

fn step_key(s: &Step) -> StepKey<'_> {
    (
        s.muscle,
        s.side,
        s.technique,
        s.pressure.level(),
        s.minutes,
        s.notes.as_str(),
        s.trigger_point.as_deref(),
    )
}

/// The steps matched by content (a longest common run, as a line diff
/// does); steps replaced one for one are compared field by field.
fn step_differences(before: &[Step], after: &[Step]) -> Vec<Difference> {
    let old: Vec<StepKey> = before.iter().map(step_key).collect();
    let new: Vec<StepKey> = after.iter().map(step_key).collect();
    let mut out = Vec::new();
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, &old, &new) {
        let (_, old_range, new_range) = op.as_tag_tuple();
        let pairs = old_range.len().min(new_range.len());
        for (i, j) in old_range.clone().zip(new_range.clone()).take(pairs) {
            out.extend(changed_step(i, &before[i], j, &after[j]));
        }
        for i in old_range.skip(pairs) {
            out.push(Difference {
                what: format!("Step {}", i + 1),
                before: step_summary(&before[i]),
                after: "removed".to_owned(),
            });
        }
        for j in new_range.skip(pairs) {
            out.push(Difference {
                what: format!("Step {}", j + 1),
                before: "added".to_owned(),
                after: step_summary(&after[j]),
            });
        }
    }
    out
}

/// The fields of one step that changed; "Step 3", or "Step 3 (now 4)"
/// when steps before it were added or removed.
fn changed_step(i: usize, before: &Step, j: usize, after: &Step) -> Vec<Difference> {
    let name = if i == j {
        format!("Step {}", i + 1)
    } else {
        format!("Step {} (now {})", i + 1, j + 1)
    };
    let fields = [
        (
            "muscle",
            before.muscle.name().to_owned(),
            after.muscle.name().to_owned(),
        ),
        (
            "side",
            before.side.name().to_owned(),
            after.side.name().to_owned(),
        ),
        (
            "technique",
            before.technique.name().to_owned(),
            after.technique.name().to_owned(),
        ),
        ("pressure", before.pressure.label(), after.pressure.label()),
        (
            "minutes",
            before.minutes.to_string(),
            after.minutes.to_string(),
        ),
        ("notes", before.notes.clone(), after.notes.clone()),
        (
            "trigger point",
            before.trigger_point.clone().unwrap_or_default(),
            after.trigger_point.clone().unwrap_or_default(),
        ),
    ];
    fields
        .into_iter()
        .filter(|(_, a, b)| a != b)
        .map(|(field, a, b)| Difference {
            what: format!("{name} {field}"),
            before: or_nothing(a),
            after: or_nothing(b),
        })
        .collect()
}

/// Acknowledged warnings only in one version, by rule and note.
fn acknowledgement_differences(before: &Plan, after: &Plan) -> Vec<Difference> {
    let describe = |a: &super::Acknowledgement| match a.note.trim() {
        "" => format!("`{}`", a.rule),
        note => format!("`{}` ({note})", a.rule),
    };
    let mut out = Vec::new();
    for gone in before
        .acknowledged
        .iter()
        .filter(|a| !after.acknowledged.contains(a))
    {
        out.push(Difference {
            what: "Acknowledged warning".to_owned(),
            before: describe(gone),
            after: "removed".to_owned(),
        });
    }
    for new in after
        .acknowledged
        .iter()
        .filter(|a| !before.acknowledged.contains(a))
    {
        out.push(Difference {
            what: "Acknowledged warning".to_owned(),
            before: "added".to_owned(),
            after: describe(new),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Muscle, Pressure, Side, Technique};

    fn plan() -> Plan {
        let mut plan = Plan::new(jiff::civil::date(2026, 11, 24));
        plan.client.name = "Lea Fischer".to_owned();
        plan.therapist = "Therapist B".to_owned();
        for muscle in [
            Muscle::ErectorSpinae,
            Muscle::QuadratusLumborum,
            Muscle::GluteusMedius,
        ] {
            plan.steps.push(Step::new(
                muscle,
                Side::Right,
                Technique::Swedish,
                Pressure::new(4).unwrap_or_default(),
            ));
        }
        plan
    }

    #[test]
    fn a_header_field_and_a_step_field_are_said_in_words() {
        let before = plan();
        let mut after = plan();
        after.therapist = "Therapist A".to_owned();
        after.steps[2].pressure = Pressure::MEDIUM;
        let said: Vec<String> = differences(&before, &after)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            said,
            [
                "Therapist: Therapist B → Therapist A",
                "Step 3 pressure: firm (4/5) → medium (3/5)",
            ]
        );
    }

    #[test]
    fn a_targeted_trigger_point_is_a_step_difference() {
        let before = plan();
        let mut after = plan();
        after.steps[1].trigger_point = Some("deep_lower".to_owned());
        let said: Vec<String> = differences(&before, &after)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(said.len(), 1, "{said:?}");
        assert!(said[0].starts_with("Step 2 trigger point:"), "{said:?}");
        assert!(said[0].ends_with("deep_lower"), "{said:?}");
    }

    #[test]
    fn the_same_plan_has_no_differences() {
        assert!(differences(&plan(), &plan()).is_empty());
    }

    #[test]
    fn an_added_step_does_not_make_later_steps_look_changed() {
        let before = plan();
        let mut after = plan();
        let mut first = after.steps[0].clone();
        first.muscle = Muscle::Piriformis;
        after.steps.insert(0, first);
        let said: Vec<String> = differences(&before, &after)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            said,
            ["Step 1: added → Right piriformis, Swedish, firm (4/5), 5 min"]
        );
    }
}
