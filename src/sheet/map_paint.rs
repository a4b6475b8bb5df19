//! Drawing the laid-out map into the PDF: body, planned regions filled by
//! technique (one band per technique), outlines, landmarks, step badges.

use krilla::paint::FillRule;
use krilla::surface::Surface;

use crate::atlas::{Atlas, Layer, Point};
use crate::model::Technique;

use super::fonts::Fonts;
use super::hatch::paint_technique;
use super::map_drawing::{BADGE, BADGE_RADIUS, MapDrawing, badge_half_width, badge_label};
use super::page_geometry::{Pen, Rect, grey};
use super::primitives::{
    capsule_path, draw_text, fill_path, polygon_path, polyline_path, rect_path, stroke_path,
};

/// Outline of a planned deep muscle, drawn over the superficial layer.
pub(crate) const DEEP_OUTLINE: Pen = Pen::dashed(0.9, grey::BLACK, 2.2);

/// Draws the map: body, planned regions with their fills, outlines of all
/// superficial regions, landmarks, and the step numbers on top.
pub(crate) fn draw_map(surface: &mut Surface, fonts: &Fonts, map: &MapDrawing) {
    let atlas = Atlas::builtin().view(map.kind);
    let outline = |points: &[Point]| polygon_path(points.iter().map(|p| map.place(*p)));
    let bounds = |points: &[Point]| {
        let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
        for p in points {
            let (x, y) = map.place(*p);
            (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
        }
        Rect::new(x0, y0, (x1 - x0).max(0.0), (y1 - y0).max(0.0))
    };
    // Planned regions of a layer in the atlas's paint order (later on top).
    let planned = |layer: Layer| {
        atlas.regions_in(layer).filter_map(move |region| {
            let mark = map.marks.iter().find(|m| {
                (m.region.muscle, m.region.side, m.layer)
                    == (region.muscle, region.side, region.layer)
            })?;
            Some((mark, region))
        })
    };

    // A drawing cropped to the planned muscles ends in straight edges.
    let clip = rect_path(map.rect);
    if let Some(clip) = &clip {
        surface.push_clip_path(clip, &FillRule::NonZero);
    }
    let body: Vec<_> = atlas
        .body
        .iter()
        .filter_map(|b| outline(&b.points))
        .collect();
    for body in &body {
        fill_path(surface, body, 252);
    }
    for (mark, region) in planned(Layer::Superficial) {
        if let Some(path) = outline(&region.outline) {
            paint_bands(surface, &path, bounds(&region.outline), &mark.techniques);
        }
    }
    for region in atlas.regions_in(Layer::Superficial) {
        if let Some(path) = outline(&region.outline) {
            stroke_path(surface, &path, Pen::new(0.4, 140));
        }
    }
    for (_, region) in planned(Layer::Superficial) {
        if let Some(path) = outline(&region.outline) {
            stroke_path(surface, &path, Pen::new(0.8, grey::BLACK));
        }
    }
    for (mark, region) in planned(Layer::Deep) {
        if let Some(path) = outline(&region.outline) {
            paint_bands(surface, &path, bounds(&region.outline), &mark.techniques);
            stroke_path(surface, &path, DEEP_OUTLINE);
        }
    }
    // Planned superficial muscles keep their edge where a deep one covers them.
    for (_, region) in planned(Layer::Superficial) {
        if let Some(path) = outline(&region.outline) {
            stroke_path(surface, &path, Pen::new(0.5, grey::BLACK));
        }
    }
    // Landmarks of both layers (the deep-only sciatic nerve is in the
    // muscles' cautions); endangerment sites dashed.
    for landmark in atlas.landmarks.iter().filter(|l| l.layer.is_none()) {
        let points = landmark.points.iter().map(|p| map.place(*p));
        let pen = if landmark.site.is_some_and(|s| s.is_endangerment()) {
            Pen::dashed(0.6, 60, 1.6)
        } else {
            Pen::new(0.45, 90)
        };
        if let Some(path) = polyline_path(points, landmark.closed) {
            stroke_path(surface, &path, pen);
        }
    }
    for body in &body {
        stroke_path(surface, body, Pen::new(0.9, 40));
    }
    if clip.is_some() {
        surface.pop();
    }
    for (mark, badge) in map.marks.iter().zip(&map.badges) {
        if let Some(centre) = badge {
            draw_badge(surface, fonts, *centre, &mark.steps);
        }
    }
    // Over the badges: a badge often sits where the point is.
    super::trigger_marks::draw_targets(surface, map);
}

/// Fills a region with its techniques: the whole region for one, else one
/// horizontal band each, top down in step order, split by a white hairline.
fn paint_bands(
    surface: &mut Surface,
    path: &krilla::geom::Path,
    bounds: Rect,
    techniques: &[Technique],
) {
    let [first, ..] = techniques else {
        return;
    };
    if techniques.len() == 1 {
        paint_technique(surface, path, bounds, *first);
        return;
    }
    let band = bounds.h / techniques.len() as f32;
    for (i, technique) in techniques.iter().enumerate() {
        let strip = Rect::new(
            bounds.x - 1.0,
            bounds.y + i as f32 * band,
            bounds.w + 2.0,
            band,
        );
        let Some(clip) = rect_path(strip) else {
            continue;
        };
        surface.push_clip_path(&clip, &FillRule::NonZero);
        paint_technique(surface, path, bounds, *technique);
        surface.pop();
    }
    surface.push_clip_path(path, &FillRule::NonZero);
    for i in 1..techniques.len() {
        let y = bounds.y + i as f32 * band;
        if let Some(line) = polyline_path([(bounds.x, y), (bounds.right(), y)], false) {
            stroke_path(surface, &line, Pen::new(1.0, grey::WHITE));
        }
    }
    surface.pop();
}

/// The step numbers of a region in a white pill, readable on any fill.
fn draw_badge(surface: &mut Surface, fonts: &Fonts, centre: (f32, f32), steps: &[usize]) {
    let label = badge_label(steps);
    let half_width = badge_half_width(fonts, steps);
    if let Some(pill) = capsule_path(centre, half_width, BADGE_RADIUS) {
        fill_path(surface, &pill, grey::WHITE);
        stroke_path(surface, &pill, Pen::new(0.7, grey::BLACK));
    }
    let text_width = fonts.width(BADGE.weight, BADGE.size, &label);
    let cap = fonts.face(BADGE.weight).cap_height(BADGE.size);
    draw_text(
        surface,
        fonts,
        (centre.0 - text_width / 2.0, centre.1 + cap / 2.0),
        BADGE,
        grey::BLACK,
        &label,
    );
}
