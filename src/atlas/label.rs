//! Where to write a region's step number: the visible point farthest from
//! every edge (a small grid search, in the spirit of "polylabel").

use super::geometry::{Point, bounds, outline_distance, polygon_contains};

/// The point inside `outline`, outside every outline in `covers` (regions
/// painted on top), that is farthest from all of those edges. `None` when no
/// such point was found.
pub(crate) fn place_label(outline: &[Point], covers: &[&[Point]]) -> Option<Point> {
    let visible =
        |p: Point| polygon_contains(outline, p) && !covers.iter().any(|c| polygon_contains(c, p));
    // The distance to the nearest edge, or any value not above `beat` once
    // it is clear the point cannot beat the best so far (this search ran
    // on every start-up and the covering outlines are many).
    let clearance = |p: Point, beat: Option<f32>| {
        let mut nearest = outline_distance(outline, p);
        for cover in covers {
            if beat.is_some_and(|b| nearest <= b) {
                break;
            }
            nearest = nearest.min(outline_distance(cover, p));
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
}
