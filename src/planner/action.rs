//! What the person did, as returned by the views, and what the shell
//! reports back after carrying out an effect. One place applies them:
//! `Planner::apply`.

use std::path::PathBuf;

use jiff::civil::Date;

use super::command::Command;
use super::pain_mode::{MapMode, PainTool, PainWhen};
use crate::atlas::{Layer, ViewKind};
use crate::model::{
    Acknowledgement, BodyView, Cell, Clearance, ClientRecord, MuscleSide, Pain, PainMark, Position,
    Pressure, Side, Technique,
};
use crate::session::Moment;
use crate::sheet::Paper;
use crate::store::{Library, RecoveryStore};

#[derive(Debug)]
pub enum Action {
    Command(Command),
    /// A muscle picked on the map.
    Pick(MuscleSide),
    SelectStep(Option<usize>),
    SetLayer(Layer),
    /// Muscle names on the map, or not.
    ShowMapNames(bool),
    /// Show the map from behind, side-lying or from the front.
    SetView(ViewKind),
    ShowLandmarks(bool),
    /// What the map does: plan steps, or paint the pain before or after.
    SetMapMode(MapMode),
    /// Intensity, quality and constancy of what the brush paints next.
    SetBrush(PainMark),
    SetPainTool(PainTool),
    /// The referral zones of the selected muscle on the map, or not.
    ShowReferral(bool),
    /// Trigger point markers of every muscle on the map, or only the selected one's.
    ShowTriggerPoints(bool),
    SetSearch(String),
    /// Open this plan (library, recent files, a dropped file, a dialog).
    OpenPath(PathBuf),
    /// Save the plan to this path (Save As dialog or typed path).
    SaveAsPath(PathBuf),
    /// Write the sheet PDF to this path (Export dialog or typed path).
    ExportPdfTo(PathBuf),
    /// The answer to "Save changes?".
    AnswerUnsaved(UnsavedAnswer),
    /// The window was asked to close (title bar, Alt+F4).
    CloseRequested,
    Edit(Edit),
    /// A text field lost focus or a drag ended: the next edit is a new undo step.
    EndGesture,
    DismissError,
    /// Show the folder the last message names (a sheet no viewer opened).
    OpenMessageFolder,
    /// The field that `Command::QuickAdd` asked for has the keyboard now.
    FocusTaken,
    /// Make the plans folder, which does not exist, and read it.
    CreatePlansFolder,
    /// List and save into this folder from now on.
    SetPlansDir(PathBuf),
    /// Paper size of the plan sheet.
    SetPaper(Paper),
    /// Start a new plan from built-in template number `n`.
    NewFromTemplate(usize),
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
    /// The client view.
    Course(super::course_view::CourseAction),
    /// Close the after-session form.
    CloseAfterSession,
    /// The text typed into the path field (no file dialog was available).
    PathPromptText(String),
    /// OK (`true`) or Cancel on the path field.
    AnswerPathPrompt(bool),
    /// Keep unsaved edits safe against a crash from now on.
    EnableRecovery(RecoveryStore),
    /// Unsaved edits have waited long enough: write the recovery file.
    WriteRecovery,
    /// The window is closing for good.
    WindowClosing,
    /// Results of effects, reported by the shell.
    Done(Outcome),
    /// Session mode, stamped by the shell with the moment it happened.
    Session(SessionAction, Moment),
}

/// What the therapist does in session mode.
#[derive(Debug, Clone, PartialEq)]
pub enum SessionAction {
    /// Enter session mode on the open plan (F5, the button, `open --run`).
    Begin,
    /// Space: start, pause, go on.
    StartOrPause,
    Next,
    Previous,
    /// One minute more for the current step.
    MoreTime,
    /// One minute less for the current step.
    LessTime,
    Skip,
    /// The pressure actually used on the current step.
    Pressure(Pressure),
    /// The note typed during the current step.
    Note(String),
    /// End the session: its record goes into the plan and the after-session
    /// form opens.
    Finish,
    /// Back to the editor without keeping a record.
    Leave,
    /// Time passed while running: the step's end is signalled, the recovery
    /// file kept up to date.
    Tick,
}

/// The four parts of the SOAP notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SoapPart {
    Subjective,
    Objective,
    Assessment,
    Plan,
}

/// What came of an effect the shell carried out.
#[derive(Debug)]
pub enum Outcome {
    /// A file dialog closed: the path chosen, or `None` when cancelled or
    /// when no dialog could be shown.
    FileChosen {
        dialog: FileDialog,
        path: Option<PathBuf>,
    },
    /// The sheet at `path` was handed to the PDF viewer.
    ViewerOpened {
        path: PathBuf,
        result: Result<(), String>,
    },
    /// The folder `path` was shown in the file manager, or not.
    FolderOpened {
        path: PathBuf,
        result: Result<(), String>,
    },
    /// The sheet at `path` was sent to the printer (`lp`'s answer).
    Printed {
        path: PathBuf,
        result: Result<String, String>,
    },
    /// The plans folder `dir` was read.
    LibraryLoaded {
        dir: PathBuf,
        result: Result<Library, String>,
    },
    /// The default plans folder `dir` was made on first start (`Ok(true)`),
    /// was there already (`Ok(false)`), or could not be made.
    PlansFolderMade {
        dir: PathBuf,
        result: Result<bool, String>,
    },
    /// Watching the plans folder `dir` for changes others make started, or not.
    WatcherStarted {
        dir: PathBuf,
        result: Result<(), String>,
    },
}

/// The file dialogs the planner asks the shell to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileDialog {
    OpenPlan,
    SavePlanAs,
    ExportPdf,
    PlansFolder,
}

impl FileDialog {
    pub fn title(self) -> &'static str {
        match self {
            FileDialog::OpenPlan => "Open plan",
            FileDialog::SavePlanAs => "Save plan as",
            FileDialog::ExportPdf => "Export plan sheet as PDF",
            FileDialog::PlansFolder => "Choose the plans folder",
        }
    }
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
    /// The trigger point (an id of the muscle's) a step targets; `None`: the whole muscle.
    StepTriggerPoint(usize, Option<String>),
    /// How the client lies for the step; `None`: not planned.
    StepPosition(usize, Option<Position>),
    /// Reorder the steps so the client turns as few times as possible,
    /// keeping the order within each position.
    TurnClientLess,
    MoveStep {
        from: usize,
        to: usize,
    },
    DuplicateStep(usize),
    RemoveStep(usize),
    /// A both-sides step becomes a left and a right step, the minutes shared.
    SplitStep(usize),
    PainBefore(Option<Pain>),
    PainAfter(Option<Pain>),
    /// Paint cells of a pain drawing (one brush dab; a stroke is a run of
    /// these ended by `Action::EndGesture`).
    Paint {
        when: PainWhen,
        view: BodyView,
        cells: Vec<Cell>,
        mark: PainMark,
    },
    /// Erase cells of a pain drawing.
    Erase {
        when: PainWhen,
        view: BodyView,
        cells: Vec<Cell>,
    },
    /// After the session: how the client responded.
    ClientResponse(String),
    /// After the session: one part of the SOAP notes.
    Soap(SoapPart, String),
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
    /// Who cleared the client for a Refer-out finding, when and why.
    Clearance {
        rule: String,
        region: Option<MuscleSide>,
        clearance: Clearance,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnsavedAnswer {
    Save,
    Discard,
    Cancel,
}

/// The answer to "Restore unsaved edits?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecoveryAnswer {
    Restore,
    /// Delete the recovery file.
    Discard,
    /// Keep the file and ask again at the next start.
    Later,
}

/// The answer to "The file was changed on disk".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictChoice {
    /// Drop my edits and open the file as it is now.
    Reload,
    /// Keep both: mine goes to a new file beside it.
    SaveCopy,
    /// Mine replaces theirs (theirs goes to `.history/`).
    Overwrite,
    Cancel,
}
