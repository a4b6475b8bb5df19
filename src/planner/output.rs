//! The plan sheet as a PDF: exported to a chosen file, or written to a
//! private temporary file for the PDF viewer or the printer. The shell only
//! opens the viewer or runs `lp`; everything else happens here.

use std::path::{Path, PathBuf};

use super::Planner;
use super::effect::Effect;
use crate::course::HomeCare;
use crate::sheet::{HandoutOptions, SheetOptions, render_handout, render_sheet};
use crate::store;

impl Planner {
    fn sheet_options(&self) -> SheetOptions {
        SheetOptions {
            paper: self.settings.paper,
            file_name: self
                .doc
                .file
                .as_ref()
                .and_then(|f| f.path.file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            client: self.client.record.clone(),
            warnings: self.warnings(),
            record: false,
        }
    }

    /// Draws the sheet and writes it to `path`; says what happened.
    fn write_sheet(&mut self, path: &Path) -> bool {
        let written = render_sheet(&self.doc.plan, &self.sheet_options())
            .map_err(|e| format!("The plan sheet could not be drawn: {e}"))
            .and_then(|pdf| store::write_file_atomically(path, &pdf).map_err(|e| e.to_string()));
        match written {
            Ok(()) => true,
            Err(e) => {
                self.error = Some(e);
                false
            }
        }
    }

    pub(super) fn export_sheet(&mut self, path: &Path) {
        if self.write_sheet(path) {
            self.error = None;
            self.message = format!("Exported the plan sheet to {}", path.display());
        }
    }

    /// The sheet in a temporary file, for the viewer or the printer.
    fn sheet_in_temp_file(&mut self) -> Option<PathBuf> {
        let dir = std::env::temp_dir().join("massage-planner");
        if let Err(e) = std::fs::create_dir_all(&dir) {
            self.error = Some(format!("{}: cannot create the folder: {e}", dir.display()));
            return None;
        }
        let path = dir.join(format!("{}.pdf", store::file_stem_for(&self.doc.plan)));
        self.write_sheet(&path).then_some(path)
    }

    /// The home-care handout in a temporary file, opened in the viewer.
    /// What the client's conditions left out is said on the message line.
    pub(super) fn handout(&mut self) {
        let home_care = match HomeCare::try_builtin() {
            Ok(home_care) => home_care,
            Err(e) => {
                self.error = Some(format!("The home-care data is broken: {e}"));
                return;
            }
        };
        let care = home_care.for_plan(&self.doc.plan, self.client.record.as_ref());
        let options = HandoutOptions {
            paper: self.settings.paper,
            file_name: self.sheet_options().file_name,
        };
        let dir = std::env::temp_dir().join("massage-planner");
        let path = dir.join(format!(
            "{}-home-care.pdf",
            store::file_stem_for(&self.doc.plan)
        ));
        let written = std::fs::create_dir_all(&dir)
            .map_err(|e| format!("{}: cannot create the folder: {e}", dir.display()))
            .and_then(|()| {
                render_handout(&self.doc.plan, &care, &options)
                    .map_err(|e| format!("The home-care handout could not be drawn: {e}"))
            })
            .and_then(|pdf| store::write_file_atomically(&path, &pdf).map_err(|e| e.to_string()));
        if let Err(e) = written {
            self.error = Some(e);
            return;
        }
        let notes: Vec<String> = care.omissions.iter().map(|o| o.text()).collect();
        self.handout_note = Some(if notes.is_empty() {
            String::new()
        } else {
            format!(" Left out of the handout: {}", notes.join(" "))
        });
        self.effects.push(Effect::OpenInViewer(path));
    }

    pub(super) fn print(&mut self) {
        if let Some(path) = self.sheet_in_temp_file() {
            self.effects.push(Effect::OpenInViewer(path));
        }
    }

    pub(super) fn print_direct(&mut self) {
        if let Some(path) = self.sheet_in_temp_file() {
            self.effects.push(Effect::SendToPrinter(path));
        }
    }

    pub(super) fn viewer_opened(&mut self, path: &Path, result: Result<(), String>) {
        // `Some`: the home-care handout, with what it left out.
        let (what, note) = match self.handout_note.take() {
            Some(note) => ("home-care handout", note),
            None => ("plan sheet", String::new()),
        };
        match result {
            Ok(()) => {
                self.error = None;
                self.message = format!(
                    "Opened the {what} in the PDF viewer; print from there ({}).{note}",
                    path.display()
                );
            }
            // Not an error to dismiss: the sheet is written, only no viewer came up.
            Err(_) => {
                self.error = None;
                self.message = format!(
                    "No PDF viewer could be opened. The {what} is saved in {}; open it from there to print.{note}",
                    path.display()
                );
                self.message_folder = path.parent().map(Path::to_path_buf);
            }
        }
    }

    pub(super) fn printed(&mut self, path: &Path, result: Result<String, String>) {
        match result {
            Ok(answer) => {
                self.error = None;
                self.message = format!("Sent to the default printer: {answer}");
            }
            Err(e) => {
                self.error = Some(format!("{} could not be printed: {e}", path.display()));
            }
        }
    }
}
