//! The planner window, end to end, as a person uses it (egui_kittest,
//! headless), plus snapshot images of the whole window.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod support;
use support::examples::copy_of_example_plans;

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jiff::civil::date;
use massage_planner::app::{PlannerApp, StartOptions};
use massage_planner::model::{Muscle, Side, Technique};
use massage_planner::store;

fn start(plans: &Path, open: Option<PathBuf>, theme: egui::Theme) -> Harness<'static, PlannerApp> {
    start_with_recovery(plans, open, theme, None)
}

fn start_with_recovery(
    plans: &Path,
    open: Option<PathBuf>,
    theme: egui::Theme,
    recovery_dir: Option<PathBuf>,
) -> Harness<'static, PlannerApp> {
    let options = StartOptions {
        plans_dir: Some(plans.to_path_buf()),
        open,
        today: Some(date(2026, 11, 25)),
        headless: true,
        exit_after_first_frame: false,
        recovery_dir,
        run: false,
        ..StartOptions::default()
    };
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_theme(theme)
        .build_eframe(move |cc| PlannerApp::new(cc, options));
    harness.run();
    harness
}

fn click(harness: &mut Harness<'_, PlannerApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

fn choose(harness: &mut Harness<'_, PlannerApp>, control: &str, option: &str) {
    click(harness, control);
    click(harness, option);
}

#[test]
fn plan_a_session_save_it_and_reopen_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = start(dir.path(), None, egui::Theme::Light);

    click(&mut harness, "+ New plan");
    harness.get_by_label("Client").focus();
    harness.run();
    harness.get_by_label("Client").type_text("Anna Berg");
    harness.run();

    // The quadratus lumborum lies deep: switch layer, then click it on the map.
    click(&mut harness, "Deep");
    click(&mut harness, "Left quadratus lumborum");
    choose(&mut harness, "Technique for step 1", "Deep tissue");
    choose(&mut harness, "Pressure for step 1", "firm (4/5)");
    harness.get_by_label("Minutes for step 1").focus();
    harness.run();
    // Focusing the minutes selects them; typing replaces them.
    harness.get_by_label("Minutes for step 1").type_text("10");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    click(&mut harness, "Right gluteus medius");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();

    let path = dir.path().join("anna-berg-2026-11-25.ron");
    let saved = store::load_plan(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(saved.client.name, "Anna Berg");
    assert_eq!(saved.date, date(2026, 11, 25));
    let steps: Vec<_> = saved
        .steps
        .iter()
        .map(|s| (s.muscle, s.side, s.technique, s.pressure.level(), s.minutes))
        .collect();
    assert_eq!(
        steps,
        [
            (
                Muscle::QuadratusLumborum,
                Side::Left,
                Technique::DeepTissue,
                4,
                10
            ),
            // The next pick takes the technique and pressure last used.
            (
                Muscle::GluteusMedius,
                Side::Right,
                Technique::DeepTissue,
                4,
                5
            ),
        ]
    );
    assert_eq!(
        harness.state().planner().plan(),
        &saved,
        "the file holds exactly the plan"
    );

    // Undo and redo from the keyboard.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().planner().plan().steps.len(), 1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(harness.state().planner().plan(), &saved);
    drop(harness);

    // A restart: pick the plan in the library and the editor shows it.
    let mut harness = start(dir.path(), None, egui::Theme::Light);
    harness.get_by_label_contains("2026-11-25").click();
    harness.run();
    assert_eq!(harness.state().planner().plan(), &saved);
    assert_eq!(
        harness.get_by_label("Client").value().as_deref(),
        Some("Anna Berg")
    );
    harness.get_by_label_contains("1. Left quadratus lumborum");
    harness.get_by_label_contains("2. Right gluteus medius");
}

#[test]
fn unsaved_changes_are_asked_about_and_each_answer_does_what_it_says() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = start(dir.path(), None, egui::Theme::Light);
    click(&mut harness, "Left gluteus maximus");
    let plan_with_step = harness.state().planner().plan().clone();
    assert_eq!(
        plan_with_step.steps.len(),
        1,
        "the left gluteus maximus is reachable on the map"
    );

    // Cancel keeps everything.
    click(&mut harness, "+ New plan");
    harness.get_by_label_contains("has changes that are not saved");
    click(&mut harness, "Cancel");
    assert_eq!(harness.state().planner().plan(), &plan_with_step);
    assert!(harness.query_by_label("Save changes?").is_none());

    // Save writes the plan, then starts the new one.
    click(&mut harness, "+ New plan");
    click(&mut harness, "Save");
    assert!(harness.state().planner().plan().steps.is_empty());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);

    // Discard drops the edits, writes nothing.
    click(&mut harness, "Left gluteus maximus");
    click(&mut harness, "+ New plan");
    click(&mut harness, "Discard");
    assert!(harness.state().planner().plan().steps.is_empty());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn edits_left_by_a_crash_are_offered_at_start_and_restored() {
    let plans = tempfile::tempdir().unwrap();
    let recovery = tempfile::tempdir().unwrap();
    let mut plan = massage_planner::model::Plan::new(date(2026, 11, 24));
    plan.client.name = "Eva Lund".into();
    plan.goals = "typed before the power cut".into();
    // A run that is no longer running (no such process) left this behind.
    store::RecoveryStore::new(recovery.path(), 4_000_000_100)
        .write(None, &plan, None)
        .unwrap();
    let mut harness = start_with_recovery(
        plans.path(),
        None,
        egui::Theme::Light,
        Some(recovery.path().to_path_buf()),
    );
    harness.get_by_label_contains("did not close properly");
    click(&mut harness, "Restore");
    assert_eq!(harness.state().planner().plan(), &plan);
    assert!(harness.state().planner().is_dirty());
    assert!(harness.query_by_label("Restore").is_none());
}

#[test]
fn a_plan_changed_by_someone_else_asks_before_saving() {
    let plans = tempfile::tempdir().unwrap();
    let path = plans.path().join("eva-lund-2026-11-25.ron");
    let mut plan = massage_planner::model::Plan::new(date(2026, 11, 25));
    plan.client.name = "Eva Lund".into();
    store::save_plan(&plan, &path, store::Overwrite::Never).unwrap();
    let mut harness = start(plans.path(), Some(path.clone()), egui::Theme::Light);
    plan.goals = "theirs".into();
    std::fs::write(&path, store::plan_to_ron(&plan).unwrap()).unwrap();
    click(&mut harness, "Left gluteus maximus");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label_contains("was changed on disk after you opened it");
    click(&mut harness, "Save mine as a copy");
    let copy = plans.path().join("eva-lund-2026-11-25-2.ron");
    assert_eq!(store::load_plan(&copy).unwrap().steps.len(), 1);
    assert_eq!(store::load_plan(&path).unwrap().goals, "theirs");
}

fn window_snapshot(theme: egui::Theme, name: &str) {
    let plans = copy_of_example_plans();
    let maria = plans.path().join("maria-keller-2026-11-18.ron");
    let mut harness = start(plans.path(), Some(maria), theme);
    // Clicking a planned muscle on the map selects its step and highlights it.
    harness.get_by_label("Right gluteus medius").click();
    harness.run();
    assert_eq!(harness.state().planner().selected_step(), Some(4));
    harness.snapshot(name);
}

#[test]
fn window_snapshot_light() {
    window_snapshot(egui::Theme::Light, "window_light");
}

#[test]
fn window_snapshot_dark() {
    window_snapshot(egui::Theme::Dark, "window_dark");
}

#[test]
fn the_client_record_is_edited_in_the_window_and_its_warnings_appear() {
    let plans = tempfile::tempdir().unwrap();
    let path = plans.path().join("eva-lund-2026-11-25.ron");
    let mut plan = massage_planner::model::Plan::new(date(2026, 11, 25));
    plan.client.name = "Eva Lund".into();
    plan.steps.push(massage_planner::model::Step::new(
        Muscle::GluteusMaximus,
        Side::Left,
        Technique::DeepTissue,
        massage_planner::model::Pressure::new(4).unwrap(),
    ));
    store::save_plan(&plan, &path, store::Overwrite::Never).unwrap();
    let mut harness = start(plans.path(), Some(path), egui::Theme::Light);
    harness.get_by_label_contains("No client record yet");
    click(&mut harness, "Create client record...");
    harness.get_by_label_contains("Client record: Eva Lund");
    click(&mut harness, "Add a condition...");
    click(&mut harness, "Osteoporosis");
    click(&mut harness, "Add to areas to avoid");
    click(&mut harness, "Save client record");
    let record = store::find_client_record(plans.path(), "Eva Lund")
        .unwrap()
        .expect("saved in clients/");
    assert_eq!(
        record.conditions[0].kind,
        massage_planner::model::ConditionKind::Osteoporosis
    );
    assert_eq!(record.avoid.len(), 1);
    // The deep step now carries the osteoporosis warning, with Acknowledge.
    harness.get_by_label_contains("osteoporotic bone breaks easily");
    click(&mut harness, "Acknowledge");
    assert_eq!(harness.state().planner().plan().acknowledged.len(), 1);
    // Reopened, the form shows what was saved; Cancel leaves it as it is.
    click(&mut harness, "Client record...");
    harness.get_by_label("Areas to avoid: muscle 1");
    click(&mut harness, "Cancel");
    assert_eq!(
        store::find_client_record(plans.path(), "Eva Lund").unwrap(),
        Some(record)
    );
}

/// Each command's shortcut, pressed in the running window, does what the
/// command says. A command given a shortcut must be checked here too.
#[test]
fn every_shortcut_does_its_command() {
    use massage_planner::atlas::ViewKind;
    use massage_planner::planner::{Command, Modal};
    use massage_planner::ui::shortcuts;

    let plans = copy_of_example_plans();
    let maria = plans.path().join("maria-keller-2026-11-18.ron");
    let mut checked = Vec::new();
    for command in Command::all() {
        let Some(shortcut) = shortcuts::shortcut(command) else {
            continue;
        };
        let mut harness = start(plans.path(), Some(maria.clone()), egui::Theme::Light);
        if command == Command::ShowBackView {
            // Start from another view, so the back view is a change.
            let front = shortcuts::shortcut(Command::ShowFrontView).unwrap();
            harness.key_press_modifiers(front.modifiers, front.logical_key);
            harness.run();
            assert_eq!(harness.state().planner().view(), ViewKind::Front);
        }
        let before = harness.state().planner().plan().clone();
        let layer_before = harness.state().planner().layer();
        let landmarks_before = harness.state().planner().landmarks_shown();
        harness.key_press_modifiers(shortcut.modifiers, shortcut.logical_key);
        harness.run();
        let p = harness.state().planner();
        let prompt = |dialog: &str| matches!(p.modal(), Some(Modal::PathPrompt(prompt)) if prompt.dialog.title() == dialog);
        let did = match command {
            Command::New => p.plan().steps.is_empty() && p.file().is_none(),
            Command::Open => prompt("Open plan"),
            Command::Save => p.message().starts_with("Saved maria-keller-2026-11-18.ron"),
            Command::SaveAs => prompt("Save plan as"),
            Command::Print => p.message().contains("The plan sheet is saved in"),
            Command::Handout => p.message().contains("The home-care handout is saved in"),
            Command::ExportPdf => prompt("Export plan sheet as PDF"),
            Command::Undo => p.message() == "Nothing to undo",
            Command::Redo => p.message() == "Nothing to redo",
            Command::ToggleLayer => p.layer() != layer_before,
            Command::ShowBackView => p.view() == ViewKind::Posterior,
            Command::ShowSideView => p.view() == ViewKind::Side,
            Command::ShowFrontView => p.view() == ViewKind::Front,
            Command::ToggleLandmarks => p.landmarks_shown() != landmarks_before,
            Command::Quit => p.close_confirmed(),
            Command::QuickAdd => harness.get_by_label("Add a step by name").is_focused(),
            Command::RunSession => p.session().is_some_and(|s| s.current() == Some(0)),
            other => panic!("{other:?} has a shortcut but no check here"),
        };
        assert!(did, "{command:?}: message {:?}", p.message());
        if command != Command::New {
            assert_eq!(p.plan(), &before, "{command:?} left the plan alone");
        }
        checked.push(command);
    }
    assert!(checked.len() >= 10, "{checked:?}");
}

#[test]
fn a_step_is_added_with_the_keyboard_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = start(dir.path(), None, egui::Theme::Light);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::K);
    harness.run();
    assert!(harness.get_by_label("Add a step by name").is_focused());
    harness.get_by_label("Add a step by name").type_text("ql r");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let steps: Vec<_> = harness
        .state()
        .planner()
        .plan()
        .steps
        .iter()
        .map(|s| (s.muscle, s.side))
        .collect();
    assert_eq!(steps, [(Muscle::QuadratusLumborum, Side::Right)]);
}

#[test]
fn a_message_appearing_moves_no_control() {
    let plans = copy_of_example_plans();
    let maria = plans.path().join("maria-keller-2026-11-18.ron");
    let mut harness = start(plans.path(), Some(maria), egui::Theme::Light);
    let before = harness.get_by_label("Minutes for step 3").rect();
    let search_before = harness.get_by_label("Add a step by name").rect();
    // A long message and then an error: the status line stays one line.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().planner().message(), "Nothing to undo");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::P);
    harness.run();
    assert!(harness.state().planner().message().len() > 100);
    assert_eq!(harness.get_by_label("Minutes for step 3").rect(), before);
    assert_eq!(
        harness.get_by_label("Add a step by name").rect(),
        search_before
    );
}

/// Every text the window shows from the app's own lists renders with the
/// loaded fonts: no empty boxes for a missing glyph.
#[test]
fn every_label_has_its_glyphs_in_the_fonts() {
    use massage_planner::model::{Pressure, Technique};
    use massage_planner::planner::Command;
    use massage_planner::screening::Level;

    let dir = tempfile::tempdir().unwrap();
    let harness = start(dir.path(), None, egui::Theme::Light);
    let mut texts: Vec<String> = Vec::new();
    for command in Command::all() {
        texts.push(command.label().into());
        texts.push(command.tooltip().into());
    }
    for technique in Technique::ALL {
        texts.push(technique.name().into());
        texts.push(technique.description().into());
    }
    for muscle in Muscle::ALL {
        texts.push(muscle.name().into());
        texts.push(muscle.short_name().into());
    }
    texts.extend(Side::ALL.map(|s| s.name().to_string()));
    texts.extend(Pressure::all().map(|p| p.label()));
    texts.extend(
        [Level::Note, Level::Adjust, Level::Avoid, Level::ReferOut].map(|l| l.name().to_string()),
    );
    // Punctuation the views add around them.
    texts.extend(["· — … • →".to_string(), "Acknowledged — Adjust".to_string()]);
    let font = egui::FontId::proportional(14.0);
    for text in &texts {
        let missing: Vec<char> = harness
            .ctx
            .fonts_mut(|f| text.chars().filter(|c| !f.has_glyph(&font, *c)).collect());
        assert!(missing.is_empty(), "{text:?} lacks {missing:?}");
    }
}

/// The map's view tabs and their shortcuts switch between the back, the
/// side-lying and the front view; each shows its own muscles, and the
/// landmarks switch hides and shows the landmarks.
#[test]
fn the_map_switches_views_by_tab_and_keyboard() {
    use massage_planner::atlas::ViewKind;
    let plans = copy_of_example_plans();
    let maria = plans.path().join("maria-keller-2026-11-18.ron");
    let mut harness = start(plans.path(), Some(maria), egui::Theme::Light);
    assert_eq!(harness.state().planner().view(), ViewKind::Posterior);
    harness.get_by_label("Left upper trapezius");
    assert!(harness.query_by_label("Left iliotibial band").is_none());

    click(&mut harness, "Side");
    assert_eq!(harness.state().planner().view(), ViewKind::Side);
    harness.get_by_label("Left iliotibial band");
    harness.get_by_label("Right gluteus medius");
    assert!(harness.query_by_label("Left upper trapezius").is_none());

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num3);
    harness.run();
    assert_eq!(harness.state().planner().view(), ViewKind::Front);
    harness.get_by_label("Right sartorius");

    assert!(harness.state().planner().landmarks_shown());
    click(&mut harness, "Landmarks");
    assert!(!harness.state().planner().landmarks_shown());
    click(&mut harness, "Back");
    assert_eq!(harness.state().planner().view(), ViewKind::Posterior);
}

/// Session mode in the real window: F5 enters it, Space starts, the arrow
/// keys move between steps, Skip and Finish are buttons; the record lands in
/// the plan, the after-session form opens and Save writes it to the file.
#[test]
fn a_session_runs_in_the_window_and_its_record_is_saved() {
    use massage_planner::model::Outcome;
    use massage_planner::planner::Modal;

    let plans = copy_of_example_plans();
    let maria = plans.path().join("maria-keller-2026-11-18.ron");
    let mut harness = start(plans.path(), Some(maria.clone()), egui::Theme::Light);
    harness.key_press(egui::Key::F5);
    harness.run();
    assert!(harness.state().planner().session().is_some());
    let session = |h: &Harness<'_, PlannerApp>| {
        let runner = h.state().planner().session().unwrap();
        (runner.current(), runner.is_running())
    };
    assert_eq!(session(&harness), (Some(0), false), "not started");
    harness.key_press(egui::Key::Space);
    // Running: the window asks for a frame a second, so step frame by frame.
    harness.step();
    assert_eq!(session(&harness), (Some(0), true));
    harness.key_press(egui::Key::ArrowRight);
    harness.step();
    assert_eq!(session(&harness), (Some(1), true));
    harness.key_press(egui::Key::ArrowUp);
    harness.step();
    assert_eq!(
        harness
            .state()
            .planner()
            .session()
            .unwrap()
            .planned_seconds(1),
        9 * 60,
        "one minute more on the 8-minute step"
    );
    harness.get_by_label("Skip").click();
    harness.step();
    assert_eq!(session(&harness), (Some(2), true));
    // Drawn once more, now for step 3 (its notes move the buttons down).
    harness.step();
    harness.get_by_label("Pressure deep (5/5)").click();
    harness.step();
    assert_eq!(
        harness
            .state()
            .planner()
            .session()
            .and_then(|s| s.step(2))
            .and_then(|s| s.pressure)
            .map(|p| p.level()),
        Some(5),
        "the pressure changed during the session"
    );
    harness.key_press(egui::Key::Space);
    harness.step();
    assert_eq!(session(&harness), (Some(2), false), "paused");
    harness.run();
    harness.get_by_label("Finish").click();
    harness.run();

    let p = harness.state().planner();
    assert!(p.session().is_none());
    assert!(matches!(p.modal(), Some(Modal::AfterSession)));
    let record = p.plan().record.clone().expect("the record is in the plan");
    let outcomes: Vec<_> = record.steps.iter().map(|s| (s.step, s.outcome)).collect();
    assert_eq!(outcomes[..2], [(1, Outcome::Done), (2, Outcome::Skipped)]);
    assert_eq!(
        record.step(2).and_then(|s| s.pressure).map(|p| p.level()),
        Some(5),
        "{record:?}"
    );
    assert!(record.soap.subjective.starts_with("Goals: "), "{record:?}");

    let objective = || (egui::accesskit::Role::MultilineTextInput, "O: Objective");
    harness
        .get_by_role_and_label(objective().0, objective().1)
        .focus();
    harness
        .get_by_role_and_label(objective().0, objective().1)
        .type_text("Right QL tender.");
    harness.run();
    harness.get_by_label("Save").click();
    harness.run();
    let saved = store::load_plan(&maria).unwrap();
    assert_eq!(
        saved.record.map(|r| r.soap.objective),
        Some("Right QL tender.".to_owned())
    );
}

#[test]
fn an_empty_library_offers_the_example_plans() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = start(dir.path(), None, egui::Theme::Light);
    assert!(harness.query_by_label("Maria Keller  (2)").is_none());

    click(&mut harness, "Add the example plans");
    assert_eq!(store::plan_files_under(dir.path()).unwrap().len(), 5);
    harness.get_by_label("Maria Keller  (2)");
    assert!(harness.query_by_label("Add the example plans").is_none());
}

#[test]
fn a_step_gets_its_position_and_the_steps_are_reordered_to_turn_the_client_less() {
    let plans = copy_of_example_plans();
    let maria = plans.path().join("maria-keller-2026-11-18.ron");
    let mut harness = start(plans.path(), Some(maria), egui::Theme::Light);
    let turns = |h: &Harness<'_, PlannerApp>| h.state().planner().plan().position_changes();
    assert_eq!(turns(&harness), 5);
    harness.get_by_label_contains("The client turns 5 times");
    click(&mut harness, "Reorder to turn the client less");
    assert_eq!(
        turns(&harness),
        3,
        "each position once: prone, side-lying R, L, supine"
    );
    assert!(
        harness
            .query_by_label("Reorder to turn the client less")
            .is_none(),
        "offered only while it would help"
    );
    // Step 2 is prone; make it supine from the selected step's details.
    click(&mut harness, "2. Thoracolumbar fascia, both sides");
    choose(&mut harness, "Position for step 2", "Supine");
    let step = &harness.state().planner().plan().steps[1];
    assert_eq!(
        step.position,
        Some(massage_planner::model::Position::Supine)
    );
    harness.get_by_label("Reorder to turn the client less");
}

/// The client view, opened from the library's client heading, at the
/// window's default 1280x800: the sessions and the pain plot; the heat map
/// on the atlas, each worked muscle named with its minutes and mean
/// pressure; two sessions' maps side by side with what changed; continuing
/// from the last session. Snapshots of each tab in both themes.
fn client_view(theme: egui::Theme, name: &str) {
    use massage_planner::planner::Modal;
    let plans = copy_of_example_plans();
    let mut harness = start(plans.path(), None, theme);
    click(&mut harness, "Course of Maria Keller");
    assert!(matches!(
        harness.state().planner().modal(),
        Some(Modal::Course(_))
    ));
    // The modal's first frame only measures it.
    harness.run();
    harness.get_by_label("Maria Keller: the course");
    harness.get_by_label("2026-11-04: 52 min, 6 steps, pain before 7/10, after 4/10");
    harness
        .get_by_label("Compare the session of 2026-11-04")
        .click_accesskit();
    harness.run();
    harness
        .get_by_label("Compare the session of 2026-11-18")
        .click_accesskit();
    harness.run();
    match harness.state().planner().modal() {
        Some(Modal::Course(view)) => assert_eq!(view.compare, [0, 1]),
        other => panic!("{other:?}"),
    }
    harness.snapshot(name);

    // The heat map: the right QL, most worked, named with its numbers on
    // the back view; the never-worked right erector spinae (thoracic) not.
    click(&mut harness, "What was worked");
    harness.run();
    let right_ql = harness
        .get_by_label(
            "Back view, Right quadratus lumborum: 25 min, mean pressure 4.0 of 5, 2 sessions",
        )
        .rect()
        .center();
    // Pointing at it shows its numbers beside it.
    harness.hover_at(right_ql);
    harness.run();
    harness.get_by_label("Right quadratus lumborum: 25 min, mean pressure 4.0 of 5, 2 sessions");
    harness.get_by_label_contains("Side view, Right gluteus medius: 19 min");
    harness.get_by_label("20–25 min");
    assert!(
        harness
            .query_by_label_contains("view, Left quadratus lumborum: 25 min")
            .is_none()
    );
    harness.snapshot(format!("{name}_worked"));

    // The two sessions compared: their maps side by side and the changes.
    click(&mut harness, "Compare two sessions");
    harness.run();
    harness.get_by_label("Map of the session of 2026-11-04");
    harness.get_by_label("Map of the session of 2026-11-18");
    harness.get_by_label("What changed from 2026-11-04 to 2026-11-18");
    harness.get_by_label("Step 1 technique");
    harness.get_by_label("Heat application");
    // Still in the window at 1280x800: the buttons below the tab.
    let close = harness.get_by_label("Close").rect();
    assert!(close.max.y <= 800.0, "{close:?}");
    harness.snapshot(format!("{name}_compare"));

    click(&mut harness, "Continue from the last session");
    let p = harness.state().planner();
    assert!(p.modal().is_none());
    assert_eq!(p.plan().client.name, "Maria Keller");
    assert_eq!(p.plan().date, date(2026, 11, 25));
}

#[test]
fn client_view_light() {
    client_view(egui::Theme::Light, "client_view_light");
}

#[test]
fn client_view_dark() {
    client_view(egui::Theme::Dark, "client_view_dark");
}

/// A plans folder and a plan named from the working folder (`--plans
/// plans`, `open plans/x.ron`) are kept as absolute paths, as the folder
/// watcher reports changes: a relative library listed every plan changed
/// on disk a second time.
#[test]
fn a_relative_plans_folder_and_plan_are_kept_as_absolute_paths() {
    use massage_planner::planner::LibraryState;
    let examples = copy_of_example_plans();
    // Inside the crate (the tests' working folder), so it can be named
    // relatively; removed when the test ends.
    let here = tempfile::Builder::new()
        .prefix("relative-plans-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .unwrap();
    for entry in std::fs::read_dir(examples.path()).unwrap() {
        let from = entry.unwrap().path();
        if from.is_file() {
            std::fs::copy(&from, here.path().join(from.file_name().unwrap())).unwrap();
        }
    }
    let cwd = std::env::current_dir().unwrap();
    let relative = here
        .path()
        .strip_prefix(&cwd)
        .expect("cargo's temporary folder is inside the crate, the tests' working folder")
        .to_path_buf();
    assert!(relative.is_relative());
    let maria = relative.join("maria-keller-2026-11-18.ron");
    let harness = start(&relative, Some(maria), egui::Theme::Light);
    let planner = harness.state().planner();
    assert!(planner.plans_dir().is_absolute());
    assert_eq!(planner.plans_dir(), here.path());
    let open = planner.file().unwrap();
    assert_eq!(open.path, here.path().join("maria-keller-2026-11-18.ron"));
    match planner.library() {
        LibraryState::Ready(library) => {
            assert!(!library.entries.is_empty());
            assert!(
                library
                    .entries
                    .iter()
                    .all(|e| e.path.starts_with(here.path()))
            );
        }
        other => panic!("the library is read in headless start: {other:?}"),
    }
}
