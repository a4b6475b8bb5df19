//! The session plan as plain data: no egui, no file system.

mod acknowledgement;
mod client_record;
mod condition;
mod differences;
mod muscle;
mod muscle_side;
mod pain;
mod plan;
mod pressure;
mod side;
mod technique;
mod validation;

pub use acknowledgement::Acknowledgement;
pub use client_record::{CLIENT_FORMAT_VERSION, ClientRecord};
pub use condition::{Condition, ConditionKind};
pub use differences::{Difference, differences};
pub use muscle::Muscle;
pub use muscle_side::MuscleSide;
pub use pain::{Pain, PainLevel, PainOutOfRange};
pub use plan::{Client, DEFAULT_SESSION_MINUTES, FORMAT_VERSION, Plan, Step};
pub use pressure::{PRESSURE_HINT, Pressure, PressureOutOfRange};
pub use side::Side;
pub use technique::Technique;
pub use validation::{Finding, MAX_STEP_MINUTES, MIN_STEP_MINUTES, Severity};
