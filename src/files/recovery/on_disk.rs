//! Recovery files on the desktop's disk, each window's guarded by a lock
//! file the operating system lets go when the window's process ends.

use super::{MAX_RECOVERY_BYTES, Recovery};
use crate::files::{FileError, read_bytes};
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// Starts this window's session in `dir` on a thread of its own, looks for
/// the work of windows that have gone, and hands both to `done`.
pub fn start(dir: PathBuf, done: impl FnOnce(super::Ready) + Send + 'static) {
    let failed = |dir: &Path, source| FileError::Write {
        path: dir.display().to_string(),
        source,
    };
    let shown = dir.clone();
    crate::platform::run(
        "recovery",
        done,
        move || {
            let session = Session::start(&dir).map_err(|e| failed(&dir, e))?;
            let orphans = session.orphans();
            Ok((session, orphans))
        },
        move || {
            let no_thread = std::io::Error::other(crate::text::messages::messages().no_thread);
            Err(failed(&shown, no_thread))
        },
    );
}

/// This window's place in the recovery folder, with its lock held.
#[derive(Debug)]
pub struct Session {
    dir: PathBuf,
    id: String,
    /// Held locked until the session ends; never read.
    _lock: File,
}

impl Session {
    /// Starts a session in `dir` (made if missing).
    pub fn start(dir: &Path) -> std::io::Result<Session> {
        std::fs::create_dir_all(dir)?;
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let id = format!("{}-{nanos}", std::process::id());
        // Locked under another name, then put in place: no other window can
        // ever see this lock file unlocked and take it for a stale one.
        let making = dir.join(format!(".{id}.lock.tmp"));
        let lock = File::create(&making)?;
        lock.try_lock().map_err(|e| match e {
            TryLockError::Error(e) => e,
            TryLockError::WouldBlock => {
                std::io::Error::other(crate::text::messages::messages().lock_held)
            }
        })?;
        std::fs::rename(&making, dir.join(format!("{id}.lock")))?;
        Ok(Session {
            dir: dir.to_path_buf(),
            id,
            _lock: lock,
        })
    }

    /// The recovery folder.
    pub fn folder(&self) -> &Path {
        &self.dir
    }

    /// Where the work is kept, in words for a message: the folder.
    pub fn place(&self) -> String {
        self.dir.display().to_string()
    }

    /// This session's recovery file.
    pub fn file(&self) -> PathBuf {
        self.dir.join(format!("{}.json", self.id))
    }

    /// This session's lock file, to remove on a clean exit.
    pub fn lock_file(&self) -> PathBuf {
        self.dir.join(format!("{}.lock", self.id))
    }

    /// The recovery files of windows that have gone, oldest first, each with
    /// its lock now held by this session.
    pub fn orphans(&self) -> Vec<Orphan> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let others: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.file_stem().is_some_and(|s| *s != *self.id))
            .collect();
        let is = |p: &PathBuf, ext: &str| p.extension().is_some_and(|x| x == ext);
        // Temporary files of writes cut short by a crash: any an hour old is
        // no write in progress.
        for tmp in others.iter().filter(|p| is(p, "tmp")) {
            let old = std::fs::metadata(tmp)
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age.as_secs() > 3600);
            if old {
                let _ = std::fs::remove_file(tmp);
            }
        }
        // A lock with no work beside it is left by a window that was stopped
        // with nothing unsaved: tidy it once its owner has gone.
        for lock in others.iter().filter(|p| is(p, "lock")) {
            if !lock.with_extension("json").exists()
                && let Ok(f) = OpenOptions::new().write(true).open(lock)
                && f.try_lock().is_ok()
            {
                let _ = std::fs::remove_file(lock);
            }
        }
        let mut found: Vec<Orphan> = others
            .iter()
            .filter(|p| is(p, "json"))
            .filter_map(|p| Orphan::claim(p))
            .collect();
        super::oldest_first(&mut found, |o| &o.contents);
        found
    }
}

/// A recovery file left by a window that has gone.
#[derive(Debug)]
pub struct Orphan {
    pub file: PathBuf,
    /// What it holds, or why it cannot be read.
    pub contents: Result<Recovery, String>,
    /// Its lock, held so no other window offers it too.
    _lock: File,
}

impl Orphan {
    /// Takes the recovery file at `path` if its owner has gone; `None` while
    /// its owner runs (or its lock cannot be tried).
    fn claim(path: &Path) -> Option<Orphan> {
        // A live window's lock file is in place before its first recovery
        // file is written, and goes after its last is removed; so a recovery
        // file without one belongs to a window that has gone. Its lock is
        // made here, and whoever locks it first offers the work.
        let lock = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .open(path.with_extension("lock"))
            .ok()?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock | TryLockError::Error(_)) => return None,
        }
        let contents = match read_bytes(path, MAX_RECOVERY_BYTES) {
            // Restored or discarded by another window since the listing.
            Err(FileError::Read { source, .. })
                if source.kind() == std::io::ErrorKind::NotFound =>
            {
                return None;
            }
            Err(e) => Err(e.to_string()),
            Ok(bytes) if bytes.len() as u64 > MAX_RECOVERY_BYTES => {
                Err("the file is larger than any recovery file this workbench writes".into())
            }
            Ok(bytes) => Recovery::from_bytes(&bytes),
        };
        Some(Orphan {
            file: path.to_path_buf(),
            contents,
            _lock: lock,
        })
    }

    /// The files to remove once its work is restored or discarded.
    pub fn files(&self) -> Vec<PathBuf> {
        vec![self.file.clone(), self.file.with_extension("lock")]
    }

    /// Where an unreadable recovery file is moved, so it is not offered
    /// again and nothing is lost.
    pub fn set_aside_as(&self) -> PathBuf {
        self.file.with_extension("unreadable")
    }
}
