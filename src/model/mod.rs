//! The model: every number, text and source that turns attributes into
//! mechanisms, warnings and trajectories. It is read from a JSON file (the
//! default one, `assets/model.json`, is compiled into the binary), checked
//! against the fixed structure of Table 1, and compiled for evaluation.

pub mod expr;
pub mod file;

use crate::attribute::{Attribute, Attributes};
use crate::mechanism::{Advantage, Cell, Effort, Kind, Mechanism, cells};
use crate::plan::{Intervention, Side};
use crate::warnings::{Severity, WarningId};
use expr::{Expr, Program};
use file::{ModelFile, Numbers};

/// The model file shipped with the workbench.
pub const DEFAULT_MODEL_JSON: &str = include_str!("../../assets/model.json");

/// The `format` value of a model file.
pub const MODEL_FORMAT: &str = "cluster-workbench-model";
/// The model-file version this build reads.
pub const MODEL_VERSION: u64 = 1;

/// A model file that cannot be used: where (a path into the file) and why.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}{reason}", if path.is_empty() { String::new() } else { format!("{path}: ") })]
pub struct ModelError {
    pub path: String,
    pub reason: String,
}

fn err<T>(path: impl Into<String>, reason: impl Into<String>) -> Result<T, ModelError> {
    Err(ModelError {
        path: path.into(),
        reason: reason.into(),
    })
}

/// A compiled expression: the parsed form (for explanations) and a flat program
/// (for the simulation).
#[derive(Debug, Clone)]
pub struct Driver {
    pub expr: Expr,
    program: Program,
}

impl Driver {
    fn new(expr: Expr) -> Self {
        let program = expr.compile();
        Driver { expr, program }
    }

    /// The value on these attributes.
    pub fn eval(&self, a: &Attributes) -> f64 {
        self.program.eval(a)
    }
}

/// The named indicators, compiled.
#[derive(Debug, Clone)]
pub struct Indicators {
    pub external_inputs: Driver,
    pub market_pull: Driver,
    pub supply_support: Driver,
}

/// The texts of one warning, resolved from the model file.
#[derive(Debug, Clone)]
pub struct WarningInfo {
    pub id: WarningId,
    pub severity: Severity,
    pub title: String,
    pub message: String,
    pub advice: String,
    pub explanation: String,
    pub rule: String,
    pub sources: Vec<String>,
}

/// A checked, compiled model.
#[derive(Debug, Clone)]
pub struct Model {
    /// Everything the file says, for the texts the UI shows.
    pub file: ModelFile,
    drivers: Vec<Driver>,
    cell_driver: [usize; Cell::COUNT],
    pub indicators: Indicators,
    pub catalogue: Vec<Intervention>,
    pub new_preset_attributes: Attributes,
    warnings: Vec<WarningInfo>,
}

impl Model {
    /// The model compiled into the binary.
    pub fn default_model() -> Result<Model, ModelError> {
        Model::from_json(DEFAULT_MODEL_JSON)
    }

    /// Reads, checks and compiles a model file.
    pub fn from_json(text: &str) -> Result<Model, ModelError> {
        let de = &mut serde_json::Deserializer::from_str(text);
        let file: ModelFile = serde_path_to_error::deserialize(de).map_err(|e| {
            let path = e.path().to_string();
            ModelError {
                path: if path == "." { String::new() } else { path },
                reason: e.into_inner().to_string(),
            }
        })?;
        Model::compile(file)
    }

    fn compile(file: ModelFile) -> Result<Model, ModelError> {
        if file.format != MODEL_FORMAT {
            return err(
                "format",
                format!("\"{}\" is not \"{MODEL_FORMAT}\"", file.format),
            );
        }
        if file.version != MODEL_VERSION {
            return err(
                "version",
                format!(
                    "version {} is not {MODEL_VERSION}, the one this workbench reads",
                    file.version
                ),
            );
        }
        check_ids(
            "attribute_groups",
            file.attribute_groups.iter().map(|g| g.id.as_str()),
        )?;
        check_order(
            "attributes",
            file.attributes.iter().map(|a| a.id.as_str()),
            Attribute::ALL.iter().map(|a| a.id()),
        )?;
        for (i, a) in file.attributes.iter().enumerate() {
            if !file.attribute_groups.iter().any(|g| g.id == a.group) {
                return err(
                    format!("attributes[{i}].group"),
                    format!("unknown group \"{}\"", a.group),
                );
            }
        }
        check_order(
            "efforts",
            file.efforts.iter().map(|e| e.id.as_str()),
            Effort::ALL.iter().map(|e| e.id()),
        )?;
        check_order(
            "advantages",
            file.advantages.iter().map(|a| a.id.as_str()),
            Advantage::ALL.iter().map(|a| a.id()),
        )?;
        check_order(
            "kinds",
            file.kinds.iter().map(|k| k.id.as_str()),
            Kind::ALL.iter().map(|k| k.id()),
        )?;
        check_order(
            "sides",
            file.sides.iter().map(|s| s.id.as_str()),
            Side::ALL.iter().map(|s| s.id()),
        )?;
        check_ids(
            "evidence_grades",
            file.evidence_grades.iter().map(|g| g.id.as_str()),
        )?;
        check_ids("cases", file.cases.iter().map(|c| c.id.as_str()))?;
        check_order(
            "mechanisms",
            file.mechanisms.iter().map(|m| m.id.as_str()),
            Mechanism::ALL.iter().map(|m| m.id()),
        )?;

        let mut drivers: Vec<Driver> = Vec::new();
        let mut cell_driver = [usize::MAX; Cell::COUNT];
        let all_cells = cells();
        for (mi, (m, info)) in Mechanism::ALL.iter().zip(&file.mechanisms).enumerate() {
            let path = format!("mechanisms[{mi}]");
            if info.advantage != m.advantage().id() {
                return err(
                    format!("{path}.advantage"),
                    format!(
                        "{} belongs to advantage {} in Table 1, not \"{}\"",
                        m.id(),
                        m.advantage().id(),
                        info.advantage
                    ),
                );
            }
            if info.kind != m.kind().id() {
                return err(
                    format!("{path}.kind"),
                    format!(
                        "Table 1 gives {} the kind \"{}\", not \"{}\"; a model may not change the kind of a cell",
                        m.id(),
                        m.kind().id(),
                        info.kind
                    ),
                );
            }
            if !file
                .evidence_grades
                .iter()
                .any(|g| g.id == info.evidence.grade)
            {
                return err(
                    format!("{path}.evidence.grade"),
                    format!("unknown evidence grade \"{}\"", info.evidence.grade),
                );
            }
            for (ci, case) in info.evidence.cases.iter().enumerate() {
                let cpath = format!("{path}.evidence.cases[{ci}]");
                if !file.cases.iter().any(|c| c.id == case.case) {
                    return err(
                        format!("{cpath}.case"),
                        format!("unknown case \"{}\"", case.case),
                    );
                }
                for (ei, e) in case.efforts.iter().enumerate() {
                    if !Effort::from_id(e).is_some_and(|e| m.efforts().contains(&e)) {
                        return err(
                            format!("{cpath}.efforts[{ei}]"),
                            format!("{} does not reach effort \"{e}\"", m.id()),
                        );
                    }
                }
            }
            let mut covered: Vec<Effort> = Vec::new();
            for (di, spec) in info.drivers.iter().enumerate() {
                let dpath = format!("{path}.drivers[{di}]");
                let expr = Expr::parse(&spec.expression).or_else(|e| {
                    err(
                        format!("{dpath}.expression"),
                        format!("\"{}\": {e}", spec.expression),
                    )
                })?;
                if spec.efforts.is_empty() {
                    return err(format!("{dpath}.efforts"), "names no effort");
                }
                let index = drivers.len();
                drivers.push(Driver::new(expr));
                for (ei, e) in spec.efforts.iter().enumerate() {
                    let effort = Effort::from_id(e)
                        .filter(|e| m.efforts().contains(e))
                        .ok_or_else(|| ModelError {
                            path: format!("{dpath}.efforts[{ei}]"),
                            reason: format!(
                                "{} has no cell on effort \"{e}\" in Table 1 (its cells: {}); a model may not add cells",
                                m.id(),
                                efforts_list(m.efforts())
                            ),
                        })?;
                    if covered.contains(&effort) {
                        return err(
                            format!("{dpath}.efforts[{ei}]"),
                            format!("effort \"{e}\" of {} has a driver already", m.id()),
                        );
                    }
                    covered.push(effort);
                    let ci = all_cells
                        .iter()
                        .position(|c| c.mechanism == *m && c.effort == effort)
                        .unwrap_or(0);
                    cell_driver[ci] = index;
                }
            }
            if let Some(missing) = m.efforts().iter().find(|e| !covered.contains(e)) {
                return err(
                    format!("{path}.drivers"),
                    format!(
                        "no driver for cell {}-{}; every one of Table 1's 32 cells needs one",
                        m.id(),
                        missing.id()
                    ),
                );
            }
        }

        let b = file.bands;
        check_ascending(
            "bands",
            &[
                ("weak", b.weak),
                ("moderate", b.moderate),
                ("strong", b.strong),
            ],
        )?;
        let s = &file.stages;
        check_ascending(
            "stages",
            &[("intermediate", s.intermediate), ("advanced", s.advanced)],
        )?;

        let indicator = |name: &str, text: &str| {
            Expr::parse(text)
                .map(Driver::new)
                .or_else(|e| err(format!("indicators.{name}"), format!("\"{text}\": {e}")))
        };
        let indicators = Indicators {
            external_inputs: indicator("external_inputs", &file.indicators.external_inputs)?,
            market_pull: indicator("market_pull", &file.indicators.market_pull)?,
            supply_support: indicator("supply_support", &file.indicators.supply_support)?,
        };

        let t = &file.trajectory;
        if !(1..=50).contains(&t.horizon_years) {
            return err(
                "trajectory.horizon_years",
                format!("{} is outside 1..=50", t.horizon_years),
            );
        }
        // Shares and rates live in 0..=1; the learning rate is a multiplier and
        // only needs to be non-negative.
        for (name, v, max) in [
            (
                "initial_learning_capability",
                t.initial_learning_capability,
                1.0,
            ),
            ("learning_rate", t.learning_rate, f64::MAX),
            ("learning_base", t.learning_base, 1.0),
            ("depreciation", t.depreciation, 1.0),
            ("learning_capability_gain", t.learning_capability_gain, 1.0),
            ("demand_adjustment", t.demand_adjustment, 1.0),
            ("pull_to_demand", t.pull_to_demand, 1.0),
        ] {
            if !(0.0..=max).contains(&v) {
                let range = if max == 1.0 { "0..=1" } else { "0 or more" };
                return err(
                    format!("trajectory.{name}"),
                    format!("{v} is outside {range}"),
                );
            }
        }

        let w = &file.warnings;
        let warnings = vec![
            warning_info(WarningId::SupplyWithoutDemand, &w.supply_without_demand)?,
            warning_info(WarningId::NoDemand, &w.no_demand)?,
            warning_info(WarningId::LockIn, &w.lock_in)?,
            warning_info(
                WarningId::SurvivalistCompetition,
                &w.survivalist_competition,
            )?,
            warning_info(
                WarningId::ProductionOnlyCooperation,
                &w.production_only_cooperation,
            )?,
            warning_info(WarningId::PlanBarelyHelps, &w.plan_barely_helps)?,
        ];

        check_ids(
            "interventions",
            file.interventions.iter().map(|i| i.id.as_str()),
        )?;
        let mut catalogue = Vec::new();
        for (i, info) in file.interventions.iter().enumerate() {
            let path = format!("interventions[{i}]");
            let side = Side::from_id(&info.side).ok_or_else(|| ModelError {
                path: format!("{path}.side"),
                reason: format!("\"{}\" is neither \"supply\" nor \"demand\"", info.side),
            })?;
            let effects = effects(&format!("{path}.effects"), &info.effects)?;
            catalogue.push(Intervention {
                id: info.id.clone(),
                name: info.name.clone(),
                side,
                effects,
            });
        }

        let mut new_preset_attributes = Attributes::uniform(0.5);
        let mut seen = Vec::new();
        for (key, v) in &file.new_preset_attributes.0 {
            let path = format!("new_preset_attributes.{key}");
            let a = Attribute::from_id(key).ok_or_else(|| ModelError {
                path: path.clone(),
                reason: format!("unknown attribute \"{key}\""),
            })?;
            if seen.contains(&a) {
                return err(path, format!("duplicate key \"{key}\""));
            }
            seen.push(a);
            if !(0.0..=1.0).contains(v) {
                return err(path, format!("{v} is outside 0..=1"));
            }
            new_preset_attributes[a] = *v;
        }

        Ok(Model {
            file,
            drivers,
            cell_driver,
            indicators,
            catalogue,
            new_preset_attributes,
            warnings,
        })
    }

    /// The driver of a cell (an index into [`cells`]).
    pub fn driver(&self, cell: usize) -> &Driver {
        &self.drivers[self.cell_driver[cell]]
    }

    /// The distinct drivers, and for each cell the index of its driver: lets the
    /// simulation evaluate a driver shared by several cells once.
    pub fn drivers(&self) -> (&[Driver], &[usize; Cell::COUNT]) {
        (&self.drivers, &self.cell_driver)
    }

    /// The texts of a warning.
    pub fn warning(&self, id: WarningId) -> &WarningInfo {
        &self.warnings[id as usize]
    }

    /// The catalogue intervention with this id.
    pub fn intervention(&self, id: &str) -> Option<&Intervention> {
        self.catalogue.iter().find(|i| i.id == id)
    }

    /// The words for an attribute.
    pub fn attribute_info(&self, a: Attribute) -> &file::AttributeInfo {
        &self.file.attributes[a.index()]
    }

    /// The words, evidence and drivers of a mechanism.
    pub fn mechanism_info(&self, m: Mechanism) -> &file::MechanismInfo {
        &self.file.mechanisms[m.index()]
    }

    /// The words for an effort.
    pub fn effort_info(&self, e: Effort) -> &file::EffortInfo {
        &self.file.efforts[e.index()]
    }

    /// The words for an advantage.
    pub fn advantage_info(&self, a: Advantage) -> &file::AdvantageInfo {
        &self.file.advantages[a.index()]
    }

    /// The default planning horizon.
    pub fn default_horizon(&self) -> u32 {
        // Checked to lie in 1..=50 when the model was read.
        self.file.trajectory.horizon_years as u32
    }
}

fn efforts_list(efforts: &[Effort]) -> String {
    efforts
        .iter()
        .map(|e| e.id())
        .collect::<Vec<_>>()
        .join(", ")
}

fn warning_info<T>(id: WarningId, spec: &file::WarningSpec<T>) -> Result<WarningInfo, ModelError> {
    let severity = Severity::from_id(&spec.severity).ok_or_else(|| ModelError {
        path: format!("warnings.{}.severity", id.id()),
        reason: format!(
            "\"{}\" is not one of critical, warning, info",
            spec.severity
        ),
    })?;
    Ok(WarningInfo {
        id,
        severity,
        title: spec.title.clone(),
        message: spec.message.clone(),
        advice: spec.advice.clone(),
        explanation: spec.explanation.clone(),
        rule: spec.rule.clone(),
        sources: spec.sources.clone(),
    })
}

/// Checks an intervention's effects: known attributes other than
/// firm_capability (capability changes only through effort), each once, each
/// a change in −1..=1.
pub(crate) fn effects(path: &str, numbers: &Numbers) -> Result<Vec<(Attribute, f64)>, ModelError> {
    let mut out: Vec<(Attribute, f64)> = Vec::new();
    for (key, v) in &numbers.0 {
        let p = format!("{path}.{key}");
        let a = Attribute::from_id(key).ok_or_else(|| ModelError {
            path: p.clone(),
            reason: format!("unknown attribute \"{key}\""),
        })?;
        if a == Attribute::FirmCapability {
            return err(
                p,
                "an intervention cannot set firm_capability: capability grows only through firms' own effort",
            );
        }
        if out.iter().any(|(b, _)| *b == a) {
            return err(p, format!("duplicate key \"{key}\""));
        }
        if !(-1.0..=1.0).contains(v) {
            return err(p, format!("{v} is outside −1..=1"));
        }
        out.push((a, *v));
    }
    if out.is_empty() {
        return err(path, "an intervention needs at least one effect");
    }
    Ok(out)
}

/// The ids must be exactly the expected ones, in the expected order.
fn check_order<'a>(
    path: &str,
    found: impl Iterator<Item = &'a str>,
    expected: impl Iterator<Item = &'static str>,
) -> Result<(), ModelError> {
    let found: Vec<&str> = found.collect();
    let expected: Vec<&str> = expected.collect();
    for (i, want) in expected.iter().enumerate() {
        match found.get(i) {
            Some(id) if id == want => {}
            Some(id) => {
                return err(
                    format!("{path}[{i}].id"),
                    format!(
                        "expected \"{want}\", found \"{id}\"; the ids and their order are fixed by the reference model"
                    ),
                );
            }
            None => {
                return err(
                    path,
                    format!("missing \"{want}\"; expected {}", expected.join(", ")),
                );
            }
        }
    }
    if let Some(extra) = found.get(expected.len()) {
        return err(
            format!("{path}[{}].id", expected.len()),
            format!("\"{extra}\" is not in the reference model"),
        );
    }
    Ok(())
}

fn check_ids<'a>(path: &str, ids: impl Iterator<Item = &'a str>) -> Result<(), ModelError> {
    let mut seen: Vec<&str> = Vec::new();
    for (i, id) in ids.enumerate() {
        if id.is_empty() {
            return err(format!("{path}[{i}].id"), "empty id");
        }
        if seen.contains(&id) {
            return err(format!("{path}[{i}].id"), format!("duplicate id \"{id}\""));
        }
        seen.push(id);
    }
    Ok(())
}

fn check_ascending(path: &str, bounds: &[(&str, f64)]) -> Result<(), ModelError> {
    let mut previous = 0.0;
    for (name, v) in bounds {
        if !(*v > previous && *v <= 1.0) {
            return err(
                format!("{path}.{name}"),
                format!("{v} must lie above the bound before it ({previous}) and at most 1"),
            );
        }
        previous = *v;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_model_compiles() {
        let m = Model::default_model().unwrap();
        assert_eq!(m.catalogue.len(), 8);
        assert_eq!(m.default_horizon(), 15);
        assert_eq!(m.file.stages.intermediate, 1.0 / 3.0);
        assert_eq!(m.file.stages.advanced, 2.0 / 3.0);
        for i in 0..Cell::COUNT {
            assert!(!m.driver(i).expr.attributes().is_empty());
        }
    }
}
