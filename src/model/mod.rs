//! The session plan as plain data: no egui, no file system.

mod acknowledgement;
mod clearance;
mod client_record;
mod condition;
mod muscle;
mod muscle_search;
mod muscle_side;
mod pain;
mod plan;
mod position;
mod pressure;
mod side;
mod technique;
mod validation;

pub use acknowledgement::Acknowledgement;
pub use clearance::Clearance;
pub use client_record::{CLIENT_FORMAT_VERSION, ClientRecord};
pub use condition::{
    ACUTE_INJURY_DAYS, Condition, ConditionFields, ConditionKind, DEFAULT_SURGERY_WEEKS,
    FALL_RECENT_DAYS,
};
pub use muscle::Muscle;
pub use muscle_search::find_muscles;
pub use muscle_side::MuscleSide;
pub use pain::{Pain, PainLevel, PainOutOfRange};
pub use plan::{Client, DEFAULT_SESSION_MINUTES, FORMAT_VERSION, Plan, Step};
pub use position::{Position, order_to_turn_less, position_changes};
pub use pressure::{Pressure, PressureOutOfRange};
pub use side::Side;
pub use technique::{Technique, TechniqueProperty};
pub use validation::{Finding, MAX_STEP_MINUTES, MIN_STEP_MINUTES, Severity};
