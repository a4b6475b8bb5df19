//! The application: state, actions, undo, and the eframe window around them.

mod action;
mod client_state;
mod command;
mod dialogs;
mod document;
mod edits;
mod history;
mod planner;
mod settings;
mod shell;

pub use action::{Action, Edit, UnsavedAnswer};
pub use client_state::{ClientState, Rules};
pub use command::Command;
pub use document::{Document, OpenFile};
pub use history::{EditKey, History};
pub use planner::{Continuation, Effect, LibraryState, Planner, StepDefaults};
pub use settings::Settings;
pub use shell::{PlannerApp, StartOptions, run};
