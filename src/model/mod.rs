//! The session plan as plain data: no egui, no file system.

mod acknowledgement;
mod clearance;
mod client_record;
mod condition;
mod differences;
mod muscle;
mod muscle_search;
mod muscle_side;
mod pain;
mod pain_drawing;
mod plan;
mod position;
mod pressure;
mod record;
mod side;
mod site;
mod technique;
mod validation;

pub use acknowledgement::Acknowledgement;
pub use clearance::Clearance;
pub use client_record::{CLIENT_FORMAT_VERSION, ClientRecord};
pub use condition::{
    ACUTE_INJURY_DAYS, Condition, ConditionFields, ConditionKind, DEFAULT_SURGERY_WEEKS,
    FALL_RECENT_DAYS,
};
pub use differences::{Difference, differences};
pub use muscle::Muscle;
pub use muscle_search::find_muscles;
pub use muscle_side::MuscleSide;
pub use pain::{Pain, PainLevel, PainOutOfRange};
pub use pain_drawing::{
    BodyView, Cell, CellSet, CellsSyntax, PainArea, PainDrawing, PainMark, PainQuality,
};
pub use plan::{Client, DEFAULT_SESSION_MINUTES, FORMAT_VERSION, Plan, Step};
pub use position::{Position, order_to_turn_less, position_changes};
pub use pressure::{PRESSURE_HINT, Pressure, PressureOutOfRange};
pub use record::{Outcome, Seconds, SecondsOutOfRange, SessionRecord, Soap, StepRecord};
pub use side::Side;
pub use site::Site;
pub use technique::{Technique, TechniqueProperty};
pub use validation::{Field, Finding, MAX_STEP_MINUTES, MIN_STEP_MINUTES, Severity};
