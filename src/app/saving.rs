//! Opening and saving: what the workbench does with the answers of its file
//! jobs. Saves queue (one writer, in order), each remembering the document
//! and the preset it wrote and what the user wanted to do next, so the
//! document is marked clean with exactly what reached the disk and "Save,
//! then go on" goes on after its own save, not after an earlier one.

use super::action::{FileAction, Loaded, PathFor, Target};
use super::files::FileEvent;
use super::{Action, Dialog, Workbench, shown};
use crate::location::Location;
use crate::preset::Preset;
use crate::text::{fill, texts};
use std::path::PathBuf;

/// A save on its way to the disk.
pub(super) struct PendingSave {
    /// The document it belongs to ([`super::document::Document::id`]).
    doc: u64,
    /// What it writes.
    preset: Preset,
    /// What to do once it is written.
    then: Option<Action>,
}

impl Workbench {
    pub(super) fn on_file_event(&mut self, event: FileEvent, ctx: &egui::Context) {
        match event {
            FileEvent::Read { path, result } => self.opened(path, result),
            FileEvent::ReadResponses { path, result } => self.responses_read(path, result),
            FileEvent::SaveChosen { path, target } => match target {
                Target::Preset => self.save_to(path),
                Target::Export(export) => self.export_to(export, path),
            },
            FileEvent::Exported { path, result } => self.exported(&path, result),
            FileEvent::Written { path, result } => self.written(path, result, ctx),
            FileEvent::Cancelled => {
                self.after_save = None;
                self.picture = None;
            }
            FileEvent::NoDialog { purpose } => {
                if purpose != PathFor::Save(Target::Preset) {
                    self.after_save = None;
                }
                self.prompt(purpose, Some(texts().no_dialog_note.to_owned()));
            }
            FileEvent::RecoveryReady(result) => self.recovery_ready(result),
            FileEvent::Kept { result, adopted } => self.kept(result, adopted),
            FileEvent::Tidied => {}
        }
    }

    fn opened(&mut self, path: PathBuf, result: Result<Vec<u8>, crate::files::FileError>) {
        let t = texts();
        let loaded = result.map_err(|e| e.to_string()).and_then(|bytes| {
            Preset::from_bytes_with_version(&bytes, &self.model).map_err(|e| e.to_string())
        });
        let asked_on = self.reading.take();
        match loaded {
            Ok((preset, version)) => {
                let loaded = Loaded {
                    path,
                    preset: Box::new(preset),
                    version,
                };
                let now = (self.doc.id(), self.doc.revision());
                if self.doc.is_dirty() && asked_on != Some(now) {
                    // Edited while the file was being chosen or read: those
                    // edits are not thrown away without asking.
                    self.dialog = Some(Dialog::Unsaved {
                        then: Box::new(FileAction::Loaded(Box::new(loaded)).into()),
                    });
                } else {
                    self.install(loaded);
                }
            }
            Err(reason) => self.error(
                fill(t.open_failed, &[("file", &shown(&path))]),
                reason,
                t.kept_as_it_was,
            ),
        }
    }

    /// Opens a preset dropped onto the window: its bytes in the browser,
    /// its path on the desktop. Like any file opened, it asks first when
    /// the work open has unsaved changes, and a file that is not a preset
    /// gets the reader's message while the work open stays.
    pub fn open_dropped(&mut self, ctx: &egui::Context) {
        let Some(file) = ctx.input(|i| i.raw.dropped_files.first().cloned()) else {
            return;
        };
        if self.files.is_asking() || self.dialog.is_some() {
            return;
        }
        // Not the document as it is now: an unsaved one is asked about.
        self.reading = None;
        self.files.read_dropped(file);
    }

    /// Remembers the document as it is when a read is asked for.
    pub(super) fn note_read(&mut self) {
        self.reading = Some((self.doc.id(), self.doc.revision()));
    }

    /// Shows a preset that was read.
    pub(super) fn install(&mut self, loaded: Loaded) {
        let Loaded {
            path,
            preset,
            version,
        } = loaded;
        // Saving writes the oldest version that holds the preset (3, or 4
        // with a currency).
        let writes = preset.file_version();
        self.replace(*preset, Location::File(path.clone()));
        self.settings.remember(path);
        if version < writes {
            let note = fill(
                texts().older_version,
                &[
                    ("version", &version.to_string()),
                    ("current", &writes.to_string()),
                ],
            );
            self.view.status = Some(note);
        }
    }

    fn written(
        &mut self,
        path: PathBuf,
        result: Result<(), crate::files::FileError>,
        ctx: &egui::Context,
    ) {
        let t = texts();
        let pending = self.saving.pop_front();
        match result {
            Ok(()) => {
                if let Some(p) = &pending
                    && p.doc == self.doc.id()
                {
                    self.doc
                        .mark_saved(p.preset.clone(), Location::File(path.clone()));
                }
                let saved = if crate::platform::HAS_FOLDERS {
                    t.saved_to
                } else {
                    t.saved_as_download
                };
                self.view.status = Some(fill(saved, &[("file", &shown(&path))]));
                self.settings.remember(path);
                // What the user wanted after this save goes on, if the
                // document is still the one saved (if it was edited
                // meanwhile, it asks again).
                if let Some(p) = pending
                    && p.doc == self.doc.id()
                    && let Some(then) = p.then
                {
                    self.apply(then, ctx);
                }
            }
            Err(reason) => self.error(
                fill(t.save_failed, &[("file", &shown(&path))]),
                reason.to_string(),
                t.save_kept,
            ),
        }
    }

    /// The canonical text of the document, checked to load again; a
    /// document that would not is refused with the reason.
    pub(super) fn checked_text(&mut self) -> Option<String> {
        match self.doc.preset().to_checked_json(&self.model) {
            Ok(text) => Some(text),
            Err(e) => {
                self.after_save = None;
                let name = self.doc.preset().name.clone();
                let t = texts();
                self.error(
                    fill(t.save_failed, &[("file", &name)]),
                    e.to_string(),
                    t.save_kept,
                );
                None
            }
        }
    }

    /// Asks for the document as it is now to be written to `path`, after any
    /// save already under way; what was to follow the save goes with it.
    pub(super) fn save_to(&mut self, path: PathBuf) {
        if let Some(text) = self.checked_text() {
            self.saving.push_back(PendingSave {
                doc: self.doc.id(),
                preset: self.doc.preset().clone(),
                then: self.after_save.take(),
            });
            self.files.write(path, text);
        }
    }

    /// A typed path was confirmed: its prompt closes, keeping what was to
    /// follow the save.
    pub(super) fn close_path_prompt(&mut self) {
        if matches!(self.dialog, Some(Dialog::PathPrompt { .. })) {
            self.dialog = None;
        }
    }

    pub(super) fn prompt(&mut self, purpose: PathFor, note: Option<String>) {
        let text = match (self.doc.origin(), purpose) {
            (Location::File(p), PathFor::Save(Target::Preset)) => shown(p),
            // An export is offered beside the preset's file, or in the
            // user's documents folder (never among the program's presets).
            (_, PathFor::Save(Target::Export(export))) => self.export_suggestion(export),
            _ => String::new(),
        };
        self.dialog = Some(Dialog::PathPrompt {
            purpose,
            text,
            note,
        });
    }

    /// Shows what went wrong, and what became of the user's work.
    pub(super) fn error(&mut self, title: String, reason: String, kept: &str) {
        let message = format!("{reason}\n\n{kept}");
        self.dialog = Some(Dialog::Error { title, message });
    }
}
