//! A large, realistic plans library for benchmarks and for trying the app at
//! a clinic's scale (`examples/gen_library.rs`). Deterministic: a fixed
//! pseudo-random sequence, so runs are comparable. Not part of the app.

use std::path::Path;

use jiff::civil::Date;

use crate::model::{Client, FORMAT_VERSION, Muscle, Plan, Pressure, Side, Step, Technique};
use crate::store::{self, FileError, Problem};

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
pub struct Sequence(u64);

impl Default for Sequence {
    /// The seed every benchmark uses, so runs are comparable.
    fn default() -> Self {
        Sequence(42)
    }
}

impl Sequence {
    pub fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % below.max(1)
    }
}

/// Plan number `index` of the sequence; `None` only if a date could not be made.
pub fn sample_plan(seq: &mut Sequence, index: usize) -> Option<Plan> {
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
            position: None,
            notes: NOTES[seq.next(NOTES.len())].to_string(),
            trigger_point: None,
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

/// Writes `count` plans into `dir` (created if missing) under their usual
/// file names; returns how many were written. The files are the ones the
/// app saves, written without its flush to disk per file: 100,000 flushes
/// would take most of an hour, and a benchmark library needs no crash safety.
pub fn write_sample_library(dir: &Path, count: usize) -> Result<usize, FileError> {
    std::fs::create_dir_all(dir).map_err(|e| FileError::new(dir, Problem::Write(e)))?;
    let mut seq = Sequence::default();
    let mut written = 0;
    for index in 0..count {
        let Some(plan) = sample_plan(&mut seq, index) else {
            continue;
        };
        let text = store::plan_to_ron(&plan)
            .map_err(|e| FileError::new(dir, Problem::Serialize(e.to_string())))?;
        let free = (1..=1000)
            .map(|attempt| dir.join(store::file_name_for(&plan, attempt)))
            .find(|path| !path.exists());
        let Some(path) = free else {
            return Err(FileError::new(dir, Problem::AlreadyExists));
        };
        std::fs::write(&path, text).map_err(|e| FileError::new(&path, Problem::Write(e)))?;
        written += 1;
    }
    Ok(written)
}
