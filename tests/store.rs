//! Plan files: round trips, hand-written files, broken files.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use jiff::civil::Date;
use massage_planner::model::{
    Acknowledgement, Clearance, Client, Muscle, MuscleSide, Outcome, Pain, PainLevel, Plan,
    Position, Pressure, Seconds, SessionRecord, Side, Soap, Step, StepRecord, Technique,
};
use massage_planner::store::{
    self, FileStamp, Library, Overwrite, Problem, load_plan, parse_plan, plan_to_ron,
    save_new_plan, save_plan,
};
use proptest::prelude::*;

fn data(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn arb_step() -> impl Strategy<Value = Step> {
    (
        prop::sample::select(Muscle::ALL.to_vec()),
        prop::sample::select(Side::ALL.to_vec()),
        prop::sample::select(Technique::ALL.to_vec()),
        1u8..=5,
        0u16..=400,
        prop::option::of(prop::sample::select(Position::ALL.to_vec())),
        ".*",
    )
        .prop_map(
            |(muscle, side, technique, level, minutes, position, notes)| Step {
                muscle,
                side,
                technique,
                pressure: Pressure::new(level).expect("1..=5 is in range"),
                minutes,
                position,
                notes,
                trigger_point: None,
            },
        )
}

fn arb_plan() -> impl Strategy<Value = Plan> {
    (
        (".*", ".*", 1i16..=9999, 1i8..=12, 1i8..=28),
        (".*", 0u16..=600, ".*", ".*", ".*"),
        prop::collection::vec(arb_step(), 0..25),
        (
            prop::option::of((0u8..=10, ".*")),
            prop::collection::vec(arb_acknowledgement(), 0..3),
            prop::option::of(arb_record()),
        ),
    )
        .prop_map(
            |(
                (name, id, year, month, day),
                (therapist, session, goals, precautions, self_care),
                steps,
                (pain, acknowledged, record),
            )| {
                let pain_before = pain.map(|(level, location)| Pain {
                    level: PainLevel::new(level).expect("0..=10 is in range"),
                    location,
                    ..Pain::default()
                });
                Plan {
                    format: massage_planner::model::FORMAT_VERSION,
                    client: Client { name, id },
                    date: Date::new(year, month, day).expect("valid date"),
                    therapist,
                    session_minutes: session,
                    goals,
                    precautions,
                    self_care,
                    pain_after: pain_before.clone(),
                    pain_before,
                    steps,
                    acknowledged,
                    record,
                }
            },
        )
}

fn arb_record() -> impl Strategy<Value = SessionRecord> {
    (
        (0i64..86_400, 0i64..20_000),
        prop::collection::vec(
            (
                1usize..30,
                any::<u32>(),
                any::<bool>(),
                prop::option::of(1u8..=5),
                ".*",
            ),
            0..8,
        ),
        (".*", ".*", ".*", ".*", ".*"),
    )
        .prop_map(
            |(
                (start, length),
                steps,
                (client_response, subjective, objective, assessment, plan),
            )| {
                let day = jiff::civil::date(2026, 11, 4).at(0, 0, 0, 0);
                SessionRecord {
                    started: day
                        .checked_add(jiff::SignedDuration::from_secs(start))
                        .unwrap(),
                    ended: day
                        .checked_add(jiff::SignedDuration::from_secs(start + length))
                        .unwrap(),
                    steps: steps
                        .into_iter()
                        .map(|(step, seconds, done, pressure, note)| StepRecord {
                            step,
                            seconds: Seconds::new(seconds),
                            outcome: if done {
                                Outcome::Done
                            } else {
                                Outcome::Skipped
                            },
                            pressure: pressure.map(|p| Pressure::new(p).unwrap()),
                            note,
                        })
                        .collect(),
                    client_response,
                    soap: Soap {
                        subjective,
                        objective,
                        assessment,
                        plan,
                    },
                }
            },
        )
}

fn arb_acknowledgement() -> impl Strategy<Value = Acknowledgement> {
    (
        "[a-z_]{1,20}",
        prop::option::of((
            prop::sample::select(Muscle::ALL.to_vec()),
            prop::sample::select(Side::ALL.to_vec()),
        )),
        ".*",
        prop::option::of(".*"),
        prop::option::of(("[A-Za-z. ]{0,20}", 1i16..=9999, 1i8..=12, 1i8..=28, ".*")),
    )
        .prop_map(|(rule, region, note, because, clearance)| Acknowledgement {
            rule,
            region: region.map(|(muscle, side)| MuscleSide::new(muscle, side)),
            note,
            because,
            clearance: clearance.map(|(by, year, month, day, note)| Clearance {
                by,
                date: Date::new(year, month, day).expect("valid date"),
                note,
            }),
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_plan_saves_and_loads_back_equal(plan in arb_plan()) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("plan.ron");
        save_plan(&plan, &path, Overwrite::Always).expect("save");
        let first = std::fs::read(&path).expect("read");
        let loaded = load_plan(&path).expect("load");
        prop_assert_eq!(&loaded, &plan);
        // Saving the loaded plan again gives the very same bytes.
        save_plan(&loaded, &path, Overwrite::Always).expect("save again");
        prop_assert_eq!(std::fs::read(&path).expect("read"), first);
    }
}

#[test]
fn example_plans_load_are_valid_and_in_canonical_form() {
    let files = store::plan_files_under(&data("plans")).expect("plans folder");
    assert!(files.len() >= 3, "at least three example plans");
    let mut clients = std::collections::BTreeSet::new();
    for file in files {
        let plan = load_plan(&file).unwrap_or_else(|e| panic!("{e}"));
        let errors: Vec<_> = plan
            .validate()
            .into_iter()
            .filter(|f| f.severity == massage_planner::model::Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", file.display());
        // The examples are written exactly as the app writes them, so saving
        // them unchanged never produces a diff.
        let text = std::fs::read_to_string(&file).expect("read");
        assert_eq!(plan_to_ron(&plan).expect("ron"), text, "{}", file.display());
        clients.insert(plan.client.name.clone());
    }
    assert!(clients.len() >= 3, "examples for different clients");
}

#[test]
fn hand_written_files_load() {
    let plan = load_plan(&data("tests/data/hand_written/comments_and_order.ron"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(plan.client.name, "Peter Novak");
    assert_eq!(plan.client.id, "");
    assert_eq!(plan.session_minutes, 60, "default session length");
    assert_eq!(plan.steps.len(), 2);
    assert_eq!(plan.steps[0].pressure, Pressure::MEDIUM, "default pressure");
    assert_eq!(plan.steps[1].muscle, Muscle::QuadratusLumborum);
    assert_eq!(plan.steps[1].pressure.level(), 4);
    assert_eq!(plan.steps[1].notes, "slowly");

    let minimal =
        load_plan(&data("tests/data/hand_written/minimal.ron")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(minimal.client.name, "Eva");
    assert!(minimal.steps.is_empty());
}

/// What other editors and hand editing produce, when it is unambiguous,
/// loads; saving writes the canonical form (`Some(…)`, pressure numbers,
/// no byte-order mark, `\n`).
#[test]
fn hand_edited_files_from_other_editors_load_and_save_canonically() {
    let notepad = data("tests/data/hand_written/notepad_byte_order_mark.ron");
    assert!(
        std::fs::read(&notepad)
            .unwrap()
            .starts_with(b"\xEF\xBB\xBF")
    );
    let plan = load_plan(&notepad).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(plan.client.name, "Lea Fischer");
    assert_eq!(plan.steps[0].muscle, Muscle::Piriformis);
    let text = plan_to_ron(&plan).expect("ron");
    assert!(
        !text.starts_with('\u{feff}') && !text.contains('\r'),
        "{text}"
    );

    let plan = load_plan(&data("tests/data/hand_written/optional_without_some.ron"))
        .unwrap_or_else(|e| panic!("{e}"));
    let pain = plan.pain_before.clone().expect("pain before");
    assert_eq!(pain.level.level(), 6);
    assert_eq!(pain.location, "left low back");
    assert_eq!(plan.pain_after, None);
    let text = plan_to_ron(&plan).expect("ron");
    assert!(text.contains("pain_before: Some(("), "{text}");
    assert_eq!(
        parse_plan(text.as_bytes(), Path::new("again.ron")).unwrap(),
        plan
    );

    let plan = load_plan(&data("tests/data/hand_written/pressure_by_name.ron"))
        .unwrap_or_else(|e| panic!("{e}"));
    let levels: Vec<u8> = plan.steps.iter().map(|s| s.pressure.level()).collect();
    assert_eq!(levels, [4, 1, 3]);
    let text = plan_to_ron(&plan).expect("ron");
    assert!(
        text.contains("pressure: 4,") && !text.contains("firm"),
        "{text}"
    );
}

/// Each broken file gives its own clear reason, naming the file (and the
/// line and column where the parser knows them), quickly and without panic.
#[test]
fn broken_files_give_clear_errors() {
    let expected: &[(&str, Option<usize>, &str)] = &[
        ("empty.ron", None, "the file is empty"),
        ("truncated.ron", Some(11), "the file ends too early"),
        (
            "wrong_type.ron",
            Some(20),
            "expected a whole number for `minutes`",
        ),
        (
            "unknown_technique.ron",
            Some(18),
            "unknown technique `Reiki`; one of: `Swedish`, `DeepTissue`",
        ),
        (
            "misspelt_technique.ron",
            Some(6),
            "unknown technique `Triggerpoint`: did you mean `TriggerPoint`?",
        ),
        (
            "unknown_muscle.ron",
            Some(48),
            "unknown muscle `biceps_brachii`; one of: `upper_trapezius`",
        ),
        (
            "misspelt_muscle.ron",
            Some(6),
            "unknown muscle `quadratus_lumborom`: did you mean `quadratus_lumborum`?",
        ),
        ("invalid_utf8.ron", Some(3), "not UTF-8"),
        ("deeply_nested.ron", Some(1), "a plan file starts with `(`"),
        (
            "nested_too_deep.ron",
            Some(5),
            "brackets are nested too deeply here (more than 32 levels)",
        ),
        ("json_not_ron.ron", Some(1), "a plan file starts with `(`"),
        (
            "newer_format.ron",
            None,
            "newer massage-planner (plan format 7)",
        ),
        (
            "pressure_out_of_range.ron",
            Some(19),
            "pressure is a number from 1 to 5, or its name: very light, light, medium, firm, deep; not 9",
        ),
        (
            "pressure_unknown_name.ron",
            Some(6),
            "pressure is a number from 1 to 5, or its name: very light, light, medium, firm, deep; not \"hard\"",
        ),
        (
            "quoted_side.ron",
            Some(7),
            "expected a name without quotes for `side`",
        ),
        ("impossible_date.ron", Some(8), "date is not valid"),
        (
            "minutes_overflow.ron",
            Some(20),
            "the number for `minutes` is out of range",
        ),
        (
            "record_negative_seconds.ron",
            Some(31),
            "the seconds spent on a step cannot be negative, not -30",
        ),
        // Not silently dropped (and then lost on the next save).
        (
            "misspelt_field.ron",
            Some(13),
            "unknown field `note` in a step: did you mean `notes`?",
        ),
    ];
    let dir = data("tests/data/bad");
    let on_disk = std::fs::read_dir(&dir).expect("bad dir").count();
    assert_eq!(on_disk, expected.len(), "every bad file has an expectation");
    for (name, line, message) in expected {
        let path = dir.join(name);
        let started = Instant::now();
        let error = load_plan(&path).expect_err(name);
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "{name} took too long"
        );
        let shown = error.to_string();
        assert!(shown.starts_with(&path.display().to_string()), "{shown}");
        assert!(shown.contains(message), "{name}: {shown}");
        assert_eq!(error.location.map(|l| l.line), *line, "{shown}");
    }
}

#[test]
fn hostile_input_is_bounded() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Far larger than any plan: refused by size before it is read.
    let huge = dir.path().join("huge.ron");
    let file = std::fs::File::create(&huge).expect("create");
    file.set_len(100 * 1024 * 1024).expect("sparse 100 MB");
    let error = load_plan(&huge).expect_err("huge");
    assert!(matches!(error.problem, Problem::TooLarge { .. }), "{error}");

    // 100,000 nested brackets inside a field the parser must descend into.
    let nested = format!(
        "(client: (name: \"x\"), date: \"2026-01-01\", goals: {}{})",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let error = parse_plan(nested.as_bytes(), Path::new("nested.ron")).expect_err("nested");
    assert!(error.location.is_some(), "{error}");

    // A folder and a dangling link named like plans.
    let folder = dir.path().join("folder.ron");
    std::fs::create_dir(&folder).expect("mkdir");
    assert!(matches!(
        load_plan(&folder).expect_err("dir").problem,
        Problem::NotAFile
    ));
    #[cfg(unix)]
    {
        let link = dir.path().join("dangling.ron");
        std::os::unix::fs::symlink(dir.path().join("nowhere.ron"), &link).expect("symlink");
        assert!(matches!(
            load_plan(&link).expect_err("link").problem,
            Problem::Read(_)
        ));
    }
}

fn sample_plan(name: &str, date: Date) -> Plan {
    let mut plan = Plan::new(date);
    plan.client.name = name.into();
    plan.steps.push(Step::new(
        Muscle::QuadratusLumborum,
        Side::Left,
        Technique::DeepTissue,
        Pressure::new(4).expect("4"),
    ));
    plan
}

#[test]
fn new_plans_get_readable_names_and_never_replace_a_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = sample_plan("../../Anna Berg", jiff::civil::date(2026, 11, 25));
    let (first, _) = save_new_plan(&plan, dir.path()).expect("save");
    let (second, _) = save_new_plan(&plan, dir.path()).expect("save again");
    assert_eq!(first, dir.path().join("anna-berg-2026-11-25.ron"));
    assert_eq!(second, dir.path().join("anna-berg-2026-11-25-2.ron"));
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names.len(), 2, "no temporary files left behind: {names:?}");
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = sample_plan("Anna", jiff::civil::date(2026, 1, 1));
    let (path, stamp) = save_new_plan(&plan, dir.path()).expect("save");
    std::fs::write(&path, "someone else's edit").expect("write");
    let error = save_plan(&plan, &path, Overwrite::IfUnchanged(stamp)).expect_err("changed");
    assert!(matches!(error.problem, Problem::ChangedOnDisk), "{error}");
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "someone else's edit"
    );

    std::fs::remove_file(&path).expect("rm");
    let error = save_plan(&plan, &path, Overwrite::IfUnchanged(stamp)).expect_err("removed");
    assert!(matches!(error.problem, Problem::RemovedFromDisk), "{error}");

    // Unchanged: saving works and returns the new stamp.
    let (path, stamp) = save_new_plan(&plan, dir.path()).expect("save");
    let new_stamp = save_plan(&plan, &path, Overwrite::IfUnchanged(stamp)).expect("save over");
    assert_eq!(FileStamp::of_file(&path).expect("stamp"), Some(new_stamp));
}

#[cfg(unix)]
#[test]
fn saved_plans_are_private_to_their_owner() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, _) = save_new_plan(
        &sample_plan("Anna", jiff::civil::date(2026, 1, 1)),
        dir.path(),
    )
    .expect("save");
    let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
    assert_eq!(mode & 0o077, 0, "mode {mode:o}");
}

#[test]
fn library_lists_newest_first_grouped_and_searchable() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sub = dir.path().join("2025");
    std::fs::create_dir(&sub).expect("mkdir");
    let mut older = sample_plan("Anna Berg", jiff::civil::date(2025, 3, 1));
    older.steps[0].technique = Technique::Shiatsu;
    save_new_plan(&older, &sub).expect("save");
    save_new_plan(
        &sample_plan("Anna Berg", jiff::civil::date(2026, 3, 1)),
        dir.path(),
    )
    .expect("save");
    let mut bo = sample_plan("Bo Chen", jiff::civil::date(2026, 2, 1));
    bo.steps[0].muscle = Muscle::GluteusMedius;
    save_new_plan(&bo, dir.path()).expect("save");
    std::fs::write(dir.path().join("broken.ron"), "(").expect("write");
    std::fs::create_dir(dir.path().join(".history")).expect("mkdir");
    std::fs::write(dir.path().join(".history/old.ron"), "(").expect("write");

    let library = Library::scan(dir.path()).expect("scan");
    assert_eq!(library.entries.len(), 4, "hidden folders are skipped");
    let dates: Vec<_> = library
        .entries
        .iter()
        .filter_map(|e| e.plan.as_ref().ok().map(|p| p.date.to_string()))
        .collect();
    assert_eq!(dates, ["2026-03-01", "2026-02-01", "2025-03-01"]);

    let groups = library.groups("");
    let clients: Vec<_> = groups.iter().map(|g| (g.client, g.plans.len())).collect();
    assert_eq!(clients, [("Anna Berg", 2), ("Bo Chen", 1), ("", 1)]);

    let count = |q: &str| library.search(q).filter(|e| e.plan.is_ok()).count();
    assert_eq!(count("anna"), 2);
    assert_eq!(count("gluteus medius"), 1);
    assert_eq!(count("shiatsu"), 1);
    assert_eq!(count("BERG shiatsu"), 1);
    assert_eq!(count("nobody"), 0);
    // Broken files are never hidden by a search.
    assert_eq!(library.search("nobody").count(), 1);

    assert!(
        Library::scan(&dir.path().join("missing"))
            .expect("empty")
            .entries
            .is_empty()
    );
}

#[test]
fn the_replaced_version_of_a_plan_is_kept_in_the_history_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut plan = sample_plan("Anna", jiff::civil::date(2026, 1, 1));
    let (path, stamp) = save_new_plan(&plan, dir.path()).expect("save");
    let first = std::fs::read_to_string(&path).expect("read");
    plan.goals = "second version".into();
    let stamp = save_plan(&plan, &path, Overwrite::IfUnchanged(stamp)).expect("save over");
    plan.goals = "third version".into();
    save_plan(&plan, &path, Overwrite::IfUnchanged(stamp)).expect("save over again");

    let history = dir.path().join(store::HISTORY_DIR);
    let mut kept: Vec<String> = std::fs::read_dir(&history)
        .expect("history folder")
        .map(|e| std::fs::read_to_string(e.expect("entry").path()).expect("read"))
        .collect();
    kept.sort();
    assert_eq!(kept.len(), 2, "one copy per replaced version");
    assert!(kept.contains(&first));
    assert!(kept.iter().any(|k| k.contains("second version")));
    // The history never shows up as plans in the library.
    assert_eq!(Library::scan(dir.path()).expect("scan").entries.len(), 1);
}

#[test]
fn many_saves_a_second_each_keep_the_replaced_version_and_an_unchanged_save_keeps_none() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("anna-berg-2026-11-25.ron");
    let mut plan = sample_plan("Anna Berg", jiff::civil::date(2026, 11, 25));
    save_plan(&plan, &path, Overwrite::Never).expect("first save");
    for n in 0..150 {
        plan.goals = format!("version {n}");
        save_plan(&plan, &path, Overwrite::Always).expect("every save succeeds");
    }
    let history = dir.path().join(massage_planner::store::HISTORY_DIR);
    let names: Vec<String> = std::fs::read_dir(&history)
        .expect("history")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 150);
    assert!(
        names.iter().all(|n| n.starts_with("anna-berg-2026-11-25.2")
            && n.ends_with(".ron")
            && n.contains('.')),
        "{names:?}"
    );
    // Saving the same plan again changes nothing on disk.
    save_plan(&plan, &path, Overwrite::Always).expect("same again");
    assert_eq!(std::fs::read_dir(&history).expect("history").count(), 150);
}

#[test]
fn hostile_files_are_listed_as_unreadable_with_their_reason() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    std::fs::File::create(root.join("huge.ron"))
        .expect("create")
        .set_len(100 * 1024 * 1024)
        .expect("sparse 100 MB");
    std::fs::write(
        root.join("nested.ron"),
        format!(
            "(client: (name: \"x\"), date: \"2026-01-01\", goals: {}{})",
            "[".repeat(100_000),
            "]".repeat(100_000)
        ),
    )
    .expect("nested");
    std::fs::write(root.join("latin1.ron"), b"(client: (name: \"J\xf6rg\"))").expect("latin1");
    std::fs::write(
        root.join("minutes.ron"),
        "(client: (name: \"x\"), date: \"2026-01-01\", steps: [(muscle: piriformis, side: Left, technique: Swedish, minutes: 99999999)])",
    )
    .expect("minutes");
    std::fs::create_dir(root.join("folder.ron")).expect("mkdir");
    let mut expected = vec![
        ("huge.ron", "bytes; a plan file is at most"),
        ("nested.ron", ""),
        ("latin1.ron", "not UTF-8"),
        ("minutes.ron", ""),
        ("folder.ron", "folder, not a plan file"),
    ];
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(root.join("nowhere.ron"), root.join("dangling.ron"))
            .expect("symlink");
        expected.push(("dangling.ron", "No such file"));
        use std::os::unix::fs::PermissionsExt;
        let locked = root.join("locked.ron");
        std::fs::write(&locked, "(client: (name: \"x\"), date: \"2026-01-01\")").expect("write");
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
        // Root reads it anyway; then it is simply a plan.
        if std::fs::read(&locked).is_err() {
            expected.push(("locked.ron", "ermission denied"));
        } else {
            std::fs::remove_file(&locked).expect("remove");
        }
    }
    let library = massage_planner::store::Library::scan(root).expect("scan");
    assert_eq!(library.entries.len(), expected.len());
    for (name, reason) in &expected {
        let entry = library.entry(&root.join(name)).expect(name);
        let error = entry.plan.as_ref().expect_err(name).to_string();
        assert!(error.contains(reason), "{name}: {error}");
        assert!(
            error.contains(name),
            "{name}: the message names the file: {error}"
        );
    }
    // `check` gives the same reasons, one line each, and fails.
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_massage-planner"))
        .arg("check")
        .arg(root)
        .output()
        .expect("run check");
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stdout);
    for (name, reason) in &expected {
        assert!(
            text.lines().any(|l| l.contains(name) && l.contains(reason)),
            "{name}: {text}"
        );
    }
}
