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
    let t = texts();
    pick_and_read(
        t.open_dialog_title,
        t.preset_filter,
        &["json"],
        done,
        |path, result| FileEvent::Read { path, result },
    );
}

/// Lets the user pick a survey response export, reads it in the page, and
/// calls `done` with what happened. The page reads responses as CSV (XLSX
/// is read on the desktop).
pub fn open_responses(done: impl FnOnce(FileEvent) + 'static) {
    let t = crate::text::survey::survey_texts();
    let event = |path, result| FileEvent::ReadResponses { path, result };
    pick_and_read(
        t.import_dialog_title,
        t.responses_filter_csv,
        &["csv"],
        done,
        event,
    );
}

/// The browser's file picker, then the file read in the page.
fn pick_and_read(
    title: &'static str,
    filter: &'static str,
    extensions: &'static [&'static str],
    done: impl FnOnce(FileEvent) + 'static,
    event: impl FnOnce(PathBuf, Result<Vec<u8>, FileError>) -> FileEvent + 'static,
) {
    wasm_bindgen_futures::spawn_local(async move {
        let picked = rfd::AsyncFileDialog::new()
            .set_title(title)
            .add_filter(filter, extensions)
            .pick_file()
            .await;
        let Some(handle) = picked else {
            return done(FileEvent::Cancelled);
        };
        let path = PathBuf::from(handle.file_name());
        let result = Ok(handle.read().await);
        done(event(path, result));
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
