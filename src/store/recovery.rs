//! Recovery files: unsaved edits written every few seconds, so a crash or
//! power cut loses at most those seconds. One file per running app
//! (`recovery-PID.ron`), in the user's own state folder, never in a shared
//! plans folder; removed when the edits are saved or discarded.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::error::{FileError, Problem};
use super::format::{parse_ron, to_pretty_ron};
use super::locations::{self, recovery_dir};
use super::read::read_bounded;
use super::save::write_file_atomically;
use crate::model::Plan;
use crate::session::SessionProgress;

const PREFIX: &str = "recovery-";
const SUFFIX: &str = ".ron";

/// What a recovery file holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recovery {
    /// When the edits were written.
    pub written: jiff::Timestamp,
    /// The plan file the edits belong to; `None` for a plan never saved.
    pub file: Option<PathBuf>,
    pub plan: Plan,
    /// The session that was running on the plan, so it resumes at its step
    /// with its elapsed time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<SessionProgress>,
}

/// A recovery file another (ended) run of the app left behind.
#[derive(Debug)]
pub struct LeftBehind {
    pub path: PathBuf,
    pub recovery: Result<Recovery, FileError>,
}

#[derive(Debug, Clone)]
pub struct RecoveryStore {
    dir: PathBuf,
    own: PathBuf,
}

impl RecoveryStore {
    /// The store in `dir` for the app running as process `pid`.
    pub fn new(dir: &Path, pid: u32) -> Self {
        RecoveryStore {
            dir: dir.to_path_buf(),
            own: dir.join(format!("{PREFIX}{pid}{SUFFIX}")),
        }
    }

    /// `$XDG_STATE_HOME/massage-planner/recovery`, else
    /// `~/.local/state/massage-planner/recovery` (`locations::recovery_dir`);
    /// `None` without a home.
    pub fn default_dir() -> Option<PathBuf> {
        recovery_dir()
    }

    pub fn own_path(&self) -> &Path {
        &self.own
    }

    /// Writes the edits, and the session running on them if any,
    /// atomically, readable by the owner only.
    pub fn write(
        &self,
        file: Option<&Path>,
        plan: &Plan,
        session: Option<&SessionProgress>,
    ) -> Result<(), FileError> {
        create_private_dir(&self.dir)?;
        let recovery = Recovery {
            written: jiff::Timestamp::now(),
            file: file.map(Path::to_path_buf),
            plan: plan.clone(),
            session: session.cloned(),
        };
        let text = to_pretty_ron(&recovery)
            .map_err(|e| FileError::new(&self.own, Problem::Serialize(e.to_string())))?;
        write_file_atomically(&self.own, text.as_bytes())
    }

    /// Removes this run's recovery file: the edits are saved or discarded.
    pub fn clear(&self) -> Result<(), FileError> {
        remove_if_present(&self.own)
    }

    /// Recovery files of runs that are no longer running, oldest first.
    /// One that does not load is listed with its reason, never dropped.
    pub fn left_behind(&self) -> Vec<LeftBehind> {
        let Ok(items) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut found: Vec<LeftBehind> = items
            .flatten()
            .map(|item| item.path())
            .filter(|path| *path != self.own)
            .filter(|path| owner_pid(path).is_some_and(|pid| !app_is_running(pid)))
            .map(|path| LeftBehind {
                recovery: load_recovery(&path),
                path,
            })
            .collect();
        found.sort_by_key(|l| l.recovery.as_ref().map(|r| r.written).ok());
        found
    }
}

pub fn load_recovery(path: &Path) -> Result<Recovery, FileError> {
    let bytes = read_bounded(path)?;
    parse_ron(&bytes, path)
}

/// Deletes a recovery file that was restored or declined.
pub fn remove_recovery(path: &Path) -> Result<(), FileError> {
    remove_if_present(path)
}

fn remove_if_present(path: &Path) -> Result<(), FileError> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(FileError::new(path, Problem::Write(e)))
        }
        _ => Ok(()),
    }
}

/// `recovery-1234.ron` -> 1234.
fn owner_pid(path: &Path) -> Option<u32> {
    let name = path.file_name()?.to_str()?;
    name.strip_prefix(PREFIX)?
        .strip_suffix(SUFFIX)?
        .parse()
        .ok()
}

/// Whether process `pid` is a running massage-planner. Where that cannot be
/// told, it is taken as ended, so the recovery is offered rather than lost.
fn app_is_running(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let comm = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
    // The kernel keeps 15 characters of the name.
    comm.trim().starts_with("massage-planne")
}

fn create_private_dir(dir: &Path) -> Result<(), FileError> {
    locations::create_private_dir(dir).map_err(|e| FileError::new(dir, Problem::Write(e)))
}
