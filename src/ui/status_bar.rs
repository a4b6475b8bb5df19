//! The status line: the file, saved or unsaved, the last message or error.

use egui::{RichText, Ui};

use super::style;
use crate::planner::{Action, DocState};

/// What the status line shows.
pub struct StatusView<'a> {
    pub file: Option<FileName>,
    pub state: DocState,
    pub message: &'a str,
    pub error: Option<&'a str>,
}

/// The plan's file: relative to the plans folder, and in full on hover.
pub struct FileName {
    pub short: String,
    pub full: String,
}

pub fn status_bar(ui: &mut Ui, view: &StatusView<'_>) -> Option<Action> {
    let mut action = None;
    ui.horizontal(|ui| {
        match &view.file {
            Some(file) => {
                ui.label(&file.short).on_hover_text(&file.full);
            }
            None => {
                ui.label("Not saved yet");
            }
        }
        ui.separator();
        match view.state {
            DocState::Unsaved => ui.label(RichText::new("Unsaved changes").color(style::WARNING)),
            DocState::Saved => ui.label(RichText::new("Saved").color(style::GOOD)),
            DocState::Empty => ui.label("Empty"),
        };
        ui.separator();
        match view.error {
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
                ui.label(view.message);
            }
        }
    });
    action
}
