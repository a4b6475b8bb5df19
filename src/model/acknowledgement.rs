use serde::{Deserialize, Serialize};

use super::{Muscle, Side};

/// The therapist has read a screening warning and decided; the note says
/// why (e.g. "physician cleared on 2026-11-10"). Keyed by rule and region,
/// not by step number, so it survives reordering.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Acknowledgement {
    pub rule: String,
    /// The step's muscle and side; `None` for a warning about the whole plan.
    #[serde(default)]
    pub muscle: Option<Muscle>,
    #[serde(default)]
    pub side: Option<Side>,
    #[serde(default)]
    pub note: String,
}

impl Acknowledgement {
    /// Whether this acknowledges rule `rule` on `region` (`None`: the whole plan).
    pub fn is_for(&self, rule: &str, region: Option<(Muscle, Side)>) -> bool {
        self.rule == rule && self.muscle == region.map(|r| r.0) && self.side == region.map(|r| r.1)
    }
}
