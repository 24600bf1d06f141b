//! The desktop window: eframe around the [`Workbench`] and its views, with
//! persistence of the settings, recovery of unsaved work, and a clear
//! message where no window can be opened.

use crate::app::settings::{SETTINGS_KEY, Settings};
use crate::app::{Workbench, apply_theme};
use crate::language::Language;
use crate::location::Location;
use crate::model::Model;
use crate::text::messages::messages;
use crate::text::{fill, texts};
use std::path::PathBuf;

/// The app's name for its data folder (settings, recovery files).
const APP_ID: &str = "cluster-workbench";
/// eframe's settings file is small; anything this large is not one.
const SETTINGS_FILE_LIMIT: u64 = 16 << 20;

/// The eframe application.
pub struct NativeApp {
    pub workbench: Workbench,
}

impl eframe::App for NativeApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        crate::ui::frame(ui, &mut self.workbench);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        storage.set_string(SETTINGS_KEY, self.workbench.settings.to_stored());
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.workbench.shut_down();
    }
}

/// Opens the window; `preset` is a file named on the command line, and
/// `language` one chosen there (`--lang`), remembered as if chosen in the
/// View menu.
pub fn run(
    model: Model,
    model_path: Option<PathBuf>,
    preset: Option<PathBuf>,
    language: Option<Language>,
) -> Result<(), String> {
    let data = eframe::storage_dir(APP_ID);
    let settings_file = data.as_ref().map(|d| d.join("app.ron"));
    // A damaged settings file is moved aside before eframe reads it (eframe
    // would start empty without a word, then overwrite it).
    let set_aside = settings_file.as_deref().and_then(|f| {
        crate::files::set_aside_if_damaged(f, SETTINGS_FILE_LIMIT, Settings::file_is_sound)
    });
    let options = eframe::NativeOptions {
        persistence_path: settings_file,
        viewport: egui::ViewportBuilder::default()
            .with_title(texts().app_name)
            .with_app_id("cluster-workbench")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([960.0, 640.0]),
        ..Default::default()
    };
    // None: whatever the settings remember.
    let start = preset.map(Location::File);
    eframe::run_native(
        texts().app_name,
        options,
        Box::new(move |cc| {
            let stored = cc.storage.and_then(|s| s.get_string(SETTINGS_KEY));
            let (mut settings, damaged) = Settings::read(stored.as_deref());
            settings.system_language = crate::platform::system_language();
            settings.language = language.or(settings.language);
            // The notes speak the language the window will speak.
            crate::text::set_locale(settings.locale());
            let mut notes: Vec<String> = set_aside.into_iter().map(set_aside_note).collect();
            if data.is_none() {
                notes.push(fill(
                    texts().recovery_off,
                    &[("reason", messages().no_data_folder)],
                ));
            }
            if let Some(reason) = damaged {
                notes.push(fill(texts().settings_unreadable, &[("reason", &reason)]));
            }
            crate::ui::theme::apply_style(&cc.egui_ctx);
            apply_theme(&cc.egui_ctx, settings.theme);
            let ctx = cc.egui_ctx.clone();
            let mut workbench = Workbench::new(model, model_path, settings, start, move || {
                ctx.request_repaint()
            });
            workbench.repair_after_workshop(&cc.egui_ctx);
            if let Some(dir) = &data {
                workbench = workbench.with_recovery_in(dir.join("recovery"));
            }
            for note in notes {
                workbench.note(note);
            }
            Ok(Box::new(NativeApp { workbench }))
        }),
    )
    .map_err(|e| fill(messages().no_window, &[("reason", &e.to_string())]))
}

/// What the user is told of a settings file set aside as damaged.
fn set_aside_note((reason, aside): (String, Option<PathBuf>)) -> String {
    let t = texts();
    let note = fill(t.settings_unreadable, &[("reason", &reason)]);
    match aside {
        Some(aside) => {
            let kept = fill(
                t.settings_set_aside,
                &[("file", &aside.display().to_string())],
            );
            fill(
                messages().two_sentences,
                &[("first", &note), ("second", &kept)],
            )
        }
        None => note,
    }
}
