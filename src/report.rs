//! The evaluation report written by `cluster-workbench evaluate` (reference
//! model §7): numbers unrounded, cells and warnings in reference order.

use crate::attribute::Attributes;
use crate::cells::CellResult;
use crate::evaluation::{Evaluation, Scenario};
use crate::mechanism::Effort;
use crate::model::Model;
use crate::preset::Preset;
use crate::trajectory::Year;
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

/// The `format` value of a report.
pub const REPORT_FORMAT: &str = "cluster-workbench-report";

#[derive(Serialize)]
struct Report<'a> {
    format: &'static str,
    version: u64,
    name: &'a str,
    horizon_years: u32,
    baseline: ScenarioOut<'a>,
    with_plan: ScenarioOut<'a>,
    warnings: Vec<WarningOut<'a>>,
}

#[derive(Serialize)]
struct ScenarioOut<'a> {
    attributes: &'a Attributes,
    cells: Vec<CellOut>,
    trajectory: Vec<YearOut>,
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

fn scenario(s: &Scenario) -> ScenarioOut<'_> {
    ScenarioOut {
        attributes: &s.attributes,
        cells: s.cells.iter().map(cell).collect(),
        trajectory: s.trajectory.years.iter().map(year).collect(),
    }
}

/// The report as pretty JSON with one trailing newline.
pub fn report_json(model: &Model, preset: &Preset, e: &Evaluation) -> String {
    let report = Report {
        format: REPORT_FORMAT,
        version: 1,
        name: &preset.name,
        horizon_years: e.horizon_years,
        baseline: scenario(&e.baseline),
        with_plan: scenario(&e.with_plan),
        warnings: e
            .warnings
            .iter()
            .map(|w| {
                let info = model.warning(w.id);
                WarningOut {
                    id: w.id.id(),
                    severity: info.severity.id(),
                    message: w.message(model),
                    sources: &info.sources,
                    years: (w.id == crate::warnings::WarningId::SupplyWithoutDemand)
                        .then_some(w.years.as_slice()),
                }
            })
            .collect(),
    };
    // Plain structs of strings and finite numbers: serialising cannot fail.
    let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
    text.push('\n');
    text
}
