#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Safety screening: each built-in rule fires when it should and stays
//! quiet when it should not; client records and templates load.

use std::path::Path;

use jiff::civil::date;
use massage_planner::model::{
    Acknowledgement, ClientRecord, Condition, ConditionKind, Muscle, MuscleSide, Plan, Pressure,
    Side, Step, Technique,
};
use massage_planner::screening::{Level, RuleSet, Warning, screen};
use massage_planner::store;

fn rules() -> RuleSet {
    RuleSet::builtin().expect("the built-in rules parse")
}

fn plan_with(steps: &[(Muscle, Side, Technique, u8)]) -> Plan {
    let mut plan = Plan::new(date(2026, 11, 25));
    plan.client.name = "Test Client".into();
    for &(muscle, side, technique, pressure) in steps {
        plan.steps.push(Step::new(
            muscle,
            side,
            technique,
            Pressure::new(pressure).unwrap(),
        ));
    }
    plan
}

fn client_with(kinds: &[ConditionKind]) -> ClientRecord {
    let mut client = ClientRecord::new("Test Client", "");
    client.conditions = kinds.iter().map(|&k| Condition::new(k)).collect();
    client
}

fn fired(plan: &Plan, client: Option<&ClientRecord>, rule: &str) -> Vec<Warning> {
    screen(plan, client, &rules())
        .into_iter()
        .filter(|w| w.rule == rule)
        .collect()
}

const GENTLE: (Muscle, Side, Technique, u8) =
    (Muscle::ErectorSpinae, Side::Both, Technique::Swedish, 2);

#[test]
fn builtin_rules_have_unique_ids_reasons_and_suggestions() {
    let rules = rules();
    assert!(rules.rules.len() >= 10);
    for rule in &rules.rules {
        assert!(!rule.reason.is_empty(), "{}", rule.id);
        assert!(!rule.suggestion.is_empty(), "{}", rule.id);
    }
}

#[test]
fn a_plan_without_client_record_gets_only_the_always_rules() {
    let plan = plan_with(&[
        GENTLE,
        (
            Muscle::QuadratusLumborum,
            Side::Left,
            Technique::DeepTissue,
            4,
        ),
    ]);
    let warnings = screen(&plan, None, &rules());
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].rule, "kidney_area_ql");
}

#[test]
fn areas_to_avoid_are_avoided_on_their_side_only() {
    let mut client = client_with(&[]);
    client.avoid.push(MuscleSide {
        muscle: Muscle::GluteusMedius,
        side: Side::Left,
    });
    let plan = plan_with(&[
        (Muscle::GluteusMedius, Side::Left, Technique::Swedish, 1),
        (Muscle::GluteusMedius, Side::Right, Technique::Swedish, 1),
        (Muscle::GluteusMedius, Side::Both, Technique::Swedish, 1),
        (Muscle::Piriformis, Side::Left, Technique::Swedish, 1),
    ]);
    let warnings = fired(&plan, Some(&client), "client_avoid_area");
    let steps: Vec<Option<usize>> = warnings.iter().map(|w| w.step).collect();
    assert_eq!(steps, [Some(0), Some(2)]);
    assert_eq!(warnings[0].level, Level::Avoid);
    assert!(
        warnings[0].because.contains("Left gluteus medius"),
        "{}",
        warnings[0].because
    );
    assert!(fired(&plan, Some(&client_with(&[])), "client_avoid_area").is_empty());
    // The both-sides step is in conflict on the left only: the map rings that side.
    assert_eq!(
        warnings[1].at,
        Some(MuscleSide::new(Muscle::GluteusMedius, Side::Left))
    );
    assert_eq!(
        warnings[1].region,
        Some(MuscleSide::new(Muscle::GluteusMedius, Side::Both)),
        "acknowledged for the step as planned"
    );
}

#[test]
fn pressure_above_the_preference_is_noted() {
    let mut client = client_with(&[]);
    client.pressure_preference = Some(Pressure::new(3).unwrap());
    let plan = plan_with(&[
        (Muscle::Hamstrings, Side::Both, Technique::Swedish, 3),
        (Muscle::Hamstrings, Side::Left, Technique::Swedish, 4),
    ]);
    let warnings = fired(&plan, Some(&client), "above_preferred_pressure");
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].step, Some(1));
    assert_eq!(warnings[0].level, Level::Note);
    client.pressure_preference = None;
    assert!(fired(&plan, Some(&client), "above_preferred_pressure").is_empty());
}

#[test]
fn an_acknowledgement_matches_its_rule_and_region_only() {
    let mut plan = plan_with(&[
        (
            Muscle::QuadratusLumborum,
            Side::Left,
            Technique::DeepTissue,
            4,
        ),
        (
            Muscle::QuadratusLumborum,
            Side::Right,
            Technique::DeepTissue,
            4,
        ),
    ]);
    plan.acknowledged.push(Acknowledgement::new(
        "kidney_area_ql",
        Some(MuscleSide::new(Muscle::QuadratusLumborum, Side::Right)),
        "",
        "angled away from the rib",
    ));
    let warnings = fired(&plan, None, "kidney_area_ql");
    assert_eq!(warnings.len(), 2);
    assert!(warnings[0].is_open());
    assert_eq!(
        warnings[1].acknowledged.as_deref(),
        Some("angled away from the rib")
    );
    // Reordering the steps keeps the acknowledgement on its step.
    plan.steps.swap(0, 1);
    let warnings = fired(&plan, None, "kidney_area_ql");
    assert!(!warnings[0].is_open());
    assert!(warnings[1].is_open());
}

#[test]
fn warnings_come_whole_plan_first_then_by_step_most_serious_first() {
    let mut client = client_with(&[
        ConditionKind::HerniatedDisc,
        ConditionKind::SaddleNumbness,
        ConditionKind::HistoryOfCancer,
    ]);
    client.pressure_preference = Some(Pressure::new(2).unwrap());
    client.avoid.push(MuscleSide {
        muscle: Muscle::ErectorSpinae,
        side: Side::Left,
    });
    let plan = plan_with(&[(Muscle::ErectorSpinae, Side::Both, Technique::DeepTissue, 4)]);
    let warnings = screen(&plan, Some(&client), &rules());
    let order: Vec<(Option<usize>, Level)> = warnings.iter().map(|w| (w.step, w.level)).collect();
    assert_eq!(
        order,
        [
            (None, Level::Emergency),
            (None, Level::ReferOut),
            (None, Level::Note),
            (Some(0), Level::Avoid),
            (Some(0), Level::Adjust),
            (Some(0), Level::Note),
        ]
    );
}

#[test]
fn broken_rules_are_refused_with_a_reason() {
    let error = RuleSet::parse("(rules: [(id: \"a\", level: Loud)])").unwrap_err();
    assert!(error.to_string().starts_with("line 1"), "{error}");
    let duplicate = r#"(rules: [
        (id: "a", level: Note, when: Always, reason: "x"),
        (id: "a", level: Note, when: Always, reason: "y"),
    ])"#;
    assert!(
        RuleSet::parse(duplicate)
            .unwrap_err()
            .to_string()
            .contains("`a`")
    );
}

#[test]
fn a_plans_folder_may_bring_its_own_rules() {
    let dir = tempfile::tempdir().unwrap();
    let (rules, from) = store::load_screening_rules(dir.path()).unwrap();
    assert_eq!(rules, RuleSet::builtin().unwrap());
    assert_eq!(from, None);
    std::fs::write(
        dir.path().join(store::RULES_FILE_NAME),
        r#"(rules: [(id: "no_hamstrings", level: Avoid, when: Always,
            steps: Some((muscles: [hamstrings])), reason: "not today")])"#,
    )
    .unwrap();
    let (rules, from) = store::load_screening_rules(dir.path()).unwrap();
    assert_eq!(rules.rules.len(), 1);
    assert!(from.is_some());
    let plan = plan_with(&[(Muscle::Hamstrings, Side::Left, Technique::Swedish, 1)]);
    assert_eq!(screen(&plan, None, &rules)[0].rule, "no_hamstrings");
    // A broken file is an error naming it, not "no rules".
    std::fs::write(dir.path().join(store::RULES_FILE_NAME), "(rules: [").unwrap();
    let error = store::load_screening_rules(dir.path()).unwrap_err();
    assert!(error.to_string().contains("screening-rules.ron"), "{error}");
    // The rules file is not listed as a plan.
    let library = store::Library::scan(dir.path()).unwrap();
    assert_eq!(library.entries.len(), 0);
}

#[test]
fn client_records_save_load_and_stay_out_of_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let mut record = client_with(&[ConditionKind::HerniatedDisc]);
    record.conditions[0].detail = "L4-L5".into();
    record.conditions[0].since = Some(date(2025, 9, 10));
    record.pressure_preference = Some(Pressure::new(3).unwrap());
    record.avoid.push(MuscleSide {
        muscle: Muscle::Piriformis,
        side: Side::Right,
    });
    let path = store::save_client_record(dir.path(), &record).unwrap();
    assert_eq!(path, dir.path().join("clients").join("test-client.ron"));
    assert_eq!(
        store::find_client_record(dir.path(), "  Test Client ").unwrap(),
        Some(record.clone())
    );
    assert_eq!(
        store::find_client_record(dir.path(), "Someone Else").unwrap(),
        None
    );
    assert_eq!(store::Library::scan(dir.path()).unwrap().entries.len(), 0);
    // A record that does not load is an error, never "no conditions".
    std::fs::write(&path, "(name: \"Test Client\", conditions: [(kind: Flu)])").unwrap();
    let error = store::find_client_record(dir.path(), "Test Client").unwrap_err();
    assert!(error.to_string().contains("test-client.ron"), "{error}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        store::save_client_record(dir.path(), &record).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "client records are private: {mode:o}");
    }
}

#[test]
fn example_client_records_load_and_are_in_canonical_form() {
    let plans = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    let mut count = 0;
    for item in std::fs::read_dir(plans.join("clients")).unwrap() {
        let path = item.unwrap().path();
        let record = store::load_client_record(&path).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let written = store::save_client_record(dir.path(), &record).unwrap();
        assert_eq!(
            std::fs::read_to_string(&written).unwrap(),
            std::fs::read_to_string(&path).unwrap(),
            "{}",
            path.display()
        );
        count += 1;
    }
    assert!(count >= 3);
}

#[test]
fn the_example_plans_show_warnings_for_clients_with_conditions() {
    let plans = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    let rules = rules();
    let open = |file: &str| {
        let plan = store::load_plan(&plans.join(file)).unwrap();
        let client = store::find_client_record(&plans, &plan.client.name).unwrap();
        assert!(client.is_some(), "{file} has a client record");
        screen(&plan, client.as_ref(), &rules)
    };
    let maria = open("maria-keller-2026-11-18.ron");
    assert!(
        maria
            .iter()
            .any(|w| w.rule == "disc_stretching" && w.is_open())
    );
    assert!(
        maria
            .iter()
            .any(|w| w.rule == "kidney_area_ql" && !w.is_open())
    );
    let lea = open("lea-fischer-2026-11-24.ron");
    assert!(lea.iter().any(|w| w.rule == "pregnancy_deep_work"));
    // Her sciatica is on the right: the left gluteus medius is not flagged.
    assert!(
        lea.iter()
            .filter(|w| w.rule == "sciatica_piriformis")
            .all(|w| w.region.is_some_and(|r| r.side != Side::Left))
    );
    let aiko = open("aiko-tanaka-2026-11-23.ron");
    // A fall on anticoagulants: a physician first.
    assert!(
        aiko.iter()
            .any(|w| w.rule == "fall_refer_out" && w.level == Level::ReferOut)
    );
    // The bruised left hip is avoided, the right one is not.
    let bruise: Vec<Side> = aiko
        .iter()
        .filter(|w| w.rule == "fall_site")
        .filter_map(|w| w.at.map(|r| r.side))
        .collect();
    assert!(!bruise.is_empty());
    // Her steps are on both sides; the conflict, and the ring, is on the left.
    assert!(bruise.iter().all(|side| *side == Side::Left));
    let jonas = open("jonas-lindqvist-2026-11-20.ron");
    assert!(jonas.iter().any(|w| w.rule == "varicose_veins_area"));
}

#[test]
fn templates_load_and_are_screened_like_any_plan() {
    let templates = store::templates().unwrap();
    assert!(templates.len() >= 4);
    let disc = templates
        .iter()
        .find(|t| t.title.starts_with("Herniated disc"))
        .unwrap();
    let client = client_with(&[ConditionKind::HerniatedDisc]);
    let plan = disc.instantiate(
        massage_planner::model::Client {
            name: "Test Client".into(),
            id: String::new(),
        },
        date(2026, 11, 25),
    );
    assert_eq!(plan.date, date(2026, 11, 25));
    assert!(plan.validate().is_empty(), "{:?}", plan.validate());
    // The disc template keeps off the deep work the disc rule forbids.
    assert!(fired(&plan, Some(&client), "disc_lumbar_pressure").is_empty());
    assert!(fired(&plan, Some(&client), "disc_stretching").is_empty());
    for template in &templates {
        let plan = &template.plan;
        assert!(plan.total_minutes() <= u32::from(plan.session_minutes));
        assert!(!plan.steps.is_empty());
        // Every step has its position, and the client turns once at most.
        assert!(
            plan.steps.iter().all(|s| s.position.is_some()),
            "{}",
            template.title
        );
        // The order already turns the client as few times as possible.
        let mut positions: Vec<_> = plan.steps.iter().map(|s| s.position).collect();
        positions.sort_by_key(|p| format!("{p:?}"));
        positions.dedup();
        assert!(
            plan.position_changes() < positions.len().max(1),
            "{}",
            template.title
        );
        // Heat comes after the screening, never "while taking the history".
        assert!(
            plan.steps
                .iter()
                .all(|s| !s.notes.contains("while taking the history")),
            "{}",
            template.title
        );
    }
    assert!(!disc.plan.self_care.is_empty());
    assert!(disc.plan.precautions.contains("pillow under the abdomen"));
    assert!(disc.plan.precautions.contains("side-lying"));
    let last = disc.plan.steps.last().unwrap();
    assert!(last.notes.to_lowercase().contains("finishing"), "{last:?}");
    // The low-back template is screened too: its warnings are about the
    // client, not noise for everyone.
    let low_back = &templates[0];
    let anyone = screen(&low_back.plan, None, &rules());
    assert!(!anyone.is_empty());
    assert!(anyone.iter().all(|w| w.level == Level::Note), "{anyone:?}");
    let anticoagulated = client_with(&[ConditionKind::Anticoagulants]);
    assert!(
        !fired(
            &low_back.plan,
            Some(&anticoagulated),
            "bleeding_or_fragile_bone"
        )
        .is_empty()
    );
}
