//! How actions are applied, once per frame and in one place. [`Workbench::apply`]
//! asks before unsaved changes are lost, then each kind of action goes to
//! its own file: [`document`] (edits, undo), [`file`] (files, pictures, the
//! clipboard, quitting), [`view`] (what the window shows) and [`dialog`]
//! (asking, answering, closing).

mod dialog;
mod document;
mod file;
mod view;

use super::action::Action;
use super::{Dialog, Workbench};
use crate::text::texts;

impl Workbench {
    /// Applies an action, first asking before unsaved changes are discarded.
    pub fn apply(&mut self, action: Action, ctx: &egui::Context) {
        if action.discards_document() && self.close_needs_confirmation() {
            self.dialog = Some(Dialog::Unsaved {
                then: Box::new(action),
            });
            return;
        }
        self.run(action, ctx);
        // Work offered back waits while another dialog is open.
        self.offer_next();
    }

    /// Applies an action without asking about unsaved changes (nothing is
    /// lost, or the user has answered). What would start another file
    /// dialog or read waits while one is open: it is refused with a note.
    fn run(&mut self, action: Action, ctx: &egui::Context) {
        if action.waits_for_files() && self.files.is_asking() {
            self.view.status = Some(texts().files_busy.to_owned());
            return;
        }
        match action {
            Action::Document(action) => self.run_document(action),
            Action::File(action) => self.run_file(action, ctx),
            Action::View(action) => self.run_view(action, ctx),
            Action::Dialog(action) => self.run_dialog(action, ctx),
        }
    }
}
