//! Reading a file the app did not write, bounded in size.

use std::io::Read;
use std::path::Path;

use super::error::{FileError, Problem};

/// A real plan is a few kilobytes; anything this large is not one, and
/// refusing it keeps loading bounded in time and memory.
pub const MAX_PLAN_FILE_BYTES: u64 = 1024 * 1024;

/// The bytes of `path`, refused when larger than [`MAX_PLAN_FILE_BYTES`] or
/// when it is a folder.
pub(crate) fn read_bounded(path: &Path) -> Result<Vec<u8>, FileError> {
    let metadata = std::fs::metadata(path).map_err(|e| FileError::new(path, Problem::Read(e)))?;
    if metadata.is_dir() {
        return Err(FileError::new(path, Problem::NotAFile));
    }
    if metadata.len() > MAX_PLAN_FILE_BYTES {
        return Err(FileError::new(
            path,
            Problem::TooLarge {
                size: metadata.len(),
                limit: MAX_PLAN_FILE_BYTES,
            },
        ));
    }
    let file = std::fs::File::open(path).map_err(|e| FileError::new(path, Problem::Read(e)))?;
    let mut bytes = Vec::new();
    // The file may grow between the size check and the read: stop at the limit.
    file.take(MAX_PLAN_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| FileError::new(path, Problem::Read(e)))?;
    if bytes.len() as u64 > MAX_PLAN_FILE_BYTES {
        return Err(FileError::new(
            path,
            Problem::TooLarge {
                size: bytes.len() as u64,
                limit: MAX_PLAN_FILE_BYTES,
            },
        ));
    }
    Ok(bytes)
}
