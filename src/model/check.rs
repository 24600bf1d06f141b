//! Checking a model file against the fixed structure of Table 1 and compiling
//! it: the ids and their order, the 32 cells and their kinds, every driver
//! expression, the bounds, the parameters, the warnings and the catalogue. The
//! first problem is reported with its path in the file.

use super::catalogue::{Intervention, Side, check_effect};
use super::expr::Expr;
use super::file::{self, ModelFile, Numbers};
use super::kernel::Kernel;
use super::warning::{Severity, WarningId, WarningInfo};
use super::{Driver, Indicators, MODEL_FORMAT, MODEL_VERSION, Model, ModelError};
use crate::attribute::{Attribute, Attributes};
use crate::mechanism::{Advantage, Cell, ColumnSource, Effort, Kind, Mechanism, cell_index, cells};

type Result<T> = std::result::Result<T, ModelError>;

fn err<T>(path: impl Into<String>, reason: impl Into<String>) -> Result<T> {
    Err(ModelError {
        path: path.into(),
        reason: reason.into(),
    })
}

/// Checks and compiles a model file read by serde.
pub(super) fn compile(file: ModelFile) -> Result<Model> {
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
    check_structure(&file)?;
    let (drivers, cell_driver) = compile_drivers(&file)?;
    check_bounds(&file)?;
    super::expr_words::check(&file.expression_words)?;
    super::glossary::check(&file.glossary)?;
    let indicators = compile_indicators(&file.indicators)?;
    // After the expression words are checked: the sentences use them.
    let driver_words = drivers
        .iter()
        .map(|d| super::expr_words::in_words(&d.expr, &file.expression_words, &file.attributes))
        .collect();
    // What the yearly step evaluates: every driver, then the two indicators
    // of the step (the order `Model::kernel` documents).
    let kernel = Kernel::compile(
        drivers
            .iter()
            .chain([&indicators.external_inputs, &indicators.market_pull])
            .map(|d| &d.expr),
    );
    let warnings = compile_warnings(&file.warnings)?;
    let catalogue = compile_catalogue(&file.interventions)?;
    let new_preset_attributes = new_preset_attributes(&file.new_preset_attributes)?;
    let chain = super::chain::compile(&file.results_chain, &file)?;
    let column_sources = column_sources(&file);
    Ok(Model {
        file,
        column_sources,
        drivers,
        driver_words,
        cell_driver,
        kernel,
        indicators,
        catalogue,
        new_preset_attributes,
        warnings,
        chain,
    })
}

/// The ids fixed by the reference model, in their order, and the references
/// between the lists.
fn check_structure(file: &ModelFile) -> Result<()> {
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
        if a.in_sentence.trim().is_empty() {
            return err(format!("attributes[{i}].in_sentence"), "missing");
        }
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
    check_order(
        "column_sources",
        file.column_sources.iter().map(|c| c.id.as_str()),
        ColumnSource::ALL.iter().map(|c| c.id()),
    )?;
    check_ids("cases", file.cases.iter().map(|c| c.id.as_str()))?;
    check_order(
        "mechanisms",
        file.mechanisms.iter().map(|m| m.id.as_str()),
        Mechanism::ALL.iter().map(|m| m.id()),
    )?;
    for (mi, (m, info)) in Mechanism::ALL.iter().zip(&file.mechanisms).enumerate() {
        check_mechanism(file, mi, *m, info)?;
    }
    Ok(())
}

/// A mechanism's advantage, kind and evidence.
fn check_mechanism(
    file: &ModelFile,
    mi: usize,
    m: Mechanism,
    info: &file::MechanismInfo,
) -> Result<()> {
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
    check_columns(&path, m, &info.columns)?;
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
    Ok(())
}

/// One column source for each effort the mechanism reaches, none for the
/// others: where the paper puts a cell is said for every cell.
fn check_columns(path: &str, m: Mechanism, columns: &file::Columns) -> Result<()> {
    for effort in Effort::ALL {
        let reached = m.efforts().contains(&effort);
        match (columns.get(effort), reached) {
            (None, true) => {
                return err(
                    format!("{path}.columns"),
                    format!(
                        "missing \"{}\": say whether Table 1, the prose or both put {} there",
                        effort.id(),
                        m.id()
                    ),
                );
            }
            (Some(_), false) => {
                return err(
                    format!("{path}.columns.{}", effort.id()),
                    format!("{} does not reach effort \"{}\"", m.id(), effort.id()),
                );
            }
            _ => {}
        }
    }
    Ok(())
}

/// Where the paper puts each of the 32 cells, in cell order (checked
/// complete by [`check_columns`]).
fn column_sources(file: &ModelFile) -> [ColumnSource; Cell::COUNT] {
    let mut out = [ColumnSource::TableAndProse; Cell::COUNT];
    for (i, cell) in cells().iter().enumerate() {
        let columns = &file.mechanisms[cell.mechanism.index()].columns;
        if let Some(source) = columns.get(cell.effort) {
            out[i] = source;
        }
    }
    out
}

/// Every driver expression, and for each of the 32 cells the driver it uses:
/// each cell exactly one, no cell Table 1 does not have.
fn compile_drivers(file: &ModelFile) -> Result<(Vec<Driver>, [usize; Cell::COUNT])> {
    let mut drivers: Vec<Driver> = Vec::new();
    let mut cell_driver = [usize::MAX; Cell::COUNT];
    for (mi, (m, info)) in Mechanism::ALL.iter().zip(&file.mechanisms).enumerate() {
        let path = format!("mechanisms[{mi}]");
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
                let epath = format!("{dpath}.efforts[{ei}]");
                let cell = Effort::from_id(e)
                    .and_then(|effort| cell_index(*m, effort).map(|ci| (effort, ci)));
                let Some((effort, ci)) = cell else {
                    let cells: Vec<&str> = m.efforts().iter().map(|e| e.id()).collect();
                    return err(
                        epath,
                        format!(
                            "{} has no cell on effort \"{e}\" in Table 1 (its cells: {}); a model may not add cells",
                            m.id(),
                            cells.join(", ")
                        ),
                    );
                };
                if covered.contains(&effort) {
                    return err(
                        epath,
                        format!("effort \"{e}\" of {} has a driver already", m.id()),
                    );
                }
                covered.push(effort);
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
    Ok((drivers, cell_driver))
}

/// Band and stage bounds ascend; the trajectory's parameters are in range.
fn check_bounds(file: &ModelFile) -> Result<()> {
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
    Ok(())
}

fn compile_indicators(ind: &file::Indicators) -> Result<Indicators> {
    let indicator = |name: &str, text: &str| {
        Expr::parse(text)
            .map(Driver::new)
            .or_else(|e| err(format!("indicators.{name}"), format!("\"{text}\": {e}")))
    };
    Ok(Indicators {
        external_inputs: indicator("external_inputs", &ind.external_inputs)?,
        market_pull: indicator("market_pull", &ind.market_pull)?,
        supply_support: indicator("supply_support", &ind.supply_support)?,
    })
}

/// The six warnings' texts, in report order.
fn compile_warnings(w: &file::Warnings) -> Result<Vec<WarningInfo>> {
    Ok(vec![
        warning_info(w, WarningId::SupplyWithoutDemand, &w.supply_without_demand)?,
        warning_info(w, WarningId::NoDemand, &w.no_demand)?,
        warning_info(w, WarningId::LockIn, &w.lock_in)?,
        warning_info(
            w,
            WarningId::SurvivalistCompetition,
            &w.survivalist_competition,
        )?,
        warning_info(
            w,
            WarningId::ProductionOnlyCooperation,
            &w.production_only_cooperation,
        )?,
        warning_info(w, WarningId::PlanBarelyHelps, &w.plan_barely_helps)?,
    ])
}

/// A warning's texts; its rule with its thresholds written in.
fn warning_info<T>(
    all: &file::Warnings,
    id: WarningId,
    spec: &file::WarningSpec<T>,
) -> Result<WarningInfo> {
    // Only supply-without-demand can fire for what the cluster already has
    // (institutions) rather than for the plan, and it must say so in its own
    // words (plans-and-levers §4).
    let needs_other = id == WarningId::SupplyWithoutDemand;
    match (&spec.existing_institutions, needs_other) {
        (None, true) => {
            return err(
                format!("warnings.{}.existing_institutions", id.id()),
                "missing: the message and advice for when only institutions already in the cluster trigger the warning",
            );
        }
        (Some(_), false) => {
            return err(
                format!("warnings.{}.existing_institutions", id.id()),
                "only supply-without-demand has a second wording",
            );
        }
        _ => {}
    }
    let severity = Severity::from_id(&spec.severity).ok_or_else(|| ModelError {
        path: format!("warnings.{}.severity", id.id()),
        reason: format!(
            "\"{}\" is not one of critical, warning, info",
            spec.severity
        ),
    })?;
    let path = format!("warnings.{}.show_me", id.id());
    let mut show_me: Vec<Attribute> = Vec::new();
    for (i, key) in spec.show_me.iter().enumerate() {
        let Some(a) = Attribute::from_id(key) else {
            return err(
                format!("{path}[{i}]"),
                format!("unknown attribute \"{key}\""),
            );
        };
        if show_me.contains(&a) {
            return err(format!("{path}[{i}]"), format!("\"{key}\" is listed twice"));
        }
        show_me.push(a);
    }
    if show_me.is_empty() {
        return err(path, "names no attribute; Show me needs at least one");
    }
    Ok(WarningInfo {
        id,
        severity,
        title: spec.title.clone(),
        message: spec.message.clone(),
        advice: spec.advice.clone(),
        explanation: spec.explanation.clone(),
        rule: super::chain::fill(
            &format!("warnings.{}.rule", id.id()),
            &spec.rule,
            &super::chain::thresholds(all, id),
        )?,
        sources: spec.sources.clone(),
        show_me,
        existing_institutions: spec
            .existing_institutions
            .as_ref()
            .map(|o| (o.message.clone(), o.advice.clone())),
    })
}

fn compile_catalogue(interventions: &[file::InterventionInfo]) -> Result<Vec<Intervention>> {
    check_ids("interventions", interventions.iter().map(|i| i.id.as_str()))?;
    let mut catalogue = Vec::new();
    for (i, info) in interventions.iter().enumerate() {
        let path = format!("interventions[{i}]");
        let side = Side::from_id(&info.side).ok_or_else(|| ModelError {
            path: format!("{path}.side"),
            reason: format!("\"{}\" is neither \"supply\" nor \"demand\"", info.side),
        })?;
        catalogue.push(Intervention {
            id: info.id.clone(),
            name: info.name.clone(),
            in_sentence: info.in_sentence.clone(),
            side,
            effects: effects(&format!("{path}.effects"), &info.effects)?,
        });
    }
    Ok(catalogue)
}

/// An intervention's effects, by the same rule as a custom one in a preset.
fn effects(path: &str, numbers: &Numbers) -> Result<Vec<(Attribute, f64)>> {
    let mut out: Vec<(Attribute, f64)> = Vec::new();
    for (key, v) in &numbers.0 {
        let a = check_effect(key, *v, &out)
            .or_else(|reason| err(format!("{path}.{key}"), reason.to_string()))?;
        out.push((a, *v));
    }
    if out.is_empty() {
        return err(path, "an intervention needs at least one effect");
    }
    Ok(out)
}

fn new_preset_attributes(numbers: &Numbers) -> Result<Attributes> {
    let mut out = Attributes::uniform(0.5);
    let mut seen = Vec::new();
    for (key, v) in &numbers.0 {
        let path = format!("new_preset_attributes.{key}");
        let Some(a) = Attribute::from_id(key) else {
            return err(path, format!("unknown attribute \"{key}\""));
        };
        if seen.contains(&a) {
            return err(path, format!("duplicate key \"{key}\""));
        }
        seen.push(a);
        if !(0.0..=1.0).contains(v) {
            return err(path, format!("{v} is outside 0..=1"));
        }
        out[a] = *v;
    }
    Ok(out)
}

/// The ids must be exactly the expected ones, in the expected order.
fn check_order<'a>(
    path: &str,
    found: impl Iterator<Item = &'a str>,
    expected: impl Iterator<Item = &'static str>,
) -> Result<()> {
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

/// Ids must be present and unique.
fn check_ids<'a>(path: &str, ids: impl Iterator<Item = &'a str>) -> Result<()> {
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

fn check_ascending(path: &str, bounds: &[(&str, f64)]) -> Result<()> {
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
