//! A client's course: sessions from the library, the pain trend, the heat
//! map, and the home-care advice screened against the client's conditions.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::path::PathBuf;

use jiff::civil::{Date, date};
use massage_planner::course::{
    Course, CourseError, DateRange, HeatMap, HomeCare, PainTrend, Session, load_course,
};
use massage_planner::model::{
    ClientRecord, Condition, ConditionKind, Muscle, MuscleSide, Pain, PainLevel, Plan, Pressure,
    Side, Step, Technique,
};
use massage_planner::store::{self, Library};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn pain(level: u8) -> Pain {
    Pain {
        level: PainLevel::new(level).unwrap(),
        location: String::new(),
        drawing: Default::default(),
    }
}

fn step(muscle: Muscle, side: Side, pressure: u8, minutes: u16) -> Step {
    let mut step = Step::new(
        muscle,
        side,
        Technique::DeepTissue,
        Pressure::new(pressure).unwrap(),
    );
    step.minutes = minutes;
    step
}

fn plan(on: Date, before: Option<u8>, after: Option<u8>, steps: Vec<Step>) -> Plan {
    let mut plan = Plan::new(on);
    plan.client.name = "Maria Keller".into();
    plan.pain_before = before.map(pain);
    plan.pain_after = after.map(pain);
    plan.steps = steps;
    plan
}

/// Three sessions, given out of order: Sep 1 (right QL 10 min at 4, both
/// gluteus medius 8 min at 3), Sep 15 (right QL 6 min at 2), Oct 1 (left
/// piriformis 5 min at 5; pain after not asked).
fn maria() -> Course {
    let sessions = vec![
        plan(
            date(2026, 9, 15),
            Some(5),
            Some(3),
            vec![step(Muscle::QuadratusLumborum, Side::Right, 2, 6)],
        ),
        plan(
            date(2026, 9, 1),
            Some(7),
            Some(4),
            vec![
                step(Muscle::QuadratusLumborum, Side::Right, 4, 10),
                step(Muscle::GluteusMedius, Side::Both, 3, 8),
            ],
        ),
        plan(
            date(2026, 10, 1),
            Some(3),
            None,
            vec![step(Muscle::Piriformis, Side::Left, 5, 5)],
        ),
    ];
    let mut record = ClientRecord::new("Maria Keller", "");
    let mut injury = Condition::new(ConditionKind::AcuteInjury);
    injury.since = Some(date(2026, 9, 10));
    let mut disc = Condition::new(ConditionKind::HerniatedDisc);
    disc.since = Some(date(2025, 3, 1));
    record.conditions = vec![injury, disc, Condition::new(ConditionKind::Sciatica)];
    Course::from_sessions(
        sessions
            .into_iter()
            .enumerate()
            .map(|(i, plan)| Session {
                path: PathBuf::from(format!("plan-{i}.ron")),
                plan,
            })
            .collect(),
        Some(record),
    )
}

#[test]
fn sessions_come_oldest_first_with_their_minutes_and_steps() {
    let course = maria();
    let dates: Vec<Date> = course.sessions.iter().map(Session::date).collect();
    assert_eq!(
        dates,
        [date(2026, 9, 1), date(2026, 9, 15), date(2026, 10, 1)]
    );
    let minutes: Vec<u32> = course.sessions.iter().map(Session::minutes).collect();
    assert_eq!(minutes, [18, 6, 5]);
    assert_eq!(course.sessions[0].steps(), 2);
    assert_eq!(course.client, "Maria Keller");
    assert_eq!(course.last().unwrap().date(), date(2026, 10, 1));
}

#[test]
fn the_trend_has_pain_before_and_after_per_session_and_dated_intake_events() {
    let trend = PainTrend::of(&maria());
    let points: Vec<(Date, Option<u8>, Option<u8>)> = trend
        .points
        .iter()
        .map(|p| (p.date, p.before, p.after))
        .collect();
    assert_eq!(
        points,
        [
            (date(2026, 9, 1), Some(7), Some(4)),
            (date(2026, 9, 15), Some(5), Some(3)),
            (date(2026, 10, 1), Some(3), None),
        ]
    );
    assert_eq!(trend.points[0].relief(), Some(3));
    assert_eq!(trend.points[2].relief(), None);
    assert_eq!(trend.mean_before(), Some(5.0));
    assert_eq!(trend.mean_after(), Some(3.5));
    assert_eq!(trend.first_and_last_before(), Some((7, 3)));
    // The undated sciatica is not an event; the two dated ones are, oldest first.
    let events: Vec<Date> = trend.events.iter().map(|e| e.date).collect();
    assert_eq!(events, [date(2025, 3, 1), date(2026, 9, 10)]);
    assert!(trend.events[1].text.starts_with("Acute injury"));
}

#[test]
fn the_heat_map_sums_minutes_and_weights_pressure_by_time() {
    let heat = HeatMap::of(&maria(), DateRange::ALL);
    let right_ql = heat.get(MuscleSide::new(Muscle::QuadratusLumborum, Side::Right));
    assert_eq!(right_ql.seconds, 16 * 60);
    assert_eq!(right_ql.minutes(), 16.0);
    // (10 min × 4 + 6 min × 2) / 16 min
    assert_eq!(right_ql.mean_pressure(), Some(3.25));
    assert_eq!(right_ql.sessions, 2);
    // A step on both sides gives each side half its 8 minutes.
    for side in [Side::Left, Side::Right] {
        let glute = heat.get(MuscleSide::new(Muscle::GluteusMedius, side));
        assert_eq!(glute.minutes(), 4.0);
        assert_eq!(glute.mean_pressure(), Some(3.0));
    }
    let left_ql = heat.get(MuscleSide::new(Muscle::QuadratusLumborum, Side::Left));
    assert_eq!(left_ql.seconds, 0);
    assert_eq!(left_ql.mean_pressure(), None);
    assert_eq!(heat.max_minutes(), 16.0);
    assert_eq!(heat.sessions, 3);
    assert_eq!(
        heat.ranked()[0].0,
        MuscleSide::new(Muscle::QuadratusLumborum, Side::Right)
    );
}

#[test]
fn the_heat_map_keeps_to_its_date_range() {
    let heat = HeatMap::of(
        &maria(),
        DateRange::new(date(2026, 9, 10), date(2026, 9, 30)),
    );
    assert_eq!(heat.sessions, 1);
    let right_ql = heat.get(MuscleSide::new(Muscle::QuadratusLumborum, Side::Right));
    assert_eq!(right_ql.minutes(), 6.0);
    assert_eq!(right_ql.mean_pressure(), Some(2.0));
    assert_eq!(heat.cells.len(), 1);
}

#[test]
fn a_session_that_ran_counts_what_was_done() {
    use massage_planner::model::{Outcome, Seconds, SessionRecord, Soap, StepRecord};
    let mut ran = plan(
        date(2026, 9, 1),
        None,
        None,
        vec![
            step(Muscle::QuadratusLumborum, Side::Right, 4, 10),
            step(Muscle::Piriformis, Side::Right, 3, 5),
        ],
    );
    ran.record = Some(SessionRecord {
        started: date(2026, 9, 1).at(10, 0, 0, 0),
        ended: date(2026, 9, 1).at(10, 20, 0, 0),
        steps: vec![
            StepRecord {
                step: 1,
                seconds: Seconds::new(12 * 60),
                outcome: Outcome::Done,
                pressure: Some(Pressure::new(3).unwrap()),
                note: String::new(),
            },
            StepRecord {
                step: 2,
                seconds: Seconds::new(30),
                outcome: Outcome::Skipped,
                pressure: None,
                note: String::new(),
            },
        ],
        client_response: String::new(),
        soap: Soap::default(),
    });
    let course = Course::from_sessions(
        vec![Session {
            path: "ran.ron".into(),
            plan: ran,
        }],
        None,
    );
    let heat = HeatMap::of(&course, DateRange::ALL);
    let ql = heat.get(MuscleSide::new(Muscle::QuadratusLumborum, Side::Right));
    assert_eq!(ql.minutes(), 12.0);
    assert_eq!(ql.mean_pressure(), Some(3.0));
    assert_eq!(
        heat.get(MuscleSide::new(Muscle::Piriformis, Side::Right))
            .seconds,
        0
    );
    assert_eq!(course.sessions[0].minutes(), 13);
}

#[test]
fn a_course_is_read_from_the_library_by_client_name_as_list_matches_it() -> TestResult {
    let dir = tempfile::tempdir()?;
    let save = |p: &Plan, name: &str| {
        std::fs::write(dir.path().join(name), store::plan_to_ron(p).unwrap()).unwrap();
    };
    let course = maria();
    for (i, session) in course.sessions.iter().enumerate() {
        save(&session.plan, &format!("maria-{i}.ron"));
    }
    let mut other = plan(date(2026, 9, 2), None, None, vec![]);
    other.client.name = "Jonas Weber".into();
    save(&other, "jonas.ron");
    let mut namesake = plan(date(2026, 9, 3), None, None, vec![]);
    namesake.client.name = "Maria Kellermann".into();
    save(&namesake, "kellermann.ron");
    store::save_client_record(dir.path(), course.record.as_ref().unwrap())?;
    let library = Library::scan(dir.path())?;

    // Case ignored; a name that is exactly one client's wins over a longer one.
    let loaded = load_course(&library, dir.path(), "maria keller")?;
    assert_eq!(loaded.sessions.len(), 3);
    assert_eq!(loaded.first_date(), Some(date(2026, 9, 1)));
    assert_eq!(loaded.record.as_ref().unwrap().conditions.len(), 3);
    assert_eq!(load_course(&library, dir.path(), "jon")?.sessions.len(), 1);
    // A muscle name is not a client.
    assert!(matches!(
        load_course(&library, dir.path(), "piriformis"),
        Err(CourseError::NoMatch { .. })
    ));
    match load_course(&library, dir.path(), "maria") {
        Err(CourseError::SeveralClients { clients, .. }) => {
            assert_eq!(clients.len(), 2);
        }
        other => panic!("expected several clients, got {other:?}"),
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Home care.

fn home_care() -> &'static HomeCare {
    HomeCare::try_builtin().unwrap()
}

fn client_with(kind: ConditionKind, since: Option<Date>) -> ClientRecord {
    let mut record = ClientRecord::new("Maria Keller", "");
    let mut condition = Condition::new(kind);
    condition.since = since;
    record.conditions.push(condition);
    record
}

fn plan_on(muscles: &[Muscle]) -> Plan {
    plan(
        date(2026, 11, 20),
        None,
        None,
        muscles
            .iter()
            .map(|&m| step(m, Side::Right, 3, 5))
            .collect(),
    )
}

fn exercise_names(plan: &Plan, client: Option<&ClientRecord>) -> Vec<String> {
    home_care()
        .for_plan(plan, client)
        .items
        .iter()
        .map(|i| i.exercise.name.clone())
        .collect()
}

#[test]
fn every_muscle_of_every_atlas_view_has_an_exercise_with_steps_and_a_dose() {
    use massage_planner::atlas::{Atlas, ViewKind};
    for kind in ViewKind::ALL {
        for muscle in Atlas::builtin().view(kind).muscles() {
            let exercise = home_care()
                .exercises_for(muscle)
                .next()
                .unwrap_or_else(|| panic!("{} has no exercise", muscle.name()));
            assert!(exercise.steps.len() >= 2, "{}", exercise.name);
            assert!(!exercise.dose.trim().is_empty(), "{}", exercise.name);
        }
    }
}

#[test]
fn the_handout_names_each_muscle_once_with_its_exercise_and_the_advice() {
    let mut plan = plan_on(&[
        Muscle::QuadratusLumborum,
        Muscle::GluteusMedius,
        Muscle::Piriformis,
        Muscle::PsoasMajor,
        Muscle::Iliacus,
    ]);
    plan.steps
        .push(step(Muscle::QuadratusLumborum, Side::Left, 3, 5));
    plan.self_care = "Walk 20 minutes a day.".into();
    let care = home_care().for_plan(&plan, None);
    let names: Vec<&str> = care
        .items
        .iter()
        .map(|i| i.exercise.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Side-lying QL stretch",
            "Clamshells",
            "Figure-four stretch",
            "Half-kneeling hip flexor stretch"
        ]
    );
    assert_eq!(care.items[0].for_text(), "Quadratus lumborum, both sides");
    assert_eq!(care.items[3].for_text(), "Right psoas major; Right iliacus");
    assert!(care.heat.is_some());
    assert!(
        care.massage_gun
            .iter()
            .any(|l| l.contains("Turn it on before"))
    );
    assert_eq!(care.self_care, "Walk 20 minutes a day.");
    assert!(care.omissions.is_empty());
}

#[test]
fn after_a_hip_replacement_the_figure_four_stretch_is_replaced() {
    let plan = plan_on(&[Muscle::Piriformis, Muscle::GluteusMedius]);
    let client = client_with(ConditionKind::TotalHipReplacement, Some(date(2026, 10, 1)));
    let care = home_care().for_plan(&plan, Some(&client));
    let names: Vec<&str> = care
        .items
        .iter()
        .map(|i| i.exercise.name.as_str())
        .collect();
    assert_eq!(names, ["Buttock squeeze", "Clamshells"]);
    assert_eq!(care.omissions.len(), 1);
    let omission = &care.omissions[0];
    assert_eq!(omission.rule, "hip_precautions");
    assert_eq!(omission.left_out.as_deref(), Some("Figure-four stretch"));
    assert_eq!(omission.instead.as_deref(), Some("Buttock squeeze"));
    assert!(omission.note.contains("Figure-four stretch"));
}

#[test]
fn after_hip_surgery_the_hip_precautions_leave_out_the_outer_hip_stretch() {
    let plan = plan_on(&[Muscle::TensorFasciaeLatae]);
    let client = client_with(ConditionKind::HipSurgery, None);
    let care = home_care().for_plan(&plan, Some(&client));
    assert!(care.items.is_empty());
    assert_eq!(care.omissions[0].instead, None);
}

#[test]
fn hip_precautions_do_not_fire_without_hip_surgery_or_once_they_are_over() {
    let plan = plan_on(&[Muscle::Piriformis]);
    assert_eq!(exercise_names(&plan, None), ["Figure-four stretch"]);
    let sciatica = client_with(ConditionKind::Sciatica, None);
    assert_eq!(
        exercise_names(&plan, Some(&sciatica)),
        ["Figure-four stretch"]
    );
    // Twelve weeks after the operation the precautions are over.
    let long_ago = client_with(ConditionKind::TotalHipReplacement, Some(date(2025, 1, 10)));
    assert_eq!(
        exercise_names(&plan, Some(&long_ago)),
        ["Figure-four stretch"]
    );
}

#[test]
fn a_herniated_disc_rules_out_flexion() {
    let plan = plan_on(&[Muscle::ErectorSpinae, Muscle::ThoracolumbarFascia]);
    let client = client_with(ConditionKind::HerniatedDisc, None);
    let care = home_care().for_plan(&plan, Some(&client));
    let names: Vec<&str> = care
        .items
        .iter()
        .map(|i| i.exercise.name.as_str())
        .collect();
    assert_eq!(names, ["Bird dog", "Standing side reach"]);
    assert!(care.omissions.iter().all(|o| o.rule == "disc_no_flexion"));
    let left_out: Vec<_> = care
        .omissions
        .iter()
        .filter_map(|o| o.left_out.as_deref())
        .collect();
    // The fascia's first choice, the side reach, does not round the back.
    assert_eq!(left_out, ["Knee to chest"]);
}

#[test]
fn without_a_disc_herniation_flexion_stays() {
    let plan = plan_on(&[Muscle::ErectorSpinae]);
    let client = client_with(ConditionKind::Pregnancy, None);
    assert_eq!(exercise_names(&plan, Some(&client)), ["Knee to chest"]);
}

#[test]
fn osteoporosis_rules_out_twisting_and_spine_surgery_too_while_it_is_recent() {
    let plan = plan_on(&[Muscle::ExternalOblique]);
    assert_eq!(exercise_names(&plan, None), ["Standing side reach"]);
    // Standing side reach is listed first for the obliques; the twist is
    // their second: with osteoporosis it is never reached, and nothing is
    // left out.
    let osteoporosis = client_with(ConditionKind::Osteoporosis, None);
    let care = home_care().for_plan(&plan_on(&[Muscle::ErectorSpinae]), Some(&osteoporosis));
    assert_eq!(care.items[0].exercise.name, "Bird dog");
    assert_eq!(care.omissions[0].rule, "osteoporosis_no_flexion_or_twist");
    let surgery = client_with(ConditionKind::SpineSurgery, Some(date(2026, 11, 1)));
    let care = home_care().for_plan(&plan_on(&[Muscle::ErectorSpinae]), Some(&surgery));
    assert_eq!(care.omissions[0].rule, "spine_surgery_no_flexion_or_twist");
    let old_surgery = client_with(ConditionKind::SpineSurgery, Some(date(2024, 11, 1)));
    assert_eq!(
        exercise_names(&plan_on(&[Muscle::ErectorSpinae]), Some(&old_surgery)),
        ["Knee to chest"]
    );
}

#[test]
fn heat_is_left_out_with_reduced_sensation_or_an_acute_injury() {
    let plan = plan_on(&[Muscle::QuadratusLumborum]);
    let numb = client_with(ConditionKind::ReducedSensation, None);
    let care = home_care().for_plan(&plan, Some(&numb));
    assert_eq!(care.heat, None);
    assert_eq!(care.omissions[0].rule, "no_heat_reduced_sensation");
    let injured = client_with(ConditionKind::AcuteInjury, Some(date(2026, 11, 19)));
    let care = home_care().for_plan(&plan, Some(&injured));
    assert_eq!(care.heat, None);
    assert_eq!(care.omissions[0].rule, "no_heat_acute_injury");
}

#[test]
fn heat_stays_without_those_conditions_or_once_the_injury_is_old() {
    let plan = plan_on(&[Muscle::QuadratusLumborum]);
    assert!(home_care().for_plan(&plan, None).heat.is_some());
    let old_injury = client_with(ConditionKind::AcuteInjury, Some(date(2026, 11, 1)));
    let care = home_care().for_plan(&plan, Some(&old_injury));
    assert!(care.heat.is_some());
    assert!(care.omissions.is_empty());
    let varicose = client_with(ConditionKind::VaricoseVeins, None);
    assert!(home_care().for_plan(&plan, Some(&varicose)).heat.is_some());
}

#[test]
fn a_broken_home_care_file_says_what_is_missing() {
    let text =
        massage_planner::course::HOME_CARE_RON.replace("muscles: [adductors]", "muscles: []");
    let error = HomeCare::parse(&text).unwrap_err();
    assert!(error.to_string().contains("Adductors"), "{error}");
}

/// The fill of `region` in `kind`, and whether its drawing lies on the
/// viewer's left half.
fn fill_on(
    heat: &HeatMap,
    kind: massage_planner::atlas::ViewKind,
    region: MuscleSide,
) -> Option<(massage_planner::course::HeatFill, bool)> {
    let view = massage_planner::atlas::Atlas::builtin().view(kind);
    let fills = massage_planner::course::heat_fills(heat, view);
    let fill = fills.into_iter().find(|f| f.region == region)?;
    let drawn = &view.regions[fill.index];
    assert_eq!((drawn.muscle, drawn.side), (region.muscle, region.side));
    Some((fill, drawn.centroid().x < view.midline()))
}

#[test]
fn the_heat_map_on_the_back_view_fills_the_side_worked_in_its_band() {
    use massage_planner::atlas::ViewKind;
    let heat = HeatMap::of(&maria(), DateRange::ALL);
    // Right QL, 16 min, the most: the top band, on the viewer's right
    // (from behind the client's right is on the right).
    let right_ql = MuscleSide::new(Muscle::QuadratusLumborum, Side::Right);
    let (fill, on_left) = fill_on(&heat, ViewKind::Posterior, right_ql).unwrap();
    assert_eq!(fill.band, 4);
    assert_eq!(fill.minutes, 16.0);
    assert_eq!(fill.mean_pressure, Some(3.25));
    assert!(!on_left, "the right QL is drawn on the viewer's right");
    // Left QL was never worked: not filled.
    let left_ql = MuscleSide::new(Muscle::QuadratusLumborum, Side::Left);
    assert!(fill_on(&heat, ViewKind::Posterior, left_ql).is_none());
    // Left piriformis, 5 of 16 min: the second band, on the viewer's left.
    let left_piriformis = MuscleSide::new(Muscle::Piriformis, Side::Left);
    let (fill, on_left) = fill_on(&heat, ViewKind::Posterior, left_piriformis).unwrap();
    assert_eq!(fill.band, 1);
    assert!(on_left, "the left piriformis is drawn on the viewer's left");
    let right_piriformis = MuscleSide::new(Muscle::Piriformis, Side::Right);
    assert!(fill_on(&heat, ViewKind::Posterior, right_piriformis).is_none());
    // Deep muscles come after the superficial ones: painted on top.
    let view = massage_planner::atlas::Atlas::builtin().view(ViewKind::Posterior);
    let layers: Vec<_> = massage_planner::course::heat_fills(&heat, view)
        .iter()
        .map(|f| f.layer)
        .collect();
    let mut sorted = layers.clone();
    sorted.sort();
    assert_eq!(layers, sorted);
}

#[test]
fn the_heat_map_on_the_front_view_is_mirrored() {
    use massage_planner::atlas::ViewKind;
    let course = Course::from_sessions(
        vec![Session {
            path: PathBuf::from("a.ron"),
            plan: plan(
                date(2026, 9, 1),
                None,
                None,
                vec![step(Muscle::PsoasMajor, Side::Left, 2, 6)],
            ),
        }],
        None,
    );
    let heat = HeatMap::of(&course, DateRange::ALL);
    let left_psoas = MuscleSide::new(Muscle::PsoasMajor, Side::Left);
    let (fill, on_left) = fill_on(&heat, ViewKind::Front, left_psoas).unwrap();
    assert_eq!(fill.band, 4);
    assert!(
        !on_left,
        "from the front the client's left is on the viewer's right"
    );
    let right_psoas = MuscleSide::new(Muscle::PsoasMajor, Side::Right);
    assert!(fill_on(&heat, ViewKind::Front, right_psoas).is_none());
    // Only the views that show a worked muscle are drawn.
    let views =
        massage_planner::course::views_worked(&heat, massage_planner::atlas::Atlas::builtin());
    assert!(views.contains(&ViewKind::Front));
    assert!(!views.contains(&ViewKind::Posterior), "{views:?}");
}

#[test]
fn minutes_fall_in_five_bands_of_the_most_worked() {
    use massage_planner::course::{heat_band, heat_band_top};
    assert_eq!(heat_band(16.0, 16.0), 4);
    assert_eq!(heat_band(0.1, 16.0), 0);
    assert_eq!(heat_band(3.2, 16.0), 0);
    assert_eq!(heat_band(3.3, 16.0), 1);
    assert_eq!(heat_band(5.0, 0.0), 0);
    assert_eq!(heat_band_top(0, 25.0), 5.0);
    assert_eq!(heat_band_top(4, 25.0), 25.0);
}
