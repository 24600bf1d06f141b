//! The survey in the window (issue 19): its forms written like any export,
//! and a response export read, reviewed attribute by attribute, and applied
//! as one undo step. Nothing changes until the user applies.

use super::action::Export;
use super::files::Make;
use super::{Dialog, Workbench};
use crate::attribute::Attribute;
use crate::edit::Edit;
use crate::files::FileError;
use crate::survey::{Instrument, SurveyResult, baseline, form, import, printable};
use crate::text::survey::{said, survey_texts};
use crate::text::texts;
use std::path::PathBuf;
use std::sync::Arc;

/// Responses read, waiting for the user's choice.
#[derive(Debug, Clone, PartialEq)]
pub struct SurveyReview {
    /// The file's name, as the dialog shows it.
    pub file: String,
    pub result: SurveyResult,
    /// For each attribute in reference-model order, whether to apply the
    /// survey's value: at first, every one the survey gives a value for.
    pub accepted: [bool; Attribute::COUNT],
}

impl SurveyReview {
    pub fn new(file: String, result: SurveyResult) -> SurveyReview {
        let mut accepted = [false; Attribute::COUNT];
        for a in result.answered() {
            accepted[a.index()] = true;
        }
        SurveyReview {
            file,
            result,
            accepted,
        }
    }

    /// The attributes the user accepted that the survey gives a value for.
    pub fn chosen(&self) -> Vec<Attribute> {
        self.result
            .answered()
            .into_iter()
            .filter(|a| self.accepted[a.index()])
            .collect()
    }

    /// The edit that applies the accepted values.
    pub fn edit(&self) -> Edit {
        Edit::FromSurvey(self.result.values(&self.chosen()))
    }
}

impl Workbench {
    /// Asks for a response export (the system dialog, or a typed path).
    pub(super) fn ask_responses(&mut self) {
        self.files.open_responses_dialog();
    }

    /// Reads the survey responses in the file at `path`.
    pub(super) fn import_responses_from(&mut self, path: PathBuf) {
        self.close_path_prompt();
        self.files.read_responses(path);
    }

    /// Responses read (or not): the review, or why not.
    pub(super) fn responses_read(&mut self, path: PathBuf, result: Result<Vec<u8>, FileError>) {
        let file = super::shown(&path);
        let read = result.map_err(|e| e.to_string()).and_then(|bytes| {
            let instrument = Instrument::shipped().map_err(|e| e.to_string())?;
            import(&instrument, &bytes).map_err(|e| e.to_string())
        });
        match read {
            Ok(result) => {
                self.dialog = Some(Dialog::SurveyReview(Box::new(SurveyReview::new(
                    file, result,
                ))))
            }
            Err(reason) => self.error(
                said(|t| t.import_failed, &[("file", &file)]),
                reason,
                texts().kept_as_it_was,
            ),
        }
    }

    /// What the status line says once the review is applied.
    pub(super) fn survey_applied(&mut self, count: usize) {
        let t = survey_texts();
        self.view.status = Some(if count == 0 {
            t.applied_none.to_owned()
        } else {
            let template = crate::text::plural(count, t.applied_one, t.applied);
            crate::text::fill(template, &[("count", &count.to_string())])
        });
    }

    /// How to make one of the survey's forms, off the UI thread; `None`
    /// (with a word in the status line) when there is nothing to make.
    pub(super) fn survey_document(&mut self, export: Export, shown: String) -> Option<Make> {
        let model = Arc::clone(&self.model);
        let preset = self.doc.preset().clone();
        let plan = self.doc.active_plan();
        let language = crate::text::locale().language;
        let encode = move |reason: String| FileError::Encode {
            path: shown,
            reason,
        };
        Some(Box::new(move || {
            let made = Instrument::shipped()
                .map_err(|e| e.to_string())
                .and_then(|instrument| {
                    let xlsx = |f: &form::XlsForm| form::xlsx(f).map_err(|e| e.to_string());
                    match export {
                        Export::SurveyForm => xlsx(&form::diagnostic(&instrument, language)),
                        Export::Questionnaire => {
                            Ok(printable::printable_html(&model, &instrument).into_bytes())
                        }
                        _ => plan
                            .and_then(|p| baseline::baseline_form(&model, &preset, p))
                            .ok_or_else(|| said(|t| t.baseline_no_plan, &[]))
                            .and_then(|f| xlsx(&f)),
                    }
                });
            made.map_err(encode)
        }))
    }
}
