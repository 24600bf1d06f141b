//! From an export's table to the answers of each respondent: which column
//! holds which question (by name, with or without the group path that Kobo
//! joins with `/` and ODK Central with `-`), checked to be this form and
//! this version, and each cell read by its question's rule.

use super::ResponsesError;
use super::instrument::{Instrument, QuestionType, VERSION_FIELD};
use super::score::{self, Reading};
use super::table::{Table, column_letters};

/// The answers of every respondent, one [`Reading`] per question in form
/// order, and the day of the latest interview where the export says it.
#[derive(Debug, Clone, PartialEq)]
pub struct Answers {
    pub respondents: Vec<Vec<Reading>>,
    pub latest_day: Option<String>,
    /// Submissions left out: a second copy of one already read (the same
    /// `KEY` or `_uuid`), or one the project rejected (ODK Central's
    /// `ReviewState` "rejected", Kobo's "not approved").
    pub duplicates: usize,
    pub rejected: usize,
}

/// What a column of the export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Question(usize),
    /// One option of a select-multiple question (`q/option`): read only
    /// where the export left out the summary column (Kobo's legacy CSV),
    /// as the summary says "not answered" where ODK Central writes 0.
    Option(usize, usize),
    Version,
    Day,
    /// The submission's identity: ODK Central's `KEY`, Kobo's `_uuid`.
    Key,
    /// Whether the project approved the submission.
    Review,
    Other,
}

/// The question name a header stands for: the header itself, or its last
/// group segment.
fn bare(header: &str) -> &str {
    let last = header.rsplit('/').next().unwrap_or(header);
    last.rsplit('-').next().unwrap_or(last)
}

fn column(instrument: &Instrument, header: &str) -> Column {
    // An option column first: a choice may share a question's name.
    if let Some((path, option)) = header.rsplit_once('/') {
        let question = instrument
            .questions
            .iter()
            .position(|q| q.name == bare(path) && q.kind == QuestionType::SelectMultiple);
        if let Some(q) = question
            && let Some(c) = instrument.questions[q]
                .choices
                .iter()
                .position(|c| c.name == option)
        {
            return Column::Option(q, c);
        }
    }
    let name = bare(header);
    if let Some(i) = instrument.questions.iter().position(|q| q.name == name) {
        return Column::Question(i);
    }
    match (name, header) {
        (VERSION_FIELD, _) => Column::Version,
        ("today", _) => Column::Day,
        (_, "KEY" | "_uuid") => Column::Key,
        (_, "ReviewState" | "_validation_status") => Column::Review,
        _ => Column::Other,
    }
}

/// How a column is named in a message: its letters and its header.
fn named(table: &Table, index: usize) -> String {
    let letters = column_letters(table.first_column + index);
    format!("{letters} ({})", table.headers[index])
}

/// Reads the answers in `table`, or refuses the file naming the row and
/// column of the first problem.
pub fn answers(instrument: &Instrument, table: &Table) -> Result<Answers, ResponsesError> {
    let columns: Vec<Column> = table
        .headers
        .iter()
        .map(|h| column(instrument, h))
        .collect();
    let mut of_question = vec![None; instrument.questions.len()];
    for (c, col) in columns.iter().enumerate() {
        if let Column::Question(q) = *col {
            if let Some(first) = of_question[q] {
                return Err(ResponsesError::DuplicateColumn {
                    name: instrument.questions[q].name.clone(),
                    first: named(table, first),
                    second: named(table, c),
                });
            }
            of_question[q] = Some(c);
        }
    }
    let options = option_columns(&columns, &of_question);
    check_columns(instrument, table, &columns, &of_question, &options)?;
    if table.rows.is_empty() {
        return Err(ResponsesError::NoResponses);
    }
    let mut respondents = Vec::with_capacity(table.rows.len());
    let mut latest_day: Option<String> = None;
    let (mut keys, mut duplicates, mut rejected) = (std::collections::HashSet::new(), 0, 0);
    let key = columns.iter().position(|c| *c == Column::Key);
    let review = columns.iter().position(|c| *c == Column::Review);
    for (row, cells) in &table.rows {
        check_version(instrument, table, &columns, *row, cells)?;
        if review.is_some_and(|c| is_rejected(&cells[c])) {
            rejected += 1;
            continue;
        }
        if let Some(c) = key.filter(|&c| !cells[c].trim().is_empty())
            && !keys.insert(cells[c].trim())
        {
            duplicates += 1;
            continue;
        }
        if let Some(day) = day_of(&columns, cells) {
            latest_day = latest_day.max(Some(day));
        }
        let mut readings = Vec::with_capacity(of_question.len());
        for (i, q) in instrument.questions.iter().enumerate() {
            let Some(c) = of_question[i] else {
                readings.push(from_options(q, &options[i], cells));
                continue;
            };
            let reading = score::read(q, &cells[c]).map_err(|_| ResponsesError::NotANumber {
                row: *row,
                column: named(table, c),
                value: cells[c].clone(),
            })?;
            readings.push(reading);
        }
        respondents.push(readings);
    }
    if respondents.is_empty() {
        return Err(ResponsesError::NoResponses);
    }
    Ok(Answers {
        respondents,
        latest_day,
        duplicates,
        rejected,
    })
}

/// For each question without a summary column, its option columns (column,
/// choice); empty for the others.
fn option_columns(columns: &[Column], of_question: &[Option<usize>]) -> Vec<Vec<(usize, usize)>> {
    let mut out = vec![Vec::new(); of_question.len()];
    for (c, col) in columns.iter().enumerate() {
        if let Column::Option(q, choice) = *col
            && of_question[q].is_none()
        {
            out[q].push((c, choice));
        }
    }
    out
}

/// Whether the project turned the submission down: ODK Central's review
/// state, Kobo's validation status (its value or its label).
fn is_rejected(cell: &str) -> bool {
    matches!(
        cell.trim(),
        "rejected" | "validation_status_not_approved" | "Not Approved"
    )
}

/// A select-multiple answer from its option columns: `1`/`True` chosen,
/// `0`/`False` not; every cell empty (or `n/a`) is no answer.
fn from_options(
    q: &super::instrument::Question,
    options: &[(usize, usize)],
    cells: &[String],
) -> Reading {
    let mut chosen = Vec::new();
    let mut answered = false;
    for &(c, choice) in options {
        match cells[c].trim() {
            "1" | "True" | "true" => {
                answered = true;
                chosen.push(q.choices[choice].name.as_str());
            }
            "0" | "False" | "false" => answered = true,
            "" | "n/a" => {}
            _ => return Reading::Unreadable,
        }
    }
    if !answered {
        return Reading::Missing;
    }
    score::chosen(q, &chosen)
}

/// Every question (a select-multiple one by its summary or its option
/// columns) and the version have a column; a file whose headers are the
/// questions' labels is told to export with names.
fn check_columns(
    instrument: &Instrument,
    table: &Table,
    columns: &[Column],
    of_question: &[Option<usize>],
    options: &[Vec<(usize, usize)>],
) -> Result<(), ResponsesError> {
    let missing = instrument
        .questions
        .iter()
        .enumerate()
        .find(|(i, _)| of_question[*i].is_none() && options[*i].is_empty())
        .map(|(_, q)| q.name.clone())
        .or_else(|| (!columns.contains(&Column::Version)).then(|| VERSION_FIELD.to_owned()));
    let Some(name) = missing else {
        return Ok(());
    };
    let labels = instrument
        .questions
        .iter()
        .flat_map(|q| crate::language::Language::ALL.map(|l| q.label.in_language(l).to_owned()));
    let labelled = labels
        .into_iter()
        .any(|l| table.headers.iter().any(|h| bare(h) == l || h == &l));
    if labelled {
        return Err(ResponsesError::LabelHeaders);
    }
    Err(ResponsesError::MissingColumn {
        name,
        form: instrument.form_id.clone(),
        version: instrument.form_version.clone(),
    })
}

fn check_version(
    instrument: &Instrument,
    table: &Table,
    columns: &[Column],
    row: usize,
    cells: &[String],
) -> Result<(), ResponsesError> {
    for (c, col) in columns.iter().enumerate() {
        let found = cells[c].trim();
        if *col == Column::Version && found != instrument.form_version {
            return Err(ResponsesError::OtherVersion {
                row,
                column: named(table, c),
                found: found.to_owned(),
                version: instrument.form_version.clone(),
            });
        }
    }
    Ok(())
}

/// The interview's day (`today`), where it reads as yyyy-mm-dd.
fn day_of(columns: &[Column], cells: &[String]) -> Option<String> {
    let c = columns.iter().position(|c| *c == Column::Day)?;
    let day = cells[c].trim().get(..10)?;
    super::evidence::is_day(day).then(|| day.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_lose_their_group_paths() {
        let i = Instrument::shipped().unwrap();
        let q = |h| column(&i, h);
        assert_eq!(q("sales_trend"), Column::Question(0));
        assert_eq!(q("markets/sales_trend"), Column::Question(0));
        assert_eq!(q("markets-sales_trend"), Column::Question(0));
        let did = i
            .questions
            .iter()
            .position(|q| q.name == "association_did")
            .unwrap();
        let training = i.questions[did]
            .choices
            .iter()
            .position(|c| c.name == "training")
            .unwrap();
        assert_eq!(
            q("cooperation-association_did/training"),
            Column::Option(did, training)
        );
        assert_eq!(q("association_did/training"), Column::Option(did, training));
        assert_eq!(q("meta/cw_form_version"), Column::Version);
        assert_eq!(q("_uuid"), Column::Key);
        assert_eq!(q("KEY"), Column::Key);
        assert_eq!(q("_submission_time"), Column::Other);
    }
}
