//! What the planner has on screen, read through its one `modal()`.

use massage_planner::model::ClientRecord;
use massage_planner::planner::{Comparison, Continuation, Modal, Planner, SaveConflict};

/// What waits for the answer to "Save changes?".
pub fn pending(p: &Planner) -> Option<Continuation> {
    match p.modal() {
        Some(Modal::Unsaved(next)) => Some(next.clone()),
        _ => None,
    }
}

pub fn conflict(p: &Planner) -> Option<SaveConflict> {
    match p.modal() {
        Some(Modal::Conflict(conflict)) => Some(conflict.clone()),
        _ => None,
    }
}

pub fn comparison(p: &Planner) -> Option<Comparison> {
    match p.modal() {
        Some(Modal::Comparison(comparison)) => Some(comparison.clone()),
        _ => None,
    }
}

/// The client record being edited in the form.
pub fn client_form(p: &Planner) -> Option<ClientRecord> {
    match p.modal() {
        Some(Modal::ClientForm(draft)) => Some(draft.clone()),
        _ => None,
    }
}
