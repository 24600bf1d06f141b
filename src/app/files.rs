//! File dialogs and file reads and writes for the window, off the UI thread:
//! each job runs where the platform runs jobs ([`crate::platform::spawn`]: a
//! named worker thread on the desktop) and reports back through a channel,
//! so a slow disk or a dialog never freezes the frame. In the browser the
//! Open dialog is the browser's file picker, and Save writes a download.
//!
//! Writes go through one writer thread ([`super::writer`]), in the order
//! they were asked for.

use super::action::{Export, PathFor, Target};
pub use super::writer::Make;
use super::writer::{self, WriteJob, Writer};
use crate::export::{ChainFormat, LogframeFormat};
use crate::files::launch::{self, Launcher, SystemLauncher};
use crate::files::recovery::{Orphan, Ready};
use crate::files::{FileError, Storage, read_bytes};
use crate::platform::{Instant, dialogs};
use crate::preset::MAX_PRESET_BYTES;
use crate::survey::table::MAX_RESPONSES_BYTES;
use crate::text::texts;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

/// What a finished job reports.
#[derive(Debug)]
pub enum FileEvent {
    /// A file was read (its bytes, not yet checked).
    Read {
        path: PathBuf,
        result: Result<Vec<u8>, FileError>,
    },
    /// The user chose where to save.
    SaveChosen { path: PathBuf, target: Target },
    /// A file was written (or not): the reports come in the order the writes
    /// were asked for.
    Written {
        path: PathBuf,
        result: Result<(), FileError>,
    },
    /// The user closed the dialog without choosing.
    Cancelled,
    /// No dialog could be shown on this desktop (`purpose` is what it was
    /// for).
    NoDialog { purpose: PathFor },
    /// A survey response export was read (its bytes, not yet checked).
    ReadResponses {
        path: PathBuf,
        result: Result<Vec<u8>, FileError>,
    },
    /// An export was written (or not).
    Exported {
        path: PathBuf,
        result: Result<(), FileError>,
    },
    /// The recovery folder is ready: this window's session, and the work
    /// left by windows that have gone.
    RecoveryReady(Ready),
    /// Unsaved work was kept for recovery (or could not be: then the
    /// restored work whose files were to go with it comes back).
    Kept {
        result: Result<(), FileError>,
        adopted: Vec<Orphan>,
    },
    /// Recovery files were removed or set aside (nothing to report).
    Tidied,
}

/// Which jobs an event ends: a dialog or a read (the user is waiting on
/// it, and another must not start), or anything else.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Kind {
    Asking,
    Other,
}

/// Runs file jobs on worker threads.
pub struct FileService {
    tx: Sender<(Kind, FileEvent)>,
    rx: Receiver<(Kind, FileEvent)>,
    writes: Option<Writer>,
    storage: Arc<dyn Storage>,
    repaint: Arc<dyn Fn() + Send + Sync>,
    /// Jobs that have not reported yet.
    pending: usize,
    /// Of those, dialogs and reads.
    asking: usize,
    /// Whether to try the desktop's file dialogs (tests turn them off).
    dialogs: bool,
    /// What opens a written file or its folder (tests record the request).
    launcher: Arc<dyn Launcher>,
    /// The exports asked for and not yet reported, in order: what each is,
    /// for the confirmation to say.
    exports: std::collections::VecDeque<(PathBuf, Export)>,
}

impl FileService {
    /// `repaint` is called when a job finishes, to wake the UI.
    pub fn new(repaint: impl Fn() + Send + Sync + 'static) -> Self {
        let storage = crate::platform::storage();
        let (tx, rx) = channel();
        let repaint: Arc<dyn Fn() + Send + Sync> = Arc::new(repaint);
        let writes = writer::start(tx.clone(), Arc::clone(&repaint), Arc::clone(&storage));
        FileService {
            tx,
            rx,
            writes,
            storage,
            repaint,
            pending: 0,
            asking: 0,
            dialogs: true,
            launcher: Arc::new(SystemLauncher),
            exports: Default::default(),
        }
    }

    /// Sends the writes asked for from now on to `storage` (tests give a
    /// failing disk); set it before the first write, as the old writer may
    /// still be finishing its own.
    pub fn set_storage(&mut self, storage: Arc<dyn Storage>) {
        self.storage = storage;
        self.restart_writer();
    }

    fn restart_writer(&mut self) {
        self.writes = writer::start(
            self.tx.clone(),
            Arc::clone(&self.repaint),
            Arc::clone(&self.storage),
        );
    }

    /// Opens written files and their folders with `launcher` (tests record
    /// the requests rather than start a program).
    pub fn set_launcher(&mut self, launcher: Arc<dyn Launcher>) {
        self.launcher = launcher;
    }

    /// Opens `path` with the system's default program for it, or (`folder`)
    /// shows the folder that holds it, without waiting for the program.
    pub fn open_with_system(&self, path: &Path, folder: bool) -> std::io::Result<()> {
        if folder {
            launch::reveal(self.launcher.as_ref(), path)
        } else {
            self.launcher.open(path)
        }
    }

    /// Whether to show the desktop's file dialogs; without them, opening and
    /// saving ask for a path in the window.
    pub fn set_dialogs(&mut self, on: bool) {
        self.dialogs = on;
    }

    /// Runs `job` on a named thread; if no thread can be started, reports
    /// `failed` with the reason at once.
    fn spawn(
        &mut self,
        what: &str,
        kind: Kind,
        job: impl FnOnce() -> FileEvent + Send + 'static,
        failed: impl FnOnce(std::io::Error) -> FileEvent,
    ) {
        let tx = self.tx.clone();
        let repaint = Arc::clone(&self.repaint);
        // Counted first: where jobs run at once, the report is in before
        // `spawn` returns.
        self.count(kind);
        let started = crate::platform::spawn(what, move || {
            // A failed send only means the app has gone; nothing to report to.
            let _ = tx.send((kind, job()));
            repaint();
        });
        if let Err(e) = started {
            let _ = self.tx.send((kind, failed(e)));
        }
    }

    fn count(&mut self, kind: Kind) {
        self.pending += 1;
        if kind == Kind::Asking {
            self.asking += 1;
        }
    }

    /// Reports an event at once, as if a job had finished.
    fn report(&mut self, kind: Kind, event: FileEvent) {
        self.count(kind);
        let _ = self.tx.send((kind, event));
    }

    /// Reads a preset file.
    pub fn read(&mut self, path: PathBuf) {
        let shown = path.clone();
        self.spawn(
            "reader",
            Kind::Asking,
            move || FileEvent::Read {
                result: read_bytes(&path, MAX_PRESET_BYTES),
                path,
            },
            |source| FileEvent::Read {
                result: Err(FileError::Read {
                    path: shown.display().to_string(),
                    source,
                }),
                path: shown,
            },
        );
    }

    /// Reads a file dropped onto the window: from its path on the desktop,
    /// its contents in the browser.
    pub fn read_dropped(&mut self, file: egui::DroppedFileHandle) {
        dialogs::read_dropped(file, self.asking());
    }

    /// Writes a preset atomically, after the writes asked for before it.
    pub fn write(&mut self, path: PathBuf, contents: String) {
        self.queue(WriteJob::Preset { path, contents });
    }

    /// Keeps unsaved work for recovery at `path` (atomically, after the
    /// writes asked for before it); once it is there, the files of the
    /// restored work in `adopted` go.
    pub fn keep(&mut self, path: PathBuf, contents: String, adopted: Vec<Orphan>) {
        self.queue(WriteJob::Keep {
            path,
            contents,
            adopted,
        });
    }

    /// Moves files aside, then removes others, after the writes asked for
    /// before (so a recovery file being written is removed, not left); the
    /// locks of `hold` are let go after that.
    pub fn tidy(
        &mut self,
        rename: Vec<(PathBuf, PathBuf)>,
        remove: Vec<PathBuf>,
        hold: Vec<Orphan>,
    ) {
        self.queue(WriteJob::Tidy {
            rename,
            remove,
            hold,
        });
    }

    /// Waits (at most `timeout`) until the writes asked for so far are done;
    /// their reports stay for the next poll.
    pub fn flush(&mut self, timeout: Duration) {
        let (done, answer) = channel();
        self.queue(WriteJob::Barrier(done));
        let _ = answer.recv_timeout(timeout);
    }

    fn queue(&mut self, job: WriteJob) {
        let reports = job.reports();
        let mut job = Some(job);
        // A writer that has gone (an export's making is caught if it panics,
        // but a thread may die) is
        // started again once, rather than every later save failing.
        for attempt in 0..2 {
            let Some(j) = job.take() else { return };
            match &self.writes {
                Some(w) => {
                    // Counted first: a writer that writes at once has
                    // reported before `send` returns.
                    if reports {
                        self.pending += 1;
                    }
                    match w.send(j) {
                        Ok(()) => return,
                        Err(back) => {
                            if reports {
                                self.pending -= 1;
                            }
                            job = Some(back);
                        }
                    }
                }
                None => job = Some(j),
            }
            if attempt == 0 {
                self.restart_writer();
            }
        }
        if let Some(event) = job.and_then(WriteJob::refused) {
            self.report(Kind::Other, event);
        }
    }

    /// Starts this window's recovery session in `dir` and looks for work
    /// left by windows that have gone.
    pub fn start_recovery(&mut self, dir: PathBuf) {
        self.count(Kind::Other);
        let (tx, repaint) = (self.tx.clone(), Arc::clone(&self.repaint));
        crate::files::recovery::start(dir, move |ready| {
            // A failed send only means the app has gone; nothing to report to.
            let _ = tx.send((Kind::Other, FileEvent::RecoveryReady(ready)));
            repaint();
        });
    }

    /// Lets the user pick a preset, then reads it.
    pub fn open_dialog(&mut self) {
        if !self.dialogs {
            return self.report(
                Kind::Asking,
                FileEvent::NoDialog {
                    purpose: PathFor::Open,
                },
            );
        }
        dialogs::open_preset(self.asking());
    }

    /// Lets the user pick a survey response export, then reads it.
    pub fn open_responses_dialog(&mut self) {
        if !self.dialogs {
            let event = FileEvent::NoDialog {
                purpose: PathFor::Import,
            };
            return self.report(Kind::Asking, event);
        }
        dialogs::open_responses(self.asking());
    }

    /// Reads a survey response export.
    pub fn read_responses(&mut self, path: PathBuf) {
        let shown = path.clone();
        self.spawn(
            "reader",
            Kind::Asking,
            move || FileEvent::ReadResponses {
                result: read_bytes(&path, MAX_RESPONSES_BYTES as u64),
                path,
            },
            |source| FileEvent::ReadResponses {
                result: Err(FileError::Read {
                    path: shown.display().to_string(),
                    source,
                }),
                path: shown,
            },
        );
    }

    /// Lets the user choose where to save, starting in `folder` when given;
    /// the write follows as its own job.
    pub fn save_dialog(&mut self, target: Target, suggested_name: String, folder: Option<PathBuf>) {
        if !self.dialogs {
            let no_dialog = FileEvent::NoDialog {
                purpose: PathFor::Save(target),
            };
            return self.report(Kind::Asking, no_dialog);
        }
        dialogs::choose_save(target, suggested_name, folder, self.asking());
    }

    /// Counts a dialog or read the platform runs, and gives what it calls
    /// with its answer.
    fn asking(&mut self) -> impl FnOnce(FileEvent) + Send + 'static {
        self.count(Kind::Asking);
        let (tx, repaint) = (self.tx.clone(), Arc::clone(&self.repaint));
        move |event| {
            // A failed send only means the app has gone; nothing to report to.
            let _ = tx.send((Kind::Asking, event));
            repaint();
        }
    }

    /// Writes an export atomically, after the writes asked for before it;
    /// `make` (which may take a moment: a report, a PNG) runs on the writer
    /// thread.
    pub fn export(&mut self, export: Export, path: PathBuf, make: Make) {
        self.exports.push_back((path.clone(), export));
        self.queue(WriteJob::Export { path, make });
    }

    /// What the export written to `path` was (reports come in the order the
    /// exports were asked for).
    pub fn exported(&mut self, path: &std::path::Path) -> Option<Export> {
        let at = self.exports.iter().position(|(p, _)| p == path)?;
        self.exports.remove(at).map(|(_, export)| export)
    }

    /// The jobs that have finished since the last call.
    pub fn poll(&mut self) -> Vec<FileEvent> {
        let done: Vec<(Kind, FileEvent)> = self.rx.try_iter().collect();
        self.finished(done)
    }

    fn finished(&mut self, done: Vec<(Kind, FileEvent)>) -> Vec<FileEvent> {
        self.pending = self.pending.saturating_sub(done.len());
        let asked = done.iter().filter(|(k, _)| *k == Kind::Asking).count();
        self.asking = self.asking.saturating_sub(asked);
        done.into_iter().map(|(_, e)| e).collect()
    }

    /// Whether a file dialog is open or a file is being read: another must
    /// wait, or its answer would arrive on top of this one's.
    pub fn is_asking(&self) -> bool {
        self.asking > 0
    }

    /// Waits until every job has reported (for tests and for shutdown).
    pub fn wait(&mut self, timeout: Duration) -> Vec<FileEvent> {
        let deadline = Instant::now() + timeout;
        let mut done = Vec::new();
        while self.pending > done.len() {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(e) => done.push(e),
                Err(_) => break,
            }
        }
        self.finished(done)
    }
}

/// The title, the filter's name and the extension of a Save dialog.
pub fn save_dialog_words(target: Target) -> (&'static str, &'static str, &'static str) {
    let t = texts();
    let survey = crate::text::survey::survey_texts();
    match target {
        Target::Preset => (t.save_dialog_title, t.preset_filter, "json"),
        Target::Export(Export::Report) => (t.export_report_title, t.report_filter, "html"),
        Target::Export(Export::Trajectories) => (t.export_csv_title, t.csv_filter, "csv"),
        Target::Export(Export::Picture) => (t.save_picture_title, t.png_filter, "png"),
        Target::Export(Export::Chain(format)) => match format {
            ChainFormat::Svg => (t.export_chain_title, t.svg_filter, "svg"),
            ChainFormat::Mermaid => (t.export_chain_title, t.mermaid_filter, "mmd"),
            ChainFormat::Dot => (t.export_chain_title, t.dot_filter, "dot"),
            ChainFormat::Csv => (t.export_chain_title, t.csv_filter, "csv"),
        },
        Target::Export(Export::Logframe(LogframeFormat::Xlsx)) => {
            (t.export_logframe_title, t.xlsx_filter, "xlsx")
        }
        Target::Export(Export::Logframe(LogframeFormat::Csv)) => {
            (t.export_logframe_title, t.csv_filter, "csv")
        }
        Target::Export(Export::MeasurementPlan) => {
            (t.export_measurement_title, t.csv_filter, "csv")
        }
        Target::Export(Export::SurveyForm) => (survey.menu_form, survey.xlsform_filter, "xlsx"),
        Target::Export(Export::Questionnaire) => (survey.menu_printable, t.report_filter, "html"),
        Target::Export(Export::BaselineForm) => {
            (survey.menu_baseline, survey.xlsform_filter, "xlsx")
        }
    }
}
