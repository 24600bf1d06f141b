//! The form for a custom intervention: a name, a side, a start year and a
//! change for any attribute but firm capability, checked as it is filled in
//! by the rules a preset file is read with.

use super::State;
use crate::app::action::{Action, DialogAction, DocAction};
use crate::app::custom::CustomDraft;
use crate::model::catalogue::Side;
use crate::text::texts;
use egui::{RichText, Ui};

/// Draws the form inside its dialog.
pub fn form(ui: &mut Ui, s: &State, draft: &mut CustomDraft, out: &mut Vec<Action>) {
    let t = texts();
    ui.heading(t.custom_title);
    ui.label(RichText::new(t.custom_hint).small());
    ui.add_space(4.0);
    let label = ui.label(t.custom_name_label);
    let field = ui
        .add(egui::TextEdit::singleline(&mut draft.name).desired_width(420.0))
        .labelled_by(label.id);
    super::dialogs::focus_once(ui, &field, &draft.name);
    ui.horizontal(|ui| {
        ui.label(t.custom_side_label);
        for side in Side::ALL {
            ui.radio_value(&mut draft.side, side, s.side_name(side));
        }
    });
    ui.horizontal(|ui| {
        let label = ui.label(t.start_year_label);
        ui.add(super::fields::years_field(
            &mut draft.start_year,
            0,
            s.doc.preset().horizon_years,
        ))
        .labelled_by(label.id);
    });
    ui.add_space(4.0);
    ui.label(RichText::new(t.custom_effects_label).strong());
    egui::Grid::new("custom-effects")
        .num_columns(4)
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            for (n, a) in CustomDraft::attributes().enumerate() {
                let label = ui.label(&s.model.attribute_info(a).name);
                ui.add(
                    super::fields::decimal_field(&mut draft.effects[a.index()], 2)
                        .range(-1.0..=1.0)
                        .speed(0.01),
                )
                .labelled_by(label.id);
                if n % 2 == 1 {
                    ui.end_row();
                }
            }
        });
    let edit = draft.edit();
    if let Err(e) = &edit {
        ui.label(RichText::new(e.to_string()).color(ui.visuals().error_fg_color));
    }
    if super::dialogs::ok_cancel(ui, &field, edit.is_ok(), out)
        && let Ok(edit) = edit
    {
        out.push(DialogAction::CloseDialog.into());
        out.push(DocAction::Edit { edit, merge: false }.into());
    }
}
