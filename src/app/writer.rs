//! The writer (a thread where the platform has them): every write, removal and renaming of files the window
//! asks for, done one after the other in the order asked. Two saves never
//! race, their reports arrive in the order the files were replaced, and a
//! recovery file is removed only after any write of it queued before.

use super::files::{FileEvent, Kind};
use crate::files::recovery::Orphan;
use crate::files::{FileError, Storage, write_atomic_with};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Sender, channel};

/// Makes an export's bytes, or says why it cannot.
pub type Make = Box<dyn FnOnce() -> Result<Vec<u8>, FileError> + Send>;

/// A job for the writer thread.
pub(super) enum WriteJob {
    /// A preset, written atomically; reported as [`FileEvent::Written`].
    Preset { path: PathBuf, contents: String },
    /// Unsaved work for recovery, written atomically. When that succeeded,
    /// the files of `adopted` (restored work this replaces) are removed and
    /// their locks let go; when it failed, they come back with the report.
    Keep {
        path: PathBuf,
        contents: String,
        adopted: Vec<Orphan>,
    },
    /// Files to move aside, then files to remove, whatever is there; the
    /// locks of `hold` are let go only afterwards, so no other window can
    /// offer those files in between.
    Tidy {
        rename: Vec<(PathBuf, PathBuf)>,
        remove: Vec<PathBuf>,
        hold: Vec<Orphan>,
    },
    /// An export: its bytes made here, off the UI thread, then written
    /// atomically; reported as [`FileEvent::Exported`].
    Export { path: PathBuf, make: Make },
    /// Answers on the channel once every job before it is done.
    Barrier(Sender<()>),
}

impl WriteJob {
    fn run(self, storage: &dyn Storage) -> Option<FileEvent> {
        Some(match self {
            WriteJob::Preset { path, contents } => FileEvent::Written {
                result: write_atomic_with(storage, &path, contents.as_bytes()),
                path,
            },
            WriteJob::Export { path, make } => {
                // A report or picture that fails to be made must not take
                // the writer, and the saves queued behind it, down with it.
                let made = std::panic::catch_unwind(std::panic::AssertUnwindSafe(make))
                    .unwrap_or_else(|_| {
                        Err(FileError::Encode {
                            path: path.display().to_string(),
                            reason: crate::text::texts().export_panicked.to_owned(),
                        })
                    });
                FileEvent::Exported {
                    result: made.and_then(|bytes| write_atomic_with(storage, &path, &bytes)),
                    path,
                }
            }
            WriteJob::Keep {
                path,
                contents,
                adopted,
            } => {
                let result = write_atomic_with(storage, &path, contents.as_bytes());
                if result.is_err() {
                    return Some(FileEvent::Kept { result, adopted });
                }
                for p in adopted.iter().flat_map(Orphan::files) {
                    // Gone already is as good as removed.
                    let _ = storage.remove(&p);
                }
                FileEvent::Kept {
                    result,
                    adopted: Vec::new(),
                }
            }
            WriteJob::Tidy {
                rename,
                remove,
                hold,
            } => {
                for (from, to) in rename {
                    let _ = storage.rename(&from, &to);
                }
                for p in remove {
                    let _ = storage.remove(&p);
                }
                drop(hold);
                FileEvent::Tidied
            }
            WriteJob::Barrier(done) => {
                let _ = done.send(());
                return None;
            }
        })
    }

    /// The report when no writer could take the job.
    pub(super) fn refused(self) -> Option<FileEvent> {
        match self {
            WriteJob::Preset { path, .. } => Some(FileEvent::Written {
                result: Err(no_writer(&path)),
                path,
            }),
            WriteJob::Export { path, .. } => Some(FileEvent::Exported {
                result: Err(no_writer(&path)),
                path,
            }),
            WriteJob::Keep { path, adopted, .. } => Some(FileEvent::Kept {
                result: Err(no_writer(&path)),
                adopted,
            }),
            WriteJob::Tidy { .. } => Some(FileEvent::Tidied),
            WriteJob::Barrier(_) => None,
        }
    }

    /// Whether the job reports back (a barrier answers on its own channel).
    pub(super) fn reports(&self) -> bool {
        !matches!(self, WriteJob::Barrier(_))
    }
}

/// Where write jobs go: the writer thread, or (where there are no threads:
/// the browser, whose writes are downloads and local storage, each done
/// in a moment) at once, in the order asked all the same.
pub(super) enum Writer {
    Thread(Sender<WriteJob>),
    AtOnce {
        events: Sender<(Kind, FileEvent)>,
        wake: Arc<dyn Fn() + Send + Sync>,
        storage: Arc<dyn Storage>,
    },
}

impl Writer {
    /// Hands a job over; gives it back when the writer has gone.
    pub(super) fn send(&self, job: WriteJob) -> Result<(), WriteJob> {
        match self {
            Writer::Thread(queue) => queue.send(job).map_err(|e| e.0),
            Writer::AtOnce {
                events,
                wake,
                storage,
            } => {
                report(job.run(storage.as_ref()), events, wake.as_ref());
                Ok(())
            }
        }
    }
}

fn report(event: Option<FileEvent>, events: &Sender<(Kind, FileEvent)>, wake: &dyn Fn()) {
    if let Some(event) = event {
        // A failed send only means the app has gone.
        let _ = events.send((Kind::Other, event));
        wake();
    }
}

/// Starts a writer; `None` when no thread can be started (the service then
/// reports each job as refused rather than hang).
pub(super) fn start(
    events: Sender<(Kind, FileEvent)>,
    wake: Arc<dyn Fn() + Send + Sync>,
    storage: Arc<dyn Storage>,
) -> Option<Writer> {
    if !crate::platform::HAS_THREADS {
        return Some(Writer::AtOnce {
            events,
            wake,
            storage,
        });
    }
    let (writes, queue) = channel::<WriteJob>();
    crate::platform::spawn("writer", move || {
        // Ends when the service, and with it the sender, is dropped.
        for job in queue {
            report(job.run(storage.as_ref()), &events, wake.as_ref());
        }
    })
    .ok()
    .map(|_| Writer::Thread(writes))
}

/// The error when no writer thread can be started.
fn no_writer(path: &Path) -> FileError {
    FileError::Write {
        path: path.display().to_string(),
        source: std::io::Error::other(crate::text::messages::messages().no_writer_thread),
    }
}
