//! What a plan puts on the map: each one-sided region with its steps, the
//! techniques used on it and its most serious open screening warning. The
//! window's map and the printed map both draw these, so they never disagree.

use std::collections::BTreeMap;

use super::{Atlas, Layer};
use crate::model::{MuscleSide, Plan, Technique};
use crate::screening::{Level, Warning};

/// A planned region: one muscle on one side, in the layer where it is worked.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// One-sided: a step on both sides marks the left and the right region.
    pub region: MuscleSide,
    pub layer: Layer,
    /// The techniques of the steps on the region, each once, in step order.
    pub techniques: Vec<Technique>,
    /// 1-based numbers of the steps on the region, in plan order.
    pub steps: Vec<usize>,
    /// The most serious open warning on this side of the region.
    pub warning: Option<Level>,
}

/// Every planned region, ordered by its first step (left before right).
pub fn marks(plan: &Plan, atlas: &Atlas, warnings: &[Warning]) -> Vec<Mark> {
    let mut by_region: BTreeMap<MuscleSide, Mark> = BTreeMap::new();
    for (index, step) in plan.steps.iter().enumerate() {
        for region in step.region().one_sided() {
            let mark = by_region.entry(region).or_insert_with(|| Mark {
                region,
                layer: atlas.layer_of(region.muscle),
                techniques: Vec::new(),
                steps: Vec::new(),
                warning: None,
            });
            mark.steps.push(index + 1);
            if !mark.techniques.contains(&step.technique) {
                mark.techniques.push(step.technique);
            }
        }
    }
    for warning in warnings.iter().filter(|w| w.is_open()) {
        let Some(at) = warning.at else { continue };
        for region in at.one_sided() {
            if let Some(mark) = by_region.get_mut(&region) {
                mark.warning = mark.warning.max(Some(warning.level));
            }
        }
    }
    let mut marks: Vec<Mark> = by_region.into_values().collect();
    marks.sort_by_key(|m| (m.steps.first().copied(), m.region.side));
    marks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Muscle, Pressure, Side, Step};

    fn plan_with(steps: &[(Muscle, Side, Technique)]) -> Plan {
        let mut plan = Plan::new(jiff::civil::date(2026, 11, 25));
        plan.steps = steps
            .iter()
            .map(|&(m, s, t)| Step::new(m, s, t, Pressure::MEDIUM))
            .collect();
        plan
    }

    fn warning_at(at: MuscleSide, level: Level, step: usize) -> Warning {
        Warning {
            rule: "test".into(),
            level,
            step: Some(step),
            region: Some(at),
            at: Some(at),
            reason: String::new(),
            suggestion: String::new(),
            because: String::new(),
            acknowledged: None,
        }
    }

    #[test]
    fn both_sides_mark_two_regions_and_repeats_share_a_mark() {
        let atlas = Atlas::builtin();
        let plan = plan_with(&[
            (Muscle::GluteusMedius, Side::Both, Technique::Swedish),
            (
                Muscle::QuadratusLumborum,
                Side::Right,
                Technique::DeepTissue,
            ),
            (
                Muscle::GluteusMedius,
                Side::Left,
                Technique::HeatApplication,
            ),
        ]);
        let marks = marks(&plan, atlas, &[]);
        let summary: Vec<(MuscleSide, Vec<usize>, Vec<Technique>)> = marks
            .iter()
            .map(|m| (m.region, m.steps.clone(), m.techniques.clone()))
            .collect();
        assert_eq!(
            summary,
            [
                (
                    MuscleSide::new(Muscle::GluteusMedius, Side::Left),
                    vec![1, 3],
                    vec![Technique::Swedish, Technique::HeatApplication]
                ),
                (
                    MuscleSide::new(Muscle::GluteusMedius, Side::Right),
                    vec![1],
                    vec![Technique::Swedish]
                ),
                (
                    MuscleSide::new(Muscle::QuadratusLumborum, Side::Right),
                    vec![2],
                    vec![Technique::DeepTissue]
                ),
            ]
        );
        assert_eq!(marks[2].layer, Layer::Deep);
    }

    #[test]
    fn a_warning_marks_only_the_side_in_conflict_and_not_once_acknowledged() {
        let atlas = Atlas::builtin();
        let plan = plan_with(&[(Muscle::GluteusMedius, Side::Both, Technique::Swedish)]);
        let left = MuscleSide::new(Muscle::GluteusMedius, Side::Left);
        let warnings = [warning_at(left, Level::Avoid, 0)];
        let marks_now = marks(&plan, atlas, &warnings);
        let warned: Vec<(Side, Option<Level>)> = marks_now
            .iter()
            .map(|m| (m.region.side, m.warning))
            .collect();
        assert_eq!(
            warned,
            [(Side::Left, Some(Level::Avoid)), (Side::Right, None)]
        );
        let mut acknowledged = warning_at(left, Level::Avoid, 0);
        acknowledged.acknowledged = Some("cleared".into());
        assert!(
            marks(&plan, atlas, &[acknowledged])
                .iter()
                .all(|m| m.warning.is_none())
        );
    }
}
