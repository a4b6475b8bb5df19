//! The muscle map widget: picking by pointer, by label and by keyboard in
//! every view and layer, and snapshot images of every view and layer in
//! both themes.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use egui::{Event, Key, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use massage_planner::atlas::{Atlas, Layer, Point, Region, View, ViewKind};
use massage_planner::model::{MuscleSide, Plan};
use massage_planner::ui::map::{MapAction, MapView, muscle_map};

struct MapState {
    plan: Plan,
    view: ViewKind,
    layer: Layer,
    picks: Vec<MapAction>,
}

fn harness(
    view: ViewKind,
    layer: Layer,
    plan: Plan,
    theme: egui::Theme,
) -> Harness<'static, MapState> {
    let state = MapState {
        plan,
        view,
        layer,
        picks: Vec::new(),
    };
    let mut harness = Harness::builder()
        .with_size([500.0, 650.0])
        .with_theme(theme)
        .build_ui_state(
            |ui, state: &mut MapState| {
                let view = MapView {
                    atlas: Atlas::builtin(),
                    view: state.view,
                    plan: &state.plan,
                    layer: state.layer,
                    landmarks: true,
                    selected_step: Some(0),
                    warnings: &[],
                    names: true,
                    referral: false,
                    trigger_points: false,
                };
                if let Some(pick) = muscle_map(ui, &view) {
                    state.picks.push(pick);
                }
            },
            state,
        );
    harness.run();
    harness
}

/// Screen position of atlas points, solved from where two regions' labelled
/// widgets are on screen (the widget sits at the region's `label_at`).
fn atlas_to_screen(
    harness: &Harness<'_, MapState>,
    kind: ViewKind,
    layer: Layer,
) -> impl Fn(Point) -> Pos2 + use<> {
    let atlas = Atlas::builtin().view(kind);
    let regions: Vec<&Region> = atlas.regions_in(layer).collect();
    let (a, b) = (regions[0], regions[regions.len() - 1]);
    let sa = harness.get_by_label(&a.label()).rect().center();
    let sb = harness.get_by_label(&b.label()).rect().center();
    let scale = (sb.x - sa.x) / (b.label_at.x - a.label_at.x);
    let origin = Pos2::new(sa.x - a.label_at.x * scale, sa.y - a.label_at.y * scale);
    move |p: Point| Pos2::new(origin.x + p.x * scale, origin.y + p.y * scale)
}

/// A point well inside the part of `region` that is on top: the centroid
/// of its largest triangle that the hit test gives to this region.
fn inner_point(atlas: &View, region: &Region) -> Point {
    region
        .triangle_points()
        .map(|[a, b, c]| {
            let centroid = Point {
                x: (a.x + b.x + c.x) / 3.0,
                y: (a.y + b.y + c.y) / 3.0,
            };
            let area = ((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)).abs();
            (centroid, area)
        })
        .filter(|(p, _)| atlas.hit_test(region.layer, *p) == Some(region))
        .max_by(|x, y| x.1.total_cmp(&y.1))
        .map(|(p, _)| p)
        .unwrap_or(region.label_at)
}

fn click_at(harness: &mut Harness<'_, MapState>, pos: Pos2) {
    harness.hover_at(pos);
    harness.run();
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run();
}

#[test]
fn clicking_anywhere_inside_a_region_picks_that_muscle_and_side() {
    for (kind, layer) in views_and_layers() {
        let atlas = Atlas::builtin().view(kind);
        let mut harness = harness(
            kind,
            layer,
            Plan::new(jiff::civil::date(2026, 1, 1)),
            egui::Theme::Light,
        );
        let to_screen = atlas_to_screen(&harness, kind, layer);
        for region in atlas.regions_in(layer) {
            harness.state_mut().picks.clear();
            click_at(&mut harness, to_screen(inner_point(atlas, region)));
            assert_eq!(
                harness.state().picks,
                [MapAction::Pick(MuscleSide::new(region.muscle, region.side))],
                "{} in the {} layer of the {kind:?} view",
                region.label(),
                layer.name()
            );
        }
        // Outside the body (the top corner of the drawing) nothing is picked.
        harness.state_mut().picks.clear();
        click_at(&mut harness, to_screen(Point { x: 2.0, y: 2.0 }));
        assert!(harness.state().picks.is_empty());
    }
}

#[test]
fn every_region_can_be_picked_by_its_label_and_from_the_keyboard() {
    for (kind, layer) in views_and_layers() {
        let atlas = Atlas::builtin().view(kind);
        let mut harness = harness(
            kind,
            layer,
            Plan::new(jiff::civil::date(2026, 1, 1)),
            egui::Theme::Light,
        );
        for region in atlas.regions_in(layer) {
            harness.state_mut().picks.clear();
            harness.get_by_label(&region.label()).click_accesskit();
            harness.run();
            let expected = MapAction::Pick(MuscleSide::new(region.muscle, region.side));
            assert_eq!(harness.state().picks, [expected], "{}", region.label());

            harness.state_mut().picks.clear();
            harness.get_by_label(&region.label()).focus();
            harness.run();
            harness.key_press(Key::Enter);
            harness.run();
            assert_eq!(
                harness.state().picks,
                [expected],
                "keyboard: {}",
                region.label()
            );
        }
    }
    // The client's left is on the viewer's left from behind and side-lying,
    // on the viewer's right from the front.
    for (kind, layer, muscle, left_on_left) in [
        (ViewKind::Posterior, Layer::Deep, "quadratus lumborum", true),
        (ViewKind::Side, Layer::Superficial, "iliotibial band", true),
        (ViewKind::Front, Layer::Deep, "psoas major", false),
    ] {
        let harness = harness(
            kind,
            layer,
            Plan::new(jiff::civil::date(2026, 1, 1)),
            egui::Theme::Light,
        );
        let left = harness
            .get_by_label(&format!("Left {muscle}"))
            .rect()
            .center();
        let right = harness
            .get_by_label(&format!("Right {muscle}"))
            .rect()
            .center();
        assert_eq!(left.x < right.x, left_on_left, "{kind:?}");
    }
}

fn views_and_layers() -> impl Iterator<Item = (ViewKind, Layer)> {
    ViewKind::ALL
        .into_iter()
        .flat_map(|kind| Layer::ALL.map(|layer| (kind, layer)))
}

fn example_plan() -> Plan {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/maria-keller-2026-11-18.ron");
    massage_planner::store::load_plan(&path).unwrap()
}

/// A plan with steps in every view: Maria Keller's low-back plan and the
/// neck, the iliotibial band and the psoas.
fn plan_in_every_view() -> Plan {
    use massage_planner::model::{Muscle, Pressure, Side, Step, Technique};
    let mut plan = example_plan();
    for (muscle, side, technique) in [
        (Muscle::UpperTrapezius, Side::Both, Technique::Swedish),
        (
            Muscle::IliotibialBand,
            Side::Left,
            Technique::MyofascialRelease,
        ),
        (Muscle::PsoasMajor, Side::Right, Technique::TriggerPoint),
    ] {
        plan.steps
            .push(Step::new(muscle, side, technique, Pressure::MEDIUM));
    }
    plan
}

#[test]
fn map_snapshots() {
    let mut results = egui_kittest::SnapshotResults::new();
    for (kind, layer) in views_and_layers() {
        for theme in [egui::Theme::Light, egui::Theme::Dark] {
            let view = match kind {
                ViewKind::Posterior => "",
                ViewKind::Side => "side_",
                ViewKind::Front => "front_",
            };
            let theme_name = if theme == egui::Theme::Light {
                "light"
            } else {
                "dark"
            };
            let name = format!("map_{view}{}_{theme_name}", layer.name().to_lowercase());
            let mut harness = harness(kind, layer, plan_in_every_view(), theme);
            harness.snapshot(&name);
            results.extend_harness(&mut harness);
        }
    }
    results.unwrap();
}

/// What one frame of the map alone draws, tessellated: every vertex's
/// position (as bits: a degenerate outline normal can make a NaN, which a
/// `Pos2` refuses to compare) and colour, in order.
fn drawn(
    ctx: &egui::Context,
    view: &MapView<'_>,
    pointer: Option<Pos2>,
) -> Vec<(u32, u32, egui::Color32)> {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            Pos2::ZERO,
            egui::vec2(500.0, 650.0),
        )),
        events: pointer.map(Event::PointerMoved).into_iter().collect(),
        ..egui::RawInput::default()
    };
    let mut output = ctx.run_ui(input, |ui| {
        let _ = muscle_map(ui, view);
    });
    // No GPU takes the font texture here.
    output.textures_delta.clear();
    ctx.tessellate(output.shapes, output.pixels_per_point)
        .into_iter()
        .filter_map(|p| match p.primitive {
            egui::epaint::Primitive::Mesh(mesh) => Some(mesh),
            egui::epaint::Primitive::Callback(_) => None,
        })
        .flat_map(|mesh| mesh.vertices)
        .map(|v| (v.pos.x.to_bits(), v.pos.y.to_bits(), v.color))
        .collect()
}

/// The map's picture is kept between frames (`map_picture_cache`): the same
/// inputs draw the same picture, and a changed step, layer or hovered
/// muscle draws a new one instead of the kept one.
#[test]
fn the_kept_map_picture_follows_the_plan_the_layer_and_the_pointer() {
    use massage_planner::model::Technique;
    let ctx = egui::Context::default();
    let plan = example_plan();
    let view = |plan: &'static Plan, layer: Layer| MapView {
        atlas: Atlas::builtin(),
        view: ViewKind::Posterior,
        plan,
        layer,
        landmarks: true,
        selected_step: None,
        warnings: &[],
        names: true,
        referral: false,
        trigger_points: false,
    };
    let plan: &'static Plan = Box::leak(Box::new(plan));
    // Settle fonts and layout.
    for _ in 0..3 {
        drawn(&ctx, &view(plan, Layer::Superficial), None);
    }
    let first = drawn(&ctx, &view(plan, Layer::Superficial), None);
    assert_eq!(
        drawn(&ctx, &view(plan, Layer::Superficial), None),
        first,
        "the same inputs draw the same picture"
    );

    let mut other = plan.clone();
    other.steps[0].technique = if other.steps[0].technique == Technique::Stretching {
        Technique::Swedish
    } else {
        Technique::Stretching
    };
    let other: &'static Plan = Box::leak(Box::new(other));
    let changed = drawn(&ctx, &view(other, Layer::Superficial), None);
    assert_ne!(changed, first, "another technique on step 1 is drawn");

    assert_ne!(
        drawn(&ctx, &view(plan, Layer::Deep), None),
        first,
        "the deep layer is drawn"
    );
    // The pointer over the middle of the back lights the muscle under it.
    let hovered = drawn(
        &ctx,
        &view(plan, Layer::Superficial),
        Some(Pos2::new(200.0, 330.0)),
    );
    assert_ne!(hovered, first, "the hovered muscle is lit");
    // Back to the first inputs: the first picture again.
    assert_eq!(
        drawn(
            &ctx,
            &view(plan, Layer::Superficial),
            Some(Pos2::new(-10.0, -10.0))
        ),
        first
    );
}
