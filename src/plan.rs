//! Plans of interventions: the policy levers (reference model §5). A plan entry
//! changes attributes from its start year on; capability and demand then change
//! only through the yearly step of the trajectory.

use crate::attribute::{Attribute, Attributes};
use crate::model::Model;

/// Whether an intervention supports the supply side (associations, training,
/// facilities, fora) or links producers to demand (buyers, markets, standards).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    Supply,
    Demand,
}

impl Side {
    /// Both sides.
    pub const ALL: [Side; 2] = [Side::Supply, Side::Demand];

    /// The id used in files.
    pub fn id(self) -> &'static str {
        match self {
            Side::Supply => "supply",
            Side::Demand => "demand",
        }
    }

    /// The side with this id.
    pub fn from_id(id: &str) -> Option<Side> {
        Self::ALL.into_iter().find(|s| s.id() == id)
    }
}

/// Checks one effect of an intervention (catalogue or custom) given the
/// effects accepted before it: a known attribute other than firm_capability
/// (capability grows only through firms' own effort), each once, a change in
/// -1..=1. The error is the reason, for the caller to place in its file.
pub fn check_effect(
    key: &str,
    delta: f64,
    before: &[(Attribute, f64)],
) -> Result<Attribute, String> {
    let a = Attribute::from_id(key).ok_or_else(|| format!("unknown attribute \"{key}\""))?;
    if a == Attribute::FirmCapability {
        return Err("an intervention cannot set firm_capability: capability grows only through firms' own effort".into());
    }
    if before.iter().any(|(b, _)| *b == a) {
        return Err(format!("duplicate key \"{key}\""));
    }
    if !(-1.0..=1.0).contains(&delta) {
        return Err(format!("{delta} is outside -1..=1"));
    }
    Ok(a)
}

/// A catalogue intervention (its words live in the model file).
#[derive(Debug, Clone, PartialEq)]
pub struct Intervention {
    pub id: String,
    pub name: String,
    pub side: Side,
    /// Attribute changes at intensity 1, in the order they are applied.
    pub effects: Vec<(Attribute, f64)>,
}

/// An intervention the user defines in the preset itself.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomIntervention {
    pub name: String,
    pub side: Side,
    /// Attribute changes at intensity 1, in reference-model attribute order.
    pub effects: Vec<(Attribute, f64)>,
}

/// What a plan entry does: a catalogue intervention by id, or a custom one.
#[derive(Debug, Clone, PartialEq)]
pub enum Lever {
    Catalogue(String),
    Custom(CustomIntervention),
}

/// One entry of a plan.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanEntry {
    pub lever: Lever,
    pub start_year: u32,
    /// Absent means 1.
    pub intensity: Option<f64>,
    pub cost: Option<f64>,
}

impl PlanEntry {
    /// The intensity, 1 when the file gives none.
    pub fn intensity(&self) -> f64 {
        self.intensity.unwrap_or(1.0)
    }

    /// The entry's side and effects, from the catalogue or the entry itself.
    /// `None` for a catalogue id the model does not know (preset checking
    /// refuses those, so it only happens with a model swapped underneath).
    pub fn resolve<'a>(&'a self, model: &'a Model) -> Option<(Side, &'a [(Attribute, f64)])> {
        match &self.lever {
            Lever::Catalogue(id) => model
                .intervention(id)
                .map(|i| (i.side, i.effects.as_slice())),
            Lever::Custom(c) => Some((c.side, c.effects.as_slice())),
        }
    }

    /// A display name: the catalogue name or the custom name.
    pub fn name<'a>(&'a self, model: &'a Model) -> &'a str {
        match &self.lever {
            Lever::Catalogue(id) => model
                .intervention(id)
                .map_or(id.as_str(), |i| i.name.as_str()),
            Lever::Custom(c) => &c.name,
        }
    }
}

/// A plan as the preset file holds it: optional fields stay optional so that a
/// file saves back exactly as it was written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    pub horizon_years: Option<u32>,
    pub interventions: Option<Vec<PlanEntry>>,
}

impl Plan {
    /// The entries, in plan order (none when the file gives none).
    pub fn entries(&self) -> &[PlanEntry] {
        self.interventions.as_deref().unwrap_or(&[])
    }

    /// The horizon in years, the model's default when the file gives none.
    pub fn horizon(&self, model: &Model) -> u32 {
        self.horizon_years
            .unwrap_or_else(|| model.default_horizon())
    }
}

/// A plan entry made ready for the simulation: sorted, resolved, with its
/// intensity.
#[derive(Debug, Clone, Copy)]
pub struct Scheduled<'a> {
    pub start_year: u32,
    pub intensity: f64,
    pub side: Side,
    pub effects: &'a [(Attribute, f64)],
}

impl Scheduled<'_> {
    /// Applies the entry: `v ← min(1, max(0, v + intensity × delta))` per effect.
    pub fn apply(&self, a: &mut Attributes) {
        for &(attr, delta) in self.effects {
            a[attr] = (a[attr] + self.intensity * delta).clamp(0.0, 1.0);
        }
    }
}

/// The entries sorted by start year, in plan order within a year (a stable sort).
pub fn schedule<'a>(entries: &'a [PlanEntry], model: &'a Model) -> Vec<Scheduled<'a>> {
    let mut out: Vec<Scheduled<'a>> = entries
        .iter()
        .filter_map(|e| {
            e.resolve(model).map(|(side, effects)| Scheduled {
                start_year: e.start_year,
                intensity: e.intensity(),
                side,
                effects,
            })
        })
        .collect();
    out.sort_by_key(|s| s.start_year);
    out
}

/// The attributes after every entry of the schedule has been applied.
pub fn with_plan_attributes(start: &Attributes, schedule: &[Scheduled<'_>]) -> Attributes {
    let mut a = *start;
    for s in schedule {
        s.apply(&mut a);
    }
    a
}
