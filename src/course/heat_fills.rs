//! The heat map laid on the atlas: which drawn region is filled in which
//! band for the minutes worked on it, on the side the client was worked.
//! No drawing here: the window and the printed report paint these.

use crate::atlas::{Atlas, Layer, View, ViewKind};
use crate::model::MuscleSide;

use super::HeatMap;

/// Bands of the minutes scale, least time first.
pub const HEAT_BANDS: usize = 5;

/// Which band (0 to `HEAT_BANDS - 1`) `minutes` falls in, out of `max`.
pub fn heat_band(minutes: f32, max: f32) -> usize {
    if max <= 0.0 {
        return 0;
    }
    let share = (minutes / max).clamp(0.0, 1.0);
    ((share * HEAT_BANDS as f32).ceil() as usize).clamp(1, HEAT_BANDS) - 1
}

/// The upper bound of band `band` in minutes, for the legend.
pub fn heat_band_top(band: usize, max: f32) -> f32 {
    max * (band as f32 + 1.0) / HEAT_BANDS as f32
}

/// One drawn region of a view that was worked in the range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HeatFill {
    /// Index into the view's `regions`.
    pub index: usize,
    pub region: MuscleSide,
    pub layer: Layer,
    pub band: usize,
    pub minutes: f32,
    /// Mean pressure (1–5), weighted by time.
    pub mean_pressure: Option<f32>,
    /// Sessions that worked it.
    pub sessions: u32,
}

/// The worked regions of `view`, in paint order (superficial first, deep
/// on top, as a deep muscle is drawn over the one covering it). Each
/// region keeps the side the atlas gives it, so the client's left is on
/// the viewer's left from behind and on the right from the front.
pub fn heat_fills(heat: &HeatMap, view: &View) -> Vec<HeatFill> {
    let max = heat.max_minutes();
    let mut fills = Vec::new();
    for layer in Layer::ALL {
        for (index, region) in view.regions.iter().enumerate() {
            if region.layer != layer {
                continue;
            }
            let side = MuscleSide::new(region.muscle, region.side);
            let cell = heat.get(side);
            if cell.seconds == 0 {
                continue;
            }
            fills.push(HeatFill {
                index,
                region: side,
                layer,
                band: heat_band(cell.minutes(), max),
                minutes: cell.minutes(),
                mean_pressure: cell.mean_pressure(),
                sessions: cell.sessions,
            });
        }
    }
    fills
}

/// The views that show at least one worked muscle, in `ViewKind::ALL`
/// order; the back view when nothing was worked.
pub fn views_worked(heat: &HeatMap, atlas: &Atlas) -> Vec<ViewKind> {
    let views: Vec<ViewKind> = atlas
        .views()
        .iter()
        .filter(|view| {
            heat.cells
                .iter()
                .any(|(region, cell)| cell.seconds > 0 && view.shows(region.muscle))
        })
        .map(|view| view.kind)
        .collect();
    if views.is_empty() {
        vec![ViewKind::Posterior]
    } else {
        views
    }
}
