//! Evaluating a preset: a pure function of (model, preset) that gives the
//! baseline (no plan) and every plan its cells, trajectory and warnings, and
//! each plan its numbers for the comparison (plans-and-levers §3).

use crate::analysis::compare::{Outcome, outcome};
use crate::attribute::Attributes;
use crate::cells::{CellChange, CellResult, differences, efforts, evaluate_cells};
use crate::mechanism::{Cell, Effort, Mechanism};
use crate::model::Model;
use crate::plan::{Plan, schedule, with_plan_attributes};
use crate::preset::Preset;
use crate::trajectory::{StepDrivers, Trajectory, simulate_with};
use crate::warnings::{Inputs, Warning, evaluate_warnings};

/// A cluster evaluated on one set of attributes.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    pub attributes: Attributes,
    pub cells: Vec<CellResult>,
    /// Effort on A..D that the cells add up to (as in the trajectory's step).
    pub efforts: [f64; 4],
    /// Active cells (moderate or strong) per mechanism, in row order.
    pub active_per_row: [usize; Mechanism::ALL.len()],
    /// Active cells per effort, in column order.
    pub active_per_column: [usize; Effort::ALL.len()],
    pub trajectory: Trajectory,
}

impl Scenario {
    fn new(model: &Model, attributes: Attributes, trajectory: Trajectory) -> Self {
        let cells = evaluate_cells(model, &attributes);
        let strengths: [f64; Cell::COUNT] = std::array::from_fn(|i| cells[i].strength);
        let mut active_per_row = [0; Mechanism::ALL.len()];
        let mut active_per_column = [0; Effort::ALL.len()];
        for c in cells.iter().filter(|c| c.band.is_active()) {
            active_per_row[c.cell.mechanism.index()] += 1;
            active_per_column[c.cell.effort.index()] += 1;
        }
        Scenario {
            attributes,
            efforts: efforts(&strengths),
            active_per_row,
            active_per_column,
            cells,
            trajectory,
        }
    }
}

/// How a plan changes the cluster without it. Worked out once with the
/// evaluation, so once per change to the preset: the matrix's difference
/// view reads it every frame.
#[derive(Debug, Clone, PartialEq)]
pub struct Changes {
    /// Each cell's with-plan minus without-plan strength, in
    /// [`crate::mechanism::cells`] order.
    pub cells: Vec<CellChange>,
    /// Each effort's (A..D) with-plan minus without-plan value.
    pub efforts: [f64; 4],
}

impl Changes {
    fn between(baseline: &Scenario, with_plan: &Scenario) -> Self {
        Changes {
            cells: differences(&baseline.cells, &with_plan.cells),
            efforts: std::array::from_fn(|j| with_plan.efforts[j] - baseline.efforts[j]),
        }
    }
}

/// One plan evaluated.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanEvaluation {
    /// The cluster with every entry of the plan applied; equal to the
    /// baseline when the plan is empty.
    pub scenario: Scenario,
    /// What the plan changes from the baseline.
    pub changes: Changes,
    /// The warnings, evaluated with this plan.
    pub warnings: Vec<Warning>,
    pub outcome: Outcome,
}

/// Everything the workbench shows about a preset.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    pub horizon_years: u32,
    /// The cluster without any plan.
    pub baseline: Scenario,
    /// The warnings of the cluster without a plan.
    pub baseline_warnings: Vec<Warning>,
    /// Every plan of the preset, in preset order.
    pub plans: Vec<PlanEvaluation>,
}

impl Evaluation {
    /// The scenario of plan `plan`, or the baseline for `None` (or a plan that
    /// does not exist).
    pub fn scenario(&self, plan: Option<usize>) -> &Scenario {
        plan.and_then(|i| self.plans.get(i))
            .map_or(&self.baseline, |p| &p.scenario)
    }

    /// What plan `plan` changes from the baseline; `None` for no plan (or a
    /// plan that does not exist).
    pub fn changes(&self, plan: Option<usize>) -> Option<&Changes> {
        plan.and_then(|i| self.plans.get(i)).map(|p| &p.changes)
    }

    /// The warnings with plan `plan`, or the baseline's for `None`.
    pub fn warnings(&self, plan: Option<usize>) -> &[Warning] {
        plan.and_then(|i| self.plans.get(i))
            .map_or(&self.baseline_warnings, |p| &p.warnings)
    }
}

/// Evaluates a preset on a model.
pub fn evaluate(model: &Model, preset: &Preset) -> Evaluation {
    let horizon = preset.horizon_years;
    let start = &preset.attributes;
    // One evaluator for every scenario: it is set up once.
    let mut drivers = StepDrivers::new(model);
    let trajectory = simulate_with(model, start, &[], horizon, &mut drivers);
    let baseline = Scenario::new(model, *start, trajectory);
    let baseline_warnings = evaluate_warnings(
        model,
        &Inputs {
            start,
            with_plan: start,
            schedule: &[],
            plan_entries: 0,
            baseline: &baseline.trajectory,
            with_plan_trajectory: &baseline.trajectory,
        },
    );
    let plans = preset
        .plans
        .iter()
        .map(|plan| evaluate_plan(model, preset, plan, &baseline, &mut drivers))
        .collect();
    Evaluation {
        horizon_years: horizon,
        baseline,
        baseline_warnings,
        plans,
    }
}

/// One plan against the baseline: what it changes, its warnings, its numbers.
fn evaluate_plan(
    model: &Model,
    preset: &Preset,
    plan: &Plan,
    baseline: &Scenario,
    drivers: &mut StepDrivers<'_>,
) -> PlanEvaluation {
    let start = &preset.attributes;
    let scheduled = schedule(&plan.entries, model);
    let scenario = if scheduled.is_empty() {
        baseline.clone()
    } else {
        let attributes = with_plan_attributes(start, &scheduled);
        let trajectory = simulate_with(model, start, &scheduled, preset.horizon_years, drivers);
        Scenario::new(model, attributes, trajectory)
    };
    let warnings = evaluate_warnings(
        model,
        &Inputs {
            start,
            with_plan: &scenario.attributes,
            schedule: &scheduled,
            plan_entries: plan.entries.len(),
            baseline: &baseline.trajectory,
            with_plan_trajectory: &scenario.trajectory,
        },
    );
    let outcome = outcome(model, plan, &baseline.trajectory, &scenario.trajectory);
    PlanEvaluation {
        changes: Changes::between(baseline, &scenario),
        scenario,
        warnings,
        outcome,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cells::Band;
    use crate::mechanism::cell_index;
    use crate::plan::PlanEntry;

    #[test]
    fn a_plans_changes_are_worked_out_with_the_evaluation() {
        let m = Model::default_model().unwrap();
        // Every attribute at 0.5: demand gates each driver by half.
        let mut p = Preset::new_untitled(&m, "t");
        p.plans.push(Plan::named("Empty"));
        let mut association = Plan::named("Association");
        let lever = m.intervention("strengthen_association").unwrap();
        association
            .entries
            .push(PlanEntry::from_catalogue(lever, 0, 1.0, None));
        p.plans.push(association);
        let e = evaluate(&m, &p);
        assert!(e.changes(None).is_none());
        let empty = e.changes(Some(0)).unwrap();
        assert!(empty.cells.iter().all(|c| c.delta == 0.0));
        assert_eq!(empty.efforts, [0.0; 4]);
        // Associations 0.5 → 0.8 and learning focus 0.5 → 0.7 raise II.a's
        // driver min(associations, learning focus) from 0.5 to 0.7, so its
        // strength from 0.25 to 0.35; I.a's driver names neither.
        let raised = e.changes(Some(1)).unwrap();
        let ii_a = raised.cells[cell_index(Mechanism::IIa, Effort::B).unwrap()];
        assert!((ii_a.delta - 0.10).abs() < 1e-12, "{}", ii_a.delta);
        // 0.25 → 0.35: weak before and after.
        assert_eq!((ii_a.from, ii_a.to), (Band::Weak, Band::Weak));
        let i_a = raised.cells[cell_index(Mechanism::Ia, Effort::A).unwrap()];
        assert_eq!(i_a.delta, 0.0);
        // Effort A draws on no cell the plan changes; effort B does.
        assert_eq!(raised.efforts[0], 0.0);
        assert!(raised.efforts[1] > 0.0);
    }
}
