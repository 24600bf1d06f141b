//! The desktop window: eframe around the [`Workbench`] and its views, with
//! persistence of the settings and a clear message where no window can be
//! opened.

use crate::app::settings::{SETTINGS_KEY, Settings};
use crate::app::{Start, Workbench, apply_theme};
use crate::model::Model;
use crate::text::texts;
use std::path::PathBuf;

/// The eframe application.
pub struct NativeApp {
    pub workbench: Workbench,
}

impl eframe::App for NativeApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        crate::ui::frame(ui, &mut self.workbench);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.workbench.settings);
    }
}

/// Opens the window; `preset` is a file named on the command line.
pub fn run(
    model: Model,
    model_path: Option<PathBuf>,
    preset: Option<PathBuf>,
) -> Result<(), String> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(texts().app_name)
            .with_app_id("cluster-workbench")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([960.0, 640.0]),
        ..Default::default()
    };
    let start = preset.map_or(Start::Remembered, Start::File);
    eframe::run_native(
        texts().app_name,
        options,
        Box::new(move |cc| {
            let settings: Settings = cc
                .storage
                .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
                .unwrap_or_default();
            crate::ui::theme::apply_style(&cc.egui_ctx);
            apply_theme(&cc.egui_ctx, settings.theme);
            let ctx = cc.egui_ctx.clone();
            let workbench = Workbench::new(model, model_path, settings, start, move || {
                ctx.request_repaint()
            });
            Ok(Box::new(NativeApp { workbench }))
        }),
    )
    .map_err(|e| {
        format!(
            "cannot open the window: {e}\n\
             The workbench needs a desktop session (X11 or Wayland with OpenGL). \
             To evaluate a preset without a window: cluster-workbench evaluate FILE.json"
        )
    })
}
