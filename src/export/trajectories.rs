//! The trajectories as CSV: `year`, `No plan`, then each plan's name in file
//! order, one row a year, capability unrounded (issue 9). The csv crate does
//! the RFC 4180 quoting of names with commas, quotes or line breaks.

use crate::evaluation::Evaluation;
use crate::plan::rules::BASELINE_NAME;
use crate::preset::Preset;

/// The CSV text, with CRLF line ends as RFC 4180 has them.
pub fn trajectories_csv(preset: &Preset, e: &Evaluation) -> Result<Vec<u8>, csv::Error> {
    trajectories_table(preset, e, b',')
}

/// The same table with another delimiter (a tab, for the clipboard: a
/// spreadsheet pastes it into cells).
pub fn trajectories_table(
    preset: &Preset,
    e: &Evaluation,
    delimiter: u8,
) -> Result<Vec<u8>, csv::Error> {
    let mut w = super::Table::new(delimiter);
    let mut header = vec!["year".to_owned(), BASELINE_NAME.to_owned()];
    header.extend(preset.plans.iter().map(|p| p.name.clone()));
    w.row(&header)?;
    for (i, y) in e.baseline.trajectory.years.iter().enumerate() {
        let mut row = vec![y.year.to_string(), y.capability.to_string()];
        for p in &e.plans {
            row.push(
                p.scenario
                    .trajectory
                    .years
                    .get(i)
                    .map_or_else(String::new, |y| y.capability.to_string()),
            );
        }
        w.row(&row)?;
    }
    w.bytes()
}
