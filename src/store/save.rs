//! Atomic saving: write a temporary file beside the target, flush it to
//! disk, then rename it over the target. A crash leaves the old file or the
//! new one, never half of either.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::error::{FileError, Problem};
use super::file_name::file_name_for;
use super::file_stamp::FileStamp;
use super::format::plan_to_ron;
use super::read::read_bounded;
use crate::model::Plan;

/// When saving over an existing file is allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overwrite {
    /// Only create a new file.
    Never,
    /// Only if the file is still exactly as we last saw it.
    IfUnchanged(FileStamp),
    /// The person chose to replace whatever is there.
    Always,
}

/// Saves `plan` to `path` atomically and returns the stamp of what was written.
pub fn save_plan(plan: &Plan, path: &Path, overwrite: Overwrite) -> Result<FileStamp, FileError> {
    let text =
        plan_to_ron(plan).map_err(|e| FileError::new(path, Problem::Serialize(e.to_string())))?;
    match overwrite {
        Overwrite::Never if path.exists() => {
            return Err(FileError::new(path, Problem::AlreadyExists));
        }
        Overwrite::IfUnchanged(expected) => match FileStamp::of_file(path)? {
            Some(found) if found == expected => {}
            Some(_) => return Err(FileError::new(path, Problem::ChangedOnDisk)),
            None => return Err(FileError::new(path, Problem::RemovedFromDisk)),
        },
        _ => {}
    }
    if overwrite != Overwrite::Never {
        // Saving what is already there writes nothing and keeps no copy.
        if read_bounded(path).is_ok_and(|on_disk| on_disk == text.as_bytes()) {
            return Ok(FileStamp::of_bytes(text.as_bytes()));
        }
        keep_previous_version(path)?;
    }
    write_atomically(path, text.as_bytes(), overwrite != Overwrite::Never)?;
    Ok(FileStamp::of_bytes(text.as_bytes()))
}

/// The hidden folder beside the plans where replaced versions are kept.
pub const HISTORY_DIR: &str = ".history";

/// Copies the file about to be replaced into `.history/` beside it
/// (`anna-berg-2026-11-25.20261125T103000.123Z.ron`), so an unwanted save can be
/// undone from disk. Nothing to keep when the file does not exist yet.
fn keep_previous_version(path: &Path) -> Result<(), FileError> {
    let previous = match read_bounded(path) {
        Ok(bytes) => bytes,
        Err(FileError {
            problem: Problem::Read(e),
            ..
        }) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    let dir = path.parent().unwrap_or(Path::new(".")).join(HISTORY_DIR);
    std::fs::create_dir_all(&dir).map_err(|e| FileError::new(&dir, Problem::Write(e)))?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Milliseconds keep names apart even for many saves a second.
    let when = jiff::Timestamp::now()
        .strftime("%Y%m%dT%H%M%S%.3fZ")
        .to_string();
    for attempt in 1..=100 {
        let name = if attempt == 1 {
            format!("{stem}.{when}.ron")
        } else {
            format!("{stem}.{when}-{attempt}.ron")
        };
        let target = dir.join(name);
        if target.exists() {
            continue;
        }
        match write_atomically(&target, &previous, false) {
            Err(FileError {
                problem: Problem::AlreadyExists,
                ..
            }) => continue,
            result => return result,
        }
    }
    Err(FileError::new(&dir, Problem::AlreadyExists))
}

/// Saves a plan under a new readable name in `dir` (`anna-berg-2026-11-25.ron`,
/// then `-2`, `-3`...), never replacing an existing file.
pub fn save_new_plan(plan: &Plan, dir: &Path) -> Result<(PathBuf, FileStamp), FileError> {
    std::fs::create_dir_all(dir).map_err(|e| FileError::new(dir, Problem::Write(e)))?;
    for attempt in 1..=1000 {
        let path = dir.join(file_name_for(plan, attempt));
        match save_plan(plan, &path, Overwrite::Never) {
            Err(FileError {
                problem: Problem::AlreadyExists,
                ..
            }) => continue,
            result => return result.map(|stamp| (path, stamp)),
        }
    }
    Err(FileError::new(
        dir.join(file_name_for(plan, 1)),
        Problem::AlreadyExists,
    ))
}

/// Writes any file (an exported sheet, say) the same crash-safe way as plans,
/// replacing what is there.
pub fn write_file_atomically(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    write_atomically(path, bytes, true)
}

/// Writes a new file the same crash-safe way, failing with
/// `AlreadyExists` rather than replacing one that is there.
pub(super) fn create_new_file(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    write_atomically(path, bytes, false)
}

fn write_atomically(path: &Path, bytes: &[u8], replace: bool) -> Result<(), FileError> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    // The error names the plan, never the temporary file beside it (tempfile
    // puts that path in its messages): only the operating system's reason stays.
    let write_err = |e: std::io::Error| FileError::new(path, Problem::Write(plain_reason(&e)));
    // tempfile creates the file readable by its owner only (0600 on Unix):
    // plans are health records.
    let mut temp = tempfile::Builder::new()
        .prefix(".")
        .suffix(".saving")
        .tempfile_in(dir)
        .map_err(write_err)?;
    temp.write_all(bytes).map_err(write_err)?;
    temp.as_file().sync_all().map_err(write_err)?;
    if replace {
        temp.persist(path).map_err(|e| write_err(e.error))?;
    } else {
        // Fails instead of replacing a file that appeared meanwhile.
        temp.persist_noclobber(path).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                FileError::new(path, Problem::AlreadyExists)
            } else {
                write_err(e.error)
            }
        })?;
    }
    sync_dir(dir);
    Ok(())
}

/// The operating system's reason for an error, without the paths tempfile
/// adds to its messages ("… at path /plans/.a1B2c3.saving").
fn plain_reason(error: &std::io::Error) -> std::io::Error {
    let os_code = error.raw_os_error().or_else(|| {
        let inner = error.get_ref()?;
        let source = std::error::Error::source(inner)?;
        source.downcast_ref::<std::io::Error>()?.raw_os_error()
    });
    match os_code {
        Some(code) => std::io::Error::from_raw_os_error(code),
        None => std::io::Error::from(error.kind()),
    }
}

/// Makes the rename itself durable where the platform allows it.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(handle) = std::fs::File::open(dir) {
        // A failure here cannot undo the rename; the data is already synced.
        let _ = handle.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod plain_reason_tests {
    use super::plain_reason;

    #[test]
    fn the_reason_keeps_the_cause_and_drops_the_temporary_path() {
        let from_tempfile = std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            "Permission denied (os error 13) at path \"/plans/.a1B2c3.saving\"",
        );
        let plain = plain_reason(&from_tempfile).to_string();
        assert!(!plain.contains(".saving"), "{plain}");
        assert!(
            plain.to_lowercase().contains("permission denied"),
            "{plain}"
        );
        let os = std::io::Error::from_raw_os_error(2);
        assert_eq!(plain_reason(&os).raw_os_error(), Some(2));
    }
}
