//! Client records, screening warnings, acknowledgements, pain and templates
//! through the one place that applies actions, without a window.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod support;
use support::modals::{client_form, pending};

use std::path::Path;

use jiff::civil::date;
use massage_planner::model::{
    Acknowledgement, Condition, ConditionKind, Muscle, MuscleSide, Pain, PainLevel, Pressure, Side,
    Technique,
};
use massage_planner::planner::{Action, Command, Edit, Planner, UnsavedAnswer};
use massage_planner::store;

fn planner(dir: &Path) -> Planner {
    Planner::new(dir.to_path_buf(), date(2026, 11, 25))
}

/// A plan for "Ada Lind" with deep work on the left erector spinae.
fn ada_with_deep_back_work(dir: &Path) -> Planner {
    let mut p = planner(dir);
    p.apply(Action::Edit(Edit::ClientName("Ada Lind".into())));
    p.apply(Action::Pick(MuscleSide::new(
        Muscle::ErectorSpinae,
        Side::Left,
    )));
    p.apply(Action::Edit(Edit::StepTechnique(0, Technique::DeepTissue)));
    p
}

#[test]
fn a_client_record_made_in_the_form_is_saved_and_its_conditions_screen_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = ada_with_deep_back_work(dir.path());
    assert!(p.client_record().is_none());
    assert!(
        p.warnings()
            .iter()
            .all(|w| w.rule != "disc_lumbar_pressure")
    );

    p.apply(Action::Command(Command::EditClientRecord));
    let mut draft = client_form(&p).expect("the form opens");
    assert_eq!(draft.name, "Ada Lind");
    let mut disc = Condition::new(ConditionKind::HerniatedDisc);
    disc.detail = "L5-S1".into();
    draft.conditions.push(disc);
    p.apply(Action::ClientDraft(draft.clone()));
    // Not saved until Save: the warnings do not change yet.
    assert!(p.client_record().is_none());
    p.apply(Action::SaveClient);
    assert!(client_form(&p).is_none(), "the form closes after saving");
    assert_eq!(p.client_record(), Some(&draft));
    let on_disk = store::find_client_record(dir.path(), "Ada Lind").unwrap();
    assert_eq!(on_disk, Some(draft));

    let warning = p
        .warnings()
        .into_iter()
        .find(|w| w.rule == "disc_lumbar_pressure")
        .expect("the disc rule fires for the deep step");
    assert_eq!(warning.step, Some(0));
    assert!(warning.because.contains("L5-S1"));
    // The plan itself is untouched by saving the record.
    assert!(p.is_dirty());
}

#[test]
fn cancelling_the_client_form_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = ada_with_deep_back_work(dir.path());
    p.apply(Action::Command(Command::EditClientRecord));
    let mut draft = client_form(&p).unwrap();
    draft.pressure_preference = Some(Pressure::new(2).unwrap());
    p.apply(Action::ClientDraft(draft));
    p.apply(Action::CloseClientEditor);
    assert!(client_form(&p).is_none());
    assert!(!dir.path().join(store::CLIENTS_DIR).exists());
}

#[test]
fn a_client_record_that_cannot_be_written_keeps_the_form_open_with_an_error() {
    let dir = tempfile::tempdir().unwrap();
    // A file where the clients folder should be: the save must fail.
    std::fs::write(dir.path().join(store::CLIENTS_DIR), "not a folder").unwrap();
    let mut p = ada_with_deep_back_work(dir.path());
    p.apply(Action::Command(Command::EditClientRecord));
    p.apply(Action::SaveClient);
    assert!(client_form(&p).is_some());
    assert!(p.error().unwrap().contains("clients"), "{:?}", p.error());
}

#[test]
fn renaming_the_client_follows_to_their_record() {
    let dir = tempfile::tempdir().unwrap();
    let mut record = massage_planner::model::ClientRecord::new("Bo Berg", "");
    record
        .conditions
        .push(Condition::new(ConditionKind::Osteoporosis));
    store::save_client_record(dir.path(), &record).unwrap();
    let mut p = ada_with_deep_back_work(dir.path());
    assert!(p.client_record().is_none());
    p.apply(Action::Edit(Edit::ClientName("Bo Berg".into())));
    assert_eq!(p.client_record(), Some(&record));
    assert!(
        p.warnings()
            .iter()
            .any(|w| w.rule == "bleeding_or_fragile_bone")
    );
}

#[test]
fn acknowledging_a_warning_is_an_undoable_edit_saved_with_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = planner(dir.path());
    p.apply(Action::Edit(Edit::ClientName("Cy Moss".into())));
    p.apply(Action::Pick(MuscleSide::new(
        Muscle::QuadratusLumborum,
        Side::Right,
    )));
    p.apply(Action::Edit(Edit::StepPressure(
        0,
        Pressure::new(4).unwrap(),
    )));
    let warning = p
        .warnings()
        .into_iter()
        .find(|w| w.rule == "kidney_area_ql")
        .unwrap();
    assert!(warning.is_open());

    p.apply(Action::Edit(Edit::Acknowledge(Acknowledgement::new(
        &warning.rule,
        warning.region,
        &warning.because,
        "",
    ))));
    p.apply(Action::Edit(Edit::AcknowledgementNote {
        rule: warning.rule.clone(),
        region: warning.region,
        note: "angled away from the rib".into(),
    }));
    let acknowledged = p
        .warnings()
        .into_iter()
        .find(|w| w.rule == "kidney_area_ql")
        .unwrap();
    assert_eq!(
        acknowledged.acknowledged.as_deref(),
        Some("angled away from the rib")
    );

    p.apply(Action::Command(Command::Save));
    let path = p.file().unwrap().path.clone();
    let saved = store::load_plan(&path).unwrap();
    assert_eq!(saved.acknowledged.len(), 1);
    assert_eq!(saved.acknowledged[0].note, "angled away from the rib");

    // Undo takes the note back, then the acknowledgement.
    p.apply(Action::Command(Command::Undo));
    p.apply(Action::Command(Command::Undo));
    assert!(p.plan().acknowledged.is_empty());
    p.apply(Action::Command(Command::Redo));
    assert_eq!(p.plan().acknowledged.len(), 1);
    p.apply(Action::Edit(Edit::Unacknowledge {
        rule: warning.rule.clone(),
        region: warning.region,
    }));
    assert!(p.plan().acknowledged.is_empty());
    assert!(
        p.warnings()
            .iter()
            .any(|w| w.rule == "kidney_area_ql" && w.is_open())
    );
}

#[test]
fn pain_before_and_after_are_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = planner(dir.path());
    let pain = Pain {
        level: PainLevel::new(6).unwrap(),
        location: "right low back".into(),
        ..Pain::default()
    };
    p.apply(Action::Edit(Edit::PainBefore(Some(pain.clone()))));
    p.apply(Action::Edit(Edit::PainAfter(Some(Pain {
        level: PainLevel::new(3).unwrap(),
        location: String::new(),
        ..Pain::default()
    }))));
    assert_eq!(p.plan().pain_before, Some(pain));
    assert_eq!(p.plan().pain_after.as_ref().unwrap().level.level(), 3);
    p.apply(Action::Edit(Edit::PainAfter(None)));
    assert_eq!(p.plan().pain_after, None);
}

#[test]
fn a_new_plan_from_a_template_keeps_the_client_and_asks_about_unsaved_changes() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = ada_with_deep_back_work(dir.path());
    let relaxation = p
        .templates()
        .iter()
        .position(|t| t.title.starts_with("Swedish relaxation"))
        .unwrap();
    p.apply(Action::NewFromTemplate(relaxation));
    assert!(
        pending(&p).is_some(),
        "unsaved changes are asked about first"
    );
    p.apply(Action::AnswerUnsaved(UnsavedAnswer::Discard));
    assert_eq!(p.plan().client.name, "Ada Lind");
    assert_eq!(p.plan().date, date(2026, 11, 25));
    assert_eq!(p.plan().steps, p.templates()[relaxation].plan.steps);
    assert!(p.file().is_none());
    assert!(p.is_dirty(), "a plan from a template is not saved yet");
    // An index past the list does nothing.
    p.apply(Action::NewFromTemplate(99));
    assert!(pending(&p).is_none());
}

#[test]
fn a_broken_rules_file_in_the_folder_is_reported_and_the_built_in_rules_apply() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(store::RULES_FILE_NAME), "(rules: [(").unwrap();
    let p = planner(dir.path());
    let error = p.error().unwrap().to_string();
    assert!(error.contains("screening-rules.ron"), "{error}");
    assert!(error.contains("built-in"), "{error}");
    assert!(p.rules().get("cauda_equina").is_some());
}

#[test]
fn the_record_next_to_an_opened_plan_is_used() {
    let plans = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    let elsewhere = tempfile::tempdir().unwrap();
    let mut p = planner(elsewhere.path());
    p.apply(Action::OpenPath(plans.join("aiko-tanaka-2026-11-23.ron")));
    let record = p.client_record().expect("found next to the plan");
    assert_eq!(record.name, "Aiko Tanaka");
    assert!(p.warnings().iter().any(|w| w.rule == "client_avoid_area"));
}

/// Ada Lind's record with `kinds`, saved before the planner opens her plan.
fn ada_with(dir: &Path, kinds: &[ConditionKind]) -> Planner {
    let mut record = massage_planner::model::ClientRecord::new("Ada Lind", "");
    record.conditions = kinds.iter().map(|&k| Condition::new(k)).collect();
    store::save_client_record(dir, &record).unwrap();
    ada_with_deep_back_work(dir)
}

#[test]
fn an_emergency_cannot_be_acknowledged() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = ada_with(dir.path(), &[ConditionKind::UrinaryRetention]);
    let warning = p
        .warnings()
        .into_iter()
        .find(|w| w.rule == "cauda_equina")
        .expect("urinary retention is an emergency");
    assert_eq!(warning.level, massage_planner::screening::Level::Emergency);
    p.apply(Action::Edit(Edit::Acknowledge(Acknowledgement::new(
        &warning.rule,
        None,
        &warning.because,
        "client says it is fine",
    ))));
    assert!(p.plan().acknowledged.is_empty());
    assert!(p.message().contains("emergency"), "{}", p.message());
    assert!(
        p.warnings()
            .iter()
            .any(|w| w.rule == "cauda_equina" && w.is_open())
    );
}

#[test]
fn a_refer_out_is_acknowledged_with_a_clearance_as_one_undoable_edit() {
    use massage_planner::model::Clearance;
    let dir = tempfile::tempdir().unwrap();
    let mut p = ada_with(dir.path(), &[ConditionKind::HistoryOfCancer]);
    let warning = p
        .warnings()
        .into_iter()
        .find(|w| w.rule == "red_flag_cancer")
        .expect("a history of cancer refers out");
    let mut ack = Acknowledgement::new(&warning.rule, None, &warning.because, "");
    p.apply(Action::Edit(Edit::Acknowledge(ack.clone())));
    assert!(
        p.plan().acknowledged.is_empty(),
        "no clearance, no acknowledgement"
    );
    assert!(p.message().contains("clearance"), "{}", p.message());

    ack.clearance = Some(Clearance {
        by: "Dr. Weber".into(),
        date: date(2026, 11, 20),
        note: String::new(),
    });
    p.apply(Action::Edit(Edit::Acknowledge(ack)));
    p.apply(Action::Edit(Edit::Clearance {
        rule: warning.rule.clone(),
        region: None,
        clearance: Clearance {
            by: "Dr. Weber".into(),
            date: date(2026, 11, 20),
            note: "gentle massage fine".into(),
        },
    }));
    let now = p
        .warnings()
        .into_iter()
        .find(|w| w.rule == "red_flag_cancer")
        .unwrap();
    assert!(!now.is_open());
    assert_eq!(now.clearance.unwrap().note, "gentle massage fine");
    p.apply(Action::Command(Command::Undo));
    p.apply(Action::Command(Command::Undo));
    assert!(p.plan().acknowledged.is_empty());
}

/// Maria Keller's plan of 18 November and her record, copied to `dir`.
fn maria(dir: &Path) -> Planner {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    let plan = dir.join("maria-keller-2026-11-18.ron");
    std::fs::copy(examples.join("maria-keller-2026-11-18.ron"), &plan).unwrap();
    std::fs::create_dir_all(dir.join("clients")).unwrap();
    std::fs::copy(
        examples.join("clients/maria-keller.ron"),
        dir.join("clients/maria-keller.ron"),
    )
    .unwrap();
    let mut p = planner(dir);
    p.apply(Action::OpenPath(plan));
    assert!(p.error().is_none(), "{:?}", p.error());
    p
}

#[test]
fn reordering_to_turn_less_is_one_undoable_edit() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = maria(dir.path());
    assert_eq!(p.plan().position_changes(), 5);
    p.apply(Action::Edit(Edit::StepPosition(
        0,
        Some(massage_planner::model::Position::Prone),
    )));
    p.apply(Action::Edit(Edit::TurnClientLess));
    assert_eq!(p.plan().position_changes(), 3);
    assert!(p.is_dirty());
    p.apply(Action::Command(Command::Undo));
    assert_eq!(p.plan().position_changes(), 5);
}

#[test]
fn a_new_session_keeps_the_decisions_whose_conditions_have_not_changed() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = maria(dir.path());
    let decided = p.plan().acknowledged.clone();
    assert!(!decided.is_empty());
    p.apply(Action::Command(Command::NewSessionFromThis));
    assert_eq!(p.plan().date, date(2026, 11, 25));
    assert_eq!(p.plan().acknowledged, decided);
    assert!(
        p.warnings()
            .iter()
            .filter(|w| w.rule == "kidney_area_ql")
            .all(|w| !w.is_open())
    );
}

#[test]
fn the_handout_leaves_out_what_the_clients_conditions_rule_out_and_says_so() {
    use massage_planner::planner::{Effect, Outcome};
    let dir = tempfile::tempdir().unwrap();
    let mut p = maria(dir.path());
    p.apply(Action::Command(Command::Handout));
    let effects = p.take_effects();
    let [Effect::OpenInViewer(path)] = effects.as_slice() else {
        panic!("the handout opens in the viewer: {effects:?}");
    };
    assert!(path.to_string_lossy().ends_with("-home-care.pdf"));
    let pdf = std::fs::read(path).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let text = support::pdf::all_text(&support::pdf::read_pdf(&pdf).unwrap());
    assert!(text.contains("Bird dog"), "{text}");
    assert!(!text.contains("Knee to chest"), "{text}");
    p.apply(Action::Done(Outcome::ViewerOpened {
        path: path.clone(),
        result: Ok(()),
    }));
    // Maria's herniated disc rules out the knee-to-chest stretch: the
    // therapist reads why.
    assert!(
        p.message()
            .contains("Left out of the handout: Erector spinae (lumbar): Knee to chest left out, Bird dog instead."),
        "{}",
        p.message()
    );
    assert!(p.error().is_none());
}
