//! Keyboard shortcuts, defined once for the menus (which show them) and for
//! the key handling.

use crate::app::action::{Action, DocAction, FileAction, ViewAction};
use egui::{Key, KeyboardShortcut, Modifiers};

pub const NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
pub const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
pub const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
pub const SAVE_AS: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
pub const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
pub const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
pub const REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
pub const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
pub const PRESENT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F11);
pub const COPY_CHART: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::C);

/// The actions of the shortcuts pressed this frame. A shortcut with Shift is
/// checked before the same one without: egui matches Ctrl+Z on Ctrl+Shift+Z.
pub fn collect(ctx: &egui::Context, presenting: bool, out: &mut Vec<Action>) {
    let table = [
        (COPY_CHART, FileAction::CopyChartData.into()),
        (SAVE_AS, FileAction::SaveAs.into()),
        (SAVE, FileAction::Save.into()),
        (REDO, DocAction::Redo.into()),
        (REDO_Y, DocAction::Redo.into()),
        (UNDO, DocAction::Undo.into()),
        (NEW, FileAction::New.into()),
        (OPEN, FileAction::Open.into()),
        (QUIT, FileAction::Quit.into()),
        (PRESENT, ViewAction::Present(!presenting).into()),
    ];
    ctx.input_mut(|input| {
        for (shortcut, action) in table {
            if input.consume_shortcut(&shortcut) {
                out.push(action);
            }
        }
    });
}

/// How a shortcut is written in a menu.
pub fn label(ctx: &egui::Context, shortcut: &KeyboardShortcut) -> String {
    ctx.format_shortcut(shortcut)
}
