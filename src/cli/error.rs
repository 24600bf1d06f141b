//! Why a command failed, in the words printed on stderr.

use crate::export::DocumentError;
use crate::files::FileError;
use crate::link::LinkError;
use crate::model::ModelError;
use std::path::PathBuf;

/// The exit status of any failure, a rejected file or wrong usage alike
/// (reference model §7).
pub const FAILURE_STATUS: u8 = 2;

/// Why a command failed; its `Display` is the message printed on stderr
/// after `cluster-workbench: `.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// A model or preset could not be read, or an output file not written.
    #[error(transparent)]
    File(#[from] FileError),
    /// The model compiled into the binary does not compile: a broken build.
    #[error("the built-in model is broken: {0}")]
    BuiltInModel(ModelError),
    /// `--plan` names a plan the preset does not have.
    #[error("no plan named \"{name}\" in the preset; {}", known_plans(plans))]
    UnknownPlan {
        /// The name asked for.
        name: String,
        /// The names of the preset's plans, in its order.
        plans: Vec<String>,
    },
    /// Results chains and logframes are of a plan, and there is none.
    #[error("the preset has no plans; add a plan with an entry first")]
    NoPlans,
    /// A results chain is of a plan's entries, and the plan has none.
    #[error("plan \"{plan}\" has no entries, so no results chain")]
    NoEntries {
        /// The plan's name.
        plan: String,
    },
    /// `--entry` counts past the plan's last entry.
    #[error("--entry {entry}: plan \"{plan}\" has {count} entries")]
    NoSuchEntry {
        /// The entry asked for, counted from 1.
        entry: usize,
        /// The plan's name.
        plan: String,
        /// How many entries the plan has.
        count: usize,
    },
    /// The logframe's form is chosen by the output's extension, and it has
    /// neither.
    #[error(
        "{}: the logframe is written as .xlsx or .csv; end the name in one of them",
        path.display()
    )]
    LogframeExtension {
        /// The output asked for.
        path: PathBuf,
    },
    /// A results chain, logframe or measurement plan could not be made.
    #[error(transparent)]
    Document(#[from] DocumentError),
    /// The preset's link would be too long to share.
    #[error(transparent)]
    Link(#[from] LinkError),
    /// The trajectories could not be made into CSV.
    #[error("cannot make the CSV: {0}")]
    Csv(csv::Error),
    /// The JSON report or the link could not be written out (stdout closed,
    /// a full disk).
    #[error("cannot write the output: {0}")]
    Output(std::io::Error),
    /// No command was given to [`run`](super::run): the window is the
    /// binary's business.
    #[error(
        "give a command: evaluate, levers, report, results-chain, logframe or link (see --help)"
    )]
    NoCommand,
    /// No command was given to a binary built without the window.
    #[error(
        "this cluster-workbench was built without the window (--no-default-features); \
         use a command: evaluate, levers, report, results-chain, logframe or link (see --help)"
    )]
    NoWindow,
    /// The window could not be opened, or failed.
    #[error("{0}")]
    Window(String),
}

/// The plans there are, for the message about one that is not.
fn known_plans(plans: &[String]) -> String {
    if plans.is_empty() {
        return "the preset has no plans".to_owned();
    }
    let quoted: Vec<String> = plans.iter().map(|p| format!("\"{p}\"")).collect();
    format!("its plans are {}", quoted.join(", "))
}
