//! Pain mode through `Planner::apply`: painting and erasing are edits, one
//! undo step per brush stroke (press to release), not per cell.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use jiff::civil::date;
use massage_planner::model::{
    BodyView, Cell, Muscle, MuscleSide, PainLevel, PainMark, PainQuality, Side,
};
use massage_planner::planner::{Action, Command, Edit, MapMode, PainTool, PainWhen, Planner};

fn planner() -> (tempfile::TempDir, Planner) {
    let dir = tempfile::tempdir().unwrap();
    let p = Planner::new(dir.path().to_path_buf(), date(2026, 11, 25));
    (dir, p)
}

fn mark(level: u8, quality: PainQuality) -> PainMark {
    PainMark {
        intensity: PainLevel::new(level).unwrap(),
        quality,
        constant: true,
    }
}

fn paint(p: &mut Planner, when: PainWhen, cells: &[(u16, u16)], mark: PainMark) {
    p.apply(Action::Edit(Edit::Paint {
        when,
        view: BodyView::Back,
        cells: cells.iter().map(|&(r, c)| Cell::new(r, c)).collect(),
        mark,
    }));
}

fn painted(p: &Planner, when: PainWhen) -> usize {
    when.drawing(p.plan()).map_or(0, |d| d.painted().count())
}

#[test]
fn the_map_mode_and_the_brush_are_planner_state() {
    let (_dir, mut p) = planner();
    assert_eq!(p.map_mode(), MapMode::Plan);
    p.apply(Action::SetMapMode(MapMode::PainBefore));
    assert_eq!(p.map_mode(), MapMode::PainBefore);
    assert_eq!(p.map_mode().when(), Some(PainWhen::Before));
    let burning = mark(7, PainQuality::Burning);
    p.apply(Action::SetPainTool(PainTool::Eraser));
    p.apply(Action::SetBrush(burning));
    assert_eq!(p.brush(), burning);
    assert_eq!(
        p.pain_tool(),
        PainTool::Brush,
        "choosing a brush takes the brush"
    );
    assert!(!p.is_dirty(), "modes and brushes are not edits of the plan");
}

#[test]
fn a_stroke_is_one_undo_step_however_many_cells_it_paints() {
    let (_dir, mut p) = planner();
    let ache = mark(6, PainQuality::Ache);
    // First stroke: three dabs, then the button comes up.
    paint(&mut p, PainWhen::Before, &[(60, 14), (60, 15)], ache);
    paint(&mut p, PainWhen::Before, &[(61, 14)], ache);
    paint(&mut p, PainWhen::Before, &[(61, 15), (62, 15)], ache);
    p.apply(Action::EndGesture);
    // Second stroke.
    paint(&mut p, PainWhen::Before, &[(70, 12)], ache);
    paint(&mut p, PainWhen::Before, &[(71, 12)], ache);
    p.apply(Action::EndGesture);
    assert_eq!(painted(&p, PainWhen::Before), 7);
    let pain = p.plan().pain_before.as_ref().unwrap();
    assert_eq!(
        pain.level.level(),
        6,
        "a new pain record takes the brush's rating"
    );

    p.apply(Action::Command(Command::Undo));
    assert_eq!(
        painted(&p, PainWhen::Before),
        5,
        "undo takes back the whole second stroke"
    );
    p.apply(Action::Command(Command::Undo));
    assert!(
        p.plan().pain_before.is_none(),
        "and the first: nothing was drawn before"
    );
    p.apply(Action::Command(Command::Redo));
    assert_eq!(painted(&p, PainWhen::Before), 5);
}

#[test]
fn erasing_is_an_edit_and_painting_over_the_same_mark_changes_nothing() {
    let (_dir, mut p) = planner();
    let ache = mark(4, PainQuality::Ache);
    paint(
        &mut p,
        PainWhen::After,
        &[(60, 14), (60, 15), (60, 16)],
        ache,
    );
    p.apply(Action::EndGesture);
    assert!(
        p.plan().pain_before.is_none(),
        "the after drawing is its own"
    );

    // The same cells with the same mark: no edit, no undo step.
    paint(&mut p, PainWhen::After, &[(60, 14)], ache);
    p.apply(Action::EndGesture);
    p.apply(Action::Command(Command::Undo));
    assert!(
        p.plan().pain_after.is_none(),
        "one stroke only was recorded"
    );
    p.apply(Action::Command(Command::Redo));

    p.apply(Action::Edit(Edit::Erase {
        when: PainWhen::After,
        view: BodyView::Back,
        cells: vec![Cell::new(60, 15), Cell::new(60, 16)],
    }));
    p.apply(Action::EndGesture);
    assert_eq!(painted(&p, PainWhen::After), 1);
    // Erasing in the front view leaves the back drawing alone.
    p.apply(Action::Edit(Edit::Erase {
        when: PainWhen::After,
        view: BodyView::Front,
        cells: vec![Cell::new(60, 14)],
    }));
    assert_eq!(painted(&p, PainWhen::After), 1);
    p.apply(Action::Command(Command::Undo));
    assert_eq!(painted(&p, PainWhen::After), 3);
}

#[test]
fn painting_over_with_another_mark_moves_the_cells() {
    let (_dir, mut p) = planner();
    paint(
        &mut p,
        PainWhen::Before,
        &[(60, 14), (60, 15)],
        mark(3, PainQuality::Ache),
    );
    p.apply(Action::EndGesture);
    paint(
        &mut p,
        PainWhen::Before,
        &[(60, 15)],
        mark(8, PainQuality::Tingling),
    );
    p.apply(Action::EndGesture);
    let drawing = PainWhen::Before.drawing(p.plan()).unwrap();
    assert_eq!(drawing.areas.len(), 2);
    let area = drawing.area_at(BodyView::Back, Cell::new(60, 15)).unwrap();
    assert_eq!(area.quality, PainQuality::Tingling);
    assert_eq!(
        p.plan().pain_before.as_ref().unwrap().level.level(),
        3,
        "the overall rating is the therapist's once the record exists"
    );
}

#[test]
fn a_step_targets_one_trigger_point_as_one_undo_step() {
    let (_dir, mut p) = planner();
    p.apply(Action::Pick(MuscleSide::new(
        Muscle::QuadratusLumborum,
        Side::Right,
    )));
    p.apply(Action::Edit(Edit::StepTriggerPoint(
        0,
        Some("superficial_upper".into()),
    )));
    assert_eq!(
        p.plan().steps[0].trigger_point.as_deref(),
        Some("superficial_upper")
    );
    p.apply(Action::Edit(Edit::StepTriggerPoint(0, None)));
    assert_eq!(p.plan().steps[0].trigger_point, None);
    p.apply(Action::Command(Command::Undo));
    assert_eq!(
        p.plan().steps[0].trigger_point,
        None,
        "changing a field twice is one step"
    );
    assert_eq!(p.plan().steps.len(), 1);
}

#[test]
fn referral_and_trigger_point_toggles_are_settings() {
    let (_dir, mut p) = planner();
    assert!(!p.settings().show_referral);
    p.apply(Action::ShowReferral(true));
    p.apply(Action::ShowTriggerPoints(true));
    assert!(p.settings().show_referral && p.settings().show_trigger_points);
    assert!(!p.is_dirty());
}
