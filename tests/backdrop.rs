//! The app's window is cleared to the panel colour before each frame, so the
//! panels' own backgrounds are not drawn again: on a software renderer each
//! drawn pixel costs shader time, and the panels' fills were most of a frame.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod support;

use eframe::App as _;
use egui::epaint::{ClippedPrimitive, Primitive};
use egui::{Pos2, RawInput, Rect, Vec2};
use jiff::civil::date;
use massage_planner::app::{PlannerApp, StartOptions};
use massage_planner::planner::Settings;
use massage_planner::ui::backdrop::{Backdrop, clear_colour};

const SCREEN: Vec2 = Vec2::new(1280.0, 800.0);

/// The area the triangles of a frame cover, overlaps counted each time:
/// what a renderer shades.
fn drawn_area(primitives: &[ClippedPrimitive]) -> f64 {
    let mut area = 0.0;
    for primitive in primitives {
        let Primitive::Mesh(mesh) = &primitive.primitive else {
            continue;
        };
        for t in mesh.indices.chunks_exact(3) {
            let [a, b, c] = [t[0], t[1], t[2]].map(|i| mesh.vertices[i as usize].pos);
            let cross = (b - a).x * (c - a).y - (b - a).y * (c - a).x;
            if cross.is_finite() {
                area += f64::from(cross.abs()) / 2.0;
            }
        }
    }
    area
}

/// What the main window draws in its second frame with `backdrop`, with a
/// plan open whose steps overflow the editor (its scroll area fades at the
/// bottom edge into the panel's colour).
fn drawn_with(backdrop: Backdrop) -> f64 {
    let plans = support::examples::copy_of_example_plans();
    let ctx = egui::Context::default();
    let options = StartOptions {
        plans_dir: Some(plans.path().to_path_buf()),
        open: Some(plans.path().join("maria-keller-2026-11-18.ron")),
        today: Some(date(2026, 11, 25)),
        headless: true,
        backdrop,
        ..StartOptions::default()
    };
    let mut app = PlannerApp::with_settings(&ctx, options, Settings::default());
    let mut frame = eframe::Frame::_new_kittest();
    let mut area = 0.0;
    for time in [0.0, 1.0 / 60.0] {
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SCREEN)),
            time: Some(time),
            ..RawInput::default()
        };
        let mut output = ctx.run_ui(input, |ui| app.ui(ui, &mut frame));
        // No GPU takes the font texture here (debug builds check it).
        output.textures_delta.clear();
        area = drawn_area(&ctx.tessellate(output.shapes, output.pixels_per_point));
    }
    area
}

#[test]
fn the_panels_backgrounds_and_nothing_else_are_left_to_the_clear_colour() {
    let screen = f64::from(SCREEN.x * SCREEN.y);
    let filled = drawn_with(Backdrop::PanelsFill);
    let cleared = drawn_with(Backdrop::WindowClears);
    // The five panels tile the window: one window's area goes (and the
    // anti-aliased rims of their rectangles), not a patch more: the
    // editor's fade at its bottom edge (about 1.2 % of the window) and a
    // sticky title use the panel colour too, and stay.
    let saved = filled - cleared;
    assert!(
        (saved - screen).abs() < 0.01 * screen,
        "{saved:.0} pixels fewer drawn, against {screen:.0} in the window"
    );
}

#[test]
fn the_app_clears_its_window_to_the_panel_colour() {
    let plans = tempfile::tempdir().unwrap();
    let ctx = egui::Context::default();
    let options = StartOptions {
        plans_dir: Some(plans.path().to_path_buf()),
        headless: true,
        ..StartOptions::default()
    };
    let app = PlannerApp::with_settings(&ctx, options, Settings::default());
    for visuals in [egui::Visuals::dark(), egui::Visuals::light()] {
        assert_eq!(app.clear_color(&visuals), clear_colour(&visuals));
        assert_eq!(
            clear_colour(&visuals),
            visuals.panel_fill.to_normalized_gamma_f32()
        );
    }
}
