//! A client with 500 sessions: the client view's frame, the heat map, the
//! pain trend and the progress report, each beside a baseline measured in
//! the same run. Budgets (issue 16): the client view's frame under 1 ms of
//! CPU, heat map under 5 ms, report under 100 ms.
//! Run with `cargo bench --bench course`.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::ToSpan;
use jiff::civil::date;
use massage_planner::course::{Course, DateRange, HeatMap, PainTrend, Session};
use massage_planner::model::{
    ClientRecord, Muscle, Pain, PainLevel, Plan, Pressure, Side, Step, Technique,
};
use massage_planner::sheet::{Paper, ReportOptions, SheetOptions, render_report, render_sheet};

fn pain(level: u8) -> Option<Pain> {
    Some(Pain {
        level: PainLevel::new(level).ok()?,
        location: String::new(),
        drawing: Default::default(),
    })
}

/// `count` sessions two days apart, 8 steps each over the muscles.
pub fn course(count: usize) -> Course {
    let sessions = (0..count)
        .map(|i| {
            let on = date(2024, 1, 1)
                .checked_add((2 * i as i64).days())
                .unwrap_or(date(2024, 1, 1));
            let mut plan = Plan::new(on);
            plan.client.name = "Maria Keller".into();
            plan.therapist = "Sam Ortiz".into();
            plan.pain_before = pain((7 + i % 4) as u8 % 11);
            plan.pain_after = pain((3 + i % 3) as u8);
            plan.steps = (0..8)
                .map(|s| {
                    let mut step = Step::new(
                        Muscle::ALL[(i + s * 3) % Muscle::ALL.len()],
                        Side::ALL[(i + s) % 3],
                        Technique::ALL[s % Technique::ALL.len()],
                        Pressure::new(1 + ((i + s) % 5) as u8).unwrap_or_default(),
                    );
                    step.minutes = 4 + (s % 5) as u16;
                    step
                })
                .collect();
            Session {
                path: PathBuf::from(format!("maria-{i}.ron")),
                plan,
            }
        })
        .collect();
    Course::from_sessions(sessions, Some(ClientRecord::new("Maria Keller", "")))
}

fn bench_course(c: &mut Criterion) {
    let course = course(500);
    let mut group = c.benchmark_group("course 500 sessions");
    // Baseline: one pass over every step of every session, summing minutes.
    group.bench_function("baseline: sum minutes of every step", |b| {
        b.iter(|| {
            black_box(&course)
                .sessions
                .iter()
                .map(|s| s.plan.total_minutes())
                .sum::<u32>()
        })
    });
    group.bench_function("heat map, all dates", |b| {
        b.iter(|| HeatMap::of(black_box(&course), DateRange::ALL))
    });
    group.bench_function("pain trend", |b| {
        b.iter(|| PainTrend::of(black_box(&course)))
    });
    group.finish();

    let mut group = c.benchmark_group("report PDF");
    group.sample_size(20);
    let options = ReportOptions {
        paper: Paper::A4,
        range: DateRange::ALL,
        file_name: "Progress report: Maria Keller".into(),
    };
    if let Ok(pdf) = render_report(&course, &options) {
        println!("500-session report: {} KB", pdf.len() / 1024);
    }
    // Baseline: the plan sheet of the last session, the PDF the app
    // already makes.
    let last = course
        .sessions
        .last()
        .map(|s| s.plan.clone())
        .unwrap_or_else(|| Plan::new(date(2024, 1, 1)));
    let sheet_options = SheetOptions::default();
    group.bench_function("baseline: plan sheet of one session", |b| {
        b.iter(|| render_sheet(black_box(&last), black_box(&sheet_options)))
    });
    group.bench_function("progress report, 500 sessions", |b| {
        b.iter(|| render_report(black_box(&course), black_box(&options)))
    });
    group.finish();
}

/// Times `iters` calls of `f` in CPU time of this thread
/// (`CLOCK_THREAD_CPUTIME_ID`), so that other work on a busy machine does
/// not count: the budget is CPU time.
fn cpu_time(iters: u64, mut f: impl FnMut()) -> std::time::Duration {
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
    std::time::Duration::from_nanos(u64::try_from(spent).unwrap_or(u64::MAX))
}

/// The window, headless, on a plans folder holding the 500 sessions.
struct Window {
    app: massage_planner::app::PlannerApp,
    ctx: egui::Context,
    frame: eframe::Frame,
    time: f64,
}

impl Window {
    fn frame(&mut self) -> usize {
        use eframe::App as _;
        self.time += 1.0 / 60.0;
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1280.0, 800.0),
            )),
            time: Some(self.time),
            ..egui::RawInput::default()
        };
        let mut output = self
            .ctx
            .run_ui(input, |ui| self.app.ui(ui, &mut self.frame));
        // No renderer here to take the font textures.
        output.textures_delta.clear();
        self.ctx
            .tessellate(output.shapes, output.pixels_per_point)
            .len()
    }
}

fn bench_client_view(c: &mut Criterion) {
    use massage_planner::app::{PlannerApp, StartOptions};
    use massage_planner::planner::{Action, CourseAction, CourseTab, Settings};
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let course = course(500);
    for session in &course.sessions {
        let path = dir.path().join(&session.path);
        if let Err(e) = massage_planner::store::save_plan(
            &session.plan,
            &path,
            massage_planner::store::Overwrite::Always,
        ) {
            panic!("{e}");
        }
    }
    let ctx = egui::Context::default();
    let options = StartOptions {
        plans_dir: Some(dir.path().to_path_buf()),
        open: None,
        today: Some(date(2026, 11, 25)),
        headless: true,
        exit_after_first_frame: false,
        recovery_dir: None,
        run: false,
    };
    let app = PlannerApp::with_settings(&ctx, options, Settings::default());
    let mut window = Window {
        app,
        ctx,
        frame: eframe::Frame::_new_kittest(),
        time: 0.0,
    };
    for _ in 0..3 {
        window.frame();
    }
    // In CPU time of the thread running the frames (the budget is CPU time).
    let mut group = c.benchmark_group("client view, 500 sessions (CPU time)");
    // Baseline: the main window's frame on the same folder, no view open.
    group.bench_function("baseline: main window frame", |b| {
        b.iter_custom(|iters| {
            cpu_time(iters, || {
                black_box(window.frame());
            })
        })
    });
    let ctx = window.ctx.clone();
    window.app.apply_all(
        &ctx,
        vec![Action::Course(CourseAction::Open("Maria Keller".into()))],
    );
    for _ in 0..3 {
        window.frame();
    }
    group.bench_function("client view frame: sessions and pain", |b| {
        b.iter_custom(|iters| {
            cpu_time(iters, || {
                black_box(window.frame());
            })
        })
    });
    // The heat map on the atlas over all 500 sessions.
    window.app.apply_all(
        &ctx,
        vec![Action::Course(CourseAction::ShowTab(CourseTab::Worked))],
    );
    for _ in 0..3 {
        window.frame();
    }
    group.bench_function("client view frame: what was worked", |b| {
        b.iter_custom(|iters| {
            cpu_time(iters, || {
                black_box(window.frame());
            })
        })
    });
    // Two sessions' maps side by side and the table of changes.
    window.app.apply_all(
        &ctx,
        vec![
            Action::Course(CourseAction::Compare(498, 499)),
            Action::Course(CourseAction::ShowTab(CourseTab::Compare)),
        ],
    );
    for _ in 0..3 {
        window.frame();
    }
    group.bench_function("client view frame: compare two sessions", |b| {
        b.iter_custom(|iters| {
            cpu_time(iters, || {
                black_box(window.frame());
            })
        })
    });
    group.finish();
}

criterion_group!(benches, bench_client_view, bench_course);
criterion_main!(benches);
