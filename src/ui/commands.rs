//! The commands a menu item and a key both give, each defined once: its
//! label, its keys and its action. The menus draw their items from this
//! table and the key handling consumes the same one, so what a menu says a
//! key does is what the key does.

use crate::app::action::{Action, DocAction, FileAction, ViewAction};
use crate::text::texts;
use egui::{Key, KeyboardShortcut, Modifiers};

/// A command of the menus that a key also gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    New,
    Open,
    Save,
    SaveAs,
    CopyLink,
    Quit,
    Undo,
    Redo,
    CopyChartData,
    Present,
}

/// What a command is: its words in the menu, its keys, what it does.
#[derive(Debug, Clone, PartialEq)]
pub struct Definition {
    /// The menu item's words.
    pub label: &'static str,
    /// The key the menu shows beside the label.
    pub key: KeyboardShortcut,
    /// Another key for the same command, not shown (Ctrl+Y for redo).
    pub also: Option<KeyboardShortcut>,
    /// What the menu item and the keys give.
    pub action: Action,
}

const fn ctrl(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn alone(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

const fn ctrl_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

impl Command {
    /// Every command, in the menus' order.
    pub const ALL: [Command; 10] = [
        Command::New,
        Command::Open,
        Command::Save,
        Command::SaveAs,
        Command::CopyLink,
        Command::Quit,
        Command::Undo,
        Command::Redo,
        Command::CopyChartData,
        Command::Present,
    ];

    /// The command's label, keys and action. `presenting` says whether
    /// workshop mode is on: its key enters it or leaves it.
    pub fn definition(self, presenting: bool) -> Definition {
        let t = texts();
        match self {
            Command::New => define(t.new_cluster, ctrl(Key::N), FileAction::New),
            Command::Open => define(t.open, ctrl(Key::O), FileAction::Open),
            Command::Save => define(t.save, ctrl(Key::S), FileAction::Save),
            Command::SaveAs => define(t.save_as, ctrl_shift(Key::S), FileAction::SaveAs),
            // L for link.
            Command::CopyLink => define(t.copy_link, ctrl_shift(Key::L), FileAction::CopyLink),
            Command::Quit => define(t.quit, ctrl(Key::Q), FileAction::Quit),
            Command::Undo => define(t.undo, ctrl(Key::Z), DocAction::Undo),
            Command::Redo => Definition {
                also: Some(ctrl(Key::Y)),
                ..define(t.redo, ctrl_shift(Key::Z), DocAction::Redo)
            },
            Command::CopyChartData => {
                define(t.copy_chart, ctrl_shift(Key::C), FileAction::CopyChartData)
            }
            Command::Present => {
                define(t.present, alone(Key::F11), ViewAction::Present(!presenting))
            }
        }
    }
}

fn define(label: &'static str, key: KeyboardShortcut, action: impl Into<Action>) -> Definition {
    Definition {
        label,
        key,
        also: None,
        action: action.into(),
    }
}

/// Every key of every command with the action it gives, a key with Shift
/// or Alt before the others: egui takes Ctrl+Z as pressed when Ctrl+Shift+Z
/// is, so checked first it would take redo's key for undo.
pub fn keys(presenting: bool) -> Vec<(KeyboardShortcut, Action)> {
    let mut keys: Vec<(KeyboardShortcut, Action)> = Command::ALL
        .iter()
        // A page is closed by its tab, not by the workbench.
        .filter(|c| crate::platform::CAN_QUIT || !matches!(c, Command::Quit))
        .flat_map(|c| {
            let d = c.definition(presenting);
            std::iter::once(d.key)
                .chain(d.also)
                .map(move |key| (key, d.action.clone()))
        })
        .collect();
    // A stable sort: otherwise the order of the table.
    keys.sort_by_key(|(key, _)| !(key.modifiers.shift || key.modifiers.alt));
    keys
}

/// The actions of the commands whose keys were pressed this frame.
pub fn pressed(ctx: &egui::Context, presenting: bool, out: &mut Vec<Action>) {
    ctx.input_mut(|input| {
        for (key, action) in keys(presenting) {
            if input.consume_shortcut(&key) {
                out.push(action);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_with_shift_is_checked_before_the_same_key_without() {
        let order: Vec<KeyboardShortcut> = keys(false).into_iter().map(|(k, _)| k).collect();
        let at = |k: KeyboardShortcut| order.iter().position(|o| *o == k);
        assert!(at(ctrl_shift(Key::Z)) < at(ctrl(Key::Z)), "{order:?}");
        assert!(at(ctrl_shift(Key::S)) < at(ctrl(Key::S)), "{order:?}");
        assert!(at(ctrl(Key::Z)).is_some() && at(ctrl(Key::S)).is_some());
    }

    #[test]
    fn every_key_gives_one_command() {
        let keys = keys(false);
        for (i, (k, _)) in keys.iter().enumerate() {
            assert!(!keys[i + 1..].iter().any(|(o, _)| o == k), "{k:?} twice");
        }
        assert_eq!(keys.len(), 11, "ten commands, redo with two keys");
    }

    #[test]
    fn the_workshop_key_enters_and_leaves() {
        let present = |on| Command::Present.definition(on).action;
        assert_eq!(present(false), ViewAction::Present(true).into());
        assert_eq!(present(true), ViewAction::Present(false).into());
    }
}
