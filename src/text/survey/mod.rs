//! The survey's own words (issue 19): what the form, the printable
//! questionnaire, the import and its review say, and why a response file is
//! refused, one [`SurveyTexts`] per language like [`super::Texts`], so a
//! language that misses one does not compile. The questions themselves are
//! in `assets/survey.json`, in all three languages at once, as the XLSForm
//! needs them.

mod en;
mod es;
mod fr;

pub use en::EN;
pub use es::ES;
pub use fr::FR;

use crate::language::Language;

/// The survey's words in one language.
#[derive(serde::Serialize)]
pub struct SurveyTexts {
    pub language: &'static str,
    // Why a response file is refused
    pub empty_file: &'static str,
    pub too_large: &'static str,
    pub not_utf8: &'static str,
    pub is_json: &'static str,
    pub not_csv: &'static str,
    pub not_workbook: &'static str,
    pub sheet_too_large: &'static str,
    pub too_many_cells: &'static str,
    pub reader_failed: &'static str,
    pub workbook_in_browser: &'static str,
    pub ragged_row: &'static str,
    pub no_responses: &'static str,
    pub label_headers: &'static str,
    pub missing_column: &'static str,
    pub duplicate_column: &'static str,
    pub not_a_number: &'static str,
    pub other_version: &'static str,
    // Evidence
    pub firm_one: &'static str,
    pub firm_other: &'static str,
    pub evidence_survey: &'static str,
    pub evidence_form: &'static str,
    pub evidence_form_day: &'static str,
    pub evidence_with_form: &'static str,
    pub evidence_separator: &'static str,
    pub evidence_heading: &'static str,
    pub evidence_hover: &'static str,
    pub evidence_none: &'static str,
    pub evidence_note_hint: &'static str,
    // The form's own questions and checks
    pub role_question: &'static str,
    pub role_owner: &'static str,
    pub role_informant: &'static str,
    pub whole_number_between: &'static str,
    // Rules and cells, in words
    pub all_cells: &'static str,
    pub rule_linear: &'static str,
    pub rule_log: &'static str,
    pub rule_sum: &'static str,
    pub rule_mean: &'static str,
    pub rule_choices: &'static str,
    pub no_score: &'static str,
    // The printable questionnaire
    pub print_interview: &'static str,
    pub print_day: &'static str,
    pub print_scoring_heading: &'static str,
    pub print_assumption: &'static str,
    pub print_form_version: &'static str,
    pub head_question: &'static str,
    pub head_attribute: &'static str,
    pub head_rule: &'static str,
    pub head_cells: &'static str,
    // The review of an import
    pub head_current: &'static str,
    pub head_survey: &'static str,
    pub head_spread: &'static str,
    pub head_n: &'static str,
    pub head_unreadable: &'static str,
    pub head_accept: &'static str,
    pub unreadable_hint: &'static str,
    pub no_answers: &'static str,
    pub review_title: &'static str,
    pub review_intro: &'static str,
    pub review_assumption: &'static str,
    pub left_out: &'static str,
    pub duplicates_one: &'static str,
    pub duplicates_other: &'static str,
    pub rejected_one: &'static str,
    pub rejected_other: &'static str,
    pub responses_one: &'static str,
    pub responses_other: &'static str,

    pub review_apply: &'static str,
    pub review_cancel: &'static str,
    pub applied_one: &'static str,
    pub applied: &'static str,
    pub applied_none: &'static str,
    pub cli_written_one: &'static str,
    pub cli_written: &'static str,
    // The menu
    pub menu_survey: &'static str,
    pub menu_form: &'static str,
    pub menu_printable: &'static str,
    pub menu_import: &'static str,
    pub menu_baseline: &'static str,
    pub xlsform_filter: &'static str,
    pub responses_filter: &'static str,
    pub responses_filter_csv: &'static str,
    pub import_dialog_title: &'static str,
    pub exported_form: &'static str,
    pub exported_questionnaire: &'static str,
    pub exported_baseline: &'static str,
    pub form_file_name: &'static str,
    pub printable_file_name: &'static str,
    pub baseline_file_suffix: &'static str,
    pub import_failed: &'static str,
    // The baseline and endline form
    pub baseline_title: &'static str,
    pub baseline_intro: &'static str,
    pub baseline_firm: &'static str,
    pub baseline_round: &'static str,
    pub baseline_round_baseline: &'static str,
    pub baseline_round_endline: &'static str,
    pub baseline_value_hint: &'static str,
    pub baseline_no_plan: &'static str,
}

/// The survey's words in `language`.
pub fn survey_texts_in(language: Language) -> &'static SurveyTexts {
    match language {
        Language::English => &EN,
        Language::French => &FR,
        Language::Spanish => &ES,
    }
}

/// The survey's words in the current language.
pub fn survey_texts() -> &'static SurveyTexts {
    survey_texts_in(super::locale().language)
}

/// A survey text of the current language, filled.
pub fn said(template: fn(&SurveyTexts) -> &'static str, args: &[(&str, &str)]) -> String {
    super::fill(template(survey_texts()), args)
}
