//! The `cluster-workbench` binary: the window, or a command on the command
//! line (`evaluate`, `levers`, `report`, `results-chain`, `logframe`). Built without the `gui` feature,
//! only the commands.

use clap::{CommandFactory, Parser};
use cluster_workbench::analysis::levers::levers;
use cluster_workbench::analysis::uncertainty::monte_carlo;
use cluster_workbench::cli::{Cli, Command};
use cluster_workbench::evaluation::evaluate;
use cluster_workbench::export::{
    ChainFormat, LogframeFormat, csv_of_trajectories, html_report, logframe_document,
    measurement_document, results_chain_document,
};
use cluster_workbench::files::{Disk, read_model, read_preset, write_all_atomic_with};
use cluster_workbench::model::Model;
use cluster_workbench::preset::Preset;
use cluster_workbench::report::{levers_json, report_json};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Exit status for any failure (reference model §7).
const FAILURE: u8 = 2;

fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("cluster-workbench: {message}");
    ExitCode::from(FAILURE)
}

/// Writes a report to stdout, or says why it could not.
fn print(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(format!("cannot write the report: {e}")),
    }
}

/// The threads the Monte Carlo may use (its result does not depend on them).
fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

fn evaluate_command(model: &Model, preset: &Preset, runs: u32) -> ExitCode {
    let bands = monte_carlo(model, preset, runs as usize, threads());
    print(&report_json(
        model,
        preset,
        &evaluate(model, preset),
        bands.as_ref(),
    ))
}

/// The plan a command names, or the first when it names none (`None` when
/// the preset has no plans); an unknown name is refused with the names there
/// are.
fn plan_index(preset: &Preset, plan: Option<&str>) -> Result<Option<usize>, String> {
    match plan {
        None => Ok((!preset.plans.is_empty()).then_some(0)),
        Some(name) => preset.plan_named(name).map(Some).ok_or_else(|| {
            let names: Vec<String> = preset
                .plans
                .iter()
                .map(|p| format!("\"{}\"", p.name))
                .collect();
            let known = if names.is_empty() {
                "the preset has no plans".to_owned()
            } else {
                format!("its plans are {}", names.join(", "))
            };
            format!("no plan named \"{name}\" in the preset; {known}")
        }),
    }
}

/// A plan that must exist: results chains and logframes are of a plan.
fn required_plan(preset: &Preset, plan: Option<&str>) -> Result<usize, String> {
    plan_index(preset, plan)?
        .ok_or_else(|| "the preset has no plans; add a plan with an entry first".to_owned())
}

fn levers_command(model: &Model, preset: &Preset, plan: Option<&str>) -> ExitCode {
    match plan_index(preset, plan) {
        Ok(index) => print(&levers_json(model, preset, &levers(model, preset, index))),
        Err(e) => fail(e),
    }
}

fn results_chain_command(
    model: &Model,
    preset: &Preset,
    plan: Option<&str>,
    entry: Option<u32>,
    format: ChainFormat,
    output: &Path,
) -> ExitCode {
    let plan = match required_plan(preset, plan) {
        Ok(i) => i,
        Err(e) => return fail(e),
    };
    let count = preset.plans[plan].entries.len();
    if count == 0 {
        return fail(format!(
            "plan \"{}\" has no entries, so no results chain",
            preset.plans[plan].name
        ));
    }
    let entry = entry.map(|n| n as usize - 1);
    if let Some(i) = entry.filter(|&i| i >= count) {
        return fail(format!(
            "--entry {}: plan \"{}\" has {count} entries",
            i + 1,
            preset.plans[plan].name
        ));
    }
    match results_chain_document(model, preset, plan, entry, format) {
        Ok(bytes) => write_files(&[(output, &bytes)]),
        Err(e) => fail(e),
    }
}

fn logframe_command(
    model: &Model,
    preset: &Preset,
    plan: Option<&str>,
    output: &Path,
    measurement: Option<&Path>,
) -> ExitCode {
    let Some(format) = LogframeFormat::of_path(output) else {
        return fail(format!(
            "{}: the logframe is written as .xlsx or .csv; end the name in one of them",
            output.display()
        ));
    };
    let plan = match required_plan(preset, plan) {
        Ok(i) => i,
        Err(e) => return fail(e),
    };
    let made = logframe_document(model, preset, plan, format).and_then(|frame| {
        let measure = measurement
            .map(|_| measurement_document(model, preset, plan))
            .transpose()?;
        Ok((frame, measure))
    });
    match made {
        Ok((frame, measure)) => {
            let mut files: Vec<(&Path, &[u8])> = vec![(output, &frame)];
            if let (Some(path), Some(bytes)) = (measurement, &measure) {
                files.push((path, bytes));
            }
            write_files(&files)
        }
        Err(e) => fail(e),
    }
}

/// Writes files all or nothing (see [`write_all_atomic_with`]).
fn write_files(files: &[(&Path, &[u8])]) -> ExitCode {
    match write_all_atomic_with(&Disk, files) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
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
) -> ExitCode {
    let html = html_report(model, preset, runs as usize, threads());
    let csv_bytes = match csv.map(|_| csv_of_trajectories(model, preset)).transpose() {
        Ok(bytes) => bytes,
        Err(e) => return fail(format!("cannot make the CSV: {e}")),
    };
    let mut files: Vec<(&Path, &[u8])> = vec![(output, html.as_bytes())];
    if let (Some(path), Some(bytes)) = (csv, &csv_bytes) {
        files.push((path, bytes));
    }
    write_files(&files)
}

/// Opens the window, where this build has one.
#[cfg(feature = "gui")]
fn window(model: Model, cli: Cli) -> ExitCode {
    match cluster_workbench::window::run(model, cli.model, cli.preset) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

#[cfg(not(feature = "gui"))]
fn window(_model: Model, _cli: Cli) -> ExitCode {
    fail(
        "this cluster-workbench was built without the window (--no-default-features); \
         use a command: evaluate, levers, report, results-chain or logframe (see --help)",
    )
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let (Some(preset), Some(_)) = (&cli.preset, &cli.command) {
        // clap cannot express "a positional or a subcommand" together with a
        // global option, so the conflict is checked here, with clap's wording.
        Cli::command()
            .error(
                clap::error::ErrorKind::ArgumentConflict,
                format!(
                    "give a preset to open ({}) or a command, not both",
                    preset.display()
                ),
            )
            .exit();
    }
    let model = match &cli.model {
        Some(path) => read_model(path).map_err(|e| e.to_string()),
        None => Model::default_model().map_err(|e| format!("the built-in model is broken: {e}")),
    };
    let model = match model {
        Ok(m) => m,
        Err(e) => return fail(e),
    };
    let load = |path: &Path| read_preset(path, &model).map_err(|e| e.to_string());
    match cli.command {
        Some(Command::Evaluate { preset, runs }) => match load(&preset) {
            Ok(p) => evaluate_command(&model, &p, runs),
            Err(e) => fail(e),
        },
        Some(Command::Levers { preset, plan }) => match load(&preset) {
            Ok(p) => levers_command(&model, &p, plan.as_deref()),
            Err(e) => fail(e),
        },
        Some(Command::Report {
            preset,
            output,
            csv,
            runs,
        }) => match load(&preset) {
            Ok(p) => report_command(&model, &p, &output, csv.as_deref(), runs),
            Err(e) => fail(e),
        },
        Some(Command::ResultsChain {
            preset,
            plan,
            entry,
            format,
            output,
        }) => match load(&preset) {
            Ok(p) => results_chain_command(&model, &p, plan.as_deref(), entry, format, &output),
            Err(e) => fail(e),
        },
        Some(Command::Logframe {
            preset,
            plan,
            output,
            measurement_plan,
        }) => match load(&preset) {
            Ok(p) => logframe_command(
                &model,
                &p,
                plan.as_deref(),
                &output,
                measurement_plan.as_deref(),
            ),
            Err(e) => fail(e),
        },
        None => window(model, cli),
    }
}
