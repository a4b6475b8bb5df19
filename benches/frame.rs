//! One full UI frame of the main window in CPU time: the app's layout and
//! egui's tessellation, with a 20-step plan open and 10,000 plans in the
//! library. Rendering on the GPU is left out. Budget: median under 1 ms.
//! Run with `cargo bench --bench frame`; set `FRAME_BENCH_PLANS=DIR` to use
//! a library already written by `gen_library` (writing one takes a minute).
//!
//! The benches named "CPU time" time the same frames by the thread's CPU
//! time rather than the clock: on a shared machine a busy neighbour
//! stretches wall time but much less the work a frame does.
//!
//! `FRAME_BENCH_PROFILE=N` runs N frames after the first five and stops,
//! without criterion, for a profiler that counts instructions:
//!
//!     FRAME_BENCH_PROFILE=50 valgrind --tool=callgrind \
//!       --toggle-collect='frame::profile_frames' target/release/deps/frame-HASH

#[path = "support/headless_window.rs"]
mod headless_window;

use criterion::{Criterion, criterion_group, criterion_main};
use egui::Pos2;
use headless_window::{Window, allocator_as_in_the_app, cpu_time};
use massage_planner::store::{Overwrite, save_plan};
use massage_planner::testing::{Sequence, sample_plan, write_sample_library};

const PLANS: usize = 10_000;

/// A sample plan grown (or cut) to exactly 20 steps.
fn twenty_step_plan() -> massage_planner::model::Plan {
    let mut seq = Sequence::default();
    let mut plan = sample_plan(&mut seq, 0).unwrap_or_else(|| panic!("no sample plan"));
    let steps = plan.steps.clone();
    plan.steps = steps.iter().cycle().take(20).cloned().collect();
    plan
}

/// The frames a profiler looks at (`FRAME_BENCH_PROFILE`): the same each run.
#[inline(never)]
fn profile_frames(window: &mut Window, frames: usize) {
    for _ in 0..frames {
        std::hint::black_box(window.frame(Vec::new()));
    }
}

fn frame(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let plans = match std::env::var_os("FRAME_BENCH_PLANS") {
        Some(plans) => plans.into(),
        None => {
            let plans = dir.path().join("plans");
            match write_sample_library(&plans, PLANS) {
                Ok(written) => assert!(written > 9_900, "only {written} plans"),
                Err(e) => panic!("{e}"),
            }
            plans
        }
    };
    let plan = dir.path().join("open.ron");
    if let Err(e) = save_plan(&twenty_step_plan(), &plan, Overwrite::Always) {
        panic!("{e}");
    }
    allocator_as_in_the_app();
    let mut window = Window::open(&plans, Some(&plan));
    // Fonts and layout caches settle over the first frames, as in the app.
    for _ in 0..5 {
        window.frame(Vec::new());
    }

    if let Some(frames) = std::env::var("FRAME_BENCH_PROFILE")
        .ok()
        .and_then(|n| n.parse().ok())
    {
        profile_frames(&mut window, frames);
        return;
    }

    let mut group = c.benchmark_group("frame");
    group.bench_function("main window, 20 steps, 10,000 plans", |b| {
        b.iter(|| window.frame(Vec::new()));
    });
    // The pointer moving over the map: hit test and hover highlight.
    let mut x = 0.0;
    group.bench_function("main window, pointer moving over the map", |b| {
        b.iter(|| {
            x = (x + 7.0) % 300.0;
            let pos = Pos2::new(500.0 + x, 300.0 + x / 2.0);
            window.frame(vec![egui::Event::PointerMoved(pos)])
        });
    });
    // The same frames, timed by this thread's CPU time.
    group.bench_function("main window, 20 steps, 10,000 plans, CPU time", |b| {
        b.iter_custom(|iterations| {
            cpu_time(iterations, || {
                std::hint::black_box(window.frame(Vec::new()));
            })
        });
    });
    group.bench_function("main window, pointer moving over the map, CPU time", |b| {
        b.iter_custom(|iterations| {
            cpu_time(iterations, || {
                x = (x + 7.0) % 300.0;
                let pos = Pos2::new(500.0 + x, 300.0 + x / 2.0);
                std::hint::black_box(window.frame(vec![egui::Event::PointerMoved(pos)]));
            })
        });
    });
    group.finish();
}

criterion_group!(benches, frame);
criterion_main!(benches);
