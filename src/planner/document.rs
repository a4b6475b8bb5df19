//! The plan being edited, where it lives on disk, and its undo history.

use std::path::PathBuf;

use super::history::{EditKey, History};
use crate::model::Plan;
use crate::store::FileStamp;

/// The file a plan was opened from or saved to, as it was then.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenFile {
    pub path: PathBuf,
    pub stamp: FileStamp,
}

#[derive(Debug)]
pub struct Document {
    pub plan: Plan,
    pub file: Option<OpenFile>,
    /// The plan as last saved or opened; unsaved when `plan` differs.
    saved: Plan,
    pub selected_step: Option<usize>,
    history: History,
}

impl Document {
    pub fn new(plan: Plan) -> Self {
        Document {
            saved: plan.clone(),
            plan,
            file: None,
            selected_step: None,
            history: History::default(),
        }
    }

    pub fn opened(plan: Plan, file: OpenFile) -> Self {
        Document {
            file: Some(file),
            ..Document::new(plan)
        }
    }

    /// A plan that is not on disk yet but holds work (a copy for a new
    /// session): unsaved from the start.
    pub fn unsaved(plan: Plan, baseline: Plan) -> Self {
        Document {
            saved: baseline,
            ..Document::new(plan)
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.plan != self.saved
    }

    pub fn mark_saved(&mut self, file: OpenFile) {
        self.saved = self.plan.clone();
        self.file = Some(file);
    }

    /// Applies `change` to the plan as one undoable edit (merged with the
    /// previous edit of the same field).
    pub fn edit(&mut self, key: EditKey, change: impl FnOnce(&mut Plan)) {
        let mut next = self.plan.clone();
        change(&mut next);
        if next != self.plan {
            self.history.record(&self.plan, key);
            self.plan = next;
        }
        self.clamp_selection();
    }

    pub fn end_gesture(&mut self) {
        self.history.break_coalescing();
    }

    pub fn undo(&mut self) -> bool {
        let previous = self.history.undo(&self.plan);
        self.restore(previous)
    }

    pub fn redo(&mut self) -> bool {
        let next = self.history.redo(&self.plan);
        self.restore(next)
    }

    fn restore(&mut self, plan: Option<Plan>) -> bool {
        let Some(plan) = plan else {
            return false;
        };
        self.plan = plan;
        self.clamp_selection();
        true
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    fn clamp_selection(&mut self) {
        if self
            .selected_step
            .is_some_and(|i| i >= self.plan.steps.len())
        {
            self.selected_step = self.plan.steps.len().checked_sub(1);
        }
    }
}
