//! Page geometry shared by layout and drawing: rectangles in points, pens,
//! grey levels. Imports nothing else of the sheet, so the laid-out pieces
//! (map drawing, pain panels) and the layout can both use it.

/// A rectangle on the page in points, x to the right, y down from the top.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    pub(crate) const fn new(x: f32, y: f32, w: f32, h: f32) -> Rect {
        Rect { x, y, w, h }
    }

    pub(crate) fn right(&self) -> f32 {
        self.x + self.w
    }

    pub(crate) fn bottom(&self) -> f32 {
        self.y + self.h
    }
}

/// Grey levels, 0 black to 255 white: the sheet prints in black and white.
pub(crate) mod grey {
    pub const BLACK: u8 = 0;
    /// Secondary text: labels, captions, the footer.
    pub const TEXT_SECONDARY: u8 = 90;
    /// Rules between table rows, outlines of muscles not planned.
    pub const RULE_LIGHT: u8 = 190;
    /// Background of the table header.
    pub const BAND: u8 = 232;
    pub const WHITE: u8 = 255;
}

/// How a line or outline is stroked.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Pen {
    pub width: f32,
    pub grey: u8,
    /// Length of the dashes, for a dashed line.
    pub dash: Option<f32>,
}

impl Pen {
    pub(crate) const fn new(width: f32, grey: u8) -> Pen {
        Pen {
            width,
            grey,
            dash: None,
        }
    }

    pub(crate) const fn dashed(width: f32, grey: u8, dash: f32) -> Pen {
        Pen {
            width,
            grey,
            dash: Some(dash),
        }
    }
}
