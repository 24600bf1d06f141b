//! Plans of interventions: the policy levers (reference model §5,
//! plans-and-levers §2). A preset holds several named plans for one cluster;
//! a plan entry changes attributes from its start year on, and capability and
//! demand then change only through the yearly step of the trajectory.

pub mod indicators;
pub mod rules;

use crate::attribute::{Attribute, Attributes};
use crate::model::Model;
use crate::model::catalogue::{Intervention, Side, check_effect};
use indicators::Indicators;
use rules::RuleError;

/// An intervention the user defines in the preset itself.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomIntervention {
    pub name: String,
    pub side: Side,
    /// Attribute changes at intensity 1, in reference-model attribute order.
    pub effects: Vec<(Attribute, f64)>,
}

impl CustomIntervention {
    /// A custom intervention that obeys the rules a preset file does: a name,
    /// at least one effect, each on an attribute other than firm_capability, in
    /// -1..=1. Effects are put in reference-model order, as files write them.
    pub fn new(name: String, side: Side, effects: &[(Attribute, f64)]) -> Result<Self, RuleError> {
        rules::custom_name(&name)?;
        let mut checked: Vec<(Attribute, f64)> = Vec::new();
        for &(a, delta) in effects {
            check_effect(a.id(), delta, &checked)?;
            checked.push((a, delta));
        }
        if checked.is_empty() {
            return Err(RuleError::NoEffects);
        }
        checked.sort_by_key(|(a, _)| *a);
        Ok(CustomIntervention {
            name,
            side,
            effects: checked,
        })
    }
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
    /// The entry's own cost: set once when the entry is added, not changed by
    /// later edits of intensity or unit costs.
    pub cost: Option<f64>,
    /// What the user wrote into the boxes of the entry's results chain
    /// (activity to capability).
    pub indicators: Indicators,
}

impl PlanEntry {
    /// A catalogue intervention starting in `start_year` at `intensity`, with
    /// the cost its unit cost gives at that intensity, when there is one
    /// (plans-and-levers §2: the cost is set once, when the entry is added).
    pub fn from_catalogue(
        intervention: &Intervention,
        start_year: u32,
        intensity: f64,
        unit_cost: Option<f64>,
    ) -> PlanEntry {
        PlanEntry {
            lever: Lever::Catalogue(intervention.id.clone()),
            start_year,
            intensity: Some(intensity),
            cost: unit_cost.map(|c| c * intensity),
            indicators: Indicators::default(),
        }
    }

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

    /// The entry's side.
    pub fn side(&self, model: &Model) -> Option<Side> {
        self.resolve(model).map(|(side, _)| side)
    }

    /// What the entry does at its intensity: each attribute and its change,
    /// before clamping to 0..1.
    pub fn effects_at_intensity(&self, model: &Model) -> Vec<(Attribute, f64)> {
        let intensity = self.intensity();
        self.resolve(model).map_or_else(Vec::new, |(_, effects)| {
            effects.iter().map(|&(a, d)| (a, intensity * d)).collect()
        })
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

/// One named plan of a preset.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub name: String,
    pub note: Option<String>,
    /// In plan order (the order of the file); entries of one start year apply
    /// in this order.
    pub entries: Vec<PlanEntry>,
    /// What the user wrote into the plan's impact boxes, which every entry's
    /// results chain shares.
    pub indicators: Indicators,
}

impl Plan {
    /// An empty plan.
    pub fn named(name: impl Into<String>) -> Plan {
        Plan {
            name: name.into(),
            note: None,
            entries: Vec::new(),
            indicators: Indicators::default(),
        }
    }

    /// The sum, in plan order, of the costs of the entries that have one;
    /// `None` when none has (plans-and-levers §3).
    pub fn total_cost(&self) -> Option<f64> {
        self.entries
            .iter()
            .filter_map(|e| e.cost)
            .fold(None, |sum, c| Some(sum.unwrap_or(0.0) + c))
    }

    /// The entries in the order they apply: by start year, plan order within
    /// a year (indices into [`Plan::entries`]).
    pub fn application_order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.entries.len()).collect();
        order.sort_by_key(|&i| self.entries[i].start_year);
        order
    }

    /// The entry that applies just before (`earlier`) or just after entry
    /// `index` in the same start year, if there is one: the entry it can swap
    /// places with when the user reorders within a year.
    pub fn neighbour_in_year(&self, index: usize, earlier: bool) -> Option<usize> {
        let year = self.entries.get(index)?.start_year;
        let same_year = |&i: &usize| self.entries[i].start_year == year;
        if earlier {
            (0..index).rev().find(same_year)
        } else {
            (index + 1..self.entries.len()).find(same_year)
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(year: u32, cost: Option<f64>) -> PlanEntry {
        PlanEntry {
            lever: Lever::Catalogue("buyer_linkage".into()),
            start_year: year,
            intensity: None,
            cost,
            indicators: Indicators::default(),
        }
    }

    #[test]
    fn total_cost_counts_only_entries_with_a_cost() {
        let mut p = Plan::named("p");
        assert_eq!(p.total_cost(), None);
        p.entries.push(entry(0, None));
        assert_eq!(p.total_cost(), None);
        p.entries.push(entry(0, Some(0.0)));
        assert_eq!(p.total_cost(), Some(0.0));
        p.entries.push(entry(3, Some(250000.0)));
        assert_eq!(p.total_cost(), Some(250000.0));
    }

    #[test]
    fn entries_reorder_only_within_their_year() {
        let mut p = Plan::named("p");
        p.entries = vec![
            entry(2, None),
            entry(0, None),
            entry(2, None),
            entry(1, None),
        ];
        assert_eq!(p.application_order(), vec![1, 3, 0, 2]);
        assert_eq!(p.neighbour_in_year(2, true), Some(0));
        assert_eq!(p.neighbour_in_year(0, false), Some(2));
        assert_eq!(p.neighbour_in_year(1, true), None);
        assert_eq!(p.neighbour_in_year(3, false), None);
    }

    #[test]
    fn a_custom_intervention_obeys_the_file_rules() {
        let ok = CustomIntervention::new(
            "Design clinic".into(),
            Side::Supply,
            &[
                (Attribute::KnowledgeFora, 0.1),
                (Attribute::Associations, 0.2),
            ],
        )
        .unwrap();
        // Reference-model order, as a file writes it.
        assert_eq!(ok.effects[0].0, Attribute::Associations);
        assert_eq!(
            CustomIntervention::new(" ".into(), Side::Supply, &[(Attribute::KnowledgeFora, 0.1)]),
            Err(RuleError::CustomName)
        );
        assert_eq!(
            CustomIntervention::new("x".into(), Side::Demand, &[]),
            Err(RuleError::NoEffects)
        );
        assert!(
            CustomIntervention::new(
                "x".into(),
                Side::Demand,
                &[(Attribute::FirmCapability, 0.1)]
            )
            .is_err()
        );
    }
}
