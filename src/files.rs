//! Every read and write of the file system goes through here, so the browser
//! build (which has no file system) swaps one module, not the whole app.

use crate::model::{Model, ModelError};
use crate::preset::{MAX_PRESET_BYTES, Preset, PresetError};
use std::io::{Read, Write};
use std::path::Path;

/// Why a file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot write {path}: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Preset { path: String, source: PresetError },
    #[error("model file {path}: {source}")]
    Model { path: String, source: ModelError },
}

fn shown(path: &Path) -> String {
    path.display().to_string()
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

/// Reads and checks a model file.
pub fn read_model(path: &Path) -> Result<Model, FileError> {
    let text = std::fs::read_to_string(path).map_err(|source| FileError::Read {
        path: shown(path),
        source,
    })?;
    Model::from_json(&text).map_err(|source| FileError::Model {
        path: shown(path),
        source,
    })
}

/// Writes a file atomically: a temporary file in the same folder, flushed to
/// disk, then renamed over the target, so a crash never leaves half a preset.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), FileError> {
    let write_err = |source| FileError::Write {
        path: shown(path),
        source,
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(contents)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(write_err)
}
