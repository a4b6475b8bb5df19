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
    ClientCourse,
    RunSession,
    Print,
    Handout,
    PrintDirect,
    ExportPdf,
    ChoosePlansFolder,
    AddExamplePlans,
    EditClientRecord,
    QuickAdd,
    Undo,
    Redo,
    ToggleLayer,
    ShowBackView,
    ShowSideView,
    ShowFrontView,
    ToggleLandmarks,
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
            Command::NewSessionFromThis => "Plan the next session",
            Command::ClientCourse => "Client's course…",
            Command::RunSession => "Run the session",
            Command::Print => "Print…",
            Command::Handout => "Home-care handout…",
            Command::PrintDirect => "Print on the default printer",
            Command::ExportPdf => "Export PDF…",
            Command::ChoosePlansFolder => "Choose plans folder…",
            Command::AddExamplePlans => "Add the example plans",
            Command::EditClientRecord => "Client record…",
            Command::QuickAdd => "Add a step by name…",
            Command::Undo => "Undo",
            Command::Redo => "Redo",
            Command::ToggleLayer => "Switch superficial / deep layer",
            Command::ShowBackView => "Back view",
            Command::ShowSideView => "Side view",
            Command::ShowFrontView => "Front view",
            Command::ToggleLandmarks => "Show or hide landmarks",
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
                "Start the client's next session from this plan: same steps, today's date, pain asked afresh; after a recorded session the pressure used and the plan for next time carry over (not saved yet)"
            }
            Command::ClientCourse => {
                "Every session of this client: pain before and after, what was worked where, two sessions compared, and continuing from the last one"
            }
            Command::RunSession => {
                "Session mode: the steps one after another, large, with a countdown; the record is kept in the plan"
            }
            Command::Print => "Write the plan sheet as PDF and open it for printing",
            Command::Handout => {
                "The client's home-care handout: an exercise or stretch for each muscle worked, heat and massage-gun advice and your self-care text, as PDF to print or give; exercises the client's conditions rule out are left out"
            }
            Command::PrintDirect => "Send the plan sheet straight to the printer (CUPS lp)",
            Command::ExportPdf => "Save the plan sheet as a PDF file you choose",
            Command::ChoosePlansFolder => "The folder the library lists and new plans are saved in",
            Command::AddExamplePlans => {
                "Copy five example plans of four clients, with their client records, into the plans folder (files already there are kept)"
            }
            Command::EditClientRecord => {
                "Conditions, pressure preference, areas to focus on and to avoid"
            }
            Command::QuickAdd => {
                "Type a muscle and side (\"ql r\", \"glut med left\") and press Enter to add it"
            }
            Command::Undo => "Undo the last change to the plan",
            Command::Redo => "Redo what was undone",
            Command::ToggleLayer => "Show the muscles under the surface, or the surface again",
            Command::ShowBackView => {
                "The map from behind, client prone: the client's left on your left"
            }
            Command::ShowSideView => {
                "The hip and thigh from the side, client side-lying: left side on the left, right side on the right"
            }
            Command::ShowFrontView => {
                "The front of the hips, client supine: mirrored, the client's left on your right"
            }
            Command::ToggleLandmarks => {
                "Bony landmarks and endangerment sites (kidney area, sciatic nerve, femoral triangle, aorta...) on the map"
            }
            Command::Quit => "Close the window (asks first if the plan has unsaved changes)",
        }
    }
}
