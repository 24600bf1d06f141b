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
