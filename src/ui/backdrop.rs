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
//! ([`clear_colour`]), so the panels need not fill themselves
//! ([`Backdrop::WindowClears`]): the same pixels, drawn once. Test harnesses
//! render with a clear colour of their own (egui_kittest clears to
//! transparent), so there the panels fill themselves, as egui's do.

use egui::{Color32, Frame, Style, Visuals};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Backdrop {
    /// Each panel fills its own area with the panel colour (egui's default).
    #[default]
    PanelsFill,
    /// The window is cleared to the panel colour before each frame
    /// ([`clear_colour`]): panels leave their areas unfilled.
    WindowClears,
}

impl Backdrop {
    /// The frame of a top, bottom or side panel.
    pub fn side_panel(self, style: &Style) -> Frame {
        self.unfilled_if_cleared(Frame::side_top_panel(style))
    }

    /// The frame of the central panel.
    pub fn central_panel(self, style: &Style) -> Frame {
        self.unfilled_if_cleared(Frame::central_panel(style))
    }

    fn unfilled_if_cleared(self, frame: Frame) -> Frame {
        match self {
            Backdrop::PanelsFill => frame,
            Backdrop::WindowClears => frame.fill(Color32::TRANSPARENT),
        }
    }
}

/// The colour the window is cleared to each frame: the panels' own colour,
/// as eframe wants it (gamma-encoded components, 0–1).
pub fn clear_colour(visuals: &Visuals) -> [f32; 4] {
    visuals.panel_fill.to_normalized_gamma_f32()
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn panels_fill_themselves_unless_the_window_clears_to_their_colour() {
        let style = Style::default();
        let fill = style.visuals.panel_fill;
        assert_eq!(Backdrop::PanelsFill.side_panel(&style).fill, fill);
        assert_eq!(Backdrop::PanelsFill.central_panel(&style).fill, fill);
        assert_eq!(
            Backdrop::WindowClears.side_panel(&style).fill,
            Color32::TRANSPARENT
        );
        assert_eq!(
            Backdrop::WindowClears.central_panel(&style).fill,
            Color32::TRANSPARENT
        );
    }

    #[test]
    fn an_unfilled_panel_keeps_its_margins() {
        let style = Style::default();
        for (filled, unfilled) in [
            (
                Backdrop::PanelsFill.side_panel(&style),
                Backdrop::WindowClears.side_panel(&style),
            ),
            (
                Backdrop::PanelsFill.central_panel(&style),
                Backdrop::WindowClears.central_panel(&style),
            ),
        ] {
            assert_eq!(filled.inner_margin, unfilled.inner_margin);
            assert_eq!(filled.stroke, unfilled.stroke);
        }
    }
}
