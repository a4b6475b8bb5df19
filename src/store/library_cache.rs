//! The library's index cache: every plan's summary, keyed by the file's size
//! and modification time, so opening a large library parses only the files
//! that changed since the last scan.
//!
//! It lives in the user's cache folder, not in the plans folder (often a
//! synced or shared one), and holds nothing that is not in the plans: a
//! missing, corrupt or stale cache is rebuilt without a word to the user.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::error::{FileError, Location, Problem};
use super::library::{
    ClientNames, ClientTable, Library, LibraryEntry, MuscleBits, PlanSummary, plan_files_under,
    read_entries,
};
use super::locations::{cache_dir, create_private_dir};
use super::save::write_file_atomically;

/// Starts every cache file; the last byte is the layout version. Bump it when
/// `CacheFile` or `PlanSummary` change shape or meaning.
const MAGIC: &[u8; 8] = b"MPLIBC\x00\x05";

/// A file modified this close to (or after) the scan that cached it may have
/// changed again within the same timestamp tick: it is read again, not trusted.
const RACY_MARGIN: Duration = Duration::from_secs(2);

/// The cache as stored. Its text borrows from the bytes read (`Cow`), so
/// opening a library of 100,000 plans allocates no string per file.
#[derive(Debug, Serialize, Deserialize)]
struct CacheFile<'a> {
    /// The program that wrote it: another version may summarise differently.
    #[serde(borrow)]
    app_version: Cow<'a, str>,
    /// The canonical plans folder, against a name clash of cache files.
    #[serde(borrow)]
    root: Cow<'a, str>,
    /// When the scan that wrote it started.
    scanned_at: FileTime,
    /// Each client once, as (name, id); entries refer to them by position.
    #[serde(borrow)]
    clients: Vec<(Cow<'a, str>, Cow<'a, str>)>,
    /// Sorted by path, to be found by binary search.
    #[serde(borrow)]
    entries: Vec<CachedEntry<'a>>,
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
struct CachedEntry<'a> {
    /// Relative to the plans folder, `/`-separated.
    #[serde(borrow)]
    path: Cow<'a, str>,
    len: u64,
    modified: FileTime,
    outcome: Outcome,
}

#[derive(Debug, Serialize, Deserialize)]
enum Outcome {
    Plan(CachedSummary),
    Unreadable {
        location: Option<(usize, usize)>,
        problem: CachedProblem,
    },
}

/// A `PlanSummary` as stored: the client by its place in `clients`, the
/// date as numbers (parsing 100,000 dates from text would be slower).
#[derive(Debug, Serialize, Deserialize)]
struct CachedSummary {
    client: u32,
    date: (i16, i8, i8),
    steps: u32,
    total_minutes: u32,
    session_minutes: u16,
    muscle_bits: MuscleBits,
    technique_bits: u16,
}

/// The reasons a file cannot be read that depend only on its content, so
/// they hold as long as size and time do. Others (permissions, I/O) are
/// checked again on every scan.
#[derive(Debug, Clone, Serialize, Deserialize)]
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

/// What a `stat` of a plan file found.
#[derive(Debug, Clone, Copy, Default)]
struct Stat {
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
        let bytes = std::fs::read(cache);
        let old = match &bytes {
            Ok(bytes) => decode_cache(cache, bytes, &canonical_root),
            Err(e) => {
                log::debug!("library cache {}: {e}; building it", cache.display());
                None
            }
        };
        let stats = stat_all(&paths);

        let mut clients = ClientTable::default();
        let mut changed = old.is_none();
        let mut entries = Vec::with_capacity(paths.len());
        // The size and time of each entry, in the order of `entries`, to
        // write the cache; and the files the cache cannot vouch for.
        let mut entry_stats = Vec::with_capacity(paths.len());
        let mut stale = Vec::new();
        let mut stale_stats = Vec::new();
        match &old {
            Some(file) => {
                let shared: Vec<Arc<ClientNames>> = file
                    .clients
                    .iter()
                    .map(|(name, id)| clients.share(Arc::new(ClientNames::new(name, id))))
                    .collect();
                let mut used = 0;
                for (path, stat) in paths.into_iter().zip(stats) {
                    let hit = relative_name(root, &path)
                        .and_then(|name| file.find(&name))
                        .filter(|c| trusted(c, stat, file.scanned_at))
                        .and_then(|c| restore(&path, stat, c, &shared));
                    match hit {
                        Some(entry) => {
                            used += 1;
                            entries.push(entry);
                            entry_stats.push(stat);
                        }
                        None => {
                            stale.push(path);
                            stale_stats.push(stat);
                        }
                    }
                }
                // Files gone (fewer used than cached) or new or changed.
                changed |= used != file.entries.len() || !stale.is_empty();
            }
            None => {
                stale = paths;
                stale_stats = stats;
            }
        }
        drop(old);
        drop(bytes);

        entries.extend(read_entries(stale, &mut clients));
        entry_stats.extend(stale_stats);
        if changed && let Some(scanned_at) = FileTime::of(scanned_at) {
            write_cache(
                cache,
                &canonical_root,
                scanned_at,
                root,
                &entries,
                &entry_stats,
            );
        }
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

impl CacheFile<'_> {
    /// The entry of the file `name` (relative, `/`-separated).
    fn find(&self, name: &str) -> Option<&CachedEntry<'_>> {
        let at = self
            .entries
            .binary_search_by(|e| e.path.as_ref().cmp(name))
            .ok()?;
        self.entries.get(at)
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

/// The size and time of every file, on every core: at 100,000 files the
/// `stat` calls are most of opening a library whose cache is warm.
fn stat_all(paths: &[PathBuf]) -> Vec<Stat> {
    let stat = |path: &PathBuf| {
        std::fs::metadata(path).map_or(Stat::default(), |m| Stat {
            len: m.len(),
            modified: m.modified().ok(),
        })
    };
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let chunk = paths.len().div_ceil(threads).max(1024);
    std::thread::scope(|scope| {
        let workers: Vec<_> = paths
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(stat).collect::<Vec<_>>()))
            .collect();
        let mut stats = Vec::with_capacity(paths.len());
        for (worker, part) in workers.into_iter().zip(paths.chunks(chunk)) {
            match worker.join() {
                Ok(found) => stats.extend(found),
                // `metadata` does not panic; should a worker anyway, its
                // share is done here.
                Err(_) => stats.extend(part.iter().map(stat)),
            }
        }
        stats
    })
}

/// The file's path relative to `root`, `/`-separated, borrowed from `path`
/// where the system's separator is `/`. Only UTF-8 paths are cached (the
/// cache keeps paths as text); others are read on every scan, which is
/// correct, just slower.
fn relative_name<'p>(root: &Path, path: &'p Path) -> Option<Cow<'p, str>> {
    let relative = path.strip_prefix(root).ok()?;
    if std::path::MAIN_SEPARATOR == '/' {
        return relative.to_str().map(Cow::Borrowed);
    }
    let parts: Option<Vec<&str>> = relative
        .components()
        .map(|c| c.as_os_str().to_str())
        .collect();
    parts.map(|p| Cow::Owned(p.join("/")))
}

/// The cached entry still describes the file, and the file was not changed
/// so close to that scan that a change could hide in the same timestamp.
fn trusted(cached: &CachedEntry<'_>, found: Stat, scanned_at: FileTime) -> bool {
    let Some(modified) = found.modified else {
        return false;
    };
    cached.len == found.len
        && Some(cached.modified) == FileTime::of(modified)
        && modified + RACY_MARGIN <= scanned_at.to_system_time()
}

/// The library entry of a cached file; `None` when the cache does not hold
/// together (a client or date out of range): the file is then read.
fn restore(
    path: &Path,
    found: Stat,
    cached: &CachedEntry<'_>,
    clients: &[Arc<ClientNames>],
) -> Option<LibraryEntry> {
    let plan = match &cached.outcome {
        Outcome::Plan(summary) => {
            let (year, month, day) = summary.date;
            Ok(PlanSummary {
                client: Arc::clone(clients.get(usize::try_from(summary.client).ok()?)?),
                date: Date::new(year, month, day).ok()?,
                steps: usize::try_from(summary.steps).ok()?,
                total_minutes: summary.total_minutes,
                session_minutes: summary.session_minutes,
                muscle_bits: summary.muscle_bits,
                technique_bits: summary.technique_bits,
            })
        }
        Outcome::Unreadable { location, problem } => Err(Box::new(FileError {
            path: path.to_path_buf(),
            location: location.map(|(line, col)| Location { line, col }),
            problem: problem.clone().into_problem(),
        })),
    };
    Some(LibraryEntry {
        path: path.to_path_buf(),
        modified: found.modified,
        plan,
    })
}

/// What to remember of an entry, if it can be remembered; `clients` gives
/// each client's place in the stored list.
fn to_cache<'e>(
    root: &Path,
    entry: &'e LibraryEntry,
    found: Stat,
    clients: &mut HashMap<*const ClientNames, u32>,
    client_list: &mut Vec<(Cow<'e, str>, Cow<'e, str>)>,
) -> Option<CachedEntry<'e>> {
    let outcome = match &entry.plan {
        Ok(summary) => {
            let next = u32::try_from(client_list.len()).ok()?;
            let client = *clients
                .entry(Arc::as_ptr(&summary.client))
                .or_insert_with(|| {
                    client_list.push((
                        Cow::Borrowed(&*summary.client.name),
                        Cow::Borrowed(&*summary.client.id),
                    ));
                    next
                });
            Outcome::Plan(CachedSummary {
                client,
                date: (
                    summary.date.year(),
                    summary.date.month(),
                    summary.date.day(),
                ),
                steps: u32::try_from(summary.steps).ok()?,
                total_minutes: summary.total_minutes,
                session_minutes: summary.session_minutes,
                muscle_bits: summary.muscle_bits,
                technique_bits: summary.technique_bits,
            })
        }
        Err(error) => Outcome::Unreadable {
            location: error.location.map(|l| (l.line, l.col)),
            problem: CachedProblem::of(&error.problem)?,
        },
    };
    Some(CachedEntry {
        path: relative_name(root, &entry.path)?,
        len: found.len,
        modified: FileTime::of(found.modified?)?,
        outcome,
    })
}

/// The cache, if it is whole, of this version and of this folder.
fn decode_cache<'b>(cache: &Path, bytes: &'b [u8], canonical_root: &str) -> Option<CacheFile<'b>> {
    let Some(body) = bytes.strip_prefix(MAGIC) else {
        log::debug!(
            "library cache {}: not a cache of this layout; rebuilding it",
            cache.display()
        );
        return None;
    };
    let file: CacheFile<'b> = match postcard::from_bytes(body) {
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

/// Writes the cache of these entries (with their sizes and times)
/// atomically and private to the user (it names clients); a failure only
/// costs speed next time.
fn write_cache(
    cache: &Path,
    canonical_root: &str,
    scanned_at: FileTime,
    root: &Path,
    entries: &[LibraryEntry],
    stats: &[Stat],
) {
    let mut clients = HashMap::new();
    let mut client_list = Vec::new();
    let mut cached: Vec<CachedEntry<'_>> = entries
        .iter()
        .zip(stats)
        .filter_map(|(entry, &stat)| to_cache(root, entry, stat, &mut clients, &mut client_list))
        .collect();
    cached.sort_unstable_by(|a, b| a.path.cmp(&b.path));
    let file = CacheFile {
        app_version: Cow::Borrowed(env!("CARGO_PKG_VERSION")),
        root: Cow::Borrowed(canonical_root),
        scanned_at,
        clients: client_list,
        entries: cached,
    };
    let bytes = match postcard::to_extend(&file, MAGIC.to_vec()) {
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
