//! Crash recovery in the planner: unsaved edits go to a recovery file; edits
//! a crashed run left behind are offered back at start.

use super::Planner;
use super::action::RecoveryAnswer;
use super::document::{Document, OpenFile};
use super::history::EditKey;
use super::modal::{Continuation, Modal};
use crate::model::Plan;
use crate::store::{self, RecoveryStore};

impl Planner {
    /// Turns recovery on and collects what ended runs left behind. A file
    /// that does not load is reported and kept, never deleted.
    pub(super) fn enable_recovery(&mut self, store: RecoveryStore) {
        let mut unreadable = Vec::new();
        for left in store.left_behind() {
            match left.recovery {
                Ok(recovery) => self.recovery.offers.push((left.path, recovery)),
                Err(e) => unreadable.push(e.to_string()),
            }
        }
        if !unreadable.is_empty() {
            self.error = Some(format!(
                "A recovery file could not be read (kept as it is): {}",
                unreadable.join("; ")
            ));
        }
        self.recovery.store = Some(store);
    }

    /// Unsaved edits not yet in the recovery file.
    pub fn recovery_due(&self) -> bool {
        self.recovery.store.is_some()
            && self.doc.is_dirty()
            && self.recovery.written.as_ref() != Some(&self.doc.plan)
    }

    /// Writes the unsaved edits to this run's recovery file.
    pub(super) fn write_recovery(&mut self) {
        let Some(store) = &self.recovery.store else {
            return;
        };
        let file = self.doc.file.as_ref().map(|f| f.path.as_path());
        match store.write(file, &self.doc.plan) {
            Ok(()) => self.recovery.written = Some(self.doc.plan.clone()),
            Err(e) => {
                self.error = Some(format!(
                    "{e}. Crash recovery is not working; save the plan to keep it safe."
                ));
                // Not retried every frame; the next edit tries again.
                self.recovery.written = Some(self.doc.plan.clone());
            }
        }
    }

    /// Once nothing is unsaved, the recovery file has nothing to keep.
    pub(super) fn settle_recovery(&mut self) {
        if self.doc.is_dirty() || self.recovery.written.is_none() {
            return;
        }
        self.recovery.written = None;
        if let Some(store) = &self.recovery.store
            && let Err(e) = store.clear()
        {
            self.error = Some(e.to_string());
        }
    }

    /// A clean exit: saved or knowingly discarded edits need no recovery.
    pub(super) fn clear_recovery_on_exit(&mut self) {
        if (!self.doc.is_dirty() || self.close_confirmed)
            && let Some(store) = &self.recovery.store
            && let Err(e) = store.clear()
        {
            self.error = Some(e.to_string());
        }
    }

    pub(super) fn answer_recovery(&mut self, answer: RecoveryAnswer) {
        if self.recovery.offers.is_empty() || !matches!(self.modal, Some(Modal::Recovery)) {
            return;
        }
        self.modal = None;
        match answer {
            RecoveryAnswer::Restore => self.unless_unsaved(Continuation::Restore),
            RecoveryAnswer::Discard => {
                let (path, _) = self.recovery.offers.remove(0);
                if let Err(e) = store::remove_recovery(&path) {
                    self.error = Some(e.to_string());
                }
            }
            RecoveryAnswer::Later => {
                self.recovery.offers.remove(0);
            }
        }
    }

    /// Brings the first offered edits back as unsaved changes: over the
    /// plan file they belong to when it still loads (so Undo shows what is
    /// on disk), else as a new plan.
    pub(super) fn restore_recovery(&mut self) {
        if self.recovery.offers.is_empty() {
            return;
        }
        let (path, recovery) = self.recovery.offers.remove(0);
        let on_disk = recovery.file.as_ref().and_then(|file| {
            store::load_plan_stamped(file)
                .ok()
                .map(|loaded| (file, loaded))
        });
        match on_disk {
            Some((file, (plan, stamp))) => {
                self.doc = Document::opened(
                    plan,
                    OpenFile {
                        path: file.clone(),
                        stamp,
                    },
                );
                let recovered = recovery.plan.clone();
                self.doc.edit(EditKey::Discrete, |plan| *plan = recovered);
            }
            None => self.doc = Document::unsaved(recovery.plan.clone(), Plan::new(self.today)),
        }
        self.message = format!(
            "Restored unsaved edits from {} (not saved yet)",
            recovery.written.strftime("%Y-%m-%d %H:%M UTC")
        );
        // Safe in this run's recovery file before the old one goes.
        self.write_recovery();
        if let Err(e) = store::remove_recovery(&path) {
            self.error = Some(e.to_string());
        }
    }
}
