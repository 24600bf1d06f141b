//! Every read and write of the file system goes through here, so the browser
//! build (which has no file system) swaps one module, not the whole app, and
//! tests can put a failing disk behind it ([`Storage`]).

pub mod launch;
pub mod places;
pub mod recovery;

use crate::model::{Model, ModelError};
use crate::preset::{MAX_PRESET_BYTES, Preset, PresetError};
use crate::text::fill;
use crate::text::messages::{messages, said};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Why a file could not be read or written, in words that say what to do.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{}", said(|m| m.cannot_read, &[("path", path), ("reason", &explain(source, false))]))]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{}", said(|m| m.cannot_write, &[("path", path), ("reason", &explain(source, true))]))]
    Write {
        path: String,
        source: std::io::Error,
    },
    #[error("{}", said(|m| m.cannot_make, &[("path", path), ("reason", reason)]))]
    Encode { path: String, reason: String },
    #[error("{}", said(|m| m.path_reason, &[("path", path), ("reason", &source.to_string())]))]
    Preset { path: String, source: PresetError },
    #[error("{}", said(|m| m.model_file, &[("path", path), ("reason", &source.to_string())]))]
    Model { path: String, source: ModelError },
}

/// What an I/O failure means for the user, and what to do about it.
fn explain(e: &std::io::Error, writing: bool) -> String {
    use std::io::ErrorKind::*;
    let m = messages();
    let advice = match (e.kind(), writing) {
        (NotFound, true) => m.folder_gone,
        (NotFound, false) => m.no_such_file,
        (PermissionDenied | ReadOnlyFilesystem, true) => m.folder_read_only,
        (PermissionDenied, false) => m.may_not_read,
        (StorageFull | QuotaExceeded, _) => m.disk_full,
        (IsADirectory, true) => m.folder_not_file_save,
        (IsADirectory, false) => m.folder_not_file,
        _ => return e.to_string(),
    };
    fill(
        m.advice_with_cause,
        &[("advice", advice), ("cause", &e.to_string())],
    )
}

impl FileError {
    /// What the operating system said, without advice (for files the user
    /// did not choose, where "Save as…" is no remedy).
    pub fn cause(&self) -> String {
        match self {
            FileError::Read { source, .. } | FileError::Write { source, .. } => source.to_string(),
            other => other.to_string(),
        }
    }
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// The operations a save needs from the file system: real files, or in tests
/// a disk that fails the way real ones do.
pub trait Storage: Send + Sync {
    /// Writes `contents` to a new file at `path`, and to the disk.
    fn write_new(&self, path: &Path, contents: &[u8]) -> std::io::Result<()>;
    /// Moves `from` over `to` in one step.
    fn rename(&self, from: &Path, to: &Path) -> std::io::Result<()>;
    /// Removes a file.
    fn remove(&self, path: &Path) -> std::io::Result<()>;
}

/// The real file system.
#[derive(Debug, Clone, Copy, Default)]
pub struct Disk;

impl Storage for Disk {
    fn write_new(&self, path: &Path, contents: &[u8]) -> std::io::Result<()> {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)?;
        f.write_all(contents)?;
        f.sync_all()
    }

    fn rename(&self, from: &Path, to: &Path) -> std::io::Result<()> {
        std::fs::rename(from, to)
    }

    fn remove(&self, path: &Path) -> std::io::Result<()> {
        std::fs::remove_file(path)
    }
}

/// Reads a file, refusing to read more than `limit` bytes: an over-size file
/// is reported by its size rather than loaded into memory.
pub fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, FileError> {
    let read_err = |source| FileError::Read {
        path: shown(path),
        source,
    };
    let file = std::fs::File::open(path).map_err(read_err)?;
    let mut bytes = Vec::new();
    // One byte more than the limit is enough to tell the file is too large.
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(read_err)?;
    Ok(bytes)
}

/// Reads and checks a preset file.
pub fn read_preset(path: &Path, model: &Model) -> Result<Preset, FileError> {
    let bytes = read_bytes(path, MAX_PRESET_BYTES)?;
    Preset::from_bytes(&bytes, model).map_err(|source| FileError::Preset {
        path: shown(path),
        source,
    })
}

/// The largest model file read: the shipped one is a small fraction of it.
pub const MAX_MODEL_BYTES: u64 = 8 << 20;

/// Reads and checks a model file.
pub fn read_model(path: &Path) -> Result<Model, FileError> {
    let bytes = read_bytes(path, MAX_MODEL_BYTES)?;
    let invalid = |reason: String| FileError::Read {
        path: shown(path),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, reason),
    };
    if bytes.len() as u64 > MAX_MODEL_BYTES {
        return Err(invalid(said(
            |m| m.model_too_large,
            &[("max", &MAX_MODEL_BYTES.to_string())],
        )));
    }
    let text = String::from_utf8(bytes)
        .map_err(|e| invalid(said(|m| m.model_not_utf8, &[("reason", &e.to_string())])))?;
    Model::from_json(&text).map_err(|source| FileError::Model {
        path: shown(path),
        source,
    })
}

/// Moves a damaged file aside (to `NAME.unreadable`, replacing an older one
/// there), so that a program about to overwrite it starts clean and nothing
/// is lost. `check` says whether the bytes are sound. Returns why it was
/// damaged and where it went (`None` if it could not be moved); `None` when
/// it is sound or missing.
pub fn set_aside_if_damaged(
    path: &Path,
    limit: u64,
    check: impl Fn(&[u8]) -> Result<(), String>,
) -> Option<(String, Option<PathBuf>)> {
    let reason = match read_bytes(path, limit) {
        Err(FileError::Read { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
            return None;
        }
        Err(e) => e.to_string(),
        Ok(bytes) if bytes.len() as u64 > limit => {
            said(|m| m.larger_than, &[("max", &limit.to_string())])
        }
        Ok(bytes) => check(&bytes).err()?,
    };
    let mut aside = path.as_os_str().to_owned();
    aside.push(".unreadable");
    let aside = PathBuf::from(aside);
    // If it cannot be moved, the program starts clean all the same.
    let moved = std::fs::rename(path, &aside).is_ok().then_some(aside);
    Some((reason, moved))
}

/// A temporary name beside `path`, unique to this process and this write,
/// so that two saves at once never share one.
fn temporary_beside(path: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    // The time makes a name left by an earlier run with the same process
    // number unlikely to come back; the counter makes this run's unique.
    let nanos = crate::platform::since_1970().subsec_nanos();
    let id = crate::platform::instance_id();
    dir.join(format!(".{name}.{id}-{nanos}-{n}.tmp"))
}

/// Writes a file atomically: a temporary file in the same folder, flushed to
/// disk, then renamed over the target, so a crash, a full disk or a refused
/// folder never leaves half a file, and the old file stays as it was.
pub fn write_atomic_with(
    storage: &dyn Storage,
    path: &Path,
    contents: &[u8],
) -> Result<(), FileError> {
    write_all_atomic_with(storage, &[(path, contents)])
}

/// Writes several files as one: every temporary file first, and only when
/// all are written, each renamed over its target; if any cannot be written,
/// no target is touched and no temporary file is left.
pub fn write_all_atomic_with(
    storage: &dyn Storage,
    files: &[(&Path, &[u8])],
) -> Result<(), FileError> {
    let mut staged: Vec<(PathBuf, &Path)> = Vec::new();
    let failure = |path: &Path, source| FileError::Write {
        path: shown(path),
        source,
    };
    for (path, contents) in files {
        match stage(storage, path, contents) {
            Ok(tmp) => staged.push((tmp, path)),
            Err(source) => {
                // What is left of the temporary files is ours alone.
                for (tmp, _) in &staged {
                    let _ = storage.remove(tmp);
                }
                return Err(failure(path, source));
            }
        }
    }
    let mut staged = staged.into_iter();
    while let Some((tmp, path)) = staged.next() {
        if let Err(source) = storage.rename(&tmp, path) {
            let _ = storage.remove(&tmp);
            for (rest, _) in staged {
                let _ = storage.remove(&rest);
            }
            return Err(failure(path, source));
        }
    }
    Ok(())
}

/// Writes `contents` to a new temporary file beside `path`, and returns its
/// name. A name left by a crashed run of a process with the same number is
/// passed over, not failed on.
fn stage(storage: &dyn Storage, path: &Path, contents: &[u8]) -> std::io::Result<PathBuf> {
    let mut tmp = temporary_beside(path);
    let mut written = storage.write_new(&tmp, contents);
    for _ in 0..16 {
        match &written {
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                tmp = temporary_beside(path);
                written = storage.write_new(&tmp, contents);
            }
            _ => break,
        }
    }
    match written {
        Ok(()) => Ok(tmp),
        Err(e) => {
            let _ = storage.remove(&tmp);
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_never_repeat() {
        let p = Path::new("/some/folder/cluster.json");
        let a = temporary_beside(p);
        let b = temporary_beside(p);
        assert_ne!(a, b);
        assert_eq!(a.parent(), p.parent());
    }

    #[test]
    fn a_damaged_file_is_set_aside_and_a_sound_one_stays() {
        let dir = std::env::temp_dir().join(format!("cw-aside-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("app.ron");
        let check = |b: &[u8]| {
            if b.starts_with(b"{") {
                Ok(())
            } else {
                Err("not a map".to_string())
            }
        };
        assert_eq!(set_aside_if_damaged(&path, 100, check), None, "missing");
        std::fs::write(&path, "{}").unwrap();
        assert_eq!(set_aside_if_damaged(&path, 100, check), None, "sound");
        assert!(path.exists());
        std::fs::write(&path, "garbage").unwrap();
        let (why, aside) = set_aside_if_damaged(&path, 100, check).unwrap();
        let aside = aside.unwrap();
        assert_eq!(why, "not a map");
        assert!(!path.exists());
        assert_eq!(std::fs::read_to_string(&aside).unwrap(), "garbage");
        std::fs::write(&path, "{".repeat(200)).unwrap();
        let (why, _) = set_aside_if_damaged(&path, 100, check).unwrap();
        assert!(why.contains("larger"), "{why}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// A temporary file left by a crash under the name a save would pick
    /// does not make the save fail.
    #[test]
    fn a_leftover_temporary_name_is_passed_over() {
        struct Taken;
        impl Storage for Taken {
            fn write_new(&self, path: &Path, contents: &[u8]) -> std::io::Result<()> {
                static FIRST: std::sync::Once = std::sync::Once::new();
                let mut taken = false;
                FIRST.call_once(|| taken = true);
                if taken {
                    return Err(std::io::ErrorKind::AlreadyExists.into());
                }
                Disk.write_new(path, contents)
            }
            fn rename(&self, from: &Path, to: &Path) -> std::io::Result<()> {
                Disk.rename(from, to)
            }
            fn remove(&self, path: &Path) -> std::io::Result<()> {
                Disk.remove(path)
            }
        }
        let dir = std::env::temp_dir().join(format!("cw-taken-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("a.json");
        write_atomic_with(&Taken, &path, b"whole").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"whole");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn failures_say_what_to_do() {
        let full = std::io::Error::from(std::io::ErrorKind::StorageFull);
        let text = FileError::Write {
            path: "x.json".into(),
            source: full,
        }
        .to_string();
        assert!(text.contains("the disk is full"), "{text}");
        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert!(explain(&denied, true).contains("Save as…"));
    }
}
