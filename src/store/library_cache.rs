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
    ClientNames, ClientTable, Library, LibraryEntry, MuscleBits, PlanSummary, read_entries,
};
use super::locations::{cache_dir, create_private_dir};
use super::plan_files::{Stat, is_listed_name, plan_files_with_stats, visit_plan_files};
use super::save::write_file_atomically;

/// Starts every cache file; the last byte is the layout version. Bump it when
/// `CacheHead`, `CachedEntry` or `PlanSummary` change shape or meaning.
const MAGIC: &[u8; 8] = b"MPLIBC\x00\x06";

/// A file modified this close to (or after) the scan that cached it may have
/// changed again within the same timestamp tick: it is read again, not trusted.
const RACY_MARGIN: Duration = Duration::from_secs(2);

/// The head of the cache as stored; `entries` `CachedEntry` records follow
/// it one after another, sorted by path. Its text borrows from the bytes
/// read (`Cow`), so opening a library of 100,000 plans allocates no string
/// per file.
#[derive(Debug, Serialize, Deserialize)]
struct CacheHead<'a> {
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
    /// How many entries follow.
    entries: u64,
}

/// A cache read: the head decoded, the entries left in the bytes and only
/// found (`offsets`), each decoded when it is needed. Decoding all 100,000
/// into a list first cost 17 MB at the peak of opening a library.
struct CacheFile<'a> {
    head: CacheHead<'a>,
    /// The entries' records.
    body: &'a [u8],
    /// Where each entry starts in `body`.
    offsets: Vec<u32>,
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

impl Library {
    /// Like `scan`, but reuses the summaries cached in `cache` for files whose
    /// size and modification time are unchanged, reads only the others, and
    /// writes the cache back when anything changed. Problems with the cache
    /// itself never fail the scan: it is rebuilt.
    pub fn scan_with_cache(root: &Path, cache: &Path) -> Result<Library, FileError> {
        let scanned_at = SystemTime::now();
        let found = walk(root)?;
        let canonical_root = canonical_name(root);
        let bytes = read_cache(cache);
        let old = bytes
            .as_deref()
            .and_then(|bytes| decode_cache(cache, bytes, &canonical_root));
        let matched = match_files(root, old.as_ref(), found);
        drop(old);
        drop(bytes);
        Ok(matched.into_library(root, cache, &canonical_root, scanned_at))
    }

    /// The library as the index cache last saw it, without looking at the
    /// files (no walk, no `stat`): what a window shows at once while
    /// `check_with_cache` makes sure of it. `None` without a usable cache.
    /// Shown, never trusted: opening a plan always reads its file.
    pub fn from_cache(root: &Path, cache: &Path) -> Option<Library> {
        let bytes = read_cache(cache)?;
        let file = decode_cache(cache, &bytes, &canonical_name(root))?;
        let shared = file.shared_clients(&mut ClientTable::default());
        let mut entries = Vec::with_capacity(file.len());
        entries.extend(
            (0..file.len())
                .filter_map(|at| file.entry(at))
                .filter(|cached| is_listed_name(&cached.path))
                .filter_map(|cached| {
                    let path = path_of(root, &cached.path);
                    let plan = restore_plan(&path, &cached, &shared)?;
                    Some(LibraryEntry {
                        path,
                        modified: Some(cached.modified.to_system_time()),
                        plan,
                    })
                }),
        );
        drop(file);
        drop(bytes);
        Some(Library::from_entries(root, entries))
    }

    /// Checks the folder against the index cache: `None` when the cache
    /// describes every file as it is (the library `from_cache` gave is
    /// right), else the corrected library (`scan_with_cache`). Keeps nothing
    /// per file while checking and stops at the first difference, so a
    /// window that shows the cached library does not hold a second one, nor
    /// a list of every path, when nothing changed.
    pub fn check_with_cache(root: &Path, cache: &Path) -> Result<Option<Library>, FileError> {
        if Library::cache_describes(root, cache)? {
            return Ok(None);
        }
        Library::scan_with_cache(root, cache).map(Some)
    }

    /// Every file is in the cache, trusted, and every cached entry is a file.
    fn cache_describes(root: &Path, cache: &Path) -> Result<bool, FileError> {
        let Some(bytes) = read_cache(cache) else {
            return Ok(false);
        };
        let Some(file) = decode_cache(cache, &bytes, &canonical_name(root)) else {
            return Ok(false);
        };
        let shared = file.shared_clients(&mut ClientTable::default());
        let (mut used, mut cursor) = (0, 0);
        let all_vouched = visit_plan_files(root, &mut |path, stat| {
            let vouched = relative_name(root, &path)
                .and_then(|name| file.find(&name, &mut cursor))
                .filter(|c| trusted(c, stat, file.head.scanned_at))
                .and_then(|c| restore_plan(&path, &c, &shared))
                .is_some();
            used += usize::from(vouched);
            vouched
        });
        match all_vouched {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(file.len() == 0),
            Err(e) => Err(FileError::new(root, Problem::Read(e))),
            Ok(all_vouched) => Ok(all_vouched && used == file.len()),
        }
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

/// Every plan file under `root` with its size and time; a missing folder
/// has none.
fn walk(root: &Path) -> Result<Vec<(PathBuf, Stat)>, FileError> {
    match plan_files_with_stats(root) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(FileError::new(root, Problem::Read(e))),
        Ok(found) => Ok(found),
    }
}

fn read_cache(cache: &Path) -> Option<Vec<u8>> {
    std::fs::read(cache)
        .map_err(|e| log::debug!("library cache {}: {e}; building it", cache.display()))
        .ok()
}

/// The files found, sorted into those the cache vouches for and the others.
struct Matched {
    /// Restored from the cache.
    entries: Vec<LibraryEntry>,
    /// The size and time of each of `entries`, in the same order.
    entry_stats: Vec<Stat>,
    /// Files to read: new, changed, or not in the cache.
    stale: Vec<(PathBuf, Stat)>,
    /// How many cache entries were used.
    used: usize,
    /// Anything differs from the cache (no cache, stale files, files gone).
    changed: bool,
    clients: ClientTable,
}

fn match_files(root: &Path, old: Option<&CacheFile<'_>>, found: Vec<(PathBuf, Stat)>) -> Matched {
    let mut matched = Matched {
        entries: Vec::new(),
        entry_stats: Vec::new(),
        stale: Vec::new(),
        used: 0,
        changed: old.is_none(),
        clients: ClientTable::default(),
    };
    let Some(file) = old else {
        matched.stale = found;
        return matched;
    };
    let shared = file.shared_clients(&mut matched.clients);
    matched.entries.reserve(found.len());
    matched.entry_stats.reserve(found.len());
    let mut cursor = 0;
    for (path, stat) in found {
        let plan = relative_name(root, &path)
            .and_then(|name| file.find(&name, &mut cursor))
            .filter(|c| trusted(c, stat, file.head.scanned_at))
            .and_then(|c| restore_plan(&path, &c, &shared));
        match plan {
            Some(plan) => {
                matched.used += 1;
                matched.entries.push(LibraryEntry {
                    path,
                    modified: stat.modified,
                    plan,
                });
                matched.entry_stats.push(stat);
            }
            None => matched.stale.push((path, stat)),
        }
    }
    // Files gone (fewer used than cached) or new or changed.
    matched.changed |= matched.used != file.len() || !matched.stale.is_empty();
    matched
}

impl Matched {
    /// The library: cached entries, the stale files read; the cache
    /// written back when anything changed.
    fn into_library(
        self,
        root: &Path,
        cache: &Path,
        canonical_root: &str,
        scanned_at: SystemTime,
    ) -> Library {
        let Matched {
            mut entries,
            mut entry_stats,
            stale,
            changed,
            mut clients,
            ..
        } = self;
        let (paths, stale_stats): (Vec<PathBuf>, Vec<Stat>) = stale.into_iter().unzip();
        entries.extend(read_entries(paths, &mut clients));
        entry_stats.extend(stale_stats);
        if changed && let Some(scanned_at) = FileTime::of(scanned_at) {
            write_cache(
                cache,
                canonical_root,
                scanned_at,
                root,
                &entries,
                &entry_stats,
            );
        }
        Library::from_entries(root, entries)
    }
}

impl<'a> CacheFile<'a> {
    fn len(&self) -> usize {
        self.offsets.len()
    }

    /// Entry `at`, decoded.
    fn entry(&self, at: usize) -> Option<CachedEntry<'a>> {
        let start = usize::try_from(*self.offsets.get(at)?).ok()?;
        postcard::take_from_bytes(self.body.get(start..)?)
            .ok()
            .map(|(entry, _)| entry)
    }

    /// Only the path of entry `at` (the first thing in its record).
    fn path_at(&self, at: usize) -> Option<&'a str> {
        self.path_from(*self.offsets.get(at)?)
    }

    /// The path of the entry whose record starts at `start`.
    fn path_from(&self, start: u32) -> Option<&'a str> {
        std::str::from_utf8(self.path_bytes_from(start)?).ok()
    }

    /// The bytes of that path, not checked to be UTF-8 (every record was
    /// decoded once when the cache was read): a binary search looks at 17
    /// paths for each of 100,000 files.
    fn path_bytes_from(&self, start: u32) -> Option<&'a [u8]> {
        let record = self.body.get(usize::try_from(start).ok()?..)?;
        // postcard writes a string as its length (a LEB128 varint), then
        // its bytes.
        let (mut len, mut shift) = (0usize, 0u32);
        for (at, &byte) in record.iter().enumerate().take(10) {
            len |= usize::from(byte & 0x7f).checked_shl(shift)?;
            if byte & 0x80 == 0 {
                return record.get(at + 1..at + 1 + len);
            }
            shift += 7;
        }
        None
    }

    /// The entry of the file `name` (relative, `/`-separated). The walk
    /// visits files in about the order the cache keeps them, so the entry
    /// after the last one found is tried first (one comparison instead of a
    /// binary search of 17 at 100,000).
    fn find(&self, name: &str, cursor: &mut usize) -> Option<CachedEntry<'a>> {
        let at = if self.path_at(*cursor) == Some(name) {
            *cursor
        } else {
            // Every record was decoded once when the cache was read, so
            // each has a path.
            let at = self.offsets.partition_point(|&start| {
                self.path_bytes_from(start).unwrap_or_default() < name.as_bytes()
            });
            if self.path_at(at) != Some(name) {
                return None;
            }
            at
        };
        *cursor = at + 1;
        self.entry(at)
    }

    /// The cached clients, each shared through `clients`.
    fn shared_clients(&self, clients: &mut ClientTable) -> Vec<Arc<ClientNames>> {
        self.head
            .clients
            .iter()
            .map(|(name, id)| clients.share(Arc::new(ClientNames::new(name, id))))
            .collect()
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

/// The path of the cached file `name` (relative, `/`-separated).
fn path_of(root: &Path, name: &str) -> PathBuf {
    if std::path::MAIN_SEPARATOR == '/' {
        return root.join(name);
    }
    name.split('/')
        .fold(root.to_path_buf(), |path, part| path.join(part))
}

/// The summary (or cached reason it cannot be read) of a cached file;
/// `None` when the cache does not hold together (a client or date out of
/// range): the file is then read.
fn restore_plan(
    path: &Path,
    cached: &CachedEntry<'_>,
    clients: &[Arc<ClientNames>],
) -> Option<Result<PlanSummary, Box<FileError>>> {
    Some(match &cached.outcome {
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
    let file = match decode_body(body) {
        Ok(file) => file,
        Err(e) => {
            log::debug!("library cache {}: {e}; rebuilding it", cache.display());
            return None;
        }
    };
    if file.head.app_version != env!("CARGO_PKG_VERSION") || file.head.root != canonical_root {
        log::debug!(
            "library cache {}: written by another version or for another folder; rebuilding it",
            cache.display()
        );
        return None;
    }
    Some(file)
}

/// The head, and where each entry starts; every entry is decoded once here
/// (nothing kept) so a broken one is caught before anything is used.
fn decode_body(body: &[u8]) -> Result<CacheFile<'_>, postcard::Error> {
    let (head, mut rest): (CacheHead<'_>, _) = postcard::take_from_bytes(body)?;
    let records = rest;
    let count = usize::try_from(head.entries).map_err(|_| postcard::Error::DeserializeBadVarint)?;
    // Never trust a count to reserve more than the bytes could hold.
    let mut offsets = Vec::with_capacity(count.min(rest.len()));
    for _ in 0..count {
        let start = u32::try_from(records.len() - rest.len())
            .map_err(|_| postcard::Error::DeserializeUnexpectedEnd)?;
        offsets.push(start);
        let (_, after): (CachedEntry<'_>, _) = postcard::take_from_bytes(rest)?;
        rest = after;
    }
    if !rest.is_empty() {
        return Err(postcard::Error::DeserializeUnexpectedEnd);
    }
    Ok(CacheFile {
        head,
        body: records,
        offsets,
    })
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
    let head = CacheHead {
        app_version: Cow::Borrowed(env!("CARGO_PKG_VERSION")),
        root: Cow::Borrowed(canonical_root),
        scanned_at,
        clients: client_list,
        entries: cached.len() as u64,
    };
    let written = postcard::to_extend(&head, MAGIC.to_vec()).and_then(|bytes| {
        cached
            .iter()
            .try_fold(bytes, |bytes, entry| postcard::to_extend(entry, bytes))
    });
    let bytes = match written {
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
