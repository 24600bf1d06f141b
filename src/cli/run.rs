//! The commands carried out: read the model and the preset, choose the plan,
//! make the document, and print it or write its files all or nothing.

use super::{Cli, CliError, Command};
use crate::analysis::levers::levers;
use crate::analysis::uncertainty::{available_threads, monte_carlo};
use crate::evaluation::evaluate;
use crate::export::{
    ChainFormat, LogframeFormat, csv_of_trajectories, html_report, logframe_document,
    measurement_document, results_chain_document,
};
use crate::files::{Disk, Storage, read_model, read_preset, write_all_atomic_with};
use crate::language::{Language, Locale};
use crate::model::Model;
use crate::preset::Preset;
use crate::report::{levers_json, report_json};
use std::io::Write;
use std::path::Path;

/// Carries out the command of `cli`: the JSON of `evaluate` and `levers`
/// and the link of `link` go to `out`, the other commands write their files on the real disk.
/// Without a command there is nothing to run ([`CliError::NoCommand`]): the
/// window is the binary's.
pub fn run(cli: Cli, out: &mut dyn Write) -> Result<(), CliError> {
    run_on(cli, &Disk, out)
}

/// [`run`] with the files written through `storage`, so a test can fail a
/// disk on purpose.
pub fn run_on(cli: Cli, storage: &dyn Storage, out: &mut dyn Write) -> Result<(), CliError> {
    let command = cli.command.ok_or(CliError::NoCommand)?;
    let language = cli.lang.unwrap_or_default();
    crate::text::set_locale(Locale::of(language));
    let model = model_in(cli.model.as_deref(), language)?;
    let load = |path: &Path| read_preset(path, &model);
    match command {
        Command::Evaluate { preset, runs } => evaluate_command(&model, &load(&preset)?, runs, out),
        Command::Levers { preset, plan } => {
            levers_command(&model, &load(&preset)?, plan.as_deref(), out)
        }
        Command::Report {
            preset,
            output,
            csv,
            runs,
        } => {
            let preset = load(&preset)?;
            report_command(&model, &preset, &output, csv.as_deref(), runs, storage)
        }
        Command::ResultsChain {
            preset,
            plan,
            entry,
            format,
            output,
        } => {
            let preset = load(&preset)?;
            let plan = required_plan(&preset, plan.as_deref())?;
            let bytes = results_chain(&model, &preset, plan, entry, format)?;
            Ok(write_all_atomic_with(storage, &[(&output, &bytes)])?)
        }
        Command::Survey { action } => super::survey::run(&model, action, language, storage, out),
        Command::Link { preset, base } => {
            let link = crate::link::link(&load(&preset)?, &base)?;
            print(out, &format!("{link}\n"))
        }
        Command::Logframe {
            preset,
            plan,
            output,
            measurement_plan,
        } => {
            let preset = load(&preset)?;
            let files = logframe_files(
                &model,
                &preset,
                plan.as_deref(),
                &output,
                measurement_plan.as_deref(),
            )?;
            let files: Vec<(&Path, &[u8])> =
                files.iter().map(|(p, b)| (*p, b.as_slice())).collect();
            Ok(write_all_atomic_with(storage, &files)?)
        }
    }
}

/// The model in the file at `path`, or the built-in one.
pub fn model_of(path: Option<&Path>) -> Result<Model, CliError> {
    model_in(path, Language::English)
}

/// The model in the file at `path` (in its own words), or the built-in one
/// in `language`.
pub fn model_in(path: Option<&Path>, language: Language) -> Result<Model, CliError> {
    match path {
        Some(path) => Ok(read_model(path)?),
        None => Model::shipped(language).map_err(CliError::BuiltInModel),
    }
}

/// Writes a JSON report to `out`, or says why it could not.
pub(super) fn print(out: &mut dyn Write, text: &str) -> Result<(), CliError> {
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(CliError::Output)
}

fn evaluate_command(
    model: &Model,
    preset: &Preset,
    runs: u32,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let bands = monte_carlo(model, preset, runs as usize, available_threads());
    let evaluation = evaluate(model, preset);
    print(
        out,
        &report_json(model, preset, &evaluation, bands.as_ref()),
    )
}

fn levers_command(
    model: &Model,
    preset: &Preset,
    plan: Option<&str>,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let index = plan_index(preset, plan)?;
    print(
        out,
        &levers_json(model, preset, &levers(model, preset, index)),
    )
}

/// The plan a command names, or the first when it names none (`None` when
/// the preset has no plans); an unknown name is refused with the names there
/// are.
fn plan_index(preset: &Preset, plan: Option<&str>) -> Result<Option<usize>, CliError> {
    match plan {
        None => Ok((!preset.plans.is_empty()).then_some(0)),
        Some(name) => preset
            .plan_named(name)
            .map(Some)
            .ok_or_else(|| CliError::UnknownPlan {
                name: name.to_owned(),
                plans: preset.plans.iter().map(|p| p.name.clone()).collect(),
            }),
    }
}

/// A plan that must exist: results chains and logframes are of a plan.
pub(super) fn required_plan(preset: &Preset, plan: Option<&str>) -> Result<usize, CliError> {
    plan_index(preset, plan)?.ok_or(CliError::NoPlans)
}

/// The results chains of the plan's entries, or of its `entry` (counted
/// from 1), in `format`.
fn results_chain(
    model: &Model,
    preset: &Preset,
    plan: usize,
    entry: Option<u32>,
    format: ChainFormat,
) -> Result<Vec<u8>, CliError> {
    let named = &preset.plans[plan];
    let count = named.entries.len();
    if count == 0 {
        return Err(CliError::NoEntries {
            plan: named.name.clone(),
        });
    }
    // clap refuses 0, so the first entry is index 0.
    let entry = entry.map(|n| n as usize - 1);
    if let Some(i) = entry.filter(|&i| i >= count) {
        return Err(CliError::NoSuchEntry {
            entry: i + 1,
            plan: named.name.clone(),
            count,
        });
    }
    Ok(results_chain_document(model, preset, plan, entry, format)?)
}

/// The logframe, and the measurement plan when asked for, each with where
/// it goes; nothing is written until both are made.
fn logframe_files<'p>(
    model: &Model,
    preset: &Preset,
    plan: Option<&str>,
    output: &'p Path,
    measurement: Option<&'p Path>,
) -> Result<Vec<(&'p Path, Vec<u8>)>, CliError> {
    let format = LogframeFormat::of_path(output).ok_or_else(|| CliError::LogframeExtension {
        path: output.to_owned(),
    })?;
    let plan = required_plan(preset, plan)?;
    let mut files = vec![(output, logframe_document(model, preset, plan, format)?)];
    if let Some(path) = measurement {
        files.push((path, measurement_document(model, preset, plan)?));
    }
    Ok(files)
}

/// Writes the report, and the CSV when asked for. Both are made, then both
/// written to temporary files, and only then renamed into place, so a
/// failure to write leaves neither half-written and neither replaced (only a
/// failing rename of the second, after the first, leaves the first new).
fn report_command(
    model: &Model,
    preset: &Preset,
    output: &Path,
    csv: Option<&Path>,
    runs: u32,
    storage: &dyn Storage,
) -> Result<(), CliError> {
    let html = html_report(model, preset, runs as usize, available_threads());
    let csv_bytes = csv
        .map(|_| csv_of_trajectories(model, preset))
        .transpose()
        .map_err(CliError::Csv)?;
    let mut files: Vec<(&Path, &[u8])> = vec![(output, html.as_bytes())];
    if let (Some(path), Some(bytes)) = (csv, &csv_bytes) {
        files.push((path, bytes));
    }
    Ok(write_all_atomic_with(storage, &files)?)
}
