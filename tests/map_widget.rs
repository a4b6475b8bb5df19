//! The muscle map widget: picking by pointer, by label and by keyboard,
//! and snapshot images of both layers in both themes.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use egui::{Event, Key, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use massage_planner::atlas::{Atlas, Layer, Point, Region};
use massage_planner::model::{MuscleSide, Plan};
use massage_planner::ui::map::{MapAction, MapView, muscle_map};

struct MapState {
    plan: Plan,
    layer: Layer,
    picks: Vec<MapAction>,
}

fn harness(layer: Layer, plan: Plan, theme: egui::Theme) -> Harness<'static, MapState> {
    let state = MapState {
        plan,
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
                    plan: &state.plan,
                    layer: state.layer,
                    selected_step: Some(0),
                    warnings: &[],
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
    layer: Layer,
) -> impl Fn(Point) -> Pos2 + use<> {
    let atlas = Atlas::builtin();
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
fn inner_point(atlas: &Atlas, region: &Region) -> Point {
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
    let atlas = Atlas::builtin();
    for layer in Layer::ALL {
        let mut harness = harness(
            layer,
            Plan::new(jiff::civil::date(2026, 1, 1)),
            egui::Theme::Light,
        );
        let to_screen = atlas_to_screen(&harness, layer);
        for region in atlas.regions_in(layer) {
            harness.state_mut().picks.clear();
            click_at(&mut harness, to_screen(inner_point(atlas, region)));
            assert_eq!(
                harness.state().picks,
                [MapAction::Pick(MuscleSide::new(region.muscle, region.side))],
                "{} in the {} layer",
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
    let atlas = Atlas::builtin();
    for layer in Layer::ALL {
        let mut harness = harness(
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
    // The client's left is on the viewer's left.
    let harness = harness(
        Layer::Deep,
        Plan::new(jiff::civil::date(2026, 1, 1)),
        egui::Theme::Light,
    );
    let left = harness
        .get_by_label("Left quadratus lumborum")
        .rect()
        .center();
    let right = harness
        .get_by_label("Right quadratus lumborum")
        .rect()
        .center();
    assert!(left.x < right.x);
}

fn example_plan() -> Plan {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/maria-keller-2026-11-18.ron");
    massage_planner::store::load_plan(&path).unwrap()
}

#[test]
fn map_snapshots() {
    let mut results = egui_kittest::SnapshotResults::new();
    for (layer, theme, name) in [
        (
            Layer::Superficial,
            egui::Theme::Light,
            "map_superficial_light",
        ),
        (Layer::Deep, egui::Theme::Light, "map_deep_light"),
        (
            Layer::Superficial,
            egui::Theme::Dark,
            "map_superficial_dark",
        ),
        (Layer::Deep, egui::Theme::Dark, "map_deep_dark"),
    ] {
        let mut harness = harness(layer, example_plan(), theme);
        harness.snapshot(name);
        results.extend_harness(&mut harness);
    }
    results.unwrap();
}
