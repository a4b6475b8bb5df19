//! What the person did, as returned by the views. One place applies them:
//! `Planner::apply`.

use std::path::PathBuf;

use jiff::civil::Date;

use super::command::Command;
use super::conflict::ConflictChoice;
use super::recovery::RecoveryAnswer;
use crate::atlas::Layer;
use crate::model::{
    Acknowledgement, ClientRecord, Muscle, MuscleSide, Pain, Pressure, Side, Technique,
};
use crate::sheet::Paper;

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Command(Command),
    /// A muscle picked on the map.
    Pick {
        muscle: Muscle,
        side: Side,
    },
    SelectStep(Option<usize>),
    SetLayer(Layer),
    SetSearch(String),
    /// Open this plan (library, recent files, a dropped file, a dialog).
    OpenPath(PathBuf),
    /// Save the plan to this path (Save As dialog or typed path).
    SaveAsPath(PathBuf),
    /// Write the sheet PDF to this path (Export dialog).
    ExportPdfTo(PathBuf),
    /// The answer to "Save changes?".
    AnswerUnsaved(UnsavedAnswer),
    /// The window was asked to close (title bar, Alt+F4).
    CloseRequested,
    Edit(Edit),
    /// A text field lost focus or a drag ended: the next edit is a new undo step.
    EndGesture,
    DismissError,
    /// Ask for another plans folder (a folder dialog).
    ChoosePlansFolder,
    /// List and save into this folder from now on.
    SetPlansDir(PathBuf),
    /// Paper size of the plan sheet.
    SetPaper(Paper),
    /// Send the sheet straight to the default printer (CUPS `lp`).
    PrintDirect,
    /// Start a new plan from built-in template number `n`.
    NewFromTemplate(usize),
    /// Open the client record of the plan's client for editing.
    EditClient,
    /// The client record form changed.
    ClientDraft(ClientRecord),
    /// Save the client record being edited.
    SaveClient,
    /// Close the client record form without saving.
    CloseClientEditor,
    /// The answer to "Restore unsaved edits?".
    AnswerRecovery(RecoveryAnswer),
    /// The answer to "The file was changed on disk".
    ResolveConflict(ConflictChoice),
    /// Files in the plans folder changed (the file watcher).
    FilesChanged(Vec<PathBuf>),
    /// Show a sync conflict copy beside its plan.
    CompareConflictCopy(PathBuf),
    /// The conflict copy replaces its plan (which goes to `.history/`).
    KeepConflictCopy(PathBuf),
    /// The plan stays; the conflict copy goes to `.history/`.
    PutAwayConflictCopy(PathBuf),
    CloseComparison,
}

/// A change to the plan itself: each is one undoable edit.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    ClientName(String),
    ClientId(String),
    Date(Date),
    Therapist(String),
    SessionMinutes(u16),
    Goals(String),
    Precautions(String),
    SelfCare(String),
    StepSide(usize, Side),
    StepTechnique(usize, Technique),
    StepPressure(usize, Pressure),
    StepMinutes(usize, u16),
    StepNotes(usize, String),
    MoveStep {
        from: usize,
        to: usize,
    },
    DuplicateStep(usize),
    RemoveStep(usize),
    PainBefore(Option<Pain>),
    PainAfter(Option<Pain>),
    /// The therapist has read a screening warning (note may follow).
    Acknowledge(Acknowledgement),
    /// Take back the acknowledgement of `rule` on `region`.
    Unacknowledge {
        rule: String,
        region: Option<MuscleSide>,
    },
    /// The note of an acknowledgement.
    AcknowledgementNote {
        rule: String,
        region: Option<MuscleSide>,
        note: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnsavedAnswer {
    Save,
    Discard,
    Cancel,
}
