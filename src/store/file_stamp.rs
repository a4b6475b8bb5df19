//! What a file looked like when it was read, to notice later changes.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;

use super::error::{FileError, Problem};
use super::read::read_bounded;

/// What a file looked like when it was opened or last saved, to notice when
/// someone else changed it since.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    len: u64,
    content_hash: u64,
}

impl FileStamp {
    pub fn of_bytes(bytes: &[u8]) -> Self {
        let mut hasher = DefaultHasher::new();
        bytes.hash(&mut hasher);
        FileStamp {
            len: bytes.len() as u64,
            content_hash: hasher.finish(),
        }
    }

    /// The stamp of the file as it is on disk now; `None` when it is gone.
    pub fn of_file(path: &Path) -> Result<Option<Self>, FileError> {
        match read_bounded(path) {
            Ok(bytes) => Ok(Some(FileStamp::of_bytes(&bytes))),
            Err(FileError {
                problem: Problem::Read(e),
                ..
            }) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }
}
