//! egui views. Each reads the planner's state and returns the actions the
//! person took; none of them changes the plan itself.

pub mod accessible;
pub mod client_editor;
pub mod compare_window;
pub mod conflict_dialog;
pub mod library_panel;
pub mod map;
pub mod menu;
pub mod path_prompt;
pub mod plan_editor;
pub mod recovery_dialog;
pub mod safety;
pub mod shortcuts;
pub mod status_bar;
pub mod style;
pub mod time_bar;
pub mod unsaved_dialog;
