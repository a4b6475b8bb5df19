//! Plan file bytes -> `parse_plan` (what `load_plan` does after reading the
//! file, which caps it at 1 MiB). It must never panic; and whatever parses
//! must survive the round trip: `plan_to_ron` then parsing again gives an
//! equal plan, and serialising that gives the very same text.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use massage_planner::screening::{RuleSet, screen};
use massage_planner::store::{MAX_PLAN_FILE_BYTES, PlanSummary, parse_plan, plan_to_ron};

fn builtin_rules() -> &'static RuleSet {
    static RULES: std::sync::OnceLock<RuleSet> = std::sync::OnceLock::new();
    RULES.get_or_init(|| RuleSet::builtin().unwrap_or_default())
}

fuzz_target!(|data: &[u8]| {
    if data.len() as u64 > MAX_PLAN_FILE_BYTES {
        // load_plan refuses these before parsing.
        return;
    }
    let path = Path::new("fuzz.ron");
    let Ok(plan) = parse_plan(data, path) else {
        return;
    };
    // What the app does next with a loaded plan: the library summary and the
    // checks shown in the editor must not panic either.
    let _ = PlanSummary::of(&plan);
    let _ = plan.validate();
    let _ = screen(&plan, None, builtin_rules());

    let text = match plan_to_ron(&plan) {
        Ok(text) => text,
        Err(e) => panic!("a loaded plan does not serialise: {e}\n{plan:#?}"),
    };
    let again = match parse_plan(text.as_bytes(), path) {
        Ok(again) => again,
        Err(e) => panic!("a saved plan does not load back: {e}\n{text}"),
    };
    assert_eq!(plan, again, "the plan changed on a save and load\n{text}");
    let text_again = match plan_to_ron(&again) {
        Ok(text) => text,
        Err(e) => panic!("a reloaded plan does not serialise: {e}\n{again:#?}"),
    };
    assert_eq!(
        text, text_again,
        "saving the same plan twice gave different text"
    );
});
