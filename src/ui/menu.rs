//! The menu bar: File, Edit, View, Help, and the status on the right.

use super::State;
use super::commands::Command;
use crate::app::action::{Action, Export, FileAction, PictureOf, ThemeChoice, ViewAction};
use crate::export::{ChainFormat, LogframeFormat};
use crate::language::{Language, Locale, NumberChoice};
use crate::preset::builtin::Shelf;
use crate::text::{fill, texts};
use egui::{Button, RichText, Ui};

fn item(ui: &mut Ui, label: &str, enabled: bool) -> bool {
    ui.add_enabled(enabled, Button::new(label)).clicked()
}

/// A command's item, with its key beside it (from the table the key
/// handling uses); `enabled` is asked with the command's action.
fn command_item(
    ui: &mut Ui,
    s: &State,
    command: Command,
    enabled: impl Fn(&Action) -> bool,
    out: &mut Vec<Action>,
) {
    let d = command.definition(s.view.presenting);
    let button = Button::new(d.label).shortcut_text(ui.ctx().format_shortcut(&d.key));
    if ui.add_enabled(enabled(&d.action), button).clicked() {
        out.push(d.action);
    }
}

/// Draws the menu bar.
pub fn menu_bar(ui: &mut Ui, s: &State, out: &mut Vec<Action>) {
    let t = texts();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(t.menu_file, |ui| file_menu(ui, s, out));
        ui.menu_button(t.menu_edit, |ui| {
            command_item(ui, s, Command::Undo, |_| s.doc.can_undo(), out);
            command_item(ui, s, Command::Redo, |_| s.doc.can_redo(), out);
            ui.separator();
            command_item(ui, s, Command::CopyChartData, |_| true, out);
        });
        ui.menu_button(t.menu_view, |ui| view_menu(ui, s, out));
        ui.menu_button(t.menu_help, |ui| {
            if ui.button(t.about).clicked() {
                out.push(ViewAction::ShowAbout(true).into());
            }
            if ui.button(t.glossary_menu).clicked() {
                out.push(ViewAction::ShowGlossary(true).into());
            }
        });
        // The cluster open, at the top of the window and not only in its
        // title bar (which a full-screen window or a projector hides).
        ui.separator();
        let name = &s.doc.preset().name;
        ui.label(RichText::new(name).strong())
            .on_hover_text(crate::text::fill(t.cluster_name_hint, &[("name", name)]));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            // Plain text, not a spinner: file jobs take a moment, and a
            // spinner would repaint the window for as long as it shows.
            if s.busy {
                ui.label(RichText::new(t.working).small());
            } else if let Some(status) = &s.view.status {
                ui.label(RichText::new(status).small().weak());
            }
        });
    });
}

fn file_menu(ui: &mut Ui, s: &State, out: &mut Vec<Action>) {
    let t = texts();
    // While a dialog is open or a file is being read, what would start
    // another or replace the document waits (the shortcuts are refused in
    // the same way, by the workbench).
    let free = |a: &Action| !(s.asking && a.waits_for_files());
    command_item(ui, s, Command::New, free, out);
    command_item(ui, s, Command::Open, free, out);
    // A page cannot read a file by its name: in the browser, no path is
    // typed and no recent file reopened.
    let desktop = crate::platform::HAS_FOLDERS;
    let prompt = FileAction::OpenPathPrompt.into();
    if desktop && item(ui, t.open_path, free(&prompt)) {
        out.push(prompt);
    }
    ui.add_enabled_ui(free(&FileAction::OpenBuiltIn(String::new()).into()), |ui| {
        ui.menu_button(t.open_cases, |ui| shelf(ui, s, Shelf::Case, out));
        ui.menu_button(t.open_teaching, |ui| shelf(ui, s, Shelf::Teaching, out));
        if desktop {
            ui.menu_button(t.open_recent, |ui| recent(ui, s, out));
        }
    });
    ui.separator();
    // Saving in place opens no dialog; saving anywhere else asks where.
    let save_free = s.doc.saves_in_place() || free(&FileAction::SaveAs.into());
    command_item(ui, s, Command::Save, |_| save_free, out);
    command_item(ui, s, Command::SaveAs, free, out);
    command_item(ui, s, Command::CopyLink, |_| true, out);
    ui.separator();
    let planning = Planning {
        plan: s.active().is_some(),
        entry: s.view.chain_entry(s.doc).is_some(),
    };
    let has_plan = planning.plan;
    export_items(ui, &free, planning, out);
    ui.menu_button(crate::text::survey::survey_texts().menu_survey, |ui| {
        survey_items(ui, &free, has_plan, out)
    });
    if crate::platform::CAN_QUIT {
        ui.separator();
        command_item(ui, s, Command::Quit, |_| true, out);
    }
}

/// What leaves the workbench: the report, the trajectories, pictures, and
/// the planning documents.
fn export_items(
    ui: &mut Ui,
    free: &dyn Fn(&Action) -> bool,
    planning: Planning,
    out: &mut Vec<Action>,
) {
    let t = texts();
    let exports = [
        (t.export_report, FileAction::Export(Export::Report).into()),
        (
            t.export_trajectories,
            FileAction::Export(Export::Trajectories).into(),
        ),
        (
            t.picture_window,
            FileAction::TakePicture(PictureOf::Window).into(),
        ),
        (
            t.picture_chart,
            FileAction::TakePicture(PictureOf::Chart).into(),
        ),
    ];
    for (label, action) in &exports {
        export_item(ui, free, label, action, None, out);
    }
    ui.add_enabled_ui(planning.plan, |ui| {
        ui.menu_button(t.export_planning_menu, |ui| {
            planning_items(ui, free, planning.entry, out)
        })
        .response
        .on_disabled_hover_text(t.export_needs_plan);
    });
}

/// One export in the menu, off while a file dialog is open (a picture asks
/// where to save once it is taken, so it waits too) or while `missing`
/// says what it needs.
fn export_item(
    ui: &mut Ui,
    free: &dyn Fn(&Action) -> bool,
    label: &str,
    action: &Action,
    missing: Option<&str>,
    out: &mut Vec<Action>,
) {
    let enabled =
        missing.is_none() && free(action) && free(&FileAction::Export(Export::Picture).into());
    let mut r = ui.add_enabled(enabled, Button::new(label));
    if let Some(why) = missing {
        r = r.on_disabled_hover_text(why);
    }
    if r.clicked() {
        out.push(action.clone());
    }
}

/// The diagnostic survey: its form and questionnaire, the import of its
/// responses, and the active plan's baseline and endline form.
fn survey_items(
    ui: &mut Ui,
    free: &dyn Fn(&Action) -> bool,
    has_plan: bool,
    out: &mut Vec<Action>,
) {
    let t = crate::text::survey::survey_texts();
    let forms = [
        (t.menu_form, FileAction::Export(Export::SurveyForm).into()),
        (
            t.menu_printable,
            FileAction::Export(Export::Questionnaire).into(),
        ),
    ];
    for (label, action) in &forms {
        export_item(ui, free, label, action, None, out);
    }
    let import: Action = FileAction::ImportResponses.into();
    export_item(ui, free, t.menu_import, &import, None, out);
    ui.separator();
    let baseline: Action = FileAction::Export(Export::BaselineForm).into();
    let missing = (!has_plan).then_some(texts().export_needs_plan);
    export_item(ui, free, t.menu_baseline, &baseline, missing, out);
}

/// What the planning documents have to be made of.
struct Planning {
    /// There is an active plan (for its logframe and measurement plan).
    plan: bool,
    /// It has an entry (for a results chain).
    entry: bool,
}

/// The planning documents of the active plan: the selected entry's results
/// chain in its forms, then the plan's logframe and measurement plan.
fn planning_items(
    ui: &mut Ui,
    free: &dyn Fn(&Action) -> bool,
    has_entry: bool,
    out: &mut Vec<Action>,
) {
    let t = texts();
    let chain = [
        (
            t.export_chain_svg,
            FileAction::Export(Export::Chain(ChainFormat::Svg)).into(),
        ),
        (
            t.export_chain_png,
            FileAction::TakePicture(PictureOf::Chain).into(),
        ),
        (
            t.export_chain_mermaid,
            FileAction::Export(Export::Chain(ChainFormat::Mermaid)).into(),
        ),
        (
            t.export_chain_dot,
            FileAction::Export(Export::Chain(ChainFormat::Dot)).into(),
        ),
        (
            t.export_chain_csv,
            FileAction::Export(Export::Chain(ChainFormat::Csv)).into(),
        ),
    ];
    let plan = [
        (
            t.export_logframe_xlsx,
            FileAction::Export(Export::Logframe(LogframeFormat::Xlsx)).into(),
        ),
        (
            t.export_logframe_csv,
            FileAction::Export(Export::Logframe(LogframeFormat::Csv)).into(),
        ),
        (
            t.export_measurement_csv,
            FileAction::Export(Export::MeasurementPlan).into(),
        ),
    ];
    for (group, (items, possible)) in [(&chain[..], has_entry), (&plan[..], true)]
        .into_iter()
        .enumerate()
    {
        if group > 0 {
            ui.separator();
        }
        for (label, action) in items {
            let missing = (!possible).then_some(t.export_chain_needs_entry);
            export_item(ui, free, label, action, missing, out);
        }
    }
}

/// The shipped presets of one shelf.
fn shelf(ui: &mut Ui, s: &State, shelf: Shelf, out: &mut Vec<Action>) {
    for listed in s.built_in.iter().filter(|b| b.shelf == shelf) {
        if ui
            .button(&listed.name)
            .on_hover_text(&listed.file)
            .clicked()
        {
            out.push(FileAction::OpenBuiltIn(listed.file.clone()).into());
        }
    }
}

fn recent(ui: &mut Ui, s: &State, out: &mut Vec<Action>) {
    let t = texts();
    if s.settings.recent.is_empty() {
        ui.label(t.no_recent);
    }
    for path in &s.settings.recent {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        if ui
            .button(name)
            .on_hover_text(path.display().to_string())
            .clicked()
        {
            out.push(FileAction::OpenPath(path.clone()).into());
        }
    }
    if !s.settings.recent.is_empty() {
        ui.separator();
        if ui.button(t.clear_recent).clicked() {
            out.push(FileAction::ClearRecent.into());
        }
    }
}

/// View ▸ Language (each language named in itself) and View ▸ Numbers.
fn language_menu(ui: &mut Ui, s: &State, out: &mut Vec<Action>) {
    let t = texts();
    let locale = s.settings.locale();
    ui.menu_button(t.menu_language, |ui| {
        for language in Language::ALL {
            if ui
                .radio(locale.language == language, language.own_name())
                .clicked()
            {
                out.push(ViewAction::SetLanguage(language).into());
            }
        }
    });
    ui.menu_button(t.menu_numbers, |ui| {
        let choices = [
            (NumberChoice::AsLanguage, t.numbers_as_language),
            (NumberChoice::Point, t.numbers_point),
            (NumberChoice::Comma, t.numbers_comma),
        ];
        for (choice, label) in choices {
            let example = Locale {
                numbers: choice,
                ..locale
            }
            .number_style()
            .format(1_250_000.25, 2);
            let label = fill(label, &[("example", &example)]);
            if ui.radio(locale.numbers == choice, label).clicked() {
                out.push(ViewAction::SetNumbers(choice).into());
            }
        }
    })
    .response
    .on_hover_text(t.numbers_hint);
}

fn view_menu(ui: &mut Ui, s: &State, out: &mut Vec<Action>) {
    let t = texts();
    command_item(ui, s, Command::Present, |_| true, out);
    ui.separator();
    let theme = s.settings.theme;
    if ui
        .radio(theme == ThemeChoice::Light, t.theme_light)
        .clicked()
    {
        out.push(ViewAction::SetTheme(ThemeChoice::Light).into());
    }
    if ui.radio(theme == ThemeChoice::Dark, t.theme_dark).clicked() {
        out.push(ViewAction::SetTheme(ThemeChoice::Dark).into());
    }
    ui.separator();
    language_menu(ui, s, out);
    ui.separator();
    if ui
        .checkbox(&mut s.settings.show_efforts.clone(), t.show_efforts)
        .clicked()
    {
        out.push(ViewAction::ToggleEfforts.into());
    }
    if s.active().is_some() {
        for (view, label) in super::matrix_views() {
            if ui.radio(s.matrix_view() == view, label).clicked() {
                out.push(ViewAction::SetMatrixView(view).into());
            }
        }
    }
    ui.separator();
    let zoom = ui.ctx().zoom_factor();
    if item(ui, t.zoom_in, true) {
        ui.ctx().set_zoom_factor((zoom + 0.1).min(3.0));
    }
    if item(ui, t.zoom_out, true) {
        ui.ctx().set_zoom_factor((zoom - 0.1).max(0.5));
    }
    if item(ui, t.zoom_reset, true) {
        ui.ctx().set_zoom_factor(1.0);
    }
}
