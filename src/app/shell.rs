//! The eframe window: lays out the panels, hands what the person did to
//! `Planner::apply`, and carries out the effects (dialogs, the PDF viewer,
//! the printer, reading and watching the plans folder, closing), reporting
//! each result back as an action. It writes no planner state itself.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use jiff::civil::Date;

use super::dialogs::PendingDialog;
use super::watcher::PlansWatcher;
use crate::atlas::Atlas;
use crate::planner::{
    Action, Command, Effect, FileDialog, Modal, Outcome, Planner, STORAGE_KEY, SessionAction,
    Settings,
};
use crate::session::{Clock, SystemClock};
use crate::store::{self, Library, RecoveryStore};
use crate::ui;

/// How the window starts (from the command line, or a test).
#[derive(Debug, Clone, Default)]
pub struct StartOptions {
    /// `--plans DIR`; else the folder used last, else the default
    /// (`store::choose_plans_dir`).
    pub plans_dir: Option<PathBuf>,
    /// `open FILE.ron`.
    pub open: Option<PathBuf>,
    pub exit_after_first_frame: bool,
    /// Fixes "today" (tests); else the local date.
    pub today: Option<Date>,
    /// `open FILE.ron --run`: start in session mode.
    pub run: bool,
    /// Where unsaved edits are kept against a crash; `None`: not kept.
    pub recovery_dir: Option<PathBuf>,
    /// For tests and benchmarks: no background work and no desktop. The
    /// library is read before the first frame, the folder is not watched,
    /// file dialogs answer at once with nothing (as with no desktop portal),
    /// and no PDF viewer or printer is started. Every frame then depends on
    /// the input alone.
    pub headless: bool,
    /// Whether the panels fill their areas, or the window's clear colour
    /// does (eframe's window: set by `run`; test harnesses clear to transparent).
    pub backdrop: ui::backdrop::Backdrop,
}

/// Unsaved edits wait this long before they go to the recovery file, so
/// typing is not slowed by a disk write per key.
const RECOVERY_DELAY: Duration = Duration::from_secs(3);

/// What a background thread reports.
enum Background {
    Library(Outcome),
    Watcher(PathBuf, Result<PlansWatcher, String>),
}

pub struct PlannerApp {
    planner: Planner,
    atlas: &'static Atlas,
    headless: bool,
    background: Option<Receiver<Background>>,
    dialog: Option<PendingDialog>,
    watcher: Option<PlansWatcher>,
    exit_after_first_frame: bool,
    frames: u64,
    /// The title last sent: sending a viewport command repaints, so only changes go out.
    title: String,
    /// Since when unsaved edits have waited for the recovery file.
    recovery_waiting_since: Option<Instant>,
    /// Told once the first frame is on screen (then dropped): the start-up
    /// library thread begins only after it.
    first_frame_shown: Option<Sender<()>>,
    /// What the first library thread waits on; taken when it starts.
    after_first_frame: Option<Receiver<()>>,
    /// Whether the panels fill their areas, or the window's clear colour does.
    backdrop: ui::backdrop::Backdrop,
}

/// The desktop's name for the app: the desktop entry is `APP_ID.desktop`
/// (Wayland matches windows to it by this id, X11 by the window class,
/// which is the program's name). eframe keeps its settings under it too.
pub const APP_ID: &str = "massage-planner";

const WINDOW_TITLE: &str = "Massage planner";

const WINDOW_ICON_PNG: &[u8] = include_bytes!("../../assets/icons/massage-planner-256.png");

/// Opens the window; returns when it is closed.
pub fn run(mut options: StartOptions) -> eframe::Result {
    if !super::keep_freed_memory_for_reuse() {
        log::debug!("the allocator's defaults stay: frames may fault memory in again");
    }
    if options.recovery_dir.is_none() {
        options.recovery_dir = RecoveryStore::default_dir();
    }
    // eframe clears the window to `clear_color` before each frame.
    options.backdrop = ui::backdrop::Backdrop::WindowClears;
    // The muscle atlas (label placement, triangulation) takes tens of
    // milliseconds: build it while the window and the GPU start, not after.
    // Then the pain chart and the referral patterns, which the first frame
    // reads too (trigger points on the map); an error shows where they are used.
    std::thread::spawn(|| {
        let _ = Atlas::try_builtin();
        let _ = crate::referral::ReferralPatterns::try_builtin();
        let _ = crate::referral::BodyChart::try_builtin();
    });
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(WINDOW_TITLE)
        .with_app_id(APP_ID)
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([800.0, 500.0])
        .with_drag_and_drop(true);
    match eframe::icon_data::from_png_bytes(WINDOW_ICON_PNG) {
        Ok(icon) => viewport = viewport.with_icon(icon),
        // Only the window's icon is missing; the app works.
        Err(e) => log::warn!("window icon: {e}"),
    }
    let native = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    eframe::run_native(
        APP_ID,
        native,
        Box::new(move |cc| Ok(Box::new(PlannerApp::new(cc, options)))),
    )
}

/// `path` from the working folder, as the watcher reports paths (no
/// symlinks resolved, nothing read from disk); as it was if that fails.
fn absolute(path: &std::path::Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
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
        let mut plans_dir =
            store::choose_plans_dir(options.plans_dir.as_deref(), settings.plans_dir.as_deref());
        // The folder watcher reports absolute paths; the library, the open
        // plan and the saved setting name files the same way (a relative
        // `--plans plans` listed every plan changed on disk a second time).
        plans_dir.path = absolute(&plans_dir.path);
        // The documents folder is made on first start; a folder the user
        // named is never made for them.
        let created = match plans_dir.origin {
            store::PlansDirOrigin::Documents => Some(store::create_plans_dir(&plans_dir.path)),
            _ => None,
        };
        let today = options.today.unwrap_or_else(local_today);
        ui::style::apply(ctx);
        ctx.add_plugin(ui::invisible_shapes::SkipInvisibleShapes);
        if options.backdrop == ui::backdrop::Backdrop::WindowClears {
            ctx.add_plugin(ui::backdrop::SkipPanelBackdrops);
        }
        // After the plugin above: it keeps the tessellation of what it leaves.
        ctx.add_plugin(ui::kept_tessellation::KeepUnchangedTessellation::default());
        let planner = Planner::with_settings(
            Settings {
                plans_dir: Some(plans_dir.path.clone()),
                ..settings
            },
            today,
        );
        let (shown, after_shown) = channel();
        let mut app = PlannerApp {
            planner,
            atlas: Atlas::builtin(),
            headless: options.headless,
            background: None,
            dialog: None,
            watcher: None,
            exit_after_first_frame: options.exit_after_first_frame,
            frames: 0,
            title: String::new(),
            recovery_waiting_since: None,
            backdrop: options.backdrop,
            first_frame_shown: Some(shown),
            after_first_frame: Some(after_shown),
        };
        let mut start = Vec::new();
        if let Some(result) = created {
            start.push(Action::Done(Outcome::PlansFolderMade {
                dir: plans_dir.path.clone(),
                result: result.map_err(|e| e.to_string()),
            }));
        }
        if let Some(path) = &options.open {
            start.push(Action::OpenPath(absolute(path)));
            if options.run {
                start.push(Action::Command(Command::RunSession));
            }
        }
        if let Some(dir) = &options.recovery_dir {
            start.push(Action::EnableRecovery(RecoveryStore::new(
                dir,
                std::process::id(),
            )));
        }
        app.apply_all(ctx, start);
        app.carry_out(ctx, Effect::LoadLibrary(plans_dir.path));
        app
    }

    /// The planner, for reading (tests, benchmarks).
    pub fn planner(&self) -> &Planner {
        &self.planner
    }

    /// Applies the actions, then carries out what they asked of the shell.
    pub fn apply_all(&mut self, ctx: &egui::Context, actions: Vec<Action>) {
        for action in actions {
            // Session mode runs on the clock: each of its actions carries its moment.
            let action = match action {
                Action::Command(Command::RunSession) => {
                    Action::Session(SessionAction::Begin, SystemClock.now())
                }
                action => action,
            };
            self.planner.apply(action);
            for effect in self.planner.take_effects() {
                self.carry_out(ctx, effect);
            }
        }
    }

    fn carry_out(&mut self, ctx: &egui::Context, effect: Effect) {
        match effect {
            Effect::ShowFileDialog {
                dialog,
                dir,
                suggested_name,
            } => self.show_file_dialog(ctx, dialog, &dir, &suggested_name),
            Effect::OpenInViewer(path) => {
                let result = if self.headless {
                    Err("no PDF viewer is started in a headless run".to_string())
                } else {
                    open::that_detached(&path).map_err(|e| e.to_string())
                };
                self.report(ctx, Outcome::ViewerOpened { path, result });
            }
            Effect::OpenFolder(path) => {
                let result = if self.headless {
                    Err("no file manager is started in a headless run".to_string())
                } else {
                    open::that_detached(&path).map_err(|e| e.to_string())
                };
                self.report(ctx, Outcome::FolderOpened { path, result });
            }
            Effect::SendToPrinter(path) => {
                let result = if self.headless {
                    Err("no printer is used in a headless run".to_string())
                } else {
                    print_with_lp(&path)
                };
                self.report(ctx, Outcome::Printed { path, result });
            }
            Effect::LoadLibrary(dir) => self.load_library(ctx, dir),
            Effect::CloseWindow => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    fn report(&mut self, ctx: &egui::Context, outcome: Outcome) {
        self.apply_all(ctx, vec![Action::Done(outcome)]);
    }

    fn show_file_dialog(
        &mut self,
        ctx: &egui::Context,
        dialog: FileDialog,
        dir: &std::path::Path,
        suggested_name: &str,
    ) {
        if self.headless {
            self.report(ctx, Outcome::FileChosen { dialog, path: None });
        } else if self.dialog.is_none() {
            self.dialog = Some(PendingDialog::spawn(ctx, dialog, dir, suggested_name));
        }
    }

    /// Reads the library, then starts watching the folder, on one
    /// low-priority thread: the first frame never waits (at start-up the
    /// thread begins once it is on screen), and watching (which walks the
    /// whole folder) does not compete with reading it. The list
    /// the index cache remembers is shown first, then checked against the
    /// files (a `stat` of each) and corrected if anything changed; opening a
    /// plan always reads its file, so nothing is acted on from the cache.
    /// Headless, the library is read now and nothing is watched.
    fn load_library(&mut self, ctx: &egui::Context, dir: PathBuf) {
        // The old folder's watcher stops; the new one comes with the library.
        self.watcher = None;
        if self.headless {
            let result = Library::scan(&dir).map_err(|e| e.to_string());
            self.report(ctx, Outcome::LibraryLoaded { dir, result });
            return;
        }
        let (sender, receiver) = channel();
        let ctx = ctx.clone();
        let after_first_frame = self.after_first_frame.take();
        std::thread::spawn(move || {
            in_the_background();
            // At start-up the window comes first ("Reading the plans
            // folder…"): on two cores, reading 10,000 plans' index, a `stat`
            // of each file and the watcher's walk of the folder slowed the
            // first frame, which llvmpipe draws on the CPU.
            wait_for_first_frame(after_first_frame.as_ref());
            let loaded = |result: Result<Library, store::FileError>| {
                Background::Library(Outcome::LibraryLoaded {
                    dir: dir.clone(),
                    result: result.map_err(|e| e.to_string()),
                })
            };
            let cache = store::library_cache_path(&dir);
            let shown = cache
                .as_deref()
                .and_then(|cache| Library::from_cache(&dir, cache));
            let checked = match (cache, shown) {
                (Some(cache), Some(shown)) => {
                    if sender.send(loaded(Ok(shown))).is_err() {
                        return;
                    }
                    ctx.request_repaint();
                    Library::check_with_cache(&dir, &cache).transpose()
                }
                _ => Some(Library::scan_cached(&dir)),
            };
            if let Some(result) = checked {
                if sender.send(loaded(result)).is_err() {
                    return;
                }
                ctx.request_repaint();
            }
            let wake = ctx.clone();
            let watcher = PlansWatcher::start(&dir, move || wake.request_repaint())
                .map_err(|e| e.to_string());
            if sender.send(Background::Watcher(dir, watcher)).is_ok() {
                ctx.request_repaint();
            }
        });
        self.background = Some(receiver);
    }

    /// What background threads, the watcher and dialogs have to report.
    fn poll_background(&mut self) -> Vec<Action> {
        let mut actions = Vec::new();
        if let Some(receiver) = &self.background {
            for report in receiver.try_iter() {
                match report {
                    Background::Library(outcome) => actions.push(Action::Done(outcome)),
                    Background::Watcher(dir, started) => {
                        let result = started.map(|watcher| self.watcher = Some(watcher));
                        actions.push(Action::Done(Outcome::WatcherStarted { dir, result }));
                    }
                }
            }
        }
        if let Some(watcher) = &self.watcher {
            let changed = watcher.changed();
            if !changed.is_empty() {
                actions.push(Action::FilesChanged(changed));
            }
        }
        if let Some(pending) = &self.dialog
            && let Some(path) = pending.poll()
        {
            actions.push(Action::Done(Outcome::FileChosen {
                dialog: pending.dialog,
                path,
            }));
            self.dialog = None;
        }
        actions
    }

    /// Asks for the recovery file to be written once unsaved edits have
    /// waited a little; wakes the window only for that, so an idle app stays
    /// idle.
    fn recovery_timer(&mut self, ctx: &egui::Context) -> Option<Action> {
        if !self.planner.recovery_due() {
            self.recovery_waiting_since = None;
            return None;
        }
        let since = *self.recovery_waiting_since.get_or_insert_with(Instant::now);
        let waited = since.elapsed();
        if waited >= RECOVERY_DELAY {
            self.recovery_waiting_since = None;
            Some(Action::WriteRecovery)
        } else {
            ctx.request_repaint_after(RECOVERY_DELAY - waited);
            None
        }
    }

    /// Input that is not a widget's: shortcuts, dropped files, closing.
    fn window_input(&self, ctx: &egui::Context) -> Vec<Action> {
        let mut actions: Vec<Action> = ui::shortcuts::pressed(ctx)
            .into_iter()
            .map(Action::Command)
            .collect();
        let dropped: Option<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .find(|p| !p.as_os_str().is_empty())
        });
        if let Some(path) = dropped {
            actions.push(Action::OpenPath(path));
        }
        if ctx.input(|i| i.viewport().close_requested()) && !self.planner.close_confirmed() {
            if self.planner.is_dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            }
            actions.push(Action::CloseRequested);
        }
        actions
    }

    /// The panels: menu, status line, library, editor and map.
    fn panels(&self, ui: &mut egui::Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        let planner = &self.planner;
        // Screened once a frame, for the editor and the map alike.
        let warnings = planner.warnings();
        let mut areas = Vec::with_capacity(5);
        let menu = egui::Panel::top("menu").show(ui, |ui| {
            actions.extend(ui::menu::menu_bar(ui, &views::menu(planner)));
        });
        areas.push(menu.response.rect);
        let status = egui::Panel::bottom("status").show(ui, |ui| {
            actions.extend(ui::status_bar::status_bar(ui, &views::status(planner)));
        });
        areas.push(status.response.rect);
        let library = egui::Panel::left("library")
            .resizable(true)
            .default_size(230.0)
            .min_size(180.0)
            .show(ui, |ui| {
                actions.extend(ui::library_panel::library_panel(
                    ui,
                    &views::library(planner),
                ));
            });
        areas.push(library.response.rect);
        let editor = egui::Panel::right("editor")
            .resizable(true)
            .default_size(610.0)
            .min_size(470.0)
            .show(ui, |ui| {
                actions.extend(ui::plan_editor::plan_editor(
                    ui,
                    &views::editor(planner, &warnings),
                ));
            });
        areas.push(editor.response.rect);
        let map = egui::CentralPanel::default().show(ui, |ui| {
            let mode = planner.map_mode();
            // Wraps onto a second line where the map is narrow.
            ui.horizontal_wrapped(|ui| {
                if let Some(mode) = ui::map_pain::mode_switch(ui, mode) {
                    actions.push(Action::SetMapMode(mode));
                }
                ui.separator();
                if let Some(view) = ui::map::view_switch(ui, planner.view()) {
                    actions.push(Action::SetView(view));
                }
                ui.separator();
                if mode.when().is_some() {
                    actions.extend(ui::map_pain::pain_toolbar(
                        ui,
                        planner.brush(),
                        planner.pain_tool(),
                    ));
                } else {
                    let names = !planner.settings().hide_map_names;
                    match ui::map::map_toolbar(ui, planner.layer(), names) {
                        Some(ui::map::ToolbarAction::Layer(layer)) => {
                            actions.push(Action::SetLayer(layer));
                        }
                        Some(ui::map::ToolbarAction::Names(shown)) => {
                            actions.push(Action::ShowMapNames(shown));
                        }
                        None => {}
                    }
                    if let Some(shown) = ui::map::landmarks_switch(ui, planner.landmarks_shown()) {
                        actions.push(Action::ShowLandmarks(shown));
                    }
                }
                let settings = planner.settings();
                actions.extend(ui::map_referral::overlay_switches(
                    ui,
                    settings.show_referral,
                    settings.show_trigger_points,
                ));
            });
            if let Some(when) = mode.when() {
                let view = views::pain_map(planner, self.atlas, when);
                actions.extend(ui::map_pain::area_list(ui, &view));
                actions.extend(ui::map_pain::pain_map(ui, &view));
            } else {
                let view = views::map(planner, self.atlas, &warnings);
                if let Some(ui::map::MapAction::Pick(region)) = ui::map::muscle_map(ui, &view) {
                    actions.push(Action::Pick(region));
                }
            }
        });
        areas.push(map.response.rect);
        self.note_panels(ui.ctx(), &areas);
        actions
    }

    /// Notes the panels' areas, when the window's clear colour paints their
    /// backgrounds (`ui::backdrop`).
    fn note_panels(&self, ctx: &egui::Context, areas: &[egui::Rect]) {
        if self.backdrop == ui::backdrop::Backdrop::WindowClears {
            ui::backdrop::note_panels(ctx, areas);
        }
    }

    /// Session mode fills the window: the view, its keys, the clock's tick.
    fn session_mode(&self, ui: &mut egui::Ui) -> Vec<Action> {
        let Some(runner) = self.planner.session() else {
            return Vec::new();
        };
        let now = SystemClock.now();
        let mut session = ui::session_view::session_keys(ui.ctx());
        let status = egui::Panel::bottom("status").show(ui, |ui| {
            // Messages stay visible; the view has no other place for them.
            let _ = ui::status_bar::status_bar(ui, &views::status(&self.planner));
        });
        let view = egui::CentralPanel::default().show(ui, |ui| {
            let view = ui::session_view::SessionView {
                plan: self.planner.plan(),
                runner,
                now,
                atlas: self.atlas,
            };
            session.extend(ui::session_view::session_view(ui, &view));
        });
        self.note_panels(ui.ctx(), &[status.response.rect, view.response.rect]);
        if runner.is_running() {
            session.push(SessionAction::Tick);
        }
        session
            .into_iter()
            .map(|action| Action::Session(action, now))
            .collect()
    }

    /// While a session runs, the next frame comes when the countdown shows
    /// another second; paused or not started, none is asked for at all.
    fn session_clock(&mut self, ctx: &egui::Context) {
        if self.planner.take_step_ended() {
            // On screen the countdown turns colour with a message; a window
            // behind another one asks for attention (taskbar). Tests and
            // benchmarks (headless) stay silent.
            if !self.headless {
                super::chime::chime();
            }
            ctx.send_viewport_cmd(egui::ViewportCommand::RequestUserAttention(
                egui::UserAttentionType::Informational,
            ));
        }
        if let Some(wait) = self
            .planner
            .session()
            .and_then(|runner| runner.until_next_tick(SystemClock.now()))
        {
            ctx.request_repaint_after(wait);
        }
    }

    /// The one thing on screen over the window, if any.
    fn modal(&self, ctx: &egui::Context) -> Vec<Action> {
        let planner = &self.planner;
        let Some(modal) = planner.modal() else {
            return Vec::new();
        };
        match modal {
            Modal::Unsaved(_) => {
                let client = planner.plan().client.name.trim();
                let client = if client.is_empty() {
                    "the new client"
                } else {
                    client
                };
                ui::unsaved_dialog::unsaved_dialog(ctx, client)
                    .into_iter()
                    .collect()
            }
            Modal::Conflict(conflict) => {
                let file = planner.short_path(&conflict.path);
                ui::conflict_dialog::conflict_dialog(ctx, conflict, &file)
                    .into_iter()
                    .collect()
            }
            Modal::Comparison(comparison) => ui::compare_window::compare_window(ctx, comparison)
                .into_iter()
                .collect(),
            Modal::Recovery => planner
                .recovery_offer()
                .and_then(|offer| ui::recovery_dialog::recovery_dialog(ctx, offer))
                .into_iter()
                .collect(),
            Modal::ClientForm(draft) => ui::client_editor::client_editor(ctx, draft)
                .into_iter()
                .collect(),
            Modal::PathPrompt(prompt) => ui::path_prompt::path_prompt(ctx, prompt),
            Modal::AfterSession => ui::after_session::after_session(ctx, planner.plan()),
            Modal::Course(view) => ui::course_window::course_window(ctx, view),
        }
    }
}

mod views {
    //! The narrow view structs each view reads, built from the planner once a frame.

    use crate::atlas::Atlas;
    use crate::planner::{Focus, LibraryState, Planner};
    use crate::screening::Warning;
    use crate::ui;

    pub(super) fn menu(planner: &Planner) -> ui::menu::MenuView<'_> {
        ui::menu::MenuView {
            templates: planner.templates(),
            recent: planner.recent(),
            paper: planner.paper(),
            plans_dir: planner.plans_dir(),
            can_undo: planner.can_undo(),
            can_redo: planner.can_redo(),
        }
    }

    pub(super) fn status(planner: &Planner) -> ui::status_bar::StatusView<'_> {
        ui::status_bar::StatusView {
            file: planner.file().map(|f| ui::status_bar::FileName {
                short: planner.short_path(&f.path),
                full: f.path.display().to_string(),
            }),
            state: planner.doc_state(),
            message: planner.message(),
            error: planner.error(),
            folder: planner.message_folder().is_some(),
        }
    }

    pub(super) fn library(planner: &Planner) -> ui::library_panel::LibraryView<'_> {
        ui::library_panel::LibraryView {
            library: planner.library(),
            search: planner.search(),
            open: planner.file().map(|f| f.path.as_path()),
            missing_folder: match planner.library() {
                LibraryState::Failed(_) if !planner.plans_dir().is_dir() => {
                    Some(planner.plans_dir())
                }
                _ => None,
            },
        }
    }

    pub(super) fn editor<'a>(
        planner: &'a Planner,
        warnings: &'a [Warning],
    ) -> ui::plan_editor::EditorView<'a> {
        ui::plan_editor::EditorView {
            plan: planner.plan(),
            selected_step: planner.selected_step(),
            state: planner.doc_state(),
            warnings,
            client: ui::safety::ClientView {
                record: planner.client_record(),
                error: planner.client_error(),
            },
            problems: planner.problems(),
            focus_quick_add: planner.focus_request() == Some(Focus::QuickAdd),
        }
    }

    pub(super) fn pain_map<'a>(
        planner: &'a Planner,
        atlas: &'a Atlas,
        when: crate::planner::PainWhen,
    ) -> ui::map_pain::PainMapView<'a> {
        ui::map_pain::PainMapView {
            atlas,
            plan: planner.plan(),
            when,
            view: planner.view(),
            brush: planner.brush(),
            tool: planner.pain_tool(),
            selected_step: planner.selected_step(),
            referral: planner.settings().show_referral,
        }
    }

    pub(super) fn map<'a>(
        planner: &'a Planner,
        atlas: &'a Atlas,
        warnings: &'a [Warning],
    ) -> ui::map::MapView<'a> {
        ui::map::MapView {
            atlas,
            view: planner.view(),
            plan: planner.plan(),
            layer: planner.layer(),
            landmarks: planner.landmarks_shown(),
            selected_step: planner.selected_step(),
            warnings,
            names: !planner.settings().hide_map_names,
            referral: planner.settings().show_referral,
            trigger_points: planner.settings().show_trigger_points,
        }
    }
}

/// Sends a PDF to the default printer with CUPS' `lp`; its answer or why not.
fn print_with_lp(path: &std::path::Path) -> Result<String, String> {
    match std::process::Command::new("lp").arg(path).output() {
        Ok(output) if output.status.success() => {
            Ok(String::from_utf8_lossy(&output.stdout).trim().to_string())
        }
        Ok(output) => Err(String::from_utf8_lossy(&output.stderr).trim().to_string()),
        Err(e) => Err(format!("lp could not be started: {e}")),
    }
}

/// Waits until the window's first frame is on screen, or a second at most
/// (a window that never draws must not leave its library unread).
fn wait_for_first_frame(shown: Option<&Receiver<()>>) {
    if let Some(shown) = shown {
        let _ = shown.recv_timeout(Duration::from_secs(1));
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
        actions.extend(self.window_input(&ctx));
        if self.planner.session().is_some() {
            actions.extend(self.session_mode(ui));
        } else if matches!(self.planner.modal(), Some(Modal::Course(_))) {
            // The client view covers the window: the editor, map and
            // library under it are not drawn (they cost most of a frame).
            let backdrop = egui::CentralPanel::default().show(ui, |_| {});
            self.note_panels(&ctx, &[backdrop.response.rect]);
        } else {
            actions.extend(self.panels(ui));
        }
        actions.extend(self.modal(&ctx));
        self.apply_all(&ctx, actions);
        self.session_clock(&ctx);
        if let Some(write) = self.recovery_timer(&ctx) {
            self.apply_all(&ctx, vec![write]);
        }

        let title = self.planner.title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        self.frames += 1;
        if self.frames == 1 {
            // A second frame comes at once, even with no input: it is what
            // tells the waiting library thread that the first is on screen.
            ctx.request_repaint();
        } else if let Some(shown) = self.first_frame_shown.take() {
            // The frame drawn by the first call is on screen once the second starts.
            let _ = shown.send(());
        }
        if self.exit_after_first_frame {
            // The frame drawn by the first call is on screen once the second starts.
            if self.frames >= 2 {
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            } else {
                ctx.request_repaint();
            }
        }
    }

    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        ui::backdrop::clear_colour(visuals)
    }

    fn on_exit(&mut self) {
        self.planner.apply(Action::WindowClosing);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, self.planner.settings());
    }
}
