use serde::{Deserialize, Serialize};

/// The muscles (and the two bands of fascia) of the back, neck, hips and
/// thighs the planner knows, from the neck down. The serialised id
/// (`quadratus_lumborum`) is stable: plan files use it. New muscles may be
/// inserted anywhere; nothing stores a muscle's position in this list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Muscle {
    UpperTrapezius,
    LevatorScapulae,
    MiddleTrapezius,
    Rhomboids,
    LowerTrapezius,
    Infraspinatus,
    TeresMajor,
    LatissimusDorsi,
    SerratusPosteriorInferior,
    ErectorSpinae,
    Multifidus,
    QuadratusLumborum,
    ThoracolumbarFascia,
    ExternalOblique,
    PsoasMajor,
    Iliacus,
    GluteusMaximus,
    GluteusMedius,
    GluteusMinimus,
    Piriformis,
    TensorFasciaeLatae,
    IliotibialBand,
    Sartorius,
    RectusFemoris,
    Adductors,
    VastusLateralis,
    Hamstrings,
}

impl Muscle {
    pub const ALL: [Muscle; 27] = [
        Muscle::UpperTrapezius,
        Muscle::LevatorScapulae,
        Muscle::MiddleTrapezius,
        Muscle::Rhomboids,
        Muscle::LowerTrapezius,
        Muscle::Infraspinatus,
        Muscle::TeresMajor,
        Muscle::LatissimusDorsi,
        Muscle::SerratusPosteriorInferior,
        Muscle::ErectorSpinae,
        Muscle::Multifidus,
        Muscle::QuadratusLumborum,
        Muscle::ThoracolumbarFascia,
        Muscle::ExternalOblique,
        Muscle::PsoasMajor,
        Muscle::Iliacus,
        Muscle::GluteusMaximus,
        Muscle::GluteusMedius,
        Muscle::GluteusMinimus,
        Muscle::Piriformis,
        Muscle::TensorFasciaeLatae,
        Muscle::IliotibialBand,
        Muscle::Sartorius,
        Muscle::RectusFemoris,
        Muscle::Adductors,
        Muscle::VastusLateralis,
        Muscle::Hamstrings,
    ];

    /// The id used in plan files, e.g. `quadratus_lumborum`.
    pub fn id(self) -> &'static str {
        match self {
            Muscle::UpperTrapezius => "upper_trapezius",
            Muscle::LevatorScapulae => "levator_scapulae",
            Muscle::MiddleTrapezius => "middle_trapezius",
            Muscle::Rhomboids => "rhomboids",
            Muscle::LowerTrapezius => "lower_trapezius",
            Muscle::Infraspinatus => "infraspinatus",
            Muscle::TeresMajor => "teres_major",
            Muscle::LatissimusDorsi => "latissimus_dorsi",
            Muscle::SerratusPosteriorInferior => "serratus_posterior_inferior",
            Muscle::ErectorSpinae => "erector_spinae",
            Muscle::Multifidus => "multifidus",
            Muscle::QuadratusLumborum => "quadratus_lumborum",
            Muscle::ThoracolumbarFascia => "thoracolumbar_fascia",
            Muscle::ExternalOblique => "external_oblique",
            Muscle::PsoasMajor => "psoas_major",
            Muscle::Iliacus => "iliacus",
            Muscle::GluteusMaximus => "gluteus_maximus",
            Muscle::GluteusMedius => "gluteus_medius",
            Muscle::GluteusMinimus => "gluteus_minimus",
            Muscle::Piriformis => "piriformis",
            Muscle::TensorFasciaeLatae => "tensor_fasciae_latae",
            Muscle::IliotibialBand => "iliotibial_band",
            Muscle::Sartorius => "sartorius",
            Muscle::RectusFemoris => "rectus_femoris",
            Muscle::Adductors => "adductors",
            Muscle::VastusLateralis => "vastus_lateralis",
            Muscle::Hamstrings => "hamstrings",
        }
    }

    /// Name as a therapist reads it, lower case after the first letter.
    pub fn name(self) -> &'static str {
        match self {
            Muscle::UpperTrapezius => "Upper trapezius",
            Muscle::LevatorScapulae => "Levator scapulae",
            Muscle::MiddleTrapezius => "Middle trapezius",
            Muscle::Rhomboids => "Rhomboids",
            Muscle::LowerTrapezius => "Lower trapezius",
            Muscle::Infraspinatus => "Infraspinatus",
            Muscle::TeresMajor => "Teres major",
            Muscle::LatissimusDorsi => "Latissimus dorsi",
            Muscle::SerratusPosteriorInferior => "Serratus posterior inferior",
            Muscle::ErectorSpinae => "Erector spinae (lumbar)",
            Muscle::Multifidus => "Multifidus",
            Muscle::QuadratusLumborum => "Quadratus lumborum",
            Muscle::ThoracolumbarFascia => "Thoracolumbar fascia",
            Muscle::ExternalOblique => "External oblique",
            Muscle::PsoasMajor => "Psoas major",
            Muscle::Iliacus => "Iliacus",
            Muscle::GluteusMaximus => "Gluteus maximus",
            Muscle::GluteusMedius => "Gluteus medius",
            Muscle::GluteusMinimus => "Gluteus minimus",
            Muscle::Piriformis => "Piriformis",
            Muscle::TensorFasciaeLatae => "Tensor fasciae latae",
            Muscle::IliotibialBand => "Iliotibial band",
            Muscle::Sartorius => "Sartorius",
            Muscle::RectusFemoris => "Rectus femoris",
            Muscle::Adductors => "Adductors (inner thigh)",
            Muscle::VastusLateralis => "Vastus lateralis",
            Muscle::Hamstrings => "Hamstrings (upper)",
        }
    }

    /// A short name for labels on the map, where room is scarce.
    pub fn short_name(self) -> &'static str {
        match self {
            Muscle::LowerTrapezius => "Lower trap.",
            Muscle::LatissimusDorsi => "Latissimus",
            Muscle::ErectorSpinae => "Erector sp.",
            Muscle::Multifidus => "Multifidus",
            Muscle::QuadratusLumborum => "QL",
            Muscle::ThoracolumbarFascia => "TL fascia",
            Muscle::GluteusMaximus => "Glut. max.",
            Muscle::GluteusMedius => "Glut. med.",
            Muscle::GluteusMinimus => "Glut. min.",
            Muscle::Piriformis => "Piriformis",
            Muscle::TensorFasciaeLatae => "TFL",
            Muscle::Hamstrings => "Hamstrings",
            Muscle::UpperTrapezius => "Upper trap.",
            Muscle::LevatorScapulae => "Levator sc.",
            Muscle::MiddleTrapezius => "Middle trap.",
            Muscle::Rhomboids => "Rhomboids",
            Muscle::Infraspinatus => "Infraspin.",
            Muscle::TeresMajor => "Teres maj.",
            Muscle::SerratusPosteriorInferior => "Serratus p.i.",
            Muscle::ExternalOblique => "Ext. oblique",
            Muscle::PsoasMajor => "Psoas",
            Muscle::Iliacus => "Iliacus",
            Muscle::IliotibialBand => "IT band",
            Muscle::Sartorius => "Sartorius",
            Muscle::RectusFemoris => "Rectus fem.",
            Muscle::Adductors => "Adductors",
            Muscle::VastusLateralis => "Vastus lat.",
        }
    }

    /// Position in [`Muscle::ALL`] (bit sets of muscles use it).
    pub fn index(self) -> usize {
        self as usize
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_snake_case_and_round_trip() {
        let mut seen = std::collections::HashSet::new();
        for (i, muscle) in Muscle::ALL.into_iter().enumerate() {
            assert_eq!(muscle.index(), i, "{muscle:?}");
            assert!(seen.insert(muscle.id()), "{muscle:?}");
            assert!(
                muscle
                    .id()
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_'),
                "{muscle:?}"
            );
            let ron_text = ron::to_string(&muscle).unwrap_or_default();
            assert_eq!(ron_text, muscle.id());
            assert_eq!(ron::from_str::<Muscle>(&ron_text).ok(), Some(muscle));
        }
        assert_eq!(
            ron::from_str::<Muscle>("upper_trapezius").ok(),
            Some(Muscle::UpperTrapezius)
        );
        assert!(ron::from_str::<Muscle>("trapezius").is_err());
    }

    #[test]
    fn the_ids_of_earlier_plan_files_still_load() {
        for id in [
            "lower_trapezius",
            "latissimus_dorsi",
            "erector_spinae",
            "multifidus",
            "quadratus_lumborum",
            "thoracolumbar_fascia",
            "gluteus_maximus",
            "gluteus_medius",
            "gluteus_minimus",
            "piriformis",
            "tensor_fasciae_latae",
            "hamstrings",
        ] {
            assert!(ron::from_str::<Muscle>(id).is_ok(), "{id}");
        }
    }
}
