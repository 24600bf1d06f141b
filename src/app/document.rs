//! The open document: the preset being edited, where it came from, its undo
//! history and its evaluation. Every edit goes through [`Document::apply`],
//! the one place where undo is recorded and the evaluation is refreshed.

use crate::attribute::Attribute;
use crate::evaluation::{Evaluation, evaluate};
use crate::model::Model;
use crate::preset::Preset;
use std::path::PathBuf;

/// How many steps undo remembers.
const UNDO_LIMIT: usize = 200;

/// Where the document came from, which decides what Save does.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    /// A new cluster never saved: Save asks for a file.
    Untitled,
    /// A preset shipped with the workbench (its file name): Save asks for a
    /// file, so the shipped one is never overwritten.
    BuiltIn(String),
    /// A file on disk: Save writes it.
    File(PathBuf),
}

/// One change to the document, as a value.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Set an attribute to a value in 0..=1.
    SetAttribute(Attribute, f64),
}

/// The document and everything derived from it.
pub struct Document {
    preset: Preset,
    /// The preset as last loaded or saved: the document is dirty when it differs.
    saved: Preset,
    origin: Origin,
    undo: Vec<Preset>,
    redo: Vec<Preset>,
    /// The attribute of the slider gesture in progress, if any: its edits merge
    /// into one undo step.
    gesture: Option<Attribute>,
    evaluation: Evaluation,
}

impl Document {
    /// A document showing `preset`, with an empty history.
    pub fn new(model: &Model, preset: Preset, origin: Origin) -> Self {
        let evaluation = evaluate(model, &preset);
        Document {
            saved: preset.clone(),
            preset,
            origin,
            undo: Vec::new(),
            redo: Vec::new(),
            gesture: None,
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
    pub fn origin(&self) -> &Origin {
        &self.origin
    }

    /// Whether there are changes since the last load or save.
    pub fn is_dirty(&self) -> bool {
        self.preset != self.saved
    }

    /// Applies an edit. With `merge`, an edit of the same attribute as the
    /// gesture in progress joins its undo step (one slider drag, one step).
    pub fn apply(&mut self, model: &Model, edit: Edit, merge: bool) {
        let Edit::SetAttribute(attribute, value) = edit;
        let value = value.clamp(0.0, 1.0);
        if !value.is_finite() || self.preset.attributes[attribute] == value {
            return;
        }
        let joins = merge && self.gesture == Some(attribute);
        if !joins {
            self.push_undo();
        }
        self.gesture = Some(attribute);
        self.preset.attributes[attribute] = value;
        self.refresh(model);
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
        let Some(previous) = from.pop() else {
            return false;
        };
        to.push(std::mem::replace(&mut self.preset, previous));
        self.gesture = None;
        self.refresh(model);
        true
    }

    fn push_undo(&mut self) {
        self.undo.push(self.preset.clone());
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Records a successful save of `written` (the document as it was when the
    /// save began): the document now lives at `origin`, and is clean unless
    /// it was edited while the file was being written.
    pub fn mark_saved(&mut self, written: Preset, origin: Origin) {
        self.saved = written;
        self.origin = origin;
    }

    fn refresh(&mut self, model: &Model) {
        self.evaluation = evaluate(model, &self.preset);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> (Model, Document) {
        let m = Model::default_model().unwrap();
        let p = Preset::new_untitled(&m, "t");
        let d = Document::new(&m, p, Origin::Untitled);
        (m, d)
    }

    #[test]
    fn a_gesture_is_one_undo_step_and_undo_restores() {
        let (m, mut d) = doc();
        let a = Attribute::Associations;
        d.end_gesture();
        for v in [0.6, 0.7, 0.8] {
            d.apply(&m, Edit::SetAttribute(a, v), true);
        }
        d.end_gesture();
        d.apply(&m, Edit::SetAttribute(a, 0.9), true);
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
        d.apply(&m, Edit::SetAttribute(a, 0.6), false);
        d.apply(&m, Edit::SetAttribute(a, 0.7), false);
        d.undo(&m);
        assert!(d.can_redo());
        d.apply(&m, Edit::SetAttribute(a, 0.1), false);
        assert!(!d.can_redo());
        d.undo(&m);
        assert_eq!(d.preset().attributes[a], 0.6);
    }
}
