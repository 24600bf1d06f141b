//! The `cluster-workbench` binary: the window, or a command on the command
//! line (`evaluate`, `levers`, `report`). Built without the `gui` feature,
//! only the commands.

use clap::{CommandFactory, Parser};
use cluster_workbench::analysis::levers::levers;
use cluster_workbench::analysis::uncertainty::monte_carlo;
use cluster_workbench::cli::{Cli, Command};
use cluster_workbench::evaluation::evaluate;
use cluster_workbench::export::{csv_of_trajectories, html_report};
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

fn levers_command(model: &Model, preset: &Preset, plan: Option<&str>) -> ExitCode {
    let index = match plan {
        None => (!preset.plans.is_empty()).then_some(0),
        Some(name) => match preset.plan_named(name) {
            Some(i) => Some(i),
            None => {
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
                return fail(format!("no plan named \"{name}\" in the preset; {known}"));
            }
        },
    };
    print(&levers_json(model, preset, &levers(model, preset, index)))
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
    match write_all_atomic_with(&Disk, &files) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
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
         use a command: evaluate, levers or report (see --help)",
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
        None => window(model, cli),
    }
}
