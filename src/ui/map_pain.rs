//! Pain mode on the map: the whole-body chart (back or front) on which the
//! therapist paints the client's pain with the mouse, a toolbar for the
//! brush (intensity, quality, constant or comes and goes) and the eraser,
//! and a list of named areas for the keyboard and screen readers. Every
//! change goes out as an `Action`; a stroke ends with `Action::EndGesture`,
//! so it is one undo step.

use std::collections::BTreeSet;

use egui::{
    Align2, Color32, FontId, Mesh, Pos2, Rect, RichText, ScrollArea, Sense, Shape, Stroke, Ui,
    Vec2, WidgetInfo,
};

use super::map_referral;
use crate::atlas::{Atlas, Layer, Point, ViewKind};
use crate::model::{BodyView, Cell, PainLevel, PainMark, PainQuality, Plan};
use crate::planner::{
    Action, Edit, MapMode, PainTool, PainWhen, body_view_of, erase_changes, paint_changes,
};
use crate::referral::BodyChart;

/// Brush radius in atlas units (a cell is 10): a dab covers a small patch.
pub const BRUSH_RADIUS: f32 = 15.0;

/// What the pain map shows.
pub struct PainMapView<'a> {
    pub atlas: &'a Atlas,
    pub plan: &'a Plan,
    pub when: PainWhen,
    /// The map's view; the side view has no pain drawing.
    pub view: ViewKind,
    pub brush: PainMark,
    pub tool: PainTool,
    pub selected_step: Option<usize>,
    /// The selected step's referral zones over the drawing.
    pub referral: bool,
}

/// "Map: Plan | Pain before | Pain after".
pub fn mode_switch(ui: &mut Ui, mode: MapMode) -> Option<MapMode> {
    let mut chosen = None;
    ui.label("Map:");
    for choice in MapMode::ALL {
        let tip = match choice {
            MapMode::Plan => "Click muscles to plan steps",
            MapMode::PainBefore => "Paint where the client feels pain before the session",
            MapMode::PainAfter => "Paint where the client feels pain after the session",
        };
        if ui
            .selectable_label(mode == choice, choice.name())
            .on_hover_text(tip)
            .clicked()
            && mode != choice
        {
            chosen = Some(choice);
        }
    }
    chosen
}

/// Brush or eraser, and what the brush paints.
pub fn pain_toolbar(ui: &mut Ui, brush: PainMark, tool: PainTool) -> Vec<Action> {
    let mut actions = Vec::new();
    for (choice, name, tip) in [
        (PainTool::Brush, "Brush", "Paint pain with the mouse"),
        (PainTool::Eraser, "Eraser", "Take painted cells away"),
    ] {
        if ui
            .selectable_label(tool == choice, name)
            .on_hover_text(tip)
            .clicked()
        {
            actions.push(Action::SetPainTool(choice));
        }
    }
    ui.separator();
    let mut level = brush.intensity.level();
    let slider = ui
        .add(egui::Slider::new(&mut level, 0..=10).text("/10"))
        .on_hover_text("How strong the pain is here: 0 none, 10 worst imaginable");
    super::accessible::name_widget(&slider, || "Pain intensity");
    let mut next = brush;
    if slider.changed()
        && let Ok(intensity) = PainLevel::new(level)
    {
        next.intensity = intensity;
    }
    let quality = egui::ComboBox::from_id_salt("pain quality")
        .selected_text(brush.quality.name())
        .width(86.0)
        .show_ui(ui, |ui| {
            for quality in PainQuality::ALL {
                ui.selectable_value(&mut next.quality, quality, quality.name());
            }
        })
        .response
        .on_hover_text("What the pain feels like");
    super::accessible::name_widget(&quality, || "Pain quality");
    let constancy = egui::ComboBox::from_id_salt("pain timing")
        .selected_text(timing(brush.constant))
        .width(120.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut next.constant, true, timing(true));
            ui.selectable_value(&mut next.constant, false, timing(false));
        })
        .response
        .on_hover_text("Constant, or comes and goes");
    super::accessible::name_widget(&constancy, || "Constant or comes and goes");
    if next != brush {
        actions.push(Action::SetBrush(next));
    }
    actions
}

fn timing(constant: bool) -> &'static str {
    if constant {
        "Constant"
    } else {
        "Comes and goes"
    }
}

/// "6/10 ache, comes and goes".
pub fn mark_words(mark: PainMark) -> String {
    format!(
        "{}/10 {}{}",
        mark.intensity.level(),
        mark.quality.name().to_lowercase(),
        if mark.constant {
            ""
        } else {
            ", comes and goes"
        }
    )
}

/// The named areas of the view, each a tick box: ticking paints the whole
/// area with the brush, unticking erases it. The keyboard's and the screen
/// reader's way to draw.
pub fn area_list(ui: &mut Ui, view: &PainMapView<'_>) -> Vec<Action> {
    let mut actions = Vec::new();
    let (Some(body_view), Ok(chart)) = (body_view_of(view.view), BodyChart::try_builtin()) else {
        return actions;
    };
    let drawing = view.when.drawing(view.plan);
    egui::CollapsingHeader::new("Areas by name")
        .id_salt(("pain areas", body_view))
        .show(ui, |ui| {
            ui.label(
                RichText::new(format!(
                    "Tick an area to paint it with the brush ({}); untick to erase it.",
                    mark_words(view.brush)
                ))
                .small(),
            );
            ScrollArea::vertical()
                .max_height(150.0)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    for area in chart.areas_in(body_view) {
                        let painted = drawing
                            .and_then(|d| area.cells.iter().find_map(|&c| d.area_at(body_view, c)));
                        ui.horizontal(|ui| {
                            let mut ticked = painted.is_some();
                            if ui.checkbox(&mut ticked, area.label()).changed() {
                                let cells = area.cells.clone();
                                actions.push(Action::Edit(if ticked {
                                    Edit::Paint {
                                        when: view.when,
                                        view: body_view,
                                        cells,
                                        mark: view.brush,
                                    }
                                } else {
                                    Edit::Erase {
                                        when: view.when,
                                        view: body_view,
                                        cells,
                                    }
                                }));
                                actions.push(Action::EndGesture);
                            }
                            if let Some(painted) = painted {
                                ui.label(RichText::new(mark_words(painted.mark())).weak());
                            }
                        });
                    }
                });
        });
    actions
}

/// Maps chart units into the widget rectangle, keeping the aspect ratio.
#[derive(Clone, Copy)]
struct Fit {
    origin: Pos2,
    scale: f32,
    /// Chart point at the rectangle's origin.
    from: Point,
}

impl Fit {
    fn new(rect: Rect, from: Point, to: Point) -> Self {
        let size = Vec2::new(to.x - from.x, to.y - from.y);
        let scale = (rect.width() / size.x)
            .min(rect.height() / size.y)
            .max(0.01);
        Fit {
            origin: rect.center() - size * scale / 2.0,
            scale,
            from,
        }
    }
    fn to_screen(self, p: Point) -> Pos2 {
        self.origin + Vec2::new(p.x - self.from.x, p.y - self.from.y) * self.scale
    }
    fn to_chart(self, p: Pos2) -> Point {
        let v = (p - self.origin) / self.scale;
        Point::new(v.x + self.from.x, v.y + self.from.y)
    }
}

/// The chart's part shown: the whole body, centred on the midline.
fn shown_bounds(chart: &BodyChart) -> (Point, Point) {
    let (lo, hi) = chart.bounds();
    let width = chart.midline * 2.0;
    (Point::new(0.0, lo.y - 24.0), Point::new(width, hi.y + 8.0))
}

/// The pain drawing on the whole-body chart; painting and erasing with the
/// mouse.
pub fn pain_map(ui: &mut Ui, view: &PainMapView<'_>) -> Vec<Action> {
    let mut actions = Vec::new();
    let Ok(chart) = BodyChart::try_builtin() else {
        ui.label("The body chart could not be loaded; pain cannot be drawn.");
        return actions;
    };
    let Some(body_view) = body_view_of(view.view) else {
        side_view_note(ui, &mut actions);
        return actions;
    };
    let size = ui.available_size().max(Vec2::splat(50.0));
    let (rect, response) = ui.allocate_exact_size(size, Sense::click_and_drag());
    let name = format!(
        "{} drawing, {} view: paint with the mouse, or tick areas by name",
        view.when_name(),
        body_view.name().to_lowercase()
    );
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Canvas, true, &name));
    let (from, to) = shown_bounds(chart);
    let fit = Fit::new(rect, from, to);

    // Painting: every cell under the brush since the last frame, as one
    // edit; the stroke ends when the button comes up.
    if response.is_pointer_button_down_on()
        && let Some(pos) = ui.input(|i| i.pointer.interact_pos())
    {
        let delta = if response.dragged() {
            ui.input(|i| i.pointer.delta())
        } else {
            Vec2::ZERO
        };
        let cells = stroke_cells(
            chart,
            body_view,
            fit.to_chart(pos - delta),
            fit.to_chart(pos),
        );
        let cells: Vec<Cell> = cells.into_iter().collect();
        let plan = view.plan;
        match view.tool {
            PainTool::Brush if paint_changes(plan, view.when, body_view, &cells, view.brush) => {
                actions.push(Action::Edit(Edit::Paint {
                    when: view.when,
                    view: body_view,
                    cells,
                    mark: view.brush,
                }));
            }
            PainTool::Eraser if erase_changes(plan, view.when, body_view, &cells) => {
                actions.push(Action::Edit(Edit::Erase {
                    when: view.when,
                    view: body_view,
                    cells,
                }));
            }
            _ => {}
        }
    }
    if response.drag_stopped() || response.clicked() {
        actions.push(Action::EndGesture);
    }

    let pointer = response.hover_pos();
    paint(ui, view, chart, body_view, fit, rect, pointer);
    actions
}

impl PainMapView<'_> {
    fn when_name(&self) -> &'static str {
        match self.when {
            PainWhen::Before => "Pain before",
            PainWhen::After => "Pain after",
        }
    }
}

/// The side view has no pain drawing: say so and offer the two that do.
fn side_view_note(ui: &mut Ui, actions: &mut Vec<Action>) {
    ui.add_space(24.0);
    ui.vertical_centered(|ui| {
        ui.label(RichText::new("The side view has no pain drawing.").strong());
        ui.label("Pain is painted on the whole body from the back or from the front.");
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Paint on the back").clicked() {
                actions.push(Action::SetView(ViewKind::Posterior));
            }
            if ui.button("Paint on the front").clicked() {
                actions.push(Action::SetView(ViewKind::Front));
            }
        });
    });
}

/// The body cells within the brush along the segment `a`–`b`, so a fast
/// drag leaves no gaps.
pub fn stroke_cells(chart: &BodyChart, view: BodyView, a: Point, b: Point) -> BTreeSet<Cell> {
    let length = a.distance(b);
    let steps = (length / (BRUSH_RADIUS / 2.0)).ceil().max(1.0) as usize;
    let mut cells = BTreeSet::new();
    for i in 0..=steps {
        let t = i as f32 / steps as f32;
        let p = Point::new(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
        cells.extend(chart.brush(view, p, BRUSH_RADIUS));
    }
    cells
}

/// Faint lines between cells of different named areas: the areas the list
/// names, and landmarks enough to find the groin or the knee.
fn paint_area_borders(
    painter: &egui::Painter,
    chart: &BodyChart,
    view: BodyView,
    to_screen: impl Fn(Point) -> Pos2,
    colour: Color32,
) {
    let grid = &chart.grid;
    let stroke = Stroke::new(0.8, colour);
    let mut segments = Vec::new();
    for row in 0..grid.rows {
        for col in 0..grid.columns {
            let here = Cell::new(row, col);
            let Some(area) = chart.area_index(view, here) else {
                continue;
            };
            let corner = grid.corner(here);
            let right = Cell::new(row, col + 1);
            if chart.area_index(view, right).is_some_and(|a| a != area) {
                let x = corner.x + grid.cell;
                segments.push([Point::new(x, corner.y), Point::new(x, corner.y + grid.cell)]);
            }
            let below = Cell::new(row + 1, col);
            if chart.area_index(view, below).is_some_and(|a| a != area) {
                let y = corner.y + grid.cell;
                segments.push([Point::new(corner.x, y), Point::new(corner.x + grid.cell, y)]);
            }
        }
    }
    for [a, b] in segments {
        painter.line_segment([to_screen(a), to_screen(b)], stroke);
    }
}

/// Fill of a painted cell: stronger pain is more opaque.
pub fn pain_colour(level: u8, dark: bool) -> Color32 {
    let alpha = 60 + u8::try_from(u16::from(level.min(10)) * 17).unwrap_or(170);
    if dark {
        Color32::from_rgba_unmultiplied(255, 80, 70, alpha)
    } else {
        Color32::from_rgba_unmultiplied(200, 20, 30, alpha)
    }
}

fn paint(
    ui: &Ui,
    view: &PainMapView<'_>,
    chart: &BodyChart,
    body_view: BodyView,
    fit: Fit,
    rect: Rect,
    pointer: Option<Pos2>,
) {
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    let dark = visuals.dark_mode;
    let (body, line, faint) = if dark {
        (
            Color32::from_rgb(74, 64, 60),
            Color32::from_rgb(200, 180, 170),
            Color32::from_rgba_unmultiplied(230, 150, 140, 70),
        )
    } else {
        (
            Color32::from_rgb(246, 232, 220),
            Color32::from_rgb(120, 90, 75),
            Color32::from_rgba_unmultiplied(150, 70, 62, 60),
        )
    };
    let to_screen = |p: Point| fit.to_screen(p);

    let mut mesh = Mesh::default();
    for &p in &chart.outline {
        mesh.colored_vertex(to_screen(p), body);
    }
    for &[a, b, c] in &chart.triangles {
        mesh.add_triangle(a, b, c);
    }
    painter.add(Shape::mesh(mesh));

    // For orientation: the named areas' borders in both views and, on the
    // back (which shares the muscle map's coordinates), the superficial
    // muscles, faintly.
    if body_view == BodyView::Back {
        let back = view.atlas.view(ViewKind::Posterior);
        for region in back.regions_in(Layer::Superficial) {
            let points: Vec<Pos2> = region.outline.iter().map(|&p| to_screen(p)).collect();
            painter.add(Shape::closed_line(points, Stroke::new(0.7, faint)));
        }
    }
    paint_area_borders(&painter, chart, body_view, to_screen, faint);

    // The selected step's referral zones under the paint, so the therapist
    // sees whether the muscle explains the drawing.
    let subject = view
        .referral
        .then(|| view.selected_step.and_then(|i| view.plan.steps.get(i)))
        .flatten();
    if let Some(step) = subject {
        map_referral::paint_zones(
            &painter,
            chart,
            to_screen,
            body_view,
            step.muscle,
            step.side,
            dark,
        );
    }

    // The painted cells.
    let hovered_cell = pointer.and_then(|p| chart.grid.cell_at(fit.to_chart(p)));
    let hovered_area = hovered_cell.and_then(|c| chart.area_at(body_view, c));
    let drawing = view.when.drawing(view.plan);
    let cell = chart.grid.cell;
    let ink = visuals.strong_text_color();
    if let Some(drawing) = drawing {
        for (v, c, mark) in drawing.painted() {
            if v != body_view {
                continue;
            }
            let corner = chart.grid.corner(c);
            let r = Rect::from_two_pos(
                to_screen(corner),
                to_screen(Point::new(corner.x + cell, corner.y + cell)),
            );
            painter.rect_filled(r, 0.0, pain_colour(mark.intensity.level(), dark));
            if mark.quality.is_nerve_sign() {
                painter.circle_filled(r.center(), (r.width() * 0.18).max(1.0), ink);
            }
        }
    }
    // The named area under the pointer, lightly.
    if let Some(area) = hovered_area {
        let light = Color32::from_rgba_unmultiplied(40, 110, 220, 40);
        for &c in &area.cells {
            let corner = chart.grid.corner(c);
            let r = Rect::from_two_pos(
                to_screen(corner),
                to_screen(Point::new(corner.x + cell, corner.y + cell)),
            );
            painter.rect_filled(r, 0.0, light);
        }
    }
    let outline: Vec<Pos2> = chart.outline.iter().map(|&p| to_screen(p)).collect();
    painter.add(Shape::closed_line(outline, Stroke::new(1.3, line)));

    // The brush.
    if let Some(p) = pointer {
        let colour = match view.tool {
            PainTool::Brush => pain_colour(view.brush.intensity.level(), dark).to_opaque(),
            PainTool::Eraser => ink,
        };
        painter.circle_stroke(p, BRUSH_RADIUS * fit.scale, Stroke::new(1.2, colour));
    }

    // Which side is where, and what the pointer is over, on fixed lines.
    let letter = FontId::proportional(22.0);
    let (left, right) = match body_view {
        BodyView::Back => ("L", "R"),
        BodyView::Front => ("R", "L"),
    };
    let text = visuals.strong_text_color();
    let top = rect.top() + 6.0;
    painter.text(
        Pos2::new(rect.left() + 10.0, top),
        Align2::LEFT_TOP,
        left,
        letter.clone(),
        text,
    );
    painter.text(
        Pos2::new(rect.right() - 10.0, top),
        Align2::RIGHT_TOP,
        right,
        letter,
        text,
    );
    let small = FontId::proportional(12.0);
    let status = match hovered_area {
        Some(area) => {
            let here = hovered_cell
                .and_then(|c| drawing.and_then(|d| d.area_at(body_view, c)))
                .map_or_else(|| "not painted".to_owned(), |a| mark_words(a.mark()));
            format!("{}: {here}", area.label())
        }
        None => format!("{}: {}", view.when_name(), mark_words(view.brush)),
    };
    painter.text(
        Pos2::new(rect.center().x, top + 4.0),
        Align2::CENTER_TOP,
        status,
        small,
        text,
    );
    let caption = match body_view {
        BodyView::Back => "Pain drawing from behind: the client's left is on your left",
        BodyView::Front => "Pain drawing from the front: the client's right is on your left",
    };
    painter.text(
        Pos2::new(rect.center().x, rect.bottom() - 4.0),
        Align2::CENTER_BOTTOM,
        caption,
        FontId::proportional(11.0),
        visuals.weak_text_color(),
    );
    if view.referral {
        let label = match subject {
            Some(step) => format!(
                "Referral of the {}:",
                crate::referral::side_label(&step.muscle.name().to_lowercase(), step.side)
            ),
            None => "Referral: select a step to see where its muscle refers".to_owned(),
        };
        map_referral::paint_zone_legend(&painter, rect, &label, ui);
    }
}
