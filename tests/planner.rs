//! The one place that applies actions, tested without a window.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod support;
use support::modals::pending;

use std::path::Path;

use jiff::civil::date;
use massage_planner::model::{Muscle, MuscleSide, Pressure, Side, Technique};
use massage_planner::planner::{
    Action, Command, Continuation, Edit, Effect, FileDialog, Modal, Outcome, Planner, UnsavedAnswer,
};
use massage_planner::store;

fn planner(dir: &Path) -> Planner {
    Planner::new(dir.to_path_buf(), date(2026, 11, 25))
}

fn pick(p: &mut Planner, muscle: Muscle, side: Side) {
    p.apply(Action::Pick(MuscleSide::new(muscle, side)));
}

#[test]
fn picking_adds_a_step_with_defaults_or_selects_the_existing_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = planner(dir.path());
    pick(&mut p, Muscle::QuadratusLumborum, Side::Left);
    assert_eq!(p.plan().steps.len(), 1);
    let step = &p.plan().steps[0];
    assert_eq!(
        (step.muscle, step.side, step.minutes),
        (Muscle::QuadratusLumborum, Side::Left, 5)
    );
    assert_eq!(p.selected_step(), Some(0));

    // Technique and pressure last used become the defaults for the next pick.
    p.apply(Action::Edit(Edit::StepTechnique(0, Technique::DeepTissue)));
    p.apply(Action::Edit(Edit::StepPressure(
        0,
        Pressure::new(4).unwrap(),
    )));
    pick(&mut p, Muscle::GluteusMedius, Side::Right);
    let step = &p.plan().steps[1];
    assert_eq!(step.technique, Technique::DeepTissue);
    assert_eq!(step.pressure.level(), 4);
    assert_eq!(p.selected_step(), Some(1));

    // The same muscle and side again selects, never duplicates.
    pick(&mut p, Muscle::QuadratusLumborum, Side::Left);
    assert_eq!(p.plan().steps.len(), 2);
    assert_eq!(p.selected_step(), Some(0));
    // The other side is a new step.
    pick(&mut p, Muscle::QuadratusLumborum, Side::Right);
    assert_eq!(p.plan().steps.len(), 3);
}

#[test]
fn a_both_sides_step_is_selected_from_either_side() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = planner(dir.path());
    pick(&mut p, Muscle::ErectorSpinae, Side::Left);
    p.apply(Action::Edit(Edit::StepSide(0, Side::Both)));
    pick(&mut p, Muscle::ErectorSpinae, Side::Right);
    assert_eq!(p.plan().steps.len(), 1);
    assert_eq!(p.selected_step(), Some(0));
}

#[test]
fn typing_is_one_undo_step_and_undo_redo_walk_the_history() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = planner(dir.path());
    for typed in ["A", "An", "Ann", "Anna"] {
        p.apply(Action::Edit(Edit::ClientName(typed.into())));
    }
    p.apply(Action::EndGesture);
    pick(&mut p, Muscle::Piriformis, Side::Right);
    // Dragging minutes 5 -> 12 is one step too.
    for minutes in 6..=12 {
        p.apply(Action::Edit(Edit::StepMinutes(0, minutes)));
    }
    p.apply(Action::EndGesture);
    assert_eq!(p.plan().steps[0].minutes, 12);

    p.apply(Action::Command(Command::Undo));
    assert_eq!(
        p.plan().steps[0].minutes,
        5,
        "the whole drag undone at once"
    );
    p.apply(Action::Command(Command::Undo));
    assert!(p.plan().steps.is_empty());
    p.apply(Action::Command(Command::Undo));
    assert_eq!(p.plan().client.name, "", "the whole name undone at once");
    assert!(!p.is_dirty());
    p.apply(Action::Command(Command::Undo));
    assert_eq!(p.message(), "Nothing to undo");

    p.apply(Action::Command(Command::Redo));
    p.apply(Action::Command(Command::Redo));
    p.apply(Action::Command(Command::Redo));
    assert_eq!(p.plan().client.name, "Anna");
    assert_eq!(p.plan().steps[0].minutes, 12);
    // A new edit clears what could be redone.
    p.apply(Action::Command(Command::Undo));
    p.apply(Action::Edit(Edit::Goals("relax".into())));
    assert!(!p.can_redo());
}

#[test]
fn steps_move_duplicate_and_remove() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = planner(dir.path());
    pick(&mut p, Muscle::QuadratusLumborum, Side::Left);
    pick(&mut p, Muscle::GluteusMedius, Side::Left);
    pick(&mut p, Muscle::Piriformis, Side::Left);
    let order = |p: &Planner| p.plan().steps.iter().map(|s| s.muscle).collect::<Vec<_>>();
    p.apply(Action::Edit(Edit::MoveStep { from: 2, to: 0 }));
    assert_eq!(
        order(&p),
        [
            Muscle::Piriformis,
            Muscle::QuadratusLumborum,
            Muscle::GluteusMedius
        ]
    );
    assert_eq!(p.selected_step(), Some(0));
    p.apply(Action::Edit(Edit::DuplicateStep(1)));
    assert_eq!(
        order(&p)[1..3],
        [Muscle::QuadratusLumborum, Muscle::QuadratusLumborum]
    );
    p.apply(Action::Edit(Edit::RemoveStep(0)));
    assert_eq!(p.plan().steps.len(), 3);
    assert_eq!(p.selected_step(), None);
    // Out-of-range indexes change nothing.
    p.apply(Action::Edit(Edit::MoveStep { from: 7, to: 0 }));
    p.apply(Action::Edit(Edit::RemoveStep(9)));
    assert_eq!(p.plan().steps.len(), 3);
}

#[test]
fn save_writes_exactly_the_plan_under_a_readable_name_and_reopens_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = planner(dir.path());
    p.apply(Action::Edit(Edit::ClientName("Anna Berg".into())));
    pick(&mut p, Muscle::QuadratusLumborum, Side::Left);
    p.apply(Action::Command(Command::Save));
    let path = dir.path().join("anna-berg-2026-11-25.ron");
    assert_eq!(p.file().map(|f| f.path.clone()), Some(path.clone()));
    assert!(!p.is_dirty());
    assert_eq!(&store::load_plan(&path).unwrap(), p.plan());
    assert_eq!(p.recent().first(), Some(&path));

    // Saving again goes to the same file, not a new one.
    p.apply(Action::Edit(Edit::Goals("less pain".into())));
    p.apply(Action::Command(Command::Save));
    assert_eq!(
        store::plan_files_under(dir.path()).unwrap(),
        std::slice::from_ref(&path)
    );
    assert_eq!(store::load_plan(&path).unwrap().goals, "less pain");

    let mut fresh = planner(dir.path());
    fresh.apply(Action::OpenPath(path.clone()));
    assert_eq!(fresh.plan(), p.plan());
    assert!(!fresh.is_dirty());
}

#[test]
fn a_plan_changed_on_disk_by_someone_else_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = planner(dir.path());
    p.apply(Action::Edit(Edit::ClientName("Bo".into())));
    p.apply(Action::Command(Command::Save));
    let path = p.file().unwrap().path.clone();
    std::fs::write(
        &path,
        "(client: (name: \"Bo\"), date: \"2026-11-25\", goals: \"theirs\")",
    )
    .unwrap();
    p.apply(Action::Edit(Edit::Goals("mine".into())));
    p.apply(Action::Command(Command::Save));
    assert!(
        p.error().unwrap().contains("changed on disk"),
        "{:?}",
        p.error()
    );
    assert!(p.is_dirty(), "the edits stay in memory");
    assert_eq!(store::load_plan(&path).unwrap().goals, "theirs");
}

#[test]
fn a_file_that_does_not_load_leaves_the_current_plan_alone() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "(client: ").unwrap();
    let mut p = planner(dir.path());
    p.apply(Action::Edit(Edit::ClientName("Cleo".into())));
    p.apply(Action::Command(Command::Save));
    p.apply(Action::OpenPath(bad.clone()));
    assert_eq!(p.plan().client.name, "Cleo");
    let error = p.error().unwrap().to_string();
    assert!(error.starts_with(&bad.display().to_string()), "{error}");
    assert_eq!(std::fs::read_to_string(&bad).unwrap(), "(client: ");
}

#[test]
fn unsaved_changes_ask_and_each_answer_does_what_it_says() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = planner(dir.path());
    p.apply(Action::Edit(Edit::ClientName("Dana".into())));

    // Cancel: nothing happens.
    p.apply(Action::Command(Command::New));
    assert_eq!(pending(&p), Some(Continuation::New));
    p.apply(Action::AnswerUnsaved(UnsavedAnswer::Cancel));
    assert_eq!(pending(&p), None);
    assert_eq!(p.plan().client.name, "Dana");

    // Save: saved, then the new plan.
    p.apply(Action::Command(Command::New));
    p.apply(Action::AnswerUnsaved(UnsavedAnswer::Save));
    assert_eq!(p.plan().client.name, "");
    assert!(dir.path().join("dana-2026-11-25.ron").exists());

    // Discard: the edits are gone, nothing written.
    p.apply(Action::Edit(Edit::ClientName("Eli".into())));
    p.apply(Action::Command(Command::New));
    p.apply(Action::AnswerUnsaved(UnsavedAnswer::Discard));
    assert_eq!(p.plan().client.name, "");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);

    // Closing the window asks too, and closes only once answered.
    p.apply(Action::Edit(Edit::ClientName("Fay".into())));
    p.apply(Action::CloseRequested);
    assert_eq!(pending(&p), Some(Continuation::Close));
    assert!(p.take_effects().is_empty());
    p.apply(Action::AnswerUnsaved(UnsavedAnswer::Discard));
    assert_eq!(p.take_effects(), [Effect::CloseWindow]);

    // No changes: no question.
    let mut clean = planner(dir.path());
    clean.apply(Action::Command(Command::Open));
    assert_eq!(pending(&clean), None);
    assert_eq!(
        clean.take_effects(),
        [Effect::ShowFileDialog {
            dialog: FileDialog::OpenPlan,
            dir: dir.path().to_path_buf(),
            suggested_name: String::new(),
        }]
    );
}

#[test]
fn new_session_from_this_plan_copies_it_to_today_unsaved() {
    let mut p = planner(Path::new("unused"));
    p.apply(Action::OpenPath(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/maria-keller-2026-11-04.ron"),
    ));
    assert!(p.error().is_none(), "{:?}", p.error());
    let old = p.plan().clone();
    p.apply(Action::Command(Command::NewSessionFromThis));
    assert_eq!(p.plan().date, date(2026, 11, 25));
    assert_eq!(p.plan().steps, old.steps);
    assert_eq!(p.plan().client, old.client);
    assert!(p.file().is_none());
    assert!(p.is_dirty(), "a copy not yet saved");
}

#[test]
fn every_command_has_a_label_and_a_tooltip() {
    for command in Command::all() {
        assert!(!command.label().is_empty() && !command.tooltip().is_empty());
    }
}

fn plan_with_a_step(dir: &Path) -> Planner {
    let mut p = planner(dir);
    p.apply(Action::Edit(Edit::ClientName("Anna Berg".into())));
    pick(&mut p, Muscle::QuadratusLumborum, Side::Left);
    p
}

#[test]
fn export_writes_the_sheet_where_asked_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = plan_with_a_step(dir.path());
    let out = dir.path().join("anna.pdf");
    p.apply(Action::ExportPdfTo(out.clone()));
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF"));
    assert!(p.message().contains("anna.pdf"), "{}", p.message());
    assert!(p.error().is_none());

    // A folder that does not exist: an error naming the file, nothing else.
    let nowhere = dir.path().join("missing").join("anna.pdf");
    p.apply(Action::ExportPdfTo(nowhere.clone()));
    let error = p.error().unwrap();
    assert!(error.contains("anna.pdf"), "{error}");
    assert!(!nowhere.exists());
}

#[test]
fn print_writes_a_temporary_sheet_and_says_where_it_is_when_no_viewer_opens() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = plan_with_a_step(dir.path());
    p.apply(Action::Command(Command::Print));
    let effects = p.take_effects();
    let [Effect::OpenInViewer(path)] = effects.as_slice() else {
        panic!("print opens the viewer: {effects:?}");
    };
    assert!(std::fs::read(path).unwrap().starts_with(b"%PDF"));
    p.apply(Action::Done(Outcome::ViewerOpened {
        path: path.clone(),
        result: Err("no viewer".into()),
    }));
    assert!(p.error().is_none(), "not an error: the sheet is there");
    assert!(
        p.message().contains(&path.display().to_string()),
        "{}",
        p.message()
    );

    p.apply(Action::Command(Command::PrintDirect));
    let effects = p.take_effects();
    let [Effect::SendToPrinter(path)] = effects.as_slice() else {
        panic!("direct printing sends to lp: {effects:?}");
    };
    p.apply(Action::Done(Outcome::Printed {
        path: path.clone(),
        result: Err("lp: no default destination".into()),
    }));
    assert!(p.error().unwrap().contains("no default destination"));
}

#[test]
fn without_a_file_dialog_the_path_is_typed_prefilled_with_the_real_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = plan_with_a_step(dir.path());
    p.apply(Action::Command(Command::ExportPdf));
    assert!(matches!(
        p.take_effects().as_slice(),
        [Effect::ShowFileDialog {
            dialog: FileDialog::ExportPdf,
            ..
        }]
    ));
    // No portal: the dialog answers with nothing.
    p.apply(Action::Done(Outcome::FileChosen {
        dialog: FileDialog::ExportPdf,
        path: None,
    }));
    let Some(Modal::PathPrompt(prompt)) = p.modal() else {
        panic!("the path is asked for");
    };
    assert!(
        prompt.text.ends_with("anna-berg-2026-11-25.pdf"),
        "{}",
        prompt.text
    );
    let typed = dir.path().join("typed.pdf");
    p.apply(Action::PathPromptText(typed.display().to_string()));
    p.apply(Action::AnswerPathPrompt(true));
    assert!(p.modal().is_none());
    assert!(typed.exists());

    // Cancel writes nothing.
    p.apply(Action::Command(Command::SaveAs));
    p.apply(Action::Done(Outcome::FileChosen {
        dialog: FileDialog::SavePlanAs,
        path: None,
    }));
    let Some(Modal::PathPrompt(prompt)) = p.modal() else {
        panic!("the path is asked for");
    };
    assert!(prompt.text.ends_with(".ron"), "{}", prompt.text);
    p.apply(Action::AnswerPathPrompt(false));
    assert!(p.modal().is_none());
    assert!(p.file().is_none(), "nothing saved");
}
