//! The app's window is cleared to the panel colour before each frame, so its
//! panels leave their areas unfilled: on a software renderer each filled
//! pixel costs shader time, and the panels' fills were most of a frame.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod support;

use std::path::Path;

use eframe::App as _;
use egui::{Color32, Pos2, RawInput, Rect, Shape, Vec2};
use jiff::civil::date;
use massage_planner::app::{PlannerApp, StartOptions};
use massage_planner::planner::Settings;
use massage_planner::ui::backdrop::{Backdrop, clear_colour};
use support::captured_shapes::CaptureShapes;

/// The areas of the rectangles a frame fills with exactly `colour`.
fn filled_areas(shapes: &[egui::epaint::ClippedShape], colour: Color32) -> Vec<f32> {
    fn walk(shape: &Shape, colour: Color32, areas: &mut Vec<f32>) {
        match shape {
            Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, colour, areas)),
            Shape::Rect(rect) if rect.fill == colour => areas.push(rect.rect.area()),
            _ => {}
        }
    }
    let mut areas = Vec::new();
    for clipped in shapes {
        walk(&clipped.shape, colour, &mut areas);
    }
    areas
}

/// The main window's second frame (an empty folder, nothing open) with `backdrop`.
fn frame_with(backdrop: Backdrop, plans: &Path) -> (Vec<egui::epaint::ClippedShape>, Color32) {
    let ctx = egui::Context::default();
    // The shapes as egui made them: the kept tessellation turns them into meshes.
    let captured = CaptureShapes::add_to(&ctx);
    let options = StartOptions {
        plans_dir: Some(plans.to_path_buf()),
        today: Some(date(2026, 11, 25)),
        headless: true,
        backdrop,
        ..StartOptions::default()
    };
    let mut app = PlannerApp::with_settings(&ctx, options, Settings::default());
    let mut frame = eframe::Frame::_new_kittest();
    let screen = Rect::from_min_size(Pos2::ZERO, Vec2::new(1280.0, 800.0));
    let mut shapes = Vec::new();
    for time in [0.0, 1.0 / 60.0] {
        let input = RawInput {
            screen_rect: Some(screen),
            time: Some(time),
            ..RawInput::default()
        };
        let mut output = ctx.run_ui(input, |ui| app.ui(ui, &mut frame));
        // No GPU takes the font texture here (debug builds check it).
        output.textures_delta.clear();
        drop(output);
        shapes = captured.lock().unwrap().clone();
    }
    let panel_fill = ctx.global_style().visuals.panel_fill;
    (shapes, panel_fill)
}

#[test]
fn panels_fill_their_areas_only_when_the_window_does_not_clear_to_their_colour() {
    let plans = tempfile::tempdir().unwrap();
    let screen_area = 1280.0 * 800.0;

    let (shapes, panel_fill) = frame_with(Backdrop::PanelsFill, plans.path());
    let filled: f32 = filled_areas(&shapes, panel_fill).iter().sum();
    assert!(
        filled > 0.95 * screen_area,
        "the panels fill the window themselves: {filled} of {screen_area} pixels"
    );

    let (shapes, panel_fill) = frame_with(Backdrop::WindowClears, plans.path());
    let large: Vec<f32> = filled_areas(&shapes, panel_fill)
        .into_iter()
        .filter(|&area| area > 0.01 * screen_area)
        .collect();
    assert!(
        large.is_empty(),
        "panel-sized fills of the panel colour: {large:?}"
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
