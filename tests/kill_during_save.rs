#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

//! Saving is atomic even when the process dies in the middle of it: a child
//! process saves plan A and plan B over one file in a loop and is killed
//! (SIGKILL on Unix) after a varying delay, 80 times; the file on disk must
//! always be exactly one of the two plans, never a mix, empty or missing.
//!
//! The child is this very test binary run again with `CHILD_ENV` set to the
//! plan path, so the test needs no helper program.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use jiff::civil::date;
use massage_planner::model::{Client, Muscle, Plan, Pressure, Side, Step, Technique};
use massage_planner::store::{self, Library, Overwrite, load_plan, plan_to_ron, save_plan};

/// Set in the child: the plan file to save to, over and over.
const CHILD_ENV: &str = "MASSAGE_PLANNER_SAVE_CHILD";
/// This test's name, to run only it in the child.
const TEST_NAME: &str = "a_save_killed_at_any_moment_leaves_the_old_or_the_new_plan";
/// The child prints this once it is about to start saving.
const READY: &str = "massage-planner-save-child-ready";

/// Each kill starts a child process, about a second on a busy 2-core
/// machine; 80 random delays over the ~15 ms a save takes still land in
/// every phase (writing the temporary file, syncing, renaming) many times.
const ITERATIONS: u32 = 80;
/// The kill comes this long (at most) after the child is ready.
const MAX_DELAY_MICROS: u64 = 20_000;
/// A child left behind by a crashed test run stops on its own after this.
const CHILD_LIFETIME: Duration = Duration::from_secs(60);

/// A plan big enough (40 steps with long notes, ~20 KB) that writing it
/// takes measurable time.
fn big_plan(version: &str) -> Plan {
    let steps = (0..40)
        .map(|i| Step {
            muscle: Muscle::ALL[i % Muscle::ALL.len()],
            side: Side::ALL[i % Side::ALL.len()],
            technique: Technique::ALL[i % Technique::ALL.len()],
            pressure: Pressure::new(1 + (i % 5) as u8).expect("1..=5"),
            minutes: 1 + (i % 9) as u16,
            position: None,
            notes: format!(
                "Version {version}, step {i}: {}",
                "slow strokes along the fibres, then across; check in with the client. ".repeat(6)
            ),
            trigger_point: None,
        })
        .collect();
    Plan {
        client: Client {
            name: format!("Kill Test {version}"),
            id: format!("K-{version}"),
        },
        therapist: "Sam Ortiz".into(),
        goals: format!(
            "Plan {version}: {}",
            "less stiffness in the lower back. ".repeat(20)
        ),
        precautions: "None known.".into(),
        self_care: "Walk every day.".into(),
        steps,
        ..Plan::new(date(2026, 11, 25))
    }
}

/// Kills the child when the test fails half way, so no saver is left running.
struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Small deterministic pseudo-random numbers (xorshift64*), so a failure
/// can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

/// Files `save.rs` leaves behind when killed between creating its temporary
/// file and renaming it: `.XXXXXX.saving`, hidden and not `.ron`.
fn temp_files_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(items) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    items
        .map(|item| item.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "saving"))
        .collect()
}

/// The child: save A, then B, then A... until killed, starting with the plan
/// that is not on disk so that every finished save changes the file.
fn run_child(path: &Path) -> ! {
    let plans = [big_plan("A"), big_plan("B")];
    let mut saves: usize = match load_plan(path) {
        Ok(plan) if plan == plans[0] => 1,
        _ => 0,
    };
    println!("{READY}");
    let started = Instant::now();
    while started.elapsed() < CHILD_LIFETIME {
        if let Err(e) = save_plan(&plans[saves % 2], path, Overwrite::Always) {
            // The parent sees the early exit and fails with this message.
            eprintln!("save {saves} failed: {e}");
            std::process::exit(3);
        }
        saves += 1;
    }
    std::process::exit(0);
}

#[test]
fn a_save_killed_at_any_moment_leaves_the_old_or_the_new_plan() {
    if let Some(path) = std::env::var_os(CHILD_ENV) {
        run_child(Path::new(&path));
    }

    let plan_a = big_plan("A");
    let plan_b = big_plan("B");
    let text_a = plan_to_ron(&plan_a).expect("serialise A");
    let text_b = plan_to_ron(&plan_b).expect("serialise B");
    assert!(text_a.len() > 16_000, "plan A is {} bytes", text_a.len());

    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("kill-test-2026-11-25.ron");
    let history = dir.path().join(store::HISTORY_DIR);
    save_plan(&plan_a, &path, Overwrite::Always).expect("first save");

    let exe = std::env::current_exe().expect("test binary");
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    let started = Instant::now();
    let (mut saw_a, mut saw_b) = (0, 0);
    let (mut killed_mid_write, mut history_temps) = (0, 0);
    let mut temps_before = 0;
    // Iterations after which the file holds the other plan than before.
    let (mut on_disk_is_a, mut changed) = (true, 0);

    for iteration in 0..ITERATIONS {
        let delay = Duration::from_micros(rng.next() % (MAX_DELAY_MICROS + 1));
        let mut child = KillOnDrop(
            Command::new(&exe)
                .args(["--exact", TEST_NAME, "--nocapture", "--test-threads=1"])
                .env(CHILD_ENV, &path)
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("start the saving child"),
        );
        // Wait until the child is about to save (past process and test
        // harness start-up), so the delay lands among the saves.
        let mut stdout = BufReader::new(child.0.stdout.take().expect("child stdout"));
        let mut line = String::new();
        loop {
            line.clear();
            let read = stdout.read_line(&mut line).expect("read child stdout");
            assert!(
                read > 0,
                "iteration {iteration}: the child ended before it was ready"
            );
            // The harness prints `test NAME ... ` first, on the same line.
            if line.trim_end().ends_with(READY) {
                break;
            }
        }
        std::thread::sleep(delay);
        if let Some(status) = child.0.try_wait().expect("child status") {
            let mut err = String::new();
            let _ = child
                .0
                .stderr
                .take()
                .expect("stderr")
                .read_to_string(&mut err);
            panic!("iteration {iteration}: the child stopped by itself ({status}): {err}");
        }
        child.0.kill().expect("kill the child");
        child.0.wait().expect("wait for the child");

        // The plan file: exactly A or exactly B, and it loads as that plan.
        let bytes = std::fs::read(&path).unwrap_or_else(|e| {
            panic!("iteration {iteration} (killed after {delay:?}): plan file unreadable: {e}")
        });
        let is_a = bytes == text_a.as_bytes();
        if is_a || bytes == text_b.as_bytes() {
            if is_a {
                saw_a += 1;
            } else {
                saw_b += 1;
            }
            if is_a != on_disk_is_a {
                changed += 1;
            }
            on_disk_is_a = is_a;
        } else {
            panic!(
                "iteration {iteration} (killed after {delay:?}): the file is neither plan A \
                 nor plan B ({} bytes):\n{}",
                bytes.len(),
                String::from_utf8_lossy(&bytes)
            );
        }
        let loaded = load_plan(&path).expect("the plan file loads");
        assert!(
            loaded == plan_a || loaded == plan_b,
            "iteration {iteration}"
        );

        // A kill between creating the temporary file and renaming it leaves
        // that file behind: counted, and left in place for the library check.
        let temps = temp_files_in(dir.path()).len();
        if temps > temps_before {
            killed_mid_write += 1;
            temps_before = temps;
        }
        // The history copies of replaced versions are beside the point here
        // and named by the second, so clear them between runs.
        history_temps += temp_files_in(&history).len();
        if history.exists() {
            std::fs::remove_dir_all(&history).expect("clear the history folder");
        }
    }

    // Whatever the kills left behind, the folder still lists exactly one
    // plan, readable, and the leftovers are not plan files.
    let library = Library::scan(dir.path()).expect("scan");
    assert_eq!(library.entries.len(), 1, "{:#?}", library.entries);
    assert!(library.entries[0].plan.is_ok(), "{:#?}", library.entries[0]);
    for leftover in temp_files_in(dir.path()) {
        let name = leftover.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.starts_with('.') && name.ends_with(".saving"), "{name}");
    }

    eprintln!(
        "{ITERATIONS} kills in {:.1?}: file was plan A {saw_a} times, plan B {saw_b} times, \
         changed by the child {changed} times; killed while writing the plan's temporary file {killed_mid_write} times, \
         while writing a history copy {history_temps} times",
        started.elapsed()
    );
    assert_eq!(saw_a + saw_b, ITERATIONS);
}
