use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Technique {
    Swedish,
    DeepTissue,
    Shiatsu,
    TriggerPoint,
    MyofascialRelease,
    Sports,
    Stretching,
    HeatApplication,
}

impl Technique {
    pub const ALL: [Technique; 8] = [
        Technique::Swedish,
        Technique::DeepTissue,
        Technique::Shiatsu,
        Technique::TriggerPoint,
        Technique::MyofascialRelease,
        Technique::Sports,
        Technique::Stretching,
        Technique::HeatApplication,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Technique::Swedish => "Swedish",
            Technique::DeepTissue => "Deep tissue",
            Technique::Shiatsu => "Shiatsu",
            Technique::TriggerPoint => "Trigger point",
            Technique::MyofascialRelease => "Myofascial release",
            Technique::Sports => "Sports",
            Technique::Stretching => "Stretching",
            Technique::HeatApplication => "Heat application",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            Technique::Swedish => {
                "Long gliding strokes, kneading and friction to relax and warm the tissue."
            }
            Technique::DeepTissue => {
                "Slow, firm strokes into the deeper layers, along and across the fibres."
            }
            Technique::Shiatsu => "Rhythmic thumb and palm pressure along meridian lines.",
            Technique::TriggerPoint => {
                "Sustained pressure on a tender point until it softens and the referral eases."
            }
            Technique::MyofascialRelease => {
                "Slow sustained stretch of the fascia without oil, waiting for the tissue to release."
            }
            Technique::Sports => {
                "Brisk compression, stripping and stretching aimed at training and recovery."
            }
            Technique::Stretching => {
                "Passive or assisted stretching to lengthen the muscle and free the joint."
            }
            Technique::HeatApplication => {
                "A hot pack or warm stones to soften the tissue before hands-on work."
            }
        }
    }

    /// Position in [`Technique::ALL`], used to pick legend colours and patterns.
    pub fn index(self) -> usize {
        Technique::ALL
            .iter()
            .position(|t| *t == self)
            .unwrap_or_default()
    }
}
