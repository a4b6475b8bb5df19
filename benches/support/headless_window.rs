//! The main window without a GPU, shared by the benches that time a frame:
//! the app's layout and egui's tessellation at 1280x800, and the thread's
//! CPU time to time them by (the budgets are CPU time; on a shared machine
//! a busy neighbour stretches wall time).

// Each bench uses part of this.
#![allow(dead_code)]

use std::path::Path;
use std::time::Duration;

use eframe::App as _;
use egui::{Event, Pos2, RawInput, Rect, Vec2};
use jiff::civil::date;
use massage_planner::app::{PlannerApp, StartOptions};
use massage_planner::planner::{Action, Settings};
use massage_planner::ui::backdrop::Backdrop;

pub const WINDOW: Vec2 = Vec2::new(1280.0, 800.0);

pub struct Window {
    pub app: PlannerApp,
    pub ctx: egui::Context,
    frame: eframe::Frame,
    time: f64,
}

impl Window {
    /// The window on `plans`, with `plan` open if given, headless (nothing
    /// watched, the library read at once), on a fixed day.
    pub fn open(plans: &Path, plan: Option<&Path>) -> Self {
        let ctx = egui::Context::default();
        let options = StartOptions {
            plans_dir: Some(plans.to_path_buf()),
            open: plan.map(Path::to_path_buf),
            today: Some(date(2026, 11, 25)),
            headless: true,
            exit_after_first_frame: false,
            recovery_dir: None,
            run: false,
            // As in the app's window, which clears to the panel colour.
            backdrop: Backdrop::WindowClears,
        };
        let app = PlannerApp::with_settings(&ctx, options, Settings::default());
        Window {
            app,
            ctx,
            frame: eframe::Frame::_new_kittest(),
            time: 0.0,
        }
    }

    /// What eframe does each frame before handing the result to the GPU.
    pub fn frame(&mut self, events: Vec<Event>) -> usize {
        self.time += 1.0 / 60.0;
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, WINDOW)),
            time: Some(self.time),
            events,
            ..RawInput::default()
        };
        let mut output = self
            .ctx
            .run_ui(input, |ui| self.app.ui(ui, &mut self.frame));
        // No GPU takes the font texture here (debug builds check it).
        output.textures_delta.clear();
        let meshes = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        meshes.len()
    }

    pub fn apply(&mut self, action: Action) {
        let ctx = self.ctx.clone();
        self.app.apply_all(&ctx, vec![action]);
    }
}

/// The allocator settings `app::run` makes, unless `BENCH_MALLOC_DEFAULTS`
/// is set: then glibc's defaults stay, to measure the difference side by side.
pub fn allocator_as_in_the_app() {
    if std::env::var_os("BENCH_MALLOC_DEFAULTS").is_some() {
        eprintln!("BENCH_MALLOC_DEFAULTS: the allocator's defaults stay");
    } else if !massage_planner::app::keep_freed_memory_for_reuse() {
        eprintln!("this allocator has no settings to keep freed memory");
    }
}

/// Times `iters` calls of `f` in CPU time of this thread
/// (`CLOCK_THREAD_CPUTIME_ID`), for criterion's `iter_custom`.
pub fn cpu_time(iters: u64, mut f: impl FnMut()) -> Duration {
    use rustix::time::{ClockId, clock_gettime};
    let nanos = || {
        let t = clock_gettime(ClockId::ThreadCPUTime);
        u128::try_from(t.tv_sec).unwrap_or(0) * 1_000_000_000
            + u128::try_from(t.tv_nsec).unwrap_or(0)
    };
    let start = nanos();
    for _ in 0..iters {
        f();
    }
    let spent = nanos().saturating_sub(start);
    Duration::from_nanos(u64::try_from(spent).unwrap_or(u64::MAX))
}
