use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// What a client reports at intake. Stable ids in files; screening rules
/// name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ConditionKind {
    HerniatedDisc,
    Sciatica,
    RecentSurgery,
    Pregnancy,
    Osteoporosis,
    Anticoagulants,
    VaricoseVeins,
    SkinCondition,
    FeverOrInfection,
    // Low-back red flags: refer to a physician before any massage.
    BladderOrBowelLoss,
    SaddleNumbness,
    ProgressiveLegWeakness,
    CancerWithWeightLoss,
}

impl ConditionKind {
    pub const ALL: [ConditionKind; 13] = [
        ConditionKind::HerniatedDisc,
        ConditionKind::Sciatica,
        ConditionKind::RecentSurgery,
        ConditionKind::Pregnancy,
        ConditionKind::Osteoporosis,
        ConditionKind::Anticoagulants,
        ConditionKind::VaricoseVeins,
        ConditionKind::SkinCondition,
        ConditionKind::FeverOrInfection,
        ConditionKind::BladderOrBowelLoss,
        ConditionKind::SaddleNumbness,
        ConditionKind::ProgressiveLegWeakness,
        ConditionKind::CancerWithWeightLoss,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ConditionKind::HerniatedDisc => "Herniated disc",
            ConditionKind::Sciatica => "Sciatica",
            ConditionKind::RecentSurgery => "Recent surgery",
            ConditionKind::Pregnancy => "Pregnancy",
            ConditionKind::Osteoporosis => "Osteoporosis",
            ConditionKind::Anticoagulants => "Anticoagulant medication",
            ConditionKind::VaricoseVeins => "Varicose veins",
            ConditionKind::SkinCondition => "Skin condition",
            ConditionKind::FeverOrInfection => "Fever or acute infection",
            ConditionKind::BladderOrBowelLoss => "New loss of bladder or bowel control",
            ConditionKind::SaddleNumbness => "Saddle numbness",
            ConditionKind::ProgressiveLegWeakness => "Progressive or bilateral leg weakness",
            ConditionKind::CancerWithWeightLoss => "History of cancer with unexplained weight loss",
        }
    }

    /// What the free-text detail holds for this condition, for the form.
    pub fn detail_label(self) -> &'static str {
        match self {
            ConditionKind::HerniatedDisc => "Level (e.g. L4-L5)",
            ConditionKind::Sciatica => "Side and course",
            ConditionKind::RecentSurgery | ConditionKind::SkinCondition => "Where",
            ConditionKind::Pregnancy => "Trimester",
            ConditionKind::Anticoagulants => "Medication",
            ConditionKind::VaricoseVeins => "Where",
            _ => "Details",
        }
    }

    /// A low-back red flag: any massage waits for a physician.
    pub fn is_red_flag(self) -> bool {
        matches!(
            self,
            ConditionKind::BladderOrBowelLoss
                | ConditionKind::SaddleNumbness
                | ConditionKind::ProgressiveLegWeakness
                | ConditionKind::CancerWithWeightLoss
        )
    }
}

/// One intake condition with its detail and since when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub kind: ConditionKind,
    #[serde(default)]
    pub detail: String,
    #[serde(default)]
    pub since: Option<Date>,
    #[serde(default)]
    pub notes: String,
}

impl Condition {
    pub fn new(kind: ConditionKind) -> Self {
        Condition {
            kind,
            detail: String::new(),
            since: None,
            notes: String::new(),
        }
    }
}

impl std::fmt::Display for Condition {
    /// "Herniated disc (L4-L5, since 2026-03-01)".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.kind.name())?;
        let detail = self.detail.trim();
        match (detail.is_empty(), self.since) {
            (true, None) => Ok(()),
            (false, None) => write!(f, " ({detail})"),
            (true, Some(since)) => write!(f, " (since {since})"),
            (false, Some(since)) => write!(f, " ({detail}, since {since})"),
        }
    }
}
