//! Massage session planner: plan a session on a clickable muscle map of the
//! back and hips, keep plans as RON files, print a plan sheet.

pub mod atlas;
pub mod cli;
pub mod model;
pub mod store;
