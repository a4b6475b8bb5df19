//! Muscle names on the map, so it reads without hovering: each muscle of
//! the layer on screen is named once, on the viewer's left half, just under
//! its label point (where a step badge may sit).

use egui::{Align2, FontId, Painter, Pos2, Vec2};

use crate::atlas::{Atlas, Layer, Point};
use crate::model::Side;

/// Draws the names; `to_screen` maps atlas units onto the screen.
pub fn paint_labels(
    painter: &Painter,
    atlas: &Atlas,
    layer: Layer,
    to_screen: impl Fn(Point) -> Pos2,
    visuals: &egui::Visuals,
) {
    let font = FontId::proportional(11.0);
    let text = visuals.strong_text_color();
    let backdrop = visuals.extreme_bg_color.gamma_multiply(0.75);
    // The client's left is on the viewer's left in the posterior view.
    for region in atlas.regions_in(layer).filter(|r| r.side == Side::Left) {
        let at = to_screen(region.label_at) + Vec2::new(0.0, 13.0);
        let galley =
            painter.layout_no_wrap(region.muscle.short_name().to_string(), font.clone(), text);
        let place = Align2::CENTER_TOP.anchor_size(at, galley.size());
        painter.rect_filled(place.expand(1.5), 3.0, backdrop);
        painter.galley(place.min, galley, text);
    }
}
