//! The editor map's picture, kept between frames.
//!
//! Drawing the map (fills in technique bands, outlines, names, step badges,
//! rings, trigger points, the legend) was a third of a main-window frame's
//! work (callgrind of the `frame` bench), yet the picture changes only when
//! what it shows does: the plan, its warnings, the view and its switches,
//! the region under the pointer, the map's size and the theme. Those make
//! the key; a frame with the same key adds the meshes kept from the last
//! painting (`painted_cache`).

use egui::{Color32, Rect, Ui};

use super::map::MapView;
use super::painted_cache::cached_paint_with;
use crate::atlas::{Layer, Region, ViewKind};
use crate::model::{Muscle, Plan, Side};
use crate::screening::Warning;

/// What the picture shows besides the plan and its warnings: small and
/// `Copy`, compared every frame.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Shown {
    /// Which atlas (the address of the built-in one, which lives as long
    /// as the program).
    atlas: usize,
    view: ViewKind,
    layer: Layer,
    landmarks: bool,
    selected_step: Option<usize>,
    names: bool,
    referral: bool,
    trigger_points: bool,
    rect: Rect,
    hovered: Option<(Muscle, Side, Layer)>,
    dark: bool,
    /// The theme's colours the map reads (text, backdrops, the legend's frame).
    colours: [Color32; 5],
}

struct Key {
    shown: Shown,
    plan: Plan,
    warnings: Vec<Warning>,
}

/// Paints the map's picture with `paint`, or adds the one kept for the same
/// view, plan, warnings, hovered region, rectangle and theme.
pub(super) fn cached_picture(
    ui: &Ui,
    view: &MapView<'_>,
    rect: Rect,
    hovered: Option<&Region>,
    paint: impl FnOnce(),
) {
    let visuals = ui.visuals();
    let shown = Shown {
        atlas: std::ptr::from_ref(view.atlas) as usize,
        view: view.view,
        layer: view.layer,
        landmarks: view.landmarks,
        selected_step: view.selected_step,
        names: view.names,
        referral: view.referral,
        trigger_points: view.trigger_points,
        rect,
        hovered: hovered.map(|r| (r.muscle, r.side, r.layer)),
        dark: visuals.dark_mode,
        colours: [
            visuals.strong_text_color(),
            visuals.extreme_bg_color,
            visuals.window_fill,
            visuals.panel_fill,
            visuals.widgets.noninteractive.bg_stroke.color,
        ],
    };
    cached_paint_with(
        ui,
        ui.scope_id().with("map picture"),
        |kept: &Key| {
            kept.shown == shown && kept.plan == *view.plan && kept.warnings == view.warnings
        },
        || Key {
            shown,
            plan: view.plan.clone(),
            warnings: view.warnings.to_vec(),
        },
        paint,
    );
}
