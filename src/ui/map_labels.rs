//! Muscle names on the map, so it reads without hovering: each muscle of
//! the layer on screen is named once, on the side nearer the viewer's left,
//! just under its label point (where a step badge may sit).

use egui::{Align2, FontId, Painter, Pos2, Vec2};

use crate::atlas::{Layer, Point, Region, View};

/// Draws the names; `to_screen` maps atlas units onto the screen.
pub fn paint_labels(
    painter: &Painter,
    drawing: &View,
    layer: Layer,
    to_screen: impl Fn(Point) -> Pos2,
    visuals: &egui::Visuals,
) {
    let font = FontId::proportional(11.0);
    let text = visuals.strong_text_color();
    let backdrop = visuals.extreme_bg_color.gamma_multiply(0.75);
    // One name a muscle: its region furthest to the viewer's left (the
    // client's left from behind, the client's right from the front).
    let mut named: Vec<&Region> = Vec::new();
    for region in drawing.regions_in(layer) {
        match named.iter_mut().find(|r| r.muscle == region.muscle) {
            Some(kept) if region.label_at.x < kept.label_at.x => *kept = region,
            Some(_) => {}
            None => named.push(region),
        }
    }
    for region in named {
        let at = to_screen(region.label_at) + Vec2::new(0.0, 13.0);
        let galley =
            painter.layout_no_wrap(region.muscle.short_name().to_string(), font.clone(), text);
        let place = Align2::CENTER_TOP.anchor_size(at, galley.size());
        painter.rect_filled(place.expand(1.5), 3.0, backdrop);
        painter.galley(place.min, galley, text);
    }
}
