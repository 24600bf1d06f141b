//! The cluster diagnostic survey (issue 19): the questionnaire the model
//! implies, written as an XLSForm for KoboToolbox and ODK, and the
//! responses those tools export read back into the cluster's attributes,
//! each with its spread and the number of firms behind it. The rules from
//! answers to attributes live in `assets/survey.json`, as the model's own
//! assumptions.

pub mod baseline;
pub mod estimate;
pub mod evidence;
pub mod form;
pub mod instrument;
pub mod printable;
pub mod responses;
pub mod score;
pub mod table;

pub use estimate::{Estimate, estimates};
pub use evidence::{Evidence, SurveyEvidence};
pub use instrument::{Instrument, InstrumentError};

use crate::text::survey::said;

/// Why a response file was refused: what is wrong and, where it is in one
/// place, the row and column.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ResponsesError {
    #[error("{}", said(|t| t.empty_file, &[]))]
    Empty,
    #[error("{}", said(|t| t.too_large, &[("max", &max_mb.to_string())]))]
    TooLarge { max_mb: usize },
    #[error("{}", said(|t| t.not_utf8, &[("at", &at.to_string())]))]
    NotUtf8 { at: usize },
    #[error("{}", said(|t| t.is_json, &[]))]
    Json,
    #[error("{}", said(|t| t.not_csv, &[("reason", reason)]))]
    NotCsv { reason: String },
    #[error("{}", said(|t| t.not_workbook, &[("reason", reason)]))]
    NotWorkbook { reason: String },
    #[error("{}", said(|t| t.sheet_too_large, &[("rows", &rows.to_string()), ("columns", &columns.to_string())]))]
    SheetTooLarge { rows: u32, columns: u32 },
    #[error("{}", said(|t| t.too_many_cells, &[("cells", &cells.to_string())]))]
    TooManyCells { cells: usize },
    #[error("{}", said(|t| t.workbook_in_browser, &[]))]
    WorkbookInBrowser,
    #[error("{}", said(|t| t.ragged_row, &[("row", &row.to_string()), ("found", &found.to_string()), ("expected", &expected.to_string())]))]
    Ragged {
        row: usize,
        found: usize,
        expected: usize,
    },
    #[error("{}", said(|t| t.no_responses, &[]))]
    NoResponses,
    #[error("{}", said(|t| t.label_headers, &[]))]
    LabelHeaders,
    #[error("{}", said(|t| t.missing_column, &[("name", name), ("form", form), ("version", version)]))]
    MissingColumn {
        name: String,
        form: String,
        version: String,
    },
    #[error("{}", said(|t| t.duplicate_column, &[("name", name), ("first", first), ("second", second)]))]
    DuplicateColumn {
        name: String,
        first: String,
        second: String,
    },
    #[error("{}", said(|t| t.not_a_number, &[("row", &row.to_string()), ("column", column), ("value", value)]))]
    NotANumber {
        row: usize,
        column: String,
        value: String,
    },
    #[error("{}", said(|t| t.other_version, &[("row", &row.to_string()), ("column", column), ("found", found), ("version", version)]))]
    OtherVersion {
        row: usize,
        column: String,
        found: String,
        version: String,
    },
}

/// What a response file says about the cluster.
#[derive(Debug, Clone, PartialEq)]
pub struct SurveyResult {
    /// One per attribute, in reference-model order.
    pub estimates: Vec<Estimate>,
    /// How many respondents the file holds.
    pub respondents: usize,
    /// The day of the latest interview, where the file says it.
    pub latest_day: Option<String>,
    /// The form version the answers are to.
    pub form_version: String,
    /// Submissions left out as second copies, and as rejected by the
    /// project.
    pub duplicates: usize,
    pub rejected: usize,
}

impl SurveyResult {
    /// The evidence an accepted estimate leaves with the attribute.
    pub fn evidence(&self, e: &Estimate) -> SurveyEvidence {
        SurveyEvidence {
            form_version: self.form_version.clone(),
            date: self.latest_day.clone(),
            n: e.n as u32,
            spread: crate::edit::hundredths(e.spread, crate::plan::rules::MAX_HALF_WIDTH),
        }
    }

    /// The edits' values for the accepted attributes that the survey gives
    /// a value for.
    pub fn values(
        &self,
        accepted: &[crate::attribute::Attribute],
    ) -> Vec<crate::edit::SurveyValue> {
        self.estimates
            .iter()
            .filter(|e| accepted.contains(&e.attribute))
            .filter_map(|e| {
                e.value.map(|value| crate::edit::SurveyValue {
                    attribute: e.attribute,
                    value,
                    evidence: self.evidence(e),
                })
            })
            .collect()
    }

    /// The attributes the survey gives a value for.
    pub fn answered(&self) -> Vec<crate::attribute::Attribute> {
        self.estimates
            .iter()
            .filter(|e| e.value.is_some())
            .map(|e| e.attribute)
            .collect()
    }

    /// "Left out: 1 second copy of a submission already read; 2 submissions
    /// rejected by the project.", naming only what was left out, or nothing
    /// when none was.
    pub fn left_out(&self) -> Option<String> {
        let t = crate::text::survey::survey_texts();
        let counted = |n: usize, one, other| {
            (n > 0).then(|| {
                crate::text::fill(crate::text::plural(n, one, other), &[("n", &n.to_string())])
            })
        };
        let parts: Vec<String> = [
            counted(self.duplicates, t.duplicates_one, t.duplicates_other),
            counted(self.rejected, t.rejected_one, t.rejected_other),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!parts.is_empty())
            .then(|| said(|t| t.left_out, &[("parts", &crate::words::listed(&parts))]))
    }

    /// "50 responses" ("1 response").
    pub fn responses_phrase(&self) -> String {
        let t = crate::text::survey::survey_texts();
        let n = self.respondents;
        crate::text::fill(
            crate::text::plural(n, t.responses_one, t.responses_other),
            &[("n", &n.to_string())],
        )
    }
}

/// Reads a response export (CSV or XLSX) of `instrument`'s form.
pub fn import(instrument: &Instrument, bytes: &[u8]) -> Result<SurveyResult, ResponsesError> {
    let table = table::read(bytes)?;
    let answers = responses::answers(instrument, &table)?;
    Ok(SurveyResult {
        estimates: estimates(instrument, &answers),
        respondents: answers.respondents.len(),
        latest_day: answers.latest_day,
        form_version: instrument.form_version.clone(),
        duplicates: answers.duplicates,
        rejected: answers.rejected,
    })
}

/// The review table as text, for the command line: attribute, now, survey,
/// spread, firms, unreadable.
pub fn review_table(
    model: &crate::model::Model,
    preset: &crate::preset::Preset,
    result: &SurveyResult,
) -> String {
    use crate::text::num;
    let t = crate::text::survey::survey_texts();
    let mut rows = vec![[
        crate::text::survey::survey_texts()
            .head_attribute
            .to_owned(),
        t.head_current.to_owned(),
        t.head_survey.to_owned(),
        t.head_spread.to_owned(),
        t.head_n.to_owned(),
        t.head_unreadable.to_owned(),
    ]];
    for e in &result.estimates {
        let (value, spread) = match e.value {
            Some(v) => (num(v), plus_minus(e.spread)),
            None => (t.no_answers.to_owned(), String::new()),
        };
        rows.push([
            model.attribute_info(e.attribute).name.clone(),
            num(preset.attributes[e.attribute]),
            value,
            spread,
            e.n.to_string(),
            e.unreadable.to_string(),
        ]);
    }
    let widths: Vec<usize> = (0..6)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for r in &rows {
        let cells: Vec<String> = r
            .iter()
            .zip(&widths)
            .map(|(cell, w)| format!("{cell:<w$}"))
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

/// A spread as the review shows it: "±0.12" ("±0,12" in French).
pub fn plus_minus(spread: f64) -> String {
    crate::text::fill(
        crate::text::texts().plus_minus,
        &[("value", &crate::text::num(spread))],
    )
}
