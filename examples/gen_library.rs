//! Writes a large, realistic plans library for benchmarks and trying the
//! app at a clinic's scale:
//!
//!     cargo run --release --example gen_library -- --plans DIR --count 10000
//!
//! Deterministic (a fixed pseudo-random sequence), so runs are comparable.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use jiff::civil::Date;
use massage_planner::model::{
    Client, FORMAT_VERSION, Muscle, Plan, Pressure, Side, Step, Technique,
};
use massage_planner::store;

#[derive(Parser)]
struct Args {
    /// Folder to fill (created if missing).
    #[arg(long)]
    plans: PathBuf,
    /// How many plans to write.
    #[arg(long, default_value_t = 10_000)]
    count: usize,
}

const FIRST: [&str; 20] = [
    "Anna", "Bo", "Carla", "Dev", "Elif", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Kemal",
    "Lena", "Mateo", "Nora", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tara",
];
const LAST: [&str; 20] = [
    "Berg", "Chen", "Diaz", "Eriksen", "Fischer", "Garcia", "Hansen", "Ito", "Jensen", "Keller",
    "Larsen", "Moreau", "Novak", "Okafor", "Petrov", "Quist", "Rossi", "Silva", "Tanaka", "Uddin",
];
const NOTES: [&str; 6] = [
    "Side-lying, work from the lateral border.",
    "Check for referral into the buttock.",
    "Client prefers slow strokes here.",
    "",
    "Hold each point 60-90 s.",
    "Stop if tingling into the leg.",
];
const GOALS: [&str; 4] = [
    "Chronic low back pain after long hours at the desk; reduce guarding and re-test side bending.",
    "Relaxation and stress relief.",
    "Recovery after a half marathon; hamstrings and glutes tight.",
    "Hip pain when climbing stairs; gluteus medius work and stretching.",
];

/// A small linear congruential generator: enough variety, no dependency.
struct Sequence(u64);

impl Sequence {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % below.max(1)
    }
}

fn plan(seq: &mut Sequence, index: usize) -> Option<Plan> {
    let client_number = seq.next(FIRST.len() * LAST.len() * 5);
    let name = format!(
        "{} {}{}",
        FIRST[client_number % FIRST.len()],
        LAST[(client_number / FIRST.len()) % LAST.len()],
        if client_number >= 400 {
            format!(" {}", client_number / 400)
        } else {
            String::new()
        }
    );
    let date = Date::new(
        2020 + i16::try_from(index % 7).ok()?,
        1 + i8::try_from(seq.next(12)).ok()?,
        1 + i8::try_from(seq.next(28)).ok()?,
    )
    .ok()?;
    let steps = (0..5 + seq.next(16))
        .map(|_| Step {
            muscle: Muscle::ALL[seq.next(Muscle::ALL.len())],
            side: Side::ALL[seq.next(Side::ALL.len())],
            technique: Technique::ALL[seq.next(Technique::ALL.len())],
            pressure: Pressure::new(1 + u8::try_from(seq.next(5)).unwrap_or(2)).unwrap_or_default(),
            minutes: 2 + u16::try_from(seq.next(10)).unwrap_or(3),
            notes: NOTES[seq.next(NOTES.len())].to_string(),
        })
        .collect();
    Some(Plan {
        format: FORMAT_VERSION,
        client: Client {
            name,
            id: format!("C-{client_number:04}"),
        },
        date,
        therapist: ["Sam Ortiz", "Lena Brandt", "Ade Okoro"][seq.next(3)].to_string(),
        session_minutes: [30, 45, 60, 75, 90][seq.next(5)],
        goals: GOALS[seq.next(GOALS.len())].to_string(),
        precautions: String::new(),
        self_care: String::new(),
        steps,
        ..Plan::new(date)
    })
}

fn main() -> ExitCode {
    let args = Args::parse();
    let mut seq = Sequence(42);
    for index in 0..args.count {
        let Some(plan) = plan(&mut seq, index) else {
            continue;
        };
        if let Err(e) = store::save_new_plan(&plan, &args.plans) {
            eprintln!("gen_library: {e}");
            return ExitCode::FAILURE;
        }
    }
    println!("wrote {} plans into {}", args.count, args.plans.display());
    ExitCode::SUCCESS
}
