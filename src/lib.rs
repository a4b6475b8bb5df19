//! Massage session planner: plan a session on a clickable muscle map of the
//! back and hips, keep plans as RON files, print a plan sheet.
//!
//! `model`, `atlas`, `referral`, `store`, `screening`, `session`, `course` and `sheet`
//! are the core and never use egui; `planner` holds the window's state and the one place that
//! changes it (`Planner::apply`), without egui either; `ui` draws and returns
//! actions; `app` owns the window and carries out effects.

pub mod app;
pub mod atlas;
pub mod cli;
pub mod course;
pub mod model;
pub mod planner;
pub mod referral;
pub mod screening;
pub mod session;
pub mod sheet;
pub mod store;
/// Sample libraries for benchmarks and the `gen_library` example.
#[doc(hidden)]
pub mod testing;
pub mod ui;
