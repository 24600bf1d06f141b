//! The plan tabs above the matrix: one tab per plan of the preset, the active
//! one selected (the matrix, banner and warnings follow it), a context menu
//! to rename, copy or delete a plan, and a button for a new one.

use super::State;
use crate::app::action::{Action, DialogAction, DocAction, NamePurpose};
use crate::edit::Edit;
use crate::plan::rules::MAX_PLANS;
use crate::text::{fill, texts};
use egui::{RichText, Ui};

/// Draws the row of plan tabs.
pub fn tabs(ui: &mut Ui, s: &State, out: &mut Vec<Action>) {
    let t = texts();
    let plans = &s.doc.preset().plans;
    let active = s.doc.active_plan();
    ui.horizontal_wrapped(|ui| {
        super::heading(ui, t.plans_heading).on_hover_text(t.plans_hint);
        if plans.is_empty() {
            ui.label(RichText::new(t.plans_none).weak());
        }
        for (i, plan) in plans.iter().enumerate() {
            let selected = active == Some(i);
            let text = RichText::new(&plan.name);
            let response = ui
                .selectable_label(selected, if selected { text.strong() } else { text })
                .on_hover_text(fill(t.plan_tab_hint, &[("name", &plan.name)]));
            let spoken = fill(t.plan_tab_label, &[("name", &plan.name)]);
            response.widget_info(|| {
                egui::WidgetInfo::selected(egui::Role::Button, true, selected, &spoken)
            });
            if response.clicked() && !selected {
                out.push(DocAction::SetActivePlan(i).into());
            }
            response.context_menu(|ui| {
                plan_commands(ui, i, [t.rename_plan, t.duplicate_plan, t.delete_plan], out)
            });
        }
        let can_add = plans.len() < MAX_PLANS;
        if ui
            .add_enabled(can_add, egui::Button::new(t.new_plan))
            .on_disabled_hover_text(fill(t.too_many_plans, &[("max", &MAX_PLANS.to_string())]))
            .clicked()
        {
            out.push(DialogAction::AskPlanName(NamePurpose::New).into());
        }
    });
}

/// Rename, copy and delete, for the tab's context menu and the plan editor
/// (`labels` in that order).
pub fn plan_commands(ui: &mut Ui, plan: usize, labels: [&str; 3], out: &mut Vec<Action>) {
    if ui.button(labels[0]).clicked() {
        out.push(DialogAction::AskPlanName(NamePurpose::Rename(plan)).into());
    }
    if ui.button(labels[1]).clicked() {
        out.push(DialogAction::AskPlanName(NamePurpose::Duplicate(plan)).into());
    }
    if ui.button(labels[2]).clicked() {
        out.push(Action::Document(DocAction::Edit {
            edit: Edit::DeletePlan { plan },
            merge: false,
        }));
    }
}
