//! One full UI frame of the main window while the therapist drags the pain
//! brush over the body, beside a baseline frame in the same run: the same
//! window in pain mode with the pointer only moving (no painting), and in
//! plan mode. CPU time of the app's layout and egui's tessellation; the GPU
//! is left out. Budget: a painting frame under 2 ms.
//! Run with `cargo bench --bench paint`.

use std::path::Path;

#[path = "support/headless_window.rs"]
mod headless_window;

use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Event, Modifiers, PointerButton, Pos2};
use headless_window::{Window, allocator_as_in_the_app};
use massage_planner::model::{PainLevel, PainMark, PainQuality};
use massage_planner::planner::{Action, MapMode};

/// A zigzag over the low back, buttocks and thighs of the pain drawing
/// (the chart sits in the middle of the map panel at 1280x800).
fn path_point(step: usize) -> Pos2 {
    let column = (step / 40) % 8;
    let along = (step % 40) as f32;
    let down = if column.is_multiple_of(2) {
        along
    } else {
        40.0 - along
    };
    Pos2::new(415.0 + column as f32 * 9.0, 330.0 + down * 6.0)
}

fn brush(level: u8) -> PainMark {
    PainMark {
        intensity: PainLevel::new(level).unwrap_or_default(),
        quality: PainQuality::Ache,
        constant: true,
    }
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let plans = dir.path().join("plans");
    std::fs::create_dir_all(&plans).unwrap_or_else(|e| panic!("{e}"));
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/maria-keller-2026-11-18.ron");
    let plan = plans.join("maria-keller-2026-11-18.ron");
    std::fs::copy(&example, &plan).unwrap_or_else(|e| panic!("{e}"));
    allocator_as_in_the_app();
    let mut window = Window::open(&plans, Some(&plan));
    for _ in 0..5 {
        window.frame(Vec::new());
    }

    let mut group = c.benchmark_group("paint");
    let mut step = 0;
    group.bench_function("baseline: plan mode, pointer moving over the map", |b| {
        b.iter(|| {
            step += 1;
            window.frame(vec![Event::PointerMoved(path_point(step))])
        });
    });
    window.apply(Action::SetMapMode(MapMode::PainBefore));
    for _ in 0..3 {
        window.frame(Vec::new());
    }
    group.bench_function("baseline: pain mode, pointer moving, not painting", |b| {
        b.iter(|| {
            step += 1;
            window.frame(vec![Event::PointerMoved(path_point(step))])
        });
    });
    // Press once, then drag: each frame moves the brush on, and each pass
    // of the zigzag paints with another intensity, so every frame changes
    // cells as a real stroke does.
    window.frame(vec![Event::PointerButton {
        pos: path_point(step),
        button: PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    }]);
    let mut level = 4;
    group.bench_function("pain mode, dragging the brush", |b| {
        b.iter(|| {
            step += 1;
            if step.is_multiple_of(320) {
                level = if level == 4 { 6 } else { 4 };
                window.apply(Action::SetBrush(brush(level)));
            }
            window.frame(vec![Event::PointerMoved(path_point(step))])
        });
    });
    group.finish();
    window.frame(vec![Event::PointerButton {
        pos: path_point(step),
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    }]);
    let painted = window
        .app
        .planner()
        .plan()
        .pain_before
        .as_ref()
        .map_or(0, |p| p.drawing.painted().count());
    assert!(painted > 100, "the drag painted only {painted} cells");
}

criterion_group!(benches, bench);
criterion_main!(benches);
