//! The library's index cache: every plan's summary, keyed by the file's size
//! and modification time, so opening a large library parses only the files
//! that changed since the last scan.
//!
//! It lives in the user's cache folder, not in the plans folder (often a
//! synced or shared one), and holds nothing that is not in the plans: a
//! missing, corrupt or stale cache is rebuilt without a word to the user.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::error::{FileError, Location, Problem};
use super::library::{Library, LibraryEntry, PlanSummary, plan_files_under, read_entries};
use super::locations::{cache_dir, create_private_dir};
use super::save::write_file_atomically;

/// Starts every cache file; the last byte is the layout version. Bump it when
/// `CacheFile` or `PlanSummary` change shape or meaning.
const MAGIC: &[u8; 8] = b"MPLIBC\x00\x04";

/// A file modified this close to (or after) the scan that cached it may have
/// changed again within the same timestamp tick: it is read again, not trusted.
const RACY_MARGIN: Duration = Duration::from_secs(2);

#[derive(Debug, Serialize, Deserialize)]
struct CacheFile {
    /// The program that wrote it: another version may summarise differently.
    app_version: String,
    /// The canonical plans folder, against a name clash of cache files.
    root: String,
    /// When the scan that wrote it started.
    scanned_at: FileTime,
    entries: Vec<CachedEntry>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct FileTime {
    secs: u64,
    nanos: u32,
}

impl FileTime {
    fn of(time: SystemTime) -> Option<Self> {
        let since = time.duration_since(UNIX_EPOCH).ok()?;
        Some(FileTime {
            secs: since.as_secs(),
            nanos: since.subsec_nanos(),
        })
    }

    fn to_system_time(self) -> SystemTime {
        UNIX_EPOCH + Duration::new(self.secs, self.nanos)
    }
}

#[derive(Debug, Serialize, Deserialize)]
struct CachedEntry {
    /// Relative to the plans folder, `/`-separated.
    path: String,
    len: u64,
    modified: FileTime,
    outcome: Outcome,
}

#[derive(Debug, Serialize, Deserialize)]
enum Outcome {
    Plan(PlanSummary),
    Unreadable {
        location: Option<(usize, usize)>,
        problem: CachedProblem,
    },
}

/// The reasons a file cannot be read that depend only on its content, so
/// they hold as long as size and time do. Others (permissions, I/O) are
/// checked again on every scan.
#[derive(Debug, Serialize, Deserialize)]
enum CachedProblem {
    TooLarge { size: u64, limit: u64 },
    NotUtf8,
    Syntax(String),
    NewerFormat { found: u32, supported: u32 },
}

impl CachedProblem {
    fn of(problem: &Problem) -> Option<Self> {
        Some(match problem {
            Problem::TooLarge { size, limit } => CachedProblem::TooLarge {
                size: *size,
                limit: *limit,
            },
            Problem::NotUtf8 => CachedProblem::NotUtf8,
            Problem::Syntax(message) => CachedProblem::Syntax(message.clone()),
            Problem::NewerFormat { found, supported } => CachedProblem::NewerFormat {
                found: *found,
                supported: *supported,
            },
            _ => return None,
        })
    }

    fn into_problem(self) -> Problem {
        match self {
            CachedProblem::TooLarge { size, limit } => Problem::TooLarge { size, limit },
            CachedProblem::NotUtf8 => Problem::NotUtf8,
            CachedProblem::Syntax(message) => Problem::Syntax(message),
            CachedProblem::NewerFormat { found, supported } => {
                Problem::NewerFormat { found, supported }
            }
        }
    }
}

/// A plan file as the folder walk found it.
struct Found {
    path: PathBuf,
    relative: Option<String>,
    len: u64,
    modified: Option<SystemTime>,
}

impl Library {
    /// Like `scan`, but reuses the summaries cached in `cache` for files whose
    /// size and modification time are unchanged, reads only the others, and
    /// writes the cache back when anything changed. Problems with the cache
    /// itself never fail the scan: it is rebuilt.
    pub fn scan_with_cache(root: &Path, cache: &Path) -> Result<Library, FileError> {
        let scanned_at = SystemTime::now();
        let paths = match plan_files_under(root) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(FileError::new(root, Problem::Read(e))),
            Ok(paths) => paths,
        };
        let canonical_root = canonical_name(root);
        let old = read_cache(cache, &canonical_root);
        let mut changed = old.is_none();
        let (old_scan, cached) = match old {
            Some(file) => (Some(file.scanned_at), file.entries),
            None => (None, Vec::new()),
        };

        // Which cached entry, if any, still describes each file. The index
        // borrows the cached paths: a map owning the entries would cost a
        // few more megabytes at 10,000 plans.
        let found: Vec<Found> = paths.into_iter().map(|p| stat(root, p)).collect();
        let hits: Vec<Option<usize>> = {
            let index: HashMap<&str, usize> = cached
                .iter()
                .enumerate()
                .map(|(at, c)| (c.path.as_str(), at))
                .collect();
            found
                .iter()
                .map(|f| {
                    let at = *index.get(f.relative.as_deref()?)?;
                    trusted(&cached[at], f, old_scan).then_some(at)
                })
                .collect()
        };
        let used = hits.iter().flatten().count();
        // Files gone (fewer used than cached) or new or changed (not hits).
        changed |= used != cached.len() || used != found.len();

        let mut cached: Vec<Option<CachedEntry>> = cached.into_iter().map(Some).collect();
        let mut entries = Vec::with_capacity(found.len());
        // What the walk found of each hit, kept only to write the cache.
        let mut hit_found = Vec::new();
        let mut stale = Vec::new();
        for (found, hit) in found.into_iter().zip(hits) {
            match hit.and_then(|at| cached.get_mut(at)?.take()) {
                Some(hit) => {
                    entries.push(restore(&found, hit));
                    if changed {
                        hit_found.push(found);
                    }
                }
                None => stale.push(found),
            }
        }
        drop(cached);

        let stale_paths: Vec<PathBuf> = stale.iter().map(|f| f.path.clone()).collect();
        let read = read_entries(stale_paths);
        if changed && let Some(scanned_at) = FileTime::of(scanned_at) {
            let pairs = hit_found
                .iter()
                .zip(&entries)
                .chain(stale.iter().zip(&read));
            write_cache(
                cache,
                &CacheFile {
                    app_version: env!("CARGO_PKG_VERSION").to_string(),
                    root: canonical_root,
                    scanned_at,
                    entries: pairs.filter_map(|(f, e)| to_cache(f, e)).collect(),
                },
            );
        }
        entries.extend(read);
        Ok(Library::from_entries(root, entries))
    }

    /// `scan_with_cache` with the cache in the user's cache folder
    /// (`library_cache_path`); a plain `scan` where there is none.
    pub fn scan_cached(root: &Path) -> Result<Library, FileError> {
        match library_cache_path(root) {
            Some(cache) => Library::scan_with_cache(root, &cache),
            None => Library::scan(root),
        }
    }
}

/// Where the cache of the plans folder `root` is kept:
/// `library-HASH.bin` in the app's cache folder (`locations::cache_dir`:
/// `$XDG_CACHE_HOME/massage-planner/` on Linux), one file per folder, named by a hash of
/// its canonical path. `None` when the system has no such folder.
pub fn library_cache_path(root: &Path) -> Option<PathBuf> {
    let name = format!(
        "library-{:016x}.bin",
        fnv1a(canonical_name(root).as_bytes())
    );
    Some(cache_dir()?.join(name))
}

fn canonical_name(root: &Path) -> String {
    let canonical = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    canonical.to_string_lossy().into_owned()
}

/// FNV-1a: stable across Rust releases, unlike `DefaultHasher`, so the same
/// folder finds its cache after an upgrade.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn stat(root: &Path, path: PathBuf) -> Found {
    let metadata = std::fs::metadata(&path).ok();
    // Only UTF-8 paths are cached (serde keeps paths as text); others are
    // read on every scan, which is correct, just slower.
    let relative = path.strip_prefix(root).ok().and_then(|r| {
        let parts: Option<Vec<&str>> = r.components().map(|c| c.as_os_str().to_str()).collect();
        parts.map(|p| p.join("/"))
    });
    Found {
        path,
        relative,
        len: metadata.as_ref().map_or(0, std::fs::Metadata::len),
        modified: metadata.and_then(|m| m.modified().ok()),
    }
}

/// The cached entry still describes the file, and the file was not changed
/// so close to that scan that a change could hide in the same timestamp.
fn trusted(cached: &CachedEntry, found: &Found, scanned_at: Option<FileTime>) -> bool {
    let (Some(modified), Some(scanned_at)) = (found.modified, scanned_at) else {
        return false;
    };
    cached.len == found.len
        && Some(cached.modified) == FileTime::of(modified)
        && modified + RACY_MARGIN <= scanned_at.to_system_time()
}

fn restore(found: &Found, cached: CachedEntry) -> LibraryEntry {
    let plan = match cached.outcome {
        Outcome::Plan(summary) => Ok(summary),
        Outcome::Unreadable { location, problem } => Err(FileError {
            path: found.path.clone(),
            location: location.map(|(line, col)| Location { line, col }),
            problem: problem.into_problem(),
        }),
    };
    LibraryEntry {
        path: found.path.clone(),
        modified: found.modified,
        plan,
    }
}

/// What to remember of a freshly read file, if it can be remembered.
fn to_cache(found: &Found, entry: &LibraryEntry) -> Option<CachedEntry> {
    let outcome = match &entry.plan {
        Ok(summary) => Outcome::Plan(summary.clone()),
        Err(error) => Outcome::Unreadable {
            location: error.location.map(|l| (l.line, l.col)),
            problem: CachedProblem::of(&error.problem)?,
        },
    };
    Some(CachedEntry {
        path: found.relative.clone()?,
        len: found.len,
        modified: FileTime::of(found.modified?)?,
        outcome,
    })
}

/// The cache, if it is there, whole, of this version and of this folder.
fn read_cache(cache: &Path, canonical_root: &str) -> Option<CacheFile> {
    let bytes = match std::fs::read(cache) {
        Ok(bytes) => bytes,
        Err(e) => {
            log::debug!("library cache {}: {e}; building it", cache.display());
            return None;
        }
    };
    let Some(body) = bytes.strip_prefix(MAGIC) else {
        log::debug!(
            "library cache {}: not a cache of this layout; rebuilding it",
            cache.display()
        );
        return None;
    };
    let file: CacheFile = match postcard::from_bytes(body) {
        Ok(file) => file,
        Err(e) => {
            log::debug!("library cache {}: {e}; rebuilding it", cache.display());
            return None;
        }
    };
    if file.app_version != env!("CARGO_PKG_VERSION") || file.root != canonical_root {
        log::debug!(
            "library cache {}: written by another version or for another folder; rebuilding it",
            cache.display()
        );
        return None;
    }
    Some(file)
}

/// Writes the cache atomically and private to the user (it names clients);
/// a failure only costs speed next time.
fn write_cache(cache: &Path, file: &CacheFile) {
    let mut bytes = MAGIC.to_vec();
    let bytes = match postcard::to_extend(file, std::mem::take(&mut bytes)) {
        Ok(bytes) => bytes,
        Err(e) => {
            log::debug!("library cache {}: {e}; not written", cache.display());
            return;
        }
    };
    if let Some(dir) = cache.parent()
        && let Err(e) = create_private_dir(dir)
    {
        log::debug!("library cache {}: {e}; not written", dir.display());
        return;
    }
    if let Err(e) = write_file_atomically(cache, &bytes) {
        log::debug!("library cache not written: {e}");
    }
}
