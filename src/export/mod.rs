//! The documents that leave the workbench: the HTML report with its inline
//! SVG chart, the trajectories as CSV, results chains (SVG, Mermaid, DOT,
//! CSV), a plan's logframe (XLSX, CSV) and measurement plan (CSV). Pure
//! functions from the model, a preset and its evaluation to bytes; writing
//! them is the caller's.

pub mod chain;
pub mod chart;
pub mod html;
pub mod logframe;
pub mod trajectories;
pub mod workbook;

use crate::analysis::uncertainty::monte_carlo;
use crate::evaluation::evaluate;
use crate::model::Model;
use crate::preset::Preset;
use crate::text::messages::said;

/// The report of `preset` as HTML: evaluated, with `runs` Monte Carlo runs
/// where it has uncertainty. The one place the window and the command line
/// make a report.
pub fn html_report(model: &Model, preset: &Preset, runs: usize, threads: usize) -> String {
    let e = evaluate(model, preset);
    let bands = monte_carlo(model, preset, runs, threads);
    html::report_html(model, preset, &e, bands.as_ref())
}

/// A form of a results chain (also the command line's `--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ChainFormat {
    Svg,
    Mermaid,
    Dot,
    Csv,
}

/// A form of a logframe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogframeFormat {
    Xlsx,
    Csv,
}

impl LogframeFormat {
    /// The form a file name asks for by its extension, if either.
    pub fn of_path(path: &std::path::Path) -> Option<LogframeFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "xlsx" => Some(LogframeFormat::Xlsx),
            "csv" => Some(LogframeFormat::Csv),
            _ => None,
        }
    }
}

/// Why a document could not be made (a writer's own failure; not expected
/// with the in-memory buffers used here, but never hidden).
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    #[error("{}", said(|m| m.cannot_write_csv, &[("reason", &.0.to_string())]))]
    Csv(#[from] csv::Error),
    #[error("{}", said(|m| m.cannot_write_workbook, &[("reason", &.0.to_string())]))]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
}

/// The results chains of plan `plan` (all its entries, or only `entry`) in
/// one of the forms staff edit or show.
pub fn results_chain_document(
    model: &Model,
    preset: &Preset,
    plan: usize,
    entry: Option<usize>,
    format: ChainFormat,
) -> Result<Vec<u8>, DocumentError> {
    let e = evaluate(model, preset);
    let chains: Vec<_> = crate::chain::plan_chains(model, preset, &e, plan)
        .into_iter()
        .filter(|c| entry.is_none_or(|i| c.entry == i))
        .collect();
    Ok(match format {
        ChainFormat::Svg => chain::chains_svg(model, preset, &chains, "chain").into_bytes(),
        ChainFormat::Mermaid => chain::chains_mermaid(model, preset, &chains).into_bytes(),
        ChainFormat::Dot => chain::chains_dot(model, preset, &chains).into_bytes(),
        ChainFormat::Csv => chain::chains_csv(model, preset, &chains)?,
    })
}

/// The logframe of plan `plan`; empty when there is no such plan.
pub fn logframe_document(
    model: &Model,
    preset: &Preset,
    plan: usize,
    format: LogframeFormat,
) -> Result<Vec<u8>, DocumentError> {
    let Some(p) = preset.plan(plan) else {
        return Ok(Vec::new());
    };
    let e = evaluate(model, preset);
    let chains = crate::chain::plan_chains(model, preset, &e, plan);
    let rows = logframe::rows(model, preset, p, &chains);
    Ok(match format {
        LogframeFormat::Xlsx => workbook::logframe_xlsx(model, preset, p, &rows)?,
        LogframeFormat::Csv => logframe::logframe_csv(&rows)?,
    })
}

/// The measurement plan of plan `plan` as CSV; empty when there is no such
/// plan.
pub fn measurement_document(
    model: &Model,
    preset: &Preset,
    plan: usize,
) -> Result<Vec<u8>, DocumentError> {
    let Some(p) = preset.plan(plan) else {
        return Ok(Vec::new());
    };
    let e = evaluate(model, preset);
    let chains = crate::chain::plan_chains(model, preset, &e, plan);
    Ok(logframe::measurement_csv(model, preset, p, &chains)?)
}

/// The trajectories of `preset` as CSV.
pub fn csv_of_trajectories(model: &Model, preset: &Preset) -> Result<Vec<u8>, csv::Error> {
    trajectories::trajectories_csv(preset, &evaluate(model, preset))
}

/// Words broken into lines of at most `room` characters, at most `max_lines`
/// of them; what does not fit ends in an ellipsis (a drawing has no room to
/// grow, unlike a page).
pub(crate) fn wrap(text: &str, room: usize, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let fits = current.chars().count() + 1 + word.chars().count() <= room;
        if current.is_empty() || fits {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        } else {
            lines.push(std::mem::take(&mut current));
            current.push_str(word);
        }
    }
    lines.push(current);
    let cut = lines.len() > max_lines;
    lines.truncate(max_lines);
    for line in &mut lines {
        if line.chars().count() > room {
            *line = line.chars().take(room - 1).collect();
            line.push('…');
        }
    }
    if cut && let Some(last) = lines.last_mut() {
        if last.chars().count() >= room {
            *last = last.chars().take(room - 1).collect();
        }
        last.push('…');
    }
    lines
}

/// A CSV table written into memory: RFC 4180 quoting, CRLF line ends. A
/// text cell a spreadsheet would run as a formula (one starting with `=`,
/// `+`, `@`, or `-` not starting a number) gets a `'` in front: presets come
/// from colleagues, and their text goes into these cells.
pub(crate) struct Table(csv::Writer<Vec<u8>>);

impl Table {
    pub(crate) fn new(delimiter: u8) -> Table {
        Table(
            csv::WriterBuilder::new()
                .delimiter(delimiter)
                .terminator(csv::Terminator::CRLF)
                .from_writer(Vec::new()),
        )
    }

    /// Writes one row.
    pub(crate) fn row<S: AsRef<str>>(
        &mut self,
        cells: impl IntoIterator<Item = S>,
    ) -> Result<(), csv::Error> {
        let cells: Vec<String> = cells.into_iter().map(|c| guard(c.as_ref())).collect();
        self.0.write_record(&cells)
    }

    /// The bytes written.
    pub(crate) fn bytes(self) -> Result<Vec<u8>, csv::Error> {
        self.0.into_inner().map_err(|e| e.into_error().into())
    }
}

/// A cell's text, with a `'` in front where a spreadsheet would take it for
/// a formula.
fn guard(cell: &str) -> String {
    let mut chars = cell.chars();
    let formula = match chars.next() {
        Some('=' | '+' | '@') => true,
        Some('-') => !chars.next().is_some_and(|c| c.is_ascii_digit() || c == '.'),
        _ => false,
    };
    if formula {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}
