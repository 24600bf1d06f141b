//! An export a person can find (issue 21, item 5): the typed-path prompt
//! offers the open preset's own folder, never the program's presets folder,
//! and shows the path whole; once written, a confirmation says what went
//! where, with *Open* and *Show folder*, which ask the system to open the
//! file or its folder (recorded here instead of starting a program).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
#[path = "common/window.rs"]
mod common_window;
use common::shipped;
use common_window::{Recorder, Window, act, harness_of, type_path};

use cluster_workbench::app::action::{Export, FileAction};
use cluster_workbench::app::settings::Settings;
use cluster_workbench::app::{Dialog, Workbench};
use cluster_workbench::files::launch::Launcher;
use cluster_workbench::location::Location;
use cluster_workbench::model::Model;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use std::path::Path;
use std::sync::Arc;

/// The window showing the preset in `file`, paths typed, openings recorded.
fn window_on(file: &Path, recorder: &Arc<Recorder>) -> Window {
    let model = Model::default_model().unwrap();
    let launcher: Arc<dyn Launcher> = recorder.clone();
    let wb = Workbench::new(
        model,
        None,
        Settings::default(),
        Some(Location::File(file.to_path_buf())),
        || {},
    )
    .without_file_dialogs()
    .with_launcher(launcher);
    let mut h = harness_of(wb);
    h.run();
    let ctx = h.ctx.clone();
    h.state_mut().finish_file_jobs(&ctx);
    h.run();
    h
}

fn ask_for_report(h: &mut Window) {
    act(h, FileAction::Export(Export::Report).into());
    let ctx = h.ctx.clone();
    h.state_mut().finish_file_jobs(&ctx);
    h.run();
}

fn suggested(h: &Window) -> String {
    match &h.state().dialog {
        Some(Dialog::PathPrompt { text, .. }) => text.clone(),
        other => panic!("expected the path prompt, got {other:?}"),
    }
}

/// Written through the typed path, the report is confirmed with its path,
/// and the two buttons ask the system for the file and for its folder.
#[test]
fn an_exported_report_is_confirmed_with_open_and_show_folder() {
    let dir = tempfile::tempdir().unwrap();
    let preset = dir.path().join("my cluster.json");
    std::fs::copy(shipped("teaching-case.json"), &preset).unwrap();
    let recorder = Arc::new(Recorder::default());
    let mut h = window_on(&preset, &recorder);
    ask_for_report(&mut h);
    // Offered beside the preset the user opened.
    let offered = suggested(&h);
    assert_eq!(
        Path::new(&offered).parent(),
        Some(dir.path()),
        "offered {offered}"
    );
    assert!(offered.ends_with("-report.html"), "{offered}");
    // The prompt is the window's, and its field shows the path from its
    // start.
    let field = h.get_by_role_and_label(Role::TextInput, "Path");
    assert!(field.rect().width() > 600.0, "{:?}", field.rect());
    h.key_press(egui::Key::Escape);
    h.run();
    ask_for_report(&mut h);
    let out = dir.path().join("for the donor.html");
    let field = h.get_by_role_and_label(Role::TextInput, "Path");
    field.focus();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.key_press(egui::Key::Backspace);
    h.run();
    type_path(&mut h, &out);
    assert!(std::fs::read_to_string(&out).unwrap().contains("<html"));
    match &h.state().dialog {
        Some(Dialog::Exported { what, path }) => {
            assert_eq!(what, "The report");
            assert_eq!(path, &out);
        }
        other => panic!("expected the confirmation, got {other:?}"),
    }
    assert!(
        h.query_all_by_label_contains("The report was written to")
            .next()
            .is_some()
    );
    assert!(
        h.query_all_by_label_contains("for the donor.html")
            .next()
            .is_some()
    );
    h.get_by_role_and_label(Role::Button, "Open").click();
    h.run();
    assert!(h.state().dialog.is_none(), "Open closes the confirmation");
    assert_eq!(*recorder.0.lock().unwrap(), vec![out.clone()]);
    // Once more, for the folder.
    ask_for_report(&mut h);
    let again = dir.path().join("again.html");
    let field = h.get_by_role_and_label(Role::TextInput, "Path");
    field.focus();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.key_press(egui::Key::Backspace);
    h.run();
    type_path(&mut h, &again);
    h.get_by_role_and_label(Role::Button, "Show folder").click();
    h.run();
    assert_eq!(
        *recorder.0.lock().unwrap(),
        vec![out, dir.path().to_path_buf()]
    );
}

/// A shipped example opened from the program's own presets folder (as the
/// command line opens one) is not where the report is offered.
#[test]
fn the_programs_presets_folder_is_never_offered() {
    let recorder = Arc::new(Recorder::default());
    let mut h = window_on(Path::new(&shipped("supply-side-only.json")), &recorder);
    ask_for_report(&mut h);
    let offered = suggested(&h);
    let presets = shipped("");
    assert!(
        !Path::new(&offered).starts_with(&presets),
        "offered {offered} among the program's presets"
    );
    assert!(offered.ends_with("-report.html"), "{offered}");
    // The user's documents folder, which is in their home.
    if let Some(home) = std::env::var_os("HOME") {
        assert!(Path::new(&offered).starts_with(home), "{offered}");
    }
}

/// The writer lives as long as the window, yet an export asked for after a
/// switch to French is written in French: its `lang`, a heading and a
/// number written out here as a French reader expects them (issue 18).
#[test]
fn a_report_exported_after_a_switch_to_french_is_french() {
    use cluster_workbench::app::action::ViewAction;
    use cluster_workbench::language::Language;
    let dir = tempfile::tempdir().unwrap();
    let preset = dir.path().join("c.json");
    std::fs::copy(shipped("teaching-case.json"), &preset).unwrap();
    let recorder = Arc::new(Recorder::default());
    let mut h = window_on(&preset, &recorder);
    act(&mut h, ViewAction::SetLanguage(Language::French).into());
    ask_for_report(&mut h);
    let out = dir.path().join("rapport.html");
    let field = h.get_by_role_and_label(Role::TextInput, "Chemin");
    field.focus();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.key_press(egui::Key::Backspace);
    h.run();
    type_path(&mut h, &out);
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("<html lang=\"fr\""), "not French");
    assert!(html.contains("Les plans comparés"));
    assert!(html.contains("0,473"), "no French number");
    assert!(!html.contains("The plans compared"));
}
