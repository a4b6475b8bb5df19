//! Client record bytes -> `parse_client_record` (what the app does with
//! `clients/NAME.ron`). It must never panic, and a record that loads must
//! screen a plan that touches every muscle, technique and pressure without
//! panicking either.
#![no_main]

use std::path::Path;

use jiff::civil::date;
use libfuzzer_sys::fuzz_target;
use massage_planner::model::{Muscle, Plan, Pressure, Side, Step, Technique};
use massage_planner::screening::{RuleSet, screen};
use massage_planner::store::{MAX_PLAN_FILE_BYTES, parse_client_record};

fn every_step() -> &'static (Plan, RuleSet) {
    static PLAN: std::sync::OnceLock<(Plan, RuleSet)> = std::sync::OnceLock::new();
    PLAN.get_or_init(|| {
        let mut plan = Plan::new(date(2026, 11, 25));
        for (i, muscle) in Muscle::ALL.into_iter().enumerate() {
            for (j, technique) in Technique::ALL.into_iter().enumerate() {
                let pressure = Pressure::new(1 + ((i + j) % 5) as u8).unwrap_or_default();
                let side = Side::ALL[(i + j) % 3];
                plan.steps.push(Step::new(muscle, side, technique, pressure));
            }
        }
        (plan, RuleSet::builtin().unwrap_or_default())
    })
}

fuzz_target!(|data: &[u8]| {
    if data.len() as u64 > MAX_PLAN_FILE_BYTES {
        return;
    }
    let Ok(record) = parse_client_record(data, Path::new("fuzz-client.ron")) else {
        return;
    };
    let (plan, rules) = every_step();
    let _ = screen(plan, Some(&record), rules);
});
