//! "Restore unsaved edits?" after a crash: Restore, Discard, or Later.

use std::path::Path;

use egui::{Id, Modal};

use crate::planner::{Action, RecoveryAnswer};
use crate::store::Recovery;

pub fn recovery_dialog(ctx: &egui::Context, recovery: &Recovery) -> Option<Action> {
    let mut answer = None;
    let client = recovery.plan.client.name.trim();
    let client = if client.is_empty() {
        "a client without a name"
    } else {
        client
    };
    let modal = Modal::new(Id::unique("restore unsaved edits")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.heading("Restore unsaved edits?");
        ui.label(format!(
            "The planner did not close properly. It kept unsaved edits to the plan for {client} \
             of {}, last written {}.",
            recovery.plan.date,
            recovery.written.strftime("%Y-%m-%d %H:%M UTC"),
        ));
        match &recovery.file {
            Some(file) => ui.label(format!("They belong to {}.", file_name(file))),
            None => ui.label("The plan had not been saved yet."),
        };
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui
                .button("Restore")
                .on_hover_text("Open the edits as unsaved changes")
                .clicked()
            {
                answer = Some(RecoveryAnswer::Restore);
            }
            if ui
                .button("Discard")
                .on_hover_text("Delete the kept edits")
                .clicked()
            {
                answer = Some(RecoveryAnswer::Discard);
            }
            if ui
                .button("Later")
                .on_hover_text("Keep them and ask again at the next start")
                .clicked()
            {
                answer = Some(RecoveryAnswer::Later);
            }
        });
    });
    if answer.is_none() && modal.should_close() {
        answer = Some(RecoveryAnswer::Later);
    }
    answer.map(Action::AnswerRecovery)
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
