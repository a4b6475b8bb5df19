//! The map as laid out on the page: where it goes, which part of the atlas
//! it shows, and the plan's marks with their badge positions. Pure
//! geometry; `map_paint` draws it.

use crate::atlas::{Mark, Point, ViewKind};

use super::fonts::Fonts;
use super::page_geometry::Rect;
use super::text::Style;

pub(crate) const BADGE: Style = Style::bold(7.0);
pub(crate) const BADGE_RADIUS: f32 = 5.2;

#[derive(Debug, Clone)]
pub(crate) struct MapDrawing {
    /// Which view of the atlas.
    pub kind: ViewKind,
    /// Where the drawing goes on the page.
    pub rect: Rect,
    /// The part of the atlas shown (the body and a small margin), in atlas units.
    pub view: (Point, Point),
    pub marks: Vec<Mark>,
    /// Centre of each mark's step-number badge on the page (`None`: the
    /// atlas has no region to put it on).
    pub badges: Vec<Option<(f32, f32)>>,
    /// Trigger points the steps target (atlas units).
    pub trigger_points: Vec<Point>,
}

impl MapDrawing {
    /// Page points per atlas unit.
    pub(crate) fn scale(&self) -> f32 {
        self.rect.w / (self.view.1.x - self.view.0.x).max(1.0)
    }

    /// Atlas point to page point.
    pub(crate) fn place(&self, p: Point) -> (f32, f32) {
        let s = self.scale();
        (
            self.rect.x + (p.x - self.view.0.x) * s,
            self.rect.y + (p.y - self.view.0.y) * s,
        )
    }
}

pub(crate) fn badge_label(steps: &[usize]) -> String {
    steps
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

pub(crate) fn badge_half_width(fonts: &Fonts, steps: &[usize]) -> f32 {
    let text = fonts.width(BADGE.weight, BADGE.size, &badge_label(steps));
    (text / 2.0 + 2.6).max(BADGE_RADIUS)
}
