//! The `cluster-workbench` binary: the window, or `evaluate` on the command line.

use clap::{CommandFactory, Parser};
use cluster_workbench::cli::{Cli, Command};
use cluster_workbench::evaluation::evaluate;
use cluster_workbench::files::{read_model, read_preset};
use cluster_workbench::model::Model;
use cluster_workbench::report::report_json;
use std::io::Write;
use std::process::ExitCode;

/// Exit status for any failure (reference model §7).
const FAILURE: u8 = 2;

fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("cluster-workbench: {message}");
    ExitCode::from(FAILURE)
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
    match cli.command {
        Some(Command::Evaluate { preset }) => {
            let preset = match read_preset(&preset, &model) {
                Ok(p) => p,
                Err(e) => return fail(e),
            };
            let report = report_json(&model, &preset, &evaluate(&model, &preset));
            let mut out = std::io::stdout().lock();
            if let Err(e) = out.write_all(report.as_bytes()).and_then(|()| out.flush()) {
                return fail(format!("cannot write the report: {e}"));
            }
            ExitCode::SUCCESS
        }
        None => match cluster_workbench::window::run(model, cli.model, cli.preset) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(e),
        },
    }
}
