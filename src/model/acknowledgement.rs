use serde::{Deserialize, Serialize};

use super::{Muscle, MuscleSide, Side};

/// The therapist has read a screening warning and decided; the note says
/// why (e.g. "physician cleared on 2026-11-10"). Keyed by rule and region,
/// not by step number, so it survives reordering.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "AcknowledgementFile", into = "AcknowledgementFile")]
pub struct Acknowledgement {
    pub rule: String,
    /// The step's muscle and side; `None` for a warning about the whole plan.
    pub region: Option<MuscleSide>,
    pub note: String,
}

/// The file shape: `muscle` and `side` side by side, both or neither.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Acknowledgement")]
struct AcknowledgementFile {
    rule: String,
    #[serde(default)]
    muscle: Option<Muscle>,
    #[serde(default)]
    side: Option<Side>,
    #[serde(default)]
    note: String,
}

impl TryFrom<AcknowledgementFile> for Acknowledgement {
    type Error = &'static str;

    fn try_from(file: AcknowledgementFile) -> Result<Self, Self::Error> {
        let region = match (file.muscle, file.side) {
            (Some(muscle), Some(side)) => Some(MuscleSide::new(muscle, side)),
            (None, None) => None,
            (Some(_), None) => return Err("an acknowledgement with a muscle needs its side"),
            (None, Some(_)) => return Err("an acknowledgement with a side needs its muscle"),
        };
        Ok(Acknowledgement {
            rule: file.rule,
            region,
            note: file.note,
        })
    }
}

impl From<Acknowledgement> for AcknowledgementFile {
    fn from(ack: Acknowledgement) -> Self {
        AcknowledgementFile {
            rule: ack.rule,
            muscle: ack.region.map(|r| r.muscle),
            side: ack.region.map(|r| r.side),
            note: ack.note,
        }
    }
}

impl Acknowledgement {
    /// Whether this acknowledges rule `rule` on `region` (`None`: the whole plan).
    pub fn is_for(&self, rule: &str, region: Option<MuscleSide>) -> bool {
        self.rule == rule && self.region == region
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_file_keeps_muscle_and_side_side_by_side() {
        let ack: Acknowledgement =
            ron::from_str(r#"(rule: "disc", muscle: Some(piriformis), side: Some(Left))"#).unwrap();
        assert_eq!(
            ack.region,
            Some(MuscleSide::new(Muscle::Piriformis, Side::Left))
        );
        let whole_plan: Acknowledgement = ron::from_str(r#"(rule: "fever")"#).unwrap();
        assert_eq!(whole_plan.region, None);
    }

    #[test]
    fn a_muscle_without_its_side_is_refused() {
        let error = ron::from_str::<Acknowledgement>(r#"(rule: "disc", muscle: Some(piriformis))"#)
            .unwrap_err();
        assert!(error.to_string().contains("needs its side"), "{error}");
    }
}
