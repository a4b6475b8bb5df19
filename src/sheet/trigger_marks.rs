//! The trigger points steps target, marked on the sheet's map: a small
//! bullseye (white ring, black rim and centre), unlike the step badges.

use krilla::surface::Surface;

use crate::atlas::{Atlas, Point, ViewKind};
use crate::model::{Plan, Side};
use crate::referral::{ReferralPatterns, trigger_point_at};

use super::map_drawing::MapDrawing;
use super::page_geometry::{Pen, grey};
use super::primitives::{capsule_path, fill_path, stroke_path};

const RADIUS: f32 = 2.6;

/// Where the plan's targeted trigger points are in the view `kind`, on each
/// side the step works.
pub(crate) fn targets(plan: &Plan, kind: ViewKind) -> Vec<Point> {
    let Ok(patterns) = ReferralPatterns::try_builtin() else {
        return Vec::new();
    };
    let atlas = Atlas::builtin();
    let mut points = Vec::new();
    for step in &plan.steps {
        let Some(point) = step
            .trigger_point
            .as_deref()
            .and_then(|id| patterns.of(step.muscle)?.trigger_point(id))
        else {
            continue;
        };
        if point.view != kind {
            continue;
        }
        let sides: &[Side] = match step.side {
            Side::Both => &[Side::Left, Side::Right],
            Side::Left => &[Side::Left],
            Side::Right => &[Side::Right],
        };
        for &side in sides {
            points.push(trigger_point_at(atlas, point, side));
        }
    }
    points
}

pub(crate) fn draw_targets(surface: &mut Surface, map: &MapDrawing) {
    for &point in &map.trigger_points {
        let centre = map.place(point);
        if let Some(ring) = capsule_path(centre, RADIUS, RADIUS) {
            fill_path(surface, &ring, 255);
            stroke_path(surface, &ring, Pen::new(0.9, grey::BLACK));
        }
        if let Some(dot) = capsule_path(centre, 0.9, 0.9) {
            fill_path(surface, &dot, 0);
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::model::{Muscle, Pressure, Step, Technique};

    fn plan_with(muscle: Muscle, side: Side, point: Option<&str>) -> Plan {
        let mut plan = Plan::new(jiff::civil::date(2026, 11, 25));
        let mut step = Step::new(muscle, side, Technique::TriggerPoint, Pressure::MEDIUM);
        step.trigger_point = point.map(str::to_owned);
        plan.steps.push(step);
        plan
    }

    #[test]
    fn a_targeted_point_is_marked_on_the_sides_worked_in_its_view_only() {
        let right = plan_with(Muscle::QuadratusLumborum, Side::Right, Some("deep_lower"));
        let points = targets(&right, ViewKind::Posterior);
        assert_eq!(points.len(), 1);
        assert!(
            points[0].x > 200.0,
            "the client's right is on the right from behind"
        );
        assert!(targets(&right, ViewKind::Front).is_empty());

        let both = plan_with(Muscle::PsoasMajor, Side::Both, Some("insertion"));
        assert_eq!(targets(&both, ViewKind::Front).len(), 2);
        assert!(targets(&both, ViewKind::Posterior).is_empty());

        let whole = plan_with(Muscle::QuadratusLumborum, Side::Right, None);
        assert!(
            targets(&whole, ViewKind::Posterior).is_empty(),
            "no point: no mark"
        );
    }
}
