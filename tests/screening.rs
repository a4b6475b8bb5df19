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
fn red_flags_refer_out_for_the_whole_plan() {
    let plan = plan_with(&[GENTLE]);
    for kind in [
        ConditionKind::BladderOrBowelLoss,
        ConditionKind::SaddleNumbness,
        ConditionKind::ProgressiveLegWeakness,
        ConditionKind::CancerWithWeightLoss,
    ] {
        let client = client_with(&[kind]);
        let warnings = fired(&plan, Some(&client), "red_flags");
        assert_eq!(warnings.len(), 1, "{kind:?}");
        assert_eq!(warnings[0].level, Level::ReferOut);
        assert_eq!(warnings[0].step, None);
        assert!(warnings[0].because.contains(kind.name()));
    }
    // Even an empty plan is refused: the client needs a physician first.
    let empty = plan_with(&[]);
    let client = client_with(&[ConditionKind::SaddleNumbness]);
    assert_eq!(fired(&empty, Some(&client), "red_flags").len(), 1);
    // Other conditions are not red flags.
    let client = client_with(&[ConditionKind::HerniatedDisc, ConditionKind::Sciatica]);
    assert!(fired(&plan, Some(&client), "red_flags").is_empty());
    assert!(fired(&plan, None, "red_flags").is_empty());
}

#[test]
fn fever_refers_out() {
    let plan = plan_with(&[GENTLE]);
    let client = client_with(&[ConditionKind::FeverOrInfection]);
    assert_eq!(
        fired(&plan, Some(&client), "fever_or_infection")[0].level,
        Level::ReferOut
    );
    assert!(fired(&plan, Some(&client_with(&[])), "fever_or_infection").is_empty());
}

#[test]
fn herniated_disc_avoids_deep_work_beside_the_lumbar_spine() {
    let client = client_with(&[ConditionKind::HerniatedDisc]);
    let plan = plan_with(&[
        GENTLE,
        (Muscle::ErectorSpinae, Side::Both, Technique::Swedish, 4),
        (Muscle::Multifidus, Side::Left, Technique::TriggerPoint, 2),
        (
            Muscle::ThoracolumbarFascia,
            Side::Both,
            Technique::DeepTissue,
            3,
        ),
        // Deep work on the surrounding muscles is what the rule suggests.
        (Muscle::GluteusMedius, Side::Right, Technique::DeepTissue, 4),
        (
            Muscle::QuadratusLumborum,
            Side::Right,
            Technique::MyofascialRelease,
            3,
        ),
    ]);
    let steps: Vec<Option<usize>> = fired(&plan, Some(&client), "disc_deep_work_lumbar")
        .iter()
        .map(|w| w.step)
        .collect();
    assert_eq!(steps, [Some(1), Some(2), Some(3)]);
    let warning = &fired(&plan, Some(&client), "disc_deep_work_lumbar")[0];
    assert_eq!(warning.level, Level::Avoid);
    assert!(warning.suggestion.contains("surrounding muscles"));
    // Never on the disc: a note for the whole plan.
    let note = fired(&plan, Some(&client), "disc_never_on_spine");
    assert_eq!(note.len(), 1);
    assert_eq!(note[0].step, None);
    // Without the condition, nothing.
    assert!(fired(&plan, Some(&client_with(&[])), "disc_deep_work_lumbar").is_empty());
}

#[test]
fn deep_ql_work_is_adjusted_for_the_kidney_area() {
    let deep = plan_with(&[(
        Muscle::QuadratusLumborum,
        Side::Right,
        Technique::Swedish,
        4,
    )]);
    let warnings = fired(&deep, None, "kidney_area_ql");
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].level, Level::Adjust);
    assert_eq!(
        warnings[0].region,
        Some(MuscleSide::new(Muscle::QuadratusLumborum, Side::Right))
    );
    let trigger = plan_with(&[(
        Muscle::QuadratusLumborum,
        Side::Left,
        Technique::TriggerPoint,
        2,
    )]);
    assert_eq!(fired(&trigger, None, "kidney_area_ql").len(), 1);
    let gentle = plan_with(&[(Muscle::QuadratusLumborum, Side::Left, Technique::Swedish, 3)]);
    assert!(fired(&gentle, None, "kidney_area_ql").is_empty());
    let elsewhere = plan_with(&[(Muscle::GluteusMedius, Side::Left, Technique::DeepTissue, 5)]);
    assert!(fired(&elsewhere, None, "kidney_area_ql").is_empty());
}

#[test]
fn pregnancy_adjusts_deep_work_and_notes_positioning() {
    let client = client_with(&[ConditionKind::Pregnancy]);
    let plan = plan_with(&[
        GENTLE,
        (Muscle::GluteusMedius, Side::Right, Technique::DeepTissue, 3),
        (Muscle::Hamstrings, Side::Both, Technique::Swedish, 4),
    ]);
    let steps: Vec<Option<usize>> = fired(&plan, Some(&client), "pregnancy_deep_tissue")
        .iter()
        .map(|w| w.step)
        .collect();
    assert_eq!(steps, [Some(1), Some(2)]);
    assert_eq!(
        fired(&plan, Some(&client), "pregnancy_positioning").len(),
        1
    );
    let other = client_with(&[ConditionKind::Sciatica]);
    assert!(fired(&plan, Some(&other), "pregnancy_deep_tissue").is_empty());
    assert!(fired(&plan, Some(&other), "pregnancy_positioning").is_empty());
}

#[test]
fn anticoagulants_or_osteoporosis_limit_pressure_to_medium() {
    let plan = plan_with(&[
        (Muscle::LatissimusDorsi, Side::Both, Technique::Swedish, 3),
        (Muscle::LatissimusDorsi, Side::Left, Technique::Swedish, 4),
        (Muscle::GluteusMaximus, Side::Both, Technique::DeepTissue, 2),
    ]);
    for kind in [ConditionKind::Anticoagulants, ConditionKind::Osteoporosis] {
        let client = client_with(&[kind]);
        let steps: Vec<Option<usize>> = fired(&plan, Some(&client), "bleeding_or_fragile_bone")
            .iter()
            .map(|w| w.step)
            .collect();
        assert_eq!(steps, [Some(1), Some(2)], "{kind:?}");
    }
    let other = client_with(&[ConditionKind::VaricoseVeins]);
    assert!(fired(&plan, Some(&other), "bleeding_or_fragile_bone").is_empty());
}

#[test]
fn varicose_veins_avoid_pressure_on_the_thigh() {
    let client = client_with(&[ConditionKind::VaricoseVeins]);
    let firm = plan_with(&[(Muscle::Hamstrings, Side::Left, Technique::Swedish, 3)]);
    assert_eq!(
        fired(&firm, Some(&client), "varicose_veins_thigh")[0].level,
        Level::Avoid
    );
    let light = plan_with(&[(Muscle::Hamstrings, Side::Both, Technique::Swedish, 2)]);
    assert!(fired(&light, Some(&client), "varicose_veins_thigh").is_empty());
}

#[test]
fn sciatica_adjusts_deep_work_over_the_nerve() {
    let client = client_with(&[ConditionKind::Sciatica]);
    let plan = plan_with(&[
        (Muscle::Piriformis, Side::Right, Technique::TriggerPoint, 3),
        (Muscle::Hamstrings, Side::Right, Technique::Swedish, 5),
        (Muscle::Piriformis, Side::Left, Technique::Stretching, 3),
        (Muscle::ErectorSpinae, Side::Both, Technique::DeepTissue, 4),
    ]);
    let steps: Vec<Option<usize>> = fired(&plan, Some(&client), "sciatica_piriformis")
        .iter()
        .map(|w| w.step)
        .collect();
    assert_eq!(steps, [Some(0), Some(1)]);
}

#[test]
fn surgery_and_skin_conditions_are_noted() {
    let plan = plan_with(&[GENTLE]);
    for (kind, rule) in [
        (ConditionKind::RecentSurgery, "recent_surgery"),
        (ConditionKind::SkinCondition, "skin_condition"),
    ] {
        let client = client_with(&[kind]);
        assert_eq!(fired(&plan, Some(&client), rule)[0].level, Level::Note);
        assert!(fired(&plan, Some(&client_with(&[])), rule).is_empty());
    }
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
    plan.acknowledged.push(Acknowledgement {
        rule: "kidney_area_ql".into(),
        region: Some(MuscleSide::new(Muscle::QuadratusLumborum, Side::Right)),
        note: "angled away from the rib".into(),
    });
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
    let mut client = client_with(&[ConditionKind::HerniatedDisc, ConditionKind::SaddleNumbness]);
    client.pressure_preference = Some(Pressure::new(2).unwrap());
    let plan = plan_with(&[(Muscle::ErectorSpinae, Side::Both, Technique::DeepTissue, 4)]);
    let warnings = screen(&plan, Some(&client), &rules());
    let order: Vec<(Option<usize>, Level)> = warnings.iter().map(|w| (w.step, w.level)).collect();
    assert_eq!(
        order,
        [
            (None, Level::ReferOut),
            (None, Level::Note),
            (Some(0), Level::Avoid),
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
            .any(|w| w.rule == "kidney_area_ql" && w.is_open())
    );
    assert!(
        maria
            .iter()
            .any(|w| w.rule == "kidney_area_ql" && !w.is_open())
    );
    let lea = open("lea-fischer-2026-11-24.ron");
    assert!(lea.iter().any(|w| w.rule == "pregnancy_deep_tissue"));
    let aiko = open("aiko-tanaka-2026-11-23.ron");
    assert!(aiko.iter().any(|w| w.rule == "client_avoid_area"));
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
    assert!(fired(&plan, Some(&client), "disc_deep_work_lumbar").is_empty());
    for template in &templates {
        assert!(template.plan.total_minutes() <= u32::from(template.plan.session_minutes));
        assert!(!template.plan.steps.is_empty());
    }
    // The low-back template is screened too: deep QL work gets its warning.
    let low_back = &templates[0];
    assert!(!screen(&low_back.plan, None, &rules()).is_empty());
}
