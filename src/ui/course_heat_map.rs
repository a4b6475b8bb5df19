//! The client view's heat map on the atlas: each muscle worked in the date
//! range filled, on the side it was worked, in a colour for its minutes;
//! a legend of the minutes bands; the minutes and mean pressure of a
//! muscle on hover and in its accessible name. The drawing is the same
//! atlas as the editor's map; its shapes are tessellated once per range,
//! size and theme and kept in egui memory, so a frame only copies them.

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use egui::{
    Align2, Color32, FontId, Mesh, Pos2, Rect, RichText, Sense, Shape, Stroke, Ui, Vec2,
    WidgetInfo,
    epaint::{TessellationOptions, Tessellator},
};

use super::map::{Fit, Palette, add_fill, screen, view_caption};
use crate::atlas::{Atlas, Layer, ViewKind};
use crate::course::{HEAT_BANDS, HeatFill, HeatMap, heat_band_top, heat_fills};

/// The minutes ramp, least first: pale yellow to deep red, readable in
/// both themes and without colour names (the legend gives the minutes).
pub const HEAT_RAMP: [Color32; HEAT_BANDS] = [
    Color32::from_rgb(255, 237, 160),
    Color32::from_rgb(254, 196, 79),
    Color32::from_rgb(253, 141, 60),
    Color32::from_rgb(227, 26, 28),
    Color32::from_rgb(150, 0, 38),
];

/// "Right quadratus lumborum: 25 min, mean pressure 4.0 of 5, 2 sessions".
pub fn fill_text(fill: &HeatFill) -> String {
    let pressure = fill
        .mean_pressure
        .map_or("no pressure recorded".to_owned(), |p| {
            format!("mean pressure {p:.1} of 5")
        });
    let sessions = match fill.sessions {
        1 => "1 session".to_owned(),
        n => format!("{n} sessions"),
    };
    format!(
        "{}: {:.0} min, {pressure}, {sessions}",
        fill.region.muscle.label_with_side(fill.region.side),
        fill.minutes
    )
}

/// What one view's picture was drawn for: redrawn only when this changes.
fn picture_key(heat: &HeatMap, kind: ViewKind, rect: Rect, ui: &Ui) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    heat.hash(&mut hasher);
    kind.hash(&mut hasher);
    for value in [
        rect.min.x,
        rect.min.y,
        rect.max.x,
        rect.max.y,
        ui.ctx().pixels_per_point(),
    ] {
        value.to_bits().hash(&mut hasher);
    }
    ui.visuals().dark_mode.hash(&mut hasher);
    hasher.finish()
}

/// One view's heat picture: its tessellated shapes and the fills drawn.
#[derive(Clone)]
struct Picture {
    key: u64,
    mesh: Arc<Mesh>,
    fills: Arc<Vec<HeatFill>>,
}

/// The heat map on one view of the atlas, in `rect` (space the caller
/// has allocated).
pub fn heat_view(ui: &mut Ui, heat: &HeatMap, kind: ViewKind, rect: Rect) {
    let atlas = Atlas::builtin();
    let drawing = atlas.view(kind);
    let response = ui.interact(
        rect,
        ui.scope_id().with(("heat view", kind)),
        Sense::hover(),
    );
    let fit = Fit::new(rect, drawing.size);
    let key = picture_key(heat, kind, rect, ui);
    let id = ui.scope_id().with(("heat picture", kind));
    let cached = ui
        .ctx()
        .memory(|m| m.data.get_temp::<Picture>(id))
        .filter(|p| p.key == key);
    let picture = cached.unwrap_or_else(|| {
        let picture = draw_picture(ui, heat, kind, fit, key);
        ui.ctx()
            .memory_mut(|m| m.data.insert_temp(id, picture.clone()));
        picture
    });
    let painter = ui.painter_at(rect);
    painter.add(Shape::mesh(Arc::clone(&picture.mesh)));
    heat_view_captions(ui, kind, rect);

    // Each worked muscle reachable by name, with its numbers: once, though
    // a view may draw it in both layers. Only for a screen reader (or a
    // test): the pointer reads the same numbers on hover.
    let reader = ui
        .ctx()
        .accesskit_node_builder(response.id, |_| ())
        .is_some();
    let mut named: Vec<crate::model::MuscleSide> = Vec::new();
    for fill in picture.fills.iter().filter(|_| reader) {
        let Some(region) = drawing.regions.get(fill.index) else {
            continue;
        };
        if named.contains(&fill.region) {
            continue;
        }
        named.push(fill.region);
        let handle = ui.interact(
            Rect::from_center_size(fit.to_screen(region.label_at), Vec2::splat(2.0)),
            id.with(fill.index),
            Sense::hover(),
        );
        handle.widget_info(|| {
            WidgetInfo::labeled(
                egui::Role::Image,
                true,
                format!("{} view, {}", kind.name(), fill_text(fill)),
            )
        });
    }

    // The worked muscle under the pointer: ringed, its numbers beside it.
    let pointer = response.hover_pos();
    let hovered = pointer.and_then(|p| {
        let at = fit.to_atlas(p);
        picture.fills.iter().rev().find(|fill| {
            drawing
                .regions
                .get(fill.index)
                .is_some_and(|r| r.contains(at))
        })
    });
    if let Some(fill) = hovered
        && let Some(region) = drawing.regions.get(fill.index)
    {
        let colours = Palette::new(ui, ui.visuals().dark_mode);
        painter.add(Shape::closed_line(
            screen(fit, &region.outline),
            Stroke::new(2.5, colours.highlight),
        ));
        let text = fill_text(fill);
        response.on_hover_ui_at_pointer(|ui| {
            ui.label(RichText::new(text).strong());
        });
    }
}

/// Tessellates one view's heat map: body, muscles (worked ones in their
/// band's colour, the rest faint), landmarks, the sides' letters.
fn draw_picture(ui: &Ui, heat: &HeatMap, kind: ViewKind, fit: Fit, key: u64) -> Picture {
    let drawing = Atlas::builtin().view(kind);
    let dark = ui.visuals().dark_mode;
    let colours = Palette::new(ui, dark);
    let fills = heat_fills(heat, drawing);
    let line = |w: f32| w * fit.scale.max(0.6);
    let mut shapes: Vec<Shape> = Vec::new();

    let mut body = Mesh::default();
    for part in &drawing.body {
        add_fill(&mut body, fit, &part.points, &part.triangles, colours.body);
    }
    shapes.push(Shape::mesh(body));

    // The superficial muscles faint, so the drawing reads as a back.
    let mut faint = Mesh::default();
    for region in drawing.regions_in(Layer::Superficial) {
        let colour = colours.muscle.gamma_multiply(0.45);
        add_fill(&mut faint, fit, &region.outline, &region.triangles, colour);
    }
    shapes.push(Shape::mesh(faint));
    for region in drawing.regions_in(Layer::Superficial) {
        let stroke = Stroke::new(line(0.6), colours.muscle_line.gamma_multiply(0.5));
        shapes.push(Shape::closed_line(screen(fit, &region.outline), stroke));
    }
    let edge = if dark {
        Color32::from_gray(235)
    } else {
        Color32::from_gray(40)
    };
    for fill in &fills {
        let Some(region) = drawing.regions.get(fill.index) else {
            continue;
        };
        let mut mesh = Mesh::default();
        let colour = HEAT_RAMP.get(fill.band).copied().unwrap_or(Color32::GRAY);
        add_fill(&mut mesh, fit, &region.outline, &region.triangles, colour);
        shapes.push(Shape::mesh(mesh));
        let width = if fill.layer == Layer::Deep { 1.2 } else { 0.8 };
        shapes.push(Shape::closed_line(
            screen(fit, &region.outline),
            Stroke::new(line(width), edge),
        ));
    }
    // Spine, crests, sacrum: where the muscles sit; the endangerment
    // sites are the editor's business, not the history's.
    for landmark in drawing
        .landmarks
        .iter()
        .filter(|l| l.layer.is_none() && !l.site.is_some_and(|s| s.is_endangerment()))
    {
        let points = screen(fit, &landmark.points);
        let stroke = Stroke::new(line(0.9), colours.landmark);
        if landmark.closed {
            shapes.push(Shape::closed_line(points, stroke));
        } else {
            shapes.push(Shape::line(points, stroke));
        }
    }
    let body_stroke = Stroke::new(line(1.3), colours.body_line);
    for part in &drawing.body {
        shapes.push(Shape::closed_line(screen(fit, &part.points), body_stroke));
    }

    let options = ui.ctx().tessellation_options(|o| *o);
    let mesh = tessellate(shapes, ui.ctx().pixels_per_point(), options);
    Picture {
        key,
        mesh: Arc::new(mesh),
        fills: Arc::new(fills),
    }
}

fn tessellate(shapes: Vec<Shape>, pixels_per_point: f32, options: TessellationOptions) -> Mesh {
    // No text among the shapes, so the font texture's size is not needed.
    let mut tessellator = Tessellator::new(pixels_per_point, options, [1, 1], Vec::new());
    let mut mesh = Mesh::default();
    for shape in shapes {
        tessellator.tessellate_shape(shape, &mut mesh);
    }
    mesh
}

/// The client's sides over the picture and how the client lies under it.
fn heat_view_captions(ui: &Ui, kind: ViewKind, rect: Rect) {
    let drawing = Atlas::builtin().view(kind);
    let painter = ui.painter_at(rect);
    let text = ui.visuals().strong_text_color();
    let letter = FontId::proportional(20.0);
    painter.text(
        Pos2::new(rect.left() + 6.0, rect.top() + 4.0),
        Align2::LEFT_TOP,
        kind.side_on_viewers_left().abbreviation(),
        letter.clone(),
        text,
    );
    painter.text(
        Pos2::new(rect.right() - 6.0, rect.top() + 4.0),
        Align2::RIGHT_TOP,
        drawing.side_at(drawing.size.x).abbreviation(),
        letter,
        text,
    );
}

/// The minutes bands: a swatch and "0–5 min" for each.
pub fn heat_legend(ui: &mut Ui, heat: &HeatMap) {
    let max = heat.max_minutes();
    ui.label(RichText::new("Minutes in the range").strong());
    if max <= 0.0 {
        ui.label("Nothing worked in these dates.");
        return;
    }
    for (band, colour) in HEAT_RAMP.iter().enumerate() {
        let low = if band == 0 {
            0.0
        } else {
            heat_band_top(band - 1, max)
        };
        ui.horizontal(|ui| {
            let (swatch, _) = ui.allocate_exact_size(Vec2::new(22.0, 12.0), Sense::hover());
            ui.painter().rect_filled(swatch, 2.0, *colour);
            ui.painter().rect_stroke(
                swatch,
                2.0,
                Stroke::new(1.0, ui.visuals().weak_text_color()),
                egui::StrokeKind::Inside,
            );
            ui.label(format!("{low:.0}–{:.0} min", heat_band_top(band, max)));
        });
    }
    ui.label(
        RichText::new("Faint: not worked. Point at a muscle for its minutes and mean pressure.")
            .small(),
    );
}

/// The caption under a heat view: "Back · seen from behind".
pub fn heat_view_title(kind: ViewKind) -> String {
    format!("{} · {}", kind.name(), view_caption(kind))
}
