//! The status line: the file, saved or unsaved, the last message or error.

use egui::{RichText, Ui};

use super::style;
use crate::app::{Action, Planner};

pub fn status_bar(ui: &mut Ui, planner: &Planner) -> Option<Action> {
    let mut action = None;
    ui.horizontal(|ui| {
        match &planner.doc.file {
            Some(file) => {
                ui.label(planner.short_path(&file.path))
                    .on_hover_text(file.path.display().to_string());
            }
            None => {
                ui.label("Not saved yet");
            }
        }
        ui.separator();
        if planner.doc.is_dirty() {
            ui.label(RichText::new("Unsaved changes").color(style::WARNING));
        } else if planner.doc.file.is_some() {
            ui.label(RichText::new("Saved").color(style::GOOD));
        } else {
            // A new, untouched plan: nothing saved, nothing to lose.
            ui.label("Empty");
        }
        ui.separator();
        match &planner.error {
            Some(error) => {
                ui.label(RichText::new(error).color(style::ERROR));
                if ui
                    .small_button("Dismiss")
                    .on_hover_text("Dismiss this message")
                    .clicked()
                {
                    action = Some(Action::DismissError);
                }
            }
            None => {
                ui.label(&planner.message);
            }
        }
    });
    action
}
