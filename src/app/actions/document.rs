//! Document actions: edits, gestures, undo and redo, and the active plan.
//! The selected entry stays on the entry it named, or is dropped. After a
//! change the user hears what it did (an entry added or removed, a warning
//! cleared or raised), worked out here once per change, not every frame.

use crate::app::Workbench;
use crate::app::action::{DocAction, DockTab};
use crate::app::toast::Toast;
use crate::edit::Edit;
use crate::model::warning::WarningId;
use crate::plan::Lever;
use crate::text::{fill, texts};

/// A plan's entries by lever, each with its name.
type Entries = Vec<(Lever, String)>;

/// What the user is looking at, to tell what a change did to it.
struct Outlook {
    revision: u64,
    plans: usize,
    /// The active plan's index, name and entries.
    plan: Option<(usize, String, Entries)>,
    /// The active plan's warnings (the cluster's without a plan).
    warnings: Vec<WarningId>,
}

impl Workbench {
    pub(super) fn run_document(&mut self, action: DocAction) {
        let before = self.outlook();
        self.run_document_action(action);
        self.confirm(before);
    }

    fn run_document_action(&mut self, action: DocAction) {
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
        // A new plan opens in the plan editor, ready for its first entry.
        let new_plan = matches!(edit, Edit::AddPlan { .. } | Edit::DuplicatePlan { .. });
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
                if new_plan {
                    self.settings.dock = DockTab::Plan;
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

    /// The active plan and its warnings, as the window shows them now.
    fn outlook(&self) -> Outlook {
        let active = self.doc.active_plan();
        let plan = active.and_then(|i| {
            let p = self.doc.preset().plan(i)?;
            let entries = p
                .entries
                .iter()
                .map(|e| (e.lever.clone(), e.name(&self.model).to_owned()))
                .collect();
            Some((i, p.name.clone(), entries))
        });
        let warnings = self.doc.evaluation().warnings(active);
        Outlook {
            revision: self.doc.revision(),
            plans: self.doc.preset().plans.len(),
            plan,
            warnings: warnings.iter().map(|w| w.id).collect(),
        }
    }

    /// Tells the user what a change did to the plan they look at: an entry
    /// added or removed, a warning cleared or raised. Nothing when nothing
    /// changed, or when another plan is now shown (its tab says so).
    fn confirm(&mut self, before: Outlook) {
        let after = self.outlook();
        if after.revision == before.revision
            || after.plans != before.plans
            || after.plan.as_ref().map(|p| p.0) != before.plan.as_ref().map(|p| p.0)
        {
            return;
        }
        let t = texts();
        let mut lines = Vec::new();
        if let (Some((_, _, was)), Some((_, name, now))) = (&before.plan, &after.plan) {
            lines.extend(entry_change(was, now).map(|(added, entry)| {
                let template = if added {
                    t.notice_added
                } else {
                    t.notice_removed
                };
                fill(template, &[("entry", entry), ("plan", name)])
            }));
        }
        let title = |id: WarningId| self.model.warning(id).title.clone();
        for &id in before
            .warnings
            .iter()
            .filter(|w| !after.warnings.contains(w))
        {
            lines.push(fill(t.notice_cleared, &[("title", &title(id))]));
        }
        for &id in after
            .warnings
            .iter()
            .filter(|w| !before.warnings.contains(w))
        {
            lines.push(fill(t.notice_warned, &[("title", &title(id))]));
        }
        if !lines.is_empty() {
            self.view.toast = Some(Toast::new(lines));
        }
    }
}

/// The one entry added (`true`) or removed (`false`) between two lists of a
/// plan's entries, with its name; `None` when the change was another.
fn entry_change<'a>(
    was: &'a [(Lever, String)],
    now: &'a [(Lever, String)],
) -> Option<(bool, &'a str)> {
    let (longer, shorter, added) = match now.len().checked_sub(was.len()) {
        Some(1) => (now, was, true),
        _ if was.len().checked_sub(now.len()) == Some(1) => (was, now, false),
        _ => return None,
    };
    // The first place the lists differ is the entry that came or went.
    let entry = longer
        .iter()
        .enumerate()
        .find(|(i, e)| shorter.get(*i).map(|s| &s.0) != Some(&e.0))?
        .1;
    Some((added, entry.1.as_str()))
}
