//! What the workbench says when it refuses something (a file, a link, an
//! edit, a command): one [`Messages`] value per language, like
//! [`super::Texts`], so a language that misses a message does not compile.
//! The reader, the rules and the file module fill these templates with
//! [`super::fill`]; tests compare the languages' placeholders.

mod en;
mod es;
mod fr;

pub use en::EN;
pub use es::ES;
pub use fr::FR;

use crate::language::Language;

/// The messages of one language.
#[derive(serde::Serialize)]
pub struct Messages {
    pub language: &'static str,
    pub path_reason: &'static str,
    pub two_sentences: &'static str,
    pub a_boolean: &'static str,
    pub an_integer: &'static str,
    pub a_number: &'static str,
    pub a_string: &'static str,
    pub an_array: &'static str,
    pub an_object: &'static str,
    pub null: &'static str,
    pub expected_found: &'static str,
    pub duplicate_key: &'static str,
    pub unknown_key_in: &'static str,
    pub in_a_preset: &'static str,
    pub in_a_plan: &'static str,
    pub in_a_plan_entry: &'static str,
    pub in_a_custom_intervention: &'static str,
    pub missing_key: &'static str,
    pub not_an_integer: &'static str,
    pub not_finite: &'static str,
    pub unknown_box: &'static str,
    pub box_on_entry_not_plan: &'static str,
    pub box_on_plan_not_entry: &'static str,
    pub unknown_indicator_key: &'static str,
    pub longer_than: &'static str,
    pub indicator_empty: &'static str,
    pub file_too_large: &'static str,
    pub byte_order_mark: &'static str,
    pub not_utf8: &'static str,
    pub not_json: &'static str,
    pub not_an_object: &'static str,
    pub no_format: &'static str,
    pub is_a_report: &'static str,
    pub is_a_model: &'static str,
    pub wrong_format: &'static str,
    pub newer_version: &'static str,
    pub bad_version: &'static str,
    pub currency_too_early: &'static str,
    pub evidence_too_early: &'static str,
    pub in_evidence: &'static str,
    pub in_survey_evidence: &'static str,
    pub evidence_empty: &'static str,
    pub evidence_note_empty: &'static str,
    pub evidence_n: &'static str,
    pub evidence_form_version: &'static str,
    pub evidence_date: &'static str,
    pub indicators_too_early: &'static str,
    pub id_and_custom: &'static str,
    pub id_or_custom: &'static str,
    pub not_a_side: &'static str,
    pub unknown_attribute: &'static str,
    pub missing_attribute: &'static str,
    pub unknown_intervention: &'static str,
    pub preset_too_large: &'static str,
    pub currency_empty: &'static str,
    pub currency_too_long: &'static str,
    pub currency_control: &'static str,
    pub currency_spaces: &'static str,
    pub box_misplaced: &'static str,
    pub effects_out_of_order: &'static str,
    pub horizon_outside: &'static str,
    pub start_year_outside: &'static str,
    pub outside_unit: &'static str,
    pub cost_below_zero: &'static str,
    pub half_width_outside: &'static str,
    pub custom_needs_name: &'static str,
    pub custom_needs_effect: &'static str,
    pub plan_name_blank: &'static str,
    pub plan_name_too_long: &'static str,
    pub plan_name_reserved: &'static str,
    pub plan_name_twice: &'static str,
    pub too_many_plans: &'static str,
    pub effect_on_capability: &'static str,
    pub effect_outside: &'static str,
    pub no_plan: &'static str,
    pub no_entry: &'static str,
    pub entry_after_horizon: &'static str,
    pub link_not_a_link: &'static str,
    pub link_version: &'static str,
    pub link_character: &'static str,
    pub link_a_space: &'static str,
    pub link_a_line_break: &'static str,
    pub link_a_tab: &'static str,
    pub link_invisible: &'static str,
    pub link_a_character: &'static str,
    pub link_too_long: &'static str,
    pub link_cut_short: &'static str,
    pub link_damaged: &'static str,
    pub link_oversized: &'static str,
    pub link_preset: &'static str,
    pub link_too_long_to_share: &'static str,
    pub cannot_read: &'static str,
    pub cannot_write: &'static str,
    pub cannot_make: &'static str,
    pub model_file: &'static str,
    pub advice_with_cause: &'static str,
    pub folder_gone: &'static str,
    pub no_such_file: &'static str,
    pub folder_read_only: &'static str,
    pub may_not_read: &'static str,
    pub disk_full: &'static str,
    pub folder_not_file_save: &'static str,
    pub folder_not_file: &'static str,
    pub model_too_large: &'static str,
    pub model_not_utf8: &'static str,
    pub larger_than: &'static str,
    pub cannot_write_csv: &'static str,
    pub cannot_write_workbook: &'static str,
    pub built_in_model_broken: &'static str,
    pub unknown_plan: &'static str,
    pub preset_has_no_plans: &'static str,
    pub its_plans_are: &'static str,
    pub no_plans: &'static str,
    pub no_entries: &'static str,
    pub no_such_entry: &'static str,
    pub logframe_extension: &'static str,
    pub cannot_make_csv: &'static str,
    pub cannot_write_output: &'static str,
    pub give_a_command: &'static str,
    pub built_without_window: &'static str,
    pub no_window: &'static str,
    pub no_data_folder: &'static str,
    pub no_writer_thread: &'static str,
    pub no_reader_thread: &'static str,
    pub no_thread: &'static str,
    pub lock_held: &'static str,
}

/// The messages of a language.
pub fn messages_in(language: Language) -> &'static Messages {
    match language {
        Language::English => &EN,
        Language::French => &FR,
        Language::Spanish => &ES,
    }
}

/// The messages of the current language.
pub fn messages() -> &'static Messages {
    messages_in(super::locale().language)
}

/// A message of the current language, filled: `said(|m| m.no_plan, &[("plan", "2")])`.
pub fn said(template: fn(&Messages) -> &'static str, args: &[(&str, &str)]) -> String {
    super::fill(template(messages()), args)
}
