//! Where each attribute's value came from (issue 19): on the slider's
//! hover, and in About this cluster, where the officer can also write it.

use super::State;
use crate::app::action::{Action, DocAction};
use crate::attribute::Attribute;
use crate::edit::Edit;
use crate::text::survey::{said, survey_texts};
use egui::{RichText, Ui};

/// "Where it came from: 0.35, from 48 firms, spread ±0.12 (…)", for an
/// attribute with evidence.
pub fn line(s: &State, a: Attribute) -> Option<String> {
    let p = s.doc.preset();
    let e = p.evidence.get(a)?;
    Some(said(
        |t| t.evidence_hover,
        &[("evidence", &e.describe(p.attributes[a]))],
    ))
}

/// Each attribute with where its value came from, and a note to write.
pub fn section(ui: &mut Ui, s: &State, out: &mut Vec<Action>) {
    let t = survey_texts();
    let p = s.doc.preset();
    ui.add_space(4.0);
    ui.label(RichText::new(t.evidence_heading).small().strong());
    if p.evidence.iter().any(|(_, e)| e.survey.is_some()) {
        ui.label(RichText::new(t.review_assumption).small().italics());
    }
    for a in Attribute::ALL {
        let name = &s.model.attribute_info(a).name;
        let evidence = p.evidence.get(a);
        let value = p.attributes[a];
        let shown = match evidence {
            Some(e) => e
                .survey_line(value)
                .unwrap_or_else(|| crate::text::num(value)),
            None => t.evidence_none.to_owned(),
        };
        let label = ui.label(RichText::new(crate::words::labelled(name, &shown)).small());
        note_field(ui, a, evidence.and_then(|e| e.note.clone()), label.id, out);
    }
}

/// The officer's note on one attribute: typing is one undo step until the
/// field loses focus.
fn note_field(
    ui: &mut Ui,
    a: Attribute,
    note: Option<String>,
    label: egui::Id,
    out: &mut Vec<Action>,
) {
    let t = survey_texts();
    let mut text = note.unwrap_or_default();
    let r = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .desired_width(f32::INFINITY)
                .hint_text(t.evidence_note_hint)
                .char_limit(crate::survey::evidence::MAX_NOTE_CHARS),
        )
        .labelled_by(label);
    if r.changed() {
        out.push(Action::Document(DocAction::Edit {
            edit: Edit::SetEvidenceNote(a, Some(text)),
            merge: true,
        }));
    }
    if r.lost_focus() {
        out.push(DocAction::EndGesture.into());
    }
}
