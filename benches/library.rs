//! The plans library at a clinic's scale, and the map's hit test.
//! Budgets (release, 2 cores): search under 2 ms per keystroke over 10,000
//! plans; opening 10,000 plans at most 3x the time to read the files, and
//! under 100 ms with a warm index cache.
//! Run with `cargo bench --bench library`; set `LIBRARY_BENCH_PLANS=DIR`
//! to measure a library written by `gen_library` instead (100,000 plans:
//! a ten-year practice; budgets there: warm open under 150 ms, search
//! under 5 ms).

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::civil::date;
use massage_planner::atlas::{Atlas, Layer, Point, ViewKind};
use massage_planner::model::{Muscle, Plan, Pressure, Side, Step, Technique};
use massage_planner::store::{Library, Overwrite, load_plan, save_new_plan, save_plan};

const PLANS: usize = 10_000;
const CLIENT_NAMES: [&str; 8] = [
    "Maria Keller",
    "Jonas Lindqvist",
    "Aiko Tanaka",
    "Peter Novak",
    "Eva Silva",
    "Bo Chen",
    "Anna Berg",
    "Omar Uddin",
];

/// Plan `n`: one of a few hundred clients, 5 to 20 steps with notes.
fn plan_number(n: usize) -> Plan {
    let day = i8::try_from(1 + n % 28).unwrap_or(1);
    let month = i8::try_from(1 + (n / 28) % 12).unwrap_or(1);
    let mut plan = Plan::new(date(2020 + i16::try_from(n % 6).unwrap_or(0), month, day));
    plan.client.name = format!("{} {}", CLIENT_NAMES[n % CLIENT_NAMES.len()], n % 300);
    plan.goals = "Low back pain after desk work; re-test side bending.".into();
    plan.steps = (0..5 + n % 16)
        .map(|i| Step {
            position: None,
            notes: "Work from the lateral border, slowly.".into(),
            ..Step::new(
                Muscle::ALL[(n + i) % Muscle::ALL.len()],
                Side::ALL[i % Side::ALL.len()],
                Technique::ALL[(n * 3 + i) % Technique::ALL.len()],
                Pressure::new(u8::try_from(1 + i % 5).unwrap_or(3)).unwrap_or_default(),
            )
        })
        .collect();
    plan
}

fn write_library(dir: &Path) {
    for n in 0..PLANS {
        if let Err(e) = save_new_plan(&plan_number(n), dir) {
            panic!("{e}");
        }
    }
}

/// The library to measure: `LIBRARY_BENCH_PLANS`, or 10,000 plans written
/// into a temporary folder (kept alive by the returned guard).
fn library_dir() -> (PathBuf, usize, Option<tempfile::TempDir>) {
    if let Some(dir) = std::env::var_os("LIBRARY_BENCH_PLANS") {
        let dir = PathBuf::from(dir);
        let count = massage_planner::store::plan_files_under(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .len();
        return (dir, count, None);
    }
    let temp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write_library(temp.path());
    (temp.path().to_path_buf(), PLANS, Some(temp))
}

fn library(c: &mut Criterion) {
    let (dir, count, _guard) = library_dir();
    let dir = dir.as_path();
    let plans = format!("{count} plans");
    let mut group = c.benchmark_group("library");
    group.sample_size(10);
    group.bench_function(format!("scan {plans}"), |b| {
        b.iter(|| Library::scan(black_box(dir)));
    });
    // The index cache: first open (no cache: read all, write the cache) and
    // every open after (stat only). Budget: warm under 100 ms.
    let cache_dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let cache = cache_dir.path().join("library.bin");
    group.bench_function(format!("cached scan {plans}, no cache yet"), |b| {
        b.iter(|| {
            let _ = std::fs::remove_file(&cache);
            Library::scan_with_cache(black_box(dir), &cache)
        });
    });
    // Files changed within 2 s of a scan are read again: let them age first.
    std::thread::sleep(std::time::Duration::from_secs(3));
    let _ = Library::scan_with_cache(dir, &cache);
    group.bench_function(format!("cached scan {plans}, warm"), |b| {
        b.iter(|| Library::scan_with_cache(black_box(dir), &cache));
    });
    // What the window does with a warm cache: shows the cached list at once
    // (the budget), then checks every file's size and time in the
    // background and finds nothing to correct.
    group.bench_function(
        format!("warm open {plans}: list shown from the cache"),
        |b| {
            b.iter(|| Library::from_cache(black_box(dir), &cache));
        },
    );
    group.bench_function(
        format!("warm open {plans}: checked, nothing changed"),
        |b| {
            b.iter(|| Library::check_with_cache(black_box(dir), &cache));
        },
    );
    group.bench_function(format!("read {plans} (baseline)"), |b| {
        b.iter(|| {
            for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                black_box(std::fs::read(entry.path()).ok());
            }
        });
    });
    group.finish();

    let library = Library::scan(dir).unwrap_or_else(|e| panic!("{e}"));
    // Search as you type: each keystroke filters and groups again.
    for query in ["m", "mar", "maria kel", "gluteus medius", "deep tissue"] {
        c.bench_function(&format!("search {query:?} over {plans}"), |b| {
            b.iter(|| library.groups(black_box(query)).len());
        });
    }

    let scratch = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let one = scratch.path().join("one.ron");
    let plan = plan_number(7);
    let _ = save_plan(&plan, &one, Overwrite::Always);
    c.bench_function("load one plan", |b| b.iter(|| load_plan(black_box(&one))));
    c.bench_function("save one plan (atomic, fsync)", |b| {
        b.iter(|| save_plan(black_box(&plan), &one, Overwrite::Always));
    });
}

fn hit_test(c: &mut Criterion) {
    let atlas = Atlas::builtin().view(ViewKind::Posterior);
    let points: Vec<Point> = (0..40)
        .flat_map(|i| (0..71).map(move |j| Point::new(i as f32 * 10.0, j as f32 * 10.0)))
        .collect();
    c.bench_function("hit test (2,840 points, posterior deep layer)", |b| {
        b.iter(|| {
            points
                .iter()
                .filter(|&&p| atlas.hit_test(Layer::Deep, black_box(p)).is_some())
                .count()
        });
    });
}

criterion_group!(benches, library, hit_test);
criterion_main!(benches);
