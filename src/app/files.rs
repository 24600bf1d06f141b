//! File dialogs and file reads and writes for the window, off the UI thread:
//! each job runs on a named worker thread and reports back through a channel,
//! so a slow disk or a dialog never freezes the frame (and the browser build
//! can swap this module for one based on downloads and uploads).
//!
//! Writes go through one writer thread, in the order they were asked for: two
//! saves never race, and their reports arrive in the order the files were
//! replaced, so the document is marked clean with what is really on disk.

use crate::files::recovery::{Orphan, Session};
use crate::files::{Disk, FileError, Storage, read_bytes, write_atomic_with};
use crate::preset::MAX_PRESET_BYTES;
use std::path::{Path, PathBuf};
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
    /// The user chose where to save.
    SaveChosen { path: PathBuf },
    /// A file was written (or not): the reports come in the order the writes
    /// were asked for.
    Written {
        path: PathBuf,
        result: Result<(), FileError>,
    },
    /// The user closed the dialog without choosing.
    Cancelled,
    /// No dialog could be shown on this desktop.
    NoDialog { saving: bool },
    /// The recovery folder is ready: this window's session, and the work
    /// left by windows that have gone.
    RecoveryReady(Result<(Session, Vec<Orphan>), FileError>),
    /// Unsaved work was kept for recovery (or could not be).
    Kept(Result<(), FileError>),
    /// Recovery files were removed or set aside (nothing to report).
    Tidied,
}

/// A job for the writer thread.
enum WriteJob {
    /// A preset, written atomically; reported as [`FileEvent::Written`].
    Preset { path: PathBuf, contents: String },
    /// Unsaved work for recovery, written atomically; when that succeeded,
    /// the files of `then_remove` go (the recovery it replaces).
    Keep {
        path: PathBuf,
        contents: String,
        then_remove: Vec<PathBuf>,
    },
    /// Files to remove, and files to move aside, whatever is there.
    Tidy {
        remove: Vec<PathBuf>,
        rename: Vec<(PathBuf, PathBuf)>,
    },
}

impl WriteJob {
    fn run(self, storage: &dyn Storage) -> FileEvent {
        match self {
            WriteJob::Preset { path, contents } => FileEvent::Written {
                result: write_atomic_with(storage, &path, contents.as_bytes()),
                path,
            },
            WriteJob::Keep {
                path,
                contents,
                then_remove,
            } => {
                let result = write_atomic_with(storage, &path, contents.as_bytes());
                if result.is_ok() {
                    for p in then_remove {
                        // Gone already is as good as removed.
                        let _ = storage.remove(&p);
                    }
                }
                FileEvent::Kept(result)
            }
            WriteJob::Tidy { remove, rename } => {
                for p in remove {
                    let _ = storage.remove(&p);
                }
                for (from, to) in rename {
                    let _ = storage.rename(&from, &to);
                }
                FileEvent::Tidied
            }
        }
    }

    fn refused(self) -> FileEvent {
        match self {
            WriteJob::Preset { path, .. } => FileEvent::Written {
                result: Err(no_writer(&path)),
                path,
            },
            WriteJob::Keep { path, .. } => FileEvent::Kept(Err(no_writer(&path))),
            WriteJob::Tidy { .. } => FileEvent::Tidied,
        }
    }
}

/// Which jobs an event ends: a dialog or a read (the user is waiting on
/// it, and another must not start), or anything else.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Asking,
    Other,
}

/// Runs file jobs on worker threads.
pub struct FileService {
    tx: Sender<(Kind, FileEvent)>,
    rx: Receiver<(Kind, FileEvent)>,
    writes: Option<Sender<WriteJob>>,
    repaint: Arc<dyn Fn() + Send + Sync>,
    /// Jobs that have not reported yet.
    pending: usize,
    /// Of those, dialogs and reads.
    asking: usize,
    /// Whether to try the desktop's file dialogs (tests turn them off).
    dialogs: bool,
}

impl FileService {
    /// `repaint` is called when a job finishes, to wake the UI.
    pub fn new(repaint: impl Fn() + Send + Sync + 'static) -> Self {
        Self::with_storage(repaint, Arc::new(Disk))
    }

    /// A service whose writes go to `storage` (tests give a failing disk).
    pub fn with_storage(
        repaint: impl Fn() + Send + Sync + 'static,
        storage: Arc<dyn Storage>,
    ) -> Self {
        let (tx, rx) = channel();
        let repaint: Arc<dyn Fn() + Send + Sync> = Arc::new(repaint);
        let writes = start_writer(tx.clone(), Arc::clone(&repaint), storage);
        FileService {
            tx,
            rx,
            writes,
            repaint,
            pending: 0,
            asking: 0,
            dialogs: true,
        }
    }

    /// Sends the writes asked for from now on to `storage` (tests give a
    /// failing disk); set it before the first write, as the old writer may
    /// still be finishing its own.
    pub fn set_storage(&mut self, storage: Arc<dyn Storage>) {
        self.writes = start_writer(self.tx.clone(), Arc::clone(&self.repaint), storage);
    }

    /// Whether to show the desktop's file dialogs; without them, opening and
    /// saving ask for a path in the window.
    pub fn set_dialogs(&mut self, on: bool) {
        self.dialogs = on;
    }

    fn spawn(&mut self, what: &str, kind: Kind, job: impl FnOnce() -> FileEvent + Send + 'static) {
        let tx = self.tx.clone();
        let repaint = Arc::clone(&self.repaint);
        let started = std::thread::Builder::new()
            .name(format!("cluster-workbench {what}"))
            .spawn(move || {
                // A failed send only means the app has gone; nothing to report to.
                let _ = tx.send((kind, job()));
                repaint();
            });
        match started {
            Ok(_) => self.count(kind),
            Err(e) => self.report(
                kind,
                FileEvent::Read {
                    path: PathBuf::from(what),
                    result: Err(FileError::Read {
                        path: what.into(),
                        source: e,
                    }),
                },
            ),
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
        self.spawn("reader", Kind::Asking, move || FileEvent::Read {
            result: read_bytes(&path, MAX_PRESET_BYTES),
            path,
        });
    }

    /// Writes a preset atomically, after the writes asked for before it.
    pub fn write(&mut self, path: PathBuf, contents: String) {
        self.queue(WriteJob::Preset { path, contents });
    }

    /// Keeps unsaved work for recovery at `path` (atomically, after the
    /// writes asked for before it); once it is there, removes `then_remove`.
    pub fn keep(&mut self, path: PathBuf, contents: String, then_remove: Vec<PathBuf>) {
        self.queue(WriteJob::Keep {
            path,
            contents,
            then_remove,
        });
    }

    /// Removes files and moves others aside, after the writes asked for
    /// before (so a recovery file being written is removed, not left).
    pub fn tidy(&mut self, remove: Vec<PathBuf>, rename: Vec<(PathBuf, PathBuf)>) {
        self.queue(WriteJob::Tidy { remove, rename });
    }

    fn queue(&mut self, job: WriteJob) {
        let refused = match &self.writes {
            Some(writer) => writer.send(job).err().map(|e| e.0),
            None => Some(job),
        };
        match refused {
            None => self.count(Kind::Other),
            Some(job) => self.report(Kind::Other, job.refused()),
        }
    }

    /// Starts this window's recovery session in `dir` and looks for work
    /// left by windows that have gone.
    pub fn start_recovery(&mut self, dir: PathBuf) {
        self.spawn("recovery", Kind::Other, move || {
            FileEvent::RecoveryReady(
                Session::start(&dir)
                    .map(|s| {
                        let orphans = s.orphans();
                        (s, orphans)
                    })
                    .map_err(|source| FileError::Write {
                        path: dir.display().to_string(),
                        source,
                    }),
            )
        });
    }

    /// Lets the user pick a preset, then reads it.
    pub fn open_dialog(&mut self) {
        if !self.dialogs {
            return self.report(Kind::Asking, FileEvent::NoDialog { saving: false });
        }
        self.spawn("open dialog", Kind::Asking, || {
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

    /// Lets the user choose where to save; the write follows as its own job.
    pub fn save_dialog(&mut self, suggested_name: String) {
        if !self.dialogs {
            return self.report(Kind::Asking, FileEvent::NoDialog { saving: true });
        }
        self.spawn("save dialog", Kind::Asking, move || {
            let started = Instant::now();
            let picked = pollster::block_on(
                rfd::AsyncFileDialog::new()
                    .set_title("Save the cluster preset")
                    .add_filter("Cluster Workbench preset", &["json"])
                    .set_file_name(suggested_name)
                    .save_file(),
            );
            match picked {
                Some(handle) => FileEvent::SaveChosen {
                    path: handle.path().to_path_buf(),
                },
                None if started.elapsed() < NO_DIALOG_BELOW => FileEvent::NoDialog { saving: true },
                None => FileEvent::Cancelled,
            }
        });
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

    /// Whether a job is still running.
    pub fn is_busy(&self) -> bool {
        self.pending > 0
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

/// Starts the thread that does the writes, one after the other; `None` when
/// no thread can be started (saving then says so rather than hang).
fn start_writer(
    events: Sender<(Kind, FileEvent)>,
    wake: Arc<dyn Fn() + Send + Sync>,
    storage: Arc<dyn Storage>,
) -> Option<Sender<WriteJob>> {
    let (writes, queue) = channel::<WriteJob>();
    std::thread::Builder::new()
        .name("cluster-workbench writer".into())
        .spawn(move || {
            // Ends when the service, and with it the sender, is dropped.
            for job in queue {
                // A failed send only means the app has gone.
                let _ = events.send((Kind::Other, job.run(storage.as_ref())));
                wake();
            }
        })
        .ok()
        .map(|_| writes)
}

/// The error when the writer thread is gone.
fn no_writer(path: &Path) -> FileError {
    FileError::Write {
        path: path.display().to_string(),
        source: std::io::Error::other(
            "the workbench's writer has stopped; restart it and save again",
        ),
    }
}
