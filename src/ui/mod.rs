//! egui views. Each reads the planner's state and returns the actions the
//! person took; none of them changes the plan itself.

pub mod accessible;
pub mod after_session;
pub mod backdrop;
pub mod client_editor;
mod client_section;
pub mod compare_window;
pub mod conflict_dialog;
pub mod course_compare;
pub mod course_heat_map;
pub mod course_window;
pub(crate) mod fields;
pub mod invisible_shapes;
pub mod kept_tessellation;
pub mod library_panel;
pub mod map;
mod map_labels;
mod map_legend;
pub mod map_pain;
mod map_picture_cache;
pub mod map_referral;
mod map_strokes;
pub mod menu;
pub mod painted_cache;
pub mod path_prompt;
pub mod plan_editor;
pub mod recovery_dialog;
pub mod safety;
pub mod session_view;
pub mod shortcuts;
pub mod status_bar;
mod step_row;
mod step_trigger_point;
pub mod style;
pub mod suggestions;
pub mod time_bar;
pub mod unsaved_dialog;
