//! A step may target one trigger point of its muscle: optional in the file
//! (old files load and write back byte for byte), checked on load.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use massage_planner::model::Muscle;
use massage_planner::store::{parse_plan, plan_to_ron};

fn data(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn maria() -> String {
    std::fs::read_to_string(data("plans/maria-keller-2026-11-18.ron")).unwrap()
}

#[test]
fn plans_without_a_trigger_point_write_back_byte_for_byte() {
    for name in [
        "plans/maria-keller-2026-11-18.ron",
        "plans/lea-fischer-2026-11-24.ron",
        "plans/jonas-lindqvist-2026-11-20.ron",
    ] {
        let text = std::fs::read_to_string(data(name)).unwrap();
        let plan = parse_plan(text.as_bytes(), &data(name)).unwrap();
        assert!(plan.steps.iter().all(|s| s.trigger_point.is_none()));
        assert_eq!(plan_to_ron(&plan).unwrap(), text, "{name}");
    }
}

#[test]
fn a_targeted_trigger_point_round_trips() {
    let text = maria();
    let mut plan = parse_plan(text.as_bytes(), Path::new("maria.ron")).unwrap();
    let ql = plan
        .steps
        .iter()
        .position(|s| s.muscle == Muscle::QuadratusLumborum)
        .unwrap();
    plan.steps[ql].trigger_point = Some("deep_lower".into());
    let written = plan_to_ron(&plan).unwrap();
    assert!(
        written.contains("trigger_point: Some(\"deep_lower\")"),
        "{written}"
    );
    let read = parse_plan(written.as_bytes(), Path::new("maria.ron")).unwrap();
    assert_eq!(read, plan);
    assert_eq!(plan_to_ron(&read).unwrap(), written);
}

#[test]
fn a_trigger_point_the_muscle_does_not_have_is_refused_in_plain_words() {
    let text = maria();
    let plan = parse_plan(text.as_bytes(), Path::new("maria.ron")).unwrap();
    let ql = plan
        .steps
        .iter()
        .position(|s| s.muscle == Muscle::QuadratusLumborum)
        .unwrap();
    let mut bad = plan.clone();
    bad.steps[ql].trigger_point = Some("trp9".into());
    let written = plan_to_ron(&bad).unwrap();
    let err = parse_plan(written.as_bytes(), Path::new("bad.ron")).unwrap_err();
    let message = err.to_string();
    assert!(message.starts_with("bad.ron:"), "{message}");
    assert!(message.contains(&format!("step {}", ql + 1)), "{message}");
    assert!(message.contains("\"trp9\""), "{message}");
    assert!(
        message.contains("deep_lower"),
        "lists the muscle's points: {message}"
    );
    // A point of another muscle is refused the same way.
    let mut other = plan;
    other.steps[ql].trigger_point = Some("trp1".into());
    let written = plan_to_ron(&other).unwrap();
    assert!(parse_plan(written.as_bytes(), Path::new("bad.ron")).is_err());
}
