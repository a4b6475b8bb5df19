//! The path typed by hand when no file dialog could be shown (no desktop
//! portal): prefilled with the real file name, focused, Enter to confirm.

use egui::{Id, Modal, TextEdit};

use super::accessible::name_widget;
use crate::planner::{Action, FileDialog, PathPrompt};

pub fn path_prompt(ctx: &egui::Context, prompt: &PathPrompt) -> Vec<Action> {
    let mut actions = Vec::new();
    let modal = Modal::new(Id::unique("typed path")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading(prompt.dialog.title());
        ui.label(match prompt.dialog {
            FileDialog::PlansFolder => "No folder dialog is available here. Type the folder:",
            _ => "No file dialog is available here. Type the full path:",
        });
        let mut text = prompt.text.clone();
        let field = ui.add(TextEdit::singleline(&mut text).desired_width(500.0));
        name_widget(&field, || "Path");
        if !field.has_focus() && ui.memory(|m| m.focused().is_none()) {
            field.request_focus();
        }
        if field.changed() {
            actions.push(Action::PathPromptText(text));
        }
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui.button("OK").clicked() || entered {
                actions.push(Action::AnswerPathPrompt(true));
            }
            if ui.button("Cancel").clicked() {
                actions.push(Action::AnswerPathPrompt(false));
            }
        });
    });
    if actions.is_empty() && modal.should_close() {
        actions.push(Action::AnswerPathPrompt(false));
    }
    actions
}
