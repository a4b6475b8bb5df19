//! Someone else changed or removed the plan file: never overwrite silently;
//! offer to reload, to save a copy, or to overwrite knowingly. Also follows
//! changes others make in the plans folder.

use std::path::{Path, PathBuf};

use super::action::ConflictChoice;
use super::client_state::Rules;
use super::modal::{Modal, SaveConflict};
use super::{LibraryState, Planner};
use crate::store::{self, FileStamp, Overwrite, Problem};

impl Planner {
    pub(super) fn note_conflict(&mut self, path: &Path, problem: &Problem) {
        let removed = match problem {
            Problem::ChangedOnDisk => false,
            Problem::RemovedFromDisk => true,
            _ => return,
        };
        self.modal = Some(Modal::Conflict(SaveConflict {
            path: path.to_path_buf(),
            removed,
        }));
    }

    pub(super) fn resolve_conflict(&mut self, choice: ConflictChoice) {
        let Some(Modal::Conflict(conflict)) = self.modal.take() else {
            return;
        };
        match choice {
            ConflictChoice::Cancel => {}
            ConflictChoice::Reload => {
                if !conflict.removed {
                    self.open(&conflict.path);
                }
            }
            ConflictChoice::Overwrite => {
                let _ = self.save_to(&conflict.path, Overwrite::Always);
            }
            ConflictChoice::SaveCopy => {
                let dir = conflict
                    .path
                    .parent()
                    .map_or_else(|| self.plans_dir().to_path_buf(), Path::to_path_buf);
                match store::save_new_plan(&self.doc.plan, &dir) {
                    Ok((path, stamp)) => self.saved_as(path, stamp),
                    Err(e) => {
                        self.failed_to_save(&e);
                    }
                }
            }
        }
    }

    /// Files in the plans folder were added, changed or removed by someone
    /// else (the file watcher). The library follows; the open plan is
    /// reloaded when it has no edits, else the next save will ask.
    pub(super) fn files_changed(&mut self, paths: &[PathBuf]) {
        let plans_dir = self.plans_dir().to_path_buf();
        if let LibraryState::Ready(library) = &mut self.library {
            for path in paths {
                if store::is_listed_plan_path(&plans_dir, path) {
                    library.refresh_file(path);
                }
            }
        }
        if paths.iter().any(|p| is_screening_input(&plans_dir, p)) {
            self.rules = Rules::load(&plans_dir);
            if self.rules.error.is_some() {
                self.error = self.rules.error.clone();
            }
            self.client.forget();
        }
        let Some(open) = self.doc.file.clone() else {
            return;
        };
        if !paths.iter().any(|p| same_file(p, &open.path)) {
            return;
        }
        match FileStamp::of_file(&open.path) {
            Ok(Some(stamp)) if stamp == open.stamp => {}
            Ok(Some(_)) if !self.doc.is_dirty() => {
                self.open(&open.path);
                self.message = format!(
                    "Reloaded {}: it was changed on disk by someone else",
                    self.short_path(&open.path)
                );
            }
            Ok(Some(_)) => {
                self.message = format!(
                    "{} was changed on disk by someone else; saving will ask what to do",
                    self.short_path(&open.path)
                );
            }
            Ok(None) => {
                self.message = format!(
                    "{} was removed from disk; the plan is still here, save it to keep it",
                    self.short_path(&open.path)
                );
            }
            Err(e) => self.message = e.to_string(),
        }
    }
}

/// Client records and the folder's own rules feed the screening.
fn is_screening_input(plans_dir: &Path, path: &Path) -> bool {
    let (dir, path) = (absolute(plans_dir), absolute(path));
    path.starts_with(dir.join(store::CLIENTS_DIR)) || path == dir.join(store::RULES_FILE_NAME)
}

/// Paths from the watcher and of the open plan may be relative or absolute,
/// and a removed file cannot be canonicalised.
fn same_file(a: &Path, b: &Path) -> bool {
    absolute(a) == absolute(b)
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}
