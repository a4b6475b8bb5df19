//! The menu bar, built from the command list so labels and shortcuts match.

use egui::{Button, Ui};

use crate::app::{Action, Command, Planner};
use crate::sheet::Paper;

pub fn menu_bar(ui: &mut Ui, planner: &Planner) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            command_button(ui, Command::New, true, &mut actions);
            ui.menu_button("New plan from template", |ui| {
                for (index, template) in planner.templates.iter().enumerate() {
                    if ui
                        .button(template.title)
                        .on_hover_text(&template.plan.goals)
                        .clicked()
                    {
                        actions.push(Action::NewFromTemplate(index));
                    }
                }
            });
            command_button(ui, Command::Open, true, &mut actions);
            ui.menu_button("Open recent", |ui| {
                if planner.recent.is_empty() {
                    ui.label("No recent plans");
                }
                for path in &planner.recent {
                    if ui.button(path.display().to_string()).clicked() {
                        actions.push(Action::OpenPath(path.clone()));
                    }
                }
            });
            ui.separator();
            for command in [Command::Save, Command::SaveAs, Command::NewSessionFromThis] {
                command_button(ui, command, true, &mut actions);
            }
            ui.separator();
            for command in [Command::Print, Command::ExportPdf] {
                command_button(ui, command, true, &mut actions);
            }
            if cups_available()
                && ui
                    .button("Print on the default printer")
                    .on_hover_text("Send the plan sheet straight to the printer (CUPS lp)")
                    .clicked()
            {
                actions.push(Action::PrintDirect);
            }
            ui.menu_button("Paper size", |ui| {
                for paper in [Paper::A4, Paper::Letter] {
                    if ui.radio(planner.paper == paper, paper.name()).clicked() {
                        actions.push(Action::SetPaper(paper));
                    }
                }
            });
            ui.separator();
            if ui
                .button("Choose plans folder…")
                .on_hover_text(format!(
                    "The folder the library lists; now {}",
                    planner.plans_dir.display()
                ))
                .clicked()
            {
                actions.push(Action::ChoosePlansFolder);
            }
            ui.separator();
            command_button(ui, Command::Quit, true, &mut actions);
        });
        ui.menu_button("Edit", |ui| {
            command_button(ui, Command::Undo, planner.doc.can_undo(), &mut actions);
            command_button(ui, Command::Redo, planner.doc.can_redo(), &mut actions);
        });
        ui.menu_button("View", |ui| {
            command_button(ui, Command::ToggleLayer, true, &mut actions);
            ui.separator();
            egui::widgets::global_theme_preference_buttons(ui);
        });
    });
    actions
}

fn command_button(ui: &mut Ui, command: Command, enabled: bool, actions: &mut Vec<Action>) {
    let shortcut = command
        .shortcut()
        .map(|s| ui.ctx().format_shortcut(&s))
        .unwrap_or_default();
    let button = Button::new(command.label()).shortcut_text(shortcut);
    if ui
        .add_enabled(enabled, button)
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
