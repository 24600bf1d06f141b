//! The yearly simulation of capability accumulation (reference model §4):
//! mechanisms induce effort, effort with access to new knowledge builds
//! capability, and market links raise the demand for improvement with a lag.

use crate::attribute::{Attribute, Attributes};
use crate::cells::{efforts, efforts_from_drivers, strengths};
use crate::mechanism::Cell;
use crate::model::Model;
use crate::model::kernel::Scratch;
use crate::plan::Scheduled;

/// A capability stage (Chudnovsky and Nagao 1983; Lall 1992).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    /// Assimilation, use and unmodified copying; depends on external inputs.
    Basic,
    /// Creative adaptation, basic design; an internal learning dynamic.
    Intermediate,
    /// Substantial improvement and creation of new knowledge.
    Advanced,
}

impl Stage {
    /// All stages, in order.
    pub const ALL: [Stage; 3] = [Stage::Basic, Stage::Intermediate, Stage::Advanced];

    /// The id used in reports.
    pub fn id(self) -> &'static str {
        match self {
            Stage::Basic => "basic",
            Stage::Intermediate => "intermediate",
            Stage::Advanced => "advanced",
        }
    }

    /// The stage of a capability under the model's bounds.
    pub fn of(capability: f64, model: &Model) -> Stage {
        let s = &model.file.stages;
        if capability < s.intermediate {
            Stage::Basic
        } else if capability < s.advanced {
            Stage::Intermediate
        } else {
            Stage::Advanced
        }
    }
}

/// The capabilities a stage covers under the model's bounds (see
/// [`Model::stage_ranges`]): from `low` up to `high`, which is the next
/// stage's `low`, or 1 for the last stage.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StageRange {
    pub stage: Stage,
    pub low: f64,
    pub high: f64,
}

/// One recorded year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Year {
    pub year: u32,
    pub capability: f64,
    pub stage: Stage,
    pub learning_capability: f64,
    /// Effective demand for improvement `d_t`.
    pub demand: f64,
    /// Effort on A..D.
    pub effort: [f64; 4],
    pub total_effort: f64,
    /// The attributes in force this year (after the year's plan entries),
    /// before capability and demand are replaced by their state values.
    pub attributes: Attributes,
}

/// A trajectory: years 0..=H.
#[derive(Debug, Clone, PartialEq)]
pub struct Trajectory {
    pub years: Vec<Year>,
}

impl Trajectory {
    /// Capability at the horizon.
    pub fn final_capability(&self) -> f64 {
        self.years.last().map_or(0.0, |y| y.capability)
    }
}

/// Simulates years 0..=horizon from the preset's attributes, applying the
/// scheduled plan entries in their start years (an empty schedule gives the
/// baseline).
pub fn simulate(
    model: &Model,
    start: &Attributes,
    schedule: &[Scheduled<'_>],
    horizon: u32,
) -> Trajectory {
    simulate_with(
        model,
        start,
        schedule,
        horizon,
        &mut StepDrivers::new(model),
    )
}

/// [`simulate`] with an evaluator reused between simulations.
pub fn simulate_with(
    model: &Model,
    start: &Attributes,
    schedule: &[Scheduled<'_>],
    horizon: u32,
    drivers: &mut StepDrivers<'_>,
) -> Trajectory {
    let mut years = Vec::with_capacity(horizon as usize + 1);
    run(model, start, schedule, horizon, drivers, |y| years.push(y));
    Trajectory { years }
}

/// Capability in every year 0..=horizon, written to `out` (cleared first):
/// the same simulation as [`simulate`] without the rest of each year's record,
/// for analyses that run it thousands of times. `drivers` is reused between
/// calls.
pub fn capabilities(
    model: &Model,
    start: &Attributes,
    schedule: &[Scheduled<'_>],
    horizon: u32,
    drivers: &mut StepDrivers<'_>,
    out: &mut Vec<f64>,
) {
    out.clear();
    run(model, start, schedule, horizon, drivers, |y| {
        out.push(y.capability)
    });
}

/// Evaluates what the yearly step needs from the attributes in force (every
/// cell's strength and the two indicators of the step), as one program where
/// the model allows, without allocating after the first year.
pub struct StepDrivers<'m> {
    model: &'m Model,
    scratch: Scratch,
}

impl<'m> StepDrivers<'m> {
    /// An evaluator for `model`.
    pub fn new(model: &'m Model) -> Self {
        StepDrivers {
            model,
            scratch: Scratch::new(),
        }
    }

    /// The effort on A..D, regular external inputs and market pull on
    /// `state`.
    fn eval(&mut self, state: &Attributes) -> ([f64; 4], f64, f64) {
        let model = self.model;
        let ind = &model.indicators;
        match model.kernel() {
            Some(kernel) => {
                // The drivers, then the two indicators (Model::kernel).
                let mut values = [0.0; Cell::COUNT + 2];
                kernel.eval(state, &mut self.scratch, &mut values);
                let n = model.drivers().0.len().min(Cell::COUNT);
                let demand = state[Attribute::DemandForImprovement];
                let effort = efforts_from_drivers(model, demand, &values);
                (effort, values[n], values[n + 1])
            }
            None => (
                efforts(&strengths(model, state)),
                ind.external_inputs.eval(state),
                ind.market_pull.eval(state),
            ),
        }
    }
}

/// The yearly simulation (reference model §4), handing each recorded year to
/// `record`.
fn run(
    model: &Model,
    start: &Attributes,
    schedule: &[Scheduled<'_>],
    horizon: u32,
    drivers: &mut StepDrivers<'_>,
    mut record: impl FnMut(Year),
) {
    let p = &model.file.trajectory;
    let mut attrs = *start;
    let mut c = start[Attribute::FirmCapability];
    let mut d = start[Attribute::DemandForImprovement];
    let mut lambda = p.initial_learning_capability;
    let mut next = 0;
    for t in 0..=horizon {
        // 1. Plan entries starting this year come into force and stay.
        while let Some(s) = schedule.get(next).filter(|s| s.start_year <= t) {
            s.apply(&mut attrs);
            next += 1;
        }
        // 2. The cells, with the state variables in place of their attributes.
        let mut state = attrs;
        state[Attribute::DemandForImprovement] = d;
        state[Attribute::FirmCapability] = c;
        // 3. Effort per column, and in all.
        let (effort, external, pull) = drivers.eval(&state);
        let total = effort.iter().fold(0.0, |acc, e| acc + e) / 4.0;
        // 4. Record.
        record(Year {
            year: t,
            capability: c,
            stage: Stage::of(c, model),
            learning_capability: lambda,
            demand: d,
            effort,
            total_effort: total,
            attributes: attrs,
        });
        // 5. Step.
        if t < horizon {
            // In the basic stage firms depend on external inputs; later an
            // internal learning dynamic adds its own access to new knowledge.
            let access = if c < model.file.stages.intermediate {
                external
            } else {
                external.max(c)
            };
            let c_next =
                c + p.learning_rate * total * access * (1.0 - c) * (p.learning_base + lambda)
                    - p.depreciation * c;
            let lambda_next = (lambda + p.learning_capability_gain * total * c).min(1.0);
            let target = attrs[Attribute::DemandForImprovement].max(p.pull_to_demand * pull);
            d += p.demand_adjustment * (target - d);
            c = c_next.clamp(0.0, 1.0);
            lambda = lambda_next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stages_cover_capability_from_0_to_1_at_the_model_bounds() {
        let m = Model::default_model().unwrap();
        let range = |stage, low, high| StageRange { stage, low, high };
        assert_eq!(
            m.stage_ranges(),
            [
                range(Stage::Basic, 0.0, 1.0 / 3.0),
                range(Stage::Intermediate, 1.0 / 3.0, 2.0 / 3.0),
                range(Stage::Advanced, 2.0 / 3.0, 1.0),
            ]
        );
        // Each range's low end is in its stage.
        for r in m.stage_ranges() {
            assert_eq!(Stage::of(r.low, &m), r.stage);
        }
    }
}
