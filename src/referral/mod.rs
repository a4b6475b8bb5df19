//! From where it hurts to which muscles: the body chart for pain drawings
//! and its named areas, each muscle's referral pattern and trigger points
//! (data in `assets/`), the ranking of muscles for a drawing, and the nerve
//! signs a drawing can show. No egui here.

mod chart;
mod error;
mod nerve_signs;
mod patterns;
mod suggest;

pub use chart::{AreaIndex, BODY_CHART_RON, BodyChart, Grid, NamedArea, side_label};
pub use error::{ChartError, PatternError};
pub use nerve_signs::{DrawingFinding, NerveSign, nerve_sign_findings};
pub use patterns::{
    PATTERNS_RON, ReferralPattern, ReferralPatterns, TriggerPoint, Zone, trigger_point_at,
};
pub use suggest::{
    ESSENTIAL_WEIGHT, LOCAL_WEIGHT, PaintedArea, SPILLOVER_WEIGHT, Suggestion, painted_areas,
    suggest,
};
