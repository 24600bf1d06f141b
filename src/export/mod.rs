//! The documents that leave the workbench: the HTML report with its inline
//! SVG chart, and the trajectories as CSV. Pure functions from the model, a
//! preset and its evaluation to bytes; writing them is the caller's.

pub mod chart;
pub mod html;
pub mod trajectories;

use crate::analysis::uncertainty::monte_carlo;
use crate::evaluation::evaluate;
use crate::model::Model;
use crate::preset::Preset;

/// The report of `preset` as HTML: evaluated, with `runs` Monte Carlo runs
/// where it has uncertainty. The one place the window and the command line
/// make a report.
pub fn html_report(model: &Model, preset: &Preset, runs: usize, threads: usize) -> String {
    let e = evaluate(model, preset);
    let bands = monte_carlo(model, preset, runs, threads);
    html::report_html(model, preset, &e, bands.as_ref())
}

/// The trajectories of `preset` as CSV.
pub fn csv_of_trajectories(model: &Model, preset: &Preset) -> Result<Vec<u8>, csv::Error> {
    trajectories::trajectories_csv(preset, &evaluate(model, preset))
}
