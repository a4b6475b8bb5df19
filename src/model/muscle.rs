use serde::{Deserialize, Serialize};

/// The muscles (and the one fascia) of the back and hips the planner knows.
/// The serialised id (`quadratus_lumborum`) is stable: plan files use it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Muscle {
    LowerTrapezius,
    LatissimusDorsi,
    ErectorSpinae,
    Multifidus,
    QuadratusLumborum,
    ThoracolumbarFascia,
    GluteusMaximus,
    GluteusMedius,
    GluteusMinimus,
    Piriformis,
    TensorFasciaeLatae,
    Hamstrings,
}

impl Muscle {
    pub const ALL: [Muscle; 12] = [
        Muscle::LowerTrapezius,
        Muscle::LatissimusDorsi,
        Muscle::ErectorSpinae,
        Muscle::Multifidus,
        Muscle::QuadratusLumborum,
        Muscle::ThoracolumbarFascia,
        Muscle::GluteusMaximus,
        Muscle::GluteusMedius,
        Muscle::GluteusMinimus,
        Muscle::Piriformis,
        Muscle::TensorFasciaeLatae,
        Muscle::Hamstrings,
    ];

    /// The id used in plan files, e.g. `quadratus_lumborum`.
    pub fn id(self) -> &'static str {
        match self {
            Muscle::LowerTrapezius => "lower_trapezius",
            Muscle::LatissimusDorsi => "latissimus_dorsi",
            Muscle::ErectorSpinae => "erector_spinae",
            Muscle::Multifidus => "multifidus",
            Muscle::QuadratusLumborum => "quadratus_lumborum",
            Muscle::ThoracolumbarFascia => "thoracolumbar_fascia",
            Muscle::GluteusMaximus => "gluteus_maximus",
            Muscle::GluteusMedius => "gluteus_medius",
            Muscle::GluteusMinimus => "gluteus_minimus",
            Muscle::Piriformis => "piriformis",
            Muscle::TensorFasciaeLatae => "tensor_fasciae_latae",
            Muscle::Hamstrings => "hamstrings",
        }
    }

    /// Name as a therapist reads it, lower case after the first letter.
    pub fn name(self) -> &'static str {
        match self {
            Muscle::LowerTrapezius => "Lower trapezius",
            Muscle::LatissimusDorsi => "Latissimus dorsi",
            Muscle::ErectorSpinae => "Erector spinae (lumbar)",
            Muscle::Multifidus => "Multifidus",
            Muscle::QuadratusLumborum => "Quadratus lumborum",
            Muscle::ThoracolumbarFascia => "Thoracolumbar fascia",
            Muscle::GluteusMaximus => "Gluteus maximus",
            Muscle::GluteusMedius => "Gluteus medius",
            Muscle::GluteusMinimus => "Gluteus minimus",
            Muscle::Piriformis => "Piriformis",
            Muscle::TensorFasciaeLatae => "Tensor fasciae latae",
            Muscle::Hamstrings => "Hamstrings (upper)",
        }
    }

    /// "Left quadratus lumborum", "Both sides: gluteus medius".
    pub fn label_with_side(self, side: crate::model::Side) -> String {
        let name = self.name();
        let lower = lower_first(name);
        match side {
            crate::model::Side::Both => format!("{name}, both sides"),
            side => format!("{} {lower}", side.name()),
        }
    }
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
