//! A client with 500 sessions: the client view's frame, the heat map, the
//! pain trend and the progress report, each beside a baseline measured in
//! the same run. Budgets (issue 16): the client view's frame under 1 ms of
//! CPU, heat map under 5 ms, report under 100 ms.
//! Run with `cargo bench --bench course`.

use std::hint::black_box;
use std::path::PathBuf;

#[path = "support/headless_window.rs"]
mod headless_window;

use criterion::{Criterion, criterion_group, criterion_main};
use headless_window::{Window, allocator_as_in_the_app, cpu_time};
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

fn bench_client_view(c: &mut Criterion) {
    use massage_planner::planner::{Action, CourseAction, CourseTab};
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
    allocator_as_in_the_app();
    let mut window = Window::open(dir.path(), None);
    for _ in 0..3 {
        window.frame(Vec::new());
    }
    // In CPU time of the thread running the frames (the budget is CPU time).
    let mut group = c.benchmark_group("client view, 500 sessions (CPU time)");
    // Baseline: the main window's frame on the same folder, no view open.
    group.bench_function("baseline: main window frame", |b| {
        b.iter_custom(|iters| {
            cpu_time(iters, || {
                black_box(window.frame(Vec::new()));
            })
        })
    });
    let ctx = window.ctx.clone();
    window.app.apply_all(
        &ctx,
        vec![Action::Course(CourseAction::Open("Maria Keller".into()))],
    );
    for _ in 0..3 {
        window.frame(Vec::new());
    }
    group.bench_function("client view frame: sessions and pain", |b| {
        b.iter_custom(|iters| {
            cpu_time(iters, || {
                black_box(window.frame(Vec::new()));
            })
        })
    });
    // The heat map on the atlas over all 500 sessions.
    window.app.apply_all(
        &ctx,
        vec![Action::Course(CourseAction::ShowTab(CourseTab::Worked))],
    );
    for _ in 0..3 {
        window.frame(Vec::new());
    }
    group.bench_function("client view frame: what was worked", |b| {
        b.iter_custom(|iters| {
            cpu_time(iters, || {
                black_box(window.frame(Vec::new()));
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
        window.frame(Vec::new());
    }
    group.bench_function("client view frame: compare two sessions", |b| {
        b.iter_custom(|iters| {
            cpu_time(iters, || {
                black_box(window.frame(Vec::new()));
            })
        })
    });
    group.finish();
}

criterion_group!(benches, bench_client_view, bench_course);
criterion_main!(benches);
