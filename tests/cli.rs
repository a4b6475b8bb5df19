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
    // Acknowledged warnings are not repeated: Maria's right QL was decided on.
    let maria = stdout(&run(&["check", "plans/maria-keller-2026-11-18.ron"]));
    assert!(
        maria.contains("step 3: Adjust: Quadratus lumborum"),
        "{maria}"
    );
    assert!(
        !maria.contains("step 4: Adjust: Quadratus lumborum"),
        "{maria}"
    );
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
