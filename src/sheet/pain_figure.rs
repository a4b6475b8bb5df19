//! The client's pain drawing on the sheet: small whole-body figures (back,
//! and front when painted there), before and after the session, with the
//! painted cells shaded by intensity and dotted where the client feels
//! tingling or numbness. Placed in the notes column beside the map.

use krilla::surface::Surface;

use crate::atlas::Point;
use crate::model::{BodyView, Pain, PainDrawing, Plan};
use crate::referral::BodyChart;

use super::fonts::Fonts;
use super::layout::{Op, Pager, Pen, Rect, grey};
use super::pain_panel::PainPanel;
use super::primitives::{
    draw_text, fill_path, polygon_path, polyline_path, rect_path, stroke_path,
};
use super::text::Style;

const TITLE: Style = Style::bold(9.5);
const TITLE_LINE: f32 = 16.0;
const CAPTION: Style = Style::regular(7.0);
const CAPTION_LINE: f32 = 9.0;
const KEY: Style = Style::regular(8.0);
const KEY_LINE: f32 = 11.0;
/// Height of one body figure.
const FIGURE_HEIGHT: f32 = 88.0;
const FIGURE_GAP: f32 = 10.0;
const AFTER: f32 = 8.0;
/// Above each figure, for its "L" and "R".
const LETTER_ROOM: f32 = 9.0;
const KEY_TEXT: &str = "Darker is stronger (0-10); a dot marks tingling or numbness. \
                        Back: the client's left on your left; front: on your right.";

/// The "Pain drawing" block of the notes column.
pub(crate) struct PainBlock {
    /// (caption, view, drawing) for each figure, in order.
    figures: Vec<(String, BodyView, PainDrawing)>,
    marks: Vec<String>,
    /// The part of the chart the figures show: down to below the lowest
    /// painted cell, so a low-back drawing is not a thin stick figure.
    shown: (Point, Point),
}

impl PainBlock {
    /// The block for a plan, or none when no pain was drawn.
    pub(crate) fn new(plan: &Plan) -> Option<PainBlock> {
        let mut figures = Vec::new();
        let mut marks = Vec::new();
        for (when, pain) in [("Before", &plan.pain_before), ("After", &plan.pain_after)] {
            let Some(Pain { level, drawing, .. }) = pain else {
                continue;
            };
            if drawing.is_empty() {
                continue;
            }
            for view in BodyView::ALL {
                if view == BodyView::Back || drawing.areas.iter().any(|a| a.view == view) {
                    figures.push((
                        format!("{when}, {}", view.name().to_lowercase()),
                        view,
                        drawing.clone(),
                    ));
                }
            }
            let mut kinds: Vec<String> = Vec::new();
            for area in &drawing.areas {
                let kind = format!(
                    "{}/10 {}{}",
                    area.intensity.level(),
                    area.quality.name().to_lowercase(),
                    if area.constant {
                        ""
                    } else {
                        ", comes and goes"
                    }
                );
                if !kinds.contains(&kind) {
                    kinds.push(kind);
                }
            }
            marks.push(format!(
                "{when} ({}/10): {}.",
                level.level(),
                kinds.join("; ")
            ));
        }
        if figures.is_empty() {
            return None;
        }
        let shown = shown_part(figures.iter().map(|(_, _, d)| d));
        Some(PainBlock {
            figures,
            marks,
            shown,
        })
    }

    fn text(&self) -> String {
        format!("{} {KEY_TEXT}", self.marks.join(" "))
    }

    fn figure_width(&self) -> f32 {
        let (low, high) = self.shown;
        FIGURE_HEIGHT * (high.x - low.x) / (high.y - low.y).max(1.0)
    }

    /// Figures per row in a column `width` wide: at most half of it, so
    /// the key has room beside them.
    fn per_row(&self, width: f32) -> usize {
        let room = width * 0.45 + FIGURE_GAP;
        ((room / (self.figure_width() + FIGURE_GAP)).floor() as usize).max(1)
    }

    fn row_height() -> f32 {
        LETTER_ROOM + FIGURE_HEIGHT + CAPTION_LINE + 4.0
    }

    /// Width of a row of figures and the gap after it.
    fn figures_width(&self, width: f32) -> f32 {
        let n = self.per_row(width).min(self.figures.len()) as f32;
        n * (self.figure_width() + FIGURE_GAP)
    }

    /// Places the block at the cursor in the column: the title, the
    /// figures in rows, the key beside them.
    pub(crate) fn place(&self, pager: &mut Pager, column: &impl Fn(usize, f32) -> (f32, f32)) {
        let first_row = TITLE_LINE + PainBlock::row_height();
        pager.make_room(first_row);
        // Title and first row in one column: when the notes column ends
        // (under the map) before they do, start where it ends.
        let page = pager.page();
        while pager.y < pager.frame.bottom
            && column(page, pager.y) != column(page, pager.y + first_row)
        {
            pager.y += 4.0;
        }
        pager.make_room(first_row);
        pager.flow("Pain drawing", TITLE, grey::BLACK, TITLE_LINE, column);
        let width = self.figure_width();
        let (page, top) = (pager.page(), pager.y);
        let (x0, w0) = column(page, top);
        let beside = self.figures_width(w0);
        let mut index = 0;
        while index < self.figures.len() {
            pager.make_room(PainBlock::row_height());
            let (x, w) = column(pager.page(), pager.y);
            let row_top = pager.y + LETTER_ROOM;
            let per_row = self.per_row(w);
            for (slot, (caption, view, drawing)) in
                self.figures.iter().skip(index).take(per_row).enumerate()
            {
                let left = x + slot as f32 * (width + FIGURE_GAP);
                let rect = Rect::new(left, row_top, width, FIGURE_HEIGHT);
                pager.push(Op::PainFigure(Box::new(PainPanel {
                    rect,
                    shown: self.shown,
                    view: *view,
                    drawing: drawing.clone(),
                })));
                let baseline = row_top + FIGURE_HEIGHT + CAPTION_LINE;
                pager.text(
                    left,
                    baseline,
                    CAPTION,
                    grey::TEXT_SECONDARY,
                    caption.clone(),
                );
            }
            index += per_row;
            pager.y += PainBlock::row_height();
        }
        // The key beside the first row of figures.
        let bottom = (pager.page(), pager.y);
        pager.y = top + LETTER_ROOM;
        let key_column = |_: usize, _: f32| (x0 + beside, (w0 - beside).max(40.0));
        if pager.page() == page {
            pager.flow(&self.text(), KEY, grey::BLACK, KEY_LINE, key_column);
        }
        if pager.page() == bottom.0 {
            pager.y = pager.y.max(bottom.1);
        }
        pager.y += AFTER;
    }
}

/// Never cut the figure above mid-thigh, and show a little below the
/// lowest painted cell.
const MIN_SHOWN_BOTTOM: f32 = 560.0;
const BELOW_PAINT: f32 = 60.0;

/// The part of the chart the figures show: the whole width, from the top
/// of the body down to a little below the lowest painted cell.
fn shown_part<'a>(drawings: impl Iterator<Item = &'a PainDrawing>) -> (Point, Point) {
    let Ok(chart) = BodyChart::try_builtin() else {
        return (Point::new(0.0, 0.0), Point::new(400.0, 1100.0));
    };
    let (low, high) = chart.bounds();
    let lowest = drawings
        .flat_map(PainDrawing::painted)
        .map(|(_, cell, _)| chart.grid.corner(cell).y + chart.grid.cell)
        .fold(0.0_f32, f32::max);
    let bottom = (lowest + BELOW_PAINT)
        .max(MIN_SHOWN_BOTTOM)
        .min(high.y + 3.0);
    (
        Point::new(low.x - 3.0, low.y - 3.0),
        Point::new(high.x + 3.0, bottom),
    )
}

/// Grey of a painted cell: light for weak pain, dark for strong.
fn shade(intensity: u8) -> u8 {
    200_u8.saturating_sub(intensity.min(10) * 17)
}

pub(crate) fn draw_pain_panel(surface: &mut Surface, fonts: &Fonts, panel: &PainPanel) {
    let Ok(chart) = BodyChart::try_builtin() else {
        return;
    };
    let (low, high) = panel.shown;
    let scale = panel.rect.w / (high.x - low.x).max(1.0);
    let place = |p: Point| {
        (
            panel.rect.x + (p.x - low.x) * scale,
            panel.rect.y + (p.y - low.y) * scale,
        )
    };
    let body = polygon_path(chart.outline.iter().map(|&p| place(p)));
    // Cut the legs off below the part shown.
    let clip = rect_path(Rect::new(
        panel.rect.x - 1.0,
        panel.rect.y - 1.0,
        panel.rect.w + 2.0,
        (high.y - low.y) * scale + 1.0,
    ));
    if let Some(clip) = &clip {
        surface.push_clip_path(clip, &krilla::paint::FillRule::NonZero);
    }
    if let Some(body) = &body {
        fill_path(surface, body, 245);
    }
    let cell = chart.grid.cell * scale;
    for (view, c, mark) in panel.drawing.painted() {
        if view != panel.view {
            continue;
        }
        let (x, y) = place(chart.grid.corner(c));
        if let Some(path) = rect_path(Rect::new(x, y, cell, cell)) {
            fill_path(surface, &path, shade(mark.intensity.level()));
        }
        if mark.quality.is_nerve_sign() {
            let (cx, cy) = place(chart.grid.centre(c));
            let dot = cell * 0.22;
            let grey = if mark.intensity.level() >= 5 {
                grey::WHITE
            } else {
                grey::BLACK
            };
            if let Some(path) = rect_path(Rect::new(cx - dot, cy - dot, 2.0 * dot, 2.0 * dot)) {
                fill_path(surface, &path, grey);
            }
        }
    }
    if let Some(body) = &body {
        stroke_path(surface, body, Pen::new(0.6, grey::BLACK));
    }
    if clip.is_some() {
        surface.pop();
    }
    // The spine, so the sides read at a glance.
    if panel.view == BodyView::Back
        && let Some(spine) = polyline_path(
            [
                place(Point::new(chart.midline, 8.0)),
                place(Point::new(chart.midline, 287.0)),
            ],
            false,
        )
    {
        stroke_path(surface, &spine, Pen::new(0.4, grey::RULE_LIGHT));
    }
    let (left, right) = match panel.view {
        BodyView::Back => ("L", "R"),
        BodyView::Front => ("R", "L"),
    };
    let letters = Style::bold(7.0);
    draw_text(
        surface,
        fonts,
        (panel.rect.x, panel.rect.y - 2.0),
        letters,
        grey::BLACK,
        left,
    );
    let right_x = panel.rect.right() - fonts.width(letters.weight, letters.size, right);
    draw_text(
        surface,
        fonts,
        (right_x, panel.rect.y - 2.0),
        letters,
        grey::BLACK,
        right,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stronger_is_darker() {
        assert!(shade(9) < shade(3));
        assert!(shade(0) > shade(10));
        assert!(shade(10) < 40);
    }

    #[test]
    fn no_block_without_a_drawing() {
        let plan = Plan::new(jiff::civil::date(2026, 11, 18));
        assert!(PainBlock::new(&plan).is_none());
    }
}
