//! The muscle map widget: the atlas drawn to fit the panel, hover to read
//! about a muscle, click (or Tab + Enter) to pick it. It reports picks as a
//! `MapAction`; it never changes the plan.

use egui::{
    Align2, Color32, FontId, Mesh, Pos2, Rect, Response, RichText, Sense, Shape, Stroke, Ui, Vec2,
    WidgetInfo, epaint::PathStroke,
};

use super::map_strokes::{self, DashesKey, FixedShapes, StrokesKey};
use super::{map_labels, map_legend, map_picture_cache, map_referral, style};
use crate::atlas::{self, Atlas, Landmark, Layer, Mark, Point, Region, View, ViewKind};
use crate::model::{MuscleSide, Plan};
use crate::screening::Warning;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapAction {
    Pick(MuscleSide),
}

/// What the map shows: the plan's steps and the step being edited.
pub struct MapView<'a> {
    pub atlas: &'a Atlas,
    /// Which drawing: from behind, side-lying or from the front.
    pub view: ViewKind,
    pub plan: &'a Plan,
    pub layer: Layer,
    /// Whether landmarks and endangerment sites are drawn.
    pub landmarks: bool,
    pub selected_step: Option<usize>,
    /// Open screening warnings: their regions are ringed, their reasons
    /// shown on hover.
    pub warnings: &'a [Warning],
    /// Muscle names on the map.
    pub names: bool,
    /// The referral zones of the hovered (or selected) muscle.
    pub referral: bool,
    /// Every muscle's trigger points (the selected step's show regardless).
    pub trigger_points: bool,
}

/// Maps atlas units into the widget rectangle, keeping the aspect ratio.
#[derive(Clone, Copy)]
pub(super) struct Fit {
    pub(super) origin: Pos2,
    pub(super) scale: f32,
}

impl Fit {
    pub(super) fn new(rect: Rect, size: Point) -> Self {
        let scale = (rect.width() / size.x)
            .min(rect.height() / size.y)
            .max(0.01);
        let used = Vec2::new(size.x * scale, size.y * scale);
        Fit {
            origin: rect.center() - used / 2.0,
            scale,
        }
    }
    pub(super) fn to_screen(self, p: Point) -> Pos2 {
        self.origin + Vec2::new(p.x, p.y) * self.scale
    }
    pub(super) fn to_atlas(self, p: Pos2) -> Point {
        let v = (p - self.origin) / self.scale;
        Point { x: v.x, y: v.y }
    }
}

/// What the bar above the map changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToolbarAction {
    Layer(Layer),
    Names(bool),
}

/// The layer switch and the names toggle shown above the map.
/// Each control is its own widget so the caller's wrapping layout can move
/// it to the next line: a nested row would overflow a narrow map panel and
/// push the map past its right edge.
pub fn map_toolbar(ui: &mut Ui, layer: Layer, names: bool) -> Option<ToolbarAction> {
    let mut chosen = None;
    {
        ui.label("Layer:");
        for choice in Layer::ALL {
            let tip = match choice {
                Layer::Superficial => "Muscles just under the skin",
                Layer::Deep => {
                    "Muscles under others (quadratus lumborum, rhomboids, piriformis, psoas...)"
                }
            };
            if ui
                .selectable_label(layer == choice, choice.name())
                .on_hover_text(tip)
                .clicked()
                && layer != choice
            {
                chosen = Some(ToolbarAction::Layer(choice));
            }
        }
        ui.separator();
        let mut shown = names;
        if ui
            .checkbox(&mut shown, "Names")
            .on_hover_text("Muscle names on the map")
            .changed()
        {
            chosen = Some(ToolbarAction::Names(shown));
        }
    }
    chosen
}

/// The view tabs above the map: "Back", "Side", "Front" (Ctrl+1, 2, 3 are
/// the commands' shortcuts).
pub fn view_switch(ui: &mut Ui, current: ViewKind) -> Option<ViewKind> {
    let mut chosen = None;
    ui.label("View:");
    for choice in ViewKind::ALL {
        let tip = format!("Client {}", choice.position());
        if ui
            .selectable_label(current == choice, choice.name())
            .on_hover_text(tip)
            .clicked()
            && current != choice
        {
            chosen = Some(choice);
        }
    }
    chosen
}

/// The switch for landmarks and endangerment sites on the map.
pub fn landmarks_switch(ui: &mut Ui, shown: bool) -> Option<bool> {
    let response = ui
        .selectable_label(shown, "Landmarks")
        .on_hover_text("Bony landmarks and endangerment sites (kidney area, sciatic nerve, femoral triangle, aorta...)");
    response.clicked().then_some(!shown)
}

pub fn muscle_map(ui: &mut Ui, view: &MapView<'_>) -> Option<MapAction> {
    let size = ui.available_size().max(Vec2::splat(50.0));
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    let drawing = view.atlas.view(view.view);
    let fit = Fit::new(rect, drawing.size);
    let dark = ui.visuals().dark_mode;

    // One small focusable widget per region, so screen readers, tests and
    // the keyboard can reach every muscle by name ("Left gluteus medius").
    let mut picked = None;
    let mut focused = None;
    for region in drawing.regions_in(view.layer) {
        let id = ui.scope_id().with((
            "map region",
            drawing.kind,
            region.muscle,
            region.side,
            region.layer,
        ));
        let at = fit.to_screen(region.label_at);
        let handle = ui.interact(
            Rect::from_center_size(at, Vec2::splat(2.0)),
            id,
            Sense::click(),
        );
        // Named only while the accessibility tree is built.
        handle.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, region.label()));
        if handle.clicked() {
            picked = Some(region);
        }
        if handle.has_focus() {
            focused = Some(region);
        }
    }

    let pointer = response.hover_pos().or_else(|| {
        ui.input(|i| i.pointer.hover_pos())
            .filter(|p| rect.contains(*p))
    });
    let hovered = pointer.and_then(|p| drawing.hit_test(view.layer, fit.to_atlas(p)));
    if response.clicked() {
        picked = response
            .interact_pointer_pos()
            .and_then(|p| drawing.hit_test(view.layer, fit.to_atlas(p)));
    }

    // Kept between frames while what it shows stays the same.
    let lit = hovered.or(focused);
    map_picture_cache::cached_picture(ui, view, rect, lit, || {
        paint(ui, view, fit, rect, lit, dark);
    });

    let response = response.on_hover_cursor(if hovered.is_some() {
        egui::CursorIcon::PointingHand
    } else {
        egui::CursorIcon::Default
    });
    if let Some(region) = hovered.or(focused) {
        show_reference(&response, view.atlas, region, view);
    }
    picked.map(|r| MapAction::Pick(MuscleSide::new(r.muscle, r.side)))
}

/// The map of a plan as a picture: the same marks, bands and step
/// badges as the editor's map, nothing to click. `hovered` is lit.
pub fn map_picture(ui: &Ui, view: &MapView<'_>, rect: Rect, hovered: Option<&Region>) {
    let fit = Fit::new(rect, view.atlas.view(view.view).size);
    paint(ui, view, fit, rect, hovered, ui.visuals().dark_mode);
}

/// The region under `pointer` in a map drawn in `rect` by `map_picture`.
pub fn region_at(
    atlas: &Atlas,
    kind: ViewKind,
    layer: Layer,
    rect: Rect,
    pointer: Pos2,
) -> Option<&Region> {
    let drawing = atlas.view(kind);
    let fit = Fit::new(rect, drawing.size);
    drawing.hit_test(layer, fit.to_atlas(pointer))
}

/// "Zones (right): back of the iliac crest, ...; spillover: groin": the
/// named body areas of the muscle's referral pattern.
fn referral_zones(region: &Region) -> Option<String> {
    let chart = crate::referral::BodyChart::try_builtin().ok()?;
    let patterns = crate::referral::ReferralPatterns::try_builtin().ok()?;
    let (essential, spillover) = patterns.zone_names(chart, region.muscle);
    if essential.is_empty() {
        return None;
    }
    let mut text = format!(
        "Zones ({}): {}",
        region.side.name().to_lowercase(),
        essential.join(", ")
    );
    if !spillover.is_empty() {
        text.push_str(&format!("; spillover: {}", spillover.join(", ")));
    }
    Some(text)
}

fn show_reference(response: &Response, atlas: &Atlas, region: &Region, view: &MapView<'_>) {
    let plan = view.plan;
    response.clone().on_hover_ui_at_pointer(|ui| {
        ui.set_max_width(260.0);
        ui.label(RichText::new(region.label()).strong());
        if let Some(reference) = atlas.reference(region.muscle) {
            ui.label(format!("Action: {}", reference.action));
            ui.label(format!("Pain refers: {}", reference.referral));
            if let Some(zones) = referral_zones(region) {
                ui.label(zones);
            }
            if let Some(points) = map_referral::trigger_point_names(region.muscle) {
                ui.label(points);
            }
            ui.label(
                RichText::new(format!("Caution: {}", reference.cautions))
                    .color(style::warning(ui.visuals())),
            );
        }
        let here = MuscleSide::new(region.muscle, region.side);
        let steps: Vec<String> = plan
            .steps_on(here)
            .map(|(i, _)| (i + 1).to_string())
            .collect();
        if steps.is_empty() {
            ui.label(RichText::new("Click to add a step").italics());
        } else {
            ui.label(RichText::new(format!("Planned: step {}", steps.join(", "))).italics());
        }
        for warning in view
            .warnings
            .iter()
            .filter(|w| w.is_open() && w.at.is_some_and(|at| at.covers(here)))
        {
            ui.label(
                RichText::new(format!("{}: {}", warning.level.name(), warning.reason))
                    .color(style::level_colour(warning.level, ui.visuals())),
            );
            if !warning.suggestion.is_empty() {
                ui.label(format!("Instead: {}", warning.suggestion));
            }
        }
    });
}

pub(super) struct Palette {
    pub(super) body: Color32,
    pub(super) body_line: Color32,
    pub(super) landmark: Color32,
    pub(super) muscle: Color32,
    pub(super) muscle_line: Color32,
    pub(super) highlight: Color32,
    pub(super) text: Color32,
    badge: Color32,
    /// Endangerment sites.
    danger: Color32,
}

impl Palette {
    /// Every colour, for `map_strokes`' key.
    fn key(&self) -> [Color32; 9] {
        [
            self.body,
            self.body_line,
            self.landmark,
            self.muscle,
            self.muscle_line,
            self.highlight,
            self.text,
            self.badge,
            self.danger,
        ]
    }

    pub(super) fn new(ui: &Ui, dark: bool) -> Self {
        if dark {
            Palette {
                body: Color32::from_rgb(74, 64, 60),
                body_line: Color32::from_rgb(200, 180, 170),
                landmark: Color32::from_rgba_unmultiplied(235, 225, 210, 150),
                muscle: Color32::from_rgba_unmultiplied(185, 95, 85, 120),
                muscle_line: Color32::from_rgb(230, 150, 140),
                highlight: Color32::from_rgb(255, 235, 120),
                text: ui.visuals().strong_text_color(),
                badge: Color32::from_rgb(30, 30, 30),
                danger: Color32::from_rgb(255, 140, 120),
            }
        } else {
            Palette {
                body: Color32::from_rgb(246, 232, 220),
                body_line: Color32::from_rgb(120, 90, 75),
                landmark: Color32::from_rgba_unmultiplied(90, 80, 70, 170),
                muscle: Color32::from_rgba_unmultiplied(196, 102, 92, 95),
                muscle_line: Color32::from_rgb(150, 70, 62),
                highlight: Color32::from_rgb(20, 90, 200),
                text: ui.visuals().strong_text_color(),
                badge: Color32::WHITE,
                danger: Color32::from_rgb(190, 30, 30),
            }
        }
    }
}

fn paint(ui: &Ui, view: &MapView<'_>, fit: Fit, rect: Rect, hovered: Option<&Region>, dark: bool) {
    let drawing = view.atlas.view(view.view);
    let painter = ui.painter_at(rect);
    let colours = Palette::new(ui, dark);
    let line = |w: f32| w * fit.scale.max(0.6);

    // The fixed drawing (body, faded covering layer, outlines, landmarks)
    // is tessellated once per view, layer, size and theme: see map_strokes.
    let key = map_strokes::frame_key(ui, |pixels_per_point, options| StrokesKey {
        view: drawing.kind,
        drawing: std::ptr::from_ref(drawing) as usize,
        layer: view.layer,
        landmarks: view.landmarks,
        rect,
        clip: painter.clip_rect(),
        colours: colours.key(),
        pixels_per_point,
        options,
    });
    let fixed = map_strokes::cached(ui, ui.scope_id().with("map strokes"), key, || {
        fixed_shapes(view, fit, &colours)
    });
    painter.add(Shape::mesh(fixed.under.clone()));

    let selected = view.selected_step.and_then(|i| view.plan.steps.get(i));
    let other_layer = match view.layer {
        Layer::Superficial => Layer::Deep,
        Layer::Deep => Layer::Superficial,
    };

    let marks = atlas::marks(view.plan, drawing, view.warnings);
    let mark_of = |region: &Region| {
        marks
            .iter()
            .find(|m| m.region == MuscleSide::new(region.muscle, region.side))
    };

    // Fills of the active layer (over the covering layer faded under the
    // deep view), a planned region in one band per technique (top down,
    // step order).
    for region in drawing.regions_in(view.layer) {
        let techniques = mark_of(region).map_or(&[][..], |m| m.techniques.as_slice());
        let lit = |colour: Color32| {
            if hovered == Some(region) {
                lighten(colour, dark)
            } else {
                colour
            }
        };
        if techniques.is_empty() {
            let mut fill = Mesh::default();
            add_fill(
                &mut fill,
                fit,
                &region.outline,
                &region.triangles,
                lit(colours.muscle),
            );
            painter.add(Shape::mesh(fill));
            continue;
        }
        let bounds = screen_bounds(fit, &region.outline);
        let band = bounds.height() / techniques.len() as f32;
        for (i, technique) in techniques.iter().enumerate() {
            let colour = lit(style::technique_colour(*technique).gamma_multiply(0.85));
            let mut fill = Mesh::default();
            add_fill(&mut fill, fit, &region.outline, &region.triangles, colour);
            let strip = Rect::from_min_size(
                Pos2::new(bounds.left(), bounds.top() + i as f32 * band),
                Vec2::new(bounds.width(), band),
            );
            painter
                .with_clip_rect(strip.intersect(rect))
                .add(Shape::mesh(fill));
        }
    }

    // Outlines.
    painter.add(Shape::mesh(fixed.outlines.clone()));
    // Planned muscles of the other layer: dashed, so deep work stays visible
    // on the superficial view (tessellated again only when they change).
    let planned: Vec<(usize, Color32)> = drawing
        .regions
        .iter()
        .enumerate()
        .filter(|(_, region)| region.layer == other_layer)
        .filter_map(|(index, region)| {
            let technique = mark_of(region).and_then(|m| m.techniques.first())?;
            Some((index, style::technique_colour(*technique)))
        })
        .collect();
    let dashes_key = DashesKey { map: key, planned };
    let dashes = map_strokes::cached_dashes(
        ui,
        ui.scope_id().with("map dashes"),
        dashes_key.clone(),
        || {
            let mut shapes = Vec::new();
            for &(index, colour) in &dashes_key.planned {
                let Some(region) = drawing.regions.get(index) else {
                    continue;
                };
                let mut points = screen(fit, &region.outline);
                if let Some(first) = points.first().copied() {
                    points.push(first);
                }
                shapes.extend(Shape::dashed_line(
                    &points,
                    Stroke::new(line(1.4), colour),
                    line(4.0),
                    line(3.0),
                ));
            }
            shapes
        },
    );
    painter.add(Shape::mesh(dashes));
    // Landmarks and the body outline.
    painter.add(Shape::mesh(fixed.over.clone()));

    // Referral zones over the muscles, so they read where the pain goes.
    let zones_of = view
        .referral
        .then(|| referral_subject(view, hovered))
        .flatten();
    if let Some((muscle, side)) = zones_of
        && drawing.kind == ViewKind::Posterior
        && let Ok(chart) = crate::referral::BodyChart::try_builtin()
    {
        let back = crate::model::BodyView::Back;
        let to_screen = |p| fit.to_screen(p);
        map_referral::paint_zones(&painter, chart, to_screen, back, muscle, side, dark);
    }

    // Hovered and selected regions stand out.
    if let Some(region) = hovered {
        let stroke = Stroke::new(line(2.0), colours.highlight);
        painter.add(Shape::closed_line(screen(fit, &region.outline), stroke));
    }
    if let Some(step) = selected {
        for one_side in step.region().one_sided() {
            if let Some(region) = shown_region(drawing, view.layer, one_side) {
                let stroke = Stroke::new(line(2.6), colours.highlight);
                painter.add(Shape::closed_line(screen(fit, &region.outline), stroke));
            }
        }
    }

    // Regions with open screening warnings, on the side in conflict only:
    // a solid ring in the level's colour (dashes mean planned on the other
    // layer) and a "!" on the badge.
    for mark in &marks {
        let (Some(level), Some(region)) =
            (mark.warning, shown_region(drawing, view.layer, mark.region))
        else {
            continue;
        };
        let stroke = Stroke::new(line(2.6), style::level_colour(level, ui.visuals()));
        painter.add(Shape::closed_line(screen(fit, &region.outline), stroke));
    }

    map_referral::paint_trigger_points(
        &painter,
        &map_referral::TriggerMarks {
            atlas: view.atlas,
            drawing,
            layer: view.layer,
            plan: view.plan,
            selected_step: view.selected_step,
            all: view.trigger_points,
        },
        |p| fit.to_screen(p),
        ui,
    );
    if view.names {
        map_labels::paint_labels(
            &painter,
            drawing,
            view.layer,
            |p| fit.to_screen(p),
            ui.visuals(),
        );
    }
    paint_badges(
        &painter,
        ui.scope_id().with("map badges"),
        fit,
        drawing,
        view.layer,
        &marks,
        &colours,
        ui.visuals(),
    );
    // The referral key over the labels and badges it may share a corner with.
    let mut taken = Vec::new();
    if view.referral {
        let label = match zones_of {
            _ if drawing.kind != ViewKind::Posterior => {
                "Referral zones are drawn on the back view and in pain mode".to_owned()
            }
            Some((muscle, side)) => format!(
                "Referral of the {}:",
                crate::referral::side_label(&muscle.name().to_lowercase(), side)
            ),
            None => "Referral: point at a muscle or select a step".to_owned(),
        };
        taken.push(map_referral::paint_zone_legend(&painter, rect, &label, ui));
    }
    // The legend takes the corner where it hides the least of the plan.
    let planned: Vec<Rect> = marks
        .iter()
        .flat_map(|mark| {
            drawing
                .regions
                .iter()
                .filter(move |r| MuscleSide::new(r.muscle, r.side) == mark.region)
        })
        .map(|region| Rect::from_points(&screen(fit, &region.outline)))
        .collect();
    map_legend::paint_legend(
        &painter,
        rect,
        &marks,
        view.layer,
        map_legend::Avoid {
            planned: &planned,
            taken: &taken,
        },
        ui.visuals(),
    );

    // The client's side on each half: left on the left from behind and
    // side-lying, mirrored from the front.
    let letter = FontId::proportional(22.0);
    let top = rect.top() + 6.0;
    let on_left = drawing.kind.side_on_viewers_left();
    let on_right = drawing.side_at(drawing.size.x);
    painter.text(
        Pos2::new(rect.left() + 10.0, top),
        Align2::LEFT_TOP,
        on_left.abbreviation(),
        letter.clone(),
        colours.text,
    );
    painter.text(
        Pos2::new(rect.right() - 10.0, top),
        Align2::RIGHT_TOP,
        on_right.abbreviation(),
        letter,
        colours.text,
    );
    let caption = FontId::proportional(11.0);
    let weak = ui.visuals().weak_text_color();
    painter.text(
        Pos2::new(rect.center().x, rect.bottom() - 4.0),
        Align2::CENTER_BOTTOM,
        format!(
            "{} · {} layer",
            view_caption(drawing.kind),
            view.layer.name().to_lowercase()
        ),
        caption,
        weak,
    );
}

/// Whose referral zones the overlay shows: the muscle under the pointer,
/// else the selected step's.
fn referral_subject(
    view: &MapView<'_>,
    hovered: Option<&Region>,
) -> Option<(crate::model::Muscle, crate::model::Side)> {
    hovered.map(|r| (r.muscle, r.side)).or_else(|| {
        view.selected_step
            .and_then(|i| view.plan.steps.get(i))
            .map(|s| (s.muscle, s.side))
    })
}

/// How the client lies and which side is where, under the map.
pub fn view_caption(kind: ViewKind) -> &'static str {
    match kind {
        ViewKind::Posterior => "Seen from behind",
        ViewKind::Side => "Side-lying: left side on the left, right side on the right",
        ViewKind::Front => "Supine, seen from the front: the client's right is on your left",
    }
}

/// The parts of the map that depend only on the view, layer, size and
/// colours, as shapes for `map_strokes` to tessellate.
fn fixed_shapes(view: &MapView<'_>, fit: Fit, colours: &Palette) -> FixedShapes {
    let drawing = view.atlas.view(view.view);
    let line = |w: f32| w * fit.scale.max(0.6);

    // Body silhouette; the covering layer faded under the deep view.
    let mut body = Mesh::default();
    for part in &drawing.body {
        add_fill(&mut body, fit, &part.points, &part.triangles, colours.body);
    }
    let mut under = vec![Shape::mesh(body)];
    if view.layer == Layer::Deep {
        let mut faded = Mesh::default();
        for region in drawing.regions_in(Layer::Superficial) {
            let colour = colours.muscle.gamma_multiply(0.35);
            add_fill(&mut faded, fit, &region.outline, &region.triangles, colour);
        }
        under.push(Shape::mesh(faded));
    }

    let mut outlines = Vec::new();
    if view.layer == Layer::Deep {
        for region in drawing.regions_in(Layer::Superficial) {
            let stroke = Stroke::new(line(0.6), colours.muscle_line.gamma_multiply(0.3));
            outlines.push(Shape::closed_line(screen(fit, &region.outline), stroke));
        }
    }
    for region in drawing.regions_in(view.layer) {
        let stroke = Stroke::new(line(0.8), colours.muscle_line);
        outlines.push(Shape::closed_line(screen(fit, &region.outline), stroke));
    }

    // Landmarks: spine, ribs, iliac crests, sacrum, trochanters; the
    // endangerment sites dashed in the warning colour.
    let mut over = Vec::new();
    if view.landmarks {
        for landmark in drawing.landmarks_in(view.layer) {
            landmark_shapes(&mut over, fit, landmark, colours, line);
        }
    }
    let body_stroke = Stroke::new(line(1.3), colours.body_line);
    for part in &drawing.body {
        over.push(Shape::closed_line(screen(fit, &part.points), body_stroke));
    }
    FixedShapes {
        under,
        outlines,
        over,
    }
}

fn landmark_shapes(
    shapes: &mut Vec<Shape>,
    fit: Fit,
    landmark: &Landmark,
    colours: &Palette,
    line: impl Fn(f32) -> f32,
) {
    let mut points = screen(fit, &landmark.points);
    let danger = landmark.site.is_some_and(|s| s.is_endangerment());
    if danger {
        if landmark.closed
            && let Some(first) = points.first().copied()
        {
            points.push(first);
        }
        let stroke = Stroke::new(line(1.1), colours.danger);
        shapes.extend(Shape::dashed_line(&points, stroke, line(3.0), line(2.0)));
        return;
    }
    let stroke = Stroke::new(line(0.9), colours.landmark);
    if landmark.closed {
        shapes.push(Shape::closed_line(points, stroke));
    } else {
        shapes.push(Shape::line(points, PathStroke::from(stroke)));
    }
}

/// The region to mark for a muscle side: in the layer on screen if it has
/// one there, else in the other layer.
fn shown_region(drawing: &View, layer: Layer, spot: MuscleSide) -> Option<&Region> {
    drawing.region(spot.muscle, spot.side, layer).or_else(|| {
        Layer::ALL
            .into_iter()
            .find_map(|other| drawing.region(spot.muscle, spot.side, other))
    })
}

/// The step numbers of each planned region in a pill, placed by the same
/// rule as on the sheet so none covers another; a pill moved off its
/// region gets a thin leader line back to it.
#[expect(clippy::too_many_arguments)] // one picture's parts, each needed
fn paint_badges(
    painter: &egui::Painter,
    id: egui::Id,
    fit: Fit,
    drawing: &View,
    layer: Layer,
    marks: &[Mark],
    colours: &Palette,
    visuals: &egui::Visuals,
) {
    let font = FontId::proportional((11.0 * fit.scale).clamp(9.0, 15.0));
    let galleys: Vec<_> = marks
        .iter()
        .map(|mark| painter.layout_no_wrap(badge_text(mark), font.clone(), colours.text))
        .collect();
    // Placed in the layer on screen: a deep muscle's badge sits on its deep
    // outline in the deep view, on its own outline (dashed) otherwise.
    let shown: Vec<Mark> = marks
        .iter()
        .map(|m| Mark {
            layer: shown_region(drawing, layer, m.region).map_or(m.layer, |r| r.layer),
            ..m.clone()
        })
        .collect();
    let half = |index: usize, _: &Mark| {
        let size = galleys.get(index).map_or(Vec2::splat(10.0), |g| g.size());
        Point::new(
            (size.x / 2.0 + 6.0) / fit.scale,
            (size.y / 2.0 + 2.0) / fit.scale,
        )
    };
    // Placement searches each region for a free spot: kept between frames
    // for the same marks and badge sizes (it was 3 % of a frame's work).
    let key = BadgesKey {
        drawing: std::ptr::from_ref(drawing) as usize,
        halves: (0..shown.len()).map(|i| half(i, &shown[i])).collect(),
        marks: shown.clone(),
    };
    let badges = map_strokes::kept(painter.ctx(), id, key, || {
        atlas::place_badges(drawing, &shown, half)
    });
    for ((mark, galley), badge) in shown.iter().zip(galleys).zip(badges) {
        let Some(badge) = badge else { continue };
        let at = fit.to_screen(badge.at);
        if badge.moved() {
            let home = fit.to_screen(badge.home);
            painter.line_segment([home, at], Stroke::new(1.0, colours.body_line));
        }
        let pill = Rect::from_center_size(at, galley.size() + Vec2::new(8.0, 2.0));
        let ring = match mark.warning {
            Some(level) => Stroke::new(2.0, style::level_colour(level, visuals)),
            None => Stroke::new(1.0, colours.body_line),
        };
        // Fill and ring as one shape: one outline to tessellate, not two.
        painter.rect(
            pill,
            pill.height() / 2.0,
            colours.badge.gamma_multiply(0.9),
            ring,
            egui::StrokeKind::Inside,
        );
        painter.galley(pill.center() - galley.size() / 2.0, galley, colours.text);
    }
}

/// What badge placement depends on: the drawing, the marks and the badge sizes.
#[derive(Clone, PartialEq)]
struct BadgesKey {
    drawing: usize,
    marks: Vec<Mark>,
    halves: Vec<Point>,
}

/// "3·5", and " !" with an open warning.
fn badge_text(mark: &Mark) -> String {
    let mut text = mark
        .steps
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("·");
    if mark.warning.is_some() {
        text.push_str(" !");
    }
    text
}

fn screen_bounds(fit: Fit, points: &[Point]) -> Rect {
    Rect::from_points(&screen(fit, points))
}

fn lighten(colour: Color32, dark: bool) -> Color32 {
    let toward = if dark {
        Color32::WHITE
    } else {
        Color32::from_rgb(255, 250, 200)
    };
    colour.lerp_to_gamma(toward, 0.35)
}

pub(super) fn screen(fit: Fit, points: &[Point]) -> Vec<Pos2> {
    points.iter().map(|&p| fit.to_screen(p)).collect()
}

pub(super) fn add_fill(
    mesh: &mut Mesh,
    fit: Fit,
    outline: &[Point],
    triangles: &[[u32; 3]],
    colour: Color32,
) {
    let Ok(base) = u32::try_from(mesh.vertices.len()) else {
        return;
    };
    for &p in outline {
        mesh.colored_vertex(fit.to_screen(p), colour);
    }
    for &[a, b, c] in triangles {
        mesh.add_triangle(base + a, base + b, base + c);
    }
}
