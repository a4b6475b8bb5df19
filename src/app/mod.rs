//! The eframe window around the planner: it draws the views, hands what the
//! person did to `Planner::apply`, and carries out the effects.

mod chime;
mod dialogs;
mod freed_memory;
mod shell;
mod watcher;

pub use freed_memory::keep_freed_memory_for_reuse;
pub use shell::{PlannerApp, StartOptions, run};
pub use watcher::PlansWatcher;
