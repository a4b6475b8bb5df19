//! Conflict copies made by sync tools: compared with their plan, kept in
//! its place, or put away into `.history/`.

use std::path::Path;

use super::modal::{Comparison, Modal};
use super::{LibraryState, Planner};
use crate::store;

impl Planner {
    pub(super) fn compare_copy(&mut self, copy: &Path) {
        let Some(original) = store::original_of(copy) else {
            return;
        };
        match store::compare_with_original(copy) {
            Ok(lines) => {
                let differences = store::conflict_differences(copy).map_err(|e| e.to_string());
                self.modal = Some(Modal::Comparison(Comparison {
                    copy: copy.to_path_buf(),
                    original,
                    differences,
                    lines,
                }));
            }
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    pub(super) fn keep_copy(&mut self, copy: &Path) {
        match store::keep_conflict_copy(copy) {
            Ok(original) => {
                self.message = format!(
                    "{} now holds the conflict copy; the replaced version is in {}",
                    self.short_path(&original),
                    store::HISTORY_DIR
                );
                self.after_copy_resolved(copy, &original);
            }
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    pub(super) fn put_away_copy(&mut self, copy: &Path) {
        let Some(original) = store::original_of(copy) else {
            return;
        };
        match store::put_away_conflict_copy(copy) {
            Ok(()) => {
                self.message = format!(
                    "Moved the conflict copy into {}; {} is unchanged",
                    store::HISTORY_DIR,
                    self.short_path(&original)
                );
                self.after_copy_resolved(copy, &original);
            }
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    fn after_copy_resolved(&mut self, copy: &Path, original: &Path) {
        if matches!(self.modal, Some(Modal::Comparison(_))) {
            self.modal = None;
        }
        if let LibraryState::Ready(library) = &mut self.library {
            library.refresh_file(copy);
            library.refresh_file(original);
        }
        // The open plan follows when it has no edits of its own.
        let open = self.doc.file.as_ref().map(|f| f.path.clone());
        if open.as_deref() == Some(original) && !self.doc.is_dirty() {
            self.open(original);
        }
    }
}
