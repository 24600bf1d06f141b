//! Unit costs of the catalogue interventions (the cost at intensity 1), in a
//! folding group under the cluster, with the currency every cost is in
//! beside the group's heading, where it shows even while the group is
//! folded. An intervention added to a plan takes unit cost × intensity as its
//! own cost, once (plans-and-levers §2).

use super::State;
use super::fields::{edit_from, end_of_drag, money_field};
use crate::app::action::{Action, DocAction};
use crate::edit::Edit;
use crate::preset::MAX_CURRENCY_CHARS;
use crate::text::texts;
use egui::collapsing_header::CollapsingState;
use egui::{Id, RichText, Ui};

/// Width of the currency field, in points: its hint ("e.g. USD") whole.
const CURRENCY_WIDTH: f32 = 84.0;

/// Draws the group.
pub fn panel(ui: &mut Ui, s: &State, out: &mut Vec<Action>) {
    let t = texts();
    let id = ui.make_persistent_id("unit-costs");
    let mut state = CollapsingState::load_with_default_open(ui.ctx(), id, false);
    let header = ui.horizontal(|ui| {
        let toggle = state.show_toggle_button(ui, egui::collapsing_header::paint_default_icon);
        // Named as egui names a collapsing header's, so a screen reader
        // hears what the arrow folds and whether it is open.
        toggle.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::accesskit::Role::DisclosureTriangle,
                ui.is_enabled(),
                t.unit_costs_heading,
            )
        });
        let open = state.is_open();
        ui.ctx()
            .accesskit_node_builder(toggle.id, |node| node.set_expanded(open));
        let heading = egui::Label::new(RichText::new(t.unit_costs_heading).strong())
            .sense(egui::Sense::click());
        // A click on the words folds and unfolds the group, as on the arrow.
        if ui.add(heading).clicked() {
            state.toggle(ui);
        }
        ui.add_space(8.0);
        currency_field(ui, s, out);
    });
    state.show_body_indented(&header.response, ui, |ui| {
        ui.label(RichText::new(t.unit_costs_hint).small().weak());
        grid(ui, s, out);
    });
}

/// The currency, typed: it takes effect (one undo step) when the field is
/// left or Enter is pressed, so a half-typed label never reaches the preset.
fn currency_field(ui: &mut Ui, s: &State, out: &mut Vec<Action>) {
    let t = texts();
    let field_id = Id::unique("currency-field");
    let saved = s.doc.preset().currency.clone().unwrap_or_default();
    let editing = ui.memory(|m| m.has_focus(field_id));
    let mut text = if editing {
        ui.data(|d| d.get_temp::<String>(field_id))
            .unwrap_or_else(|| saved.clone())
    } else {
        saved.clone()
    };
    let label = ui.label(t.currency_label);
    let r = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .id(field_id)
                .char_limit(MAX_CURRENCY_CHARS)
                .desired_width(CURRENCY_WIDTH)
                .hint_text(t.currency_placeholder),
        )
        .labelled_by(label.id)
        .on_hover_text(t.currency_hint);
    if r.has_focus() {
        ui.data_mut(|d| d.insert_temp(field_id, text.clone()));
    }
    if r.lost_focus() {
        ui.data_mut(|d| d.remove::<String>(field_id));
        if text != saved {
            out.push(Action::Document(DocAction::Edit {
                edit: Edit::SetCurrency(Some(text)),
                merge: false,
            }));
        }
    }
}

fn grid(ui: &mut Ui, s: &State, out: &mut Vec<Action>) {
    let t = texts();
    let currency = s.doc.preset().currency.as_deref();
    egui::Grid::new("unit-cost-grid")
        .num_columns(2)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            for item in &s.model.catalogue {
                let label = ui.label(&item.name);
                let known = s.doc.preset().unit_costs.get(&item.id);
                ui.horizontal(|ui| match known {
                    Some(cost) => {
                        let mut value = cost;
                        let r = ui.add(money_field(&mut value)).labelled_by(label.id);
                        if r.changed() {
                            let edit = Edit::SetUnitCost {
                                id: item.id.clone(),
                                cost: Some(value),
                            };
                            edit_from(&r, edit, out);
                        } else {
                            end_of_drag(&r, out);
                        }
                        if let Some(c) = currency {
                            ui.label(c);
                        }
                        if ui.small_button(t.clear_cost).clicked() {
                            out.push(unit_cost(&item.id, None));
                        }
                    }
                    None => {
                        ui.label(RichText::new(t.no_unit_cost).weak());
                        if ui.small_button(t.set_cost).clicked() {
                            out.push(unit_cost(&item.id, Some(0.0)));
                        }
                    }
                });
                ui.end_row();
            }
        });
}

fn unit_cost(id: &str, cost: Option<f64>) -> Action {
    Action::Document(DocAction::Edit {
        edit: Edit::SetUnitCost {
            id: id.to_owned(),
            cost,
        },
        merge: false,
    })
}
