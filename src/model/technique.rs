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
    /// A massage gun, as self-care or in the session.
    Percussion,
}

/// What a technique does to the body, which screening rules match on
/// rather than on technique names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TechniqueProperty {
    /// Localised pressure held on a point: feels deep even at medium pressure.
    PointPressure,
    /// Takes a joint through its range (stretching).
    MovesJoints,
    /// Warms the tissue (hot packs, stones, towels).
    Heat,
    /// Rapid repeated blows (massage gun).
    Percussion,
}

impl TechniqueProperty {
    pub fn name(self) -> &'static str {
        match self {
            TechniqueProperty::PointPressure => "sustained point pressure",
            TechniqueProperty::MovesJoints => "moves joints",
            TechniqueProperty::Heat => "heat",
            TechniqueProperty::Percussion => "percussion",
        }
    }
}

impl Technique {
    pub const ALL: [Technique; 9] = [
        Technique::Swedish,
        Technique::DeepTissue,
        Technique::Shiatsu,
        Technique::TriggerPoint,
        Technique::MyofascialRelease,
        Technique::Sports,
        Technique::Stretching,
        Technique::HeatApplication,
        Technique::Percussion,
    ];

    /// What the technique does, as screening sees it.
    pub fn properties(self) -> &'static [TechniqueProperty] {
        use TechniqueProperty::{Heat, MovesJoints, Percussion, PointPressure};
        match self {
            Technique::Swedish | Technique::MyofascialRelease => &[],
            Technique::DeepTissue | Technique::Shiatsu | Technique::TriggerPoint => {
                &[PointPressure]
            }
            // Sports massage strips, compresses and stretches.
            Technique::Sports => &[PointPressure, MovesJoints],
            Technique::Stretching => &[MovesJoints],
            Technique::HeatApplication => &[Heat],
            Technique::Percussion => &[Percussion],
        }
    }

    pub fn has(self, property: TechniqueProperty) -> bool {
        self.properties().contains(&property)
    }

    /// How to use it safely, printed with the step; empty when the
    /// description says enough.
    pub fn advice(self) -> &'static str {
        match self {
            Technique::Percussion => {
                "Switch it on before it touches the body. Rest it on the muscle without pressing and glide slowly, about an inch (2-3 cm) a second; on a knot let it rest without adding pressure. Keep off the bones and the spine. A few minutes per area is enough."
            }
            _ => "",
        }
    }

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
            Technique::Percussion => "Percussion (massage gun)",
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
            Technique::Percussion => {
                "A massage gun resting on the muscle, gliding slowly: loosens tension before or between sessions."
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
