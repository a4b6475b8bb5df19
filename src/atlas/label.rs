//! Where to write a region's step number: the visible point farthest from
//! every edge (a small grid search, in the spirit of "polylabel").

use super::geometry::{Point, bounds, outline_distance, polygon_contains};

/// The point inside `outline`, outside every outline in `covers` (regions
/// painted on top), that is farthest from all of those edges. `None` when no
/// such point was found.
pub(crate) fn place_label(outline: &[Point], covers: &[&[Point]]) -> Option<Point> {
    // Each covering outline with its bounding box: most samples are far
    // from most covers, and the box answers for them (this search ran on
    // every start-up, 38 ms of CPU competing with the first frames).
    let covers: Vec<Cover<'_>> = covers.iter().map(|&outline| Cover::new(outline)).collect();
    let visible = |p: Point| {
        polygon_contains(outline, p)
            && !covers
                .iter()
                .any(|c| c.box_contains(p) && polygon_contains(c.outline, p))
    };
    // The distance to the nearest edge, or any value not above `beat` once
    // it is clear the point cannot beat the best so far.
    let clearance = |p: Point, beat: Option<f32>| {
        let mut nearest = outline_distance(outline, p);
        for cover in &covers {
            if beat.is_some_and(|b| nearest <= b) {
                break;
            }
            // A cover whose box is farther than the nearest edge so far
            // cannot come nearer: its edges lie inside the box (the margin
            // covers rounding, so the labels are exactly as without boxes).
            if cover.box_distance_squared(p) > f64::from(nearest) * f64::from(nearest) * 1.001 {
                continue;
            }
            nearest = nearest.min(outline_distance(cover.outline, p));
        }
        nearest
    };
    let (lo, hi) = bounds(outline);
    let mut step = (hi.x - lo.x).max(hi.y - lo.y) / 48.0;
    if !(step.is_finite() && step > 0.0) {
        return None;
    }
    let mut best: Option<(Point, f32)> = None;
    let search = |from: Point, to: Point, step: f32, best: &mut Option<(Point, f32)>| {
        let columns = ((to.x - from.x) / step).ceil() as usize;
        let rows = ((to.y - from.y) / step).ceil() as usize;
        for row in 0..=rows {
            for column in 0..=columns {
                let p = Point::new(from.x + column as f32 * step, from.y + row as f32 * step);
                if !visible(p) {
                    continue;
                }
                let score = clearance(p, best.map(|(_, s)| s));
                if best.is_none_or(|(_, s)| score > s) {
                    *best = Some((p, score));
                }
            }
        }
    };
    // Offset by half a step so that samples avoid landing on shared edges.
    let half = Point::new(lo.x + step / 2.0, lo.y + step / 2.0);
    search(half, hi, step, &mut best);
    for _ in 0..3 {
        let (centre, _) = best?;
        let from = Point::new(centre.x - step, centre.y - step);
        let to = Point::new(centre.x + step, centre.y + step);
        step /= 6.0;
        search(from, to, step, &mut best);
    }
    best.map(|(p, _)| Point::new(round_tenth(p.x), round_tenth(p.y)))
        .filter(|&p| visible(p))
}

/// A covering outline and its bounding box.
struct Cover<'a> {
    outline: &'a [Point],
    lo: Point,
    hi: Point,
}

impl<'a> Cover<'a> {
    fn new(outline: &'a [Point]) -> Self {
        let (lo, hi) = bounds(outline);
        Cover { outline, lo, hi }
    }

    /// Whether `p` is in the box, edges included: a point outside it is
    /// outside the outline.
    fn box_contains(&self, p: Point) -> bool {
        (self.lo.x..=self.hi.x).contains(&p.x) && (self.lo.y..=self.hi.y).contains(&p.y)
    }

    /// The squared distance from `p` to the box (0 inside): never more than
    /// the squared distance to any edge of the outline.
    fn box_distance_squared(&self, p: Point) -> f64 {
        let dx = f64::from((self.lo.x - p.x).max(p.x - self.hi.x).max(0.0));
        let dy = f64::from((self.lo.y - p.y).max(p.y - self.hi.y).max(0.0));
        dx * dx + dy * dy
    }
}

fn round_tenth(v: f32) -> f32 {
    (v * 10.0).round() / 10.0
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn rect(x0: f32, y0: f32, x1: f32, y1: f32) -> Vec<Point> {
        vec![
            Point::new(x0, y0),
            Point::new(x1, y0),
            Point::new(x1, y1),
            Point::new(x0, y1),
        ]
    }

    #[test]
    fn centre_of_a_square() {
        let p = place_label(&rect(0.0, 0.0, 20.0, 20.0), &[]).unwrap();
        assert!(
            (p.x - 10.0).abs() < 0.5 && (p.y - 10.0).abs() < 0.5,
            "{p:?}"
        );
    }

    #[test]
    fn avoids_what_is_painted_on_top() {
        let base = rect(0.0, 0.0, 40.0, 10.0);
        let top = rect(0.0, 0.0, 20.0, 10.0);
        let p = place_label(&base, &[&top]).unwrap();
        assert!(p.x > 25.0 && p.x < 35.0, "{p:?}");
    }

    #[test]
    fn nothing_when_fully_covered() {
        let base = rect(0.0, 0.0, 10.0, 10.0);
        let top = rect(-1.0, -1.0, 11.0, 11.0);
        assert_eq!(place_label(&base, &[&top]), None);
    }

    /// A triangle-ish star outline around the origin, for the box checks.
    fn star() -> Vec<Point> {
        vec![
            Point::new(0.0, -20.0),
            Point::new(6.0, -4.0),
            Point::new(22.0, 0.0),
            Point::new(6.0, 5.0),
            Point::new(3.0, 25.0),
            Point::new(-4.0, 6.0),
            Point::new(-18.0, 2.0),
            Point::new(-5.0, -3.0),
        ]
    }

    proptest::proptest! {
        #[test]
        fn the_box_never_claims_more_than_the_outline(x in -40.0f32..40.0, y in -40.0f32..40.0) {
            let outline = star();
            let cover = Cover::new(&outline);
            let p = Point::new(x, y);
            // Outside the box: outside the outline.
            if !cover.box_contains(p) {
                proptest::prop_assert!(!polygon_contains(&outline, p));
            }
            // The box is never farther than the nearest edge.
            let edge = f64::from(outline_distance(&outline, p));
            proptest::prop_assert!(cover.box_distance_squared(p) <= edge * edge * 1.0001 + 1e-9);
        }
    }

    #[test]
    fn a_far_cover_is_skipped_without_changing_the_label() {
        // The cover far to the right cannot be nearer than the base's own
        // edges: the label is the one placed without it.
        let base = rect(0.0, 0.0, 40.0, 10.0);
        let near = rect(0.0, 0.0, 20.0, 10.0);
        let far = rect(200.0, 0.0, 220.0, 10.0);
        assert_eq!(
            place_label(&base, &[&near, &far]),
            place_label(&base, &[&near])
        );
        assert_eq!(place_label(&base, &[&far]), place_label(&base, &[]));
    }
}
