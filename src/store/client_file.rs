//! Client records: one RON file per client in `clients/` inside the plans
//! folder, named after the client like the plans are.

use std::path::{Path, PathBuf};

use super::error::{FileError, Problem};
use super::file_name::client_slug;
use super::format::{parse_ron, to_pretty_ron};
use super::read::read_bounded;
use super::save::write_file_atomically;
use crate::model::{CLIENT_FORMAT_VERSION, ClientRecord};

/// The folder inside the plans folder that holds client records; the
/// library does not list it as plans.
pub const CLIENTS_DIR: &str = "clients";

const HEADER: &str =
    "// Client record (massage-planner): intake conditions and preferences. No contact data.\n";

/// `PLANS/clients/anna-berg.ron`.
pub fn client_record_path(plans_dir: &Path, client_name: &str) -> PathBuf {
    plans_dir.join(CLIENTS_DIR).join(format!(
        "{}.{}",
        client_slug(client_name),
        super::PLAN_EXTENSION
    ))
}

pub fn load_client_record(path: &Path) -> Result<ClientRecord, FileError> {
    let bytes = read_bounded(path)?;
    parse_client_record(&bytes, path)
}

/// Parses client record bytes; `path` only names the file in errors.
pub fn parse_client_record(bytes: &[u8], path: &Path) -> Result<ClientRecord, FileError> {
    let record: ClientRecord = parse_ron(bytes, path)?;
    if record.format > CLIENT_FORMAT_VERSION {
        return Err(FileError::new(
            path,
            Problem::NewerFormat {
                found: record.format,
                supported: CLIENT_FORMAT_VERSION,
            },
        ));
    }
    Ok(record)
}

/// The record of the client named `client_name`, or `None` when there is
/// none yet. A record that exists but does not load is an error, never
/// silently "no conditions".
pub fn find_client_record(
    plans_dir: &Path,
    client_name: &str,
) -> Result<Option<ClientRecord>, FileError> {
    if client_name.trim().is_empty() {
        return Ok(None);
    }
    let path = client_record_path(plans_dir, client_name);
    match std::fs::symlink_metadata(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        _ => load_client_record(&path).map(Some),
    }
}

/// Writes the record atomically, owner-readable only; returns its path.
pub fn save_client_record(plans_dir: &Path, record: &ClientRecord) -> Result<PathBuf, FileError> {
    let path = client_record_path(plans_dir, &record.name);
    let dir = plans_dir.join(CLIENTS_DIR);
    std::fs::create_dir_all(&dir).map_err(|e| FileError::new(&dir, Problem::Write(e)))?;
    let mut stored = record.clone();
    stored.format = CLIENT_FORMAT_VERSION;
    let body = to_pretty_ron(&stored)
        .map_err(|e| FileError::new(&path, Problem::Serialize(e.to_string())))?;
    write_file_atomically(&path, format!("{HEADER}{body}\n").as_bytes())?;
    Ok(path)
}

/// The folder whose `clients/` holds the record for a plan's client: the
/// plan file's own folder when it has a record there, else the plans
/// folder (where a new record is saved). The one rule, for the window and
/// the command line alike.
pub fn client_folder(plans_dir: &Path, plan_file: Option<&Path>, client_name: &str) -> PathBuf {
    plan_file
        .and_then(Path::parent)
        .filter(|dir| !dir.as_os_str().is_empty())
        .filter(|dir| client_record_path(dir, client_name).exists())
        .map_or_else(|| plans_dir.to_path_buf(), Path::to_path_buf)
}

/// The record for the client of the plan file `plan_file` (see [`client_folder`]).
pub fn client_record_for_plan_file(
    plan_file: &Path,
    plans_dir: &Path,
    client_name: &str,
) -> Result<Option<ClientRecord>, FileError> {
    find_client_record(
        &client_folder(plans_dir, Some(plan_file), client_name),
        client_name,
    )
}
