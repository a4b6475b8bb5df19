//! The library's index cache: a cached scan shows exactly what a fresh scan
//! shows, notices changed, new and removed files, and survives a broken or
//! missing cache.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use jiff::civil::date;
use massage_planner::model::{Muscle, Plan, Pressure, Side, Step, Technique};
use massage_planner::store::{Library, save_new_plan};

fn plan(client: &str, steps: usize) -> Plan {
    let mut plan = Plan::new(date(2026, 3, 1));
    plan.client.name = client.into();
    plan.steps = (0..steps)
        .map(|i| {
            Step::new(
                Muscle::ALL[i % Muscle::ALL.len()],
                Side::Left,
                Technique::Swedish,
                Pressure::MEDIUM,
            )
        })
        .collect();
    plan
}

/// Saves over `path` a plan of `client` with `steps` steps (another size).
fn rewrite(path: &Path, client: &str, steps: usize) {
    massage_planner::store::save_plan(
        &plan(client, steps),
        path,
        massage_planner::store::Overwrite::Always,
    )
    .expect("save");
}

/// Files last changed `by` ago; an hour is older than any scan, so the
/// cache trusts them.
fn age(path: &Path, by: Duration) {
    set_time(path, SystemTime::now() - by);
}

fn set_time(path: &Path, time: SystemTime) {
    let file = std::fs::File::options()
        .write(true)
        .open(path)
        .expect("open");
    file.set_modified(time).expect("set time");
}

const HOUR: Duration = Duration::from_secs(3600);

struct Folder {
    plans: tempfile::TempDir,
    cache_dir: tempfile::TempDir,
}

impl Folder {
    /// Three plans and a broken file, all an hour old.
    fn new() -> Self {
        let folder = Folder {
            plans: tempfile::tempdir().expect("temp dir"),
            cache_dir: tempfile::tempdir().expect("temp dir"),
        };
        for (client, steps) in [("Anna Berg", 3), ("Bo Chen", 5), ("Anna Berg", 2)] {
            folder.add(client, steps);
        }
        std::fs::write(folder.plans.path().join("broken.ron"), "(\n  client: ").expect("write");
        for path in folder.files() {
            age(&path, HOUR);
        }
        folder
    }

    fn add(&self, client: &str, steps: usize) -> PathBuf {
        save_new_plan(&plan(client, steps), self.plans.path())
            .expect("save")
            .0
    }

    fn files(&self) -> Vec<PathBuf> {
        massage_planner::store::plan_files_under(self.plans.path()).expect("list")
    }

    fn cache(&self) -> PathBuf {
        self.cache_dir.path().join("library.bin")
    }

    fn cached_scan(&self) -> Library {
        Library::scan_with_cache(self.plans.path(), &self.cache()).expect("cached scan")
    }

    fn fresh_scan(&self) -> Library {
        Library::scan(self.plans.path()).expect("scan")
    }
}

/// What a person sees of a library: each file, its time and its summary or error.
fn seen(library: &Library) -> Vec<(PathBuf, Option<SystemTime>, String)> {
    library
        .entries
        .iter()
        .map(|e| {
            let plan = match &e.plan {
                Ok(summary) => format!("{summary:?}"),
                Err(error) => format!("error: {error}"),
            };
            (e.path.clone(), e.modified, plan)
        })
        .collect()
}

fn steps_of(library: &Library, path: &Path) -> usize {
    library
        .entry(path)
        .and_then(|e| e.plan.as_ref().ok())
        .expect("readable plan")
        .steps
}

#[test]
fn a_cache_hit_gives_the_same_library_as_a_fresh_scan() {
    let folder = Folder::new();
    let first = folder.cached_scan();
    assert!(folder.cache().exists(), "the first scan writes the cache");
    let second = folder.cached_scan();
    let fresh = folder.fresh_scan();
    assert_eq!(seen(&first), seen(&fresh));
    assert_eq!(seen(&second), seen(&fresh));
    assert!(
        seen(&second)
            .iter()
            .any(|(_, _, plan)| plan.starts_with("error:") && plan.contains(":2:")),
        "the broken file keeps its reason and line: {:?}",
        seen(&second)
    );
    assert_eq!(
        second.groups("anna").len(),
        2,
        "Anna's group and the broken file"
    );
}

#[test]
fn unchanged_files_are_not_read_again() {
    let folder = Folder::new();
    let path = folder.add("Carla Diaz", 4);
    age(&path, HOUR);
    folder.cached_scan();
    // Same size and time, other content: only a cache hit still says Diaz.
    let original_time = std::fs::metadata(&path)
        .expect("stat")
        .modified()
        .expect("time");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, text.replace("Carla Diaz", "Carla Diax")).expect("write");
    set_time(&path, original_time);
    let library = folder.cached_scan();
    let client = library
        .entry(&path)
        .expect("entry")
        .plan
        .as_ref()
        .expect("plan")
        .client();
    assert_eq!(client, "Carla Diaz", "taken from the cache");
    assert_eq!(
        library.entry(&path).expect("entry").modified,
        Some(original_time)
    );
}

#[test]
fn a_file_with_another_size_is_read_again() {
    let folder = Folder::new();
    let path = folder.add("Carla Diaz", 4);
    age(&path, HOUR);
    assert_eq!(steps_of(&folder.cached_scan(), &path), 4);
    rewrite(&path, "Carla Diaz", 6);
    age(&path, HOUR);
    assert_eq!(steps_of(&folder.cached_scan(), &path), 6);
    assert_eq!(seen(&folder.cached_scan()), seen(&folder.fresh_scan()));
}

#[test]
fn a_file_with_another_time_and_the_same_size_is_read_again() {
    let folder = Folder::new();
    let path = folder.add("Carla Diaz", 4);
    age(&path, HOUR);
    folder.cached_scan();
    let time = std::fs::metadata(&path)
        .expect("stat")
        .modified()
        .expect("time");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, text.replace("Carla Diaz", "Carla Diax")).expect("write");
    set_time(&path, time + Duration::from_secs(1));
    let library = folder.cached_scan();
    let client = library
        .entry(&path)
        .expect("entry")
        .plan
        .as_ref()
        .expect("plan")
        .client();
    assert_eq!(client, "Carla Diax");
}

#[test]
fn a_file_changed_just_now_is_never_trusted_to_the_cache() {
    // Two changes within one timestamp tick keep size and time: the cache
    // cannot tell them apart, so fresh files are always read.
    let folder = Folder::new();
    let path = folder.add("Carla Diaz", 4);
    folder.cached_scan();
    let time = std::fs::metadata(&path)
        .expect("stat")
        .modified()
        .expect("time");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, text.replace("Carla Diaz", "Carla Diax")).expect("write");
    set_time(&path, time);
    let library = folder.cached_scan();
    let client = library
        .entry(&path)
        .expect("entry")
        .plan
        .as_ref()
        .expect("plan")
        .client();
    assert_eq!(client, "Carla Diax");
}

#[test]
fn a_removed_file_disappears_and_a_new_one_appears() {
    let folder = Folder::new();
    let gone = folder.files()[0].clone();
    folder.cached_scan();
    std::fs::remove_file(&gone).expect("remove");
    let added = folder.add("Dev Eriksen", 7);
    let library = folder.cached_scan();
    assert!(library.entry(&gone).is_none());
    assert_eq!(steps_of(&library, &added), 7);
    assert_eq!(seen(&library), seen(&folder.fresh_scan()));
    assert_eq!(seen(&folder.cached_scan()), seen(&folder.fresh_scan()));
}

#[test]
fn a_corrupt_or_truncated_cache_is_ignored_and_rewritten() {
    let folder = Folder::new();
    folder.cached_scan();
    let good = std::fs::read(folder.cache()).expect("cache");
    for broken in [
        b"not a cache at all".to_vec(),
        good[..good.len() / 2].to_vec(),
        Vec::new(),
        {
            let mut other_version = good.clone();
            other_version[7] ^= 0xff;
            other_version
        },
    ] {
        std::fs::write(folder.cache(), &broken).expect("write");
        assert_eq!(seen(&folder.cached_scan()), seen(&folder.fresh_scan()));
        let rewritten = std::fs::read(folder.cache()).expect("cache");
        assert_ne!(rewritten, broken);
        assert_eq!(rewritten[..8], good[..8], "the current layout");
        // Only the scan time (a variable-length number) may differ in size.
        assert!(rewritten.len().abs_diff(good.len()) <= 8);
    }
}

#[test]
fn deleting_the_cache_is_safe() {
    let folder = Folder::new();
    folder.cached_scan();
    std::fs::remove_file(folder.cache()).expect("remove");
    assert_eq!(seen(&folder.cached_scan()), seen(&folder.fresh_scan()));
    assert!(folder.cache().exists(), "built again");
    std::fs::remove_dir_all(folder.cache_dir.path()).expect("remove folder");
    assert_eq!(seen(&folder.cached_scan()), seen(&folder.fresh_scan()));
}

#[test]
fn a_cache_that_cannot_be_written_does_not_fail_the_scan() {
    let folder = Folder::new();
    let not_a_folder = folder.cache_dir.path().join("file");
    std::fs::write(&not_a_folder, "x").expect("write");
    let library = Library::scan_with_cache(folder.plans.path(), &not_a_folder.join("cache.bin"))
        .expect("scan");
    assert_eq!(seen(&library), seen(&folder.fresh_scan()));
}

#[cfg(unix)]
#[test]
fn the_cache_is_private_to_its_owner() {
    use std::os::unix::fs::PermissionsExt;
    let folder = Folder::new();
    let cache = folder.cache_dir.path().join("massage-planner/library.bin");
    Library::scan_with_cache(folder.plans.path(), &cache).expect("scan");
    let mode = |p: &Path| std::fs::metadata(p).expect("stat").permissions().mode() & 0o777;
    assert_eq!(mode(&cache), 0o600);
    assert_eq!(mode(cache.parent().expect("folder")), 0o700);
}

#[test]
fn a_missing_plans_folder_is_an_empty_library() {
    let folder = Folder::new();
    let library = Library::scan_with_cache(&folder.plans.path().join("missing"), &folder.cache())
        .expect("scan");
    assert!(library.entries.is_empty());
}

/// Files in subfolders are found in the cache too, though `/` sorts after
/// `-` and `.` (the cache is searched by path), and clients shared by many
/// plans keep their names.
#[test]
fn files_in_subfolders_are_cache_hits() {
    let folder = Folder::new();
    let sub = folder.plans.path().join("anna");
    std::fs::create_dir(&sub).expect("folder");
    let mut nested = Vec::new();
    for (client, steps) in [("Anna Berg", 4), ("Bo Chen", 2), ("Anna Berg", 6)] {
        let path = save_new_plan(&plan(client, steps), &sub).expect("save").0;
        age(&path, HOUR);
        nested.push(path);
    }
    // A file whose name sorts between the folder and its files.
    let beside = folder.plans.path().join("anna-b.ron");
    std::fs::copy(&nested[0], &beside).expect("copy");
    age(&beside, HOUR);
    folder.cached_scan();
    // Same size and time, other content: only a cache hit still says Berg.
    for path in nested.iter().chain([&beside]) {
        let time = std::fs::metadata(path)
            .expect("stat")
            .modified()
            .expect("time");
        let text = std::fs::read_to_string(path).expect("read");
        let text = text
            .replace("Anna Berg", "Anna Borg")
            .replace("Bo Chen", "Bo Chan");
        std::fs::write(path, text).expect("write");
        set_time(path, time);
    }
    let library = folder.cached_scan();
    let clients: Vec<&str> = nested
        .iter()
        .chain([&beside])
        .map(|p| {
            library
                .entry(p)
                .and_then(|e| e.plan.as_ref().ok())
                .expect("plan")
                .client()
        })
        .collect();
    assert_eq!(clients, ["Anna Berg", "Bo Chen", "Anna Berg", "Anna Berg"]);
    assert_eq!(steps_of(&library, &nested[2]), 6);
}

impl Folder {
    fn shown_from_cache(&self) -> Option<Library> {
        Library::from_cache(self.plans.path(), &self.cache())
    }

    fn check(&self) -> Option<Library> {
        Library::check_with_cache(self.plans.path(), &self.cache()).expect("check")
    }
}

/// Shown at once: the cached library is what the last scan saw, without
/// looking at the files; with no cache there is nothing to show.
#[test]
fn the_library_from_the_cache_is_the_last_scan() {
    let folder = Folder::new();
    assert!(folder.shown_from_cache().is_none(), "no cache yet");
    let scanned = folder.cached_scan();
    let shown = folder.shown_from_cache().expect("cache");
    assert_eq!(seen(&shown), seen(&scanned));
    assert_eq!(seen(&shown), seen(&folder.fresh_scan()));
    assert_eq!(shown.groups("anna").len(), 2);
    std::fs::write(folder.cache(), b"not a cache").expect("write");
    assert!(
        folder.shown_from_cache().is_none(),
        "a broken cache shows nothing"
    );
}

/// The check after showing the cached library: nothing to correct when no
/// file changed; else the corrected library, and the cache then agrees.
#[test]
fn the_check_finds_nothing_when_nothing_changed() {
    let folder = Folder::new();
    let sub = folder.plans.path().join("anna");
    std::fs::create_dir(&sub).expect("folder");
    let nested = save_new_plan(&plan("Anna Berg", 4), &sub).expect("save").0;
    age(&nested, HOUR);
    folder.cached_scan();
    assert!(folder.check().is_none());
    assert!(folder.check().is_none(), "checking writes nothing");
}

#[test]
fn the_check_corrects_a_changed_file() {
    let folder = Folder::new();
    let path = folder.add("Carla Diaz", 4);
    age(&path, HOUR);
    folder.cached_scan();
    rewrite(&path, "Carla Diaz", 6);
    age(&path, HOUR);
    assert_eq!(
        steps_of(&folder.shown_from_cache().expect("cache"), &path),
        4
    );
    let corrected = folder.check().expect("a change");
    assert_eq!(steps_of(&corrected, &path), 6);
    assert_eq!(seen(&corrected), seen(&folder.fresh_scan()));
    assert_eq!(
        seen(&folder.shown_from_cache().expect("cache")),
        seen(&corrected)
    );
    assert!(folder.check().is_none(), "the cache was brought up to date");
}

#[test]
fn the_check_drops_a_deleted_file_and_adds_a_new_one() {
    let folder = Folder::new();
    folder.cached_scan();
    let gone = folder.files()[0].clone();
    std::fs::remove_file(&gone).expect("remove");
    assert!(
        folder
            .shown_from_cache()
            .expect("cache")
            .entry(&gone)
            .is_some()
    );
    let corrected = folder.check().expect("a file is gone");
    assert!(corrected.entry(&gone).is_none());
    assert_eq!(seen(&corrected), seen(&folder.fresh_scan()));

    let added = folder.add("Dev Eriksen", 7);
    let corrected = folder.check().expect("a file is new");
    assert_eq!(steps_of(&corrected, &added), 7);
    assert_eq!(seen(&corrected), seen(&folder.fresh_scan()));
}

/// A sync tool's conflict copy that appears after the scan is found by the
/// check and listed as a copy of its plan.
#[test]
fn the_check_finds_a_new_conflict_copy() {
    let folder = Folder::new();
    let original = folder.files()[0].clone();
    folder.cached_scan();
    let stem = original.file_stem().expect("stem").to_string_lossy();
    let copy = original.with_file_name(format!("{stem}.sync-conflict-20260301-101500-ABCDEFG.ron"));
    std::fs::copy(&original, &copy).expect("copy");
    age(&copy, HOUR);
    assert!(
        folder
            .shown_from_cache()
            .expect("cache")
            .entry(&copy)
            .is_none()
    );
    let corrected = folder.check().expect("a copy is new");
    let entry = corrected.entry(&copy).expect("the copy is listed");
    assert_eq!(
        entry.conflict_copy_of().as_deref(),
        Some(original.as_path())
    );
    assert_eq!(seen(&corrected), seen(&folder.fresh_scan()));
}

/// A plan file reached through a symbolic link: its size and time are the
/// target's (the link is followed, as before the walk's `stat` went
/// through the folder), so it is a cache hit like any other.
#[cfg(unix)]
#[test]
fn a_linked_plan_file_is_a_cache_hit() {
    let folder = Folder::new();
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let target = save_new_plan(&plan("Greta Hansen", 3), elsewhere.path())
        .expect("save")
        .0;
    age(&target, HOUR);
    let link = folder.plans.path().join("greta.ron");
    std::os::unix::fs::symlink(&target, &link).expect("link");
    folder.cached_scan();
    assert!(folder.check().is_none(), "the link's target did not change");
    let library = folder.cached_scan();
    let entry = library.entry(&link).expect("listed");
    assert_eq!(
        entry.modified,
        Some(
            std::fs::metadata(&target)
                .expect("stat")
                .modified()
                .expect("time")
        )
    );
    assert_eq!(steps_of(&library, &link), 3);
}
