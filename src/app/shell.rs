//! The eframe window: lays out the panels, turns input into actions, hands
//! them to `Planner::apply`, and carries out the effects (dialogs, printing,
//! closing). The library is read on a background thread so the first frame
//! never waits for it.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use jiff::civil::Date;

use super::action::Action;
use super::command::Command;
use super::dialogs::{DialogKind, DialogResult, PendingDialog};
use super::planner::{Effect, LibraryState, Planner};
use super::settings::{STORAGE_KEY, Settings};
use super::watcher::PlansWatcher;
use crate::atlas::Atlas;
use crate::sheet::{SheetOptions, render_sheet};
use crate::store::{self, FileError, Library, RecoveryStore};
use crate::ui;

/// How the window starts (from the command line, or a test).
#[derive(Debug, Clone, Default)]
pub struct StartOptions {
    /// `--plans DIR`; else the folder used last, else `plans/`.
    pub plans_dir: Option<PathBuf>,
    /// `open FILE.ron`.
    pub open: Option<PathBuf>,
    pub exit_after_first_frame: bool,
    /// Fixes "today" (tests); else the local date.
    pub today: Option<Date>,
    /// Read the library before the first frame (tests); else in the background.
    pub load_library_now: bool,
    /// Where unsaved edits are kept against a crash; `None`: not kept.
    pub recovery_dir: Option<PathBuf>,
}

/// Unsaved edits wait this long before they go to the recovery file, so
/// typing is not slowed by a disk write per key.
const RECOVERY_DELAY: Duration = Duration::from_secs(3);

/// Asked when a typed path is needed because no file dialog could be shown.
struct PathPrompt {
    kind: DialogKind,
    text: String,
}

pub struct PlannerApp {
    pub planner: Planner,
    settings: Settings,
    atlas: &'static Atlas,
    library_loading: Option<Receiver<Result<Library, FileError>>>,
    dialog: Option<PendingDialog>,
    path_prompt: Option<PathPrompt>,
    exit_after_first_frame: bool,
    frames: u64,
    /// The title last sent: sending a viewport command repaints, so only changes go out.
    title: String,
    watcher: Option<PlansWatcher>,
    watcher_starting: Option<Receiver<Result<PlansWatcher, notify_debouncer_mini::notify::Error>>>,
    /// Since when unsaved edits have waited for the recovery file.
    recovery_waiting_since: Option<Instant>,
}

/// Opens the window; returns when it is closed.
pub fn run(mut options: StartOptions) -> eframe::Result {
    if options.recovery_dir.is_none() {
        options.recovery_dir = RecoveryStore::default_dir();
    }
    // The muscle atlas (label placement, triangulation) takes tens of
    // milliseconds: build it while the window and the GPU start, not after.
    std::thread::spawn(Atlas::builtin);
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Massage planner")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "massage-planner",
        native,
        Box::new(move |cc| Ok(Box::new(PlannerApp::new(cc, options)))),
    )
}

impl PlannerApp {
    pub fn new(cc: &eframe::CreationContext<'_>, options: StartOptions) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, STORAGE_KEY))
            .unwrap_or_default();
        Self::with_settings(&cc.egui_ctx, options, settings)
    }

    pub fn with_settings(ctx: &egui::Context, options: StartOptions, settings: Settings) -> Self {
        let plans_dir = options
            .plans_dir
            .clone()
            .or_else(|| settings.plans_dir.clone().filter(|d| d.is_dir()))
            .unwrap_or_else(|| PathBuf::from(store::DEFAULT_PLANS_DIR));
        let today = options.today.unwrap_or_else(local_today);
        let mut planner = Planner::new(plans_dir, today);
        planner.recent = settings.recent.clone();
        planner.layer = settings.layer;
        planner.paper = settings.paper;
        planner.defaults = settings.defaults;
        if let Some(path) = &options.open {
            planner.apply(Action::OpenPath(path.to_path_buf()));
        }
        if let Some(dir) = &options.recovery_dir {
            planner.enable_recovery(RecoveryStore::new(dir, std::process::id()));
        }
        let mut app = PlannerApp {
            planner,
            settings,
            atlas: Atlas::builtin(),
            library_loading: None,
            dialog: None,
            path_prompt: None,
            exit_after_first_frame: options.exit_after_first_frame,
            frames: 0,
            title: String::new(),
            watcher: None,
            watcher_starting: None,
            recovery_waiting_since: None,
        };
        if options.load_library_now {
            app.planner.library = library_state(Library::scan(&app.planner.plans_dir));
            app.watch_plans_folder(ctx);
        } else {
            app.load_library_in_background(ctx);
        }
        app
    }

    /// Watches the plans folder now (the library was read in the foreground).
    fn watch_plans_folder(&mut self, ctx: &egui::Context) {
        let wake = ctx.clone();
        let started = PlansWatcher::start(&self.planner.plans_dir, move || wake.request_repaint());
        self.watcher_started(started);
    }

    fn watcher_started(
        &mut self,
        started: Result<PlansWatcher, notify_debouncer_mini::notify::Error>,
    ) {
        match started {
            Ok(watcher) => self.watcher = Some(watcher),
            Err(e) => {
                self.watcher = None;
                self.planner.message = format!(
                    "Changes others make in {} show after a restart ({e})",
                    self.planner.plans_dir.display()
                );
            }
        }
    }

    /// Writes unsaved edits to the recovery file once they have waited a
    /// little; wakes the window only for that, so an idle app stays idle.
    fn keep_recovery(&mut self, ctx: &egui::Context) {
        if !self.planner.recovery_due() {
            self.recovery_waiting_since = None;
            return;
        }
        let since = *self.recovery_waiting_since.get_or_insert_with(Instant::now);
        let waited = since.elapsed();
        if waited >= RECOVERY_DELAY {
            self.planner.write_recovery();
            self.recovery_waiting_since = None;
        } else {
            ctx.request_repaint_after(RECOVERY_DELAY - waited);
        }
    }

    /// Reads the library, then starts watching the folder, on one low-priority
    /// thread: the first frame never waits, and watching (which walks the
    /// whole folder) does not compete with reading it.
    fn load_library_in_background(&mut self, ctx: &egui::Context) {
        let (library_sender, library_receiver) = channel();
        let (watcher_sender, watcher_receiver) = channel();
        let dir = self.planner.plans_dir.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            in_the_background();
            let _ = library_sender.send(Library::scan_cached(&dir));
            ctx.request_repaint();
            let wake = ctx.clone();
            let watcher = PlansWatcher::start(&dir, move || wake.request_repaint());
            if watcher_sender.send(watcher).is_ok() {
                ctx.request_repaint();
            }
        });
        self.planner.library = LibraryState::Loading;
        self.library_loading = Some(library_receiver);
        // The old folder's watcher stops; the new one comes with the library.
        self.watcher = None;
        self.watcher_starting = Some(watcher_receiver);
    }

    fn poll_background(&mut self) -> Vec<Action> {
        let mut actions = Vec::new();
        if let Some(receiver) = &self.watcher_starting
            && let Ok(started) = receiver.try_recv()
        {
            self.watcher_starting = None;
            self.watcher_started(started);
        }
        if let Some(watcher) = &self.watcher {
            let changed = watcher.changed();
            if !changed.is_empty() {
                actions.push(Action::FilesChanged(changed));
            }
        }
        if let Some(receiver) = &self.library_loading
            && let Ok(result) = receiver.try_recv()
        {
            self.planner.library = library_state(result);
            self.library_loading = None;
        }
        if let Some(dialog) = &self.dialog {
            match dialog.poll() {
                DialogResult::Waiting => {}
                DialogResult::Chosen(path) => {
                    actions.push(chosen_path_action(dialog.kind, path));
                    self.dialog = None;
                }
                DialogResult::Nothing => {
                    self.planner.message = "No file chosen. If no file dialog appeared, this desktop has no file-chooser portal: type the path instead.".into();
                    self.path_prompt = Some(PathPrompt {
                        kind: dialog.kind,
                        text: String::new(),
                    });
                    self.dialog = None;
                }
            }
        }
        actions
    }

    /// Applies the actions, then carries out what they asked of the shell.
    pub fn apply_all(&mut self, ctx: &egui::Context, actions: Vec<Action>) {
        for action in actions {
            self.planner.apply(action);
            for effect in self.planner.take_effects() {
                self.carry_out(ctx, effect);
            }
        }
    }

    fn carry_out(&mut self, ctx: &egui::Context, effect: Effect) {
        match effect {
            Effect::ShowOpenDialog => self.open_dialog(ctx, DialogKind::OpenPlan, ""),
            Effect::ShowSaveDialog { suggested_name } => {
                self.open_dialog(ctx, DialogKind::SavePlanAs, &suggested_name);
            }
            Effect::ShowExportDialog { suggested_name } => {
                self.open_dialog(ctx, DialogKind::ExportPdf, &suggested_name);
            }
            Effect::ShowFolderDialog => self.open_dialog(ctx, DialogKind::PlansFolder, ""),
            Effect::LoadLibrary => self.load_library_in_background(ctx),
            Effect::ExportPdf(path) => self.export_pdf(&path),
            Effect::Print => self.print(),
            Effect::PrintDirect => self.print_direct(),
            Effect::CloseWindow => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    fn open_dialog(&mut self, ctx: &egui::Context, kind: DialogKind, file_name: &str) {
        if self.dialog.is_some() {
            return;
        }
        let dir = self.planner.plans_dir.clone();
        self.dialog = Some(PendingDialog::spawn(ctx, kind, &dir, file_name));
    }

    fn sheet_pdf(&self) -> Option<Vec<u8>> {
        let options = SheetOptions {
            paper: self.planner.paper,
            file_name: self
                .planner
                .doc
                .file
                .as_ref()
                .and_then(|f| f.path.file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            client: self.planner.client.record.clone(),
            warnings: self.planner.warnings(),
            record: false,
        };
        render_sheet(&self.planner.doc.plan, &options).ok()
    }

    fn export_pdf(&mut self, path: &Path) {
        let result = match self.sheet_pdf() {
            Some(pdf) => store::write_file_atomically(path, &pdf),
            None => {
                self.planner.error = Some("The plan sheet could not be drawn.".into());
                return;
            }
        };
        match result {
            Ok(()) => {
                self.planner.message = format!("Exported the plan sheet to {}", path.display())
            }
            Err(e) => self.planner.error = Some(e.to_string()),
        }
    }

    /// The sheet in a temporary file, for the viewer or the printer.
    fn sheet_in_temp_file(&mut self) -> Option<PathBuf> {
        let dir = std::env::temp_dir().join("massage-planner");
        let name = format!("{}.pdf", store::file_stem_for(&self.planner.doc.plan));
        let path = dir.join(name);
        if let Err(e) = std::fs::create_dir_all(&dir) {
            self.planner.error = Some(format!("{}: cannot create the folder: {e}", dir.display()));
            return None;
        }
        self.planner.error = None;
        self.export_pdf(&path);
        self.planner.error.is_none().then_some(path)
    }

    /// Sends the sheet to the default printer with CUPS' `lp`.
    fn print_direct(&mut self) {
        let Some(path) = self.sheet_in_temp_file() else {
            return;
        };
        match std::process::Command::new("lp").arg(&path).output() {
            Ok(output) if output.status.success() => {
                self.planner.message = format!(
                    "Sent to the default printer: {}",
                    String::from_utf8_lossy(&output.stdout).trim()
                );
            }
            Ok(output) => {
                self.planner.error = Some(format!(
                    "lp could not print {}: {}",
                    path.display(),
                    String::from_utf8_lossy(&output.stderr).trim()
                ));
            }
            Err(e) => self.planner.error = Some(format!("lp could not be started: {e}")),
        }
    }

    /// Writes the sheet to a private temporary file and opens it in the
    /// system's PDF viewer, whose print dialog does the printing.
    fn print(&mut self) {
        let Some(path) = self.sheet_in_temp_file() else {
            return;
        };
        match open::that_detached(&path) {
            Ok(()) => {
                self.planner.message = format!(
                    "Opened the plan sheet in the PDF viewer; print from there ({})",
                    path.display()
                );
            }
            Err(e) => {
                self.planner.error = Some(format!(
                    "{}: written, but no PDF viewer could be opened: {e}",
                    path.display()
                ));
            }
        }
    }

    fn remember_settings(&mut self) {
        self.settings.plans_dir = Some(self.planner.plans_dir.clone());
        self.settings.recent = self.planner.recent.clone();
        self.settings.layer = self.planner.layer;
        self.settings.paper = self.planner.paper;
        self.settings.defaults = self.planner.defaults;
    }

    fn path_prompt_window(&mut self, ctx: &egui::Context) -> Option<Action> {
        let prompt = self.path_prompt.as_mut()?;
        let mut action = None;
        let mut close = false;
        egui::Window::new(prompt.kind.title())
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                ui.label("Type the full path:");
                let field = ui.add(
                    egui::TextEdit::singleline(&mut prompt.text)
                        .desired_width(420.0)
                        .hint_text("/home/you/plans/anna-berg-2026-11-25.ron"),
                );
                let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.horizontal(|ui| {
                    if (ui.button("OK").clicked() || entered) && !prompt.text.trim().is_empty() {
                        action = Some(chosen_path_action(
                            prompt.kind,
                            PathBuf::from(prompt.text.trim()),
                        ));
                        close = true;
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
            });
        if close {
            self.path_prompt = None;
        }
        action
    }
}

fn chosen_path_action(kind: DialogKind, path: PathBuf) -> Action {
    match kind {
        DialogKind::OpenPlan => Action::OpenPath(path),
        DialogKind::SavePlanAs => Action::SaveAsPath(path),
        DialogKind::ExportPdf => Action::ExportPdfTo(path),
        DialogKind::PlansFolder => Action::SetPlansDir(path),
    }
}

fn library_state(result: Result<Library, FileError>) -> LibraryState {
    match result {
        Ok(library) => LibraryState::Ready(library),
        Err(e) => LibraryState::Failed(e.to_string()),
    }
}

/// Lowest CPU priority for the calling thread, so on a small machine the
/// window's first frames are drawn before the library is read. Where the
/// platform refuses, the thread simply runs at normal priority.
fn in_the_background() {
    let _ = thread_priority::set_current_thread_priority(thread_priority::ThreadPriority::Min);
}

fn local_today() -> Date {
    jiff::ZonedDateTime::now().date()
}

impl eframe::App for PlannerApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let mut actions = self.poll_background();

        actions.extend(Command::pressed(&ctx).into_iter().map(Action::Command));
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            actions.push(Action::OpenPath(path));
        }
        if ctx.input(|i| i.viewport().close_requested()) && !self.planner.close_confirmed {
            if self.planner.doc.is_dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            }
            actions.push(Action::CloseRequested);
        }

        // Screened once a frame, for the editor and the map alike.
        let warnings = self.planner.warnings();
        egui::Panel::top("menu").show(ui, |ui| {
            actions.extend(ui::menu::menu_bar(ui, &self.planner));
        });
        egui::Panel::bottom("status").show(ui, |ui| {
            actions.extend(ui::status_bar::status_bar(ui, &self.planner));
        });
        egui::Panel::left("library")
            .resizable(true)
            .default_size(250.0)
            .min_size(180.0)
            .show(ui, |ui| {
                actions.extend(ui::library_panel::library_panel(ui, &self.planner));
            });
        egui::Panel::right("editor")
            .resizable(true)
            .default_size(420.0)
            .min_size(320.0)
            .show(ui, |ui| {
                actions.extend(ui::plan_editor::plan_editor(ui, &self.planner, &warnings));
            });
        egui::CentralPanel::default().show(ui, |ui| {
            if let Some(layer) = ui::map::layer_switch(ui, self.planner.layer) {
                actions.push(Action::SetLayer(layer));
            }
            let view = ui::map::MapView {
                atlas: self.atlas,
                plan: &self.planner.doc.plan,
                layer: self.planner.layer,
                selected_step: self.planner.doc.selected_step,
                warnings: &warnings,
            };
            if let Some(ui::map::MapAction::Pick { muscle, side }) = ui::map::muscle_map(ui, &view)
            {
                actions.push(Action::Pick { muscle, side });
            }
        });

        if self.planner.pending.is_some() {
            let client = self.planner.doc.plan.client.name.trim();
            let client = if client.is_empty() {
                "the new client"
            } else {
                client
            };
            actions.extend(ui::unsaved_dialog::unsaved_dialog(&ctx, client));
        } else if let Some(conflict) = &self.planner.conflict {
            let file = self.planner.short_path(&conflict.path);
            actions.extend(ui::conflict_dialog::conflict_dialog(&ctx, conflict, &file));
        } else if let Some(comparison) = &self.planner.comparison {
            actions.extend(ui::compare_window::compare_window(&ctx, comparison));
        } else if let Some((_, recovery)) = self.planner.recovery.offers.first() {
            actions.extend(ui::recovery_dialog::recovery_dialog(&ctx, recovery));
        } else if let Some(draft) = &self.planner.client.draft {
            actions.extend(ui::client_editor::client_editor(&ctx, draft));
        }
        actions.extend(self.path_prompt_window(&ctx));

        self.apply_all(&ctx, actions);
        self.keep_recovery(&ctx);
        let title = self.planner.title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }

        self.frames += 1;
        if self.exit_after_first_frame {
            // The frame drawn by the first call is on screen once the second starts.
            if self.frames >= 2 {
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            } else {
                ctx.request_repaint();
            }
        }
    }

    fn on_exit(&mut self) {
        self.planner.clear_recovery_on_exit();
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.remember_settings();
        eframe::set_value(storage, STORAGE_KEY, &self.settings);
    }
}
