//! The results chain of one plan entry, drawn from the model (DCED Standard
//! for Results Measurement): the activity, the attributes it moves (outputs),
//! the Table 1 cells it raises (market-level outcomes), the technological
//! effort that follows (enterprise-level outcomes), the capability reached by
//! the horizon, and the plan's impact boxes, which the user fills.
//!
//! Attribution: what an entry adds is the plan with the entry against the
//! same plan without it, every other entry kept. Where a rise needs two
//! entries together, each is credited with the whole of it; the sum over
//! entries is therefore not the plan's total, and the chain says so.

pub mod describe;

use crate::attribute::{Attribute, Attributes};
use crate::cells::{Band, efforts, strengths};
use crate::evaluation::Evaluation;
use crate::mechanism::{Cell, Effort, cells};
use crate::model::Model;
use crate::model::catalogue::Side;
use crate::model::chain::BoxKind;
use crate::plan::{PlanEntry, schedule, with_plan_attributes};
use crate::preset::Preset;
use crate::trajectory::{Stage, simulate};
use crate::warnings::Warning;

/// A value without the entry and with it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change {
    pub without: f64,
    pub with: f64,
}

impl Change {
    /// With minus without.
    pub fn delta(self) -> f64 {
        self.with - self.without
    }
}

/// The activity: the entry as planned.
#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    pub name: String,
    /// `None` for a catalogue id the model does not know.
    pub side: Option<Side>,
    pub start_year: u32,
    pub intensity: f64,
    pub cost: Option<f64>,
    /// What the cost is in (the preset's currency), where given.
    pub currency: Option<String>,
}

/// A Table 1 cell whose strength the entry changes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CellMove {
    pub cell: Cell,
    pub strength: Change,
    pub band_without: Band,
    pub band_with: Band,
}

/// The capability the plan reaches by the horizon: a model projection.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    pub horizon: u32,
    pub capability: Change,
    pub stage_without: Stage,
    pub stage_with: Stage,
}

/// One entry's results chain.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultsChain {
    pub plan: usize,
    pub entry: usize,
    pub activity: Activity,
    /// The attributes the entry moves, in attribute order (an effect that the
    /// 0..1 bounds swallow moves nothing and is not listed).
    pub outputs: Vec<(Attribute, Change)>,
    /// The cells whose strength changes by at least the model's threshold:
    /// rises first, largest first, then falls.
    pub cells: Vec<CellMove>,
    /// Effort on A–D once every entry is in force.
    pub efforts: [(Effort, Change); 4],
    pub capability: Projection,
    /// For each of the model's assumptions (in its order), whether it holds
    /// with this plan in the model: an assumption with a warning fails where
    /// the warning fires.
    pub holds: Vec<bool>,
    /// The plan's warnings: the risks to the chain.
    pub risks: Vec<Warning>,
}

impl ResultsChain {
    /// The cells the entry raises.
    pub fn raised(&self) -> impl Iterator<Item = &CellMove> {
        self.cells.iter().filter(|c| c.strength.delta() > 0.0)
    }

    /// The risks that belong on the arrow out of `from`: each warning goes
    /// where the assumption it breaks is, one the model ties to no
    /// assumption on the last arrow.
    pub fn risks_from<'a>(
        &'a self,
        model: &'a Model,
        from: BoxKind,
    ) -> impl Iterator<Item = &'a Warning> {
        self.risks.iter().filter(move |w| {
            let home = model
                .chain
                .assumptions
                .iter()
                .find(|a| a.warning == Some(w.id))
                .map_or(BoxKind::Capability, |a| a.from);
            home == from
        })
    }
}

/// The results chain of entry `entry` of plan `plan`, `None` when there is
/// no such entry.
pub fn results_chain(
    model: &Model,
    preset: &Preset,
    evaluation: &Evaluation,
    plan: usize,
    entry: usize,
) -> Option<ResultsChain> {
    let p = preset.plan(plan)?;
    let e = p.entries.get(entry)?;
    let evaluated = evaluation.plans.get(plan)?;
    let start = &preset.attributes;
    // The same plan without the entry, every other entry kept.
    let others: Vec<PlanEntry> = p
        .entries
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != entry)
        .map(|(_, e)| e.clone())
        .collect();
    let without_schedule = schedule(&others, model);
    let without = with_plan_attributes(start, &without_schedule);
    let with = evaluated.scenario.attributes;
    let (before, after) = (strengths(model, &without), strengths(model, &with));
    let horizon = preset.horizon_years;
    let capability = Change {
        without: simulate(model, start, &without_schedule, horizon).final_capability(),
        with: evaluated.scenario.trajectory.final_capability(),
    };
    let risks = evaluated.warnings.clone();
    Some(ResultsChain {
        plan,
        entry,
        activity: Activity {
            name: e.name(model).to_owned(),
            side: e.side(model),
            start_year: e.start_year,
            intensity: e.intensity(),
            cost: e.cost,
            currency: preset.currency.clone(),
        },
        outputs: outputs(&without, &with),
        cells: moved_cells(model, &before, &after),
        efforts: effort_changes(&before, &after),
        capability: Projection {
            horizon,
            capability,
            stage_without: Stage::of(capability.without, model),
            stage_with: Stage::of(capability.with, model),
        },
        holds: holds(model, &risks),
        risks,
    })
}

/// The attributes that differ without the entry and with it.
fn outputs(without: &Attributes, with: &Attributes) -> Vec<(Attribute, Change)> {
    Attribute::ALL
        .into_iter()
        .filter(|&a| with[a] != without[a])
        .map(|a| {
            let change = Change {
                without: without[a],
                with: with[a],
            };
            (a, change)
        })
        .collect()
}

/// The cells whose strength changes by at least the model's threshold:
/// rises first, the largest first; falls after them, the largest first.
fn moved_cells(
    model: &Model,
    before: &[f64; Cell::COUNT],
    after: &[f64; Cell::COUNT],
) -> Vec<CellMove> {
    let min = model.chain.cell_rise_min;
    let mut moved: Vec<CellMove> = cells()
        .into_iter()
        .enumerate()
        .filter(|&(i, _)| (after[i] - before[i]).abs() >= min)
        .map(|(i, cell)| CellMove {
            cell,
            strength: Change {
                without: before[i],
                with: after[i],
            },
            band_without: Band::of(before[i], model),
            band_with: Band::of(after[i], model),
        })
        .collect();
    moved.sort_by(|a, b| {
        let (da, db) = (a.strength.delta(), b.strength.delta());
        (db > 0.0)
            .cmp(&(da > 0.0))
            .then(db.abs().total_cmp(&da.abs()))
    });
    moved
}

/// Effort on A–D from the cells without the entry and with it.
fn effort_changes(
    before: &[f64; Cell::COUNT],
    after: &[f64; Cell::COUNT],
) -> [(Effort, Change); 4] {
    let (without, with) = (efforts(before), efforts(after));
    std::array::from_fn(|j| {
        let change = Change {
            without: without[j],
            with: with[j],
        };
        (Effort::ALL[j], change)
    })
}

/// Whether each of the model's assumptions holds: one with a warning fails
/// where the warning fires with the plan.
fn holds(model: &Model, risks: &[Warning]) -> Vec<bool> {
    model
        .chain
        .assumptions
        .iter()
        .map(|a| a.warning.is_none_or(|w| !risks.iter().any(|r| r.id == w)))
        .collect()
}

/// The chains of every entry of a plan, in plan order.
pub fn plan_chains(
    model: &Model,
    preset: &Preset,
    evaluation: &Evaluation,
    plan: usize,
) -> Vec<ResultsChain> {
    let count = preset.plan(plan).map_or(0, |p| p.entries.len());
    (0..count)
        .filter_map(|entry| results_chain(model, preset, evaluation, plan, entry))
        .collect()
}
