//! The `cluster-workbench` binary: the window, or a command on the command
//! line (`evaluate`, `levers`, `report`, `results-chain`, `logframe`, `link`). Built
//! without the `gui` feature, only the commands. What the commands do is in
//! the library ([`cluster_workbench::cli::run`]); here are only the parsing,
//! the window and the exit status.

use clap::{CommandFactory, Parser};
use cluster_workbench::cli::{self, Cli, CliError, FAILURE_STATUS};
use std::process::ExitCode;

/// Opens the window, where this build has one.
#[cfg(feature = "gui")]
fn window(cli: Cli) -> Result<(), CliError> {
    let model = cli::model_of(cli.model.as_deref())?;
    cluster_workbench::window::run(model, cli.model, cli.preset, cli.lang).map_err(CliError::Window)
}

#[cfg(not(feature = "gui"))]
fn window(_cli: Cli) -> Result<(), CliError> {
    Err(CliError::NoWindow)
}

/// Refuses a preset to open given together with a command. clap cannot
/// express "a positional or a subcommand" together with a global option, so
/// the conflict is checked here, with clap's wording and exit.
fn refuse_preset_with_command(cli: &Cli) {
    if let (Some(preset), Some(_)) = (&cli.preset, &cli.command) {
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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    refuse_preset_with_command(&cli);
    // What is said before a command or the window sets its own language
    // (a model file refused, no window in this build) is said in --lang's.
    if let Some(language) = cli.lang {
        cluster_workbench::text::set_locale(cluster_workbench::language::Locale::of(language));
    }
    let done = match cli.command {
        None => window(cli),
        Some(_) => cli::run(cli, &mut std::io::stdout().lock()),
    };
    match done {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cluster-workbench: {e}");
            ExitCode::from(FAILURE_STATUS)
        }
    }
}
