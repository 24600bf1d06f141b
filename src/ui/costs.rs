//! Unit costs of the catalogue interventions (the cost at intensity 1), in a
//! folding group under the cluster. An intervention added to a plan takes
//! unit cost × intensity as its own cost, once (plans-and-levers §2).

use super::State;
use super::fields::{edit_from, end_of_drag, money_field};
use crate::app::action::{Action, DocAction};
use crate::edit::Edit;
use crate::text::texts;
use egui::{CollapsingHeader, RichText, Ui};

/// Draws the group.
pub fn panel(ui: &mut Ui, s: &State, out: &mut Vec<Action>) {
    let t = texts();
    CollapsingHeader::new(RichText::new(t.unit_costs_heading).strong())
        .id_salt("unit-costs")
        .default_open(false)
        .show(ui, |ui| {
            ui.label(RichText::new(t.unit_costs_hint).small().weak());
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
