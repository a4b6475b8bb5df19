//! The program as an installed app runs it: started from any folder, not
//! by cargo, with nothing from the checkout. The atlas, screening rules,
//! templates and fonts are built in, and the plans folder is the one in
//! the user's documents.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The program started from `cwd` with `home` as the user's home, the way a
/// desktop menu or a terminal starts it: no `CARGO_MANIFEST_DIR`, which is
/// how cargo tells the program it runs in the checkout.
fn installed(cwd: &Path, home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_massage-planner"))
        .args(args)
        .current_dir(cwd)
        .env_remove("CARGO_MANIFEST_DIR")
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_CACHE_HOME", home.join(".cache"))
        .env("XDG_STATE_HOME", home.join(".local/state"))
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .output()
        .expect("run massage-planner")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Copies an example plan and its client record into `plans`.
fn copy_example(plans: &Path, plan: &str, client: &str) -> PathBuf {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    std::fs::create_dir_all(plans.join("clients")).unwrap();
    let target = plans.join(plan);
    std::fs::copy(examples.join(plan), &target).unwrap();
    std::fs::copy(
        examples.join("clients").join(client),
        plans.join("clients").join(client),
    )
    .unwrap();
    target
}

struct Machine {
    _root: tempfile::TempDir,
    home: PathBuf,
    /// An unrelated working folder.
    elsewhere: PathBuf,
}

fn machine() -> Machine {
    let root = tempfile::tempdir().unwrap();
    let home = root.path().join("home");
    let elsewhere = root.path().join("elsewhere");
    std::fs::create_dir_all(&home).unwrap();
    std::fs::create_dir_all(&elsewhere).unwrap();
    Machine {
        _root: root,
        home,
        elsewhere,
    }
}

#[test]
fn check_sheet_and_list_work_from_another_folder_with_the_documents_plans_folder() {
    let m = machine();
    let plans = m.home.join("Documents").join("Massage plans");
    let plan = copy_example(&plans, "lea-fischer-2026-11-24.ron", "lea-fischer.ron");

    // The built-in screening rules, and the client record found in the
    // default plans folder: the pregnancy rule fires.
    let check = installed(&m.elsewhere, &m.home, &["check", plan.to_str().unwrap()]);
    assert!(check.status.success(), "{check:?}");
    let text = stdout(&check);
    assert!(
        text.contains("warning: step 3: Adjust: Pregnancy"),
        "{text}"
    );

    // The atlas and the fonts: a one-page sheet, written in the working folder.
    let sheet = installed(
        &m.elsewhere,
        &m.home,
        &["sheet", plan.to_str().unwrap(), "-o", "lea.pdf"],
    );
    assert!(sheet.status.success(), "{sheet:?}");
    let pdf = lopdf::Document::load(m.elsewhere.join("lea.pdf")).expect("a PDF");
    assert_eq!(pdf.get_pages().len(), 1);

    let list = installed(&m.elsewhere, &m.home, &["list"]);
    assert!(list.status.success(), "{list:?}");
    let text = stdout(&list);
    assert!(text.contains("Lea Fischer"), "{text}");
    assert!(text.contains("Massage plans"), "{text}");
}

#[test]
fn the_documents_folder_is_the_one_xdg_user_dirs_names() {
    let m = machine();
    std::fs::create_dir_all(m.home.join(".config")).unwrap();
    std::fs::write(
        m.home.join(".config/user-dirs.dirs"),
        "XDG_DOCUMENTS_DIR=\"$HOME/Dokumente\"\n",
    )
    .unwrap();
    let plans = m.home.join("Dokumente").join("Massage plans");
    copy_example(&plans, "aiko-tanaka-2026-11-23.ron", "aiko-tanaka.ron");

    let list = installed(&m.elsewhere, &m.home, &["list"]);
    assert!(list.status.success(), "{list:?}");
    let text = stdout(&list);
    assert!(text.contains("Aiko Tanaka"), "{text}");
    assert!(text.contains("Dokumente"), "{text}");
}

#[test]
fn the_plans_option_wins_and_the_working_folder_never_decides() {
    let m = machine();
    // A `plans/` in the working folder is not the plans folder.
    copy_example(
        &m.elsewhere.join("plans"),
        "jonas-lindqvist-2026-11-20.ron",
        "jonas-lindqvist.ron",
    );
    let list = installed(&m.elsewhere, &m.home, &["list"]);
    // The documents folder has no plans folder yet: said so, exit 1.
    assert_eq!(list.status.code(), Some(1), "{list:?}");
    assert!(!stdout(&list).contains("Jonas"), "{}", stdout(&list));

    let list = installed(&m.elsewhere, &m.home, &["list", "--plans", "plans"]);
    assert!(
        stdout(&list).contains("Jonas Lindqvist"),
        "{}",
        stdout(&list)
    );
}

#[test]
fn commands_do_not_create_the_plans_folder() {
    let m = machine();
    let list = installed(&m.elsewhere, &m.home, &["list"]);
    assert_eq!(list.status.code(), Some(1), "{list:?}");
    assert!(
        String::from_utf8_lossy(&list.stderr).contains("the plans folder does not exist"),
        "{list:?}"
    );
    assert_eq!(stdout(&list), "");
    assert!(!m.home.join("Documents").exists());
}

#[test]
fn version_runs_anywhere() {
    let m = machine();
    let version = installed(&m.elsewhere, &m.home, &["--version"]);
    assert!(version.status.success(), "{version:?}");
    assert_eq!(
        stdout(&version).trim(),
        format!("massage-planner {}", env!("CARGO_PKG_VERSION"))
    );
}
