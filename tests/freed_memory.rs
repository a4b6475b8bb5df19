//! Frames do not fault their memory in anew: the main window, drawn and
//! tessellated as eframe does each frame, reuses the pages its last frame
//! freed. With glibc's defaults each frame faulted about 450 pages in (a
//! third of a frame's CPU time, `perf`, frame bench). Its own test binary:
//! the allocator settings are process-wide.

#![cfg(all(target_os = "linux", target_env = "gnu"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

#[path = "../benches/support/headless_window.rs"]
mod headless_window;

use headless_window::Window;
use massage_planner::store::{Overwrite, save_plan};
use massage_planner::testing::{Sequence, sample_plan, write_sample_library};

/// Minor page faults of this thread so far (`/proc/thread-self/stat`, field 10).
fn minor_faults() -> u64 {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap();
    // The command name (field 2) is in parentheses and may hold spaces.
    let after_name = &stat[stat.rfind(')').unwrap() + 2..];
    after_name.split(' ').nth(7).unwrap().parse().unwrap()
}

#[test]
fn frames_reuse_the_memory_the_last_frame_freed() {
    assert!(massage_planner::app::keep_freed_memory_for_reuse());
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    write_sample_library(&plans, 200).unwrap();
    // The frame bench's plan: 20 steps.
    let mut plan = sample_plan(&mut Sequence::default(), 0).unwrap();
    plan.steps = plan.steps.iter().cycle().take(20).cloned().collect();
    let open = dir.path().join("open.ron");
    save_plan(&plan, &open, Overwrite::Always).unwrap();

    let mut window = Window::open(&plans, Some(&open));
    // Fonts, caches and the heap settle over the first frames.
    for _ in 0..10 {
        window.frame(Vec::new());
    }
    let frames = 20;
    let before = minor_faults();
    for _ in 0..frames {
        window.frame(Vec::new());
    }
    let per_frame = (minor_faults() - before) / frames;
    assert!(
        per_frame < 40,
        "{per_frame} page faults a frame: freed frame memory is handed back and faulted in again"
    );
}

#[test]
fn the_settings_are_accepted_again() {
    // The app and the benches may both make them; glibc takes the same values twice.
    assert!(massage_planner::app::keep_freed_memory_for_reuse());
    assert!(massage_planner::app::keep_freed_memory_for_reuse());
}
