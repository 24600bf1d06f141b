//! Comparing plans (plans-and-levers §3): for each plan, capability at the
//! horizon and its stage, the gain over no plan, the first year beyond the
//! basic stage, the total cost and the gain per million.

use crate::model::Model;
use crate::plan::Plan;
use crate::trajectory::{Stage, Trajectory};

/// A plan's numbers for the comparison table and the report.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outcome {
    /// Capability in the horizon year with the plan.
    pub capability: f64,
    pub stage: Stage,
    /// Capability at the horizon with the plan minus without.
    pub gain: f64,
    /// The first year whose stage is not basic; 0 when the cluster starts
    /// beyond basic, `None` when it never gets there.
    pub first_intermediate_year: Option<u32>,
    /// The sum of the entries' costs, `None` when no entry has one.
    pub total_cost: Option<f64>,
    /// `gain × 10⁶ / total_cost` when the total cost is above 0.
    pub gain_per_million: Option<f64>,
}

/// The first year a trajectory is beyond the basic stage.
pub fn first_beyond_basic(t: &Trajectory) -> Option<u32> {
    t.years
        .iter()
        .find(|y| y.stage != Stage::Basic)
        .map(|y| y.year)
}

/// The numbers of `plan`, whose trajectory is `with`, against the baseline's.
pub fn outcome(model: &Model, plan: &Plan, baseline: &Trajectory, with: &Trajectory) -> Outcome {
    let capability = with.final_capability();
    let gain = capability - baseline.final_capability();
    let total_cost = plan.total_cost();
    Outcome {
        capability,
        stage: Stage::of(capability, model),
        gain,
        first_intermediate_year: first_beyond_basic(with),
        total_cost,
        gain_per_million: total_cost
            .filter(|&c| c > 0.0)
            .map(|c| gain * 1_000_000.0 / c),
    }
}
