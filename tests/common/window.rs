//! The window in an egui_kittest harness, shared by the window tests and the
//! frame-time benchmark.
#![allow(dead_code)]

use cluster_workbench::app::settings::Settings;
use cluster_workbench::app::{Start, Workbench};
use cluster_workbench::model::Model;
use egui_kittest::Harness;

/// The window at 1280×800, started as `start` with `settings`.
pub fn harness_with(start: Start, settings: Settings) -> Harness<'static, Workbench> {
    let model = Model::default_model().expect("the default model compiles");
    let wb = Workbench::new(model, None, settings, start, || {});
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(
            |ui, wb: &mut Workbench| cluster_workbench::ui::frame(ui, wb),
            wb,
        )
}

/// The window at 1280×800, started as `start` with default settings.
pub fn harness(start: Start) -> Harness<'static, Workbench> {
    harness_with(start, Settings::default())
}

/// The window at 1280×800 around a workbench built by the test.
pub fn harness_of(wb: Workbench) -> Harness<'static, Workbench> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(
            |ui, wb: &mut Workbench| cluster_workbench::ui::frame(ui, wb),
            wb,
        )
}

/// A workbench showing a shipped preset, with paths typed in the window
/// instead of the desktop's file dialogs.
pub fn workbench(built_in: &str) -> Workbench {
    let model = Model::default_model().expect("the default model compiles");
    Workbench::new(
        model,
        None,
        Settings::default(),
        Start::BuiltIn(built_in.into()),
        || {},
    )
    .without_file_dialogs()
}

/// The window, as the window tests drive it.
pub type Window = Harness<'static, Workbench>;

/// The window showing a shipped preset (paths typed, no file dialogs), after
/// its first frames.
pub fn opened(built_in: &str) -> Window {
    let mut h = harness_of(workbench(built_in));
    h.run();
    h
}

/// One key pressed, and the frames it causes.
pub fn key(h: &mut Window, k: egui::Key) {
    h.key_press(k);
    h.run();
}

/// Types `path` into the typed-path prompt, confirms it, and waits for the
/// file job it starts.
pub fn type_path(h: &mut Window, path: &std::path::Path) {
    use egui_kittest::kittest::Queryable;
    assert!(matches!(
        h.state().dialog,
        Some(cluster_workbench::app::Dialog::PathPrompt { .. })
    ));
    let field = h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Path");
    field.focus();
    field.type_text(path.to_str().expect("a UTF-8 path"));
    h.run();
    h.get_by_label("OK").click();
    h.run();
    let ctx = h.ctx.clone();
    h.state_mut().finish_file_jobs(&ctx);
    h.run();
}
