//! Keyboard shortcuts of the commands, and turning key presses into
//! commands. Menus show the same shortcuts, so they never disagree.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::planner::Command;

/// The main shortcut; `extra_shortcuts` lists the alternatives.
pub fn shortcut(command: Command) -> Option<KeyboardShortcut> {
    let ctrl = Modifiers::COMMAND;
    let ctrl_shift = Modifiers::COMMAND | Modifiers::SHIFT;
    let shortcut = match command {
        Command::New => KeyboardShortcut::new(ctrl, Key::N),
        Command::Open => KeyboardShortcut::new(ctrl, Key::O),
        Command::Save => KeyboardShortcut::new(ctrl, Key::S),
        Command::SaveAs => KeyboardShortcut::new(ctrl_shift, Key::S),
        Command::Print => KeyboardShortcut::new(ctrl, Key::P),
        Command::ExportPdf => KeyboardShortcut::new(ctrl_shift, Key::E),
        Command::Handout => KeyboardShortcut::new(ctrl_shift, Key::H),
        Command::QuickAdd => KeyboardShortcut::new(ctrl, Key::K),
        Command::Undo => KeyboardShortcut::new(ctrl, Key::Z),
        Command::Redo => KeyboardShortcut::new(ctrl_shift, Key::Z),
        Command::ToggleLayer => KeyboardShortcut::new(ctrl, Key::L),
        Command::ShowBackView => KeyboardShortcut::new(ctrl, Key::Num1),
        Command::ShowSideView => KeyboardShortcut::new(ctrl, Key::Num2),
        Command::ShowFrontView => KeyboardShortcut::new(ctrl, Key::Num3),
        Command::ToggleLandmarks => KeyboardShortcut::new(ctrl_shift, Key::L),
        Command::Quit => KeyboardShortcut::new(ctrl, Key::Q),
        Command::RunSession => KeyboardShortcut::new(Modifiers::NONE, Key::F5),
        Command::NewSessionFromThis
        | Command::ClientCourse
        | Command::PrintDirect
        | Command::ChoosePlansFolder
        | Command::AddExamplePlans
        | Command::EditClientRecord => return None,
    };
    Some(shortcut)
}

pub fn extra_shortcuts(command: Command) -> &'static [KeyboardShortcut] {
    const REDO_Y: [KeyboardShortcut; 1] = [KeyboardShortcut::new(Modifiers::COMMAND, Key::Y)];
    match command {
        Command::Redo => &REDO_Y,
        _ => &[],
    }
}

/// "Ctrl+S" as this platform writes it, or nothing.
pub fn shortcut_text(ctx: &egui::Context, command: Command) -> String {
    shortcut(command)
        .map(|s| ctx.format_shortcut(&s))
        .unwrap_or_default()
}

/// Commands whose shortcut was pressed this frame. Longer combinations
/// are checked first so Ctrl+Shift+S is not also taken as Ctrl+S.
pub fn pressed(ctx: &egui::Context) -> Vec<Command> {
    let mut by_modifier_count: Vec<(Command, KeyboardShortcut)> = Command::all()
        .flat_map(|c| {
            shortcut(c)
                .into_iter()
                .chain(extra_shortcuts(c).iter().copied())
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

fn modifier_count(m: Modifiers) -> u8 {
    u8::from(m.alt) + u8::from(m.shift) + u8::from(m.ctrl || m.command || m.mac_cmd)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut seen: Vec<(KeyboardShortcut, Command)> = Vec::new();
        for command in Command::all() {
            for s in shortcut(command)
                .into_iter()
                .chain(extra_shortcuts(command).iter().copied())
            {
                if let Some((_, other)) = seen.iter().find(|(t, _)| *t == s) {
                    panic!("{command:?} and {other:?} share a shortcut");
                }
                seen.push((s, command));
            }
        }
    }
}
