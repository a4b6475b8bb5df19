//! Points and plain polygon geometry in atlas units (x right, y down).

use serde::{Deserialize, Serialize};

/// A point in atlas units. In RON it is written as a pair: `(120.5, 300)`.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(from = "(f32, f32)", into = "(f32, f32)")]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

impl Point {
    pub const fn new(x: f32, y: f32) -> Self {
        Point { x, y }
    }

    /// The mirror image across the vertical line `x = width / 2`.
    #[must_use]
    pub fn mirrored(self, width: f32) -> Point {
        Point::new(width - self.x, self.y)
    }

    pub fn distance(self, other: Point) -> f32 {
        (self.x - other.x).hypot(self.y - other.y)
    }

    pub fn is_finite(self) -> bool {
        self.x.is_finite() && self.y.is_finite()
    }
}

impl From<(f32, f32)> for Point {
    fn from((x, y): (f32, f32)) -> Self {
        Point::new(x, y)
    }
}

impl From<Point> for (f32, f32) {
    fn from(p: Point) -> Self {
        (p.x, p.y)
    }
}

/// The edges of a closed polygon: (i, start, end), the last edge closing it.
fn edges(polygon: &[Point]) -> impl Iterator<Item = (usize, Point, Point)> + '_ {
    let n = polygon.len();
    (0..n).map(move |i| (i, polygon[i], polygon[(i + 1) % n]))
}

/// Whether `p` lies inside the closed polygon (even-odd rule; the polygon may
/// be concave). Points exactly on an edge may go either way.
pub fn polygon_contains(polygon: &[Point], p: Point) -> bool {
    let mut inside = false;
    for (_, a, b) in edges(polygon) {
        if (a.y > p.y) != (b.y > p.y) {
            let x_cross = a.x + (p.y - a.y) / (b.y - a.y) * (b.x - a.x);
            if p.x < x_cross {
                inside = !inside;
            }
        }
    }
    inside
}

/// Signed area (shoelace), positive when the points turn clockwise on screen
/// (y down). Computed in f64 so that large outlines stay exact enough.
pub fn polygon_signed_area(polygon: &[Point]) -> f64 {
    let twice: f64 = edges(polygon)
        .map(|(_, a, b)| f64::from(a.x) * f64::from(b.y) - f64::from(b.x) * f64::from(a.y))
        .sum();
    twice / 2.0
}

/// Enclosed area of a simple polygon, in square atlas units.
pub fn polygon_area(polygon: &[Point]) -> f64 {
    polygon_signed_area(polygon).abs()
}

/// Area centroid of a simple polygon; the vertex average when it has no area.
pub fn polygon_centroid(polygon: &[Point]) -> Point {
    let area = polygon_signed_area(polygon);
    if area.abs() < 1e-9 {
        let n = polygon.len().max(1) as f64;
        let (sx, sy) = polygon.iter().fold((0.0, 0.0), |(sx, sy), p| {
            (sx + f64::from(p.x), sy + f64::from(p.y))
        });
        return Point::new((sx / n) as f32, (sy / n) as f32);
    }
    let (mut cx, mut cy) = (0.0_f64, 0.0_f64);
    for (_, a, b) in edges(polygon) {
        let (ax, ay, bx, by) = (
            f64::from(a.x),
            f64::from(a.y),
            f64::from(b.x),
            f64::from(b.y),
        );
        let cross = ax * by - bx * ay;
        cx += (ax + bx) * cross;
        cy += (ay + by) * cross;
    }
    Point::new((cx / (6.0 * area)) as f32, (cy / (6.0 * area)) as f32)
}

/// Area of one triangle.
pub fn triangle_area(a: Point, b: Point, c: Point) -> f64 {
    polygon_area(&[a, b, c])
}

/// Distance from `p` to the nearest edge of the closed polygon.
///
/// The nearest edge is found by squared distances and the square root
/// taken once (label placement calls this for every sample point against
/// every covering outline at start-up; a `hypot` per edge was a third of
/// that time). The result is the same as the smallest `f32::hypot` of the
/// edges: the squares of `f32` differences are exact in `f64`, glibc's
/// `hypotf` rounds the same `f64` square root, and rounding keeps order.
pub fn outline_distance(polygon: &[Point], p: Point) -> f32 {
    edges(polygon)
        .map(|(_, a, b)| segment_distance_squared(p, a, b))
        .fold(f64::INFINITY, f64::min)
        .sqrt() as f32
}

/// The square of the distance from `p` to the segment `a`–`b`, in `f64`
/// (the projection onto the segment is worked out in `f32`, as always).
fn segment_distance_squared(p: Point, a: Point, b: Point) -> f64 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let length_sq = dx * dx + dy * dy;
    if length_sq <= f32::EPSILON {
        return distance_squared(p, a);
    }
    let t = (((p.x - a.x) * dx + (p.y - a.y) * dy) / length_sq).clamp(0.0, 1.0);
    distance_squared(p, Point::new(a.x + t * dx, a.y + t * dy))
}

fn distance_squared(p: Point, q: Point) -> f64 {
    let (dx, dy) = (f64::from(p.x - q.x), f64::from(p.y - q.y));
    dx * dx + dy * dy
}

/// Bounding box of the points: (top left, bottom right).
pub fn bounds(points: &[Point]) -> (Point, Point) {
    points.iter().fold(
        (
            Point::new(f32::INFINITY, f32::INFINITY),
            Point::new(f32::NEG_INFINITY, f32::NEG_INFINITY),
        ),
        |(lo, hi), p| {
            (
                Point::new(lo.x.min(p.x), lo.y.min(p.y)),
                Point::new(hi.x.max(p.x), hi.y.max(p.y)),
            )
        },
    )
}

fn orientation(a: Point, b: Point, c: Point) -> f64 {
    let (ax, ay) = (f64::from(a.x), f64::from(a.y));
    (f64::from(b.x) - ax) * (f64::from(c.y) - ay) - (f64::from(b.y) - ay) * (f64::from(c.x) - ax)
}

/// Whether the segments `a1`–`a2` and `b1`–`b2` cross at a point inside both
/// (touching at an end or running along each other does not count).
fn segments_cross(a1: Point, a2: Point, b1: Point, b2: Point) -> bool {
    let d1 = orientation(b1, b2, a1);
    let d2 = orientation(b1, b2, a2);
    let d3 = orientation(a1, a2, b1);
    let d4 = orientation(a1, a2, b2);
    d1 * d2 < 0.0 && d3 * d4 < 0.0
}

/// The first pair of non-neighbouring edges that cross, if any: edge `i`
/// runs from point `i` to point `i + 1` (the last one back to point 0).
pub fn self_intersection(polygon: &[Point]) -> Option<(usize, usize)> {
    let n = polygon.len();
    for (i, a1, a2) in edges(polygon) {
        for (j, b1, b2) in edges(polygon).skip(i + 2) {
            if i == 0 && j == n - 1 {
                continue; // neighbours through the closing point
            }
            if segments_cross(a1, a2, b1, b2) {
                return Some((i, j));
            }
        }
    }
    None
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn square() -> Vec<Point> {
        vec![
            Point::new(0.0, 0.0),
            Point::new(10.0, 0.0),
            Point::new(10.0, 10.0),
            Point::new(0.0, 10.0),
        ]
    }

    #[test]
    fn contains_inside_and_outside() {
        let sq = square();
        assert!(polygon_contains(&sq, Point::new(5.0, 5.0)));
        assert!(!polygon_contains(&sq, Point::new(15.0, 5.0)));
        assert!(!polygon_contains(&sq, Point::new(5.0, -0.1)));
    }

    #[test]
    fn contains_concave() {
        // A "U": the notch at the top middle is outside.
        let u = [
            (0.0, 0.0),
            (3.0, 0.0),
            (3.0, 6.0),
            (6.0, 6.0),
            (6.0, 0.0),
            (9.0, 0.0),
            (9.0, 9.0),
            (0.0, 9.0),
        ]
        .map(Point::from);
        assert!(!polygon_contains(&u, Point::new(4.5, 3.0)));
        assert!(polygon_contains(&u, Point::new(1.5, 3.0)));
        assert!(polygon_contains(&u, Point::new(4.5, 7.5)));
    }

    #[test]
    fn area_and_centroid() {
        let sq = square();
        assert!((polygon_area(&sq) - 100.0).abs() < 1e-9);
        let c = polygon_centroid(&sq);
        assert!((c.x - 5.0).abs() < 1e-5 && (c.y - 5.0).abs() < 1e-5);
        let reversed: Vec<Point> = sq.iter().rev().copied().collect();
        assert!((polygon_signed_area(&reversed) + polygon_signed_area(&sq)).abs() < 1e-9);
    }

    #[test]
    fn mirror_is_an_involution() {
        let p = Point::new(37.5, 12.0);
        assert_eq!(p.mirrored(400.0), Point::new(362.5, 12.0));
        assert_eq!(p.mirrored(400.0).mirrored(400.0), p);
    }

    #[test]
    fn distances() {
        let sq = square();
        assert!((outline_distance(&sq, Point::new(5.0, 4.0)) - 4.0).abs() < 1e-6);
        assert!(
            (segment_distance_squared(Point::new(-3.0, 4.0), sq[0], sq[1]) - 25.0).abs() < 1e-9
        );
    }

    #[test]
    fn finds_a_bow_tie() {
        let bow = [(0.0, 0.0), (10.0, 10.0), (10.0, 0.0), (0.0, 10.0)].map(Point::from);
        assert_eq!(self_intersection(&bow), Some((0, 2)));
        assert_eq!(self_intersection(&square()), None);
    }

    #[test]
    fn point_is_a_pair_in_ron() {
        let p: Point = ron::from_str("(3, 4.5)").unwrap();
        assert_eq!(p, Point::new(3.0, 4.5));
        assert_eq!(ron::to_string(&p).unwrap(), "(3.0,4.5)");
    }

    #[test]
    fn outline_distance_is_the_nearest_edges_hypot() {
        // The distance as it was worked out before (a hypot per edge): the
        // labels placed with it must not move.
        let by_hypot = |polygon: &[Point], p: Point| {
            edges(polygon)
                .map(|(_, a, b)| {
                    let (dx, dy) = (b.x - a.x, b.y - a.y);
                    let length_sq = dx * dx + dy * dy;
                    if length_sq <= f32::EPSILON {
                        return p.distance(a);
                    }
                    let t = (((p.x - a.x) * dx + (p.y - a.y) * dy) / length_sq).clamp(0.0, 1.0);
                    p.distance(Point::new(a.x + t * dx, a.y + t * dy))
                })
                .fold(f32::INFINITY, f32::min)
        };
        for view in crate::atlas::Atlas::builtin().views() {
            for region in &view.regions {
                let (lo, hi) = region.bounds();
                for i in 0..=20 {
                    for j in 0..=20 {
                        let p = Point::new(
                            lo.x + (hi.x - lo.x) * i as f32 / 20.0 + 0.013,
                            lo.y + (hi.y - lo.y) * j as f32 / 20.0 - 0.007,
                        );
                        assert_eq!(
                            outline_distance(&region.outline, p).to_bits(),
                            by_hypot(&region.outline, p).to_bits(),
                            "{} at {p:?}",
                            region.label()
                        );
                    }
                }
            }
        }
    }
}
