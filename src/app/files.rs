//! File dialogs and file reads and writes for the window, off the UI thread:
//! each job runs on a worker thread and reports back through a channel, so a
//! slow disk or a dialog never freezes the frame (and the browser build can
//! swap this module for one based on downloads and uploads).

use crate::files::{FileError, read_bytes, write_atomic};
use crate::preset::MAX_PRESET_BYTES;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

/// A dialog that answers faster than this was never shown: rfd returns
/// "nothing picked" at once when the desktop has no portal and no zenity.
const NO_DIALOG_BELOW: Duration = Duration::from_millis(150);

/// What a finished job reports.
#[derive(Debug)]
pub enum FileEvent {
    /// A file was read (its bytes, not yet checked).
    Read {
        path: PathBuf,
        result: Result<Vec<u8>, FileError>,
    },
    /// A file was written.
    Written {
        path: PathBuf,
        result: Result<(), FileError>,
    },
    /// The user closed the dialog without choosing.
    Cancelled,
    /// No dialog could be shown on this desktop.
    NoDialog { saving: bool },
}

/// Runs file jobs on worker threads.
pub struct FileService {
    tx: Sender<FileEvent>,
    rx: Receiver<FileEvent>,
    repaint: Arc<dyn Fn() + Send + Sync>,
    pending: usize,
}

impl FileService {
    /// `repaint` is called when a job finishes, to wake the UI.
    pub fn new(repaint: impl Fn() + Send + Sync + 'static) -> Self {
        let (tx, rx) = channel();
        FileService {
            tx,
            rx,
            repaint: Arc::new(repaint),
            pending: 0,
        }
    }

    fn spawn(&mut self, job: impl FnOnce() -> FileEvent + Send + 'static) {
        let tx = self.tx.clone();
        let repaint = Arc::clone(&self.repaint);
        self.pending += 1;
        std::thread::spawn(move || {
            // A failed send only means the app has gone; nothing to report to.
            let _ = tx.send(job());
            repaint();
        });
    }

    /// Reads a preset file.
    pub fn read(&mut self, path: PathBuf) {
        self.spawn(move || FileEvent::Read {
            result: read_bytes(&path, MAX_PRESET_BYTES),
            path,
        });
    }

    /// Writes a file atomically.
    pub fn write(&mut self, path: PathBuf, contents: String) {
        self.spawn(move || FileEvent::Written {
            result: write_atomic(&path, contents.as_bytes()),
            path,
        });
    }

    /// Lets the user pick a preset, then reads it.
    pub fn open_dialog(&mut self) {
        self.spawn(|| {
            let started = Instant::now();
            let picked = pollster::block_on(
                rfd::AsyncFileDialog::new()
                    .set_title("Open a cluster preset")
                    .add_filter("Cluster Workbench preset", &["json"])
                    .add_filter("All files", &["*"])
                    .pick_file(),
            );
            match picked {
                Some(handle) => {
                    let path = handle.path().to_path_buf();
                    FileEvent::Read {
                        result: read_bytes(&path, MAX_PRESET_BYTES),
                        path,
                    }
                }
                None if started.elapsed() < NO_DIALOG_BELOW => {
                    FileEvent::NoDialog { saving: false }
                }
                None => FileEvent::Cancelled,
            }
        });
    }

    /// Lets the user choose where to save, then writes there.
    pub fn save_dialog(&mut self, suggested_name: String, contents: String) {
        self.spawn(move || {
            let started = Instant::now();
            let picked = pollster::block_on(
                rfd::AsyncFileDialog::new()
                    .set_title("Save the cluster preset")
                    .add_filter("Cluster Workbench preset", &["json"])
                    .set_file_name(suggested_name)
                    .save_file(),
            );
            match picked {
                Some(handle) => {
                    let path = handle.path().to_path_buf();
                    FileEvent::Written {
                        result: write_atomic(&path, contents.as_bytes()),
                        path,
                    }
                }
                None if started.elapsed() < NO_DIALOG_BELOW => FileEvent::NoDialog { saving: true },
                None => FileEvent::Cancelled,
            }
        });
    }

    /// The jobs that have finished since the last call.
    pub fn poll(&mut self) -> Vec<FileEvent> {
        let events: Vec<FileEvent> = self.rx.try_iter().collect();
        self.pending = self.pending.saturating_sub(events.len());
        events
    }

    /// Whether a job is still running.
    pub fn is_busy(&self) -> bool {
        self.pending > 0
    }

    /// Waits until every job has reported (for tests and for shutdown).
    pub fn wait(&mut self, timeout: Duration) -> Vec<FileEvent> {
        let deadline = Instant::now() + timeout;
        let mut events = Vec::new();
        while self.pending > events.len() {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(e) => events.push(e),
                Err(_) => break,
            }
        }
        self.pending = self.pending.saturating_sub(events.len());
        events
    }
}
