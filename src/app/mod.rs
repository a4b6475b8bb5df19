//! The application: state, actions, undo, and the eframe window around them.

mod action;
mod client_state;
mod command;
mod conflict;
mod dialogs;
mod document;
mod edits;
mod history;
mod planner;
mod recovery;
mod settings;
mod shell;
mod sync_copies;
mod watcher;

pub use action::{Action, Edit, UnsavedAnswer};
pub use client_state::{ClientState, Rules};
pub use command::Command;
pub use conflict::{ConflictChoice, SaveConflict};
pub use document::{Document, OpenFile};
pub use history::{EditKey, History};
pub use planner::{Continuation, Effect, LibraryState, Planner, StepDefaults};
pub use recovery::{RecoveryAnswer, RecoveryState};
pub use settings::Settings;
pub use shell::{PlannerApp, StartOptions, run};
pub use sync_copies::Comparison;
pub use watcher::PlansWatcher;
