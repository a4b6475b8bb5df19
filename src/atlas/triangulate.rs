//! Triangulation of concave outlines (earcut), done once when the atlas loads
//! so that painters never triangulate per frame.

use super::geometry::{Point, polygon_area, triangle_area};

/// Triangles (indices into `outline`) that fill the simple polygon `outline`.
/// Empty when the outline encloses no area.
pub(crate) fn triangulate(outline: &[Point]) -> Vec<[u32; 3]> {
    let mut indices: Vec<u32> = Vec::new();
    earcut::Earcut::<f64>::new().earcut(
        outline.iter().map(|p| [f64::from(p.x), f64::from(p.y)]),
        &[],
        &mut indices,
    );
    indices
        .chunks_exact(3)
        .map(|t| [t[0], t[1], t[2]])
        .collect()
}

/// Total area of the triangles.
pub(crate) fn triangles_area(outline: &[Point], triangles: &[[u32; 3]]) -> f64 {
    let at = |i: u32| outline.get(i as usize).copied().unwrap_or_default();
    triangles
        .iter()
        .map(|&[a, b, c]| triangle_area(at(a), at(b), at(c)))
        .sum()
}

/// Whether the triangles cover the outline: their areas add up to the
/// outline's area within 0.5 %.
pub(crate) fn covers(outline: &[Point], triangles: &[[u32; 3]]) -> bool {
    let outline_area = polygon_area(outline);
    outline_area > 0.0
        && (triangles_area(outline, triangles) - outline_area).abs() <= outline_area * 0.005
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn concave_l_shape() {
        let l = [
            (0.0, 0.0),
            (4.0, 0.0),
            (4.0, 1.0),
            (1.0, 1.0),
            (1.0, 4.0),
            (0.0, 4.0),
        ]
        .map(Point::from);
        let triangles = triangulate(&l);
        assert_eq!(triangles.len(), 4);
        assert!(covers(&l, &triangles));
        assert!((triangles_area(&l, &triangles) - 7.0).abs() < 1e-9);
    }

    #[test]
    fn a_line_has_no_triangles() {
        let line = [(0.0, 0.0), (1.0, 1.0), (2.0, 2.0)].map(Point::from);
        let triangles = triangulate(&line);
        assert!(triangles_area(&line, &triangles) < 1e-9);
        assert!(!covers(&line, &triangles));
    }
}
