#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Every built-in screening rule: a test that it fires and one that it does
//! not (another side, another technique property, a condition that no
//! longer counts, a clearance).

use jiff::civil::{Date, date};
use massage_planner::model::{
    Acknowledgement, Clearance, ClientRecord, Condition, ConditionKind, Muscle, MuscleSide, Plan,
    Position, Pressure, Side, Step, Technique,
};
use massage_planner::screening::{self, Level, RuleSet, Warning, screen};

/// The plans here are all for this day.
const TODAY: Date = date(2026, 11, 25);

fn rules() -> RuleSet {
    RuleSet::builtin().expect("the built-in rules parse")
}

fn step(muscle: Muscle, side: Side, technique: Technique, pressure: u8) -> Step {
    Step::new(muscle, side, technique, Pressure::new(pressure).unwrap())
}

fn in_position(mut step: Step, position: Position) -> Step {
    step.position = Some(position);
    step
}

fn plan(steps: Vec<Step>) -> Plan {
    let mut plan = Plan::new(TODAY);
    plan.client.name = "Test Client".into();
    plan.steps = steps;
    plan
}

fn cond(kind: ConditionKind) -> Condition {
    Condition::new(kind)
}

fn sided(kind: ConditionKind, side: Side, place: &[Muscle]) -> Condition {
    Condition {
        side: Some(side),
        place: place.to_vec(),
        ..Condition::new(kind)
    }
}

fn dated(mut condition: Condition, days_ago: i64) -> Condition {
    condition.since = Some(TODAY.checked_sub(jiff::Span::new().days(days_ago)).unwrap());
    condition
}

fn client(conditions: Vec<Condition>) -> ClientRecord {
    let mut record = ClientRecord::new("Test Client", "");
    record.conditions = conditions;
    record
}

fn fired(plan: &Plan, client: &ClientRecord, rule: &str) -> Vec<Warning> {
    screen(plan, Some(client), &rules())
        .into_iter()
        .filter(|w| w.rule == rule)
        .collect()
}

/// The 0-based steps `rule` fires on.
fn steps_fired(plan: &Plan, client: &ClientRecord, rule: &str) -> Vec<usize> {
    fired(plan, client, rule)
        .iter()
        .filter_map(|w| w.step)
        .collect()
}

/// Fires once, for the whole plan, at `level`.
fn assert_whole_plan(plan: &Plan, client: &ClientRecord, rule: &str, level: Level) {
    let warnings = fired(plan, client, rule);
    assert_eq!(warnings.len(), 1, "{rule}: {warnings:?}");
    assert_eq!(warnings[0].step, None, "{rule}");
    assert_eq!(warnings[0].level, level, "{rule}");
}

fn gentle() -> Plan {
    plan(vec![step(
        Muscle::ErectorSpinae,
        Side::Both,
        Technique::Swedish,
        2,
    )])
}

/// Every rule shipped, so a new rule cannot come without its tests here.
const TESTED: [&str; 35] = [
    "cauda_equina",
    "red_flag_cancer",
    "red_flag_night_pain",
    "red_flag_first_episode_over_50",
    "red_flag_corticosteroids",
    "red_flag_immunosuppression",
    "fever_with_back_pain",
    "fever_or_infection",
    "dvt_signs",
    "dvt_signs_leg",
    "dvt_risk_legs",
    "fall_refer_out",
    "fall_site",
    "acute_injury_site",
    "heat_needs_sensation_and_skin",
    "reduced_sensation_pressure",
    "surgery_clearance",
    "surgery_site",
    "spine_surgery_site",
    "hip_surgery_site",
    "hip_replacement_precautions",
    "disc_lumbar_pressure",
    "disc_stretching",
    "disc_never_on_spine",
    "kidney_area_ql",
    "pregnancy_deep_work",
    "pregnancy_prone",
    "pregnancy_supine",
    "bleeding_or_fragile_bone",
    "fragile_bone_stretching",
    "varicose_veins_area",
    "sciatica_piriformis",
    "skin_condition",
    "client_avoid_area",
    "above_preferred_pressure",
];

#[test]
fn every_built_in_rule_is_in_this_file() {
    let rules = rules();
    let mut ids: Vec<&str> = rules.rules.iter().map(|r| r.id.as_str()).collect();
    ids.sort_unstable();
    let mut tested = TESTED.to_vec();
    tested.sort_unstable();
    assert_eq!(ids, tested);
}

#[test]
fn cauda_equina_signs_are_an_emergency_that_cannot_be_acknowledged() {
    for kind in [
        ConditionKind::SaddleNumbness,
        ConditionKind::BladderOrBowelLoss,
        ConditionKind::UrinaryRetention,
        ConditionKind::BilateralSciatica,
        ConditionKind::ProgressiveLegWeakness,
    ] {
        let record = client(vec![cond(kind)]);
        assert_whole_plan(&gentle(), &record, "cauda_equina", Level::Emergency);
        assert!(
            fired(&gentle(), &record, "cauda_equina")[0]
                .suggestion
                .contains("emergency department now")
        );
        // Not even with a clearance.
        let mut plan = gentle();
        let because = fired(&plan, &record, "cauda_equina")[0].because.clone();
        let mut ack = Acknowledgement::new("cauda_equina", None, &because, "seen");
        ack.clearance = Some(Clearance {
            by: "Dr. Weber".into(),
            date: TODAY,
            note: String::new(),
        });
        plan.acknowledged.push(ack);
        assert!(
            fired(&plan, &record, "cauda_equina")[0].is_open(),
            "{kind:?}"
        );
    }
    // One-sided sciatica is not an emergency.
    let record = client(vec![sided(ConditionKind::Sciatica, Side::Right, &[])]);
    assert!(fired(&gentle(), &record, "cauda_equina").is_empty());
}

#[test]
fn red_flags_refer_out_each_on_its_own() {
    for (kind, rule) in [
        (ConditionKind::HistoryOfCancer, "red_flag_cancer"),
        (ConditionKind::CancerWithWeightLoss, "red_flag_cancer"),
        (ConditionKind::NightOrRestPain, "red_flag_night_pain"),
        (
            ConditionKind::LongTermCorticosteroids,
            "red_flag_corticosteroids",
        ),
        (
            ConditionKind::Immunosuppression,
            "red_flag_immunosuppression",
        ),
        (ConditionKind::FeverWithBackPain, "fever_with_back_pain"),
        (ConditionKind::FeverOrInfection, "fever_or_infection"),
        (ConditionKind::DvtSigns, "dvt_signs"),
    ] {
        let record = client(vec![cond(kind)]);
        assert_whole_plan(&gentle(), &record, rule, Level::ReferOut);
        // Another condition does not fire it.
        let other = client(vec![cond(ConditionKind::HerniatedDisc)]);
        assert!(fired(&gentle(), &other, rule).is_empty(), "{rule}");
    }
}

#[test]
fn a_refer_out_is_acknowledged_only_with_a_clearance() {
    let record = client(vec![cond(ConditionKind::HistoryOfCancer)]);
    let mut plan = gentle();
    let because = fired(&plan, &record, "red_flag_cancer")[0].because.clone();
    plan.acknowledged.push(Acknowledgement::new(
        "red_flag_cancer",
        None,
        &because,
        "client says it is fine",
    ));
    assert!(fired(&plan, &record, "red_flag_cancer")[0].is_open());
    plan.acknowledged[0].clearance = Some(Clearance {
        by: " ".into(),
        date: TODAY,
        note: String::new(),
    });
    assert!(
        fired(&plan, &record, "red_flag_cancer")[0].is_open(),
        "nobody named"
    );
    plan.acknowledged[0].clearance = Some(Clearance {
        by: "Dr. Weber, oncologist".into(),
        date: date(2026, 11, 20),
        note: "no metastases; gentle massage fine".into(),
    });
    let warning = &fired(&plan, &record, "red_flag_cancer")[0];
    assert!(!warning.is_open());
    let clearance = warning.clearance.as_ref().unwrap();
    assert_eq!(clearance.by, "Dr. Weber, oncologist");
    assert!(
        warning
            .to_string()
            .contains("cleared by Dr. Weber, oncologist on 2026-11-20")
    );
}

#[test]
fn a_first_episode_counts_from_fifty() {
    let mut record = client(vec![cond(ConditionKind::FirstEpisodeOfBackPain)]);
    record.birth_year = Some(1970);
    assert_whole_plan(
        &gentle(),
        &record,
        "red_flag_first_episode_over_50",
        Level::ReferOut,
    );
    record.birth_year = Some(1990);
    assert!(fired(&gentle(), &record, "red_flag_first_episode_over_50").is_empty());
    // Without a birth year the age cannot rule it out.
    record.birth_year = None;
    let warning = &fired(&gentle(), &record, "red_flag_first_episode_over_50")[0];
    assert!(
        warning.because.contains("age not recorded"),
        "{}",
        warning.because
    );
    // Over 50 without a first episode: nothing.
    let mut older = client(vec![]);
    older.birth_year = Some(1950);
    assert!(fired(&gentle(), &older, "red_flag_first_episode_over_50").is_empty());
}

#[test]
fn dvt_signs_keep_off_that_leg() {
    let record = client(vec![sided(ConditionKind::DvtSigns, Side::Left, &[])]);
    let plan = plan(vec![
        step(Muscle::Hamstrings, Side::Left, Technique::Swedish, 1),
        step(Muscle::Hamstrings, Side::Right, Technique::Swedish, 1),
        step(Muscle::Hamstrings, Side::Both, Technique::Swedish, 1),
        step(Muscle::GluteusMaximus, Side::Left, Technique::Swedish, 1),
    ]);
    assert_eq!(steps_fired(&plan, &record, "dvt_signs_leg"), [0, 2]);
    assert_eq!(
        fired(&plan, &record, "dvt_signs_leg")[0].level,
        Level::Avoid
    );
    let none = client(vec![cond(ConditionKind::DvtRisk)]);
    assert!(steps_fired(&plan, &none, "dvt_signs_leg").is_empty());
}

#[test]
fn dvt_risk_rules_out_deep_and_point_work_on_the_legs() {
    let record = client(vec![cond(ConditionKind::DvtRisk)]);
    let plan = plan(vec![
        step(Muscle::Hamstrings, Side::Both, Technique::Shiatsu, 2),
        step(Muscle::Hamstrings, Side::Both, Technique::Swedish, 3),
        step(Muscle::Hamstrings, Side::Left, Technique::Swedish, 4),
        step(Muscle::Hamstrings, Side::Left, Technique::Percussion, 2),
        step(Muscle::GluteusMedius, Side::Left, Technique::DeepTissue, 4),
    ]);
    assert_eq!(steps_fired(&plan, &record, "dvt_risk_legs"), [0, 2, 3]);
    assert!(steps_fired(&plan, &client(vec![]), "dvt_risk_legs").is_empty());
}

/// Aiko Tanaka: on apixaban, fell on her left hip 10 days ago.
fn fallen(days_ago: i64, with: Option<ConditionKind>) -> ClientRecord {
    let fall = dated(
        sided(
            ConditionKind::FallOrTrauma,
            Side::Left,
            &[Muscle::GluteusMaximus, Muscle::GluteusMedius],
        ),
        days_ago,
    );
    client(std::iter::once(fall).chain(with.map(cond)).collect())
}

#[test]
fn a_recent_fall_on_anticoagulants_or_with_pain_at_rest_refers_out() {
    for partner in [
        ConditionKind::Anticoagulants,
        ConditionKind::NightOrRestPain,
        ConditionKind::Osteoporosis,
    ] {
        assert_whole_plan(
            &gentle(),
            &fallen(10, Some(partner)),
            "fall_refer_out",
            Level::ReferOut,
        );
    }
    // The fall alone, or long past, does not.
    assert!(fired(&gentle(), &fallen(10, None), "fall_refer_out").is_empty());
    let long_ago = fallen(60, Some(ConditionKind::Anticoagulants));
    assert!(fired(&gentle(), &long_ago, "fall_refer_out").is_empty());
    // Anticoagulants alone do not either.
    let record = client(vec![cond(ConditionKind::Anticoagulants)]);
    assert!(fired(&gentle(), &record, "fall_refer_out").is_empty());
}

#[test]
fn the_place_of_a_fall_is_avoided_on_its_side() {
    let plan = plan(vec![
        step(Muscle::GluteusMaximus, Side::Both, Technique::Shiatsu, 3),
        step(Muscle::GluteusMaximus, Side::Left, Technique::Swedish, 1),
        step(Muscle::GluteusMaximus, Side::Right, Technique::Swedish, 3),
        step(Muscle::ErectorSpinae, Side::Left, Technique::Swedish, 3),
        step(Muscle::GluteusMedius, Side::Left, Technique::Stretching, 2),
    ]);
    let record = fallen(8, None);
    assert_eq!(steps_fired(&plan, &record, "fall_site"), [0, 1, 4]);
    assert_eq!(fired(&plan, &record, "fall_site")[0].level, Level::Avoid);
    assert!(steps_fired(&plan, &fallen(43, None), "fall_site").is_empty());
}

#[test]
fn an_acute_injury_is_left_alone_for_72_hours() {
    let injury = |days| {
        client(vec![dated(
            sided(
                ConditionKind::AcuteInjury,
                Side::Right,
                &[Muscle::Hamstrings],
            ),
            days,
        )])
    };
    let plan = plan(vec![
        step(
            Muscle::Hamstrings,
            Side::Right,
            Technique::HeatApplication,
            1,
        ),
        step(Muscle::Hamstrings, Side::Left, Technique::Swedish, 2),
    ]);
    assert_eq!(steps_fired(&plan, &injury(2), "acute_injury_site"), [0]);
    assert!(steps_fired(&plan, &injury(3), "acute_injury_site").is_empty());
}

#[test]
fn heat_needs_sensation_and_healthy_skin() {
    let plan = plan(vec![
        step(
            Muscle::ErectorSpinae,
            Side::Both,
            Technique::HeatApplication,
            1,
        ),
        step(Muscle::ErectorSpinae, Side::Both, Technique::Swedish, 2),
        step(
            Muscle::QuadratusLumborum,
            Side::Left,
            Technique::HeatApplication,
            1,
        ),
    ]);
    let numb = client(vec![cond(ConditionKind::ReducedSensation)]);
    assert_eq!(
        steps_fired(&plan, &numb, "heat_needs_sensation_and_skin"),
        [0, 2]
    );
    // Skin affected only over the left QL: heat elsewhere is fine.
    let skin = client(vec![sided(
        ConditionKind::SkinCondition,
        Side::Left,
        &[Muscle::QuadratusLumborum],
    )]);
    assert_eq!(
        steps_fired(&plan, &skin, "heat_needs_sensation_and_skin"),
        [2]
    );
    assert!(steps_fired(&plan, &client(vec![]), "heat_needs_sensation_and_skin").is_empty());
}

#[test]
fn reduced_sensation_limits_pressure() {
    let record = client(vec![sided(
        ConditionKind::ReducedSensation,
        Side::Right,
        &[],
    )]);
    let plan = plan(vec![
        step(Muscle::Hamstrings, Side::Right, Technique::TriggerPoint, 2),
        step(Muscle::Hamstrings, Side::Right, Technique::Swedish, 3),
        step(Muscle::Hamstrings, Side::Left, Technique::DeepTissue, 4),
    ]);
    assert_eq!(
        steps_fired(&plan, &record, "reduced_sensation_pressure"),
        [0]
    );
}

#[test]
fn spine_and_hip_surgery_need_clearance_within_the_precaution_period() {
    for kind in [
        ConditionKind::SpineSurgery,
        ConditionKind::HipSurgery,
        ConditionKind::TotalHipReplacement,
    ] {
        let recent = client(vec![dated(cond(kind), 30)]);
        assert_whole_plan(&gentle(), &recent, "surgery_clearance", Level::ReferOut);
        // After the default 12 weeks: no longer.
        let healed = client(vec![dated(cond(kind), 85)]);
        assert!(fired(&gentle(), &healed, "surgery_clearance").is_empty());
        // Unless the surgeon set a longer period.
        let mut longer = dated(cond(kind), 85);
        longer.weeks = Some(26);
        assert_whole_plan(
            &gentle(),
            &client(vec![longer]),
            "surgery_clearance",
            Level::ReferOut,
        );
    }
    let other = client(vec![dated(cond(ConditionKind::RecentSurgery), 30)]);
    assert!(fired(&gentle(), &other, "surgery_clearance").is_empty());
}

#[test]
fn the_site_of_other_surgery_is_avoided() {
    let record = client(vec![dated(
        sided(
            ConditionKind::RecentSurgery,
            Side::Left,
            &[Muscle::LatissimusDorsi],
        ),
        20,
    )]);
    let plan = plan(vec![
        step(Muscle::LatissimusDorsi, Side::Left, Technique::Swedish, 1),
        step(Muscle::LatissimusDorsi, Side::Right, Technique::Swedish, 1),
        step(Muscle::ErectorSpinae, Side::Left, Technique::Swedish, 1),
    ]);
    assert_eq!(steps_fired(&plan, &record, "surgery_site"), [0]);
}

#[test]
fn no_firm_work_over_an_operated_spine() {
    let record = client(vec![dated(cond(ConditionKind::SpineSurgery), 40)]);
    let plan = plan(vec![
        step(Muscle::ErectorSpinae, Side::Both, Technique::Swedish, 2),
        step(Muscle::ErectorSpinae, Side::Both, Technique::Shiatsu, 2),
        step(Muscle::Multifidus, Side::Left, Technique::Swedish, 3),
        step(Muscle::GluteusMedius, Side::Left, Technique::DeepTissue, 4),
    ]);
    assert_eq!(steps_fired(&plan, &record, "spine_surgery_site"), [1, 2]);
}

#[test]
fn no_firm_work_over_an_operated_hip_on_its_side() {
    let record = client(vec![dated(
        sided(ConditionKind::HipSurgery, Side::Right, &[]),
        40,
    )]);
    let plan = plan(vec![
        step(
            Muscle::GluteusMedius,
            Side::Right,
            Technique::TriggerPoint,
            2,
        ),
        step(
            Muscle::GluteusMedius,
            Side::Left,
            Technique::TriggerPoint,
            2,
        ),
        step(Muscle::GluteusMedius, Side::Right, Technique::Swedish, 2),
    ]);
    assert_eq!(steps_fired(&plan, &record, "hip_surgery_site"), [0]);
}

#[test]
fn a_new_hip_is_not_stretched_during_its_precautions() {
    let hip = |days| {
        client(vec![dated(
            sided(ConditionKind::TotalHipReplacement, Side::Left, &[]),
            days,
        )])
    };
    let plan = plan(vec![
        step(Muscle::Piriformis, Side::Left, Technique::Stretching, 2),
        step(Muscle::Piriformis, Side::Right, Technique::Stretching, 2),
        step(Muscle::Piriformis, Side::Left, Technique::Swedish, 2),
        step(Muscle::Hamstrings, Side::Both, Technique::Sports, 2),
    ]);
    assert_eq!(
        steps_fired(&plan, &hip(40), "hip_replacement_precautions"),
        [0, 3]
    );
    assert!(steps_fired(&plan, &hip(90), "hip_replacement_precautions").is_empty());
}

fn maria() -> ClientRecord {
    let mut disc = cond(ConditionKind::HerniatedDisc);
    disc.detail = "L4-L5".into();
    client(vec![disc])
}

#[test]
fn a_disc_adjusts_point_and_deep_work_beside_the_spine_and_names_its_level() {
    let plan = plan(vec![
        step(Muscle::ErectorSpinae, Side::Both, Technique::Shiatsu, 3),
        step(Muscle::ErectorSpinae, Side::Both, Technique::Swedish, 3),
        step(Muscle::Multifidus, Side::Left, Technique::Swedish, 4),
        step(Muscle::GluteusMedius, Side::Right, Technique::DeepTissue, 4),
    ]);
    assert_eq!(steps_fired(&plan, &maria(), "disc_lumbar_pressure"), [0, 2]);
    let warning = &fired(&plan, &maria(), "disc_lumbar_pressure")[0];
    assert_eq!(warning.level, Level::Adjust);
    assert!(warning.reason.contains("L4-L5"), "{}", warning.reason);
    assert!(warning.suggestion.contains("beside the spine, never on it"));
    assert!(steps_fired(&plan, &client(vec![]), "disc_lumbar_pressure").is_empty());
    // Without a level the text says so rather than leaving a gap.
    let unknown = client(vec![cond(ConditionKind::HerniatedDisc)]);
    assert!(
        fired(&plan, &unknown, "disc_lumbar_pressure")[0]
            .reason
            .contains("not recorded")
    );
}

#[test]
fn a_disc_adjusts_stretching_and_is_noted_once() {
    let plan = plan(vec![
        step(Muscle::Piriformis, Side::Right, Technique::Stretching, 2),
        step(
            Muscle::Piriformis,
            Side::Right,
            Technique::MyofascialRelease,
            2,
        ),
    ]);
    assert_eq!(steps_fired(&plan, &maria(), "disc_stretching"), [0]);
    assert_whole_plan(&plan, &maria(), "disc_never_on_spine", Level::Note);
    let other = client(vec![cond(ConditionKind::Pregnancy)]);
    assert!(steps_fired(&plan, &other, "disc_stretching").is_empty());
    assert!(fired(&plan, &other, "disc_never_on_spine").is_empty());
}

#[test]
fn the_kidney_area_is_a_note_on_deep_or_point_ql_work() {
    let plan = plan(vec![
        step(
            Muscle::QuadratusLumborum,
            Side::Right,
            Technique::Swedish,
            4,
        ),
        step(
            Muscle::QuadratusLumborum,
            Side::Left,
            Technique::TriggerPoint,
            2,
        ),
        step(
            Muscle::QuadratusLumborum,
            Side::Left,
            Technique::Percussion,
            2,
        ),
        step(Muscle::QuadratusLumborum, Side::Left, Technique::Swedish, 3),
        step(Muscle::GluteusMedius, Side::Left, Technique::DeepTissue, 5),
    ]);
    let record = client(vec![]);
    assert_eq!(steps_fired(&plan, &record, "kidney_area_ql"), [0, 1, 2]);
    assert_eq!(
        fired(&plan, &record, "kidney_area_ql")[0].level,
        Level::Note
    );
}

fn pregnant(weeks: i64) -> ClientRecord {
    client(vec![dated(cond(ConditionKind::Pregnancy), weeks * 7)])
}

#[test]
fn pregnancy_adjusts_deep_point_and_percussive_work() {
    let plan = plan(vec![
        step(Muscle::GluteusMedius, Side::Right, Technique::Shiatsu, 3),
        step(Muscle::GluteusMedius, Side::Right, Technique::Swedish, 3),
        step(Muscle::Hamstrings, Side::Both, Technique::Swedish, 4),
    ]);
    assert_eq!(
        steps_fired(&plan, &pregnant(22), "pregnancy_deep_work"),
        [0, 2]
    );
    assert!(steps_fired(&plan, &client(vec![]), "pregnancy_deep_work").is_empty());
}

#[test]
fn pregnancy_looks_at_the_position() {
    let back = step(Muscle::ErectorSpinae, Side::Both, Technique::Swedish, 2);
    let plan = plan(vec![
        in_position(back.clone(), Position::Prone),
        in_position(back.clone(), Position::SideLyingLeft),
        in_position(back.clone(), Position::Supine),
        back,
    ]);
    assert_eq!(steps_fired(&plan, &pregnant(22), "pregnancy_prone"), [0]);
    assert_eq!(steps_fired(&plan, &pregnant(22), "pregnancy_supine"), [2]);
    // First trimester: prone and supine are fine.
    assert!(steps_fired(&plan, &pregnant(10), "pregnancy_prone").is_empty());
    // Week 16: prone not, supine still fine.
    assert_eq!(steps_fired(&plan, &pregnant(16), "pregnancy_prone"), [0]);
    assert!(steps_fired(&plan, &pregnant(16), "pregnancy_supine").is_empty());
    // Undated: the week cannot rule it out.
    let undated = client(vec![cond(ConditionKind::Pregnancy)]);
    assert_eq!(steps_fired(&plan, &undated, "pregnancy_prone"), [0]);
}

#[test]
fn anticoagulants_and_fragile_bone_limit_point_pressure() {
    let plan = plan(vec![
        step(Muscle::GluteusMaximus, Side::Both, Technique::Shiatsu, 3),
        step(Muscle::LatissimusDorsi, Side::Both, Technique::Swedish, 3),
        step(Muscle::LatissimusDorsi, Side::Left, Technique::Swedish, 4),
    ]);
    for kind in [
        ConditionKind::Anticoagulants,
        ConditionKind::Osteoporosis,
        ConditionKind::LongTermCorticosteroids,
    ] {
        let record = client(vec![cond(kind)]);
        assert_eq!(
            steps_fired(&plan, &record, "bleeding_or_fragile_bone"),
            [0, 2],
            "{kind:?}"
        );
    }
    let other = client(vec![cond(ConditionKind::VaricoseVeins)]);
    assert!(steps_fired(&plan, &other, "bleeding_or_fragile_bone").is_empty());
}

#[test]
fn fragile_bone_is_stretched_gently() {
    let plan = plan(vec![
        step(Muscle::Piriformis, Side::Left, Technique::Stretching, 2),
        step(Muscle::Piriformis, Side::Left, Technique::Swedish, 2),
    ]);
    let record = client(vec![cond(ConditionKind::Osteoporosis)]);
    assert_eq!(steps_fired(&plan, &record, "fragile_bone_stretching"), [0]);
    let bleeding = client(vec![cond(ConditionKind::Anticoagulants)]);
    assert!(steps_fired(&plan, &bleeding, "fragile_bone_stretching").is_empty());
}

#[test]
fn varicose_veins_flag_any_pressure_on_the_marked_leg() {
    let plan = plan(vec![
        step(Muscle::Hamstrings, Side::Both, Technique::Swedish, 2),
        step(Muscle::Hamstrings, Side::Right, Technique::Swedish, 2),
        step(Muscle::Hamstrings, Side::Left, Technique::Swedish, 1),
        step(Muscle::GluteusMaximus, Side::Left, Technique::Swedish, 2),
    ]);
    let jonas = client(vec![sided(
        ConditionKind::VaricoseVeins,
        Side::Left,
        &[Muscle::Hamstrings],
    )]);
    assert_eq!(steps_fired(&plan, &jonas, "varicose_veins_area"), [0, 2]);
    assert_eq!(
        fired(&plan, &jonas, "varicose_veins_area")[0].level,
        Level::Avoid
    );
    // No place recorded: the back of the thigh, on both legs.
    let unplaced = client(vec![cond(ConditionKind::VaricoseVeins)]);
    assert_eq!(
        steps_fired(&plan, &unplaced, "varicose_veins_area"),
        [0, 1, 2]
    );
}

#[test]
fn sciatica_fires_only_on_its_side() {
    let record = client(vec![sided(ConditionKind::Sciatica, Side::Right, &[])]);
    let plan = plan(vec![
        step(Muscle::GluteusMedius, Side::Left, Technique::DeepTissue, 4),
        step(Muscle::GluteusMedius, Side::Right, Technique::DeepTissue, 4),
        step(Muscle::Piriformis, Side::Both, Technique::Shiatsu, 3),
        step(Muscle::Piriformis, Side::Right, Technique::Stretching, 3),
        step(Muscle::Hamstrings, Side::Right, Technique::Swedish, 5),
    ]);
    assert_eq!(
        steps_fired(&plan, &record, "sciatica_piriformis"),
        [1, 2, 4]
    );
    // Without a side: both sides.
    let unsided = client(vec![cond(ConditionKind::Sciatica)]);
    assert_eq!(
        steps_fired(&plan, &unsided, "sciatica_piriformis"),
        [0, 1, 2, 4]
    );
}

#[test]
fn skin_conditions_are_noted() {
    let record = client(vec![cond(ConditionKind::SkinCondition)]);
    assert_whole_plan(&gentle(), &record, "skin_condition", Level::Note);
    assert!(fired(&gentle(), &client(vec![]), "skin_condition").is_empty());
}

#[test]
fn an_acknowledgement_holds_while_the_conditions_it_was_made_on_do() {
    let mut record = maria();
    let mut plan = plan(vec![step(
        Muscle::ErectorSpinae,
        Side::Both,
        Technique::DeepTissue,
        4,
    )]);
    let warning = fired(&plan, &record, "disc_lumbar_pressure").remove(0);
    plan.acknowledged.push(Acknowledgement::new(
        &warning.rule,
        warning.region,
        &warning.because,
        "physio agrees, pressure 3 at most",
    ));
    assert!(!fired(&plan, &record, "disc_lumbar_pressure")[0].is_open());

    // Next week, same record: still decided.
    let next = screening::next_session(&plan, date(2026, 12, 2), Some(&record), &rules());
    assert_eq!(next.acknowledged.len(), 1);
    assert!(!fired(&next, &record, "disc_lumbar_pressure")[0].is_open());

    // The disc level changes: the therapist decides again.
    record.conditions[0].detail = "L4-L5 and L5-S1".into();
    assert!(fired(&plan, &record, "disc_lumbar_pressure")[0].is_open());
    let next = screening::next_session(&plan, date(2026, 12, 2), Some(&record), &rules());
    assert!(next.acknowledged.is_empty());
}

#[test]
fn format_2_acknowledgements_hold_in_their_plan_but_are_not_carried_over() {
    let record = maria();
    let mut plan = plan(vec![step(
        Muscle::ErectorSpinae,
        Side::Both,
        Technique::DeepTissue,
        4,
    )]);
    let mut old = Acknowledgement::new(
        "disc_lumbar_pressure",
        Some(MuscleSide::new(Muscle::ErectorSpinae, Side::Both)),
        "",
        "ok",
    );
    old.because = None;
    plan.acknowledged.push(old);
    assert!(!fired(&plan, &record, "disc_lumbar_pressure")[0].is_open());
    assert!(plan.next_session(date(2026, 12, 2)).acknowledged.is_empty());
}

#[test]
fn a_cleared_refer_out_carries_over_to_the_next_session() {
    let record = client(vec![dated(cond(ConditionKind::HipSurgery), 30)]);
    let mut plan = gentle();
    let because = fired(&plan, &record, "surgery_clearance")[0]
        .because
        .clone();
    let mut ack = Acknowledgement::new("surgery_clearance", None, &because, "");
    ack.clearance = Some(Clearance {
        by: "Dr. Roth, surgeon".into(),
        date: date(2026, 11, 20),
        note: "massage around the hip allowed".into(),
    });
    plan.acknowledged.push(ack);
    let next = screening::next_session(&plan, date(2026, 12, 2), Some(&record), &rules());
    let warning = &fired(&next, &record, "surgery_clearance")[0];
    assert!(!warning.is_open());
    assert!(warning.clearance.is_some());
}
