//! The review of survey responses (issue 19): for each attribute, its value
//! now, the survey's, the spread that becomes its uncertainty, how many
//! firms answered and how many answers could not be read, with a box to
//! accept it. The view ticks the boxes; applying is the app's.

use super::State;
use crate::app::action::{Action, DialogAction};
use crate::app::survey::SurveyReview;
use crate::attribute::Attribute;
use crate::text::num;
use crate::text::survey::{said, survey_texts};
use egui::{RichText, Ui};

/// The dialog's width: six columns, the attribute's name the widest.
pub const REVIEW_WIDTH: f32 = 720.0;

pub fn review(ui: &mut Ui, s: &State, review: &mut SurveyReview, out: &mut Vec<Action>) {
    let t = survey_texts();
    ui.heading(t.review_title);
    ui.label(RichText::new(&review.file).small().weak());
    ui.label(said(
        |t| t.review_intro,
        &[
            ("responses", &review.result.responses_phrase()),
            ("version", &review.result.form_version),
        ],
    ));
    if let Some(left_out) = review.result.left_out() {
        ui.label(left_out);
    }
    ui.label(RichText::new(t.review_assumption).small().italics());
    ui.add_space(6.0);
    egui::Grid::new("survey-review")
        .striped(true)
        .num_columns(6)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            for head in [
                t.head_accept,
                t.head_current,
                t.head_survey,
                t.head_spread,
                t.head_n,
                t.head_unreadable,
            ] {
                ui.label(RichText::new(head).strong());
            }
            ui.end_row();
            for e in &review.result.estimates {
                row(ui, s, e, &mut review.accepted[e.attribute.index()]);
            }
        });
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let any = !review.chosen().is_empty();
        let apply = egui::Button::new(RichText::new(t.review_apply).strong());
        if ui.add_enabled(any, apply).clicked() {
            out.push(DialogAction::ApplySurvey.into());
        }
        if ui.button(t.review_cancel).clicked() {
            out.push(DialogAction::CloseDialog.into());
        }
    });
}

/// One attribute: a box named after it (ticked to accept), its value now,
/// the survey's, the spread, the firms, the unreadable answers.
fn row(ui: &mut Ui, s: &State, e: &crate::survey::Estimate, accepted: &mut bool) {
    let t = survey_texts();
    let name = name_of(s, e.attribute);
    let now = num(s.doc.preset().attributes[e.attribute]);
    match e.value {
        Some(value) => {
            ui.checkbox(accepted, name);
            ui.label(now);
            ui.label(RichText::new(num(value)).strong());
            ui.label(crate::survey::plus_minus(e.spread));
        }
        None => {
            ui.add_enabled(false, egui::Checkbox::new(&mut false, name));
            ui.label(now);
            ui.label(RichText::new(t.no_answers).weak());
            ui.label("");
        }
    }
    ui.label(e.n.to_string());
    let unreadable = RichText::new(e.unreadable.to_string());
    let unreadable = if e.unreadable > 0 {
        unreadable.color(ui.visuals().warn_fg_color)
    } else {
        unreadable
    };
    ui.label(unreadable).on_hover_text(t.unreadable_hint);
    ui.end_row();
}

fn name_of<'s>(s: &'s State, a: Attribute) -> &'s str {
    &s.model.attribute_info(a).name
}
