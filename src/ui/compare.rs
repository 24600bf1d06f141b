//! The plans compared (plans-and-levers §3): a row for the cluster without a
//! plan and one for each plan, with capability at the horizon and its stage,
//! the gain over no plan, the first year beyond the basic stage, the total
//! cost, the gain per million and the plan's warnings in words, critical
//! ones first. A click on a plan's row makes it the active plan.

use super::{State, money, severity_word, stage_word};
use crate::analysis::compare::Outcome;
use crate::app::action::{Action, NamePurpose};
use crate::plan::rules::BASELINE_NAME;
use crate::text::{fill, num, texts};
use crate::warnings::Warning;
use egui::{Grid, RichText, Ui};

/// A plan's warnings in words, most serious first.
pub fn warnings_text(s: &State, warnings: &[Warning]) -> String {
    let mut list: Vec<_> = warnings.iter().map(|w| s.model.warning(w.id)).collect();
    list.sort_by_key(|info| info.severity);
    if list.is_empty() {
        return texts().compare_no_warnings.to_owned();
    }
    list.iter()
        .map(|info| format!("{}: {}", severity_word(info.severity), info.title))
        .collect::<Vec<_>>()
        .join("; ")
}

/// A plan's numbers as the table writes them: capability (stage), gain,
/// first year beyond basic, total cost, gain per million.
pub fn numbers(o: &Outcome) -> [String; 5] {
    let none = texts().compare_none;
    [
        format!("{} ({})", num(o.capability), stage_word(o.stage)),
        format!("{:+.2}", o.gain),
        o.first_intermediate_year
            .map_or_else(|| none.to_owned(), |y| y.to_string()),
        o.total_cost.map_or_else(|| none.to_owned(), money),
        o.gain_per_million
            .map_or_else(|| none.to_owned(), |g| format!("{g:.3}")),
    ]
}

/// Draws the table.
pub fn table(ui: &mut Ui, s: &State, out: &mut Vec<Action>) {
    let t = texts();
    let e = s.doc.evaluation();
    let plans = &s.doc.preset().plans;
    let active = s.doc.active_plan();
    ui.label(
        RichText::new(fill(
            t.compare_intro,
            &[("year", &e.horizon_years.to_string())],
        ))
        .small(),
    );
    if plans.is_empty() {
        ui.label(RichText::new(t.plans_none).weak());
        if ui.button(t.new_plan).clicked() {
            out.push(Action::AskPlanName(NamePurpose::New));
        }
    }
    Grid::new("compare-grid")
        .striped(true)
        .num_columns(7)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            for head in t.compare_columns {
                ui.label(RichText::new(*head).strong());
            }
            ui.end_row();
            baseline_row(ui, s);
            for (i, (plan, p)) in plans.iter().zip(&e.plans).enumerate() {
                let selected = active == Some(i);
                let name = RichText::new(&plan.name);
                let r = ui
                    .selectable_label(selected, if selected { name.strong() } else { name })
                    .on_hover_text(t.compare_row_hint);
                if r.clicked() && !selected {
                    out.push(Action::SetActivePlan(i));
                }
                for cell in numbers(&p.outcome) {
                    ui.label(cell);
                }
                warnings_cell(ui, s, &p.warnings);
                ui.end_row();
            }
        });
}

/// The row of the cluster without a plan: its capability and its warnings.
fn baseline_row(ui: &mut Ui, s: &State) {
    let e = s.doc.evaluation();
    let capability = e.baseline.trajectory.final_capability();
    let stage = e.baseline.trajectory.years.last().map(|y| y.stage);
    ui.label(RichText::new(BASELINE_NAME).italics());
    ui.label(format!(
        "{} ({})",
        num(capability),
        stage.map_or("", stage_word)
    ));
    for _ in 0..4 {
        ui.label("–");
    }
    warnings_cell(ui, s, &e.baseline_warnings);
    ui.end_row();
}

fn warnings_cell(ui: &mut Ui, s: &State, warnings: &[Warning]) {
    ui.add(egui::Label::new(warnings_text(s, warnings)).wrap());
}
