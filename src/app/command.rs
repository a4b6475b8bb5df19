//! Every menu entry and keyboard shortcut comes from this one list, so the
//! menus, the shortcuts and their tooltips never disagree.

use egui::{Key, KeyboardShortcut, Modifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    New,
    Open,
    Save,
    SaveAs,
    NewSessionFromThis,
    Print,
    ExportPdf,
    Undo,
    Redo,
    ToggleLayer,
    Quit,
}

impl Command {
    pub const ALL: [Command; 11] = [
        Command::New,
        Command::Open,
        Command::Save,
        Command::SaveAs,
        Command::NewSessionFromThis,
        Command::Print,
        Command::ExportPdf,
        Command::Undo,
        Command::Redo,
        Command::ToggleLayer,
        Command::Quit,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Command::New => "New plan",
            Command::Open => "Open…",
            Command::Save => "Save",
            Command::SaveAs => "Save as…",
            Command::NewSessionFromThis => "New session from this plan",
            Command::Print => "Print…",
            Command::ExportPdf => "Export PDF…",
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
                "Copy this plan to today's date for the client's next session (not saved yet)"
            }
            Command::Print => "Write the plan sheet as PDF and open it for printing",
            Command::ExportPdf => "Save the plan sheet as a PDF file you choose",
            Command::Undo => "Undo the last change to the plan",
            Command::Redo => "Redo what was undone",
            Command::ToggleLayer => "Show the muscles under the surface, or the surface again",
            Command::Quit => "Close the window (asks first if the plan has unsaved changes)",
        }
    }

    /// The main shortcut; `extra_shortcuts` lists the alternatives.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let ctrl = Modifiers::COMMAND;
        let ctrl_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        let shortcut = match self {
            Command::New => KeyboardShortcut::new(ctrl, Key::N),
            Command::Open => KeyboardShortcut::new(ctrl, Key::O),
            Command::Save => KeyboardShortcut::new(ctrl, Key::S),
            Command::SaveAs => KeyboardShortcut::new(ctrl_shift, Key::S),
            Command::Print => KeyboardShortcut::new(ctrl, Key::P),
            Command::Undo => KeyboardShortcut::new(ctrl, Key::Z),
            Command::Redo => KeyboardShortcut::new(ctrl_shift, Key::Z),
            Command::ToggleLayer => KeyboardShortcut::new(ctrl, Key::L),
            Command::Quit => KeyboardShortcut::new(ctrl, Key::Q),
            Command::NewSessionFromThis | Command::ExportPdf => return None,
        };
        Some(shortcut)
    }

    pub fn extra_shortcuts(self) -> &'static [KeyboardShortcut] {
        const REDO_Y: [KeyboardShortcut; 1] = [KeyboardShortcut::new(Modifiers::COMMAND, Key::Y)];
        match self {
            Command::Redo => &REDO_Y,
            _ => &[],
        }
    }

    /// Commands whose shortcut was pressed this frame. Longer combinations
    /// are checked first so Ctrl+Shift+S is not also taken as Ctrl+S.
    pub fn pressed(ctx: &egui::Context) -> Vec<Command> {
        let mut by_modifier_count: Vec<(Command, KeyboardShortcut)> = Command::ALL
            .iter()
            .flat_map(|&c| {
                c.shortcut()
                    .into_iter()
                    .chain(c.extra_shortcuts().iter().copied())
                    .map(move |s| (c, s))
            })
            .collect();
        by_modifier_count.sort_by_key(|(_, s)| std::cmp::Reverse(modifier_count(s.modifiers)));
        let mut pressed = Vec::new();
        ctx.input_mut(|input| {
            for (command, shortcut) in by_modifier_count {
                if input.consume_shortcut(&shortcut) {
                    pressed.push(command);
                }
            }
        });
        pressed
    }
}

fn modifier_count(m: Modifiers) -> u8 {
    u8::from(m.alt) + u8::from(m.shift) + u8::from(m.ctrl || m.command || m.mac_cmd)
}
