//! "Save changes?" with Save, Discard and Cancel.

use egui::{Id, Modal};

use crate::planner::{Action, UnsavedAnswer};

pub fn unsaved_dialog(ctx: &egui::Context, client: &str) -> Option<Action> {
    let mut answer = None;
    let modal = Modal::new(Id::unique("unsaved changes")).show(ctx, |ui| {
        ui.set_max_width(360.0);
        ui.heading("Save changes?");
        ui.label(format!(
            "The plan for {client} has changes that are not saved yet."
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                answer = Some(UnsavedAnswer::Save);
            }
            if ui.button("Discard").clicked() {
                answer = Some(UnsavedAnswer::Discard);
            }
            if ui.button("Cancel").clicked() {
                answer = Some(UnsavedAnswer::Cancel);
            }
        });
    });
    if answer.is_none() && modal.should_close() {
        answer = Some(UnsavedAnswer::Cancel);
    }
    answer.map(Action::AnswerUnsaved)
}
