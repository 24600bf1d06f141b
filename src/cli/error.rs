//! Why a command failed, in the words printed on stderr.

use crate::export::DocumentError;
use crate::files::FileError;
use crate::link::LinkError;
use crate::model::ModelError;
use crate::text::messages::said;
use std::path::PathBuf;

/// The commands, as a message lists them (their names are the same in
/// every language).
const COMMANDS: &str = "evaluate, levers, report, results-chain, logframe, survey, link";

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
    #[error("{}", said(|m| m.built_in_model_broken, &[("reason", &.0.to_string())]))]
    BuiltInModel(ModelError),
    /// `--plan` names a plan the preset does not have.
    #[error("{}", said(|m| m.unknown_plan, &[("name", name), ("known", &known_plans(plans))]))]
    UnknownPlan {
        /// The name asked for.
        name: String,
        /// The names of the preset's plans, in its order.
        plans: Vec<String>,
    },
    /// Results chains and logframes are of a plan, and there is none.
    #[error("{}", said(|m| m.no_plans, &[]))]
    NoPlans,
    /// A results chain is of a plan's entries, and the plan has none.
    #[error("{}", said(|m| m.no_entries, &[("plan", plan)]))]
    NoEntries {
        /// The plan's name.
        plan: String,
    },
    /// `--entry` counts past the plan's last entry.
    #[error("{}", said(|m| m.no_such_entry, &[("entry", &entry.to_string()), ("plan", plan), ("count", &count.to_string())]))]
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
    #[error("{}", said(|m| m.logframe_extension, &[("path", &path.display().to_string())]))]
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
    #[error("{}", said(|m| m.cannot_make_csv, &[("reason", &.0.to_string())]))]
    Csv(csv::Error),
    /// The JSON report or the link could not be written out (stdout closed,
    /// a full disk).
    #[error("{}", said(|m| m.cannot_write_output, &[("reason", &.0.to_string())]))]
    Output(std::io::Error),
    /// No command was given to [`run`](super::run): the window is the
    /// binary's business.
    #[error("{}", said(|m| m.give_a_command, &[("commands", COMMANDS)]))]
    NoCommand,
    /// No command was given to a binary built without the window.
    #[error("{}", said(|m| m.built_without_window, &[("commands", COMMANDS)]))]
    NoWindow,
    /// The survey instrument compiled into the binary does not read: a
    /// broken build.
    #[error("{0}")]
    Instrument(crate::survey::InstrumentError),
    /// A response file was refused.
    #[error("{}", crate::text::messages::said(|m| m.path_reason, &[("path", path), ("reason", &reason.to_string())]))]
    Responses {
        path: String,
        reason: crate::survey::ResponsesError,
    },
    /// An edit the survey asked for was refused.
    #[error("{0}")]
    Edit(String),
    /// The plan has no firm-level indicator to measure.
    #[error("{}", crate::text::survey::said(|t| t.baseline_no_plan, &[]))]
    NoIndicators,
    /// The window could not be opened, or failed.
    #[error("{0}")]
    Window(String),
}

/// The plans there are, for the message about one that is not.
fn known_plans(plans: &[String]) -> String {
    if plans.is_empty() {
        return said(|m| m.preset_has_no_plans, &[]);
    }
    let quoted: Vec<String> = plans.iter().map(|p| format!("\"{p}\"")).collect();
    said(|m| m.its_plans_are, &[("plans", &quoted.join(", "))])
}
