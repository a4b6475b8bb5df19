//! Every command a person can give, with its label and tooltip. Menus,
//! shortcuts (`ui::shortcuts`) and help all come from this one list, which
//! is derived from the enum, so a new command cannot be left out of it.

use strum::{EnumIter, IntoEnumIterator};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter)]
pub enum Command {
    New,
    Open,
    Save,
    SaveAs,
    NewSessionFromThis,
    Print,
    PrintDirect,
    ExportPdf,
    ChoosePlansFolder,
    EditClientRecord,
    Undo,
    Redo,
    ToggleLayer,
    Quit,
}

impl Command {
    /// Every command, in menu order.
    pub fn all() -> impl Iterator<Item = Command> {
        Command::iter()
    }

    pub fn label(self) -> &'static str {
        match self {
            Command::New => "New plan",
            Command::Open => "Open…",
            Command::Save => "Save",
            Command::SaveAs => "Save as…",
            Command::NewSessionFromThis => "New session from this plan",
            Command::Print => "Print…",
            Command::PrintDirect => "Print on the default printer",
            Command::ExportPdf => "Export PDF…",
            Command::ChoosePlansFolder => "Choose plans folder…",
            Command::EditClientRecord => "Client record…",
            Command::Undo => "Undo",
            Command::Redo => "Redo",
            Command::ToggleLayer => "Switch superficial / deep layer",
            Command::Quit => "Quit",
        }
    }

    pub fn tooltip(self) -> &'static str {
        match self {
            Command::New => "Start an empty plan",
            Command::Open => "Open a plan file from anywhere",
            Command::Save => "Save into the plans folder under the client's name and date",
            Command::SaveAs => "Save the plan to a file you choose",
            Command::NewSessionFromThis => {
                "Start the client's next session from this plan: same steps, today's date, goals and pain asked afresh (not saved yet)"
            }
            Command::Print => "Write the plan sheet as PDF and open it for printing",
            Command::PrintDirect => "Send the plan sheet straight to the printer (CUPS lp)",
            Command::ExportPdf => "Save the plan sheet as a PDF file you choose",
            Command::ChoosePlansFolder => "The folder the library lists and new plans are saved in",
            Command::EditClientRecord => {
                "Conditions, pressure preference, areas to focus on and to avoid"
            }
            Command::Undo => "Undo the last change to the plan",
            Command::Redo => "Redo what was undone",
            Command::ToggleLayer => "Show the muscles under the surface, or the surface again",
            Command::Quit => "Close the window (asks first if the plan has unsaved changes)",
        }
    }
}
