//! The desktop's file dialogs (rfd: the desktop portal, GTK or zenity),
//! each on a thread of its own so the window keeps drawing, and the read of
//! a file dropped onto the window.

use crate::app::action::{PathFor, Target};
use crate::app::files::{FileEvent, save_dialog_words};
use crate::files::read_bytes;
use crate::platform::Instant;
use crate::preset::MAX_PRESET_BYTES;
use crate::survey::table::MAX_RESPONSES_BYTES;
use crate::text::texts;
use std::path::PathBuf;
use std::time::Duration;

/// A dialog that answers faster than this was never shown: rfd returns
/// "nothing picked" at once when the desktop has no portal and no zenity.
const NO_DIALOG_BELOW: Duration = Duration::from_millis(150);

/// Lets the user pick a preset, reads it, and calls `done` with what
/// happened.
pub fn open_preset(done: impl FnOnce(FileEvent) + Send + 'static) {
    super::super::run("open dialog", done, open_dialog, || FileEvent::NoDialog {
        purpose: PathFor::Open,
    });
}

/// Lets the user pick a survey response export, reads it, and calls `done`
/// with what happened.
pub fn open_responses(done: impl FnOnce(FileEvent) + Send + 'static) {
    super::super::run("open dialog", done, responses_dialog, || {
        FileEvent::NoDialog {
            purpose: PathFor::Import,
        }
    });
}

/// Lets the user choose where to save (starting in `folder` when given),
/// and calls `done` with the answer.
pub fn choose_save(
    target: Target,
    suggested_name: String,
    folder: Option<PathBuf>,
    done: impl FnOnce(FileEvent) + Send + 'static,
) {
    super::super::run(
        "save dialog",
        done,
        move || save_dialog(target, suggested_name, folder),
        move || FileEvent::NoDialog {
            purpose: PathFor::Save(target),
        },
    );
}

/// Reads a file dropped onto the window, from its path.
pub fn read_dropped(file: egui::DroppedFileHandle, done: impl FnOnce(FileEvent) + Send + 'static) {
    let path = file.path().to_path_buf();
    let shown = path.clone();
    super::super::run(
        "reader",
        done,
        move || FileEvent::Read {
            result: read_bytes(&path, MAX_PRESET_BYTES),
            path,
        },
        move || FileEvent::Read {
            result: Err(crate::files::FileError::Read {
                path: shown.display().to_string(),
                source: std::io::Error::other(crate::text::messages::messages().no_reader_thread),
            }),
            path: shown,
        },
    );
}

/// The desktop's Open dialog for a preset, then the read of the file picked.
fn open_dialog() -> FileEvent {
    let t = texts();
    let read = |path: PathBuf| FileEvent::Read {
        result: read_bytes(&path, MAX_PRESET_BYTES),
        path,
    };
    pick_and_read(
        t.open_dialog_title,
        t.preset_filter,
        &["json"],
        PathFor::Open,
        read,
    )
}

/// The desktop's Open dialog for survey responses, then the read.
fn responses_dialog() -> FileEvent {
    let t = crate::text::survey::survey_texts();
    let read = |path: PathBuf| FileEvent::ReadResponses {
        result: read_bytes(&path, MAX_RESPONSES_BYTES as u64),
        path,
    };
    let extensions = &["csv", "xlsx"];
    pick_and_read(
        t.import_dialog_title,
        t.responses_filter,
        extensions,
        PathFor::Import,
        read,
    )
}

/// The desktop's Open dialog with one filter (and all files), then `read`
/// of the file picked; no dialog shown is told from one cancelled.
fn pick_and_read(
    title: &str,
    filter: &str,
    extensions: &[&str],
    purpose: PathFor,
    read: impl FnOnce(PathBuf) -> FileEvent,
) -> FileEvent {
    let started = Instant::now();
    let picked = pollster::block_on(
        rfd::AsyncFileDialog::new()
            .set_title(title)
            .add_filter(filter, extensions)
            .add_filter(texts().all_files_filter, &["*"])
            .pick_file(),
    );
    match picked {
        Some(handle) => read(handle.path().to_path_buf()),
        None if started.elapsed() < NO_DIALOG_BELOW => FileEvent::NoDialog { purpose },
        None => FileEvent::Cancelled,
    }
}

/// The desktop's Save dialog.
fn save_dialog(target: Target, suggested_name: String, folder: Option<PathBuf>) -> FileEvent {
    let started = Instant::now();
    let (title, filter, extension) = save_dialog_words(target);
    let mut dialog = rfd::AsyncFileDialog::new()
        .set_title(title)
        .add_filter(filter, &[extension])
        .set_file_name(suggested_name);
    if let Some(folder) = folder {
        dialog = dialog.set_directory(folder);
    }
    let picked = pollster::block_on(dialog.save_file());
    match picked {
        Some(handle) => FileEvent::SaveChosen {
            path: handle.path().to_path_buf(),
            target,
        },
        None if started.elapsed() < NO_DIALOG_BELOW => FileEvent::NoDialog {
            purpose: PathFor::Save(target),
        },
        None => FileEvent::Cancelled,
    }
}
