//! How long a typical plan sheet takes to make, and how large it is.
//! Budget: under 50 ms (release) and under 300 KB for a 15-step plan.
//! Run with `cargo bench --bench sheet`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::civil::date;
use massage_planner::model::{Client, Muscle, Plan, Pressure, Side, Step, Technique};
use massage_planner::sheet::{Paper, SheetOptions, render_sheet};

/// A full, realistic plan: 15 steps, every technique, notes on most steps.
fn fifteen_step_plan() -> Plan {
    let mut plan = Plan::new(date(2026, 11, 25));
    plan.client = Client {
        name: "Maria Keller".to_owned(),
        id: "MK-0142".to_owned(),
    };
    plan.therapist = "Sam Ortiz".to_owned();
    plan.session_minutes = 90;
    plan.goals = "Chronic low back pain, right worse than left; sits over 8 h a day. \
                  Today: deeper work on QL and gluteus medius, then re-test side bending."
        .to_owned();
    plan.precautions =
        "No deep pressure under the 12th rib (kidney area). Never directly on the spine."
            .to_owned();
    plan.self_care = "Side-lying QL stretch, 3 x 30 s each side, twice a day.".to_owned();
    plan.steps = (0..15)
        .map(|i| Step {
            muscle: Muscle::ALL[i % Muscle::ALL.len()],
            side: Side::ALL[i % Side::ALL.len()],
            technique: Technique::ALL[i % Technique::ALL.len()],
            pressure: Pressure::new(1 + (i % 5) as u8).unwrap_or_default(),
            minutes: 4 + (i % 4) as u16,
            position: None,
            notes: if i % 3 == 2 {
                String::new()
            } else {
                "Slow strokes along the fibres; check in about pressure.".to_owned()
            },
            trigger_point: None,
        })
        .collect();
    plan
}

fn bench_sheet(c: &mut Criterion) {
    let plan = fifteen_step_plan();
    let options = SheetOptions {
        paper: Paper::A4,
        file_name: "maria-keller-2026-11-25.ron".to_owned(),
        ..SheetOptions::default()
    };
    if let Ok(pdf) = render_sheet(&plan, &options) {
        println!(
            "15-step sheet: {} bytes ({:.1} KB)",
            pdf.len(),
            pdf.len() as f64 / 1024.0
        );
    }
    c.bench_function("render_sheet 15 steps A4", |b| {
        b.iter(|| render_sheet(black_box(&plan), black_box(&options)))
    });
}

criterion_group!(benches, bench_sheet);
criterion_main!(benches);
