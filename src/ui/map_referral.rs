//! The referral overlay and the trigger point markers on the map: a
//! muscle's essential and spillover zones (from `assets/referral-patterns.ron`
//! on the body chart) and its common trigger points, with a small legend.
//! Shared by the plan map (`map.rs`) and the pain drawing (`map_pain.rs`).

use egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Stroke, Ui, Vec2};

use crate::atlas::{Atlas, Layer, Point, View, ViewKind};
use crate::model::{BodyView, Muscle, Plan, Side};
use crate::planner::Action;
use crate::referral::{BodyChart, ReferralPatterns, Zone, trigger_point_at};

/// The two switches beside "Landmarks": the referral zones of the muscle
/// under the pointer (or of the selected step), and every muscle's trigger
/// points.
pub fn overlay_switches(ui: &mut Ui, referral: bool, trigger_points: bool) -> Vec<Action> {
    let mut actions = Vec::new();
    if ui
        .selectable_label(referral, "Referral")
        .on_hover_text(
            "Where the muscle under the pointer (or the selected step's) refers pain: \
             essential zone solid, spillover dotted",
        )
        .clicked()
    {
        actions.push(Action::ShowReferral(!referral));
    }
    if ui
        .selectable_label(trigger_points, "Trigger points")
        .on_hover_text(
            "Common trigger points of every muscle (the selected step's are always shown)",
        )
        .clicked()
    {
        actions.push(Action::ShowTriggerPoints(!trigger_points));
    }
    actions
}

/// Fill of an essential zone and of a spillover zone.
pub fn zone_colours(dark: bool) -> (Color32, Color32) {
    if dark {
        (
            Color32::from_rgba_unmultiplied(255, 150, 40, 120),
            Color32::from_rgba_unmultiplied(255, 150, 40, 40),
        )
    } else {
        (
            Color32::from_rgba_unmultiplied(230, 100, 0, 115),
            Color32::from_rgba_unmultiplied(230, 100, 0, 38),
        )
    }
}

/// Paints the zones of `muscle` on `side` (both sides for `Side::Both`) as
/// chart cells of `view`: essential solid, spillover light and dotted.
/// Returns whether anything was painted.
pub fn paint_zones(
    painter: &Painter,
    chart: &BodyChart,
    to_screen: impl Fn(Point) -> Pos2,
    view: BodyView,
    muscle: Muscle,
    side: Side,
    dark: bool,
) -> bool {
    let Ok(patterns) = ReferralPatterns::try_builtin() else {
        return false;
    };
    let Some(pattern) = patterns.of(muscle) else {
        return false;
    };
    let (essential, spillover) = zone_colours(dark);
    let dot = essential.to_opaque();
    let cell = chart.grid.cell;
    let mut any = false;
    for area in chart.areas.iter().filter(|a| {
        a.view == view && (side == Side::Both || a.side == Side::Both || a.side == side)
    }) {
        let Some(zone) = pattern.zone_of(&area.id) else {
            continue;
        };
        for &c in &area.cells {
            let corner = chart.grid.corner(c);
            let rect = Rect::from_two_pos(
                to_screen(corner),
                to_screen(Point::new(corner.x + cell, corner.y + cell)),
            );
            let fill = if zone == Zone::Essential {
                essential
            } else {
                spillover
            };
            painter.rect_filled(rect, 0.0, fill);
            if zone == Zone::Spillover {
                painter.circle_filled(rect.center(), (rect.width() * 0.12).max(1.0), dot);
            }
            any = true;
        }
    }
    any
}

/// "Referral of the right gluteus medius: ■ essential  ▪ spillover" in the
/// map's lower left corner, above the caption.
/// Returns the card's rectangle, which the technique legend keeps clear of.
pub fn paint_zone_legend(painter: &Painter, rect: Rect, label: &str, ui: &Ui) -> Rect {
    let dark = ui.visuals().dark_mode;
    let (essential, spillover) = zone_colours(dark);
    let text = ui.visuals().strong_text_color();
    let font = FontId::proportional(11.0);
    let mut at = Pos2::new(rect.left() + 8.0, rect.bottom() - 34.0);
    // On a panel-coloured card, so map labels under it do not mix with it.
    let title_galley = painter.layout_no_wrap(label.to_owned(), font.clone(), text);
    let card = Rect::from_min_max(
        Pos2::new(at.x - 4.0, at.y - title_galley.size().y - 3.0),
        Pos2::new(at.x + title_galley.size().x.max(190.0) + 4.0, at.y + 18.0),
    );
    painter.rect_filled(card, 3.0, ui.visuals().panel_fill.gamma_multiply(0.92));
    let title = painter.text(at, Align2::LEFT_BOTTOM, label, font.clone(), text);
    at.y = title.bottom() + 14.0;
    let swatch = |x: f32, fill: Color32, dotted: bool| {
        let r = Rect::from_min_size(Pos2::new(x, at.y - 10.0), Vec2::splat(10.0));
        painter.rect_filled(r, 1.0, fill);
        painter.rect_stroke(r, 1.0, Stroke::new(0.5, text), egui::StrokeKind::Inside);
        if dotted {
            painter.circle_filled(r.center(), 1.5, essential.to_opaque());
        }
        r.right() + 4.0
    };
    let x = swatch(at.x, essential, false);
    let end = painter.text(
        Pos2::new(x, at.y),
        Align2::LEFT_BOTTOM,
        "essential zone",
        font.clone(),
        text,
    );
    let x = swatch(end.right() + 10.0, spillover, true);
    painter.text(
        Pos2::new(x, at.y),
        Align2::LEFT_BOTTOM,
        "spillover",
        font,
        text,
    );
    card
}

/// The muscle's trigger points, by name, for the hover card.
pub fn trigger_point_names(muscle: Muscle) -> Option<String> {
    let patterns = ReferralPatterns::try_builtin().ok()?;
    let points = &patterns.of(muscle)?.trigger_points;
    if points.is_empty() {
        return None;
    }
    let names: Vec<&str> = points.iter().map(|p| p.name.as_str()).collect();
    Some(format!("Trigger points: {}", names.join("; ")))
}

/// What the trigger point markers show.
pub struct TriggerMarks<'a> {
    pub atlas: &'a Atlas,
    pub drawing: &'a View,
    pub layer: Layer,
    pub plan: &'a Plan,
    pub selected_step: Option<usize>,
    /// Every muscle's points (the toggle), not only the selected step's.
    pub all: bool,
}

/// Small rings on each trigger point shown; the one the selected step (or
/// any step) targets is a filled, larger ring.
pub fn paint_trigger_points(
    painter: &Painter,
    marks: &TriggerMarks<'_>,
    to_screen: impl Fn(Point) -> Pos2,
    ui: &Ui,
) {
    let Ok(patterns) = ReferralPatterns::try_builtin() else {
        return;
    };
    let dark = ui.visuals().dark_mode;
    let ink = if dark {
        Color32::WHITE
    } else {
        Color32::from_rgb(40, 20, 60)
    };
    let paper = if dark {
        Color32::from_rgb(40, 20, 60)
    } else {
        Color32::WHITE
    };
    let target = if dark {
        Color32::from_rgb(255, 120, 230)
    } else {
        Color32::from_rgb(160, 20, 130)
    };
    let selected = marks.selected_step.and_then(|i| marks.plan.steps.get(i));
    let kind: ViewKind = marks.drawing.kind;
    for pattern in &patterns.patterns {
        for side in [Side::Left, Side::Right] {
            let is_selected = selected.is_some_and(|s| {
                s.muscle == pattern.muscle && (s.side == side || s.side == Side::Both)
            });
            let shown_here = marks
                .drawing
                .region(pattern.muscle, side, marks.layer)
                .is_some();
            if !(is_selected || (marks.all && shown_here)) {
                continue;
            }
            for point in pattern.trigger_points.iter().filter(|p| p.view == kind) {
                let at = to_screen(trigger_point_at(marks.atlas, point, side));
                let targeted = marks.plan.steps.iter().any(|s| {
                    s.muscle == pattern.muscle
                        && (s.side == side || s.side == Side::Both)
                        && s.trigger_point.as_deref() == Some(point.id.as_str())
                });
                if targeted {
                    painter.circle(at, 6.5, target, Stroke::new(2.0, paper));
                    painter.circle_filled(at, 2.0, paper);
                } else {
                    painter.circle(at, 4.0, paper, Stroke::new(1.6, ink));
                    painter.circle_filled(at, 1.3, ink);
                }
            }
        }
    }
}
