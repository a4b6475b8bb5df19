//! The planner's state and the one place where actions are applied. No
//! window here: the eframe shell (`app::shell`) draws it and carries out
//! the effects (dialogs, printing, closing), so all of this is unit-tested.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::action::{Action, UnsavedAnswer};
use super::client_state::{ClientState, Rules};
use super::command::Command;
use super::conflict::SaveConflict;
use super::document::{Document, OpenFile};
use super::history::EditKey;
use super::recovery::RecoveryState;
use super::sync_copies::Comparison;
use crate::atlas::Layer;
use crate::model::{Client, Muscle, Plan, Pressure, Side, Step, Technique};
use crate::screening::Warning;
use crate::sheet::Paper;
use crate::store::{self, FileError, FileStamp, Library, Overwrite, Template};

/// Work the shell must do outside the plan: dialogs, printing, closing.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    ShowOpenDialog,
    ShowSaveDialog {
        suggested_name: String,
    },
    ShowExportDialog {
        suggested_name: String,
    },
    ShowFolderDialog,
    Print,
    /// Write the plan sheet to this PDF file.
    ExportPdf(PathBuf),
    /// Print on the default printer without a viewer.
    PrintDirect,
    /// Read the plans folder again (in the background).
    LoadLibrary,
    CloseWindow,
}

/// What to do once the unsaved-changes question is answered.
#[derive(Debug, Clone, PartialEq)]
pub enum Continuation {
    New,
    Open(PathBuf),
    OpenDialog,
    NewSessionFromThis,
    Template(usize),
    /// Bring back the edits a crashed run left behind.
    Restore,
    Close,
}

#[derive(Debug)]
pub enum LibraryState {
    Loading,
    Ready(Library),
    Failed(String),
}

/// Technique and pressure for the next step picked on the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StepDefaults {
    pub technique: Technique,
    pub pressure: Pressure,
}

impl Default for StepDefaults {
    fn default() -> Self {
        StepDefaults {
            technique: Technique::Swedish,
            pressure: Pressure::MEDIUM,
        }
    }
}

pub const MAX_RECENT_FILES: usize = 8;
const NEW_STEP_MINUTES: u16 = 5;

#[derive(Debug)]
pub struct Planner {
    pub plans_dir: PathBuf,
    pub today: Date,
    pub doc: Document,
    pub library: LibraryState,
    pub search: String,
    pub layer: Layer,
    pub paper: Paper,
    pub defaults: StepDefaults,
    pub recent: Vec<PathBuf>,
    /// What happened last ("Saved maria-keller-2026-11-18.ron").
    pub message: String,
    /// The last error, shown until dismissed or replaced.
    pub error: Option<String>,
    /// Set while the unsaved-changes question is on screen.
    pub pending: Option<Continuation>,
    /// The window may close now (the question was answered).
    pub close_confirmed: bool,
    pub effects: Vec<Effect>,
    /// The open plan's client record and the client form.
    pub client: ClientState,
    pub rules: Rules,
    pub templates: Vec<Template>,
    pub recovery: RecoveryState,
    /// Set while "someone else changed the file" is on screen.
    pub conflict: Option<SaveConflict>,
    /// A plan and its sync conflict copy, shown side by side.
    pub comparison: Option<Comparison>,
}

impl Planner {
    pub fn new(plans_dir: PathBuf, today: Date) -> Self {
        let (templates, template_error) = match store::templates() {
            Ok(templates) => (templates, None),
            Err(e) => (Vec::new(), Some(e.to_string())),
        };
        let rules = Rules::load(&plans_dir);
        let error = template_error.or_else(|| rules.error.clone());
        let mut planner = Planner {
            plans_dir,
            today,
            doc: Document::new(Plan::new(today)),
            library: LibraryState::Loading,
            search: String::new(),
            layer: Layer::Superficial,
            paper: Paper::default(),
            defaults: StepDefaults::default(),
            recent: Vec::new(),
            message: String::new(),
            error,
            pending: None,
            close_confirmed: false,
            effects: Vec::new(),
            client: ClientState::default(),
            rules,
            templates,
            recovery: RecoveryState::default(),
            conflict: None,
            comparison: None,
        };
        planner.follow_client();
        planner
    }

    /// The open plan's screening warnings, acknowledged ones included.
    pub fn warnings(&self) -> Vec<Warning> {
        self.rules.screen(&self.doc.plan, &self.client)
    }

    fn follow_client(&mut self) {
        self.client.follow(
            &self.plans_dir,
            self.doc.file.as_ref().map(|f| f.path.as_path()),
            &self.doc.plan.client.name,
        );
    }

    /// A path as the therapist thinks of it: relative to the plans folder
    /// when inside it, else in full.
    pub fn short_path(&self, path: &Path) -> String {
        path.strip_prefix(&self.plans_dir)
            .unwrap_or(path)
            .display()
            .to_string()
    }

    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    pub fn apply(&mut self, action: Action) {
        self.apply_one(action);
        self.follow_client();
        self.settle_recovery();
    }

    fn apply_one(&mut self, action: Action) {
        match action {
            Action::Command(command) => self.run(command),
            Action::Pick { muscle, side } => self.pick(muscle, side),
            Action::SelectStep(step) => {
                self.doc.selected_step = step.filter(|&i| i < self.doc.plan.steps.len());
                self.doc.end_gesture();
            }
            Action::SetLayer(layer) => self.layer = layer,
            Action::SetSearch(query) => self.search = query,
            Action::OpenPath(path) => self.unless_unsaved(Continuation::Open(path)),
            Action::SaveAsPath(path) => {
                let _ = self.save_to(&path, Overwrite::Always);
            }
            Action::ExportPdfTo(path) => self.effects.push(Effect::ExportPdf(path)),
            Action::AnswerUnsaved(answer) => self.answer_unsaved(answer),
            Action::CloseRequested => {
                if !self.close_confirmed {
                    self.unless_unsaved(Continuation::Close);
                }
            }
            Action::Edit(edit) => self.edit(edit),
            Action::EndGesture => self.doc.end_gesture(),
            Action::DismissError => self.error = None,
            Action::SetPaper(paper) => self.paper = paper,
            Action::PrintDirect => self.effects.push(Effect::PrintDirect),
            Action::ChoosePlansFolder => self.effects.push(Effect::ShowFolderDialog),
            Action::SetPlansDir(dir) => {
                self.plans_dir = dir;
                self.library = LibraryState::Loading;
                self.effects.push(Effect::LoadLibrary);
                self.rules = Rules::load(&self.plans_dir);
                self.error = self.rules.error.clone();
            }
            Action::NewFromTemplate(n) => {
                if n < self.templates.len() {
                    self.unless_unsaved(Continuation::Template(n));
                }
            }
            Action::EditClient => self.client.start_editing(&self.doc.plan),
            Action::ClientDraft(draft) => {
                if self.client.draft.is_some() {
                    self.client.draft = Some(draft);
                }
            }
            Action::SaveClient => self.save_client(),
            Action::CloseClientEditor => self.client.draft = None,
            Action::AnswerRecovery(answer) => self.answer_recovery(answer),
            Action::ResolveConflict(choice) => self.resolve_conflict(choice),
            Action::FilesChanged(paths) => self.files_changed(&paths),
            Action::CompareConflictCopy(copy) => self.compare_copy(&copy),
            Action::KeepConflictCopy(copy) => self.keep_copy(&copy),
            Action::PutAwayConflictCopy(copy) => self.put_away_copy(&copy),
            Action::CloseComparison => self.comparison = None,
        }
    }

    /// Writes the client form to `clients/NAME.ron`; on failure the form
    /// stays open with its edits.
    fn save_client(&mut self) {
        let Some(draft) = self.client.draft.clone() else {
            return;
        };
        if draft.name.trim().is_empty() {
            self.error = Some("Give the plan a client name before saving a client record.".into());
            return;
        }
        match store::save_client_record(self.client.folder(), &draft) {
            Ok(path) => {
                self.message = format!("Saved the client record {}", self.short_path(&path));
                self.error = None;
                self.client.draft = None;
                self.client.forget();
            }
            Err(e) => {
                self.error = Some(format!(
                    "{e}. The client form is still open with your changes."
                ));
            }
        }
    }

    fn run(&mut self, command: Command) {
        match command {
            Command::New => self.unless_unsaved(Continuation::New),
            Command::Open => self.unless_unsaved(Continuation::OpenDialog),
            Command::Save => {
                self.save();
            }
            Command::SaveAs => self.effects.push(Effect::ShowSaveDialog {
                suggested_name: store::file_name_for(&self.doc.plan, 1),
            }),
            Command::NewSessionFromThis => self.unless_unsaved(Continuation::NewSessionFromThis),
            Command::Print => self.effects.push(Effect::Print),
            Command::ExportPdf => self.effects.push(Effect::ShowExportDialog {
                suggested_name: format!("{}.pdf", store::file_stem_for(&self.doc.plan)),
            }),
            Command::Undo => {
                if !self.doc.undo() {
                    self.message = "Nothing to undo".into();
                }
            }
            Command::Redo => {
                if !self.doc.redo() {
                    self.message = "Nothing to redo".into();
                }
            }
            Command::ToggleLayer => {
                self.layer = match self.layer {
                    Layer::Superficial => Layer::Deep,
                    Layer::Deep => Layer::Superficial,
                }
            }
            Command::Quit => self.apply(Action::CloseRequested),
        }
    }

    /// Runs `next` now, or first asks about unsaved changes.
    pub(super) fn unless_unsaved(&mut self, next: Continuation) {
        if self.doc.is_dirty() {
            self.pending = Some(next);
        } else {
            self.continue_with(next);
        }
    }

    fn answer_unsaved(&mut self, answer: UnsavedAnswer) {
        let Some(next) = self.pending.take() else {
            return;
        };
        match answer {
            UnsavedAnswer::Cancel => {}
            UnsavedAnswer::Discard => self.continue_with(next),
            UnsavedAnswer::Save => {
                if self.save() {
                    self.continue_with(next);
                }
            }
        }
    }

    fn continue_with(&mut self, next: Continuation) {
        match next {
            Continuation::New => {
                self.doc = Document::new(Plan::new(self.today));
                self.message = "New plan".into();
            }
            Continuation::Open(path) => self.open(&path),
            Continuation::OpenDialog => self.effects.push(Effect::ShowOpenDialog),
            Continuation::NewSessionFromThis => {
                let copy = self.doc.plan.next_session(self.today);
                let blank = Plan::new(self.today);
                self.message = format!(
                    "New session for {} from the plan of {} (not saved yet)",
                    display_client(&copy),
                    self.doc.plan.date
                );
                self.doc = Document::unsaved(copy, blank);
            }
            Continuation::Template(n) => {
                if let Some(template) = self.templates.get(n) {
                    let client = Client {
                        name: self.doc.plan.client.name.clone(),
                        id: self.doc.plan.client.id.clone(),
                    };
                    let mut plan = template.instantiate(client, self.today);
                    plan.therapist = self.doc.plan.therapist.clone();
                    self.message = format!("New plan from the template \"{}\"", template.title);
                    self.doc = Document::unsaved(plan, Plan::new(self.today));
                }
            }
            Continuation::Restore => self.restore_recovery(),
            Continuation::Close => {
                self.close_confirmed = true;
                self.effects.push(Effect::CloseWindow);
            }
        }
    }

    /// Opens a plan exactly as saved; on failure the current plan stays.
    pub(super) fn open(&mut self, path: &Path) {
        match store::load_plan_stamped(path) {
            Ok((plan, stamp)) => {
                self.message = format!("Opened {}", self.short_path(path));
                self.error = None;
                self.doc = Document::opened(
                    plan,
                    OpenFile {
                        path: path.to_path_buf(),
                        stamp,
                    },
                );
                self.remember_recent(path);
            }
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    /// Ctrl+S: over the file it came from, else a new readable name in the
    /// plans folder. Returns whether the plan is now on disk.
    pub fn save(&mut self) -> bool {
        match self.doc.file.clone() {
            Some(file) => self.save_to(&file.path, Overwrite::IfUnchanged(file.stamp)),
            None => match store::save_new_plan(&self.doc.plan, &self.plans_dir) {
                Ok((path, stamp)) => {
                    self.saved_as(path, stamp);
                    true
                }
                Err(e) => self.failed_to_save(&e),
            },
        }
    }

    pub(super) fn save_to(&mut self, path: &Path, overwrite: Overwrite) -> bool {
        match store::save_plan(&self.doc.plan, path, overwrite) {
            Ok(stamp) => {
                self.saved_as(path.to_path_buf(), stamp);
                true
            }
            Err(e) => self.failed_to_save(&e),
        }
    }

    pub(super) fn saved_as(&mut self, path: PathBuf, stamp: FileStamp) {
        self.message = format!("Saved {}", self.short_path(&path));
        if let Some(problem) = self.doc.plan.validate().first() {
            self.message.push_str(&format!(" ({problem})"));
        }
        self.error = None;
        self.doc.mark_saved(OpenFile {
            path: path.clone(),
            stamp,
        });
        if let LibraryState::Ready(library) = &mut self.library {
            library.refresh_file(&path);
        }
        self.remember_recent(&path);
    }

    pub(super) fn failed_to_save(&mut self, error: &FileError) -> bool {
        self.error = Some(format!(
            "{error}. The plan is still here, unsaved: try Save as… to keep it elsewhere."
        ));
        self.note_conflict(&error.path, &error.problem);
        false
    }

    fn remember_recent(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(MAX_RECENT_FILES);
    }

    /// A click on the map: select the step already planned there, or add one.
    fn pick(&mut self, muscle: Muscle, side: Side) {
        let existing = self
            .doc
            .plan
            .steps
            .iter()
            .position(|s| s.muscle == muscle && s.side.covers(side));
        if let Some(index) = existing {
            self.doc.selected_step = Some(index);
            return;
        }
        let step = Step {
            minutes: NEW_STEP_MINUTES,
            ..Step::new(
                muscle,
                side,
                self.defaults.technique,
                self.defaults.pressure,
            )
        };
        self.doc
            .edit(EditKey::Discrete, |plan| plan.steps.push(step));
        self.doc.selected_step = Some(self.doc.plan.steps.len() - 1);
    }

    /// The window title: client, date, file and an unsaved mark.
    pub fn title(&self) -> String {
        let plan = &self.doc.plan;
        let dirty = if self.doc.is_dirty() { "• " } else { "" };
        format!(
            "{dirty}{} — {} — Massage planner",
            display_client(plan),
            plan.date
        )
    }
}

fn display_client(plan: &Plan) -> &str {
    let name = plan.client.name.trim();
    if name.is_empty() { "New client" } else { name }
}
