//! Work the shell does outside the planner: dialogs, the PDF viewer, the
//! printer, reading and watching the plans folder, closing the window.
//! Each result comes back as an `Action::Done`.

use std::path::PathBuf;

use super::action::FileDialog;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    ShowFileDialog {
        dialog: FileDialog,
        /// Where the dialog starts.
        dir: PathBuf,
        /// The file name offered for a save.
        suggested_name: String,
    },
    /// Open this PDF in the system's viewer (whose print dialog prints it).
    OpenInViewer(PathBuf),
    /// Send this PDF to the default printer (CUPS `lp`).
    SendToPrinter(PathBuf),
    /// Read the plans folder, then watch it for changes others make.
    LoadLibrary(PathBuf),
    CloseWindow,
}
