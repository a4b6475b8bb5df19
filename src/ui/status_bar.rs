//! The status line: the file, saved or unsaved, the last message or error.

use egui::{Label, RichText, Ui};

use super::style;
use crate::planner::{Action, DocState};

/// What the status line shows.
pub struct StatusView<'a> {
    pub file: Option<FileName>,
    pub state: DocState,
    pub message: &'a str,
    pub error: Option<&'a str>,
    /// The message names a folder that can be opened.
    pub folder: bool,
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
            DocState::Unsaved => {
                ui.label(RichText::new("Unsaved changes").color(style::warning(ui.visuals())))
            }
            DocState::Saved => ui.label(RichText::new("Saved").color(style::good(ui.visuals()))),
            DocState::Empty => ui.label("Empty"),
        };
        ui.separator();
        // One line, always the same height: a long message is cut (all of
        // it on hover), so nothing above it moves when one appears.
        match view.error {
            Some(error) => {
                if ui
                    .button("Dismiss")
                    .on_hover_text("Dismiss this message")
                    .clicked()
                {
                    action = Some(Action::DismissError);
                }
                ui.add(
                    Label::new(RichText::new(error).color(style::error(ui.visuals()))).truncate(),
                )
                .on_hover_text(error);
            }
            None => {
                if view.folder
                    && ui
                        .button("Open folder")
                        .on_hover_text("Show the folder in the file manager")
                        .clicked()
                {
                    action = Some(Action::OpenMessageFolder);
                }
                ui.add(Label::new(view.message).truncate())
                    .on_hover_text(view.message);
            }
        }
    });
    action
}
