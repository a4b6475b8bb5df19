//! Inputs that once made loading (or what the app does right after loading)
//! panic, hang or lose data; each must now load or fail cleanly.
//! The fuzz target is `fuzz/fuzz_targets/load_plan.rs` (see `fuzz/README.md`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::path::Path;

use massage_planner::model::Severity;
use massage_planner::store::{parse_plan, plan_to_ron};

/// Parses `text`, and when it loads checks what the fuzz target checks:
/// validation and the library summary do not panic, and the plan survives
/// being saved and loaded again, byte for byte.
fn load_like_the_fuzzer(text: &[u8]) -> Option<massage_planner::model::Plan> {
    let path = Path::new("fuzz.ron");
    let plan = parse_plan(text, path).ok()?;
    let _ = massage_planner::store::PlanSummary::of(&plan);
    let _ = plan.validate();
    let saved = plan_to_ron(&plan).expect("serialise");
    let again = parse_plan(saved.as_bytes(), path).expect("load back");
    assert_eq!(again, plan);
    assert_eq!(plan_to_ron(&again).expect("serialise again"), saved);
    Some(plan)
}

/// Found by reading `validate` while writing the fuzz target (the fuzzer's
/// inputs stay far below the ~40 KB this needs): 656 or more steps of
/// 65,535 minutes made `total * 100` overflow `u32`, a panic in debug builds
/// and a silently missing warning in release builds.
#[test]
fn huge_step_minutes_do_not_overflow_the_overrun_check() {
    let step = "(muscle: piriformis, side: Left, technique: Sports, minutes: 65535),";
    let text = format!(
        "(client: (name: \"Overflow\"), date: \"2026-01-01\", steps: [{}])",
        step.repeat(700)
    );
    let plan = load_like_the_fuzzer(text.as_bytes()).expect("loads");
    assert_eq!(plan.total_minutes(), 700 * 65_535);
    let findings = plan.validate();
    assert!(
        findings.iter().any(|f| f.severity == Severity::Warning
            && f.message.contains("more than the 60-minute session")),
        "{findings:#?}"
    );
}
