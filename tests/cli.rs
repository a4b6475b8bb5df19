//! The command line as a person uses it: exit codes and output lines.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    // `list` keeps a library cache: in a temporary folder, not the user's.
    let cache = tempfile::tempdir().expect("cache dir");
    Command::new(env!("CARGO_BIN_EXE_massage-planner"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("XDG_CACHE_HOME", cache.path())
        .output()
        .expect("run massage-planner")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn check_passes_the_example_plans() {
    let output = run(&["check", "plans"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}

#[test]
fn check_prints_safety_warnings_without_failing_unless_denied() {
    let output = run(&["check", "plans/lea-fischer-2026-11-24.ron"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let text = stdout(&output);
    // Step 3 is deep tissue on the right gluteus medius of a pregnant client.
    assert!(
        text.lines().any(|l| l
            .starts_with("plans/lea-fischer-2026-11-24.ron: warning: step 3: Adjust: Pregnancy")),
        "{text}"
    );
    assert!(text.contains("Instead: "), "{text}");
    let denied = run(&[
        "check",
        "--deny-warnings",
        "plans/lea-fischer-2026-11-24.ron",
    ]);
    assert_eq!(denied.status.code(), Some(1));
    // Acknowledged warnings are not repeated: Maria's QL work near the
    // kidney area was decided on; her piriformis stretch was not.
    let maria = stdout(&run(&["check", "plans/maria-keller-2026-11-18.ron"]));
    assert!(maria.contains("step 7: Adjust: Herniated disc"), "{maria}");
    assert!(!maria.contains("Quadratus lumborum lies next"), "{maria}");
}

#[test]
fn check_reports_each_broken_file_with_line_and_column() {
    let output = run(&[
        "check",
        "tests/data/bad",
        "plans/aiko-tanaka-2026-11-23.ron",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    let bad_files = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/bad"))
        .expect("bad dir")
        .count();
    let problems = text.lines().filter(|l| !l.contains(": warning: ")).count();
    assert_eq!(problems, bad_files, "{text}");
    assert!(
        text.lines()
            .any(|l| l.starts_with("tests/data/bad/unknown_technique.ron:18:24: ")),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with("tests/data/bad/newer_format.ron: written by a newer")),
        "{text}"
    );
    let negative = "tests/data/bad/record_negative_seconds.ron:31:26: the seconds spent on a step cannot be negative, not -30";
    assert!(text.lines().any(|l| l == negative), "{text}");
}

#[test]
fn check_reports_session_records_that_do_not_fit_their_plan_with_line_and_column() {
    // These load, but their record contradicts itself or the plan.
    let output = run(&["check", "tests/data/invalid"]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    // The errors; the client's screening warnings come with them.
    assert_eq!(
        text.lines()
            .filter(|l| !l.contains(": warning: "))
            .collect::<Vec<_>>(),
        [
            "tests/data/invalid/record_ends_before_it_starts.ron:27:16: error: session record: the session ends (2026-11-23T09:20:00) before it starts (2026-11-23T10:00:00)",
            "tests/data/invalid/record_for_a_step_not_in_the_plan.ron:35:23: error: session record for step 3, which the plan does not have (the plan has steps 1 to 2)",
        ],
        "{text}"
    );
}

#[test]
fn check_reports_validation_errors_and_warnings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = dir.path().join("long.ron");
    std::fs::write(
        &plan,
        r#"(client: (name: "Eva"), date: "2026-01-01", session_minutes: 30,
            steps: [(muscle: piriformis, side: Left, technique: Stretching, minutes: 50)])"#,
    )
    .expect("write");
    let path = plan.to_str().expect("utf-8 temp path");
    let output = run(&["check", path]);
    assert_eq!(output.status.code(), Some(0), "warnings alone pass");
    assert!(
        stdout(&output).contains(": warning: the steps take 50 minutes"),
        "{}",
        stdout(&output)
    );
    assert_eq!(
        run(&["check", "--deny-warnings", path]).status.code(),
        Some(1)
    );

    std::fs::write(&plan, r#"(client: (name: " "), date: "2026-01-01")"#).expect("write");
    let output = run(&["check", path]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains(": error: the client name is empty"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["check"]).status.code(), Some(2));
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn list_shows_plans_newest_first_and_filters() {
    let output = run(&["list", "--plans", "plans"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    let dates: Vec<&str> = text.lines().map(|l| &l[..10]).collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted, "{text}");
    assert!(
        text.contains("Maria Keller") && text.contains(" steps "),
        "{text}"
    );

    let text = stdout(&run(&["list", "--plans", "plans", "--client", "maria"]));
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(text.lines().all(|l| l.contains("Maria Keller")));
}

#[test]
fn sheet_writes_a_pdf_and_refuses_a_bad_plan() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("maria.pdf");
    let out_arg = out.to_str().expect("utf-8 temp path");
    let output = run(&[
        "sheet",
        "plans/maria-keller-2026-11-18.ron",
        "-o",
        out_arg,
        "--paper",
        "letter",
    ]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(std::fs::read(&out).expect("pdf").starts_with(b"%PDF-"));

    let bad = dir.path().join("bad.pdf");
    let output = run(&[
        "sheet",
        "tests/data/bad/truncated.ron",
        "-o",
        bad.to_str().expect("utf-8"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("tests/data/bad/truncated.ron:11:"),
        "{message}"
    );
    assert!(!bad.exists(), "no PDF for a plan that does not load");

    // The record sheet needs a record.
    let output = run(&[
        "sheet",
        "plans/maria-keller-2026-11-18.ron",
        "--record",
        "-o",
        bad.to_str().expect("utf-8"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("has no session record yet"), "{message}");
    assert!(!bad.exists());

    assert_eq!(
        run(&[
            "sheet",
            "plans/maria-keller-2026-11-18.ron",
            "-o",
            out_arg,
            "--paper",
            "a5"
        ])
        .status
        .code(),
        Some(2)
    );
}

#[test]
fn list_on_a_plans_folder_that_does_not_exist_says_so_and_fails() {
    let output = run(&["list", "--plans", "no-such-folder-here"]);
    assert_eq!(output.status.code(), Some(1));
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(
        error.contains("no-such-folder-here: the plans folder does not exist"),
        "{error}"
    );
}

#[test]
fn suggest_ranks_the_muscles_for_marias_pain_drawing() {
    let output = run(&["suggest", "plans/maria-keller-2026-11-18.ron"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.len() >= 3, "{text}");
    // rank, muscle, side, score, reason
    let first: Vec<&str> = lines[0].split_whitespace().collect();
    assert_eq!(first[0], "1", "{text}");
    let top3 = &lines[..3];
    assert!(
        top3.iter().any(
            |l| (l.contains("Quadratus lumborum") || l.contains("Gluteus medius"))
                && l.contains("  Right  ")
        ),
        "{text}"
    );
    assert!(lines[0].contains("painted areas"), "{text}");
    // Lea's buttock into the back of the thigh: piriformis leads.
    let lea = stdout(&run(&["suggest", "plans/lea-fischer-2026-11-24.ron"]));
    assert!(lea.lines().next().unwrap().contains("Piriformis"), "{lea}");
}

#[test]
fn suggest_without_a_drawing_says_so_and_a_bad_plan_fails_with_line_and_column() {
    let plain = run(&["suggest", "plans/jonas-lindqvist-2026-11-20.ron"]);
    assert_eq!(plain.status.code(), Some(0));
    assert!(stdout(&plain).contains("no pain drawing before the session"));

    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(
        &bad,
        "(\n    format: 3,\n    client: (name: \"A\"),\n    date: 2026,\n)\n",
    )
    .unwrap();
    let output = run(&["suggest", bad.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains(&format!("{}:4:", bad.display())), "{err}");
}

#[test]
fn check_names_emergency_and_refer_out_findings_and_fails_on_them_when_denied() {
    let dir = tempfile::tempdir().unwrap();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    // Aiko Tanaka fell on her hip while on anticoagulants: Refer out.
    let plan = dir.path().join("aiko-tanaka-2026-11-23.ron");
    std::fs::copy(examples.join("aiko-tanaka-2026-11-23.ron"), &plan).unwrap();
    std::fs::create_dir(dir.path().join("clients")).unwrap();
    let record = std::fs::read_to_string(examples.join("clients/aiko-tanaka.ron")).unwrap();
    // ...and now reports urinary retention: Emergency.
    let record = record.replace(
        "    conditions: [\n",
        "    conditions: [\n        (\n            kind: UrinaryRetention,\n        ),\n",
    );
    std::fs::write(dir.path().join("clients/aiko-tanaka.ron"), record).unwrap();
    let plan_arg = plan.to_str().unwrap();
    let plans_arg = dir.path().to_str().unwrap();

    let output = run(&["check", "--plans", plans_arg, plan_arg]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let text = stdout(&output);
    for expected in [
        ": warning: Emergency: Possible cauda equina syndrome",
        "emergency department now",
        ": warning: Refer out: Recent fall with anticoagulants",
        ": warning: step 4: Avoid: Recent fall or trauma",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in {text}");
    }
    let denied = run(&["check", "--deny-warnings", "--plans", plans_arg, plan_arg]);
    assert_eq!(denied.status.code(), Some(1), "{}", stdout(&denied));
}

#[test]
fn list_and_check_mark_a_conflict_copy_and_name_its_plan() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plans = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    let plan = dir.path().join("lea-fischer-2026-11-24.ron");
    std::fs::copy(plans.join("lea-fischer-2026-11-24.ron"), &plan).expect("copy");
    let text = std::fs::read_to_string(&plan).expect("read");
    let copy = dir
        .path()
        .join("lea-fischer-2026-11-24.sync-conflict-20261124-101500-ABCDEFG.ron");
    std::fs::write(&copy, text.replace("Sam Ortiz", "Lena Brandt")).expect("copy");
    let folder = dir.path().to_str().expect("utf-8 temp path");

    let listed = stdout(&run(&["list", "--plans", folder]));
    let lines: Vec<&str> = listed.lines().collect();
    assert_eq!(lines.len(), 2, "{listed}");
    let marked: Vec<&&str> = lines
        .iter()
        .filter(|l| l.contains("[conflict copy of lea-fischer-2026-11-24.ron"))
        .collect();
    assert_eq!(marked.len(), 1, "{listed}");
    assert!(marked[0].contains("sync-conflict"), "{listed}");

    let output = run(&["check", folder]);
    let checked = stdout(&output);
    assert!(
        checked.lines().any(|l| l.contains("sync-conflict")
            && l.contains(": warning: conflict copy of lea-fischer-2026-11-24.ron")),
        "{checked}"
    );
    assert!(
        !checked
            .lines()
            .any(|l| l.starts_with(plan.to_str().expect("utf-8")) && l.contains("conflict copy")),
        "the plan itself is not a copy: {checked}"
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "a copy is a warning: {checked}"
    );
    assert_eq!(
        run(&["check", "--deny-warnings", folder]).status.code(),
        Some(1)
    );
    // Without the copy (and without Lea's record, which is not in this
    // folder) nothing is left to warn about.
    std::fs::remove_file(&copy).expect("settle");
    let output = run(&["check", "--plans", folder, "--deny-warnings", folder]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}
