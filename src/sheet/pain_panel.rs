//! One figure of the client's pain drawing as laid out on the page (pure
//! geometry); `pain_figure` lays the block out and draws it.

use crate::atlas::Point;
use crate::model::{BodyView, PainDrawing};

use super::page_geometry::Rect;

/// One figure: a view of one drawing, where it goes on the page.
#[derive(Debug, Clone)]
pub(crate) struct PainPanel {
    pub rect: Rect,
    /// The part of the chart shown (top left, bottom right), atlas units.
    pub shown: (Point, Point),
    pub view: BodyView,
    pub drawing: PainDrawing,
}
