#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

//! A whole session run against an injected clock, the record saved with the
//! plan and read back from the file.

use std::path::Path;

use jiff::civil::date;
use massage_planner::model::{
    Muscle, Outcome, Pain, PainLevel, Plan, Pressure, Seconds, Side, Step, Technique,
};
use massage_planner::session::{Clock, ManualClock, SessionRunner, countdown};
use massage_planner::store::{self, Overwrite};

fn plan() -> Plan {
    let mut plan = Plan::new(date(2026, 11, 4));
    plan.client.name = "Maria Keller".into();
    plan.session_minutes = 30;
    plan.goals = "Right-sided low back pain.".into();
    plan.pain_before = Some(Pain {
        level: PainLevel::new(7).unwrap(),
        location: "low back, right".into(),
        drawing: Default::default(),
    });
    for (muscle, side, technique, minutes) in [
        (Muscle::ErectorSpinae, Side::Both, Technique::Swedish, 10),
        (
            Muscle::QuadratusLumborum,
            Side::Right,
            Technique::MyofascialRelease,
            10,
        ),
        (
            Muscle::QuadratusLumborum,
            Side::Left,
            Technique::MyofascialRelease,
            5,
        ),
        (Muscle::Piriformis, Side::Right, Technique::Stretching, 5),
    ] {
        let mut step = Step::new(muscle, side, technique, Pressure::MEDIUM);
        step.minutes = minutes;
        plan.steps.push(step);
    }
    plan
}

fn saved(dir: &Path, plan: &Plan) -> std::path::PathBuf {
    let (path, _) = store::save_new_plan(plan, dir).unwrap();
    path
}

#[test]
fn a_whole_session_is_recorded_and_read_back_from_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = plan();
    let path = saved(dir.path(), &plan);
    let (_, stamp) = store::load_plan_stamped(&path).unwrap();

    let clock = ManualClock::starting_at(date(2026, 11, 4).at(14, 0, 0, 0));
    let mut runner = SessionRunner::new(&plan);
    assert!(!runner.is_running());

    // Step 1: ten minutes, with a two-minute pause in the middle.
    runner.start(clock.now());
    clock.advance_secs(300);
    runner.pause(clock.now());
    clock.advance_secs(120);
    assert_eq!(runner.step_left_ms(clock.now()), Some(300_000));
    runner.start(clock.now());
    clock.advance_secs(300);
    assert!(runner.take_cue(clock.now()), "the chime at the step's end");
    clock.advance_secs(15);
    assert_eq!(
        countdown(runner.step_left_ms(clock.now()).unwrap()),
        "+0:15"
    );
    runner.next(clock.now());

    // Step 2: one more minute, firmer pressure, a note; runs 11:30.
    runner.change_minutes(1);
    runner.set_pressure(Pressure::new(4).unwrap());
    runner.set_note("Taut band near the iliac crest.".into());
    clock.advance_secs(690);
    assert_eq!(runner.step_left_ms(clock.now()), Some(-30_000));
    assert!(runner.take_cue(clock.now()));
    runner.next(clock.now());

    // Step 3 skipped after a look; step 4 reached by going back and forth.
    clock.advance_secs(20);
    runner.skip(clock.now());
    runner.previous(clock.now());
    assert_eq!(runner.current(), Some(2));
    runner.next(clock.now());
    assert_eq!(runner.step(2).unwrap().outcome, Some(Outcome::Done));
    runner.previous(clock.now());
    runner.skip(clock.now());
    assert_eq!(runner.step(2).unwrap().outcome, Some(Outcome::Skipped));
    clock.advance_secs(200);
    assert_eq!(runner.current(), Some(3));
    assert_eq!(runner.session_left_ms(clock.now()), (1800 - 1525) * 1000);

    // Finished early during step 4.
    let record = runner.finish(clock.now(), &plan);
    assert!(!runner.is_running());
    plan.record = Some(record);

    // After the session: pain, response, SOAP notes.
    plan.pain_after = Some(Pain {
        level: PainLevel::new(4).unwrap(),
        location: "low back, right".into(),
        drawing: Default::default(),
    });
    let record = plan.record.as_mut().unwrap();
    assert_eq!(
        record.soap.subjective,
        "Goals: Right-sided low back pain.\nPain before: 7/10 (low back, right)"
    );
    record.client_response = "Relaxed; asked for firmer pressure.".into();
    record.soap.objective = "Right QL hypertonic.".into();
    record.soap.assessment = "Myofascial.".into();
    record.soap.plan = "Left QL next time.".into();
    store::save_plan(&plan, &path, Overwrite::IfUnchanged(stamp)).unwrap();

    let back = store::load_plan(&path).unwrap();
    assert_eq!(back, plan);
    assert!(back.validate().is_empty(), "{:?}", back.validate());
    let record = back.record.unwrap();
    assert_eq!(record.started, date(2026, 11, 4).at(14, 0, 0, 0));
    assert_eq!(record.ended, date(2026, 11, 4).at(14, 27, 25, 0));
    let steps: Vec<_> = record
        .steps
        .iter()
        .map(|s| (s.step, s.seconds, s.outcome, s.pressure, s.note.as_str()))
        .collect();
    assert_eq!(
        steps,
        vec![
            (1, Seconds::new(615), Outcome::Done, None, ""),
            (
                2,
                Seconds::new(690),
                Outcome::Done,
                Pressure::new(4).ok(),
                "Taut band near the iliac crest."
            ),
            (3, Seconds::new(20), Outcome::Skipped, None, ""),
            (4, Seconds::new(200), Outcome::Done, None, ""),
        ]
    );
    assert_eq!(
        record.client_response,
        "Relaxed; asked for firmer pressure."
    );
    assert_eq!(record.soap.plan, "Left QL next time.");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("format: 3,"), "{text}");
}

#[test]
fn the_next_session_starts_from_the_record() {
    let mut plan = plan();
    let clock = ManualClock::starting_at(date(2026, 11, 4).at(14, 0, 0, 0));
    let mut runner = SessionRunner::new(&plan);
    runner.start(clock.now());
    runner.next(clock.now());
    runner.set_pressure(Pressure::new(4).unwrap());
    clock.advance_secs(60);
    let mut record = runner.finish(clock.now(), &plan);
    record.soap.plan = "Deeper on the right QL; start on the left.".into();
    plan.record = Some(record);

    let next = plan.follow_up(date(2026, 11, 18));
    assert_eq!(next.date, date(2026, 11, 18));
    assert_eq!(next.record, None);
    assert_eq!(next.pain_before, None);
    assert_eq!(next.steps[1].pressure, Pressure::new(4).unwrap());
    assert_eq!(next.steps[0].pressure, Pressure::MEDIUM);
    assert_eq!(next.goals, "Deeper on the right QL; start on the left.");
    // Without a record it is the next session of the plan: same steps,
    // goals asked afresh (last time's goals are not today's).
    plan.record = None;
    let next = plan.follow_up(date(2026, 11, 18));
    assert_eq!(next.steps, plan.steps);
    assert_eq!(next.goals, "");
}

#[test]
fn format_2_plans_load_and_are_written_as_format_3_without_a_record() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.ron");
    std::fs::write(
        &path,
        r#"(format: 2, client: (name: "Eva"), date: "2026-01-01",
            steps: [(muscle: piriformis, side: Left, technique: Stretching, minutes: 5)])"#,
    )
    .unwrap();
    let plan = store::load_plan(&path).unwrap();
    assert_eq!(plan.record, None);
    let text = store::plan_to_ron(&plan).unwrap();
    assert!(text.contains("format: 3,"), "{text}");
    assert!(
        !text.contains("record"),
        "no empty record in plain plans: {text}"
    );
}

#[test]
fn the_example_record_fits_its_plan_and_the_follow_up() {
    // A copy of the example, so edits to plans/ do not break this test's
    // idea of a valid record.
    let dir = tempfile::tempdir().unwrap();
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/maria-keller-2026-11-04.ron");
    let copy = dir.path().join("maria.ron");
    std::fs::copy(&source, &copy).unwrap();
    let plan = store::load_plan(&copy).unwrap();
    assert!(plan.validate().is_empty(), "{:?}", plan.validate());
    let record = plan.record.as_ref().expect("the example has a record");
    assert!(record.ended > record.started);
    assert!(!record.steps.is_empty());
    assert!(!record.soap.plan.is_empty());
}

#[test]
fn a_record_that_does_not_fit_the_plan_is_an_error_at_its_value() {
    use massage_planner::model::{Field, SessionRecord, Severity, Soap, StepRecord};
    let mut plan = plan();
    let entry = |step| StepRecord {
        step,
        seconds: Seconds::new(60),
        outcome: Outcome::Done,
        pressure: None,
        note: String::new(),
    };
    plan.record = Some(SessionRecord {
        started: date(2026, 11, 4).at(14, 0, 0, 0),
        ended: date(2026, 11, 4).at(14, 30, 0, 0),
        steps: vec![entry(1), entry(0), entry(1), entry(4)],
        client_response: String::new(),
        soap: Soap::default(),
    });
    let findings = plan.validate();
    let found: Vec<_> = findings
        .iter()
        .map(|f| (f.severity, f.step, f.field.clone()))
        .collect();
    let at = |i| {
        vec![
            Field::Named("record"),
            Field::Named("steps"),
            Field::Index(i),
            Field::Named("step"),
        ]
    };
    assert_eq!(
        found,
        vec![
            (Severity::Error, None, at(1)),
            (Severity::Error, Some(0), at(2)),
        ],
        "{findings:?}"
    );
    assert!(
        findings[0]
            .message
            .contains("step 0, which the plan does not have (the plan has steps 1 to 4)")
    );
    assert!(
        findings[1]
            .to_string()
            .contains("step 1: the session record has this step twice")
    );

    // A record that fits is no finding.
    plan.record.as_mut().unwrap().steps = vec![entry(1), entry(4)];
    assert!(plan.validate().is_empty());
}

/// The planner with crash recovery: a running session goes to the recovery
/// file; after the crash the next run restores it paused at the same step
/// with its elapsed time; finishing it puts the record into the plan.
#[test]
fn a_crashed_session_is_restored_at_its_step_by_the_planner() {
    use massage_planner::planner::{Action, Command, Planner, RecoveryAnswer, SessionAction};
    use massage_planner::store::RecoveryStore;

    let dir = tempfile::tempdir().unwrap();
    let recovery_dir = tempfile::tempdir().unwrap();
    let path = saved(dir.path(), &plan());
    let clock = ManualClock::starting_at(date(2026, 11, 4).at(14, 0, 0, 0));
    let session = |p: &mut Planner, action| p.apply(Action::Session(action, clock.now()));

    let mut crashed = Planner::new(dir.path().to_path_buf(), date(2026, 11, 4));
    crashed.apply(Action::OpenPath(path.clone()));
    // A process id that is not running: its file counts as left behind.
    crashed.apply(Action::EnableRecovery(RecoveryStore::new(
        recovery_dir.path(),
        4_000_000_000,
    )));
    session(&mut crashed, SessionAction::Begin);
    session(&mut crashed, SessionAction::StartOrPause);
    clock.advance_secs(600);
    session(&mut crashed, SessionAction::Next);
    session(&mut crashed, SessionAction::MoreTime);
    clock.advance_secs(130);
    session(&mut crashed, SessionAction::Tick);
    assert!(
        crashed.recovery_due(),
        "the running session is not in the file yet"
    );
    crashed.apply(Action::WriteRecovery);
    assert!(!crashed.recovery_due());
    drop(crashed); // the crash

    let mut p = Planner::new(dir.path().to_path_buf(), date(2026, 11, 4));
    p.apply(Action::EnableRecovery(RecoveryStore::new(
        recovery_dir.path(),
        std::process::id(),
    )));
    assert_eq!(p.recovery_offers().len(), 1);
    p.apply(Action::AnswerRecovery(RecoveryAnswer::Restore));
    let runner = p.session().expect("back in session mode");
    assert_eq!(runner.current(), Some(1), "the same step");
    assert!(!runner.is_running(), "paused until the therapist goes on");
    let now = clock.now();
    assert_eq!(runner.spent(1, now), std::time::Duration::from_secs(130));
    assert_eq!(runner.spent(0, now), std::time::Duration::from_secs(600));
    assert_eq!(runner.step_left_ms(now), Some((11 * 60 - 130) * 1000));
    assert!(p.message().contains("step 2"), "{}", p.message());

    session(&mut p, SessionAction::StartOrPause);
    clock.advance_secs(30);
    session(&mut p, SessionAction::Finish);
    assert!(p.session().is_none());
    let record = p.plan().record.clone().expect("recorded");
    assert_eq!(record.steps.len(), 2);
    assert_eq!(record.steps[1].seconds, Seconds::new(160));
    p.apply(Action::Command(Command::Save));
    assert_eq!(store::load_plan(&path).unwrap().record, Some(record));
}
