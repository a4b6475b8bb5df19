use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{Muscle, Side};

/// What a client reports at intake. Stable ids in files; screening rules
/// name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ConditionKind {
    HerniatedDisc,
    Sciatica,
    /// Surgery elsewhere than the spine or hip.
    RecentSurgery,
    Pregnancy,
    Osteoporosis,
    Anticoagulants,
    VaricoseVeins,
    SkinCondition,
    FeverOrInfection,
    BladderOrBowelLoss,
    SaddleNumbness,
    ProgressiveLegWeakness,
    CancerWithWeightLoss,
    // Added with client record format 2.
    UrinaryRetention,
    BilateralSciatica,
    HistoryOfCancer,
    NightOrRestPain,
    FirstEpisodeOfBackPain,
    LongTermCorticosteroids,
    Immunosuppression,
    FeverWithBackPain,
    DvtSigns,
    DvtRisk,
    FallOrTrauma,
    AcuteInjury,
    ReducedSensation,
    SpineSurgery,
    HipSurgery,
    TotalHipReplacement,
}

/// Which fields of a [`Condition`] mean something for its kind; the intake
/// form shows only those.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConditionFields {
    pub side: bool,
    /// Muscles the condition lies over (the place of a bruise, a scar, veins).
    pub place: bool,
    /// A precaution period in weeks (surgery).
    pub weeks: bool,
}

/// A recent fall or trauma stays recent this long (bruise, haematoma,
/// fracture healing).
pub const FALL_RECENT_DAYS: i64 = 42;
/// An injury is acute for its first 72 hours.
pub const ACUTE_INJURY_DAYS: i64 = 3;
/// Surgery precautions last this long unless the surgeon says otherwise.
pub const DEFAULT_SURGERY_WEEKS: u16 = 12;

impl ConditionKind {
    /// In the order the intake form offers them: emergencies first, then
    /// red flags, then the rest.
    pub const ALL: [ConditionKind; 29] = [
        ConditionKind::SaddleNumbness,
        ConditionKind::BladderOrBowelLoss,
        ConditionKind::UrinaryRetention,
        ConditionKind::BilateralSciatica,
        ConditionKind::ProgressiveLegWeakness,
        ConditionKind::HistoryOfCancer,
        ConditionKind::CancerWithWeightLoss,
        ConditionKind::NightOrRestPain,
        ConditionKind::FirstEpisodeOfBackPain,
        ConditionKind::LongTermCorticosteroids,
        ConditionKind::Immunosuppression,
        ConditionKind::FeverWithBackPain,
        ConditionKind::FeverOrInfection,
        ConditionKind::DvtSigns,
        ConditionKind::DvtRisk,
        ConditionKind::FallOrTrauma,
        ConditionKind::AcuteInjury,
        ConditionKind::SpineSurgery,
        ConditionKind::HipSurgery,
        ConditionKind::TotalHipReplacement,
        ConditionKind::RecentSurgery,
        ConditionKind::HerniatedDisc,
        ConditionKind::Sciatica,
        ConditionKind::ReducedSensation,
        ConditionKind::Pregnancy,
        ConditionKind::Osteoporosis,
        ConditionKind::Anticoagulants,
        ConditionKind::VaricoseVeins,
        ConditionKind::SkinCondition,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ConditionKind::HerniatedDisc => "Herniated disc",
            ConditionKind::Sciatica => "Sciatica",
            ConditionKind::RecentSurgery => "Recent surgery (other)",
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
            ConditionKind::UrinaryRetention => "Urinary retention",
            ConditionKind::BilateralSciatica => "Sciatica in both legs",
            ConditionKind::HistoryOfCancer => "History of cancer",
            ConditionKind::NightOrRestPain => "Pain at night or at rest",
            ConditionKind::FirstEpisodeOfBackPain => "First episode of back pain",
            ConditionKind::LongTermCorticosteroids => "Long-term corticosteroids",
            ConditionKind::Immunosuppression => "Immunosuppression",
            ConditionKind::FeverWithBackPain => "Fever with back or flank pain",
            ConditionKind::DvtSigns => {
                "Signs of deep vein thrombosis (warm, swollen, painful calf or thigh)"
            }
            ConditionKind::DvtRisk => "Raised risk of deep vein thrombosis",
            ConditionKind::FallOrTrauma => "Recent fall or trauma",
            ConditionKind::AcuteInjury => "Acute injury (first 72 hours)",
            ConditionKind::ReducedSensation => "Reduced sensation",
            ConditionKind::SpineSurgery => "Spine surgery",
            ConditionKind::HipSurgery => "Hip surgery",
            ConditionKind::TotalHipReplacement => "Total hip replacement",
        }
    }

    /// What the free-text detail holds for this condition, for the form.
    pub fn detail_label(self) -> &'static str {
        match self {
            ConditionKind::HerniatedDisc => "Level (e.g. L4-L5)",
            ConditionKind::Sciatica => "Course (e.g. buttock to knee)",
            ConditionKind::RecentSurgery
            | ConditionKind::SpineSurgery
            | ConditionKind::HipSurgery => "What was done",
            ConditionKind::TotalHipReplacement => "Approach (e.g. posterior)",
            ConditionKind::SkinCondition | ConditionKind::VaricoseVeins => "Where",
            ConditionKind::Pregnancy => "Week or trimester",
            ConditionKind::Anticoagulants
            | ConditionKind::LongTermCorticosteroids
            | ConditionKind::Immunosuppression => "Medication",
            ConditionKind::DvtRisk => {
                "Why (recent surgery or immobilisation, long travel, postpartum, clotting disorder)"
            }
            ConditionKind::FallOrTrauma | ConditionKind::AcuteInjury => "What happened",
            ConditionKind::ReducedSensation => "Cause (e.g. diabetic neuropathy)",
            _ => "Details",
        }
    }

    /// What the date means for this condition, for the form.
    pub fn date_label(self) -> &'static str {
        match self {
            ConditionKind::FallOrTrauma | ConditionKind::AcuteInjury => "Date it happened",
            ConditionKind::RecentSurgery
            | ConditionKind::SpineSurgery
            | ConditionKind::HipSurgery
            | ConditionKind::TotalHipReplacement => "Date of surgery",
            ConditionKind::Pregnancy => "First day of the last period",
            _ => "Since",
        }
    }

    pub fn fields(self) -> ConditionFields {
        use ConditionKind as K;
        let side = matches!(
            self,
            K::Sciatica
                | K::VaricoseVeins
                | K::SkinCondition
                | K::DvtSigns
                | K::FallOrTrauma
                | K::AcuteInjury
                | K::ReducedSensation
                | K::RecentSurgery
                | K::HipSurgery
                | K::TotalHipReplacement
        );
        let place = matches!(
            self,
            K::VaricoseVeins
                | K::SkinCondition
                | K::FallOrTrauma
                | K::AcuteInjury
                | K::ReducedSensation
                | K::RecentSurgery
        );
        let weeks = matches!(
            self,
            K::RecentSurgery | K::SpineSurgery | K::HipSurgery | K::TotalHipReplacement
        );
        ConditionFields { side, place, weeks }
    }

    /// A sign of cauda equina syndrome or cord compression: the emergency
    /// department now.
    pub fn is_emergency(self) -> bool {
        use ConditionKind as K;
        matches!(
            self,
            K::BladderOrBowelLoss
                | K::SaddleNumbness
                | K::UrinaryRetention
                | K::BilateralSciatica
                | K::ProgressiveLegWeakness
        )
    }

    /// A low-back red flag: any massage waits for a physician, or the
    /// emergency department.
    pub fn is_red_flag(self) -> bool {
        use ConditionKind as K;
        matches!(
            self,
            K::BladderOrBowelLoss
                | K::SaddleNumbness
                | K::UrinaryRetention
                | K::BilateralSciatica
                | K::ProgressiveLegWeakness
                | K::CancerWithWeightLoss
                | K::HistoryOfCancer
                | K::NightOrRestPain
                | K::FirstEpisodeOfBackPain
                | K::LongTermCorticosteroids
                | K::Immunosuppression
                | K::FeverWithBackPain
                | K::DvtSigns
        )
    }
}

/// One intake condition with its detail, side, place and date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub kind: ConditionKind,
    #[serde(default)]
    pub detail: String,
    /// Since when, or when it happened (fall, injury, surgery).
    #[serde(default)]
    pub since: Option<Date>,
    /// The side it is on; `None` when it has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side: Option<Side>,
    /// The muscles it lies over; empty when not given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub place: Vec<Muscle>,
    /// Surgery: the surgeon's precaution period in weeks (default 12).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weeks: Option<u16>,
    #[serde(default)]
    pub notes: String,
}

impl Condition {
    pub fn new(kind: ConditionKind) -> Self {
        Condition {
            kind,
            detail: String::new(),
            since: None,
            side: None,
            place: Vec::new(),
            weeks: None,
            notes: String::new(),
        }
    }

    /// Whole days from `since` to `on`; `None` when undated.
    pub fn days_since(&self, on: Date) -> Option<i64> {
        let since = self.since?;
        since.until(on).ok().map(|span| i64::from(span.get_days()))
    }

    /// Whether the condition still counts on `on`: an acute injury for 72
    /// hours, a fall for six weeks, surgery for its precaution period. An
    /// undated one always counts: nobody has said it is over.
    pub fn is_current(&self, on: Date) -> bool {
        use ConditionKind as K;
        let limit_days = match self.kind {
            K::AcuteInjury => ACUTE_INJURY_DAYS,
            K::FallOrTrauma => FALL_RECENT_DAYS,
            K::RecentSurgery | K::SpineSurgery | K::HipSurgery | K::TotalHipReplacement => {
                i64::from(self.weeks.unwrap_or(DEFAULT_SURGERY_WEEKS)) * 7
            }
            _ => return true,
        };
        self.days_since(on).is_none_or(|days| days < limit_days)
    }

    /// Whether work on `muscle`/`side` lies where this condition is: on
    /// its side (or it has none), and on its place when `at_place` and a
    /// place is given.
    pub fn touches(&self, muscle: Muscle, side: Side, at_place: bool) -> bool {
        let side_ok = match self.side {
            None | Some(Side::Both) => true,
            Some(own) => side.covers(own),
        };
        let place_ok = !at_place || self.place.is_empty() || self.place.contains(&muscle);
        side_ok && place_ok
    }
}

impl std::fmt::Display for Condition {
    /// "Sciatica (right; buttock to knee; since 2026-10-20)". Everything a
    /// screening decision rests on is here: acknowledgements compare it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.kind.name())?;
        let mut parts: Vec<String> = Vec::new();
        let place: Vec<String> = self.place.iter().map(|m| lower_first(m.name())).collect();
        match (self.side, place.is_empty()) {
            (Some(side), true) => parts.push(lower_first(side.name())),
            (Some(Side::Both), false) => parts.push(format!("both sides: {}", place.join(", "))),
            (Some(side), false) => {
                parts.push(format!("{} {}", lower_first(side.name()), place.join(", ")))
            }
            (None, false) => parts.push(place.join(", ")),
            (None, true) => {}
        }
        if !self.detail.trim().is_empty() {
            parts.push(self.detail.trim().to_string());
        }
        if let Some(since) = self.since {
            let word = match self.kind {
                ConditionKind::Pregnancy => "pregnant since",
                kind if kind.date_label() == "Since" => "since",
                _ => "on",
            };
            parts.push(format!("{word} {since}"));
        }
        if let Some(weeks) = self.weeks {
            parts.push(format!("precautions {weeks} weeks"));
        }
        if !parts.is_empty() {
            write!(f, " ({})", parts.join("; "))?;
        }
        Ok(())
    }
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
