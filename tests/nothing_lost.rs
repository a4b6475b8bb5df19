//! Fault tests: files changed or removed by others, crash recovery, folders
//! that cannot be written, and the file watcher. Nothing is lost or
//! silently overwritten.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod support;
use support::modals::{comparison, conflict};

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use jiff::civil::date;
use massage_planner::planner::{
    Action, Command, ConflictChoice, Edit, LibraryState, Outcome, Planner, RecoveryAnswer,
};
use massage_planner::store::{self, Library, RecoveryStore};

fn planner(dir: &Path) -> Planner {
    Planner::new(dir.to_path_buf(), date(2026, 11, 25))
}

/// A saved plan for "Bo" with goals "mine", its path, and the planner.
fn saved_plan(dir: &Path) -> (Planner, PathBuf) {
    let mut p = planner(dir);
    p.apply(Action::Edit(Edit::ClientName("Bo".into())));
    p.apply(Action::Edit(Edit::Goals("first".into())));
    p.apply(Action::Command(Command::Save));
    let path = p.file().unwrap().path.clone();
    (p, path)
}

fn write_theirs(path: &Path) {
    std::fs::write(
        path,
        "(client: (name: \"Bo\"), date: \"2026-11-25\", goals: \"theirs\")",
    )
    .unwrap();
}

fn history_files(dir: &Path) -> usize {
    std::fs::read_dir(dir.join(store::HISTORY_DIR)).map_or(0, |d| d.count())
}

#[test]
fn changed_on_disk_offers_a_choice_and_reload_takes_theirs() {
    let dir = tempfile::tempdir().unwrap();
    let (mut p, path) = saved_plan(dir.path());
    write_theirs(&path);
    p.apply(Action::Edit(Edit::Goals("mine".into())));
    p.apply(Action::Command(Command::Save));
    let found = conflict(&p).expect("the save asks what to do");
    assert_eq!(found.path, path);
    assert!(!found.removed);
    assert_eq!(store::load_plan(&path).unwrap().goals, "theirs");

    p.apply(Action::ResolveConflict(ConflictChoice::Reload));
    assert!(conflict(&p).is_none());
    assert_eq!(p.plan().goals, "theirs");
    assert!(!p.is_dirty());
}

#[test]
fn changed_on_disk_save_a_copy_keeps_both() {
    let dir = tempfile::tempdir().unwrap();
    let (mut p, path) = saved_plan(dir.path());
    write_theirs(&path);
    p.apply(Action::Edit(Edit::Goals("mine".into())));
    p.apply(Action::Command(Command::Save));
    p.apply(Action::ResolveConflict(ConflictChoice::SaveCopy));
    let copy = p.file().unwrap().path.clone();
    assert_ne!(copy, path);
    assert_eq!(copy.parent(), path.parent());
    assert_eq!(store::load_plan(&copy).unwrap().goals, "mine");
    assert_eq!(store::load_plan(&path).unwrap().goals, "theirs");
    assert!(!p.is_dirty());
}

#[test]
fn changed_on_disk_overwrite_keeps_theirs_in_history() {
    let dir = tempfile::tempdir().unwrap();
    let (mut p, path) = saved_plan(dir.path());
    write_theirs(&path);
    let before = history_files(dir.path());
    p.apply(Action::Edit(Edit::Goals("mine".into())));
    p.apply(Action::Command(Command::Save));
    p.apply(Action::ResolveConflict(ConflictChoice::Overwrite));
    assert_eq!(store::load_plan(&path).unwrap().goals, "mine");
    assert_eq!(history_files(dir.path()), before + 1);
    let kept: Vec<String> = std::fs::read_dir(dir.path().join(store::HISTORY_DIR))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert!(kept.iter().any(|text| text.contains("theirs")));
}

#[test]
fn changed_on_disk_cancel_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut p, path) = saved_plan(dir.path());
    write_theirs(&path);
    p.apply(Action::Edit(Edit::Goals("mine".into())));
    p.apply(Action::Command(Command::Save));
    p.apply(Action::ResolveConflict(ConflictChoice::Cancel));
    assert!(conflict(&p).is_none());
    assert_eq!(p.plan().goals, "mine");
    assert!(p.is_dirty());
    assert_eq!(store::load_plan(&path).unwrap().goals, "theirs");
}

#[test]
fn a_file_deleted_while_open_is_not_recreated_silently() {
    let dir = tempfile::tempdir().unwrap();
    let (mut p, path) = saved_plan(dir.path());
    std::fs::remove_file(&path).unwrap();
    p.apply(Action::Edit(Edit::Goals("mine".into())));
    p.apply(Action::Command(Command::Save));
    assert!(conflict(&p).unwrap().removed);
    assert!(!path.exists());
    // Reload is not offered for a removed file: it does nothing.
    p.apply(Action::ResolveConflict(ConflictChoice::Reload));
    assert_eq!(p.plan().goals, "mine");
    p.apply(Action::Command(Command::Save));
    p.apply(Action::ResolveConflict(ConflictChoice::Overwrite));
    assert_eq!(store::load_plan(&path).unwrap().goals, "mine");
}

#[test]
fn a_folder_that_cannot_be_written_keeps_the_edits_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    // A plans "folder" that is a file (like a removed drive's mount point
    // left behind): nothing can be written there.
    let not_a_folder = dir.path().join("plans");
    std::fs::write(&not_a_folder, "").unwrap();
    let mut p = planner(&not_a_folder);
    p.apply(Action::Edit(Edit::ClientName("Bo".into())));
    p.apply(Action::Command(Command::Save));
    let error = p.error().unwrap().to_string();
    assert!(error.contains("plans"), "{error}");
    assert!(error.contains("Save as"), "{error}");
    assert!(
        !error.contains(".saving"),
        "names the plan, never the temporary file: {error}"
    );
    assert!(p.is_dirty());
    assert!(conflict(&p).is_none());
    // Saving elsewhere works.
    let elsewhere = dir.path().join("bo.ron");
    p.apply(Action::SaveAsPath(elsewhere.clone()));
    assert!(!p.is_dirty());
    assert_eq!(store::load_plan(&elsewhere).unwrap().client.name, "Bo");
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_keeps_the_edits_and_says_why() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    std::fs::create_dir(&plans).unwrap();
    std::fs::set_permissions(&plans, std::fs::Permissions::from_mode(0o500)).unwrap();
    // Root may write anywhere; then this case cannot happen.
    let writable_anyway = std::fs::write(plans.join("probe"), "").is_ok();
    let mut p = planner(&plans);
    p.apply(Action::Edit(Edit::ClientName("Bo".into())));
    p.apply(Action::Command(Command::Save));
    std::fs::set_permissions(&plans, std::fs::Permissions::from_mode(0o700)).unwrap();
    if writable_anyway {
        eprintln!("running as root: a read-only folder is writable, skipped");
        return;
    }
    let error = p.error().unwrap().to_string();
    assert!(error.contains("ermission denied"), "{error}");
    assert!(p.is_dirty());
}

#[test]
fn edits_left_by_a_crash_are_offered_and_restored_over_their_file() {
    let dir = tempfile::tempdir().unwrap();
    let recovery_dir = tempfile::tempdir().unwrap();
    let (mut crashed, path) = saved_plan(dir.path());
    // The crashed run: process id 4000000000 is not running.
    let store_of_crashed = RecoveryStore::new(recovery_dir.path(), 4_000_000_000);
    crashed.apply(Action::EnableRecovery(store_of_crashed.clone()));
    crashed.apply(Action::Edit(Edit::Goals("unsaved work".into())));
    assert!(crashed.recovery_due());
    crashed.apply(Action::WriteRecovery);
    assert!(!crashed.recovery_due(), "written once per change");
    assert!(store_of_crashed.own_path().exists());
    drop(crashed); // the crash: nothing cleared

    let mut p = planner(dir.path());
    p.apply(Action::EnableRecovery(RecoveryStore::new(
        recovery_dir.path(),
        std::process::id(),
    )));
    assert_eq!(p.recovery_offers().len(), 1);
    assert_eq!(
        p.recovery_offers()[0].1.file.as_deref(),
        Some(path.as_path())
    );
    p.apply(Action::AnswerRecovery(RecoveryAnswer::Restore));
    assert!(p.recovery_offers().is_empty());
    assert_eq!(p.plan().goals, "unsaved work");
    assert_eq!(p.file().unwrap().path, path);
    assert!(p.is_dirty(), "restored edits are not saved yet");
    // The file on disk was not touched; Undo shows it.
    assert_eq!(store::load_plan(&path).unwrap().goals, "first");
    // The old recovery file is gone; this run's now holds the edits.
    assert!(!store_of_crashed.own_path().exists());
    let own = RecoveryStore::new(recovery_dir.path(), std::process::id());
    assert!(own.own_path().exists());
    p.apply(Action::Command(Command::Undo));
    assert_eq!(p.plan().goals, "first");
    p.apply(Action::Command(Command::Redo));

    // Saving ends the need for recovery: the file goes.
    p.apply(Action::Command(Command::Save));
    assert_eq!(store::load_plan(&path).unwrap().goals, "unsaved work");
    assert!(!own.own_path().exists());
}

#[test]
fn recovery_of_a_never_saved_plan_comes_back_as_a_new_plan() {
    let dir = tempfile::tempdir().unwrap();
    let recovery_dir = tempfile::tempdir().unwrap();
    let mut crashed = planner(dir.path());
    crashed.apply(Action::EnableRecovery(RecoveryStore::new(
        recovery_dir.path(),
        4_000_000_001,
    )));
    crashed.apply(Action::Edit(Edit::ClientName("New Client".into())));
    crashed.apply(Action::WriteRecovery);
    drop(crashed);

    let mut p = planner(dir.path());
    p.apply(Action::EnableRecovery(RecoveryStore::new(
        recovery_dir.path(),
        std::process::id(),
    )));
    p.apply(Action::AnswerRecovery(RecoveryAnswer::Restore));
    assert_eq!(p.plan().client.name, "New Client");
    assert!(p.file().is_none());
    assert!(p.is_dirty());
}

#[test]
fn declined_recovery_is_deleted_and_postponed_recovery_is_kept() {
    let recovery_dir = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    for pid in [4_000_000_002, 4_000_000_003] {
        let mut crashed = planner(dir.path());
        crashed.apply(Action::EnableRecovery(RecoveryStore::new(
            recovery_dir.path(),
            pid,
        )));
        crashed.apply(Action::Edit(Edit::ClientName(format!("Client {pid}"))));
        crashed.apply(Action::WriteRecovery);
    }
    let mut p = planner(dir.path());
    p.apply(Action::EnableRecovery(RecoveryStore::new(
        recovery_dir.path(),
        std::process::id(),
    )));
    assert_eq!(p.recovery_offers().len(), 2);
    p.apply(Action::AnswerRecovery(RecoveryAnswer::Discard));
    p.apply(Action::AnswerRecovery(RecoveryAnswer::Later));
    assert!(p.recovery_offers().is_empty());
    assert_eq!(std::fs::read_dir(recovery_dir.path()).unwrap().count(), 1);
    // Offered again next time.
    let mut again = planner(dir.path());
    again.apply(Action::EnableRecovery(RecoveryStore::new(
        recovery_dir.path(),
        std::process::id(),
    )));
    assert_eq!(again.recovery_offers().len(), 1);
}

#[test]
fn an_unreadable_recovery_file_is_reported_and_kept() {
    let recovery_dir = tempfile::tempdir().unwrap();
    let broken = recovery_dir.path().join("recovery-4000000004.ron");
    std::fs::write(&broken, "(written: ").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut p = planner(dir.path());
    p.apply(Action::EnableRecovery(RecoveryStore::new(
        recovery_dir.path(),
        std::process::id(),
    )));
    assert!(p.recovery_offers().is_empty());
    assert!(p.error().unwrap().contains("recovery-4000000004.ron"));
    assert!(broken.exists());
}

#[test]
fn a_clean_exit_removes_the_recovery_file_and_discarding_counts_as_clean() {
    let recovery_dir = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(recovery_dir.path(), std::process::id());
    let mut p = planner(dir.path());
    p.apply(Action::EnableRecovery(store.clone()));
    p.apply(Action::Edit(Edit::ClientName("Bo".into())));
    p.apply(Action::WriteRecovery);
    assert!(store.own_path().exists());
    // Closing with unsaved edits keeps it until the question is answered.
    p.apply(Action::CloseRequested);
    p.apply(Action::WindowClosing);
    assert!(store.own_path().exists());
    p.apply(Action::AnswerUnsaved(
        massage_planner::planner::UnsavedAnswer::Discard,
    ));
    p.apply(Action::WindowClosing);
    assert!(!store.own_path().exists());
}

#[cfg(unix)]
#[test]
fn recovery_files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let recovery_dir = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(&recovery_dir.path().join("nested"), std::process::id());
    let mut p = planner(recovery_dir.path());
    p.apply(Action::EnableRecovery(store.clone()));
    p.apply(Action::Edit(Edit::ClientName("Bo".into())));
    p.apply(Action::WriteRecovery);
    let file_mode = std::fs::metadata(store.own_path())
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(file_mode & 0o077, 0, "{file_mode:o}");
    let dir_mode = std::fs::metadata(recovery_dir.path().join("nested"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(dir_mode & 0o077, 0, "{dir_mode:o}");
}

#[test]
fn files_changed_by_others_reach_the_library_and_reload_a_clean_plan() {
    let dir = tempfile::tempdir().unwrap();
    let (mut p, path) = saved_plan(dir.path());
    p.apply(Action::Done(Outcome::LibraryLoaded {
        dir: dir.path().to_path_buf(),
        result: Ok(Library::scan(dir.path()).unwrap()),
    }));
    // Someone adds a plan and changes ours.
    let added = dir.path().join("cy-2026-11-20.ron");
    std::fs::write(&added, "(client: (name: \"Cy\"), date: \"2026-11-20\")").unwrap();
    write_theirs(&path);
    // Changes in hidden folders and client records are not plans.
    let hidden = dir.path().join(".history").join("x.ron");
    p.apply(Action::FilesChanged(vec![
        added.clone(),
        path.clone(),
        hidden,
    ]));
    let LibraryState::Ready(library) = p.library() else {
        panic!("library");
    };
    assert!(library.entry(&added).is_some());
    assert_eq!(library.entries.len(), 2);
    assert_eq!(
        p.plan().goals,
        "theirs",
        "a plan without edits follows the file"
    );
    assert!(p.message().contains("changed on disk"), "{}", p.message());

    // With edits, the plan stays as it is; saving will ask.
    p.apply(Action::Edit(Edit::Goals("mine".into())));
    std::fs::write(
        &path,
        "(client: (name: \"Bo\"), date: \"2026-11-25\", goals: \"again\")",
    )
    .unwrap();
    p.apply(Action::FilesChanged(vec![path.clone()]));
    assert_eq!(p.plan().goals, "mine");
    p.apply(Action::Command(Command::Save));
    assert!(conflict(&p).is_some());

    // A removed file leaves the library.
    std::fs::remove_file(&added).unwrap();
    p.apply(Action::FilesChanged(vec![added.clone()]));
    let LibraryState::Ready(library) = p.library() else {
        panic!("library");
    };
    assert!(library.entry(&added).is_none());
}

#[test]
fn the_watcher_reports_files_others_write() {
    use massage_planner::app::PlansWatcher;
    let dir = tempfile::tempdir().unwrap();
    let watcher = PlansWatcher::start(dir.path(), || {}).unwrap();
    let file = dir.path().join("new-plan.ron");
    std::fs::write(&file, "(client: (name: \"Di\"), date: \"2026-11-20\")").unwrap();
    // Debounced: give it time; this is not a timing test, only a bound.
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut seen = Vec::new();
    while Instant::now() < deadline && !seen.iter().any(|p: &PathBuf| p.ends_with("new-plan.ron")) {
        std::thread::sleep(Duration::from_millis(50));
        seen.extend(watcher.changed());
    }
    assert!(seen.iter().any(|p| p.ends_with("new-plan.ron")), "{seen:?}");
}

/// A plan and a Syncthing conflict copy of it with other goals.
fn plan_and_conflict_copy(dir: &Path) -> (Planner, PathBuf, PathBuf) {
    let (p, path) = saved_plan(dir);
    let copy = dir.join("bo-2026-11-25.sync-conflict-20261125-101010-ABCDEFG.ron");
    std::fs::write(
        &copy,
        "(client: (name: \"Bo\"), date: \"2026-11-25\", goals: \"from the clinic laptop\")",
    )
    .unwrap();
    (p, path, copy)
}

#[test]
fn conflict_copies_are_listed_next_to_their_plan() {
    let dir = tempfile::tempdir().unwrap();
    let (_, path, copy) = plan_and_conflict_copy(dir.path());
    std::fs::write(
        dir.path().join("bo-2026-10-01.ron"),
        "(client: (name: \"Bo\"), date: \"2026-10-01\")",
    )
    .unwrap();
    let library = Library::scan(dir.path()).unwrap();
    let groups = library.groups("");
    let bo: Vec<&Path> = groups[0].plans.iter().map(|e| e.path.as_path()).collect();
    let at = bo.iter().position(|p| *p == path).unwrap();
    let copy_at = bo.iter().position(|p| *p == copy).unwrap();
    assert_eq!(at.abs_diff(copy_at), 1, "{bo:?}");
    assert_eq!(store::original_of(&copy), Some(path));
}

#[test]
fn a_conflict_copy_is_compared_with_its_plan() {
    let dir = tempfile::tempdir().unwrap();
    let (mut p, path, copy) = plan_and_conflict_copy(dir.path());
    p.apply(Action::CompareConflictCopy(copy.clone()));
    let shown = comparison(&p).unwrap();
    assert_eq!(shown.original, path);
    use store::DiffLine;
    assert!(
        shown
            .lines
            .iter()
            .any(|l| matches!(l, DiffLine::OnlyInCopy(t) if t.contains("from the clinic laptop")))
    );
    assert!(
        shown
            .lines
            .iter()
            .any(|l| matches!(l, DiffLine::OnlyInPlan(t) if t.contains("first")))
    );
    p.apply(Action::CloseComparison);
    assert!(comparison(&p).is_none());
    assert!(copy.exists() && path.exists(), "comparing changes nothing");
}

#[test]
fn keeping_a_conflict_copy_replaces_the_plan_and_keeps_both_in_history() {
    let dir = tempfile::tempdir().unwrap();
    let (mut p, path, copy) = plan_and_conflict_copy(dir.path());
    p.apply(Action::Done(Outcome::LibraryLoaded {
        dir: dir.path().to_path_buf(),
        result: Ok(Library::scan(dir.path()).unwrap()),
    }));
    p.apply(Action::KeepConflictCopy(copy.clone()));
    assert!(p.error().is_none(), "{:?}", p.error());
    assert!(!copy.exists());
    assert_eq!(
        store::load_plan(&path).unwrap().goals,
        "from the clinic laptop"
    );
    // The open, unedited plan follows.
    assert_eq!(p.plan().goals, "from the clinic laptop");
    let history = dir.path().join(store::HISTORY_DIR);
    assert!(history.join(copy.file_name().unwrap()).exists());
    assert_eq!(
        history_files(dir.path()),
        2,
        "the replaced plan and the copy"
    );
    let LibraryState::Ready(library) = p.library() else {
        panic!("library");
    };
    assert!(library.entry(&copy).is_none());
}

#[test]
fn putting_a_conflict_copy_away_keeps_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let (mut p, path, copy) = plan_and_conflict_copy(dir.path());
    p.apply(Action::PutAwayConflictCopy(copy.clone()));
    assert!(!copy.exists());
    assert_eq!(store::load_plan(&path).unwrap().goals, "first");
    assert!(
        dir.path()
            .join(store::HISTORY_DIR)
            .join(copy.file_name().unwrap())
            .exists()
    );
    // A plan that is not a copy is never put away.
    p.apply(Action::PutAwayConflictCopy(path.clone()));
    assert!(path.exists());
}

/// The comparison says what differs in words, the raw lines one click away:
/// a copy with another therapist and a lighter pressure on step 3.
#[test]
fn a_conflict_copy_is_compared_field_by_field_in_words() {
    use massage_planner::model::{Muscle, Plan, Pressure, Side, Step, Technique};
    let dir = tempfile::tempdir().unwrap();
    let mut plan = Plan::new(date(2026, 11, 24));
    plan.client.name = "Lea Fischer".into();
    plan.therapist = "Therapist B".into();
    for muscle in [
        Muscle::ErectorSpinae,
        Muscle::QuadratusLumborum,
        Muscle::GluteusMedius,
    ] {
        let firm = Pressure::new(4).unwrap();
        plan.steps
            .push(Step::new(muscle, Side::Right, Technique::Swedish, firm));
    }
    let path = dir.path().join("lea-fischer-2026-11-24.ron");
    store::save_plan(&plan, &path, store::Overwrite::Never).unwrap();
    let mut theirs = plan.clone();
    theirs.therapist = "Therapist A".into();
    theirs.steps[2].pressure = Pressure::new(3).unwrap();
    let copy = dir
        .path()
        .join("lea-fischer-2026-11-24.sync-conflict-20261124-101500-ABCDEFG.ron");
    store::save_plan(&theirs, &copy, store::Overwrite::Never).unwrap();

    let mut p = planner(dir.path());
    p.apply(Action::CompareConflictCopy(copy.clone()));
    let shown = comparison(&p).unwrap();
    let said: Vec<String> = shown
        .differences
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        said,
        [
            "Therapist: Therapist B → Therapist A",
            "Step 3 pressure: firm (4/5) → medium (3/5)",
        ]
    );
    // The raw lines are there too.
    use store::DiffLine;
    assert!(
        shown.lines.iter().any(
            |l| matches!(l, DiffLine::OnlyInCopy(t) if t.contains("therapist: \"Therapist A\""))
        )
    );
}
