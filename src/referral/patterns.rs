//! Referral patterns and trigger points per muscle
//! (`assets/referral-patterns.ron`), checked against the body chart and the
//! muscle map. No egui here.

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::atlas::{Atlas, Point, ViewKind};
use crate::model::{Muscle, Side};

use super::chart::BodyChart;
use super::error::PatternError;

/// The patterns file compiled into the program.
pub const PATTERNS_RON: &str = include_str!("../../assets/referral-patterns.ron");

/// A common trigger point of a muscle, on the muscle map.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TriggerPoint {
    /// Stable within the muscle: a plan step may name it.
    pub id: String,
    /// Where to feel for it, as a therapist says it.
    pub name: String,
    /// On the map, for the client's left side (mirror for the right), in
    /// the view `view` (the view the muscle is drawn in; the back by default).
    pub at: Point,
    #[serde(default)]
    pub view: ViewKind,
}

/// Where a muscle's pain refers, after Travell & Simons.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferralPattern {
    pub muscle: Muscle,
    /// Body chart area ids felt by nearly every client.
    pub essential: Vec<String>,
    /// Body chart area ids felt by some.
    pub spillover: Vec<String>,
    /// Zones the chart does not draw, in words ("" when none).
    #[serde(default)]
    pub beyond_chart: String,
    pub trigger_points: Vec<TriggerPoint>,
}

/// How strongly a muscle refers to an area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Zone {
    /// Over the muscle's own trigger points: local tenderness.
    Local,
    Spillover,
    Essential,
}

impl ReferralPattern {
    /// How this muscle refers to the area `id` (strongest kind), if at all.
    pub fn zone_of(&self, id: &str) -> Option<Zone> {
        if self.essential.iter().any(|a| a == id) {
            Some(Zone::Essential)
        } else if self.spillover.iter().any(|a| a == id) {
            Some(Zone::Spillover)
        } else {
            None
        }
    }

    pub fn trigger_point(&self, id: &str) -> Option<&TriggerPoint> {
        self.trigger_points.iter().find(|t| t.id == id)
    }
}

/// Where a trigger point is on the map (in its view) for one side of the client.
pub fn trigger_point_at(atlas: &Atlas, point: &TriggerPoint, side: Side) -> Point {
    match side {
        Side::Right => point.at.mirrored(atlas.view(point.view).size.x),
        _ => point.at,
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PatternsFile {
    patterns: Vec<ReferralPattern>,
}

/// Every muscle's pattern, in `Muscle::ALL` order.
#[derive(Debug, Clone, PartialEq)]
pub struct ReferralPatterns {
    pub patterns: Vec<ReferralPattern>,
}

impl ReferralPatterns {
    pub fn try_builtin() -> Result<&'static ReferralPatterns, &'static PatternError> {
        static BUILTIN: OnceLock<Result<ReferralPatterns, PatternError>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                ReferralPatterns::from_ron(PATTERNS_RON, BodyChart::builtin(), Atlas::builtin())
            })
            .as_ref()
    }

    /// # Panics
    ///
    /// If the built-in patterns are invalid: a bug the tests catch.
    pub fn builtin() -> &'static ReferralPatterns {
        match ReferralPatterns::try_builtin() {
            Ok(patterns) => patterns,
            Err(e) => panic!("assets/referral-patterns.ron: {e}"),
        }
    }

    /// Parse and check a patterns file: every muscle of the atlas has one
    /// pattern, every zone is a chart area, every trigger point lies inside
    /// its muscle on the map.
    pub fn from_ron(
        text: &str,
        chart: &BodyChart,
        atlas: &Atlas,
    ) -> Result<ReferralPatterns, PatternError> {
        let file: PatternsFile =
            ron::Options::default()
                .from_str(text)
                .map_err(|e| PatternError::Parse {
                    line: e.span.start.line,
                    col: e.span.start.col,
                    message: e.code.to_string(),
                })?;
        let mut seen = HashSet::new();
        for pattern in &file.patterns {
            let muscle = pattern.muscle.id();
            if !seen.insert(pattern.muscle) {
                return Err(PatternError::Duplicate { muscle });
            }
            if pattern.essential.is_empty() && pattern.beyond_chart.trim().is_empty() {
                return Err(PatternError::NoEssentialZone { muscle });
            }
            let mut zones = HashSet::new();
            for area in pattern.essential.iter().chain(&pattern.spillover) {
                if !chart.knows(area) {
                    return Err(PatternError::UnknownArea {
                        muscle,
                        area: area.clone(),
                    });
                }
                if !zones.insert(area) {
                    return Err(PatternError::RepeatedArea {
                        muscle,
                        area: area.clone(),
                    });
                }
            }
            let mut ids = HashSet::new();
            for point in &pattern.trigger_points {
                if !ids.insert(&point.id) {
                    return Err(PatternError::DuplicateTriggerPoint {
                        muscle,
                        id: point.id.clone(),
                    });
                }
                let drawn = atlas.view(point.view);
                let inside = drawn.regions.iter().any(|r| {
                    r.muscle == pattern.muscle && r.side == Side::Left && r.contains(point.at)
                });
                if !inside {
                    return Err(PatternError::TriggerPointOutside {
                        muscle,
                        id: point.id.clone(),
                        x: point.at.x,
                        y: point.at.y,
                    });
                }
            }
        }
        let mut patterns = Vec::with_capacity(file.patterns.len());
        for muscle in Muscle::ALL {
            match file.patterns.iter().find(|p| p.muscle == muscle) {
                Some(p) => patterns.push(p.clone()),
                None => {
                    return Err(PatternError::Missing {
                        muscle: muscle.id(),
                    });
                }
            }
        }
        Ok(ReferralPatterns { patterns })
    }

    pub fn of(&self, muscle: Muscle) -> Option<&ReferralPattern> {
        self.patterns.iter().find(|p| p.muscle == muscle)
    }

    /// The names of the areas a muscle refers to, without sides:
    /// (essential, spillover).
    pub fn zone_names(&self, chart: &BodyChart, muscle: Muscle) -> (Vec<String>, Vec<String>) {
        let Some(pattern) = self.of(muscle) else {
            return (Vec::new(), Vec::new());
        };
        let name_of = |id: &String| {
            chart
                .areas
                .iter()
                .find(|a| &a.id == id)
                .map_or_else(|| id.clone(), |a| a.name.clone())
        };
        (
            pattern.essential.iter().map(name_of).collect(),
            pattern.spillover.iter().map(name_of).collect(),
        )
    }
}
