//! How each technique is filled on the map and in the legend: a grey level
//! and a hatch pattern of its own, so techniques stay apart on a black and
//! white printout (the grey alone is not enough after a poor photocopy).

use krilla::geom::{Path, PathBuilder};
use krilla::paint::{FillRule, LineCap};
use krilla::surface::Surface;

use crate::model::Technique;

use super::page_geometry::Rect;
use super::primitives::{fill_with, stroke_with};

/// The pattern drawn over a technique's grey.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hatch {
    Horizontal,
    Vertical,
    /// Lines rising to the right: `/`.
    Diagonal,
    /// Lines falling to the right: `\`.
    BackDiagonal,
    /// Both diagonals: `×`.
    Cross,
    /// Horizontal and vertical: `+`.
    Grid,
    Dots,
    /// Shallow lines rising to the right, 20 degrees.
    Shallow,
    /// The grey alone.
    Solid,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TechniqueFill {
    /// Background grey, 0 black to 255 white.
    pub grey: u8,
    pub hatch: Hatch,
    /// Colour of the hatch: black on light greys, white on dark ones.
    pub ink: u8,
}

/// Every technique has its own grey (at least 16 levels apart) and its own
/// pattern.
pub(crate) fn technique_fill(technique: Technique) -> TechniqueFill {
    let (grey, hatch, ink) = match technique {
        Technique::Swedish => (238, Hatch::Horizontal, 0),
        Technique::DeepTissue => (128, Hatch::Cross, 255),
        Technique::Shiatsu => (206, Hatch::Dots, 0),
        Technique::TriggerPoint => (104, Hatch::Diagonal, 255),
        Technique::MyofascialRelease => (222, Hatch::Vertical, 0),
        Technique::Sports => (170, Hatch::BackDiagonal, 0),
        Technique::Stretching => (190, Hatch::Grid, 0),
        Technique::HeatApplication => (150, Hatch::Solid, 0),
        Technique::Percussion => (84, Hatch::Shallow, 255),
    };
    TechniqueFill { grey, hatch, ink }
}

/// Distance between hatch lines, in points.
const SPACING: f32 = 3.4;
const LINE_WIDTH: f32 = 0.45;
const DOT_SIZE: f32 = 1.25;

/// Fills `path` (in page coordinates, inside `bounds`) the way `technique`
/// is shown: its grey, then its hatch clipped to the path.
pub(crate) fn paint_technique(
    surface: &mut Surface,
    path: &Path,
    bounds: Rect,
    technique: Technique,
) {
    let fill = technique_fill(technique);
    surface.set_stroke(None);
    surface.set_fill(Some(fill_with(fill.grey)));
    surface.draw_path(path);
    surface.set_fill(None);
    let Some(hatch) = hatch_path(fill.hatch, bounds) else {
        return;
    };
    let mut stroke = stroke_with(LINE_WIDTH, fill.ink);
    if fill.hatch == Hatch::Dots {
        stroke.width = DOT_SIZE;
        stroke.line_cap = LineCap::Round;
    }
    surface.push_clip_path(path, &FillRule::NonZero);
    surface.set_stroke(Some(stroke));
    surface.draw_path(&hatch);
    surface.set_stroke(None);
    surface.pop();
}

/// The hatch lines (or dots) covering `bounds`; `None` for a solid fill.
fn hatch_path(hatch: Hatch, bounds: Rect) -> Option<Path> {
    let mut builder = PathBuilder::new();
    // Lines are placed on a grid anchored at the page origin, so the
    // hatch looks the same wherever the shape is.
    let mut lines = |angle_degrees: f32| {
        let (sin, cos) = angle_degrees.to_radians().sin_cos();
        // Unit direction along the line, and its normal.
        let (dx, dy) = (cos, -sin);
        let (nx, ny) = (sin, cos);
        let corners = [
            (bounds.x, bounds.y),
            (bounds.right(), bounds.y),
            (bounds.x, bounds.bottom()),
            (bounds.right(), bounds.bottom()),
        ];
        let offsets = corners.map(|(x, y)| x * nx + y * ny);
        let along = corners.map(|(x, y)| x * dx + y * dy);
        let (low, high) = min_max(&offsets);
        let (start, end) = min_max(&along);
        let mut k = (low / SPACING).floor() * SPACING;
        while k <= high {
            builder.move_to(nx * k + dx * start, ny * k + dy * start);
            builder.line_to(nx * k + dx * end, ny * k + dy * end);
            k += SPACING;
        }
    };
    match hatch {
        Hatch::Horizontal => lines(0.0),
        Hatch::Vertical => lines(90.0),
        Hatch::Diagonal => lines(45.0),
        Hatch::BackDiagonal => lines(-45.0),
        Hatch::Shallow => lines(20.0),
        Hatch::Cross => {
            lines(45.0);
            lines(-45.0);
        }
        Hatch::Grid => {
            lines(0.0);
            lines(90.0);
        }
        Hatch::Dots => {
            // Staggered rows; each dot is a round cap on a tiny segment.
            let step = SPACING * 1.1;
            let mut row = (bounds.y / step).floor();
            while row * step <= bounds.bottom() + step {
                let y = row * step;
                let shift = if row.rem_euclid(2.0) == 0.0 {
                    0.0
                } else {
                    step / 2.0
                };
                let mut x = (bounds.x / step).floor() * step + shift - step;
                while x <= bounds.right() + step {
                    builder.move_to(x, y);
                    builder.line_to(x + 0.01, y);
                    x += step;
                }
                row += 1.0;
            }
        }
        Hatch::Solid => return None,
    }
    builder.finish()
}

fn min_max(values: &[f32; 4]) -> (f32, f32) {
    values
        .iter()
        .fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(*v), hi.max(*v))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_technique_has_its_own_grey_and_pattern() {
        let fills: Vec<TechniqueFill> = Technique::ALL.into_iter().map(technique_fill).collect();
        for (i, a) in fills.iter().enumerate() {
            for b in &fills[i + 1..] {
                assert!(a.grey.abs_diff(b.grey) >= 16, "{a:?} vs {b:?}");
                assert_ne!(a.hatch, b.hatch);
            }
        }
    }

    #[test]
    fn hatches_cover_the_box() {
        let bounds = Rect::new(10.0, 20.0, 30.0, 15.0);
        for hatch in [
            Hatch::Horizontal,
            Hatch::Vertical,
            Hatch::Diagonal,
            Hatch::BackDiagonal,
            Hatch::Cross,
            Hatch::Grid,
            Hatch::Dots,
            Hatch::Shallow,
        ] {
            assert!(hatch_path(hatch, bounds).is_some(), "{hatch:?}");
        }
        assert!(hatch_path(Hatch::Solid, bounds).is_none());
    }
}
