//! A client's course of treatment: every session of one client from the
//! library, the pain trend across them, the heat map of what was worked,
//! and the home-care advice for a plan. No egui here: the window, the
//! progress report and the handout all read these.

mod heat;
mod heat_fills;
mod home_care;
mod sessions;
mod trend;

pub use heat::{DateRange, HeatCell, HeatMap};
pub use heat_fills::{HEAT_BANDS, HeatFill, heat_band, heat_band_top, heat_fills, views_worked};
pub use home_care::{
    Exercise, HOME_CARE_RON, HomeCare, HomeCareError, HomeCareItem, HomeCarePlan, HomeCareRule,
    Movement, Omission,
};
pub use sessions::{Course, CourseError, Session, load_course};
pub use trend::{IntakeEvent, PainSeries, PainTrend, TrendPoint, days_from};
