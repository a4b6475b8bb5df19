//! The session plan as plain data: no egui, no file system.

mod muscle;
mod plan;
mod pressure;
mod side;
mod technique;
mod validation;

pub use muscle::Muscle;
pub use plan::{Client, DEFAULT_SESSION_MINUTES, FORMAT_VERSION, Plan, Step};
pub use pressure::{Pressure, PressureOutOfRange};
pub use side::Side;
pub use technique::Technique;
pub use validation::{Finding, MAX_STEP_MINUTES, MIN_STEP_MINUTES, Severity};
