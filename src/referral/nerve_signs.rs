//! Screening from the pain drawing: tingling or numbness painted below the
//! knee, in both legs or in the saddle area points to a nerve root or the
//! cauda equina, not a muscle, so the intake's sciatica and red-flag
//! questions must be asked. A small pure function; its findings are meant
//! to be shown with the other screening findings.

use crate::model::{ConditionKind, PainDrawing, PainQuality, Side};
use crate::screening::Level;

use super::chart::BodyChart;

/// Areas of the lower leg (below the knee), both views.
const BELOW_KNEE: [&str; 5] = ["calf", "lateral_leg", "heel", "shin", "front_of_ankle"];
/// Areas of the leg from the hip down, both views.
const LEG: [&str; 11] = [
    "lateral_thigh",
    "upper_posterior_thigh",
    "lower_posterior_thigh",
    "back_of_knee",
    "anterior_thigh",
    "front_of_knee",
    "calf",
    "lateral_leg",
    "heel",
    "shin",
    "front_of_ankle",
];
const SADDLE: &str = "saddle";

/// What the drawing shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NerveSign {
    /// Tingling or numbness in the saddle area.
    Saddle,
    /// Tingling or numbness in both legs.
    BothLegs,
    /// Tingling or numbness below the knee on one side.
    BelowKnee(Side),
}

/// A finding from the drawing: what it shows, how serious, what to ask.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrawingFinding {
    pub sign: NerveSign,
    pub level: Level,
    /// The intake questions (conditions of the client record) to ask.
    pub asks: Vec<ConditionKind>,
    pub reason: String,
    pub suggestion: String,
}

/// The findings of one drawing, most serious first.
pub fn nerve_sign_findings(drawing: &PainDrawing, chart: &BodyChart) -> Vec<DrawingFinding> {
    let mut saddle = false;
    let mut leg = [false; 2];
    let mut below_knee = [false; 2];
    for (view, cell, mark) in drawing.painted() {
        if !matches!(mark.quality, PainQuality::Tingling | PainQuality::Numbness) {
            continue;
        }
        let Some(area) = chart.area_at(view, cell) else {
            continue;
        };
        let slot = match area.side {
            Side::Left => 0,
            _ => 1,
        };
        if area.id == SADDLE {
            saddle = true;
        } else if LEG.contains(&area.id.as_str()) {
            leg[slot] = true;
            if BELOW_KNEE.contains(&area.id.as_str()) {
                below_knee[slot] = true;
            }
        }
    }

    let mut findings = Vec::new();
    if saddle {
        findings.push(DrawingFinding {
            sign: NerveSign::Saddle,
            level: Level::ReferOut,
            asks: vec![
                ConditionKind::SaddleNumbness,
                ConditionKind::BladderOrBowelLoss,
                ConditionKind::ProgressiveLegWeakness,
            ],
            reason: "Tingling or numbness painted in the saddle area can mean pressure on the \
                     cauda equina."
                .to_owned(),
            suggestion: "Ask now about saddle numbness, new bladder or bowel problems and leg \
                         weakness. If any is new: no massage, send the client to the emergency \
                         department today."
                .to_owned(),
        });
    }
    if leg[0] && leg[1] {
        findings.push(DrawingFinding {
            sign: NerveSign::BothLegs,
            level: Level::ReferOut,
            asks: vec![
                ConditionKind::Sciatica,
                ConditionKind::ProgressiveLegWeakness,
                ConditionKind::BladderOrBowelLoss,
                ConditionKind::SaddleNumbness,
            ],
            reason: "Tingling or numbness painted in both legs: sciatica in both legs is a \
                     low-back red flag."
                .to_owned(),
            suggestion: "Ask about leg weakness, saddle numbness and bladder or bowel problems. \
                         If new or worsening: no massage, emergency department."
                .to_owned(),
        });
    }
    for (slot, side) in [(0, Side::Left), (1, Side::Right)] {
        if below_knee[slot] && !(leg[0] && leg[1]) {
            findings.push(DrawingFinding {
                sign: NerveSign::BelowKnee(side),
                level: Level::Adjust,
                asks: vec![
                    ConditionKind::Sciatica,
                    ConditionKind::ProgressiveLegWeakness,
                ],
                reason: format!(
                    "Tingling or numbness painted below the {} knee points to a nerve root \
                     (sciatica) rather than referred muscle pain.",
                    side.name().to_lowercase()
                ),
                suggestion: "Ask the sciatica questions (since when, how far down, any \
                             weakness) and record the answer in the client record. No sustained \
                             pressure over the sciatic nerve; stop if the leg symptoms grow."
                    .to_owned(),
            });
        }
    }
    findings
}
