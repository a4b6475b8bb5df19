//! The plan file was changed or removed by someone else since it was
//! opened: reload theirs, save mine as a copy, or overwrite knowingly.

use egui::{Id, Modal, RichText};

use super::style;
use crate::planner::{Action, ConflictChoice, SaveConflict};

pub fn conflict_dialog(ctx: &egui::Context, conflict: &SaveConflict, file: &str) -> Option<Action> {
    let mut choice = None;
    let modal = Modal::new(Id::unique("file changed on disk")).show(ctx, |ui| {
        ui.set_max_width(440.0);
        if conflict.removed {
            ui.heading("The plan file was removed");
            ui.label(format!(
                "{file} was removed from disk (by another therapist, a sync tool, or a \
                 drive that was unplugged) after you opened it. Your plan is still here."
            ));
        } else {
            ui.heading("Someone else changed this plan");
            ui.label(format!(
                "{file} was changed on disk after you opened it. It was not overwritten."
            ));
        }
        ui.add_space(8.0);
        ui.horizontal_wrapped(|ui| {
            if !conflict.removed
                && ui
                    .button("Reload theirs")
                    .on_hover_text("Drop your changes and open the file as it is now")
                    .clicked()
            {
                choice = Some(ConflictChoice::Reload);
            }
            if ui
                .button("Save mine as a copy")
                .on_hover_text("Keep both: your plan goes to a new file beside it")
                .clicked()
            {
                choice = Some(ConflictChoice::SaveCopy);
            }
            let overwrite = if conflict.removed {
                "Save it again here"
            } else {
                "Overwrite with mine"
            };
            if ui
                .button(RichText::new(overwrite).color(style::WARNING))
                .on_hover_text("Your plan replaces the file; theirs is kept in .history/")
                .clicked()
            {
                choice = Some(ConflictChoice::Overwrite);
            }
            if ui.button("Cancel").clicked() {
                choice = Some(ConflictChoice::Cancel);
            }
        });
    });
    if choice.is_none() && modal.should_close() {
        choice = Some(ConflictChoice::Cancel);
    }
    choice.map(Action::ResolveConflict)
}
