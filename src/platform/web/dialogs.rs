//! The browser's file dialogs: its file picker for Open (the file chosen is
//! read in the page; it never leaves the machine), and for Save none: the
//! file becomes a download, which the browser asks about or puts in its
//! downloads folder.

use crate::app::action::Target;
use crate::app::files::FileEvent;
use crate::files::FileError;
use crate::text::texts;
use std::path::PathBuf;

/// Lets the user pick a preset, reads it, and calls `done` with what
/// happened.
pub fn open_preset(done: impl FnOnce(FileEvent) + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        let t = texts();
        let picked = rfd::AsyncFileDialog::new()
            .set_title(t.open_dialog_title)
            .add_filter(t.preset_filter, &["json"])
            .pick_file()
            .await;
        let Some(handle) = picked else {
            return done(FileEvent::Cancelled);
        };
        let path = PathBuf::from(handle.file_name());
        let result = Ok(handle.read().await);
        done(FileEvent::Read { path, result });
    });
}

/// Lets the user pick a survey response export, reads it in the page, and
/// calls `done` with what happened.
pub fn open_responses(done: impl FnOnce(FileEvent) + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        let t = crate::text::survey::survey_texts();
        let picked = rfd::AsyncFileDialog::new()
            .set_title(t.import_dialog_title)
            // The page reads responses as CSV (XLSX is read on the desktop).
            .add_filter(t.responses_filter, &["csv"])
            .pick_file()
            .await;
        let Some(handle) = picked else {
            return done(FileEvent::Cancelled);
        };
        let path = PathBuf::from(handle.file_name());
        let result = Ok(handle.read().await);
        done(FileEvent::ReadResponses { path, result });
    });
}

/// Saving is a download: the suggested name is where it goes.
pub fn choose_save(
    target: Target,
    suggested_name: String,
    _folder: Option<PathBuf>,
    done: impl FnOnce(FileEvent) + 'static,
) {
    let path = PathBuf::from(suggested_name);
    done(FileEvent::SaveChosen { path, target });
}

/// Reads a file dropped onto the page, and calls `done` with its bytes.
pub fn read_dropped(file: egui::DroppedFileHandle, done: impl FnOnce(FileEvent) + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        let path = file.path().to_path_buf();
        let result = file.bytes_async().await.map_err(|reason| FileError::Read {
            path: path.display().to_string(),
            source: std::io::Error::other(reason),
        });
        done(FileEvent::Read { path, result });
    });
}
