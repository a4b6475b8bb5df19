use serde::{Deserialize, Serialize};

/// A landmark or endangerment site on the map that screening rules can name
/// (`kidney_area` in `screening-rules.ron`). The serialised id is stable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Site {
    SpinousProcesses,
    TwelfthRib,
    KidneyArea,
    Psis,
    SitBone,
    GreaterTrochanter,
    SciaticNerve,
    FemoralTriangle,
    AbdominalAorta,
    PoplitealFossa,
}

impl Site {
    pub const ALL: [Site; 10] = [
        Site::SpinousProcesses,
        Site::TwelfthRib,
        Site::KidneyArea,
        Site::Psis,
        Site::SitBone,
        Site::GreaterTrochanter,
        Site::SciaticNerve,
        Site::FemoralTriangle,
        Site::AbdominalAorta,
        Site::PoplitealFossa,
    ];

    /// The id used in files, e.g. `kidney_area`.
    pub fn id(self) -> &'static str {
        match self {
            Site::SpinousProcesses => "spinous_processes",
            Site::TwelfthRib => "twelfth_rib",
            Site::KidneyArea => "kidney_area",
            Site::Psis => "psis",
            Site::SitBone => "sit_bone",
            Site::GreaterTrochanter => "greater_trochanter",
            Site::SciaticNerve => "sciatic_nerve",
            Site::FemoralTriangle => "femoral_triangle",
            Site::AbdominalAorta => "abdominal_aorta",
            Site::PoplitealFossa => "popliteal_fossa",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Site::SpinousProcesses => "Spinous processes",
            Site::TwelfthRib => "12th rib",
            Site::KidneyArea => "Kidney area",
            Site::Psis => "PSIS",
            Site::SitBone => "Sit bone",
            Site::GreaterTrochanter => "Greater trochanter",
            Site::SciaticNerve => "Sciatic nerve",
            Site::FemoralTriangle => "Femoral triangle",
            Site::AbdominalAorta => "Abdominal aorta",
            Site::PoplitealFossa => "Popliteal fossa",
        }
    }

    /// An endangerment site: nerves, vessels or organs close under the skin,
    /// where deep or sustained pressure can do harm. The others are bony
    /// landmarks to find one's way (and to keep pressure off).
    pub fn is_endangerment(self) -> bool {
        matches!(
            self,
            Site::KidneyArea
                | Site::SciaticNerve
                | Site::FemoralTriangle
                | Site::AbdominalAorta
                | Site::PoplitealFossa
        )
    }

    /// What the site means for the hands, in one line.
    pub fn caution(self) -> &'static str {
        match self {
            Site::SpinousProcesses => "Never press on the spine; work the muscles either side.",
            Site::TwelfthRib => "Floating rib: no pressure up under it or on its tip.",
            Site::KidneyArea => "Kidneys under the 12th rib: no deep pressure, no percussion.",
            Site::Psis => "Bony landmark over the sacroiliac joint: work around it.",
            Site::SitBone => "Hamstring tendons attach here: careful pressure, drape well.",
            Site::GreaterTrochanter => "Bursa over the bone: gentle, no pressure on the bone.",
            Site::SciaticNerve => {
                "Sciatic nerve: no sustained pointed pressure; stop if pain shoots down the leg."
            }
            Site::FemoralTriangle => {
                "Femoral artery, vein and nerve: no deep pressure in the groin."
            }
            Site::AbdominalAorta => "Aorta: feel for a pulse and move off it; never press on it.",
            Site::PoplitealFossa => "Artery, vein and nerve behind the knee: no deep pressure.",
        }
    }

    pub fn from_id(id: &str) -> Option<Site> {
        Site::ALL.into_iter().find(|s| s.id() == id)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_endangerment_sites_are_the_soft_ones() {
        for site in Site::ALL {
            assert_eq!(Site::from_id(site.id()), Some(site));
            assert_eq!(ron::to_string(&site).unwrap(), site.id());
        }
        assert!(Site::KidneyArea.is_endangerment());
        assert!(Site::FemoralTriangle.is_endangerment());
        assert!(Site::AbdominalAorta.is_endangerment());
        assert!(!Site::Psis.is_endangerment());
        assert!(!Site::GreaterTrochanter.is_endangerment());
    }
}
