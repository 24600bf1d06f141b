//! Document actions: edits, gestures, undo and redo, and the active plan.
//! The selected entry stays on the entry it named, or is dropped.

use crate::app::Workbench;
use crate::app::action::DocAction;
use crate::edit::Edit;
use crate::plan::Lever;
use crate::text::texts;

impl Workbench {
    pub(super) fn run_document(&mut self, action: DocAction) {
        match action {
            DocAction::Edit { edit, merge } => self.edit(edit, merge),
            DocAction::EndGesture => self.doc.end_gesture(),
            DocAction::Undo => {
                let before = self.selected_lever();
                self.doc.undo(&self.model);
                self.keep_selection(before);
            }
            DocAction::Redo => {
                let before = self.selected_lever();
                self.doc.redo(&self.model);
                self.keep_selection(before);
            }
            DocAction::SetActivePlan(plan) => {
                self.doc.set_active_plan(plan);
                self.view.selected_entry = None;
                self.view.chain_box = None;
            }
        }
    }

    /// Applies an edit to the document; a refused edit changes nothing and
    /// says why.
    fn edit(&mut self, edit: Edit, merge: bool) {
        let added_entry = match &edit {
            Edit::AddCatalogueEntry { plan, .. } | Edit::AddCustomEntry { plan, .. } => Some(*plan),
            _ => None,
        };
        // An entry moved within its year takes the selection with it (two
        // entries of one intervention would otherwise swap it unseen).
        let swapped = match &edit {
            Edit::MoveWithinYear {
                plan,
                entry,
                earlier,
            } if self.doc.active_plan() == Some(*plan) => self
                .doc
                .preset()
                .plan(*plan)
                .and_then(|p| p.neighbour_in_year(*entry, *earlier))
                .map(|other| (*entry, other)),
            _ => None,
        };
        let before = self.selected_lever();
        match self.doc.apply(&self.model, edit, merge) {
            Ok(()) => {
                if let Some((a, b)) = swapped {
                    self.view.selected_entry = match self.view.selected_entry {
                        Some(e) if e == a => Some(b),
                        Some(e) if e == b => Some(a),
                        other => other,
                    };
                }
                self.keep_selection(before);
                // A new entry is selected, so it can be set up at once.
                if let Some(plan) = added_entry {
                    let count = self.doc.preset().plan(plan).map_or(0, |p| p.entries.len());
                    self.view.selected_entry = count.checked_sub(1);
                }
            }
            Err(e) => {
                self.doc.end_gesture();
                let t = texts();
                self.error(t.edit_refused.to_owned(), e.to_string(), t.kept_as_it_was);
            }
        }
    }

    /// The selected entry: the active plan's index and the entry's lever.
    fn selected_lever(&self) -> Option<(usize, Lever)> {
        let plan = self.doc.active_plan()?;
        let entry = self.view.selected_entry?;
        let lever = &self.doc.preset().plan(plan)?.entries.get(entry)?.lever;
        Some((plan, lever.clone()))
    }

    /// Keeps the selected entry only where it is still the same entry of the
    /// same active plan: after a deletion, a move or an undo it may not be.
    fn keep_selection(&mut self, before: Option<(usize, Lever)>) {
        if self.selected_lever() != before {
            self.view.selected_entry = None;
        }
    }
}
