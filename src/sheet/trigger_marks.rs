//! The trigger points steps target, marked on the sheet's map: a small
//! bullseye (white ring, black rim and centre), unlike the step badges.

use krilla::surface::Surface;

use crate::atlas::{Atlas, Point, ViewKind};
use crate::model::{Plan, Side};
use crate::referral::{ReferralPatterns, trigger_point_at};

use super::layout::{Pen, grey};
use super::map_drawing::MapDrawing;
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
