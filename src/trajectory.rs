//! The yearly simulation of capability accumulation (reference model §4):
//! mechanisms induce effort, effort with access to new knowledge builds
//! capability, and market links raise the demand for improvement with a lag.

use crate::attribute::{Attribute, Attributes};
use crate::cells::{efforts, strengths};
use crate::model::Model;
use crate::plan::Scheduled;

/// A capability stage (Dahlman et al. 1987; Lall 1992).
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
    let p = &model.file.trajectory;
    let mut attrs = *start;
    let mut c = start[Attribute::FirmCapability];
    let mut d = start[Attribute::DemandForImprovement];
    let mut lambda = p.initial_learning_capability;
    let mut next = 0;
    let mut years = Vec::with_capacity(horizon as usize + 1);
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
        let s = strengths(model, &state);
        // 3. Effort per column, and in all.
        let effort = efforts(&s);
        let total = effort.iter().fold(0.0, |acc, e| acc + e) / 4.0;
        // 4. Record.
        years.push(Year {
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
            let external = model.indicators.external_inputs.eval(&state);
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
            let pull = model.indicators.market_pull.eval(&state);
            let target = attrs[Attribute::DemandForImprovement].max(p.pull_to_demand * pull);
            d += p.demand_adjustment * (target - d);
            c = c_next.clamp(0.0, 1.0);
            lambda = lambda_next;
        }
    }
    Trajectory { years }
}
