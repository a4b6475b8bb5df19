//! What is behind the panels: the window's clear colour, or each panel's own fill.
//!
//! Every frame the renderer first clears the window to one colour, then
//! draws what egui painted. egui's panels fill their whole area with the
//! panel colour, so by default every pixel is drawn twice. On a software
//! renderer (llvmpipe, a machine without a GPU) the clear costs almost
//! nothing but each filled pixel runs the shader: the panels' fills were
//! most of the first frames' drawing (a bare eframe window took 312 ms to
//! its first frame on screen with its panel filled, 169 ms without).
//!
//! In the app's own window the clear colour is the panel colour
//! ([`clear_colour`]), so the panels' background rectangles are dropped
//! from each frame's output ([`SkipPanelBackdrops`]): the same pixels,
//! drawn once. The panels keep their fill otherwise: widgets read it (a
//! scroll area fades its edges into it). Test harnesses render with a clear
//! colour of their own (egui_kittest clears to transparent), so there the
//! panels are drawn as egui draws them ([`Backdrop::PanelsFill`]).

use egui::epaint::CornerRadius;
use egui::{Color32, Context, FullOutput, Id, Rect, Shape, Visuals};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Backdrop {
    /// Each panel fills its own area with the panel colour (egui's default).
    #[default]
    PanelsFill,
    /// The window is cleared to the panel colour before each frame
    /// ([`clear_colour`]): the panels' backgrounds are not drawn again.
    WindowClears,
}

/// The colour the window is cleared to each frame: the panels' own colour,
/// as eframe wants it (gamma-encoded components, 0–1).
pub fn clear_colour(visuals: &Visuals) -> [f32; 4] {
    visuals.panel_fill.to_normalized_gamma_f32()
}

/// The panels' areas this frame, noted by [`note_panels`].
#[derive(Clone, Default)]
struct PanelAreas(Vec<Rect>);

fn panel_areas_id() -> Id {
    Id::unique("backdrop: panel areas")
}

/// Notes the areas of panels shown this frame: their background
/// rectangles are the ones [`SkipPanelBackdrops`] drops.
pub fn note_panels(ctx: &Context, areas: &[Rect]) {
    ctx.data_mut(|d| {
        let noted = d.get_temp_mut_or_default::<PanelAreas>(panel_areas_id());
        noted.0.extend_from_slice(areas);
    });
}

/// An egui plugin, for a window cleared to the panel colour: removes the
/// panels' background rectangles (noted with [`note_panels`]) from each
/// frame's output. A rectangle is a panel's background when it is
/// a noted panel's area (short of its separator), filled with the panel
/// colour and nothing else:
/// a smaller patch of the panel colour painted over content (a sticky
/// title) stays.
pub struct SkipPanelBackdrops;

impl egui::Plugin for SkipPanelBackdrops {
    fn debug_name(&self) -> &'static str {
        "SkipPanelBackdrops"
    }

    fn output_hook(&mut self, ctx: &Context, output: &mut FullOutput) {
        let areas = ctx.data_mut(|d| d.remove_temp::<PanelAreas>(panel_areas_id()));
        let Some(PanelAreas(areas)) = areas else {
            return;
        };
        let panel_fill = ctx.global_style().visuals.panel_fill;
        output
            .shapes
            .retain(|clipped| !is_panel_backdrop(&clipped.shape, &areas, panel_fill));
    }
}

fn is_panel_backdrop(shape: &Shape, areas: &[Rect], panel_fill: Color32) -> bool {
    let Shape::Rect(rect) = shape else {
        return false;
    };
    rect.fill == panel_fill
        && panel_fill.is_opaque()
        && rect.stroke.is_empty()
        && rect.corner_radius == CornerRadius::ZERO
        && rect.blur_width == 0.0
        && rect.brush.is_none()
        && rect.angle == 0.0
        && areas.iter().any(|area| fills_panel(rect.rect, *area))
}

/// Whether `painted` is the background of the panel over `area`: egui
/// paints a side panel's background short of its edge by the separator's
/// width (1 point), and nothing smaller is a panel's background.
fn fills_panel(painted: Rect, area: Rect) -> bool {
    const SEPARATOR: f32 = 2.0;
    area.contains_rect(painted)
        && area.width() - painted.width() <= SEPARATOR
        && area.height() - painted.height() <= SEPARATOR
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::epaint::{RectShape, Stroke, StrokeKind};
    use egui::{Pos2, Vec2};

    fn filled(area: Rect, fill: Color32) -> Shape {
        Shape::Rect(RectShape::filled(area, 0.0, fill))
    }

    #[test]
    fn the_clear_colour_is_the_panel_colour_in_both_themes() {
        for visuals in [Visuals::dark(), Visuals::light()] {
            let [r, g, b, a] = clear_colour(&visuals);
            let byte = |c: f32| (c * 255.0).round() as u8;
            let cleared = Color32::from_rgba_premultiplied(byte(r), byte(g), byte(b), byte(a));
            assert_eq!(cleared, visuals.panel_fill);
            assert_eq!(a, 1.0, "an opaque window: nothing behind it shows through");
        }
    }

    #[test]
    fn only_a_panels_own_background_is_dropped() {
        let fill = Visuals::dark().panel_fill;
        let panel = Rect::from_min_size(Pos2::new(0.0, 25.0), Vec2::new(230.0, 750.0));
        let areas = [panel];
        assert!(is_panel_backdrop(&filled(panel, fill), &areas, fill));
        // Short of the separator on its right edge, as egui paints it.
        let painted = Rect::from_min_max(panel.min, Pos2::new(229.0, 775.0));
        assert!(is_panel_backdrop(&filled(painted, fill), &areas, fill));

        // A patch of the panel colour over content (a sticky title).
        let patch = Rect::from_min_size(Pos2::new(0.0, 25.0), Vec2::new(230.0, 24.0));
        assert!(!is_panel_backdrop(&filled(patch, fill), &areas, fill));
        // Another colour, a rounded or outlined rectangle of the panel's area.
        assert!(!is_panel_backdrop(
            &filled(panel, Color32::RED),
            &areas,
            fill
        ));
        let rounded = Shape::Rect(RectShape::filled(panel, 4.0, fill));
        assert!(!is_panel_backdrop(&rounded, &areas, fill));
        let outlined = Shape::Rect(RectShape::new(
            panel,
            0.0,
            fill,
            Stroke::new(1.0, Color32::WHITE),
            StrokeKind::Inside,
        ));
        assert!(!is_panel_backdrop(&outlined, &areas, fill));
        // A panel colour that lets what is under it show is not the clear colour.
        let faint = Color32::from_rgba_premultiplied(10, 10, 10, 128);
        assert!(!is_panel_backdrop(&filled(panel, faint), &areas, faint));
    }
}
