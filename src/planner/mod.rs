//! The planner's state and the one place that changes it: `Planner::apply`.
//! No egui here: the views (`ui`) read the state through accessors and
//! return actions; the shell (`app`) carries out the effects and reports
//! each result back as an action. All of it is tested without a window.

mod action;
mod client_state;
mod command;
mod conflict;
mod course_view;
mod document;
mod edits;
mod effect;
mod history;
mod modal;
mod output;
mod pain_mode;
mod recovery;
mod recovery_state;
mod session;
mod settings;
mod sync_copies;

use std::path::{Path, PathBuf};

use jiff::civil::Date;

pub use action::{
    Action, ConflictChoice, Edit, FileDialog, Outcome, RecoveryAnswer, SessionAction, SoapPart,
    UnsavedAnswer,
};
use client_state::{ClientState, Rules};
pub use command::Command;
pub use course_view::{CourseAction, CourseTab, CourseView, SessionComparison};
use document::Document;
pub use document::OpenFile;
pub use effect::Effect;
pub use history::EditKey;
pub use modal::{Comparison, Continuation, Modal, PathPrompt, SaveConflict};
pub use pain_mode::{
    MapMode, PainTool, PainWhen, body_view_of, default_brush, erase_changes, paint_changes,
};
use recovery_state::RecoveryState;
pub use settings::{MAX_RECENT_FILES, STORAGE_KEY, Settings, StepDefaults};

use crate::atlas::{Layer, ViewKind};
use crate::model::{Client, ClientRecord, MuscleSide, Plan, Step};
use crate::screening::Warning;
use crate::sheet::Paper;
use crate::store::{self, FileError, FileStamp, Library, Overwrite, Recovery, Template};

const NEW_STEP_MINUTES: u16 = 5;

/// The plans folder as read so far.
#[derive(Debug)]
pub enum LibraryState {
    Loading,
    Ready(Library),
    Failed(String),
}

/// A field that asked for the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    QuickAdd,
}

/// Whether the open plan is on disk as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocState {
    /// A new plan nobody has touched: nothing saved, nothing to lose.
    Empty,
    Saved,
    Unsaved,
}

#[derive(Debug)]
pub struct Planner {
    settings: Settings,
    today: Date,
    doc: Document,
    library: LibraryState,
    search: String,
    /// What happened last ("Saved maria-keller-2026-11-18.ron").
    message: String,
    /// The last error, shown until dismissed or replaced.
    error: Option<String>,
    /// A folder the message is about, offered to open (a sheet no viewer opened).
    message_folder: Option<PathBuf>,
    /// A home-care handout is on its way to the viewer: what it left out
    /// (empty: nothing), said once the viewer answers.
    handout_note: Option<String>,
    /// Validation problems are shown once a save was tried, not while the
    /// plan is being started (a name typed last is not an error).
    show_problems: bool,
    /// A field asked for the keyboard (`Command::QuickAdd`).
    focus: Option<Focus>,
    modal: Option<Modal>,
    /// The window may close now (the question was answered).
    close_confirmed: bool,
    effects: Vec<Effect>,
    client: ClientState,
    rules: Rules,
    templates: Vec<Template>,
    recovery: RecoveryState,
    /// Session mode: the session running on the plan.
    session: Option<crate::session::SessionRunner>,
    /// When the last session action happened.
    session_moment: Option<crate::session::Moment>,
    /// A step's time just ran out; the shell gives the cue.
    step_ended: bool,
    /// What a click or drag on the map does.
    map_mode: MapMode,
    /// What the brush paints next.
    brush: crate::model::PainMark,
    pain_tool: PainTool,
}

impl Planner {
    /// A planner on `plans_dir` with default settings.
    pub fn new(plans_dir: PathBuf, today: Date) -> Self {
        let settings = Settings {
            plans_dir: Some(plans_dir),
            ..Settings::default()
        };
        Planner::with_settings(settings, today)
    }

    /// A planner with the settings remembered from the last run; the plans
    /// folder is `settings.plans_dir` (the caller has decided it).
    pub fn with_settings(settings: Settings, today: Date) -> Self {
        let (templates, template_error) = match store::templates() {
            Ok(templates) => (templates, None),
            Err(e) => (Vec::new(), Some(e.to_string())),
        };
        let plans_dir = settings_dir(&settings);
        let rules = Rules::load(&plans_dir);
        let error = template_error.or_else(|| rules.error.clone());
        let mut planner = Planner {
            settings: Settings {
                plans_dir: Some(plans_dir),
                ..settings
            },
            today,
            doc: Document::new(Plan::new(today)),
            library: LibraryState::Loading,
            search: String::new(),
            message: String::new(),
            error,
            message_folder: None,
            handout_note: None,
            show_problems: false,
            focus: None,
            modal: None,
            close_confirmed: false,
            effects: Vec::new(),
            client: ClientState::default(),
            rules,
            templates,
            recovery: RecoveryState::default(),
            session: None,
            session_moment: None,
            step_ended: false,
            map_mode: MapMode::Plan,
            brush: default_brush(),
            pain_tool: PainTool::Brush,
        };
        planner.follow_client();
        planner
    }

    // ---- Reading the state (for views, the shell and tests) ----

    pub fn plan(&self) -> &Plan {
        &self.doc.plan
    }

    pub fn selected_step(&self) -> Option<usize> {
        self.doc.selected_step
    }

    /// The file the plan was opened from or saved to.
    pub fn file(&self) -> Option<&OpenFile> {
        self.doc.file.as_ref()
    }

    pub fn doc_state(&self) -> DocState {
        if self.doc.is_dirty() {
            DocState::Unsaved
        } else if self.doc.file.is_some() {
            DocState::Saved
        } else {
            DocState::Empty
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.doc.is_dirty()
    }

    pub fn can_undo(&self) -> bool {
        self.doc.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.doc.can_redo()
    }

    pub fn library(&self) -> &LibraryState {
        &self.library
    }

    pub fn search(&self) -> &str {
        &self.search
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn plans_dir(&self) -> &Path {
        self.settings
            .plans_dir
            .as_deref()
            // Always set by `with_settings`; this is the default without a home.
            .unwrap_or(Path::new(store::PLANS_FOLDER_NAME))
    }

    pub fn layer(&self) -> Layer {
        self.settings.layer
    }

    /// The map's view (back, side, front).
    pub fn view(&self) -> ViewKind {
        self.settings.view
    }

    /// Whether the map shows landmarks and endangerment sites.
    pub fn landmarks_shown(&self) -> bool {
        !self.settings.hide_landmarks
    }

    /// What a click or drag on the map does.
    pub fn map_mode(&self) -> MapMode {
        self.map_mode
    }

    /// What the brush paints next.
    pub fn brush(&self) -> crate::model::PainMark {
        self.brush
    }

    pub fn pain_tool(&self) -> PainTool {
        self.pain_tool
    }

    pub fn paper(&self) -> Paper {
        self.settings.paper
    }

    pub fn recent(&self) -> &[PathBuf] {
        &self.settings.recent
    }

    pub fn templates(&self) -> &[Template] {
        &self.templates
    }

    /// The screening rules in force (the folder's own, or the built-in ones).
    pub fn rules(&self) -> &crate::screening::RuleSet {
        &self.rules.set
    }

    pub fn client_record(&self) -> Option<&ClientRecord> {
        self.client.record.as_ref()
    }

    /// Why the client's record could not be read.
    pub fn client_error(&self) -> Option<&str> {
        self.client.error.as_deref()
    }

    /// The open plan's screening warnings, acknowledged ones included.
    pub fn warnings(&self) -> Vec<Warning> {
        self.rules.screen(&self.doc.plan, &self.client)
    }

    pub fn modal(&self) -> Option<&Modal> {
        self.modal.as_ref()
    }

    /// Edits crashed runs left behind, oldest first, with their recovery files.
    pub fn recovery_offers(&self) -> &[(PathBuf, Recovery)] {
        &self.recovery.offers
    }

    /// The edits a crashed run left behind that are offered now.
    pub fn recovery_offer(&self) -> Option<&Recovery> {
        self.recovery.offers.first().map(|(_, recovery)| recovery)
    }

    pub fn message(&self) -> &str {
        &self.message
    }

    /// The folder the message is about, to open from the message line.
    pub fn message_folder(&self) -> Option<&Path> {
        self.message_folder.as_deref()
    }

    /// What is wrong with the plan, once a save was tried.
    pub fn problems(&self) -> Vec<crate::model::Finding> {
        if self.show_problems {
            self.doc.plan.validate()
        } else {
            Vec::new()
        }
    }

    /// The field that should take the keyboard now.
    pub fn focus_request(&self) -> Option<Focus> {
        self.focus
    }

    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    pub fn close_confirmed(&self) -> bool {
        self.close_confirmed
    }

    /// A path as the therapist thinks of it: relative to the plans folder
    /// when inside it, else in full.
    pub fn short_path(&self, path: &Path) -> String {
        path.strip_prefix(self.plans_dir())
            .unwrap_or(path)
            .display()
            .to_string()
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

    /// The client's name as shown: "New client" while it has none.
    pub fn client_name(&self) -> &str {
        display_client(&self.doc.plan)
    }

    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    // ---- The one place that changes it ----

    pub fn apply(&mut self, action: Action) {
        let message_before = self.message.clone();
        self.apply_one(action);
        // A new message names its own folder, or none.
        let folder_named = |folder: &PathBuf| self.message.contains(&folder.display().to_string());
        if self.message != message_before && !self.message_folder.as_ref().is_some_and(folder_named)
        {
            self.message_folder = None;
        }
        self.follow_client();
        self.settle_recovery();
        self.offer_recovery();
    }

    fn apply_one(&mut self, action: Action) {
        match action {
            Action::Command(command) => self.run(command),
            Action::Pick(region) => self.pick(region),
            Action::SelectStep(step) => {
                self.doc.selected_step = step.filter(|&i| i < self.doc.plan.steps.len());
                self.doc.end_gesture();
            }
            Action::SetLayer(layer) => self.settings.layer = layer,
            Action::ShowMapNames(shown) => self.settings.hide_map_names = !shown,
            Action::SetView(view) => self.settings.view = view,
            Action::ShowLandmarks(shown) => self.settings.hide_landmarks = !shown,
            Action::SetMapMode(mode) => {
                self.map_mode = mode;
                self.doc.end_gesture();
            }
            Action::SetBrush(mark) => {
                self.brush = mark;
                self.pain_tool = PainTool::Brush;
            }
            Action::SetPainTool(tool) => self.pain_tool = tool,
            Action::ShowReferral(shown) => self.settings.show_referral = shown,
            Action::ShowTriggerPoints(shown) => self.settings.show_trigger_points = shown,
            Action::SetSearch(query) => self.search = query,
            Action::OpenPath(path) => self.unless_unsaved(Continuation::Open(path)),
            Action::SaveAsPath(path) => {
                let _ = self.save_to(&path, Overwrite::Always);
            }
            Action::ExportPdfTo(path) => self.export_sheet(&path),
            Action::AnswerUnsaved(answer) => self.answer_unsaved(answer),
            Action::CloseRequested => {
                if !self.close_confirmed {
                    self.unless_unsaved(Continuation::Close);
                }
            }
            Action::Edit(edit) => self.edit(edit),
            Action::EndGesture => self.doc.end_gesture(),
            Action::DismissError => self.error = None,
            Action::OpenMessageFolder => {
                if let Some(folder) = self.message_folder.clone() {
                    self.effects.push(Effect::OpenFolder(folder));
                }
            }
            Action::FocusTaken => self.focus = None,
            Action::SetPaper(paper) => self.settings.paper = paper,
            Action::SetPlansDir(dir) => self.set_plans_dir(dir),
            Action::CreatePlansFolder => {
                let dir = self.plans_dir().to_path_buf();
                match std::fs::create_dir_all(&dir) {
                    Ok(()) => {
                        self.message = format!("Created the plans folder {}", dir.display());
                        self.set_plans_dir(dir);
                    }
                    Err(e) => {
                        self.error =
                            Some(format!("{}: cannot create the folder: {e}", dir.display()));
                    }
                }
            }
            Action::NewFromTemplate(n) => {
                if n < self.templates.len() {
                    self.unless_unsaved(Continuation::Template(n));
                }
            }
            Action::ClientDraft(draft) => {
                if let Some(Modal::ClientForm(current)) = &mut self.modal {
                    *current = draft;
                }
            }
            Action::SaveClient => self.save_client(),
            Action::CloseClientEditor => self.close_modal_if(|m| matches!(m, Modal::ClientForm(_))),
            Action::AnswerRecovery(answer) => self.answer_recovery(answer),
            Action::ResolveConflict(choice) => self.resolve_conflict(choice),
            Action::FilesChanged(paths) => self.files_changed(&paths),
            Action::CompareConflictCopy(copy) => self.compare_copy(&copy),
            Action::KeepConflictCopy(copy) => self.keep_copy(&copy),
            Action::PutAwayConflictCopy(copy) => self.put_away_copy(&copy),
            Action::CloseComparison => self.close_modal_if(|m| matches!(m, Modal::Comparison(_))),
            Action::Course(action) => self.course_action(action),
            Action::CloseAfterSession => self.close_modal_if(|m| matches!(m, Modal::AfterSession)),
            Action::PathPromptText(text) => {
                if let Some(Modal::PathPrompt(prompt)) = &mut self.modal {
                    prompt.text = text;
                }
            }
            Action::AnswerPathPrompt(ok) => self.answer_path_prompt(ok),
            Action::EnableRecovery(store) => self.enable_recovery(store),
            Action::WriteRecovery => self.write_recovery(),
            Action::WindowClosing => self.clear_recovery_on_exit(),
            Action::Done(outcome) => self.outcome(outcome),
            Action::Session(action, now) => self.session_action(action, now),
        }
    }

    fn run(&mut self, command: Command) {
        match command {
            Command::New => self.unless_unsaved(Continuation::New),
            Command::Open => self.unless_unsaved(Continuation::OpenDialog),
            Command::Save => {
                self.show_problems = true;
                self.save();
            }
            Command::SaveAs => {
                let suggested_name = store::file_name_for(&self.doc.plan, 1);
                self.ask_for_file(FileDialog::SavePlanAs, suggested_name);
            }
            Command::NewSessionFromThis => self.unless_unsaved(Continuation::NewSessionFromThis),
            // Needs the moment it starts at: the shell turns it into a session action.
            Command::RunSession => {}
            Command::ClientCourse => {
                let name = self.doc.plan.client.name.trim().to_owned();
                if name.is_empty() {
                    self.message = "Type the client's name first: the course is found by it".into();
                } else {
                    self.course_action(CourseAction::Open(name));
                }
            }
            Command::Print => self.print(),
            Command::Handout => self.handout(),
            Command::PrintDirect => self.print_direct(),
            Command::ExportPdf => {
                let suggested_name = format!("{}.pdf", store::file_stem_for(&self.doc.plan));
                self.ask_for_file(FileDialog::ExportPdf, suggested_name);
            }
            Command::ChoosePlansFolder => self.ask_for_file(FileDialog::PlansFolder, String::new()),
            Command::QuickAdd => self.focus = Some(Focus::QuickAdd),
            Command::AddExamplePlans => self.add_example_plans(),
            Command::EditClientRecord => {
                if self.modal.is_none() {
                    self.modal = Some(Modal::ClientForm(self.client.draft_for(&self.doc.plan)));
                }
            }
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
                self.settings.layer = match self.settings.layer {
                    Layer::Superficial => Layer::Deep,
                    Layer::Deep => Layer::Superficial,
                }
            }
            Command::ShowBackView => self.settings.view = ViewKind::Posterior,
            Command::ShowSideView => self.settings.view = ViewKind::Side,
            Command::ShowFrontView => self.settings.view = ViewKind::Front,
            Command::ToggleLandmarks => {
                self.settings.hide_landmarks = !self.settings.hide_landmarks;
            }
            Command::Quit => self.apply_one(Action::CloseRequested),
        }
    }

    fn outcome(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::FileChosen { dialog, path } => self.file_chosen(dialog, path),
            Outcome::ViewerOpened { path, result } => self.viewer_opened(&path, result),
            Outcome::Printed { path, result } => self.printed(&path, result),
            Outcome::FolderOpened { path, result } => {
                if let Err(e) = result {
                    self.error = Some(format!("{} could not be opened: {e}", path.display()));
                }
            }
            Outcome::LibraryLoaded { dir, result } => {
                // A folder chosen meanwhile wins over one still being read.
                if dir == self.plans_dir() {
                    self.library = match result {
                        Ok(library) => LibraryState::Ready(library),
                        Err(e) => LibraryState::Failed(e),
                    };
                }
            }
            Outcome::PlansFolderMade { dir, result } => match result {
                Ok(true) => self.message = format!("Made {} for your plans", dir.display()),
                Ok(false) => {}
                Err(e) => self.error = Some(format!("Cannot make the plans folder: {e}")),
            },
            Outcome::WatcherStarted { dir, result } => {
                // A folder that does not exist says so in the library instead.
                if let Err(e) = result
                    && dir == self.plans_dir()
                    && dir.is_dir()
                {
                    self.message = format!(
                        "Changes others make in {} show after a restart ({e})",
                        dir.display()
                    );
                }
            }
        }
    }

    /// Copies the built-in examples into the plans folder and reads it again.
    fn add_example_plans(&mut self) {
        let dir = self.plans_dir().to_path_buf();
        match store::add_example_plans(&dir) {
            Ok(written) if written.is_empty() => {
                self.message = format!("The example plans are already in {}", dir.display());
            }
            Ok(written) => {
                self.message =
                    format!("Added {} example files to {}", written.len(), dir.display());
                self.library = LibraryState::Loading;
                self.effects.push(Effect::LoadLibrary(dir));
            }
            Err(e) => self.error = Some(format!("Cannot add the example plans: {e}")),
        }
    }

    fn set_plans_dir(&mut self, dir: PathBuf) {
        self.effects.push(Effect::LoadLibrary(dir.clone()));
        self.rules = Rules::load(&dir);
        self.error = self.rules.error.clone();
        self.settings.plans_dir = Some(dir);
        self.library = LibraryState::Loading;
    }

    fn close_modal_if(&mut self, is_it: impl Fn(&Modal) -> bool) {
        if self.modal.as_ref().is_some_and(is_it) {
            self.modal = None;
        }
    }

    fn ask_for_file(&mut self, dialog: FileDialog, suggested_name: String) {
        self.effects.push(Effect::ShowFileDialog {
            dialog,
            dir: self.plans_dir().to_path_buf(),
            suggested_name,
        });
    }

    /// A dialog answered: carry on with the path; with none (cancelled, or
    /// no dialog could be shown) offer a field to type it, filled in.
    fn file_chosen(&mut self, dialog: FileDialog, path: Option<PathBuf>) {
        match path {
            Some(path) => self.apply_one(path_action(dialog, path)),
            None => {
                if self.modal.is_none() {
                    self.modal = Some(Modal::PathPrompt(PathPrompt {
                        dialog,
                        text: self.suggested_path(dialog),
                    }));
                }
            }
        }
    }

    /// The path offered in the typed-path field: the real file name in the
    /// plans folder.
    fn suggested_path(&self, dialog: FileDialog) -> String {
        let dir = self.plans_dir();
        let path = match dialog {
            FileDialog::OpenPlan | FileDialog::PlansFolder => dir.to_path_buf(),
            FileDialog::SavePlanAs => dir.join(store::file_name_for(&self.doc.plan, 1)),
            FileDialog::ExportPdf => {
                dir.join(format!("{}.pdf", store::file_stem_for(&self.doc.plan)))
            }
        };
        std::path::absolute(&path)
            .unwrap_or(path)
            .display()
            .to_string()
    }

    fn answer_path_prompt(&mut self, ok: bool) {
        let Some(Modal::PathPrompt(prompt)) = self.modal.take() else {
            return;
        };
        let text = prompt.text.trim();
        if ok && !text.is_empty() {
            self.apply_one(path_action(prompt.dialog, PathBuf::from(text)));
        }
    }

    /// Writes the client form to `clients/NAME.ron`; on failure the form
    /// stays open with its edits.
    fn save_client(&mut self) {
        let Some(Modal::ClientForm(draft)) = &self.modal else {
            return;
        };
        if draft.name.trim().is_empty() {
            self.error = Some("Give the plan a client name before saving a client record.".into());
            return;
        }
        match store::save_client_record(self.client.folder(), draft) {
            Ok(path) => {
                self.message = format!("Saved the client record {}", self.short_path(&path));
                self.error = None;
                self.modal = None;
                self.client.forget();
            }
            Err(e) => {
                self.error = Some(format!(
                    "{e}. The client form is still open with your changes."
                ));
            }
        }
    }

    /// Runs `next` now, or first asks about unsaved changes.
    fn unless_unsaved(&mut self, next: Continuation) {
        if self.doc.is_dirty() {
            self.modal = Some(Modal::Unsaved(next));
        } else {
            self.continue_with(next);
        }
    }

    fn answer_unsaved(&mut self, answer: UnsavedAnswer) {
        let Some(Modal::Unsaved(next)) = self.modal.take() else {
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
                self.show_problems = false;
                self.message = "New plan".into();
            }
            Continuation::Open(path) => self.open(&path),
            Continuation::OpenDialog => self.ask_for_file(FileDialog::OpenPlan, String::new()),
            Continuation::NewSessionFromThis => {
                self.session = None;
                // The client is the same: acknowledgements whose conditions
                // have not changed carry over; the record's follow-up (the
                // pressures used, the SOAP plan as goals) comes on top.
                let mut copy = crate::screening::next_session(
                    &self.doc.plan,
                    self.today,
                    self.client.record.as_ref(),
                    &self.rules.set,
                );
                let followed = self.doc.plan.follow_up(self.today);
                copy.steps = followed.steps;
                copy.goals = followed.goals;
                let blank = Plan::new(self.today);
                self.message = format!(
                    "New session for {} from the plan of {} (not saved yet)",
                    display_client(&copy),
                    self.doc.plan.date
                );
                self.doc = Document::unsaved(copy, blank);
                self.show_problems = false;
            }
            Continuation::ContinueFrom(path) => {
                self.open(&path);
                if self.file().is_some_and(|f| f.path == path) {
                    self.continue_with(Continuation::NewSessionFromThis);
                }
            }
            Continuation::Template(n) => self.start_from_template(n),
            Continuation::Restore => self.restore_recovery(),
            Continuation::Close => {
                self.close_confirmed = true;
                self.effects.push(Effect::CloseWindow);
            }
        }
    }

    fn course_action(&mut self, action: CourseAction) {
        match action {
            CourseAction::Open(name) => {
                if self.modal.is_some() {
                    return;
                }
                let LibraryState::Ready(library) = &self.library else {
                    self.message = "The library is still being read; try again in a moment".into();
                    return;
                };
                match crate::course::load_course(library, self.plans_dir(), &name) {
                    Ok(course) => {
                        self.modal = Some(Modal::Course(Box::new(CourseView::new(course))));
                    }
                    Err(crate::course::CourseError::NoMatch { .. }) => {
                        self.message = format!("No saved plan for {name} yet: save this one first");
                    }
                    Err(e) => self.error = Some(e.to_string()),
                }
            }
            CourseAction::SetRange(range) => {
                if let Some(Modal::Course(view)) = &mut self.modal {
                    view.set_range(range);
                }
            }
            CourseAction::ToggleCompare(index) => {
                if let Some(Modal::Course(view)) = &mut self.modal {
                    view.toggle_compare(index);
                }
            }
            CourseAction::Compare(a, b) => {
                if let Some(Modal::Course(view)) = &mut self.modal {
                    view.set_compare(a, b);
                }
            }
            CourseAction::CompareView(kind) => {
                if let Some(Modal::Course(view)) = &mut self.modal {
                    view.set_compare_view(kind);
                }
            }
            CourseAction::ShowTab(tab) => {
                if let Some(Modal::Course(view)) = &mut self.modal {
                    view.show_tab(tab);
                }
            }
            CourseAction::ContinueFromLast => {
                let Some(Modal::Course(view)) = &self.modal else {
                    return;
                };
                let Some(last) = view.course.last().map(|s| s.path.clone()) else {
                    return;
                };
                self.modal = None;
                if self.file().is_some_and(|f| f.path == last) {
                    self.unless_unsaved(Continuation::NewSessionFromThis);
                } else {
                    self.unless_unsaved(Continuation::ContinueFrom(last));
                }
            }
            CourseAction::Close => self.close_modal_if(|m| matches!(m, Modal::Course(_))),
        }
    }

    fn start_from_template(&mut self, n: usize) {
        let Some(template) = self.templates.get(n) else {
            return;
        };
        let client = Client {
            name: self.doc.plan.client.name.clone(),
            id: self.doc.plan.client.id.clone(),
        };
        let mut plan = template.instantiate(client, self.today);
        plan.therapist = self.doc.plan.therapist.clone();
        self.message = format!("New plan from the template \"{}\"", template.title);
        self.doc = Document::unsaved(plan, Plan::new(self.today));
        self.show_problems = false;
    }

    /// Opens a plan exactly as saved; on failure the current plan stays.
    fn open(&mut self, path: &Path) {
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
                self.show_problems = false;
                self.settings.remember_recent(path);
            }
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    /// Ctrl+S: over the file it came from, else a new readable name in the
    /// plans folder. Returns whether the plan is now on disk.
    fn save(&mut self) -> bool {
        match self.doc.file.clone() {
            Some(file) => self.save_to(&file.path, Overwrite::IfUnchanged(file.stamp)),
            None => match store::save_new_plan(&self.doc.plan, self.plans_dir()) {
                Ok((path, stamp)) => {
                    self.saved_as(path, stamp);
                    true
                }
                Err(e) => self.failed_to_save(&e),
            },
        }
    }

    fn save_to(&mut self, path: &Path, overwrite: Overwrite) -> bool {
        match store::save_plan(&self.doc.plan, path, overwrite) {
            Ok(stamp) => {
                self.saved_as(path.to_path_buf(), stamp);
                true
            }
            Err(e) => self.failed_to_save(&e),
        }
    }

    fn saved_as(&mut self, path: PathBuf, stamp: FileStamp) {
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
        self.settings.remember_recent(&path);
    }

    fn failed_to_save(&mut self, error: &FileError) -> bool {
        self.error = Some(format!(
            "{error}. The plan is still here, unsaved: try Save as… to keep it elsewhere."
        ));
        self.note_conflict(&error.path, &error.problem);
        false
    }

    /// A click on the map: select the step already planned there, or add one.
    fn pick(&mut self, region: MuscleSide) {
        if let Some((index, _)) = self.doc.plan.steps_on(region).next() {
            self.doc.selected_step = Some(index);
            return;
        }
        let defaults = self.settings.defaults;
        let step = Step {
            minutes: NEW_STEP_MINUTES,
            ..Step::new(
                region.muscle,
                region.side,
                defaults.technique,
                defaults.pressure,
            )
        };
        self.doc
            .edit(EditKey::Discrete, |plan| plan.steps.push(step));
        self.doc.selected_step = Some(self.doc.plan.steps.len() - 1);
    }

    fn follow_client(&mut self) {
        let plans_dir = settings_dir(&self.settings);
        self.client.follow(
            &plans_dir,
            self.doc.file.as_ref().map(|f| f.path.as_path()),
            &self.doc.plan.client.name,
        );
    }

    /// Edits left behind by a crashed run are offered once nothing else is
    /// on screen.
    fn offer_recovery(&mut self) {
        if self.modal.is_none() && !self.recovery.offers.is_empty() {
            self.modal = Some(Modal::Recovery);
        }
        if matches!(self.modal, Some(Modal::Recovery)) && self.recovery.offers.is_empty() {
            self.modal = None;
        }
    }
}

fn settings_dir(settings: &Settings) -> PathBuf {
    settings
        .plans_dir
        .clone()
        .unwrap_or_else(|| store::default_plans_dir().path)
}

/// What a chosen path means for each dialog.
fn path_action(dialog: FileDialog, path: PathBuf) -> Action {
    match dialog {
        FileDialog::OpenPlan => Action::OpenPath(path),
        FileDialog::SavePlanAs => Action::SaveAsPath(path),
        FileDialog::ExportPdf => Action::ExportPdfTo(path),
        FileDialog::PlansFolder => Action::SetPlansDir(path),
    }
}

fn display_client(plan: &Plan) -> &str {
    let name = plan.client.name.trim();
    if name.is_empty() { "New client" } else { name }
}
