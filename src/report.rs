//! The evaluation report written by `cluster-workbench evaluate`, version 2
//! (plans-and-levers §6): the baseline with its own warnings, and each plan
//! with its cells, trajectory, warnings and comparison numbers. Numbers are
//! unrounded; cells and warnings in reference order.

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

/// The `format` value of a report.
pub const REPORT_FORMAT: &str = "cluster-workbench-report";
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

fn scenario<'a>(model: &'a Model, s: &'a Scenario, warnings: &'a [Warning]) -> ScenarioOut<'a> {
    ScenarioOut {
        attributes: &s.attributes,
        cells: s.cells.iter().map(cell).collect(),
        trajectory: s.trajectory.years.iter().map(year).collect(),
        warnings: warnings.iter().map(|w| warning(model, w)).collect(),
    }
}

/// The report as pretty JSON with one trailing newline.
pub fn report_json(model: &Model, preset: &Preset, e: &Evaluation) -> String {
    let report = Report {
        format: REPORT_FORMAT,
        version: REPORT_VERSION,
        name: &preset.name,
        horizon_years: e.horizon_years,
        baseline: scenario(model, &e.baseline, &e.baseline_warnings),
        plans: preset
            .plans
            .iter()
            .zip(&e.plans)
            .map(|(plan, p)| PlanOut {
                name: &plan.name,
                scenario: scenario(model, &p.scenario, &p.warnings),
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
