//! Every change a user can make to a preset, as a value, and what it does.
//! The window's document applies edits through [`Edit::apply`] and then checks
//! the result by the rules a file is read with ([`Preset::check`]), so an
//! edit either gives a preset the reader would accept or is refused with the
//! reason.
//!
//! An edit also keeps its value the way the window shows it, so that no view
//! has to: attributes, uncertainties and intensities to hundredths, costs to
//! whole units of money, and each within the range it may take (see
//! [`hundredths`] and [`whole_units`]). A view sends what the control holds,
//! a slider's 0.3472 or a keyboard step past an end, and the preset stores
//! 0.35 or the end.

use crate::attribute::Attribute;
use crate::model::Model;
use crate::model::chain::BoxKind;
use crate::plan::indicators::Field;
use crate::plan::rules::MAX_HALF_WIDTH;
use crate::plan::{CustomIntervention, Lever, Plan, PlanEntry, rules};
use crate::preset::{Preset, PresetError};
use crate::survey::evidence::{Evidence, SurveyEvidence};
use crate::text::messages::said;

/// One change to a preset. Plans and entries are named by their index.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Set an attribute: kept to hundredths, within 0..=1.
    SetAttribute(Attribute, f64),
    /// Set how uncertain an attribute is: a half-width kept to hundredths,
    /// within 0..=0.5.
    SetUncertainty(Attribute, f64),
    /// Set attributes from a survey, each with its spread as the
    /// uncertainty and the survey as its evidence (a note stays): one step
    /// to undo, however many attributes.
    FromSurvey(Vec<SurveyValue>),
    /// Write (or, with `None` or blank text, clear) the note on where an
    /// attribute's value came from.
    SetEvidenceNote(Attribute, Option<String>),
    /// Set the planning horizon (1..=50 years).
    SetHorizon(u32),
    /// Set (to whole units; below 0 is refused) or clear a catalogue
    /// intervention's unit cost.
    SetUnitCost {
        id: String,
        cost: Option<f64>,
    },
    /// Set what the costs are written in ("USD", "FCFA"), as typed: kept
    /// without spaces at either end; blank text (or `None`) clears it.
    SetCurrency(Option<String>),
    /// Append a new, empty plan with this name.
    AddPlan {
        name: String,
    },
    /// Insert a copy of a plan, with a new name, just after it.
    DuplicatePlan {
        plan: usize,
        name: String,
    },
    RenamePlan {
        plan: usize,
        name: String,
    },
    DeletePlan {
        plan: usize,
    },
    SetPlanNote {
        plan: usize,
        note: Option<String>,
    },
    /// Add a catalogue intervention at intensity 1 starting in `start_year`;
    /// its cost is the unit cost, when known.
    AddCatalogueEntry {
        plan: usize,
        id: String,
        start_year: u32,
    },
    /// Add a custom intervention at intensity 1 starting in `start_year`.
    AddCustomEntry {
        plan: usize,
        custom: CustomIntervention,
        start_year: u32,
    },
    RemoveEntry {
        plan: usize,
        entry: usize,
    },
    /// Move an entry's start; a year after the horizon becomes the horizon.
    SetStartYear {
        plan: usize,
        entry: usize,
        year: u32,
    },
    /// Set an entry's intensity: kept to hundredths, within 0..=1.
    SetIntensity {
        plan: usize,
        entry: usize,
        intensity: f64,
    },
    /// Set (to whole units; below 0 is refused) or clear an entry's own
    /// cost.
    SetCost {
        plan: usize,
        entry: usize,
        cost: Option<f64>,
    },
    /// Swap an entry with the one applied just before (or after) it in the
    /// same start year.
    MoveWithinYear {
        plan: usize,
        entry: usize,
        earlier: bool,
    },
    /// Write (or, with `None` or blank text, clear) one field of a
    /// results-chain box: an entry's box, or with `entry: None` one of the
    /// plan's impact boxes.
    SetIndicator {
        plan: usize,
        entry: Option<usize>,
        kind: BoxKind,
        field: Field,
        value: Option<String>,
    },
}

/// One attribute's value from a survey, with what the survey said.
#[derive(Debug, Clone, PartialEq)]
pub struct SurveyValue {
    pub attribute: Attribute,
    pub value: f64,
    pub evidence: SurveyEvidence,
}

fn forget_survey(p: &mut Preset, a: Attribute) {
    if let Some(e) = p.evidence.get(a).filter(|e| e.survey.is_some()) {
        let kept = Evidence {
            survey: None,
            note: e.note.clone(),
        };
        p.evidence.set(a, kept);
    }
}

impl Edit {
    /// Writes `text` into one field of a box of entry `entry`'s results
    /// chain: the entry's own box, or for an impact box the plan's, which
    /// every entry's chain shares.
    pub fn indicator(plan: usize, entry: usize, kind: BoxKind, field: Field, text: String) -> Edit {
        Edit::SetIndicator {
            plan,
            entry: (!kind.is_plan_level()).then_some(entry),
            kind,
            field,
            value: Some(text),
        }
    }
}

/// What a continuous gesture (a slider or bar being dragged, a note being
/// typed) is changing: its edits join one undo step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Attribute(Attribute),
    Uncertainty(Attribute),
    Horizon,
    UnitCost(String),
    Note(usize),
    EvidenceNote(Attribute),
    StartYear(usize, usize),
    Intensity(usize, usize),
    Cost(usize, usize),
    Indicator(usize, Option<usize>, BoxKind, Field),
}

/// Which plan is active after an edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The active plan stays (its index corrected if plans before it moved).
    Keep,
    /// This plan becomes active (a plan just added or copied).
    Plan(usize),
    /// A plan was deleted at this index.
    Deleted(usize),
}

/// Why an edit was refused; the preset is unchanged.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EditError {
    #[error("{}", said(|m| m.no_plan, &[("plan", &.0.to_string())]))]
    NoPlan(usize),
    #[error("{}", said(|m| m.no_entry, &[("plan", plan), ("entry", &entry.to_string())]))]
    NoEntry { plan: String, entry: usize },
    #[error("{}", said(|m| m.entry_after_horizon, &[("entry", entry), ("plan", plan), ("start_year", &start_year.to_string()), ("horizon", &horizon.to_string())]))]
    EntryAfterHorizon {
        plan: String,
        entry: String,
        start_year: u32,
        horizon: u32,
    },
    #[error("{0}")]
    Rule(#[from] rules::RuleError),
    #[error("{0}")]
    Refused(#[from] PresetError),
}

impl Edit {
    /// The gesture target of a continuous edit, `None` for one-off edits.
    pub fn target(&self) -> Option<Target> {
        Some(match self {
            Edit::SetAttribute(a, _) => Target::Attribute(*a),
            Edit::SetUncertainty(a, _) => Target::Uncertainty(*a),
            Edit::SetHorizon(_) => Target::Horizon,
            Edit::SetUnitCost { id, .. } => Target::UnitCost(id.clone()),
            Edit::SetPlanNote { plan, .. } => Target::Note(*plan),
            Edit::SetEvidenceNote(a, _) => Target::EvidenceNote(*a),
            Edit::SetStartYear { plan, entry, .. } => Target::StartYear(*plan, *entry),
            Edit::SetIntensity { plan, entry, .. } => Target::Intensity(*plan, *entry),
            Edit::SetCost { plan, entry, .. } => Target::Cost(*plan, *entry),
            Edit::SetIndicator {
                plan,
                entry,
                kind,
                field,
                ..
            } => Target::Indicator(*plan, *entry, *kind, *field),
            _ => return None,
        })
    }

    /// Applies the edit to `preset` and checks the result by the file rules.
    /// On an error `preset` may be half-changed: apply to a copy.
    pub fn apply(self, preset: &mut Preset, model: &Model) -> Result<Focus, EditError> {
        let focus = self.change(preset, model)?;
        preset.check(model)?;
        Ok(focus)
    }

    fn change(self, p: &mut Preset, model: &Model) -> Result<Focus, EditError> {
        match self {
            Edit::SetAttribute(a, v) => {
                let v = hundredths(v, 1.0);
                // A value set by hand is no longer the survey's: its note stays.
                if v != p.attributes[a] {
                    forget_survey(p, a);
                }
                p.attributes[a] = v;
            }
            Edit::FromSurvey(values) => {
                for v in values {
                    p.attributes[v.attribute] = hundredths(v.value, 1.0);
                    p.uncertainty[v.attribute] = hundredths(v.evidence.spread, MAX_HALF_WIDTH);
                    let mut e = p.evidence.get(v.attribute).cloned().unwrap_or_default();
                    e.survey = Some(v.evidence);
                    p.evidence.set(v.attribute, e);
                }
            }
            Edit::SetEvidenceNote(a, note) => {
                let mut e = p.evidence.get(a).cloned().unwrap_or_default();
                // Kept as typed (a space between words arrives before the
                // word after it); blank text clears it.
                e.note = note.filter(|n| !n.trim().is_empty());
                p.evidence.set(a, e);
            }
            Edit::SetUncertainty(a, u) => {
                let u = hundredths(u, MAX_HALF_WIDTH);
                // An uncertainty set by hand is no longer the survey's spread.
                if u != p.uncertainty[a] {
                    forget_survey(p, a);
                }
                p.uncertainty[a] = u;
            }
            Edit::SetHorizon(h) => {
                let h = rules::horizon(h.into())?;
                if let Some(e) = entry_after(p, h, model) {
                    return Err(e);
                }
                p.horizon_years = h;
            }
            Edit::SetUnitCost { id, cost } => {
                let cost = cost.map(whole_units).transpose()?;
                p.unit_costs.set(model, &id, cost);
            }
            Edit::SetCurrency(text) => p.currency = currency(text),
            Edit::AddPlan { name } => {
                p.plans.push(Plan::named(name));
                return Ok(Focus::Plan(p.plans.len() - 1));
            }
            Edit::DuplicatePlan { plan, name } => {
                let mut copy = plan_mut(p, plan)?.clone();
                copy.name = name;
                p.plans.insert(plan + 1, copy);
                return Ok(Focus::Plan(plan + 1));
            }
            Edit::RenamePlan { plan, name } => plan_mut(p, plan)?.name = name,
            Edit::DeletePlan { plan } => {
                plan_mut(p, plan)?;
                p.plans.remove(plan);
                return Ok(Focus::Deleted(plan));
            }
            Edit::SetPlanNote { plan, note } => plan_mut(p, plan)?.note = note,
            Edit::AddCatalogueEntry {
                plan,
                id,
                start_year,
            } => {
                let unit_cost = p.unit_costs.get(&id);
                let intervention = model
                    .intervention(&id)
                    .ok_or_else(|| PresetError::unknown_intervention("", &id, model))?;
                let entry = PlanEntry::from_catalogue(intervention, start_year, 1.0, unit_cost);
                plan_mut(p, plan)?.entries.push(entry);
            }
            Edit::AddCustomEntry {
                plan,
                custom,
                start_year,
            } => plan_mut(p, plan)?.entries.push(PlanEntry {
                lever: Lever::Custom(custom),
                start_year,
                intensity: Some(1.0),
                cost: None,
                indicators: Default::default(),
            }),
            Edit::RemoveEntry { plan, entry } => {
                entry_mut(p, plan, entry)?;
                plan_mut(p, plan)?.entries.remove(entry);
            }
            Edit::SetStartYear { plan, entry, year } => {
                // A bar dragged past the end of the timeline stops there.
                let horizon = p.horizon_years;
                entry_mut(p, plan, entry)?.start_year = year.min(horizon)
            }
            Edit::SetIntensity {
                plan,
                entry,
                intensity,
            } => entry_mut(p, plan, entry)?.intensity = Some(hundredths(intensity, 1.0)),
            Edit::SetCost { plan, entry, cost } => {
                let cost = cost.map(whole_units).transpose()?;
                entry_mut(p, plan, entry)?.cost = cost
            }
            Edit::MoveWithinYear {
                plan,
                entry,
                earlier,
            } => {
                entry_mut(p, plan, entry)?;
                let plan = plan_mut(p, plan)?;
                if let Some(other) = plan.neighbour_in_year(entry, earlier) {
                    plan.entries.swap(entry, other);
                }
            }
            Edit::SetIndicator {
                plan,
                entry,
                kind,
                field,
                value,
            } => {
                // The preset check that follows refuses a box put where it
                // does not belong, and text too long for a field.
                let indicators = match entry {
                    Some(entry) => &mut entry_mut(p, plan, entry)?.indicators,
                    None => &mut plan_mut(p, plan)?.indicators,
                };
                indicators.set(kind, field, value);
            }
        }
        Ok(Focus::Keep)
    }
}

/// A share (an attribute, an uncertainty, an intensity) as the preset keeps
/// it: within `0..=max`, to two decimals. Two decimals are what the window
/// shows, so a saved preset reads 0.35 rather than the 0.3472 a slider's
/// pixel gave, and a keyboard step of 0.01 lands on the next value shown; a
/// step past an end stays at the end. Not a number stays not a number, for
/// the preset check to refuse.
pub fn hundredths(x: f64, max: f64) -> f64 {
    (x.clamp(0.0, max) * 100.0).round() / 100.0
}

/// A cost as the preset keeps it: whole units of money, which is all a
/// budget line is written in. Below 0, or not a number, is refused rather
/// than rounded up to 0.
pub fn whole_units(cost: f64) -> Result<f64, rules::RuleError> {
    rules::cost(cost).map(f64::round)
}

/// A currency as the preset keeps it: trimmed, and none when blank (the
/// preset check then refuses one too long or with a control character).
fn currency(text: Option<String>) -> Option<String> {
    text.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty())
}

fn plan_mut(p: &mut Preset, plan: usize) -> Result<&mut Plan, EditError> {
    p.plans.get_mut(plan).ok_or(EditError::NoPlan(plan))
}

fn entry_mut(p: &mut Preset, plan: usize, entry: usize) -> Result<&mut PlanEntry, EditError> {
    let plan = plan_mut(p, plan)?;
    let name = plan.name.clone();
    plan.entries
        .get_mut(entry)
        .ok_or(EditError::NoEntry { plan: name, entry })
}

/// The first entry, in preset order, that starts after `horizon`: it stands
/// in the way of a shorter horizon.
fn entry_after(p: &Preset, horizon: u32, model: &Model) -> Option<EditError> {
    p.plans.iter().find_map(|plan| {
        plan.entries
            .iter()
            .find(|e| e.start_year > horizon)
            .map(|e| EditError::EntryAfterHorizon {
                plan: plan.name.clone(),
                entry: e.name(model).to_owned(),
                start_year: e.start_year,
                horizon,
            })
    })
}

/// A name for a new plan that no plan has yet: the stem, else "stem 2",
/// "stem 3", …, the stem shortened to leave room for the number. With at most
/// twelve plans one of the first thirteen candidates is free; should none be
/// (a stem the rules refuse), the stem is returned for the user to change.
pub fn unused_plan_name(p: &Preset, stem: &str) -> String {
    let room = rules::MAX_PLAN_NAME - 3;
    let short: String = stem.chars().take(room).collect();
    let short = short.trim_end();
    (1..=rules::MAX_PLANS + 1)
        .map(|n| match n {
            1 => stem.chars().take(rules::MAX_PLAN_NAME).collect(),
            _ => format!("{short} {n}"),
        })
        .find(|name| rules::plan_name_among(name, p.plans.iter().map(|q| q.name.as_str())).is_ok())
        .unwrap_or_else(|| stem.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup() -> (Model, Preset) {
        let m = Model::default_model().unwrap();
        let mut p = Preset::new_untitled(&m, "t");
        p.plans.push(Plan::named("A"));
        (m, p)
    }

    #[test]
    fn a_catalogue_entry_gets_its_unit_cost_once() {
        let (m, mut p) = setup();
        Edit::SetUnitCost {
            id: "buyer_linkage".into(),
            cost: Some(250000.0),
        }
        .apply(&mut p, &m)
        .unwrap();
        Edit::AddCatalogueEntry {
            plan: 0,
            id: "buyer_linkage".into(),
            start_year: 0,
        }
        .apply(&mut p, &m)
        .unwrap();
        assert_eq!(p.plans[0].entries[0].cost, Some(250000.0));
        // Later changes of intensity or unit cost leave the entry's cost.
        Edit::SetIntensity {
            plan: 0,
            entry: 0,
            intensity: 0.5,
        }
        .apply(&mut p, &m)
        .unwrap();
        Edit::SetUnitCost {
            id: "buyer_linkage".into(),
            cost: Some(1.0),
        }
        .apply(&mut p, &m)
        .unwrap();
        assert_eq!(p.plans[0].entries[0].cost, Some(250000.0));
    }

    #[test]
    fn shares_are_kept_to_hundredths_within_their_range() {
        let (m, mut p) = setup();
        let a = Attribute::ClusterSize;
        for (sent, stored) in [(0.234, 0.23), (0.3472, 0.35), (1.7, 1.0), (-0.2, 0.0)] {
            Edit::SetAttribute(a, sent).apply(&mut p, &m).unwrap();
            assert_eq!(p.attributes[a], stored, "attribute {sent}");
        }
        // A keyboard step of 0.01 from a value kept to hundredths lands on
        // the next one, and past an end stays there.
        for (sent, stored) in [(0.5 + 0.01, 0.51), (0.29 - 0.01, 0.28), (1.0 + 0.01, 1.0)] {
            Edit::SetAttribute(a, sent).apply(&mut p, &m).unwrap();
            assert_eq!(p.attributes[a], stored, "step to {sent}");
        }
        for (sent, stored) in [(0.123, 0.12), (0.77, 0.5), (-0.1, 0.0)] {
            Edit::SetUncertainty(a, sent).apply(&mut p, &m).unwrap();
            assert_eq!(p.uncertainty[a], stored, "uncertainty {sent}");
        }
        Edit::AddCatalogueEntry {
            plan: 0,
            id: "training_centre".into(),
            start_year: 2,
        }
        .apply(&mut p, &m)
        .unwrap();
        for (sent, stored) in [(0.456, 0.46), (1.2, 1.0), (-0.5, 0.0)] {
            let edit = Edit::SetIntensity {
                plan: 0,
                entry: 0,
                intensity: sent,
            };
            edit.apply(&mut p, &m).unwrap();
            assert_eq!(
                p.plans[0].entries[0].intensity,
                Some(stored),
                "intensity {sent}"
            );
        }
    }

    #[test]
    fn costs_are_kept_in_whole_units_and_years_within_the_horizon() {
        let (m, mut p) = setup();
        Edit::AddCatalogueEntry {
            plan: 0,
            id: "training_centre".into(),
            start_year: 2,
        }
        .apply(&mut p, &m)
        .unwrap();
        let cost = |cost| Edit::SetCost {
            plan: 0,
            entry: 0,
            cost: Some(cost),
        };
        cost(1234.6).apply(&mut p, &m).unwrap();
        assert_eq!(p.plans[0].entries[0].cost, Some(1235.0));
        assert!(cost(-3.0).apply(&mut p.clone(), &m).is_err());
        Edit::SetUnitCost {
            id: "training_centre".into(),
            cost: Some(99.4),
        }
        .apply(&mut p, &m)
        .unwrap();
        assert_eq!(p.unit_costs.get("training_centre"), Some(99.0));
        // The horizon is 15 years: a bar dragged to year 40 stops at 15.
        assert_eq!(p.horizon_years, 15);
        for (sent, stored) in [(7, 7), (40, 15)] {
            let edit = Edit::SetStartYear {
                plan: 0,
                entry: 0,
                year: sent,
            };
            edit.apply(&mut p, &m).unwrap();
            assert_eq!(p.plans[0].entries[0].start_year, stored, "year {sent}");
        }
    }

    #[test]
    fn a_shorter_horizon_names_the_entry_in_the_way() {
        let (m, mut p) = setup();
        Edit::AddCatalogueEntry {
            plan: 0,
            id: "training_centre".into(),
            start_year: 12,
        }
        .apply(&mut p, &m)
        .unwrap();
        let err = Edit::SetHorizon(10).apply(&mut p.clone(), &m).unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("Training centre") && text.contains("year 12"),
            "{text}"
        );
        assert!(Edit::SetHorizon(12).apply(&mut p, &m).is_ok());
        assert!(Edit::SetHorizon(0).apply(&mut p.clone(), &m).is_err());
    }

    #[test]
    fn edits_the_reader_would_refuse_are_refused() {
        let (m, p) = setup();
        let refused = [
            Edit::SetAttribute(Attribute::ClusterSize, f64::NAN),
            Edit::AddPlan { name: "a".into() },
            Edit::AddPlan {
                name: "No plan".into(),
            },
            Edit::RenamePlan {
                plan: 0,
                name: " ".into(),
            },
            Edit::AddCatalogueEntry {
                plan: 0,
                id: "training_centre".into(),
                start_year: 16,
            },
            Edit::DeletePlan { plan: 3 },
            Edit::SetUnitCost {
                id: "training_centre".into(),
                cost: Some(-1.0),
            },
        ];
        for edit in refused {
            let mut q = p.clone();
            assert!(edit.clone().apply(&mut q, &m).is_err(), "{edit:?} accepted");
        }
        let mut q = p.clone();
        for _ in 0..11 {
            let name = unused_plan_name(&q, "Plan");
            Edit::AddPlan { name }.apply(&mut q, &m).unwrap();
        }
        assert_eq!(q.plans.len(), 12);
        let name = unused_plan_name(&q, "Plan");
        assert!(Edit::AddPlan { name }.apply(&mut q, &m).is_err());
    }

    #[test]
    fn duplicating_inserts_the_copy_after_and_focuses_it() {
        let (m, mut p) = setup();
        p.plans.push(Plan::named("B"));
        let focus = Edit::DuplicatePlan {
            plan: 0,
            name: "A copy".into(),
        }
        .apply(&mut p, &m)
        .unwrap();
        assert_eq!(focus, Focus::Plan(1));
        let names: Vec<&str> = p.plans.iter().map(|q| q.name.as_str()).collect();
        assert_eq!(names, ["A", "A copy", "B"]);
        assert_eq!(unused_plan_name(&p, "A"), "A 2");
        // A long name's copy is shortened to fit, and the search ends.
        let long = "x".repeat(78);
        p.plans.push(Plan::named(
            format!("{long} (copy)")
                .chars()
                .take(80)
                .collect::<String>(),
        ));
        let name = unused_plan_name(&p, &format!("{long} (copy)"));
        assert!(rules::plan_name_among(&name, p.plans.iter().map(|q| q.name.as_str())).is_ok());
        assert!(name.chars().count() <= rules::MAX_PLAN_NAME);
    }
}
