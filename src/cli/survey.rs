//! `cluster-workbench survey …`: the diagnostic's XLSForm and printable
//! questionnaire, the responses applied to a preset, and a plan's baseline
//! and endline form. Every file is made before any is written.

use super::{CliError, SurveyCommand};
use crate::edit::Edit;
use crate::files::{Storage, read_bytes, read_preset, write_all_atomic_with};
use crate::language::Language;
use crate::model::Model;
use crate::survey::table::MAX_RESPONSES_BYTES;
use crate::survey::{Instrument, baseline, form, import, printable, review_table};
use std::io::Write;
use std::path::Path;

pub(super) fn run(
    model: &Model,
    action: SurveyCommand,
    language: Language,
    storage: &dyn Storage,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let instrument = Instrument::shipped().map_err(CliError::Instrument)?;
    match action {
        SurveyCommand::Form { output, html } => {
            let xlsx = form::xlsx(&form::diagnostic(&instrument, language))
                .map_err(|e| CliError::Document(e.into()))?;
            let page = html
                .as_ref()
                .map(|_| printable::printable_html(model, &instrument));
            let mut files: Vec<(&Path, &[u8])> = vec![(&output, &xlsx)];
            if let (Some(path), Some(page)) = (&html, &page) {
                files.push((path, page.as_bytes()));
            }
            Ok(write_all_atomic_with(storage, &files)?)
        }
        SurveyCommand::Apply {
            preset,
            responses,
            output,
        } => {
            let mut p = read_preset(&preset, model)?;
            let bytes = read_bytes(&responses, MAX_RESPONSES_BYTES as u64)?;
            let result = import(&instrument, &bytes).map_err(|reason| CliError::Responses {
                path: responses.display().to_string(),
                reason,
            })?;
            let table = review_table(model, &p, &result);
            let values = result.values(&result.answered());
            let count = values.len();
            Edit::FromSurvey(values)
                .apply(&mut p, model)
                .map_err(|e| CliError::Edit(e.to_string()))?;
            let text = p
                .to_checked_json(model)
                .map_err(|e| CliError::Edit(e.to_string()))?;
            write_all_atomic_with(storage, &[(&output, text.as_bytes())])?;
            let t = crate::text::survey::survey_texts();
            let done = crate::text::fill(
                crate::text::plural(count, t.cli_written_one, t.cli_written),
                &[
                    ("count", &count.to_string()),
                    ("responses", &result.responses_phrase()),
                    ("path", &output.display().to_string()),
                ],
            );
            let left_out = result
                .left_out()
                .map(|l| format!("{l}\n"))
                .unwrap_or_default();
            let assumption = t.review_assumption;
            super::run::print(out, &format!("{table}\n{assumption}\n{left_out}{done}\n"))
        }
        SurveyCommand::Baseline {
            preset,
            plan,
            output,
        } => {
            let p = read_preset(&preset, model)?;
            let index = super::run::required_plan(&p, plan.as_deref())?;
            let form = baseline::baseline_form(model, &p, index).ok_or(CliError::NoIndicators)?;
            let xlsx = form::xlsx(&form).map_err(|e| CliError::Document(e.into()))?;
            Ok(write_all_atomic_with(storage, &[(&output, &xlsx)])?)
        }
    }
}
