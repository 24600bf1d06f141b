//! The evaluation report written by `cluster-workbench evaluate`, version 2
//! (plans-and-levers §6): the baseline with its own warnings, and each plan
//! with its cells, trajectory, warnings and comparison numbers. Numbers are
//! unrounded; cells and warnings in reference order.

use crate::analysis::levers::Levers;
use crate::analysis::uncertainty::{Band, Uncertainty};
use crate::attribute::Attributes;
use crate::cells::CellResult;
use crate::evaluation::{Evaluation, Scenario};
use crate::mechanism::Effort;
use crate::model::Model;
use crate::model::warning::WarningId;
use crate::preset::Preset;
use crate::trajectory::Year;
use crate::warnings::Warning;
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

pub use crate::format::{LEVERS_FORMAT, REPORT_FORMAT};
/// The report version this build writes.
pub const REPORT_VERSION: u64 = 2;

#[derive(Serialize)]
struct Report<'a> {
    format: &'static str,
    version: u64,
    name: &'a str,
    horizon_years: u32,
    baseline: ScenarioOut<'a>,
    plans: Vec<PlanOut<'a>>,
}

#[derive(Serialize)]
struct ScenarioOut<'a> {
    attributes: &'a Attributes,
    cells: Vec<CellOut>,
    trajectory: Vec<YearOut>,
    warnings: Vec<WarningOut<'a>>,
    /// Only with uncertainty and runs (never `[]` or null).
    #[serde(skip_serializing_if = "Option::is_none")]
    band: Option<&'a [Band]>,
}

impl Serialize for Band {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(4))?;
        map.serialize_entry("year", &self.year)?;
        map.serialize_entry("p10", &self.p10)?;
        map.serialize_entry("p50", &self.p50)?;
        map.serialize_entry("p90", &self.p90)?;
        map.end()
    }
}

#[derive(Serialize)]
struct PlanOut<'a> {
    name: &'a str,
    #[serde(flatten)]
    scenario: ScenarioOut<'a>,
    capability: f64,
    stage: &'static str,
    gain: f64,
    first_intermediate_year: Option<u32>,
    total_cost: Option<f64>,
    gain_per_million: Option<f64>,
}

#[derive(Serialize)]
struct CellOut {
    mechanism: &'static str,
    effort: &'static str,
    kind: &'static str,
    strength: f64,
    band: &'static str,
    limited_by: &'static str,
}

#[derive(Serialize)]
struct YearOut {
    year: u32,
    capability: f64,
    stage: &'static str,
    learning_capability: f64,
    demand: f64,
    effort: EffortOut,
    total_effort: f64,
}

struct EffortOut([f64; 4]);

impl Serialize for EffortOut {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(4))?;
        for e in Effort::ALL {
            map.serialize_entry(e.id(), &self.0[e.index()])?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct WarningOut<'a> {
    id: &'static str,
    severity: &'static str,
    message: String,
    sources: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    years: Option<&'a [u32]>,
}

fn cell(c: &CellResult) -> CellOut {
    CellOut {
        mechanism: c.cell.mechanism.id(),
        effort: c.cell.effort.id(),
        kind: c.cell.kind().id(),
        strength: c.strength,
        band: c.band.id(),
        limited_by: c.limited_by.id(),
    }
}

fn year(y: &Year) -> YearOut {
    YearOut {
        year: y.year,
        capability: y.capability,
        stage: y.stage.id(),
        learning_capability: y.learning_capability,
        demand: y.demand,
        effort: EffortOut(y.effort),
        total_effort: y.total_effort,
    }
}

fn warning<'a>(model: &'a Model, w: &'a Warning) -> WarningOut<'a> {
    let info = model.warning(w.id);
    WarningOut {
        id: w.id.id(),
        severity: info.severity.id(),
        message: w.message(model),
        sources: &info.sources,
        years: (w.id == WarningId::SupplyWithoutDemand).then_some(w.years.as_slice()),
    }
}

fn scenario<'a>(
    model: &'a Model,
    s: &'a Scenario,
    warnings: &'a [Warning],
    band: Option<&'a [Band]>,
) -> ScenarioOut<'a> {
    ScenarioOut {
        attributes: &s.attributes,
        cells: s.cells.iter().map(cell).collect(),
        trajectory: s.trajectory.years.iter().map(year).collect(),
        warnings: warnings.iter().map(|w| warning(model, w)).collect(),
        band,
    }
}

/// The report as pretty JSON with one trailing newline; `bands` is the Monte
/// Carlo, when there is uncertainty and it ran.
pub fn report_json(
    model: &Model,
    preset: &Preset,
    e: &Evaluation,
    bands: Option<&Uncertainty>,
) -> String {
    let report = Report {
        format: REPORT_FORMAT,
        version: REPORT_VERSION,
        name: &preset.name,
        horizon_years: e.horizon_years,
        baseline: scenario(
            model,
            &e.baseline,
            &e.baseline_warnings,
            bands.map(|u| u.baseline.as_slice()),
        ),
        plans: preset
            .plans
            .iter()
            .zip(&e.plans)
            .enumerate()
            .map(|(i, (plan, p))| PlanOut {
                name: &plan.name,
                scenario: scenario(
                    model,
                    &p.scenario,
                    &p.warnings,
                    bands.and_then(|u| u.plans.get(i)).map(Vec::as_slice),
                ),
                capability: p.outcome.capability,
                stage: p.outcome.stage.id(),
                gain: p.outcome.gain,
                first_intermediate_year: p.outcome.first_intermediate_year,
                total_cost: p.outcome.total_cost,
                gain_per_million: p.outcome.gain_per_million,
            })
            .collect(),
    };
    // Plain structs of strings and finite numbers: serialising cannot fail.
    let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
    text.push('\n');
    text
}

#[derive(Serialize)]
struct LeversOut<'a> {
    format: &'static str,
    version: u64,
    name: &'a str,
    plan: Option<&'a str>,
    horizon_years: u32,
    capability: f64,
    attributes: Vec<AttributeOut>,
    interventions: Vec<InterventionOut<'a>>,
    binding: BindingOut<'a>,
}

#[derive(Serialize)]
struct AttributeOut {
    id: &'static str,
    gain_up: f64,
    gain_down: f64,
}

#[derive(Serialize)]
struct InterventionOut<'a> {
    id: &'a str,
    side: &'static str,
    gain: f64,
    cost: Option<f64>,
    gain_per_million: Option<f64>,
}

#[derive(Serialize)]
struct BindingOut<'a> {
    side: Option<&'static str>,
    ratio: Option<f64>,
    attribute: &'static str,
    text: &'a str,
}

/// The lever analysis (plans-and-levers §6) as pretty JSON with one trailing
/// newline; numbers unrounded.
pub fn levers_json(model: &Model, preset: &Preset, l: &Levers) -> String {
    let out = LeversOut {
        format: LEVERS_FORMAT,
        version: 1,
        name: &preset.name,
        plan: l
            .plan
            .and_then(|i| preset.plans.get(i))
            .map(|p| p.name.as_str()),
        horizon_years: preset.horizon_years,
        capability: l.capability,
        attributes: l
            .attributes
            .iter()
            .map(|a| AttributeOut {
                id: a.attribute.id(),
                gain_up: a.gain_up,
                gain_down: a.gain_down,
            })
            .collect(),
        interventions: l
            .interventions
            .iter()
            .map(|i| InterventionOut {
                id: &model.catalogue[i.index].id,
                side: i.side.id(),
                gain: i.gain,
                cost: i.cost,
                gain_per_million: i.gain_per_million,
            })
            .collect(),
        binding: BindingOut {
            side: l.binding.side.map(|s| s.id()),
            ratio: l.binding.ratio,
            attribute: l.binding.attribute.id(),
            text: &l.binding.text,
        },
    };
    // Plain structs of strings and finite numbers: serialising cannot fail.
    let mut text = serde_json::to_string_pretty(&out).unwrap_or_default();
    text.push('\n');
    text
}
