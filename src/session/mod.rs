//! Running a session: the steps one after another against the clock, and
//! the record of what was done. No egui here: the window shows a
//! [`SessionRunner`] and passes it the time.

mod clock;
mod runner;

pub use clock::{Clock, ManualClock, Moment, SystemClock};
pub use runner::{ProgressDoesNotFit, SessionProgress, SessionRunner, StepProgress, countdown};
