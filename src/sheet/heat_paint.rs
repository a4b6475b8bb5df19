//! The heat map on the atlas drawing: each region worked filled in a grey
//! as dark as the time spent on it (five bands), the rest outlined. Pure
//! geometry in `HeatDrawing`; `draw_heat` draws it.

use krilla::surface::Surface;

use crate::atlas::{Atlas, Layer, Point, ViewKind};
use crate::course::{HEAT_BANDS, HeatMap, heat_band};
use crate::model::MuscleSide;

use super::map_paint::DEEP_OUTLINE;
use super::page_geometry::Rect;
use super::page_geometry::{Pen, grey};
use super::primitives::{fill_path, polygon_path, polyline_path, stroke_path};

/// Greys of the five bands, lightest (least time) first.
pub(crate) const BAND_GREYS: [u8; HEAT_BANDS] = [228, 196, 160, 120, 80];

#[derive(Debug, Clone)]
pub(crate) struct HeatDrawing {
    pub kind: ViewKind,
    pub rect: Rect,
    /// The part of the atlas shown, in atlas units.
    pub view: (Point, Point),
    /// Each one-sided region worked and its band's grey.
    pub shades: Vec<(MuscleSide, u8)>,
}

impl HeatDrawing {
    pub(crate) fn new(kind: ViewKind, rect: Rect, view: (Point, Point), heat: &HeatMap) -> Self {
        let max = heat.max_minutes();
        let shades = heat
            .cells
            .iter()
            .filter(|(_, cell)| cell.seconds > 0)
            .map(|(region, cell)| (*region, BAND_GREYS[heat_band(cell.minutes(), max)]))
            .collect();
        HeatDrawing {
            kind,
            rect,
            view,
            shades,
        }
    }

    fn place(&self, p: Point) -> (f32, f32) {
        let s = self.rect.w / (self.view.1.x - self.view.0.x).max(1.0);
        (
            self.rect.x + (p.x - self.view.0.x) * s,
            self.rect.y + (p.y - self.view.0.y) * s,
        )
    }

    fn shade_of(&self, region: MuscleSide) -> Option<u8> {
        self.shades
            .iter()
            .find(|(r, _)| *r == region)
            .map(|(_, grey)| *grey)
    }
}

pub(crate) fn draw_heat(surface: &mut Surface, heat: &HeatDrawing) {
    let view = Atlas::builtin().view(heat.kind);
    let outline = |points: &[Point]| polygon_path(points.iter().map(|p| heat.place(*p)));
    let body: Vec<_> = view
        .body
        .iter()
        .filter_map(|b| outline(&b.points))
        .collect();
    for body in &body {
        fill_path(surface, body, 252);
    }
    for layer in [Layer::Superficial, Layer::Deep] {
        for region in view.regions_in(layer) {
            let Some(path) = outline(&region.outline) else {
                continue;
            };
            let shade = heat.shade_of(MuscleSide::new(region.muscle, region.side));
            match (layer, shade) {
                (_, Some(shade)) => {
                    fill_path(surface, &path, shade);
                    let pen = if layer == Layer::Deep {
                        DEEP_OUTLINE
                    } else {
                        Pen::new(0.7, grey::BLACK)
                    };
                    stroke_path(surface, &path, pen);
                }
                (Layer::Superficial, None) => stroke_path(surface, &path, Pen::new(0.4, 140)),
                (Layer::Deep, None) => {}
            }
        }
    }
    for landmark in view.landmarks.iter().filter(|l| l.layer.is_none()) {
        let points = landmark.points.iter().map(|p| heat.place(*p));
        if let Some(path) = polyline_path(points, landmark.closed) {
            stroke_path(surface, &path, Pen::new(0.45, 90));
        }
    }
    for body in &body {
        stroke_path(surface, body, Pen::new(0.9, 40));
    }
}
