//! Every string the window shows that is not part of the model, in one place,
//! one [`Texts`] value per language (`en.rs`, `fr.rs`, `es.rs`): a language
//! that misses a text does not compile. The model's own words come from its
//! files. Templates use `{name}` placeholders, filled by [`fill`]; word order
//! and punctuation belong to each language's template.
//!
//! Which language is in use is per thread ([`set_locale`]): the window sets
//! it before each frame, a command before it writes, and
//! [`crate::platform::spawn`] hands it to the threads it starts. Tests that
//! run side by side on their own threads so never see each other's choice.

mod en;
mod es;
mod fr;
pub mod messages;
pub mod survey;

use std::cell::Cell;

pub use en::EN;
pub use es::ES;
pub use fr::FR;

use crate::language::{Language, Locale};

/// The strings of one language. `Serialize` lets tests list every text by
/// name, to compare the languages' placeholders.
#[derive(serde::Serialize)]
pub struct Texts {
    pub app_name: &'static str,
    pub untitled: &'static str,
    // Menus
    pub menu_file: &'static str,
    pub menu_edit: &'static str,
    pub menu_view: &'static str,
    pub menu_help: &'static str,
    pub new_cluster: &'static str,
    pub open: &'static str,
    pub open_path: &'static str,
    pub open_cases: &'static str,
    pub open_teaching: &'static str,
    pub about_cluster: &'static str,
    pub source_label: &'static str,
    pub open_recent: &'static str,
    pub no_recent: &'static str,
    pub clear_recent: &'static str,
    pub save: &'static str,
    pub save_as: &'static str,
    pub quit: &'static str,
    pub undo: &'static str,
    pub redo: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,
    pub show_efforts: &'static str,
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    pub zoom_reset: &'static str,
    pub about: &'static str,
    // Panels
    pub cluster_heading: &'static str,
    pub cluster_hint: &'static str,
    pub with_plan_value: &'static str,
    pub plan_empty: &'static str,
    pub matrix_heading: &'static str,
    pub matrix_hint: &'static str,
    pub matrix_with_plan: &'static str,
    pub matrix_baseline: &'static str,
    pub effort_row: &'static str,
    pub effort_row_hint: &'static str,
    pub active_head: &'static str,
    pub active_head_hint: &'static str,
    pub no_cell: &'static str,
    pub band_none: &'static str,
    pub band_weak: &'static str,
    pub band_moderate: &'static str,
    pub band_strong: &'static str,
    pub detail_heading: &'static str,
    pub detail_empty: &'static str,
    pub detail_close: &'static str,
    pub legend_bands: &'static str,
    pub legend_active: &'static str,
    pub legend_kinds: &'static str,
    pub legend_gate: &'static str,
    /// The glossary's term for what `legend_gate` describes without naming
    /// it, as this language's glossary writes it (its hover explains it).
    pub legend_gate_term: &'static str,
    pub kind_label: &'static str,
    pub strength_line: &'static str,
    pub driver_label: &'static str,
    pub limited_by_line: &'static str,
    pub limited_by_demand: &'static str,
    pub why_label: &'static str,
    pub evidence_label: &'static str,
    pub citation_line: &'static str,
    pub baseline_line: &'static str,
    pub bottleneck_mark: &'static str,
    pub main_channel_mark: &'static str,
    // Plain words (issue 21, item 3)
    pub driver_line: &'static str,
    pub cell_change_same: &'static str,
    pub cell_change_moved: &'static str,
    pub cell_change_short: &'static str,
    pub uncertainty_prefix: &'static str,
    pub uncertainty_hover: &'static str,
    pub glossary_menu: &'static str,
    pub glossary_title: &'static str,
    pub glossary_intro: &'static str,
    pub glossary_paper_source: &'static str,
    pub glossary_own_source: &'static str,
    pub glossary_hover_heading: &'static str,
    pub in_plan_tag: &'static str,
    pub in_plan_hint: &'static str,
    pub warnings_heading: &'static str,
    pub warnings_none: &'static str,
    pub severity_critical: &'static str,
    pub severity_warning: &'static str,
    pub severity_info: &'static str,
    pub what_to_do: &'static str,
    pub sources_line: &'static str,
    pub rule_line: &'static str,
    pub warning_card_title: &'static str,
    pub banner_why: &'static str,
    pub banner_hide_why: &'static str,
    pub banner_show_me: &'static str,
    pub banner_stop_showing: &'static str,
    pub show_me_hint: &'static str,
    pub year_axis: &'static str,
    pub capability_axis: &'static str,
    pub stage_basic: &'static str,
    pub stage_intermediate: &'static str,
    pub stage_advanced: &'static str,
    pub effort_line: &'static str,
    pub trajectory_summary: &'static str,
    pub trajectory_summary_plan: &'static str,
    pub hover_year: &'static str,
    pub demand_line: &'static str,
    pub more_about_model: &'static str,
    // Dialogs
    pub unsaved_title: &'static str,
    pub unsaved_body: &'static str,
    pub unsaved_save: &'static str,
    pub unsaved_discard: &'static str,
    pub cancel: &'static str,
    pub ok: &'static str,
    pub open_failed: &'static str,
    pub save_failed: &'static str,
    pub kept_as_it_was: &'static str,
    /// Title of the message when a link to a cluster cannot be opened.
    pub link_open_failed: &'static str,
    /// After a link that could not be opened: what the workbench shows.
    pub link_opened_empty: &'static str,
    pub save_kept: &'static str,
    pub dismiss: &'static str,
    pub files_busy: &'static str,
    pub keep_failed: &'static str,
    /// Where the browser keeps unsaved work, for `keep_failed`.
    pub browser_storage: &'static str,
    /// In the browser, when unsaved work cannot be kept.
    pub keep_failed_browser: &'static str,
    /// In a page the browser does not deem secure (plain http).
    pub clipboard_refused: &'static str,
    /// In the browser, where a save is a download.
    pub saved_as_download: &'static str,
    pub recover_title: &'static str,
    pub recover_body: &'static str,
    pub recover_from_file: &'static str,
    pub recover_from_untitled: &'static str,
    pub recover_from_built_in: &'static str,
    pub recover_more: &'static str,
    pub recover_restore: &'static str,
    pub recover_discard: &'static str,
    pub recover_later: &'static str,
    pub recover_restore_hint: &'static str,
    pub recover_discard_hint: &'static str,
    pub recover_later_hint: &'static str,
    pub recover_unreadable: &'static str,
    pub recover_restored: &'static str,
    pub recovery_off: &'static str,
    pub settings_unreadable: &'static str,
    pub settings_set_aside: &'static str,
    pub path_prompt_open: &'static str,
    pub path_prompt_save: &'static str,
    pub path_label: &'static str,
    pub no_dialog_note: &'static str,
    pub about_title: &'static str,
    pub about_model_file: &'static str,
    pub about_built_in_model: &'static str,
    pub about_caveats: &'static str,
    pub about_sources: &'static str,
    pub about_cases: &'static str,
    pub edit_refused: &'static str,
    pub older_version: &'static str,
    pub new_plan_stem: &'static str,
    pub copy_of: &'static str,
    pub matrix_difference: &'static str,
    pub difference_hint: &'static str,
    pub plans_heading: &'static str,
    pub plans_hint: &'static str,
    pub plans_none: &'static str,
    /// What the comparison, the charts and the report call the cluster
    /// without a plan (never a "baseline": see assets/words/glossary.json).
    pub baseline_name: &'static str,
    pub plan_tab_hint: &'static str,
    pub new_plan: &'static str,
    pub too_many_plans: &'static str,
    pub rename_plan: &'static str,
    pub duplicate_plan: &'static str,
    pub delete_plan: &'static str,
    pub dock_capability: &'static str,
    pub dock_plan: &'static str,
    pub dock_compare: &'static str,
    pub plan_tab_label: &'static str,
    pub rename_this_plan: &'static str,
    pub duplicate_this_plan: &'static str,
    pub delete_this_plan: &'static str,
    pub add_intervention: &'static str,
    pub add_intervention_hint: &'static str,
    pub add_custom: &'static str,
    pub horizon_label: &'static str,
    pub years_suffix: &'static str,
    pub horizon_hint: &'static str,
    pub no_unit_cost: &'static str,
    pub unit_cost_line: &'static str,
    pub select_entry_hint: &'static str,
    pub plan_note: &'static str,
    pub plan_note_hint: &'static str,
    pub close: &'static str,
    pub start_year_label: &'static str,
    pub intensity_label: &'static str,
    pub intensity_hint: &'static str,
    pub cost_label: &'static str,
    pub cost_hint: &'static str,
    pub clear_cost: &'static str,
    pub set_cost: &'static str,
    pub order_hint: &'static str,
    pub apply_earlier: &'static str,
    pub apply_later: &'static str,
    pub remove_entry: &'static str,
    pub timeline_bar: &'static str,
    pub timeline_empty: &'static str,
    pub timeline_drag_hint: &'static str,
    pub compare_intro: &'static str,
    pub compare_row_hint: &'static str,
    pub compare_no_warnings: &'static str,
    pub unit_costs_heading: &'static str,
    pub unit_costs_hint: &'static str,
    pub new_plan_title: &'static str,
    pub rename_plan_title: &'static str,
    pub duplicate_plan_title: &'static str,
    pub plan_name_label: &'static str,
    pub custom_title: &'static str,
    pub custom_hint: &'static str,
    pub custom_name_label: &'static str,
    pub custom_side_label: &'static str,
    pub custom_effects_label: &'static str,
    pub compare_plan_head: &'static str,
    pub compare_heads: [&'static str; 5],
    pub compare_columns: [&'static str; 5],
    pub compare_never: &'static str,
    pub compare_dash: &'static str,
    pub cell_spoken: &'static str,
    pub cell_value_spoken: &'static str,
    pub cell_change_spoken: &'static str,
    pub cell_raised_spoken: &'static str,
    pub cell_description: &'static str,
    pub severity_critical_spoken: &'static str,
    pub severity_warning_spoken: &'static str,
    pub severity_info_spoken: &'static str,
    pub tornado_spoken: &'static str,
    pub warning_spoken: &'static str,
    pub copy_chart: &'static str,
    pub timeline_spoken: &'static str,
    pub timeline_spoken_one: &'static str,
    pub copied_chart: &'static str,
    pub copy_link: &'static str,
    pub copied_link: &'static str,
    pub copied_link_note: &'static str,
    pub link_failed: &'static str,
    pub link_nothing_copied: &'static str,
    pub compare_year: &'static str,
    pub dock_levers: &'static str,
    pub levers_waiting: &'static str,
    pub refreshing: &'static str,
    pub levers_no_plan: &'static str,
    pub levers_of_plan: &'static str,
    pub levers_intro: &'static str,
    pub tornado_heading: &'static str,
    pub tornado_row: &'static str,
    pub tornado_legend: &'static str,
    pub ranking_heading: &'static str,
    pub ranking_row: &'static str,
    pub ranking_per_million: &'static str,
    pub ranking_cost: &'static str,
    pub add_to_plan: &'static str,
    pub add_to_plan_hint: &'static str,
    pub add_needs_plan: &'static str,
    pub uncertainty_label: &'static str,
    pub uncertainty_hint: &'static str,
    pub band_line: &'static str,
    pub bands_note: &'static str,
    pub warning_button: &'static str,
    pub compare_uncertain: &'static str,
    pub compare_best: &'static str,
    pub saved_to: &'static str,
    pub working: &'static str,
    // Files, exports and workshop mode
    pub open_dialog_title: &'static str,
    pub save_dialog_title: &'static str,
    pub preset_filter: &'static str,
    pub all_files_filter: &'static str,
    pub export_report_title: &'static str,
    pub report_filter: &'static str,
    pub export_csv_title: &'static str,
    pub csv_filter: &'static str,
    pub save_picture_title: &'static str,
    pub png_filter: &'static str,
    pub report_file_suffix: &'static str,
    pub trajectories_file_suffix: &'static str,
    pub window_file_suffix: &'static str,
    pub chart_file_suffix: &'static str,
    pub exported_to: &'static str,
    pub export_failed: &'static str,
    pub export_kept: &'static str,
    pub export_report: &'static str,
    pub export_trajectories: &'static str,
    pub picture_window: &'static str,
    pub picture_chart: &'static str,
    pub present: &'static str,
    pub workshop_step: &'static str,
    pub workshop_back: &'static str,
    pub workshop_next: &'static str,
    pub workshop_reveal_next: &'static str,
    pub workshop_leave: &'static str,
    pub workshop_keys: &'static str,
    pub workshop_titles_cluster: &'static str,
    pub workshop_titles_table: &'static str,
    pub workshop_titles_warning: &'static str,
    pub workshop_titles_compare: &'static str,
    pub workshop_titles_capability: &'static str,
    pub workshop_cluster_intro: &'static str,
    pub workshop_table_intro: &'static str,
    pub workshop_view_with_plan: &'static str,
    pub workshop_view_baseline: &'static str,
    pub workshop_no_warning: &'static str,
    pub workshop_argument: &'static str,
    pub workshop_predict: &'static str,
    pub workshop_plan_line: &'static str,
    pub workshop_no_entries: &'static str,
    pub workshop_reveal: &'static str,
    pub workshop_plans_none: &'static str,
    pub workshop_whatif: &'static str,
    // The report (File ▸ Export report…, `cluster-workbench report`)
    pub report_title: &'static str,
    pub report_kicker: &'static str,
    pub report_made_with: &'static str,
    pub report_cluster: &'static str,
    pub report_cluster_intro: &'static str,
    pub report_attribute: &'static str,
    pub report_value: &'static str,
    pub report_uncertainty: &'static str,
    pub report_low_means: &'static str,
    pub report_high_means: &'static str,
    pub report_matrix: &'static str,
    pub report_matrix_intro: &'static str,
    pub report_mechanism: &'static str,
    pub report_no_direct_effect: &'static str,
    pub report_matrix_legend: &'static str,
    pub report_plans: &'static str,
    pub report_without_plan: &'static str,
    pub report_cells_raised: &'static str,
    pub report_no_cells_raised: &'static str,
    pub report_warnings: &'static str,
    pub report_no_warnings: &'static str,
    pub report_what_to_do: &'static str,
    pub report_plans_none: &'static str,
    pub language: &'static str,
    pub plus_minus: &'static str,
    pub chart_line: &'static str,
    pub chart_value: &'static str,
    pub picture_too_large: &'static str,
    pub picture_empty: &'static str,
    pub picture_not_shown: &'static str,
    pub export_panicked: &'static str,
    pub workshop_warning_head: &'static str,
    pub report_bands_note: &'static str,
    pub report_sources: &'static str,
    pub report_no_entries: &'static str,
    pub report_intervention: &'static str,
    pub report_side: &'static str,
    pub report_from_year: &'static str,
    pub report_intensity: &'static str,
    pub report_cost: &'static str,
    pub report_total_cost: &'static str,
    pub report_comparison: &'static str,
    pub compare_intro_report: &'static str,
    pub report_chart_caption: &'static str,
    pub report_caveats: &'static str,
    pub report_citation: &'static str,
    pub chart_title: &'static str,
    pub chart_x_axis: &'static str,
    pub chart_description: &'static str,
    pub level_impact: &'static str,
    pub level_outcome: &'static str,
    pub level_output: &'static str,
    pub level_activity: &'static str,
    pub field_indicator: &'static str,
    pub field_baseline: &'static str,
    pub field_target: &'static str,
    pub field_means: &'static str,
    pub field_who: &'static str,
    pub field_when: &'static str,
    pub chain_file_suffix: &'static str,
    pub logframe_file_suffix: &'static str,
    pub measurement_file_suffix: &'static str,
    pub export_chain_title: &'static str,
    pub export_logframe_title: &'static str,
    pub export_measurement_title: &'static str,
    pub svg_filter: &'static str,
    pub mermaid_filter: &'static str,
    pub dot_filter: &'static str,
    pub xlsx_filter: &'static str,
    pub chain_title: &'static str,
    pub chain_activity_line: &'static str,
    pub chain_cost_line: &'static str,
    pub chain_change_line: &'static str,
    pub chain_outputs_none: &'static str,
    pub chain_cells_none: &'static str,
    pub chain_cell_line: &'static str,
    pub chain_cell_same: &'static str,
    pub chain_capability_line: &'static str,
    pub chain_impact_heading: &'static str,
    pub chain_assumption_holds: &'static str,
    pub chain_assumption_fails: &'static str,
    pub chain_assumption_model: &'static str,
    pub chain_risk: &'static str,
    pub chain_arrow_name: &'static str,
    pub chain_box_indicator: &'static str,
    pub chain_no_entry: &'static str,
    pub chain_no_plan: &'static str,
    pub chain_entry_label: &'static str,
    pub chain_entry_item: &'static str,
    pub chain_note_line: &'static str,
    pub chain_risk_line: &'static str,
    pub chain_click_hint: &'static str,
    pub chain_suggested_note: &'static str,
    pub chain_edit_title: &'static str,
    pub chain_plan_level: &'static str,
    pub chain_close_editor: &'static str,
    pub dock_chain: &'static str,
    /// The dock's top edge, as a screen reader names it.
    pub dock_resize: &'static str,
    pub logframe_number: &'static str,
    pub logframe_level: &'static str,
    pub logframe_narrative: &'static str,
    pub logframe_indicators: &'static str,
    pub logframe_assumptions: &'static str,
    pub logframe_outcome: &'static str,
    pub logframe_outcome_none: &'static str,
    pub logframe_more: &'static str,
    pub logframe_output: &'static str,
    pub logframe_activity: &'static str,
    pub logframe_sheet: &'static str,
    pub logframe_title: &'static str,
    pub logframe_note: &'static str,
    pub measurement_box: &'static str,
    pub measurement_projection: &'static str,
    pub measurement_method: &'static str,
    pub chain_report_section: &'static str,
    pub chain_report_intro: &'static str,
    pub chain_svg_description: &'static str,
    pub export_planning_menu: &'static str,
    pub export_chain_svg: &'static str,
    pub export_chain_png: &'static str,
    pub export_chain_mermaid: &'static str,
    pub export_chain_dot: &'static str,
    pub export_chain_csv: &'static str,
    pub export_logframe_xlsx: &'static str,
    pub export_logframe_csv: &'static str,
    pub export_measurement_csv: &'static str,
    pub export_chain_needs_entry: &'static str,
    pub export_needs_plan: &'static str,
    pub cost_not_given: &'static str,
    pub with_currency: &'static str,
    pub amount_in: &'static str,
    pub currency_label: &'static str,
    pub currency_hint: &'static str,
    pub currency_placeholder: &'static str,
    pub exported_title: &'static str,
    pub exported_body: &'static str,
    /// In the browser, where an export is a download.
    pub exported_download_body: &'static str,
    pub exported_report: &'static str,
    pub exported_trajectories: &'static str,
    pub exported_picture: &'static str,
    pub exported_chain: &'static str,
    pub exported_logframe: &'static str,
    pub exported_measurement: &'static str,
    pub open_file: &'static str,
    pub open_file_hint: &'static str,
    pub show_folder: &'static str,
    pub show_folder_hint: &'static str,
    pub system_open_failed: &'static str,
    pub exported_file: &'static str,
    // Issue 21: a layout that stays still, a next step, a confirmation
    pub banner_calm: &'static str,
    pub banner_calm_head: &'static str,
    pub banner_head: &'static str,
    pub banner_message: &'static str,
    pub banner_calm_cluster: &'static str,
    pub banner_calm_one_other: &'static str,
    pub banner_calm_others: &'static str,
    pub banner_calm_none: &'static str,
    pub banner_and_more: &'static str,
    pub banner_and_more_hint: &'static str,
    pub banner_levers: &'static str,
    pub banner_levers_hint: &'static str,
    pub more_below_one: &'static str,
    pub more_below: &'static str,
    pub more_below_other: &'static str,
    pub more_below_hint: &'static str,
    pub matrix_more_below: &'static str,
    pub notice_added: &'static str,
    pub notice_removed: &'static str,
    pub notice_cleared: &'static str,
    pub notice_warned: &'static str,
    pub cluster_name_hint: &'static str,
    // Issue 21: room for the answer
    /// The dock's top edge, on hover.
    pub dock_handle_hint: &'static str,
    // Issue 18: languages
    /// The View menu's language submenu; its items are each language's own name.
    pub menu_language: &'static str,
    /// The View menu's submenu for how numbers are written.
    pub menu_numbers: &'static str,
    /// Numbers written as the language writes them, with an example.
    pub numbers_as_language: &'static str,
    /// Numbers with a decimal point whatever the language, with an example.
    pub numbers_point: &'static str,
    /// Numbers with a decimal comma whatever the language, with an example.
    pub numbers_comma: &'static str,
    /// On hover over the numbers submenu.
    pub numbers_hint: &'static str,
    /// When the model's texts in the chosen language cannot be read.
    pub words_unreadable: &'static str,
    /// The banner's count of further warnings, when it is singular in the language.
    pub banner_and_more_one: &'static str,
    /// The count of further cells, when it is singular in the language.
    pub logframe_more_one: &'static str,
    /// After the offered work, when one more (or, in French, none) waits.
    pub recover_more_one: &'static str,
    /// A comparison row as a screen reader says it: the plan, its figures, its warnings.
    pub compare_row_spoken: &'static str,
    /// One figure of a comparison row: its column and its value.
    pub compare_figure_spoken: &'static str,
    /// A label and what follows it: “Why: …”. French puts a no-break space before the colon.
    pub label_value: &'static str,
    /// Between the items of a list in a sentence (sources, warnings,
    /// cells): "; " in English, with a narrow no-break space before it in
    /// French.
    pub list_separator: &'static str,
}

thread_local! {
    static LOCALE: Cell<Locale> = Cell::new(Locale::default());
}

/// Sets the language and number style of text made on this thread.
pub fn set_locale(locale: Locale) {
    LOCALE.with(|l| l.set(locale));
}

/// The language and number style of text made on this thread.
pub fn locale() -> Locale {
    LOCALE.with(Cell::get)
}

/// The strings of a language.
pub fn texts_in(language: Language) -> &'static Texts {
    match language {
        Language::English => &EN,
        Language::French => &FR,
        Language::Spanish => &ES,
    }
}

/// The strings of the current language.
pub fn texts() -> &'static Texts {
    texts_in(locale().language)
}

/// The singular or plural template for a count, by the current language's
/// rule (French puts 0 in the singular).
pub fn plural(n: usize, one: &'static str, other: &'static str) -> &'static str {
    if locale().language.is_singular(n as u64) {
        one
    } else {
        other
    }
}

/// Fills `{name}` placeholders in a template.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// A number with two decimals, as the UI shows values: `0.45`, `0,45`.
pub fn num(x: f64) -> String {
    locale().number_style().format(x, 2)
}

/// A number with `decimals` places and thousands grouped, as the current
/// locale writes it.
pub fn number(x: f64, decimals: usize) -> String {
    locale().number_style().format(x, decimals)
}

/// A number typed by the user, read as the current locale writes numbers.
pub fn parse_number(text: &str) -> Option<f64> {
    locale().number_style().parse(text)
}

/// A change with its sign always written: `+0.25`, `-0,10`.
pub fn signed_number(x: f64, decimals: usize) -> String {
    locale().number_style().signed(x, decimals)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_fill() {
        assert_eq!(
            fill(EN.with_plan_value, &[("value", "0.45")]),
            "with the plan: 0.45"
        );
        assert_eq!(num(0.44999999999999996), "0.45");
    }
}
