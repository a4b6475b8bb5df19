#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

//! A session survives a crash: a child process runs a session and writes
//! its recovery file as the app does, step after step, and is killed
//! (SIGKILL on Unix) at some moment. The recovery file it leaves must hold
//! the session as last written (or, when the kill came while writing, the
//! one before), and resume into the same step with the same elapsed time.
//!
//! The child is this very test binary run again with `CHILD_ENV` set, so the
//! test needs no helper program. Its session runs on a manual clock that
//! moves 20 s per round: only the moment of the kill varies, so the parent
//! can replay the same rounds and know what each write held.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use jiff::civil::date;
use massage_planner::model::{Muscle, Plan, Pressure, Side, Step, Technique};
use massage_planner::session::{Clock, ManualClock, SessionProgress, SessionRunner};
use massage_planner::store::RecoveryStore;

/// Set in the child: the recovery folder to write to.
const CHILD_ENV: &str = "MASSAGE_PLANNER_SESSION_CHILD";
const TEST_NAME: &str = "a_session_killed_mid_step_resumes_at_that_step";
/// The child prints `WRITING n` before its n-th write.
const WRITING: &str = "WRITING ";
/// Rounds the child runs before the parent kills it, at least.
const ROUNDS_BEFORE_KILL: usize = 23;
/// The child stops after this many rounds and waits to be killed, so the
/// kill always lands mid-session however slow the machine is.
const LAST_ROUND: usize = 30;
const CHILD_LIFETIME: Duration = Duration::from_secs(60);

fn plan() -> Plan {
    let mut plan = Plan::new(date(2026, 11, 4));
    plan.client.name = "Kill Test".into();
    for (i, muscle) in Muscle::ALL.iter().cycle().take(12).enumerate() {
        let mut step = Step::new(*muscle, Side::Right, Technique::Swedish, Pressure::MEDIUM);
        step.minutes = 2 + i as u16;
        plan.steps.push(step);
    }
    plan
}

/// The session after round `round`: 20 s a round; a step is done every
/// fifth round, skipped every eleventh; a minute more every seventh.
fn play(runner: &mut SessionRunner, clock: &ManualClock, round: usize) {
    clock.advance_secs(20);
    if round % 5 == 4 {
        runner.next(clock.now());
    }
    if round % 11 == 10 {
        runner.skip(clock.now());
    }
    if round % 7 == 6 {
        runner.change_minutes(1);
    }
}

fn clock() -> ManualClock {
    ManualClock::starting_at(date(2026, 11, 4).at(9, 0, 0, 0))
}

/// What the child's write number `round` held.
fn progress_after(plan: &Plan, rounds: usize) -> SessionProgress {
    let clock = clock();
    let mut runner = SessionRunner::new(plan);
    runner.start(clock.now());
    for round in 0..rounds {
        play(&mut runner, &clock, round);
    }
    runner.progress(clock.now())
}

fn child(recovery_dir: &Path) {
    let plan = plan();
    let store = RecoveryStore::new(recovery_dir, std::process::id());
    let clock = clock();
    let mut runner = SessionRunner::new(&plan);
    runner.start(clock.now());
    let started = Instant::now();
    let mut round = 0;
    while started.elapsed() < CHILD_LIFETIME {
        if round == LAST_ROUND {
            std::thread::sleep(Duration::from_millis(10));
            continue;
        }
        play(&mut runner, &clock, round);
        round += 1;
        println!("{WRITING}{round}");
        store
            .write(None, &plan, Some(&runner.progress(clock.now())))
            .unwrap();
    }
}

struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn a_session_killed_mid_step_resumes_at_that_step() {
    if let Some(dir) = std::env::var_os(CHILD_ENV) {
        child(Path::new(&dir));
        return;
    }
    let plan = plan();
    let recovery_dir = tempfile::tempdir().unwrap();
    let mut process = KillOnDrop(
        Command::new(std::env::current_exe().unwrap())
            .args([TEST_NAME, "--exact", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, recovery_dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let child_pid = process.0.id();
    let mut lines = BufReader::new(process.0.stdout.take().unwrap()).lines();
    // Kill it during its run, once it is well into the session.
    let mut last = 0;
    while last < ROUNDS_BEFORE_KILL {
        let line = lines.next().expect("the child writes").unwrap();
        if let Some(n) = line.strip_prefix(WRITING) {
            last = n.parse().unwrap();
        }
    }
    process.0.kill().unwrap();
    process.0.wait().unwrap();
    // Writes announced after the one we saw, before the kill.
    for line in lines.map_while(Result::ok) {
        if let Some(n) = line.strip_prefix(WRITING) {
            last = n.parse().unwrap();
        }
    }

    // The next run finds what the crashed one left.
    let store = RecoveryStore::new(recovery_dir.path(), std::process::id());
    let left = store.left_behind();
    assert_eq!(left.len(), 1, "{left:?}");
    assert_eq!(
        left[0].path,
        recovery_dir
            .path()
            .join(format!("recovery-{child_pid}.ron"))
    );
    let recovery = left[0].recovery.as_ref().unwrap();
    assert_eq!(recovery.plan, plan);
    let progress = recovery.session.clone().expect("the running session");
    let written = progress_after(&plan, last);
    let before = progress_after(&plan, last - 1);
    let rounds = if progress == written {
        last
    } else {
        assert_eq!(progress, before, "the last write or the one before");
        last - 1
    };

    // It resumes paused, at the step it was on, with its time.
    let resumed = SessionRunner::resume(&plan, progress).unwrap();
    let now = clock().now();
    assert!(!resumed.is_running());
    let expected = {
        let clock = clock();
        let mut runner = SessionRunner::new(&plan);
        runner.start(clock.now());
        for round in 0..rounds {
            play(&mut runner, &clock, round);
        }
        runner.pause(clock.now());
        runner
    };
    assert!(rounds >= ROUNDS_BEFORE_KILL - 1);
    assert_eq!(resumed.current(), expected.current());
    let step = resumed.current().expect("mid-session");
    assert!(step >= 3, "well into the session: step {}", step + 1);
    assert_eq!(resumed.spent(step, now), expected.spent(step, now));
    assert_eq!(
        resumed.total_spent(now),
        Duration::from_secs(20 * rounds as u64)
    );
    assert_eq!(
        resumed.step_left_ms(now),
        expected.step_left_ms(now),
        "with the minutes added"
    );
}
