//! Which lever binds (plans-and-levers §4): how much capability at the
//! horizon moves when each attribute rises or falls by 0.1, and when each
//! catalogue intervention is added to the plan at full intensity from year 0;
//! and, from that ranking, the one sentence that says which side binds.

use crate::attribute::{Attribute, Attributes};
use crate::model::Model;
use crate::model::catalogue::Side;
use crate::plan::{Lever, PlanEntry, schedule};
use crate::preset::Preset;
use crate::trajectory::{StepDrivers, capabilities};

/// The step by which an attribute is moved.
const STEP: f64 = 0.1;
/// Gains at or below this count as none (rounding noise of the simulation).
const NOTHING: f64 = 1e-12;

/// What moving one attribute does.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AttributeLever {
    pub attribute: Attribute,
    /// Capability at the horizon with the attribute 0.1 higher, minus without.
    pub gain_up: f64,
    /// The same with the attribute 0.1 lower.
    pub gain_down: f64,
}

/// What adding one catalogue intervention does.
#[derive(Debug, Clone, PartialEq)]
pub struct InterventionLever {
    /// An index into the model's catalogue.
    pub index: usize,
    pub side: Side,
    pub gain: f64,
    /// The unit cost, when the preset gives one.
    pub cost: Option<f64>,
    pub gain_per_million: Option<f64>,
    /// Whether the plan analysed has it already (then `gain` is what
    /// adding it once more does).
    pub in_plan: bool,
}

/// Which side binds, and how strongly.
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    /// The side of the intervention that gains most, when one gains anything.
    pub side: Option<Side>,
    /// Its gain over the best gain of the other side, when that is above 0.
    pub ratio: Option<f64>,
    /// The attribute whose rise gains most.
    pub attribute: Attribute,
    /// The intervention the sentence names as the one that gains most (an
    /// index into the model's catalogue), when it names one.
    pub intervention: Option<usize>,
    /// The sentence, from the model file's templates.
    pub text: String,
}

/// The lever analysis of one plan (or of no plan).
#[derive(Debug, Clone, PartialEq)]
pub struct Levers {
    /// The plan analysed, `None` for the cluster without a plan.
    pub plan: Option<usize>,
    /// Capability at the horizon with that plan.
    pub capability: f64,
    /// Every attribute but firm capability, by `gain_up`, highest first.
    pub attributes: Vec<AttributeLever>,
    /// The catalogue by gain, highest first.
    pub interventions: Vec<InterventionLever>,
    pub binding: Binding,
}

/// Capability at the horizon for these starting attributes and entries.
struct Horizon<'a> {
    model: &'a Model,
    horizon: u32,
    drivers: StepDrivers<'a>,
    buffer: Vec<f64>,
}

impl Horizon<'_> {
    fn capability(&mut self, start: &Attributes, entries: &[PlanEntry]) -> f64 {
        let scheduled = schedule(entries, self.model);
        capabilities(
            self.model,
            start,
            &scheduled,
            self.horizon,
            &mut self.drivers,
            &mut self.buffer,
        );
        self.buffer.last().copied().unwrap_or(0.0)
    }
}

/// The lever analysis of plan `plan` of the preset (or of no plan).
pub fn levers(model: &Model, preset: &Preset, plan: Option<usize>) -> Levers {
    let entries: &[PlanEntry] = plan
        .and_then(|i| preset.plans.get(i))
        .map_or(&[], |p| &p.entries);
    let mut h = Horizon {
        model,
        horizon: preset.horizon_years,
        drivers: StepDrivers::new(model),
        buffer: Vec::new(),
    };
    let start = &preset.attributes;
    let base = h.capability(start, entries);

    let mut attributes: Vec<AttributeLever> = Attribute::ALL
        .into_iter()
        .filter(|&a| a != Attribute::FirmCapability)
        .map(|a| {
            let mut moved = |to: f64| {
                let mut changed = *start;
                changed[a] = to;
                h.capability(&changed, entries) - base
            };
            AttributeLever {
                attribute: a,
                gain_up: moved((start[a] + STEP).min(1.0)),
                gain_down: moved((start[a] - STEP).max(0.0)),
            }
        })
        .collect();
    // A stable sort: ties keep the attributes' order.
    attributes.sort_by(|x, y| y.gain_up.total_cmp(&x.gain_up));

    let mut with = entries.to_vec();
    let mut interventions: Vec<InterventionLever> = model
        .catalogue
        .iter()
        .enumerate()
        .map(|(index, item)| {
            with.push(PlanEntry::from_catalogue(item, 0, 1.0, None));
            let gain = h.capability(start, &with) - base;
            with.pop();
            let cost = preset.unit_costs.get(&item.id);
            InterventionLever {
                index,
                side: item.side,
                gain,
                cost,
                gain_per_million: cost.filter(|&c| c > 0.0).map(|c| gain * 1e6 / c),
                in_plan: entries
                    .iter()
                    .any(|e| matches!(&e.lever, Lever::Catalogue(id) if *id == item.id)),
            }
        })
        .collect();
    interventions.sort_by(|x, y| y.gain.total_cmp(&x.gain));

    let binding = binding(model, &attributes, &interventions);
    Levers {
        plan,
        capability: base,
        attributes,
        interventions,
        binding,
    }
}

/// The binding side and its sentence (plans-and-levers §4).
fn binding(model: &Model, attributes: &[AttributeLever], ranked: &[InterventionLever]) -> Binding {
    let attribute = attributes
        .first()
        .map_or(Attribute::DemandForImprovement, |a| a.attribute);
    let attribute_name = model.attribute_in_sentence(attribute);
    let templates = &model.file.binding_constraint;
    let top = ranked.first().filter(|t| t.gain > NOTHING);
    let Some(top) = top else {
        return Binding {
            side: None,
            ratio: None,
            attribute,
            intervention: None,
            text: templates.none.replace("{attribute}", attribute_name),
        };
    };
    let other_side = match top.side {
        Side::Supply => Side::Demand,
        Side::Demand => Side::Supply,
    };
    let best_other = ranked.iter().find(|i| i.side == other_side);
    let ratio = best_other
        .filter(|o| o.gain > NOTHING)
        .map(|o| top.gain / o.gain);
    let name = |i: &InterventionLever| model.catalogue[i.index].in_sentence.as_str();
    let side_name = model.side_name(top.side);
    let template = if ratio.is_some() {
        &templates.both
    } else {
        &templates.alone
    };
    let mut text = template
        .replace("{Side}", side_name)
        .replace("{other side}", model.side_in_sentence(other_side))
        .replace("{top}", name(top))
        .replace("{attribute}", attribute_name);
    if let (Some(r), Some(o)) = (ratio, best_other) {
        text = text
            .replace("{ratio}", &crate::text::number(r, 1))
            .replace("{other}", name(o));
    }
    Binding {
        side: Some(top.side),
        ratio,
        attribute,
        intervention: Some(top.index),
        text,
    }
}
