//! Undo and redo of plan edits. Consecutive edits of the same field (typing
//! a name, dragging the minutes) make one undo step: one gesture, one step.

use std::mem::{Discriminant, discriminant};

use super::action::{Edit, SoapPart};
use crate::model::Plan;

/// Which field an edit touched, so that a run of edits to it coalesces.
/// Derived from the edit itself, so grouping cannot be broken by a typo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditKey {
    /// A one-off edit (add, remove, move...): never merged.
    Discrete,
    /// A field of the plan.
    Field(Discriminant<Edit>),
    /// A field of one step, by step index.
    Step(usize, Discriminant<Edit>),
    /// One part of the SOAP notes.
    Soap(SoapPart),
}

impl EditKey {
    pub fn of(edit: &Edit) -> EditKey {
        match edit {
            Edit::StepSide(i, _)
            | Edit::StepTechnique(i, _)
            | Edit::StepPressure(i, _)
            | Edit::StepMinutes(i, _)
            | Edit::StepNotes(i, _)
            | Edit::StepPosition(i, _)
            | Edit::StepTriggerPoint(i, _) => EditKey::Step(*i, discriminant(edit)),
            Edit::Soap(part, _) => EditKey::Soap(*part),
            Edit::MoveStep { .. }
            | Edit::TurnClientLess
            | Edit::DuplicateStep(_)
            | Edit::RemoveStep(_)
            | Edit::SplitStep(_)
            | Edit::Acknowledge(_)
            | Edit::Unacknowledge { .. } => EditKey::Discrete,
            _ => EditKey::Field(discriminant(edit)),
        }
    }
}

const MAX_UNDO_STEPS: usize = 200;

#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Plan>,
    redo: Vec<Plan>,
    last_key: Option<EditKey>,
}

impl History {
    /// Remembers `before` as the state to go back to, unless this edit
    /// continues the previous one.
    pub fn record(&mut self, before: &Plan, key: EditKey) {
        self.redo.clear();
        let continues = key != EditKey::Discrete && self.last_key == Some(key);
        if !continues {
            self.undo.push(before.clone());
            if self.undo.len() > MAX_UNDO_STEPS {
                self.undo.remove(0);
            }
        }
        self.last_key = Some(key);
    }

    /// Ends a gesture: the next edit starts a new undo step even on the same field.
    pub fn break_coalescing(&mut self) {
        self.last_key = None;
    }

    pub fn undo(&mut self, current: &Plan) -> Option<Plan> {
        let previous = self.undo.pop()?;
        self.redo.push(current.clone());
        self.last_key = None;
        Some(previous)
    }

    pub fn redo(&mut self, current: &Plan) -> Option<Plan> {
        let next = self.redo.pop()?;
        self.undo.push(current.clone());
        self.last_key = None;
        Some(next)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Side;

    #[test]
    fn the_same_field_coalesces_and_another_field_or_step_does_not() {
        let name = EditKey::of(&Edit::ClientName("A".into()));
        assert_eq!(name, EditKey::of(&Edit::ClientName("Anna".into())));
        assert_ne!(name, EditKey::of(&Edit::Therapist("A".into())));
        let minutes_1 = EditKey::of(&Edit::StepMinutes(0, 5));
        assert_eq!(minutes_1, EditKey::of(&Edit::StepMinutes(0, 9)));
        assert_ne!(minutes_1, EditKey::of(&Edit::StepMinutes(1, 5)));
        assert_ne!(minutes_1, EditKey::of(&Edit::StepSide(0, Side::Left)));
        assert_eq!(EditKey::of(&Edit::RemoveStep(0)), EditKey::Discrete);
    }
}
