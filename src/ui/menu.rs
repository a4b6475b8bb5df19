//! The menu bar, built from the command list so labels and shortcuts match.

use std::path::{Path, PathBuf};

use egui::{Button, Ui};

use super::shortcuts::shortcut_text;
use crate::planner::{Action, Command};
use crate::sheet::Paper;
use crate::store::Template;

/// What the menus show.
pub struct MenuView<'a> {
    pub templates: &'a [Template],
    pub recent: &'a [PathBuf],
    pub paper: Paper,
    pub plans_dir: &'a Path,
    pub can_undo: bool,
    pub can_redo: bool,
}

pub fn menu_bar(ui: &mut Ui, view: &MenuView<'_>) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu(ui, view, &mut actions));
        ui.menu_button("Edit", |ui| {
            command_button(ui, Command::Undo, view.can_undo, &mut actions);
            command_button(ui, Command::Redo, view.can_redo, &mut actions);
        });
        ui.menu_button("View", |ui| {
            for command in [
                Command::ShowBackView,
                Command::ShowSideView,
                Command::ShowFrontView,
            ] {
                command_button(ui, command, true, &mut actions);
            }
            command_button(ui, Command::ToggleLayer, true, &mut actions);
            command_button(ui, Command::ToggleLandmarks, true, &mut actions);
            ui.separator();
            theme_choice(ui);
        });
        ui.separator();
        let run = Command::RunSession;
        if ui
            .button(format!(
                "{} ({})",
                run.label(),
                shortcut_text(ui.ctx(), run)
            ))
            .on_hover_text(run.tooltip())
            .clicked()
        {
            actions.push(Action::Command(run));
        }
    });
    actions
}

fn file_menu(ui: &mut Ui, view: &MenuView<'_>, actions: &mut Vec<Action>) {
    command_button(ui, Command::New, true, actions);
    ui.menu_button("New plan from template", |ui| {
        for (index, template) in view.templates.iter().enumerate() {
            if ui
                .button(template.title)
                .on_hover_text(&template.plan.goals)
                .clicked()
            {
                actions.push(Action::NewFromTemplate(index));
            }
        }
    });
    command_button(ui, Command::Open, true, actions);
    ui.menu_button("Open recent", |ui| {
        if view.recent.is_empty() {
            ui.label("No recent plans");
        }
        for path in view.recent {
            if ui.button(path.display().to_string()).clicked() {
                actions.push(Action::OpenPath(path.clone()));
            }
        }
    });
    ui.separator();
    for command in [
        Command::Save,
        Command::SaveAs,
        Command::NewSessionFromThis,
        Command::EditClientRecord,
        Command::ClientCourse,
    ] {
        command_button(ui, command, true, actions);
    }
    ui.separator();
    for command in [Command::Print, Command::Handout, Command::ExportPdf] {
        command_button(ui, command, true, actions);
    }
    if cups_available() {
        command_button(ui, Command::PrintDirect, true, actions);
    }
    ui.menu_button("Paper size", |ui| {
        for paper in [Paper::A4, Paper::Letter] {
            if ui.radio(view.paper == paper, paper.name()).clicked() {
                actions.push(Action::SetPaper(paper));
            }
        }
    });
    ui.separator();
    let folder = ui
        .add(command_widget(ui, Command::ChoosePlansFolder))
        .on_hover_text(format!(
            "{}; now {}",
            Command::ChoosePlansFolder.tooltip(),
            view.plans_dir.display()
        ));
    if folder.clicked() {
        actions.push(Action::Command(Command::ChoosePlansFolder));
    }
    command_button(ui, Command::AddExamplePlans, true, actions);
    ui.separator();
    command_button(ui, Command::Quit, true, actions);
}

/// The theme in words: a glyph may be missing from the fonts, a word is not.
/// The choice is egui's own setting, which egui remembers between runs.
fn theme_choice(ui: &mut Ui) {
    use egui::ThemePreference;
    let current = ui.ctx().options(|o| o.theme_preference);
    ui.label("Theme");
    for (choice, name) in [
        (ThemePreference::System, "System"),
        (ThemePreference::Light, "Light"),
        (ThemePreference::Dark, "Dark"),
    ] {
        if ui.radio(current == choice, name).clicked() {
            ui.ctx().set_theme(choice);
        }
    }
}

fn command_widget(ui: &Ui, command: Command) -> Button<'static> {
    Button::new(command.label()).shortcut_text(shortcut_text(ui.ctx(), command))
}

fn command_button(ui: &mut Ui, command: Command, enabled: bool, actions: &mut Vec<Action>) {
    if ui
        .add_enabled(enabled, command_widget(ui, command))
        .on_hover_text(command.tooltip())
        .clicked()
    {
        actions.push(Action::Command(command));
    }
}

/// Whether CUPS' `lp` is on the PATH (looked up once).
fn cups_available() -> bool {
    static FOUND: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *FOUND.get_or_init(|| {
        std::env::var_os("PATH")
            .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join("lp").is_file()))
    })
}
