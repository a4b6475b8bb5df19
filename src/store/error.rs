use std::fmt;
use std::path::PathBuf;

/// Line and column (1-based) in a plan file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    pub line: usize,
    pub col: usize,
}

/// Something went wrong with one file; shown as `PATH:LINE:COL: problem`.
#[derive(Debug, thiserror::Error)]
pub struct FileError {
    pub path: PathBuf,
    pub location: Option<Location>,
    #[source]
    pub problem: Problem,
}

#[derive(Debug, thiserror::Error)]
pub enum Problem {
    #[error("cannot read the file: {0}")]
    Read(std::io::Error),
    #[error("cannot write the file: {0}")]
    Write(std::io::Error),
    #[error("this is a folder, not a plan file")]
    NotAFile,
    #[error("the file is {size} bytes; a plan file is at most {limit} bytes")]
    TooLarge { size: u64, limit: u64 },
    #[error("the file is not UTF-8 text")]
    NotUtf8,
    #[error("{0}")]
    Syntax(String),
    #[error(
        "written by a newer massage-planner (plan format {found}); this version reads formats up to {supported}"
    )]
    NewerFormat { found: u32, supported: u32 },
    #[error("the file already exists; it was not overwritten")]
    AlreadyExists,
    #[error(
        "the file changed on disk since it was opened (someone else saved it?); it was not overwritten"
    )]
    ChangedOnDisk,
    #[error("the file was removed from disk since it was opened")]
    RemovedFromDisk,
    #[error("cannot turn the plan into text: {0}")]
    Serialize(String),
    #[error(
        "step {step} ({muscle}) targets the trigger point \"{id}\", which the muscle does not have; its trigger points are: {known}"
    )]
    UnknownTriggerPoint {
        step: usize,
        muscle: &'static str,
        id: String,
        known: String,
    },
}

impl FileError {
    pub fn new(path: impl Into<PathBuf>, problem: Problem) -> Self {
        FileError {
            path: path.into(),
            location: None,
            problem,
        }
    }

    pub fn at(path: impl Into<PathBuf>, location: Location, problem: Problem) -> Self {
        FileError {
            path: path.into(),
            location: Some(location),
            problem,
        }
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(Location { line, col }) = self.location {
            write!(f, ":{line}:{col}")?;
        }
        write!(f, ": {}", self.problem)
    }
}
