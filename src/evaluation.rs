//! Evaluating a preset: a pure function of (model, preset) that gives the
//! baseline and with-plan cells and trajectories and the warnings.

use crate::attribute::Attributes;
use crate::cells::{CellResult, efforts, evaluate_cells};
use crate::mechanism::Cell;
use crate::model::Model;
use crate::plan::{schedule, with_plan_attributes};
use crate::preset::Preset;
use crate::trajectory::{Trajectory, simulate};
use crate::warnings::{Inputs, Warning, evaluate_warnings};

/// A cluster evaluated on one set of attributes.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    pub attributes: Attributes,
    pub cells: Vec<CellResult>,
    /// Effort on A..D that the cells add up to (as in the trajectory's step).
    pub efforts: [f64; 4],
    pub trajectory: Trajectory,
}

impl Scenario {
    fn new(model: &Model, attributes: Attributes, trajectory: Trajectory) -> Self {
        let cells = evaluate_cells(model, &attributes);
        let strengths: [f64; Cell::COUNT] = std::array::from_fn(|i| cells[i].strength);
        Scenario {
            attributes,
            efforts: efforts(&strengths),
            cells,
            trajectory,
        }
    }
}

/// Everything the workbench shows about a preset.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    pub horizon_years: u32,
    /// The cluster without its plan.
    pub baseline: Scenario,
    /// The cluster with every plan entry applied; equal to the baseline when
    /// the plan is empty.
    pub with_plan: Scenario,
    pub warnings: Vec<Warning>,
}

/// Evaluates a preset on a model.
pub fn evaluate(model: &Model, preset: &Preset) -> Evaluation {
    let horizon = preset.horizon(model);
    let start = &preset.attributes;
    let entries = preset.entries();
    let plan = schedule(entries, model);

    let baseline_trajectory = simulate(model, start, &[], horizon);
    let baseline = Scenario::new(model, *start, baseline_trajectory);
    let with_plan = if plan.is_empty() {
        baseline.clone()
    } else {
        let attributes = with_plan_attributes(start, &plan);
        Scenario::new(model, attributes, simulate(model, start, &plan, horizon))
    };
    let warnings = evaluate_warnings(
        model,
        &Inputs {
            start,
            with_plan: &with_plan.attributes,
            schedule: &plan,
            plan_entries: entries.len(),
            baseline: &baseline.trajectory,
            with_plan_trajectory: &with_plan.trajectory,
        },
    );
    Evaluation {
        horizon_years: horizon,
        baseline,
        with_plan,
        warnings,
    }
}
