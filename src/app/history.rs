//! Undo and redo of plan edits. Consecutive edits of the same field (typing
//! a name, dragging the minutes) make one undo step: one gesture, one step.

use crate::model::Plan;

/// Which field an edit touched, so that a run of edits to it coalesces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditKey {
    /// A one-off edit (add, remove, move...): never merged.
    Discrete,
    /// A field of the plan header, by name.
    Header(&'static str),
    /// A field of one step, by step index and field name.
    Step(usize, &'static str),
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
