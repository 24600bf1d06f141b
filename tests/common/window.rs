//! The window in an egui_kittest harness, shared by the window tests and the
//! frame-time benchmark.
#![allow(dead_code)]

use cluster_workbench::app::Workbench;
use cluster_workbench::app::action::{Action, DockTab};
use cluster_workbench::app::settings::Settings;
use cluster_workbench::files::launch::Launcher;
use cluster_workbench::location::Location;
use cluster_workbench::model::Model;
use egui_kittest::Harness;

/// The window at 1280×800, started as `start` with `settings`.
pub fn harness_with(start: Option<Location>, settings: Settings) -> Harness<'static, Workbench> {
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
pub fn harness(start: Option<Location>) -> Harness<'static, Workbench> {
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
        Some(Location::BuiltIn(built_in.into())),
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
    // The labels of the window's language (the frame sets it on this thread).
    let t = cluster_workbench::text::texts();
    let field = h.get_by_role_and_label(egui::accesskit::Role::TextInput, t.path_label);
    field.focus();
    field.type_text(path.to_str().expect("a UTF-8 path"));
    h.run();
    h.get_by_label(t.ok).click();
    h.run();
    let ctx = h.ctx.clone();
    h.state_mut().finish_file_jobs(&ctx);
    h.run();
}

/// The window at 1280×800 showing a shipped preset, the dock on `dock`,
/// before its first frame.
fn started(built_in: &str, dock: DockTab) -> Window {
    let settings = Settings {
        dock,
        ..Settings::default()
    };
    harness_with(Some(Location::BuiltIn(built_in.into())), settings)
}

/// The window at 1280×800 showing a shipped preset, the dock on `dock`,
/// after its first frame.
pub fn window(built_in: &str, dock: DockTab) -> Window {
    let mut h = started(built_in, dock);
    h.run();
    h
}

/// As [`window`], but with the window's own text sizes and spacing (the
/// harness starts with egui's smaller ones), for tests that measure what a
/// user sees.
pub fn styled_window(built_in: &str, dock: DockTab) -> Window {
    let mut h = started(built_in, dock);
    cluster_workbench::ui::theme::apply_style(&h.ctx);
    h.run();
    h
}

/// As [`window`], after the analyses have caught up with the document.
pub fn settled_window(built_in: &str, dock: DockTab) -> Window {
    let mut h = started(built_in, dock);
    settle(&mut h);
    h
}

/// Lets the analyses catch up with the document, and the window redraw.
/// Input waiting for a frame is applied first by a fixed number of frames,
/// not by `run`: a frame drawn while an analysis is still running asks for
/// another ("refreshing"), and on a loaded machine `run` could use up its
/// steps before the analysis ends.
pub fn settle(h: &mut Window) {
    h.run_steps(2);
    h.state_mut().finish_analysis();
    h.run();
}

/// Lets the file jobs in progress (reads, saves, exports) finish, and the
/// window redraw.
pub fn finish_files(h: &mut Window) {
    let ctx = h.ctx.clone();
    h.state_mut().finish_file_jobs(&ctx);
    h.run();
}

/// Applies one action, as the window's controls do, and draws a frame.
pub fn act(h: &mut Window, action: Action) {
    let ctx = h.ctx.clone();
    h.state_mut().apply(action, &ctx);
    h.run();
}

/// Clicks the node a screen reader names `name`, and draws a frame.
pub fn click(h: &mut Window, name: &str) {
    use egui_kittest::kittest::Queryable;
    h.get_by_label(name).click();
    h.run();
}

/// What the last frame put on the clipboard.
pub fn copied(h: &Window) -> Vec<String> {
    h.output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        })
        .collect()
}

/// Whether some node's label contains the text.
pub fn shows(h: &Window, text: &str) -> bool {
    use egui_kittest::kittest::Queryable;
    h.query_all_by_label_contains(text).next().is_some()
}

/// Records what the window asks the system to open, instead of starting a
/// program.
#[derive(Default)]
pub struct Recorder(pub std::sync::Mutex<Vec<std::path::PathBuf>>);

impl Launcher for Recorder {
    fn open(&self, path: &std::path::Path) -> std::io::Result<()> {
        self.0
            .lock()
            .map_err(|_| std::io::ErrorKind::Other)?
            .push(path.to_path_buf());
        Ok(())
    }
}
