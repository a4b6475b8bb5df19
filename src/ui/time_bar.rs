//! Planned minutes against the session length, marked when over or under.

use egui::{Color32, CornerRadius, Sense, Stroke, StrokeKind, Ui, Vec2};

use super::style;
use crate::model::Plan;

/// More free minutes than this is "under" (room for more work).
const UNDER_MARGIN: u32 = 10;

pub fn time_bar(ui: &mut Ui, plan: &Plan) {
    let planned = plan.total_minutes();
    let session = u32::from(plan.session_minutes).max(1);
    let (text, colour) = if planned > session {
        (
            format!(
                "{planned} of {session} min planned — {} min over",
                planned - session
            ),
            style::error(ui.visuals()),
        )
    } else if planned + UNDER_MARGIN < session {
        (
            format!(
                "{planned} of {session} min planned — {} min free",
                session - planned
            ),
            style::warning(ui.visuals()),
        )
    } else {
        (
            format!("{planned} of {session} min planned"),
            style::good(ui.visuals()),
        )
    };
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, 10.0), Sense::hover());
    let painter = ui.painter();
    let radius = CornerRadius::same(4);
    painter.rect_filled(rect, radius, ui.visuals().extreme_bg_color);
    let scale = planned.max(session) as f32;
    let filled = rect.width() * (planned as f32 / scale).min(1.0);
    let mut bar = rect;
    bar.set_width(filled);
    painter.rect_filled(bar, radius, colour);
    if planned > session {
        // Mark where the session ends.
        let x = rect.left() + rect.width() * session as f32 / scale;
        painter.vline(
            x,
            rect.y_range(),
            Stroke::new(2.0, ui.visuals().text_color()),
        );
    }
    painter.rect_stroke(
        rect,
        radius,
        Stroke::new(1.0, Color32::from_gray(128)),
        StrokeKind::Inside,
    );
    response.on_hover_text("Planned minutes against the session length");
    ui.label(egui::RichText::new(text).color(colour).strong());
}
