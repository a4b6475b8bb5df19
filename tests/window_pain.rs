//! Pain mode in the window (egui_kittest, headless): painting with the
//! mouse, the named list for the keyboard, the referral overlay and the
//! trigger points, with snapshots in both themes.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod support;
use support::examples::copy_of_example_plans;

use std::path::{Path, PathBuf};

use egui::Pos2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jiff::civil::date;
use massage_planner::app::{PlannerApp, StartOptions};
use massage_planner::model::{BodyView, Muscle, Side};
use massage_planner::planner::{MapMode, PainWhen};

fn start(plans: &Path, open: Option<PathBuf>, theme: egui::Theme) -> Harness<'static, PlannerApp> {
    let options = StartOptions {
        plans_dir: Some(plans.to_path_buf()),
        open,
        today: Some(date(2026, 11, 25)),
        headless: true,
        exit_after_first_frame: false,
        recovery_dir: None,
        run: false,
        ..StartOptions::default()
    };
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_theme(theme)
        .build_eframe(move |cc| PlannerApp::new(cc, options));
    harness.run();
    harness
}

fn click(harness: &mut Harness<'_, PlannerApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

fn painted(harness: &Harness<'_, PlannerApp>, when: PainWhen) -> usize {
    when.drawing(harness.state().planner().plan())
        .map_or(0, |d| {
            d.painted().filter(|(v, _, _)| *v == BodyView::Back).count()
        })
}

/// The drawing's canvas on screen.
fn canvas(harness: &Harness<'_, PlannerApp>) -> egui::Rect {
    harness
        .get_by_label_contains("Pain before drawing, back view")
        .rect()
}

#[test]
fn painting_with_the_mouse_is_one_undo_step_per_stroke() {
    let plans = tempfile::tempdir().unwrap();
    let mut harness = start(plans.path(), None, egui::Theme::Light);
    click(&mut harness, "Pain before");
    assert_eq!(harness.state().planner().map_mode(), MapMode::PainBefore);
    let rect = canvas(&harness);
    // The low back, a little right of the midline on screen (the client's
    // right from behind), dragged down.
    let x = rect.center().x + 12.0;
    let top = rect.top() + rect.height() * 0.32;
    harness.hover_at(Pos2::new(x, top));
    harness.run();
    harness.drag_at(Pos2::new(x, top));
    harness.run();
    for step in 1..=6 {
        harness.hover_at(Pos2::new(x, top + step as f32 * 6.0));
        harness.run();
    }
    harness.drop_at(Pos2::new(x, top + 40.0));
    harness.run();
    let after_first = painted(&harness, PainWhen::Before);
    assert!(after_first > 4, "the stroke painted {after_first} cells");
    let plan = harness.state().planner().plan();
    let area = plan.pain_before.as_ref().unwrap().drawing.areas[0].clone();
    assert_eq!(area.intensity.level(), 5, "the default brush");

    // A second stroke elsewhere, then undo: only the second goes.
    let y = rect.top() + rect.height() * 0.45;
    harness.drag_at(Pos2::new(x + 20.0, y));
    harness.run();
    harness.hover_at(Pos2::new(x + 20.0, y + 10.0));
    harness.run();
    harness.drop_at(Pos2::new(x + 20.0, y + 10.0));
    harness.run();
    assert!(painted(&harness, PainWhen::Before) > after_first);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(painted(&harness, PainWhen::Before), after_first);
}

fn tick(harness: &mut Harness<'_, PlannerApp>, label: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.key_press(egui::Key::Space);
    harness.run();
}

#[test]
fn areas_are_painted_and_erased_by_name_from_the_list() {
    let plans = tempfile::tempdir().unwrap();
    let mut harness = start(plans.path(), None, egui::Theme::Light);
    click(&mut harness, "Pain after");
    click(&mut harness, "Areas by name");
    // The keyboard's way: focus the area's tick box, press Space.
    tick(&mut harness, "right sacroiliac area");
    let planner = harness.state().planner();
    let drawing = PainWhen::After.drawing(planner.plan()).unwrap();
    assert!(drawing.painted().count() > 3);
    assert!(
        planner.plan().pain_before.is_none(),
        "the after drawing only"
    );
    tick(&mut harness, "right sacroiliac area");
    assert_eq!(painted(&harness, PainWhen::After), 0, "unticked: erased");
    assert!(harness.state().planner().can_undo());
}

#[test]
fn the_side_view_says_it_has_no_drawing_and_offers_the_back() {
    let plans = tempfile::tempdir().unwrap();
    let mut harness = start(plans.path(), None, egui::Theme::Light);
    click(&mut harness, "Pain before");
    click(&mut harness, "Side");
    harness.get_by_label("The side view has no pain drawing.");
    click(&mut harness, "Paint on the back");
    canvas(&harness);
}

fn maria(theme: egui::Theme) -> (tempfile::TempDir, Harness<'static, PlannerApp>) {
    let plans = copy_of_example_plans();
    let path = plans.path().join("maria-keller-2026-11-18.ron");
    let harness = start(plans.path(), Some(path), theme);
    (plans, harness)
}

fn pain_snapshot(theme: egui::Theme, name: &str) {
    let (_plans, mut harness) = maria(theme);
    // Select the right quadratus lumborum, show its referral under the drawing.
    click(&mut harness, "Deep");
    harness.get_by_label("Right quadratus lumborum").click();
    harness.run();
    click(&mut harness, "Pain before");
    click(&mut harness, "Referral");
    harness.snapshot(name);
}

#[test]
fn pain_mode_snapshot_light() {
    pain_snapshot(egui::Theme::Light, "pain_mode_light");
}

#[test]
fn pain_mode_snapshot_dark() {
    pain_snapshot(egui::Theme::Dark, "pain_mode_dark");
}

fn overlay_snapshot(theme: egui::Theme, name: &str) {
    let (_plans, mut harness) = maria(theme);
    click(&mut harness, "Deep");
    harness.get_by_label("Right quadratus lumborum").click();
    harness.run();
    click(&mut harness, "Referral");
    click(&mut harness, "Trigger points");
    let step = harness.state().planner().selected_step().unwrap();
    let planned = &harness.state().planner().plan().steps[step];
    assert_eq!(
        (planned.muscle, planned.side),
        (Muscle::QuadratusLumborum, Side::Right)
    );
    // The step targets one trigger point, chosen under its row.
    click(
        &mut harness,
        &format!("Trigger point for step {}", step + 1),
    );
    click(&mut harness, "deep (medial), near L4-L5 above the crest");
    let planned = &harness.state().planner().plan().steps[step];
    assert_eq!(planned.trigger_point.as_deref(), Some("deep_lower"));
    harness.snapshot(name);
}

#[test]
fn referral_and_trigger_points_snapshot_light() {
    overlay_snapshot(egui::Theme::Light, "referral_trigger_points_light");
}

#[test]
fn referral_and_trigger_points_snapshot_dark() {
    overlay_snapshot(egui::Theme::Dark, "referral_trigger_points_dark");
}

#[test]
fn hovering_a_muscle_with_referral_on_shows_its_zones_snapshot() {
    // A library with plans: an empty one names its random temporary path
    // in the panel, which would differ in every run.
    let plans = copy_of_example_plans();
    let mut harness = start(plans.path(), None, egui::Theme::Light);
    click(&mut harness, "Referral");
    assert!(harness.state().planner().settings().show_referral);
    let at = harness.get_by_label("Right gluteus medius").rect().center();
    harness.hover_at(at);
    harness.run();
    harness.snapshot("referral_hover_light");
}
