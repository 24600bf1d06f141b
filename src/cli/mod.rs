//! The command line (reference model §7, plans-and-levers §6): one binary for
//! the window and for scripted evaluation. Here are the commands' definitions
//! ([`Cli`]); [`run`] carries a command out in-process, writing to any
//! `Write` and failing with a typed [`CliError`], so the binary only parses,
//! opens the window and turns the result into an exit status.

mod error;
mod run;
mod survey;

pub use error::{CliError, FAILURE_STATUS};
pub use run::{model_of, run, run_on};

use crate::language::Language;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Cluster Workbench: see where the eleven mechanisms of Caniëls & Romijn's
/// Table 1 (32 cells, mechanism × technological effort) come into play, how firm
/// capabilities accumulate without a plan and with each plan of interventions,
/// and where the paper gives reason to doubt a plan.
#[derive(Debug, Parser)]
#[command(
    name = "cluster-workbench",
    version,
    after_help = "Examples:\n  \
        cluster-workbench                                    open the workbench\n  \
        cluster-workbench presets/teaching-case.json         open it with a preset\n  \
        cluster-workbench evaluate presets/teaching-case.json > report.json\n  \
        cluster-workbench evaluate my-cluster.json --runs 5000\n  \
        cluster-workbench levers presets/supply-side-only.json --plan \"Supply-side support\"\n  \
        cluster-workbench report presets/teaching-case.json -o report.html --csv years.csv\n  \
        cluster-workbench results-chain my-cluster.json --plan \"Demand first\" --format mermaid -o chain.mmd\n  \
        cluster-workbench logframe my-cluster.json -o logframe.xlsx --measurement-plan measure.csv\n  \
        cluster-workbench link my-cluster.json --base https://example.org/workbench/\n  \
        cluster-workbench survey form -o form.xlsx --html questionnaire.html\n  \
        cluster-workbench survey apply my-cluster.json responses.csv -o surveyed.json\n  \
        cluster-workbench --model my-model.json evaluate my-cluster.json\n\n\
        Exit status: 0 on success, 2 when a file is rejected or the usage is wrong\n\
        (the reason is printed on stderr)."
)]
pub struct Cli {
    /// Use this model file instead of the built-in one (assets/model.json).
    #[arg(long, value_name = "FILE", global = true)]
    pub model: Option<PathBuf>,

    /// The language of what the commands write: the report, logframe,
    /// measurement plan and results chain, and the messages inside JSON
    /// (its keys stay English); English where not given. Numbers follow the
    /// language in text for people; CSV, JSON and XLSX cells stay plain
    /// numbers. With no command, the window opens in this language.
    #[arg(long, value_name = "en|fr|es", global = true, value_parser = parse_language)]
    pub lang: Option<Language>,

    /// A preset file to open in the workbench.
    #[arg(value_name = "PRESET")]
    pub preset: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// A language code the workbench speaks.
fn parse_language(code: &str) -> Result<Language, String> {
    match Language::ALL.into_iter().find(|l| l.code() == code) {
        Some(language) => Ok(language),
        None => Err(format!("the workbench speaks en, fr and es, not {code:?}")),
    }
}

/// What to do instead of opening the window.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the evaluation report (JSON) of a preset on stdout: for the cluster
    /// without a plan and for each plan, the 32 cells, the trajectory, the
    /// warnings and (for plans) how they compare; with uncertain attributes,
    /// the 10–90 % band of capability year by year.
    Evaluate {
        /// The preset file to evaluate.
        #[arg(value_name = "PRESET")]
        preset: PathBuf,
        /// Monte Carlo runs for the bands (0 leaves them out).
        #[arg(long, value_name = "N", default_value_t = 1000,
              value_parser = clap::value_parser!(u32).range(0..=100_000))]
        runs: u32,
    },
    /// Print the lever analysis (JSON) of one plan on stdout: how capability at
    /// the horizon moves with each attribute (±0.1) and with each catalogue
    /// intervention added, and which side binds.
    Levers {
        /// The preset file.
        #[arg(value_name = "PRESET")]
        preset: PathBuf,
        /// The plan to analyse (default: the first plan, or none when the
        /// preset has no plans).
        #[arg(long, value_name = "NAME")]
        plan: Option<String>,
    },
    /// Write the report as one self-contained HTML file that opens offline and
    /// prints on A4: the cluster, Table 1, the warnings with their sources,
    /// every plan with its entries and costs, the comparison, the capability
    /// chart, and the model's caveats; with --csv, the trajectories too.
    Report {
        /// The preset file.
        #[arg(value_name = "PRESET")]
        preset: PathBuf,
        /// Where to write the HTML report.
        #[arg(short = 'o', long = "output", value_name = "OUT.html")]
        output: PathBuf,
        /// Also write the trajectories as CSV: year, No plan, then each plan.
        #[arg(long, value_name = "OUT.csv")]
        csv: Option<PathBuf>,
        /// Monte Carlo runs for the bands, where the preset has uncertainty
        /// (0 leaves them out).
        #[arg(long, value_name = "N", default_value_t = 1000,
              value_parser = clap::value_parser!(u32).range(0..=100_000))]
        runs: u32,
    },
    /// Write the results chains of a plan's entries (DCED): activity,
    /// outputs, market-level and enterprise-level outcomes, capability and
    /// the plan's impact boxes, with assumptions and risks on the arrows.
    ResultsChain {
        /// The preset file.
        #[arg(value_name = "PRESET")]
        preset: PathBuf,
        /// The plan (default: the first plan).
        #[arg(long, value_name = "NAME")]
        plan: Option<String>,
        /// Only this entry of the plan, counted from 1 (default: every entry).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
        entry: Option<u32>,
        /// The form: an SVG drawing, Mermaid or Graphviz DOT text, or a CSV of
        /// boxes and arrows.
        #[arg(long, value_enum)]
        format: crate::export::ChainFormat,
        /// Where to write it.
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        output: PathBuf,
    },
    /// Write a plan's logframe (impact 1, an outcome per entry 1.1, its
    /// output 1.1.1 and activity 1.1.1.1) as XLSX or CSV, by the extension
    /// of OUT; with --measurement-plan, the DCED-style measurement plan too.
    Logframe {
        /// The preset file.
        #[arg(value_name = "PRESET")]
        preset: PathBuf,
        /// The plan (default: the first plan).
        #[arg(long, value_name = "NAME")]
        plan: Option<String>,
        /// Where to write the logframe: a name ending in .xlsx or .csv.
        #[arg(short = 'o', long = "output", value_name = "OUT.xlsx|OUT.csv")]
        output: PathBuf,
        /// Also write the measurement plan (box, level, indicator, baseline,
        /// projection, method, who, when) as CSV.
        #[arg(long, value_name = "OUT.csv")]
        measurement_plan: Option<PathBuf>,
    },
    /// The cluster diagnostic survey: write its XLSForm (and a printable
    /// questionnaire), read the responses KoboToolbox or ODK Central export
    /// into a preset's attributes, or write a plan's baseline and endline
    /// form.
    Survey {
        #[command(subcommand)]
        action: SurveyCommand,
    },
    /// Print a link that holds the whole preset (for an e-mail or a web
    /// page): opening it in the workbench's web page opens the preset. A
    /// link longer than 8,000 characters is refused: send the file instead.
    Link {
        /// The preset file.
        #[arg(value_name = "PRESET")]
        preset: PathBuf,
        /// The web page the link opens: the hosted workbench's address, or
        /// the single file's name.
        #[arg(long, value_name = "URL", default_value = crate::link::DEFAULT_BASE)]
        base: String,
    },
}

/// What to do with the survey.
#[derive(Debug, Subcommand)]
pub enum SurveyCommand {
    /// Write the diagnostic questionnaire as an XLSForm (labels in English,
    /// French and Spanish; the default language is --lang's) for
    /// KoboToolbox, ODK or SurveyCTO; with --html, a printable version too.
    Form {
        /// Where to write the XLSForm: a name ending in .xlsx.
        #[arg(short = 'o', long = "output", value_name = "FORM.xlsx")]
        output: PathBuf,
        /// Also write the questionnaire as a page to print, in --lang's
        /// language, with how each answer is scored.
        #[arg(long, value_name = "FORM.html")]
        html: Option<PathBuf>,
    },
    /// Read a response export (CSV or XLSX, as KoboToolbox or ODK Central
    /// write it) and write the preset with the surveyed attributes set,
    /// their spread as uncertainty and the survey as their evidence; print
    /// the table of what changed. Nothing is written if the file is refused.
    Apply {
        /// The preset to start from.
        #[arg(value_name = "PRESET")]
        preset: PathBuf,
        /// The responses.
        #[arg(value_name = "RESPONSES")]
        responses: PathBuf,
        /// Where to write the new preset.
        #[arg(short = 'o', long = "output", value_name = "OUT.json")]
        output: PathBuf,
    },
    /// Write a plan's firm-level indicators (its measurement plan's
    /// enterprise-level and capability outcomes, income and jobs) as an
    /// XLSForm to measure before the plan and at its end.
    Baseline {
        /// The preset file.
        #[arg(value_name = "PRESET")]
        preset: PathBuf,
        /// The plan (default: the first plan).
        #[arg(long, value_name = "NAME")]
        plan: Option<String>,
        /// Where to write the form.
        #[arg(short = 'o', long = "output", value_name = "FORM.xlsx")]
        output: PathBuf,
    },
}
