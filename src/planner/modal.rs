//! What is on screen over the window, one thing at a time.

use std::path::PathBuf;

use super::action::FileDialog;
use crate::model::{ClientRecord, Difference};
use crate::store::DiffLine;

#[derive(Debug, Clone, PartialEq)]
pub enum Modal {
    /// "Save changes?", and what to do once it is answered.
    Unsaved(Continuation),
    /// A save was refused: someone else changed or removed the file.
    Conflict(SaveConflict),
    /// A plan and its sync conflict copy, side by side.
    Comparison(Comparison),
    /// Edits a crashed run left behind (the first of the offers).
    Recovery,
    /// The client record form, with the record being edited.
    ClientForm(ClientRecord),
    /// No file dialog could be shown: the path is typed instead.
    PathPrompt(PathPrompt),
    /// After the session: pain after, the client's response, SOAP notes.
    AfterSession,
    /// One client's course: timeline, pain trend, heat map, comparison.
    Course(Box<super::course_view::CourseView>),
}

/// What to do once the unsaved-changes question is answered.
#[derive(Debug, Clone, PartialEq)]
pub enum Continuation {
    New,
    Open(PathBuf),
    OpenDialog,
    NewSessionFromThis,
    /// Open this plan and start the next session from it.
    ContinueFrom(PathBuf),
    Template(usize),
    /// Bring back the edits a crashed run left behind.
    Restore,
    Close,
}

/// A save that was refused because the file is not the one opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveConflict {
    pub path: PathBuf,
    /// The file is gone rather than changed.
    pub removed: bool,
}

/// A plan and its conflict copy, side by side: what differs in words, and
/// the raw lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub copy: PathBuf,
    pub original: PathBuf,
    /// Field by field, from the plan to the copy; `Err`: why one of them
    /// does not load (the raw lines still show the difference).
    pub differences: Result<Vec<Difference>, String>,
    pub lines: Vec<DiffLine>,
}

/// A path typed by hand, for the dialog that could not be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathPrompt {
    pub dialog: FileDialog,
    pub text: String,
}
