//! The eframe window around the planner: it draws the views, hands what the
//! person did to `Planner::apply`, and carries out the effects.

mod dialogs;
mod shell;
mod watcher;

pub use shell::{PlannerApp, StartOptions, run};
pub use watcher::PlansWatcher;
