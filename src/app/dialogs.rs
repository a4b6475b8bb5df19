//! Native file dialogs (rfd) on a background thread, so the window keeps
//! painting while one is open. With no desktop portal running, rfd returns
//! nothing, like a cancel: the planner then offers a path field instead.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::planner::FileDialog;

pub struct PendingDialog {
    pub dialog: FileDialog,
    receiver: Receiver<Option<PathBuf>>,
}

impl PendingDialog {
    pub fn spawn(ctx: &egui::Context, dialog: FileDialog, dir: &Path, file_name: &str) -> Self {
        let (sender, receiver) = channel();
        let ctx = ctx.clone();
        let dir = dir.to_path_buf();
        let file_name = file_name.to_string();
        std::thread::spawn(move || {
            let picker = rfd::FileDialog::new()
                .set_title(dialog.title())
                .set_directory(&dir);
            let chosen = match dialog {
                FileDialog::OpenPlan => picker.add_filter("Session plan", &["ron"]).pick_file(),
                FileDialog::SavePlanAs => picker
                    .add_filter("Session plan", &["ron"])
                    .set_file_name(&file_name)
                    .save_file(),
                FileDialog::ExportPdf => picker
                    .add_filter("PDF", &["pdf"])
                    .set_file_name(&file_name)
                    .save_file(),
                FileDialog::PlansFolder => picker.pick_folder(),
            };
            // The window may be gone by now; then nobody needs the answer.
            let _ = sender.send(chosen);
            ctx.request_repaint();
        });
        PendingDialog { dialog, receiver }
    }

    /// `None` while the dialog is open; then the path chosen, or `None`
    /// when cancelled or when no dialog could be shown.
    pub fn poll(&self) -> Option<Option<PathBuf>> {
        match self.receiver.try_recv() {
            Ok(chosen) => Some(chosen),
            Err(TryRecvError::Disconnected) => Some(None),
            Err(TryRecvError::Empty) => None,
        }
    }
}
