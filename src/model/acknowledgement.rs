use serde::{Deserialize, Serialize};

use super::{Clearance, Muscle, MuscleSide, Side};

/// The therapist has read a screening warning and decided; the note says
/// why. Keyed by rule and region, not by step number, so it survives
/// reordering.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "AcknowledgementFile", into = "AcknowledgementFile")]
pub struct Acknowledgement {
    pub rule: String,
    /// The step's muscle and side; `None` for a warning about the whole plan.
    pub region: Option<MuscleSide>,
    pub note: String,
    /// What about the client the decision was made on (the warning's
    /// `because`, e.g. "client: Herniated disc (L4-L5)"). It holds only
    /// while the client's record still says so; `None` in plans from
    /// format 2, which did not record it.
    pub because: Option<String>,
    /// Who cleared the client: required for a Refer-out finding.
    pub clearance: Option<Clearance>,
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    because: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    clearance: Option<Clearance>,
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
            because: file.because,
            clearance: file.clearance,
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
            because: ack.because,
            clearance: ack.clearance,
        }
    }
}

impl Acknowledgement {
    /// An acknowledgement of rule `rule` on `region` made on `because`.
    pub fn new(rule: &str, region: Option<MuscleSide>, because: &str, note: &str) -> Self {
        Acknowledgement {
            rule: rule.to_string(),
            region,
            note: note.to_string(),
            because: Some(because.to_string()),
            clearance: None,
        }
    }

    /// Whether this acknowledges rule `rule` on `region` (`None`: the whole plan).
    pub fn is_for(&self, rule: &str, region: Option<MuscleSide>) -> bool {
        self.rule == rule && self.region == region
    }

    /// Whether it was decided on what the client's record says now.
    /// Format-2 acknowledgements did not record it and are taken as made.
    pub fn still_holds(&self, because: &str) -> bool {
        self.because.as_deref().is_none_or(|then| then == because)
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
        assert_eq!(ack.because, None);
        let whole_plan: Acknowledgement = ron::from_str(r#"(rule: "fever")"#).unwrap();
        assert_eq!(whole_plan.region, None);
    }

    #[test]
    fn a_muscle_without_its_side_is_refused() {
        let error = ron::from_str::<Acknowledgement>(r#"(rule: "disc", muscle: Some(piriformis))"#)
            .unwrap_err();
        assert!(error.to_string().contains("needs its side"), "{error}");
    }

    #[test]
    fn the_conditions_and_clearance_are_kept_in_the_file() {
        let text = r#"(rule: "surgery_clearance", note: "ok", because: Some("client: Hip surgery"),
            clearance: Some((by: "Dr. Roth", date: "2026-11-20", note: "light work")))"#;
        let ack: Acknowledgement = ron::from_str(text).unwrap();
        assert_eq!(ack.because.as_deref(), Some("client: Hip surgery"));
        assert_eq!(ack.clearance.as_ref().unwrap().by, "Dr. Roth");
        let again: Acknowledgement = ron::from_str(&ron::to_string(&ack).unwrap()).unwrap();
        assert_eq!(again, ack);
    }
}
