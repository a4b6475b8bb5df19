//! What crash recovery keeps track of: where this run's unsaved edits go,
//! and what ended runs left behind.

use std::path::PathBuf;

use crate::model::Plan;
use crate::store::{Recovery, RecoveryStore};

#[derive(Debug, Default)]
pub struct RecoveryState {
    pub(super) store: Option<RecoveryStore>,
    /// The plan as last written to this run's recovery file.
    pub(super) written: Option<Plan>,
    /// Edits left behind by runs that ended without saving, oldest first.
    pub offers: Vec<(PathBuf, Recovery)>,
}
