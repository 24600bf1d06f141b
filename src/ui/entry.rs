//! The plan editor's controls: the header (the plan's commands, the horizon,
//! adding interventions from the catalogue or of one's own) and the inspector
//! of the selected entry (start year, intensity, cost, order within its year,
//! removal) or, with none selected, the plan's note.

use super::State;
use super::fields::{edit_from, end_of_drag, money_field, years_field};
use crate::app::action::{Action, DialogAction, DocAction, ViewAction};
use crate::edit::Edit;
use crate::model::catalogue::Intervention;
use crate::plan::rules::MAX_HORIZON;
use crate::plan::{Plan, PlanEntry};
use crate::text::{fill, signed_number, texts};
use crate::words::amount;
use egui::{RichText, Slider, Ui};

/// Effects at a given intensity in words: "external buyers +0.35".
pub fn effects_text(s: &State, effects: &[(crate::attribute::Attribute, f64)]) -> String {
    let parts = effects
        .iter()
        .map(|(a, d)| {
            format!(
                "{} {}",
                s.model.attribute_in_sentence(*a),
                signed_number(*d, 2)
            )
        })
        .collect::<Vec<_>>();
    crate::words::listed(&parts)
}

/// The header: the plan's name and commands, the horizon, adding entries.
pub fn header(ui: &mut Ui, s: &State, index: usize, plan: &Plan, out: &mut Vec<Action>) {
    let t = texts();
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(&plan.name)
                .strong()
                .size(super::theme::size::PLAN_TITLE),
        );
        let labels = [
            t.rename_this_plan,
            t.duplicate_this_plan,
            t.delete_this_plan,
        ];
        super::plans::plan_commands(ui, index, labels, out);
        ui.separator();
        catalogue_menu(ui, s, index, out);
        if ui.button(t.add_custom).clicked() {
            out.push(DialogAction::AskCustomIntervention.into());
        }
        ui.separator();
        let label = ui.label(t.horizon_label);
        let mut horizon = s.doc.preset().horizon_years;
        let r = ui
            .add(years_field(&mut horizon, 1, MAX_HORIZON).suffix(t.years_suffix))
            .labelled_by(label.id)
            .on_hover_text(t.horizon_hint);
        if r.changed() {
            edit_from(&r, Edit::SetHorizon(horizon), out);
        } else {
            end_of_drag(&r, out);
        }
    });
}

/// "Add intervention": the catalogue, each with its side, effects, unit cost
/// and (on hover) its evidence.
fn catalogue_menu(ui: &mut Ui, s: &State, plan: usize, out: &mut Vec<Action>) {
    let t = texts();
    ui.menu_button(t.add_intervention, |ui| {
        ui.set_min_width(380.0);
        ui.label(RichText::new(t.add_intervention_hint).small().weak());
        for item in &s.model.catalogue {
            let button = egui::Button::new(catalogue_line(ui, s, item));
            let hover = s
                .model
                .intervention_words(item)
                .map_or_else(String::new, |info| {
                    let evidence = crate::words::labelled(t.evidence_label, &info.evidence);
                    format!("{}\n\n{evidence}", info.description)
                });
            if ui.add(button).on_hover_text(hover).clicked() {
                out.push(Action::add_intervention(plan, &item.id));
                ui.close();
            }
        }
    });
}

/// A catalogue item in the menu: name, then side, effects and unit cost.
fn catalogue_line(ui: &Ui, s: &State, item: &Intervention) -> egui::text::LayoutJob {
    let t = texts();
    let cost = s.doc.preset().unit_costs.get(&item.id).map_or_else(
        || t.no_unit_cost.to_owned(),
        |c| {
            let currency = s.doc.preset().currency.as_deref();
            fill(t.unit_cost_line, &[("value", &amount(c, currency))])
        },
    );
    let details = format!(
        "{} · {} · {}",
        s.side_name(item.side),
        effects_text(s, &item.effects),
        cost
    );
    let mut job = egui::text::LayoutJob::default();
    let style = ui.style().clone();
    RichText::new(format!("{}\n", item.name))
        .strong()
        .append_to(
            &mut job,
            &style,
            egui::FontSelection::Default,
            egui::Align::Min,
        );
    RichText::new(details).small().append_to(
        &mut job,
        &style,
        egui::FontSelection::Default,
        egui::Align::Min,
    );
    job
}

/// The selected entry's controls, or the plan's note when none is selected.
pub fn inspector(ui: &mut Ui, s: &State, index: usize, plan: &Plan, out: &mut Vec<Action>) {
    let t = texts();
    match s
        .view
        .selected_entry
        .and_then(|e| plan.entries.get(e).map(|x| (e, x)))
    {
        Some((e, entry)) => entry_ui(ui, s, index, plan, e, entry, out),
        None => {
            if plan.entries.is_empty() {
                ui.label(RichText::new(t.plan_empty).weak());
            } else {
                ui.label(RichText::new(t.select_entry_hint).weak());
            }
            ui.add_space(6.0);
            note_ui(ui, index, plan, out);
        }
    }
}

/// The plan's note, saved with the preset.
fn note_ui(ui: &mut Ui, index: usize, plan: &Plan, out: &mut Vec<Action>) {
    let t = texts();
    let label = ui.label(RichText::new(t.plan_note).strong());
    let mut note = plan.note.clone().unwrap_or_default();
    let r = ui
        .add(
            egui::TextEdit::multiline(&mut note)
                .desired_rows(3)
                .desired_width(f32::INFINITY)
                .hint_text(t.plan_note_hint),
        )
        .labelled_by(label.id);
    if r.changed() {
        // Typing is one undo step until the field loses focus.
        out.push(Action::Document(DocAction::Edit {
            edit: Edit::SetPlanNote {
                plan: index,
                note: (!note.is_empty()).then_some(note),
            },
            merge: true,
        }));
    }
    if r.lost_focus() {
        out.push(DocAction::EndGesture.into());
    }
}

fn entry_ui(
    ui: &mut Ui,
    s: &State,
    plan_index: usize,
    plan: &Plan,
    e: usize,
    entry: &PlanEntry,
    out: &mut Vec<Action>,
) {
    let t = texts();
    let side = entry.side(s.model).map_or("", |side| s.side_name(side));
    ui.horizontal(|ui| {
        ui.label(RichText::new(entry.name(s.model)).strong());
        ui.label(RichText::new(side).small());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.small_button(t.close).clicked() {
                out.push(ViewAction::SelectEntry(None).into());
            }
        });
    });
    ui.label(RichText::new(effects_text(s, &entry.effects_at_intensity(s.model))).small());
    ui.add_space(4.0);
    egui::Grid::new("entry-grid")
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            let label = ui.label(t.start_year_label);
            let mut year = entry.start_year;
            let r = ui
                .add(years_field(&mut year, 0, s.doc.preset().horizon_years))
                .labelled_by(label.id);
            if r.changed() {
                let edit = Edit::SetStartYear {
                    plan: plan_index,
                    entry: e,
                    year,
                };
                edit_from(&r, edit, out);
            } else {
                end_of_drag(&r, out);
            }
            ui.end_row();

            let label = ui.label(t.intensity_label);
            let mut intensity = entry.intensity();
            let r = ui
                .add(
                    Slider::new(&mut intensity, 0.0..=1.0)
                        .custom_formatter(|v, _| crate::text::number(v, 2))
                        .custom_parser(crate::text::parse_number),
                )
                .labelled_by(label.id)
                .on_hover_text(t.intensity_hint);
            if r.changed() {
                let edit = Edit::SetIntensity {
                    plan: plan_index,
                    entry: e,
                    intensity,
                };
                edit_from(&r, edit, out);
            } else {
                end_of_drag(&r, out);
            }
            ui.end_row();

            let label = ui.label(t.cost_label);
            cost_ui(ui, s, plan_index, e, entry, label.id, out);
            ui.end_row();
        });
    ui.add_space(4.0);
    // One row of commands keeps the inspector short on a small screen.
    ui.horizontal_wrapped(|ui| {
        order_ui(ui, plan_index, plan, e, entry, out);
        if ui.button(t.remove_entry).clicked() {
            out.push(Action::Document(DocAction::Edit {
                edit: Edit::RemoveEntry {
                    plan: plan_index,
                    entry: e,
                },
                merge: false,
            }));
            out.push(ViewAction::SelectEntry(None).into());
        }
    });
}

/// The entry's own cost: set once when added, editable, or none.
fn cost_ui(
    ui: &mut Ui,
    s: &State,
    plan: usize,
    e: usize,
    entry: &PlanEntry,
    label: egui::Id,
    out: &mut Vec<Action>,
) {
    let t = texts();
    ui.horizontal(|ui| match entry.cost {
        Some(cost) => {
            let mut value = cost;
            let r = ui
                .add(money_field(&mut value))
                .labelled_by(label)
                .on_hover_text(t.cost_hint);
            if r.changed() {
                let edit = Edit::SetCost {
                    plan,
                    entry: e,
                    cost: Some(value),
                };
                edit_from(&r, edit, out);
            } else {
                end_of_drag(&r, out);
            }
            if let Some(c) = &s.doc.preset().currency {
                ui.label(c.as_str());
            }
            if ui.small_button(t.clear_cost).clicked() {
                out.push(Action::Document(DocAction::Edit {
                    edit: Edit::SetCost {
                        plan,
                        entry: e,
                        cost: None,
                    },
                    merge: false,
                }));
            }
        }
        None => {
            ui.label(RichText::new(t.cost_not_given).weak());
            // Where the unit cost is known, start from unit cost × intensity.
            let start = s.doc.preset().unit_costs.cost_of(entry).unwrap_or(0.0);
            if ui.small_button(t.set_cost).clicked() {
                out.push(Action::Document(DocAction::Edit {
                    edit: Edit::SetCost {
                        plan,
                        entry: e,
                        cost: Some(start),
                    },
                    merge: false,
                }));
            }
        }
    });
}

/// Earlier / later within the entry's start year, where another entry starts
/// in the same year (order matters there: entries apply one after another).
fn order_ui(
    ui: &mut Ui,
    plan_index: usize,
    plan: &Plan,
    e: usize,
    entry: &PlanEntry,
    out: &mut Vec<Action>,
) {
    let t = texts();
    let earlier = plan.neighbour_in_year(e, true);
    let later = plan.neighbour_in_year(e, false);
    if earlier.is_none() && later.is_none() {
        return;
    }
    let year = entry.start_year.to_string();
    let hint = fill(t.order_hint, &[("year", &year)]);
    for (other, label, to_earlier) in [
        (earlier, t.apply_earlier, true),
        (later, t.apply_later, false),
    ] {
        let button = ui
            .add_enabled(other.is_some(), egui::Button::new(label))
            .on_hover_text(&hint)
            .on_disabled_hover_text(&hint);
        if button.clicked() {
            out.push(Action::Document(DocAction::Edit {
                edit: Edit::MoveWithinYear {
                    plan: plan_index,
                    entry: e,
                    earlier: to_earlier,
                },
                merge: false,
            }));
            if let Some(o) = other {
                out.push(ViewAction::SelectEntry(Some(o)).into());
            }
        }
    }
}
