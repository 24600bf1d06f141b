//! The open document: the preset being edited, where it came from, which plan
//! is active, its undo history and its evaluation. Every edit goes through
//! [`Document::apply`], the one place where undo is recorded and the
//! evaluation is refreshed.

use crate::edit::{Edit, EditError, Focus, Target};
use crate::evaluation::{Evaluation, evaluate};
use crate::location::Location;
use crate::model::Model;
use crate::preset::Preset;
use std::sync::atomic::{AtomicU64, Ordering};

/// How many steps undo remembers.
const UNDO_LIMIT: usize = 200;

/// The document and everything derived from it.
pub struct Document {
    preset: Preset,
    /// The preset as last loaded or saved: the document is dirty when it differs.
    saved: Preset,
    /// Where it came from, which decides what Save does.
    origin: Location,
    /// Earlier states, each with the plan that was active in it.
    undo: Vec<(Preset, usize)>,
    redo: Vec<(Preset, usize)>,
    /// What the gesture in progress changes, if any: its edits merge into one
    /// undo step (one slider drag, one step).
    gesture: Option<Target>,
    /// The plan the matrix, banner and warnings show (an index into the
    /// plans; meaningless when there are none). Not saved, not an undo step.
    active: usize,
    evaluation: Evaluation,
    /// Which document this is: a save reports back to the document it
    /// wrote, not to one opened since.
    id: u64,
    /// Changes on every change to the preset (never repeats across
    /// documents), so autosave can tell there is something new to keep.
    revision: u64,
    /// Restored from a recovery file: unsaved whatever the comparison says,
    /// until saved.
    restored: bool,
}

/// Numbers for [`Document::id`] and [`Document::revision`].
fn next_number() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl Document {
    /// A document showing `preset`, with an empty history and its first plan
    /// active.
    pub fn new(model: &Model, preset: Preset, origin: Location) -> Self {
        let evaluation = evaluate(model, &preset);
        let id = next_number();
        Document {
            id,
            revision: id,
            restored: false,
            saved: preset.clone(),
            preset,
            origin,
            undo: Vec::new(),
            redo: Vec::new(),
            gesture: None,
            active: 0,
            evaluation,
        }
    }

    /// The preset as edited.
    pub fn preset(&self) -> &Preset {
        &self.preset
    }

    /// The evaluation of the preset as edited.
    pub fn evaluation(&self) -> &Evaluation {
        &self.evaluation
    }

    /// Where the document came from.
    pub fn origin(&self) -> &Location {
        &self.origin
    }

    /// Whether Save writes straight to the document's file (otherwise it
    /// asks where).
    pub fn saves_in_place(&self) -> bool {
        matches!(self.origin, Location::File(_))
    }

    /// The active plan, `None` when the preset has no plans.
    pub fn active_plan(&self) -> Option<usize> {
        (self.active < self.preset.plans.len()).then_some(self.active)
    }

    /// Makes a plan active (not an undo step, not a change to the file).
    pub fn set_active_plan(&mut self, plan: usize) {
        if plan < self.preset.plans.len() {
            self.active = plan;
        }
    }

    /// Unsaved work given back after a crash: it belongs to `origin` but
    /// is not saved there.
    pub fn restored(model: &Model, preset: Preset, origin: Location) -> Self {
        let mut doc = Document::new(model, preset, origin);
        doc.restored = true;
        doc
    }

    /// Whether there are changes since the last load or save.
    pub fn is_dirty(&self) -> bool {
        self.restored || self.preset != self.saved
    }

    /// Which document this is (see the field).
    pub fn id(&self) -> u64 {
        self.id
    }

    /// Changes whenever the preset does.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Applies an edit, or refuses it with the reason and changes nothing.
    /// The edit keeps its value as the window shows it (rounded, within its
    /// range: see [`crate::edit`]); one that leaves the preset as it was
    /// records no undo step. With `merge`, an edit of what the gesture in
    /// progress changes joins its undo step.
    pub fn apply(&mut self, model: &Model, edit: Edit, merge: bool) -> Result<(), EditError> {
        let target = edit.target();
        let mut next = self.preset.clone();
        let focus = edit.apply(&mut next, model)?;
        if next == self.preset {
            return Ok(());
        }
        let joins = merge && target.is_some() && self.gesture == target;
        if !joins {
            self.push_undo();
        }
        self.gesture = target;
        self.preset = next;
        match focus {
            Focus::Keep => {}
            Focus::Plan(i) => self.active = i,
            // The next plan takes the deleted one's place; after the last,
            // the one before it.
            Focus::Deleted(i) if i < self.active => self.active -= 1,
            Focus::Deleted(_) => {}
        }
        self.refresh(model);
        Ok(())
    }

    /// Ends the gesture in progress: the next edit starts a new undo step.
    pub fn end_gesture(&mut self) {
        self.gesture = None;
    }

    /// Steps back; false when there is nothing to undo.
    pub fn undo(&mut self, model: &Model) -> bool {
        self.step(model, true)
    }

    /// Steps forward again; false when there is nothing to redo.
    pub fn redo(&mut self, model: &Model) -> bool {
        self.step(model, false)
    }

    /// Whether undo / redo have anything to do.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// See [`Document::can_undo`].
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    fn step(&mut self, model: &Model, back: bool) -> bool {
        let (from, to) = if back {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some((previous, active)) = from.pop() else {
            return false;
        };
        to.push((std::mem::replace(&mut self.preset, previous), self.active));
        // The plan that was active in that state is active again, so undoing
        // a deletion does not quietly switch to another plan.
        self.active = active;
        self.gesture = None;
        self.refresh(model);
        true
    }

    fn push_undo(&mut self) {
        self.undo.push((self.preset.clone(), self.active));
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Records a successful save of `written` (the document as it was when the
    /// save began): the document now lives at `origin`, and is clean unless
    /// it was edited while the file was being written.
    pub fn mark_saved(&mut self, written: Preset, origin: Location) {
        self.saved = written;
        self.origin = origin;
        self.restored = false;
    }

    /// Evaluates again with `model` (the same numbers in other words): a new
    /// revision, so that every cache keyed by it makes its texts again; the
    /// preset, its undo history and whether it is saved stay as they were.
    pub fn reword(&mut self, model: &Model) {
        self.refresh(model);
    }

    fn refresh(&mut self, model: &Model) {
        self.revision = next_number();
        // An undo may take away the active plan; the last one left takes over.
        self.active = self.active.min(self.preset.plans.len().saturating_sub(1));
        self.evaluation = evaluate(model, &self.preset);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribute::Attribute;

    fn doc() -> (Model, Document) {
        let m = Model::default_model().unwrap();
        let p = Preset::new_untitled(&m, "t");
        let d = Document::new(&m, p, Location::Untitled);
        (m, d)
    }

    fn set(d: &mut Document, m: &Model, a: Attribute, v: f64, merge: bool) {
        d.apply(m, Edit::SetAttribute(a, v), merge).unwrap();
    }

    #[test]
    fn a_gesture_is_one_undo_step_and_undo_restores() {
        let (m, mut d) = doc();
        let a = Attribute::Associations;
        d.end_gesture();
        for v in [0.6, 0.7, 0.8] {
            set(&mut d, &m, a, v, true);
        }
        d.end_gesture();
        set(&mut d, &m, a, 0.9, true);
        assert!(d.is_dirty());
        assert!(d.undo(&m));
        assert_eq!(d.preset().attributes[a], 0.8);
        assert!(d.undo(&m));
        assert_eq!(d.preset().attributes[a], 0.5);
        assert!(!d.is_dirty());
        assert!(!d.undo(&m));
        assert!(d.redo(&m));
        assert_eq!(d.preset().attributes[a], 0.8);
        assert_eq!(d.evaluation(), &evaluate(&m, d.preset()));
    }

    #[test]
    fn edits_without_merge_are_separate_steps_and_clear_redo() {
        let (m, mut d) = doc();
        let a = Attribute::ClusterSize;
        set(&mut d, &m, a, 0.6, false);
        set(&mut d, &m, a, 0.7, false);
        d.undo(&m);
        assert!(d.can_redo());
        set(&mut d, &m, a, 0.1, false);
        assert!(!d.can_redo());
        d.undo(&m);
        assert_eq!(d.preset().attributes[a], 0.6);
    }

    #[test]
    fn a_refused_edit_changes_nothing_and_records_no_step() {
        let (m, mut d) = doc();
        let before = d.preset().clone();
        let err = d.apply(
            &m,
            Edit::SetAttribute(Attribute::ClusterSize, f64::NAN),
            false,
        );
        assert!(err.is_err());
        assert_eq!(d.preset(), &before);
        assert!(!d.can_undo());
    }

    #[test]
    fn a_step_past_an_end_is_kept_at_the_end_and_records_no_step() {
        let (m, mut d) = doc();
        let a = Attribute::ClusterSize;
        set(&mut d, &m, a, 1.5, false);
        assert_eq!(d.preset().attributes[a], 1.0);
        assert!(d.can_undo());
        d.undo(&m);
        set(&mut d, &m, a, 1.0, false);
        // Already at the end: a further step changes nothing, so there is
        // nothing to undo beyond the first.
        set(&mut d, &m, a, 1.01, false);
        d.undo(&m);
        assert!(!d.can_undo());
    }

    #[test]
    fn the_active_plan_follows_adds_deletes_and_undo() {
        let (m, mut d) = doc();
        assert_eq!(d.active_plan(), None);
        for name in ["A", "B", "C"] {
            d.apply(&m, Edit::AddPlan { name: name.into() }, false)
                .unwrap();
        }
        assert_eq!(d.active_plan(), Some(2), "a new plan becomes active");
        d.set_active_plan(1);
        assert_eq!(d.undo.len(), 3, "choosing a plan is not an undo step");
        d.apply(&m, Edit::DeletePlan { plan: 1 }, false).unwrap();
        assert_eq!(d.active_plan(), Some(1), "the next plan takes over");
        assert_eq!(d.preset().plans[1].name, "C");
        d.apply(&m, Edit::DeletePlan { plan: 1 }, false).unwrap();
        assert_eq!(d.active_plan(), Some(0), "after the last, the one before");
        d.apply(&m, Edit::DeletePlan { plan: 0 }, false).unwrap();
        assert_eq!(d.active_plan(), None);
        d.undo(&m);
        assert_eq!(d.active_plan(), Some(0));
        assert_eq!(d.preset().plans[0].name, "A");
        // Undoing the deletion of a plan before the active one keeps the
        // same plan active.
        d.undo(&m);
        d.undo(&m);
        assert_eq!(d.preset().plans.len(), 3);
        d.set_active_plan(2);
        d.apply(&m, Edit::DeletePlan { plan: 0 }, false).unwrap();
        assert_eq!(d.preset().plans[d.active_plan().unwrap()].name, "C");
        d.undo(&m);
        assert_eq!(d.preset().plans[d.active_plan().unwrap()].name, "C");
        // An edit and its undo leave the document clean.
        while d.undo(&m) {}
        assert!(!d.is_dirty());
    }
}
