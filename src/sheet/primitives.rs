//! Drawing primitives for the PDF: text runs in the embedded fonts, fills
//! and strokes in grey, and the paths the sheet is made of.

use krilla::color::luma;
use krilla::geom::{Path, PathBuilder, Point};
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, FillRule, LineCap, LineJoin, Stroke, StrokeDash};
use krilla::surface::Surface;

use super::fonts::Fonts;
use super::page_geometry::{Pen, Rect};

pub(crate) fn draw_text(
    surface: &mut Surface,
    fonts: &Fonts,
    (x, baseline): (f32, f32),
    style: super::text::Style,
    grey: u8,
    text: &str,
) {
    surface.set_stroke(None);
    surface.set_fill(Some(fill_with(grey)));
    let mut x = x;
    for run in fonts.runs(style.weight, text) {
        surface.draw_glyphs(
            Point::from_xy(x, baseline),
            &run.glyphs,
            run.face.pdf_font(),
            &text[run.text.clone()],
            style.size,
            false,
        );
        x += run.advance * style.size;
    }
    surface.set_fill(None);
}

pub(crate) fn fill_with(grey: u8) -> Fill {
    Fill {
        paint: luma::Color::new(grey).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }
}

pub(crate) fn stroke_with(width: f32, grey: u8) -> Stroke {
    Stroke {
        paint: luma::Color::new(grey).into(),
        width,
        line_cap: LineCap::Butt,
        line_join: LineJoin::Round,
        ..Stroke::default()
    }
}

pub(crate) fn fill_path(surface: &mut Surface, path: &Path, grey: u8) {
    surface.set_stroke(None);
    surface.set_fill(Some(fill_with(grey)));
    surface.draw_path(path);
    surface.set_fill(None);
}

pub(crate) fn stroke_path(surface: &mut Surface, path: &Path, pen: Pen) {
    let mut stroke = stroke_with(pen.width, pen.grey);
    if let Some(length) = pen.dash {
        stroke.dash = Some(StrokeDash {
            array: vec![length, length * 0.7],
            offset: 0.0,
        });
    }
    surface.set_fill(None);
    surface.set_stroke(Some(stroke));
    surface.draw_path(path);
    surface.set_stroke(None);
}

pub(crate) fn rect_path(rect: Rect) -> Option<Path> {
    let mut builder = PathBuilder::new();
    builder.push_rect(krilla::geom::Rect::from_xywh(
        rect.x, rect.y, rect.w, rect.h,
    )?);
    builder.finish()
}

/// A closed polygon; `None` with fewer than three points.
pub(crate) fn polygon_path(points: impl IntoIterator<Item = (f32, f32)>) -> Option<Path> {
    path_through(points, 3, true)
}

/// An open polyline (or closed when `closed`); `None` with fewer than two points.
pub(crate) fn polyline_path(
    points: impl IntoIterator<Item = (f32, f32)>,
    closed: bool,
) -> Option<Path> {
    path_through(points, 2, closed)
}

fn path_through(
    points: impl IntoIterator<Item = (f32, f32)>,
    min_points: usize,
    closed: bool,
) -> Option<Path> {
    let mut builder = PathBuilder::new();
    let mut count = 0;
    for (x, y) in points {
        if count == 0 {
            builder.move_to(x, y);
        } else {
            builder.line_to(x, y);
        }
        count += 1;
    }
    if count < min_points {
        return None;
    }
    if closed {
        builder.close();
    }
    builder.finish()
}

/// A circle (or, with `half_width > radius`, a capsule) around `centre`.
pub(crate) fn capsule_path((cx, cy): (f32, f32), half_width: f32, radius: f32) -> Option<Path> {
    // Cubic Bézier circle constant.
    const K: f32 = 0.552_284_8;
    let straight = (half_width - radius).max(0.0);
    let (left, right) = (cx - straight, cx + straight);
    let r = radius;
    let k = K * r;
    let mut b = PathBuilder::new();
    b.move_to(left, cy - r);
    b.line_to(right, cy - r);
    b.cubic_to(right + k, cy - r, right + r, cy - k, right + r, cy);
    b.cubic_to(right + r, cy + k, right + k, cy + r, right, cy + r);
    b.line_to(left, cy + r);
    b.cubic_to(left - k, cy + r, left - r, cy + k, left - r, cy);
    b.cubic_to(left - r, cy - k, left - k, cy - r, left, cy - r);
    b.close();
    b.finish()
}
