#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The client's position per step: how often the client turns, and the
//! order that turns them least.

use std::path::Path;

use jiff::civil::date;
use massage_planner::model::{
    Muscle, Plan, Position, Pressure, Side, Step, Technique, order_to_turn_less, position_changes,
};
use massage_planner::store;

fn step(muscle: Muscle, side: Side, position: Option<Position>) -> Step {
    let mut step = Step::new(muscle, side, Technique::Swedish, Pressure::MEDIUM);
    step.position = position;
    step
}

use Position::{Prone, SideLyingLeft as OnLeft, SideLyingRight as OnRight, Supine};

/// The old low-back template: QL left, QL right, gluteus medius left, right.
fn alternating() -> Vec<Step> {
    vec![
        step(Muscle::ErectorSpinae, Side::Both, Some(Prone)),
        step(Muscle::QuadratusLumborum, Side::Left, Some(OnRight)),
        step(Muscle::QuadratusLumborum, Side::Right, Some(OnLeft)),
        step(Muscle::GluteusMedius, Side::Left, Some(OnRight)),
        step(Muscle::GluteusMedius, Side::Right, Some(OnLeft)),
        step(Muscle::Hamstrings, Side::Both, Some(Prone)),
    ]
}

#[test]
fn changes_are_counted_between_consecutive_positions() {
    assert_eq!(position_changes(&alternating()), 5);
    assert_eq!(position_changes(&[]), 0);
    let same = vec![
        step(Muscle::ErectorSpinae, Side::Both, Some(Prone)),
        step(Muscle::Hamstrings, Side::Both, Some(Prone)),
    ];
    assert_eq!(position_changes(&same), 0);
}

#[test]
fn a_step_without_a_position_stays_where_the_client_lies() {
    let steps = vec![
        step(Muscle::ErectorSpinae, Side::Both, None),
        step(Muscle::QuadratusLumborum, Side::Left, Some(Prone)),
        step(Muscle::GluteusMedius, Side::Left, None),
        step(Muscle::Piriformis, Side::Left, Some(Supine)),
    ];
    assert_eq!(position_changes(&steps), 1);
    assert_eq!(order_to_turn_less(&steps), [0, 1, 2, 3]);
}

#[test]
fn reordering_visits_each_position_once_keeping_the_order_within_it() {
    let steps = alternating();
    let order = order_to_turn_less(&steps);
    assert_eq!(order, [0, 5, 1, 3, 2, 4]);
    let reordered: Vec<Step> = order.iter().map(|&i| steps[i].clone()).collect();
    assert_eq!(position_changes(&reordered), 2);
    // Already the fewest: nothing moves.
    assert_eq!(order_to_turn_less(&reordered), [0, 1, 2, 3, 4, 5]);
    let mut plan = Plan::new(date(2026, 11, 25));
    plan.steps = steps;
    assert_eq!(plan.position_changes(), 5);
    assert_eq!(plan.steps_turned_less(), reordered);
}

#[test]
fn maria_turns_five_times_in_her_plan_of_18_november_and_twice_reordered() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/maria-keller-2026-11-18.ron");
    let mut plan = store::load_plan(&path).unwrap();
    assert_eq!(plan.position_changes(), 5);
    plan.steps = plan.steps_turned_less();
    assert_eq!(plan.position_changes(), 3);
}

#[test]
fn positions_are_saved_and_plain_plans_stay_compact() {
    let mut plan = Plan::new(date(2026, 11, 25));
    plan.client.name = "Ada Lind".into();
    plan.steps = vec![
        step(Muscle::ErectorSpinae, Side::Both, Some(OnLeft)),
        step(Muscle::Hamstrings, Side::Both, None),
    ];
    let text = store::plan_to_ron(&plan).unwrap();
    assert!(text.contains("position: Some(SideLyingLeft)"), "{text}");
    assert_eq!(text.matches("position").count(), 1, "{text}");
    assert!(text.contains("format: 3"));
    let back = store::parse_plan(text.as_bytes(), Path::new("x.ron")).unwrap();
    assert_eq!(back, plan);
}

#[test]
fn format_2_plans_load_and_newer_ones_are_refused() {
    let old = r#"(format: 2, client: (name: "Ada"), date: "2026-11-01",
        steps: [(muscle: piriformis, side: Left, technique: Stretching, minutes: 5)],
        acknowledged: [(rule: "kidney_area_ql", muscle: Some(quadratus_lumborum), side: Some(Left))])"#;
    let plan = store::parse_plan(old.as_bytes(), Path::new("old.ron")).unwrap();
    assert_eq!(plan.format, massage_planner::model::FORMAT_VERSION);
    assert_eq!(plan.steps[0].position, None);
    assert_eq!(plan.acknowledged[0].because, None);
    let newer = r#"(format: 4, client: (name: "Ada"), date: "2026-11-01")"#;
    let error = store::parse_plan(newer.as_bytes(), Path::new("new.ron")).unwrap_err();
    assert!(error.to_string().contains("new.ron"), "{error}");
    assert!(
        matches!(error.problem, store::Problem::NewerFormat { found: 4, .. }),
        "{error}"
    );
    // A field this version does not know: still refused as newer, not for
    // the field (the plan is parsed once; the version only when that fails).
    let newer = r#"(format: 4, client: (name: "Ada"), date: "2026-11-01", room: "2")"#;
    let error = store::parse_plan(newer.as_bytes(), Path::new("new.ron")).unwrap_err();
    assert!(
        matches!(error.problem, store::Problem::NewerFormat { found: 4, .. }),
        "{error}"
    );
    // The same unknown field in a current file is reported as such.
    let current = r#"(client: (name: "Ada"), date: "2026-11-01", room: "2")"#;
    let error = store::parse_plan(current.as_bytes(), Path::new("now.ron")).unwrap_err();
    assert!(
        matches!(error.problem, store::Problem::Syntax(_)),
        "{error}"
    );
}

#[test]
fn format_1_client_records_load_and_newer_ones_are_refused() {
    let old = r#"(format: 1, name: "Ada", conditions: [(kind: Sciatica, detail: "right")])"#;
    let record = store::parse_client_record(old.as_bytes(), Path::new("ada.ron")).unwrap();
    assert_eq!(record.conditions[0].side, None);
    assert_eq!(record.birth_year, None);
    let newer = r#"(format: 3, name: "Ada")"#;
    assert!(store::parse_client_record(newer.as_bytes(), Path::new("ada.ron")).is_err());
}
