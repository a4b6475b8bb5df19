//! Native file dialogs (rfd) on a background thread, so the window keeps
//! painting while one is open. With no desktop portal running, rfd returns
//! nothing, like a cancel: the shell then offers a path field instead.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogKind {
    OpenPlan,
    SavePlanAs,
    ExportPdf,
    PlansFolder,
}

impl DialogKind {
    pub fn title(self) -> &'static str {
        match self {
            DialogKind::OpenPlan => "Open plan",
            DialogKind::SavePlanAs => "Save plan as",
            DialogKind::ExportPdf => "Export plan sheet as PDF",
            DialogKind::PlansFolder => "Choose the plans folder",
        }
    }
}

pub struct PendingDialog {
    pub kind: DialogKind,
    receiver: Receiver<Option<PathBuf>>,
}

pub enum DialogResult {
    Waiting,
    Chosen(PathBuf),
    /// Cancelled, or no dialog could be shown.
    Nothing,
}

impl PendingDialog {
    pub fn spawn(ctx: &egui::Context, kind: DialogKind, dir: &Path, file_name: &str) -> Self {
        let (sender, receiver) = channel();
        let ctx = ctx.clone();
        let dir = dir.to_path_buf();
        let file_name = file_name.to_string();
        std::thread::spawn(move || {
            let dialog = rfd::FileDialog::new()
                .set_title(kind.title())
                .set_directory(&dir);
            let chosen = match kind {
                DialogKind::OpenPlan => dialog.add_filter("Session plan", &["ron"]).pick_file(),
                DialogKind::SavePlanAs => dialog
                    .add_filter("Session plan", &["ron"])
                    .set_file_name(&file_name)
                    .save_file(),
                DialogKind::ExportPdf => dialog
                    .add_filter("PDF", &["pdf"])
                    .set_file_name(&file_name)
                    .save_file(),
                DialogKind::PlansFolder => dialog.pick_folder(),
            };
            // The window may be gone by now; then nobody needs the answer.
            let _ = sender.send(chosen);
            ctx.request_repaint();
        });
        PendingDialog { kind, receiver }
    }

    pub fn poll(&self) -> DialogResult {
        match self.receiver.try_recv() {
            Ok(Some(path)) => DialogResult::Chosen(path),
            Ok(None) | Err(TryRecvError::Disconnected) => DialogResult::Nothing,
            Err(TryRecvError::Empty) => DialogResult::Waiting,
        }
    }
}
