//! Finding the plan files of a folder: which names the library lists,
//! and the walk that yields them (with each file's size and time for the
//! index cache's check).

use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Whether `path` is a file the library of `root` lists: a `.ron` file not
/// in a hidden folder, not a client record and not the folder's rules.
pub fn is_listed_plan_path(root: &Path, path: &Path) -> bool {
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let (root, path) = (absolute(root), absolute(path));
    let Ok(inside) = path.strip_prefix(&root) else {
        return false;
    };
    let skipped = inside
        .components()
        .enumerate()
        .any(|(depth, c)| left_out(c.as_os_str(), depth == 0));
    !skipped && path.extension().is_some_and(|e| e == super::PLAN_EXTENSION)
}

/// Whether `name` (relative to the plans folder, `/`-separated, as the
/// index cache keeps it) is a file the library lists.
pub(super) fn is_listed_name(name: &str) -> bool {
    let mut parts = name.split('/').enumerate().peekable();
    while let Some((depth, part)) = parts.next() {
        if part.is_empty() || left_out(std::ffi::OsStr::new(part), depth == 0) {
            return false;
        }
        if parts.peek().is_none() {
            return Path::new(part)
                .extension()
                .is_some_and(|e| e == super::PLAN_EXTENSION);
        }
    }
    false
}

/// Names the library never lists or walks into: hidden ones (`.history`,
/// temporary files), and at the top the client records and the folder's
/// screening rules, which live beside the plans but are not plans.
fn left_out(name: &std::ffi::OsStr, at_root: bool) -> bool {
    name.to_string_lossy().starts_with('.')
        || (at_root && (name == super::CLIENTS_DIR || name == super::RULES_FILE_NAME))
}

/// Every `.ron` file under `dir`, recursively, in path order; hidden files
/// and folders (history, recovery, temporary saves) are left out.
pub fn plan_files_under(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    walk_plan_files(dir, true, false, &mut found)?;
    Ok(found.into_iter().map(|(path, _)| path).collect())
}

/// What a `stat` of a plan file found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Stat {
    pub(super) len: u64,
    pub(super) modified: Option<SystemTime>,
}

/// `plan_files_under`, each file with its size and time. The `stat` goes
/// through the folder the walk holds open (`DirEntry::metadata`, `fstatat`
/// on Linux), not the full path: at 100,000 files the kernel's lookup of
/// every path was a fifth of opening a library. A symbolic link is
/// followed, as `std::fs::metadata` would.
pub(super) fn plan_files_with_stats(dir: &Path) -> std::io::Result<Vec<(PathBuf, Stat)>> {
    let mut found = Vec::new();
    walk_plan_files(dir, true, true, &mut found)?;
    Ok(found)
}

fn stat_of(item: &std::fs::DirEntry) -> Stat {
    let followed = match item.file_type() {
        Ok(kind) if kind.is_symlink() => std::fs::metadata(item.path()),
        _ => item.metadata(),
    };
    followed.map_or(Stat::default(), |m| Stat {
        len: m.len(),
        modified: m.modified().ok(),
    })
}

/// The stats of some plan files of one folder, on every core.
fn stat_all(items: &[std::fs::DirEntry]) -> Vec<Stat> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    if threads == 1 || items.len() < 512 {
        return items.iter().map(stat_of).collect();
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let workers: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(stat_of).collect::<Vec<_>>()))
            .collect();
        let mut stats = Vec::with_capacity(items.len());
        for (worker, part) in workers.into_iter().zip(items.chunks(chunk)) {
            match worker.join() {
                Ok(found) => stats.extend(found),
                // `metadata` does not panic; should a worker anyway, its
                // share is done here.
                Err(_) => stats.extend(part.iter().map(stat_of)),
            }
        }
        stats
    })
}

/// How many plan files are taken from a folder at a time.
const BATCH: usize = 4096;

/// What the walk does with an item of a folder.
enum Kind {
    /// A plan file, listed even when it is a folder or a dangling link:
    /// the library then shows it as unreadable, with the reason.
    Plan,
    /// A folder to walk into. Symlinked folders are not followed
    /// (`file_type` does not follow links), so a link loop cannot trap the
    /// walk.
    Folder,
    Other,
}

fn kind_of(item: &std::fs::DirEntry, is_root: bool) -> std::io::Result<Kind> {
    let name = item.file_name();
    if left_out(&name, is_root) {
        return Ok(Kind::Other);
    }
    let named_like_a_plan = Path::new(&name)
        .extension()
        .is_some_and(|e| e == super::PLAN_EXTENSION);
    Ok(if named_like_a_plan {
        Kind::Plan
    } else if item.file_type()?.is_dir() {
        Kind::Folder
    } else {
        Kind::Other
    })
}

/// Hands every plan file under `dir` with its size and time to `visit`,
/// in no particular order, keeping none (a check against the index cache
/// needs no list of 100,000 paths); stops early, answering `false`, when
/// `visit` does.
pub(super) fn visit_plan_files(
    dir: &Path,
    visit: &mut dyn FnMut(PathBuf, Stat) -> bool,
) -> std::io::Result<bool> {
    visit_plan_files_in(dir, true, visit)
}

fn visit_plan_files_in(
    dir: &Path,
    is_root: bool,
    visit: &mut dyn FnMut(PathBuf, Stat) -> bool,
) -> std::io::Result<bool> {
    let mut folders = Vec::new();
    let mut batch: Vec<std::fs::DirEntry> = Vec::with_capacity(BATCH);
    let mut take = |batch: &mut Vec<std::fs::DirEntry>| {
        let stats = stat_all(batch);
        batch
            .drain(..)
            .zip(stats)
            .all(|(item, stat)| visit(item.path(), stat))
    };
    for item in std::fs::read_dir(dir)? {
        let item = item?;
        match kind_of(&item, is_root)? {
            Kind::Plan => {
                batch.push(item);
                if batch.len() == BATCH && !take(&mut batch) {
                    return Ok(false);
                }
            }
            Kind::Folder => folders.push(item.path()),
            Kind::Other => {}
        }
    }
    if !take(&mut batch) {
        return Ok(false);
    }
    drop(batch);
    for folder in folders {
        if !visit_plan_files_in(&folder, false, visit)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn bytes(path: &Path) -> &[u8] {
    path.as_os_str().as_encoded_bytes()
}

/// The folder's items are taken (and, with `stats`, their `stat` done) a
/// few thousand at a time as the folder is read, so a folder of 100,000
/// plans never holds 100,000 `DirEntry`s (each with its name) beside the
/// paths; then they are sorted by name. Files and subfolders are visited in
/// name order, which is path order.
fn walk_plan_files(
    dir: &Path,
    is_root: bool,
    stats: bool,
    out: &mut Vec<(PathBuf, Stat)>,
) -> std::io::Result<()> {
    let mut plans: Vec<(PathBuf, Stat)> = Vec::new();
    let mut folders: Vec<PathBuf> = Vec::new();
    let mut batch: Vec<std::fs::DirEntry> = Vec::with_capacity(BATCH);
    let take = |batch: &mut Vec<std::fs::DirEntry>, plans: &mut Vec<(PathBuf, Stat)>| {
        if stats {
            let found = stat_all(batch);
            plans.extend(batch.drain(..).map(|item| item.path()).zip(found));
        } else {
            plans.extend(batch.drain(..).map(|item| (item.path(), Stat::default())));
        }
    };
    for item in std::fs::read_dir(dir)? {
        let item = item?;
        match kind_of(&item, is_root)? {
            Kind::Plan => {
                batch.push(item);
                if batch.len() == BATCH {
                    take(&mut batch, &mut plans);
                }
            }
            Kind::Folder => folders.push(item.path()),
            Kind::Other => {}
        }
    }
    take(&mut batch, &mut plans);
    drop(batch);
    // All paths here start with `dir` and a separator: comparing their
    // bytes compares the names.
    plans.sort_unstable_by(|a, b| bytes(&a.0).cmp(bytes(&b.0)));
    folders.sort_unstable_by(|a, b| bytes(a).cmp(bytes(b)));
    if folders.is_empty() && out.is_empty() {
        *out = plans;
        return Ok(());
    }
    let mut plans = plans.into_iter().peekable();
    for folder in folders {
        while let Some(plan) = plans.next_if(|(p, _)| bytes(p) < bytes(&folder)) {
            out.push(plan);
        }
        walk_plan_files(&folder, false, stats, out)?;
    }
    out.extend(plans);
    Ok(())
}
