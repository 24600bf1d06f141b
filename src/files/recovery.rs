//! Recovery files: unsaved work kept in the app's data folder, so a crash
//! loses at most a few seconds of it.
//!
//! Each running window is a *session* with its own recovery file
//! (`<session>.json`) and a lock file (`<session>.lock`) it holds locked for
//! as long as it runs. The operating system releases the lock when the
//! process ends, however it ends (a crash, SIGKILL, a power cut), so a
//! recovery file whose lock nobody holds belongs to a window that has gone:
//! that is the one to offer back. A window that offers one takes its lock,
//! so two windows started together never offer the same work twice.

use crate::location::Location;
use crate::preset::MAX_PRESET_BYTES;
use serde::{Deserialize, Serialize};
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// The `format` field of a recovery file.
const RECOVERY_FORMAT: &str = "cluster-workbench-recovery";
const RECOVERY_VERSION: u32 = 1;
/// A recovery file holds one preset (at most 1 MiB) and a few fields more.
const MAX_RECOVERY_BYTES: u64 = MAX_PRESET_BYTES * 2 + 4096;

/// What a recovery file holds: the preset as canonical text (read back
/// through the same strict reader as any preset), and when and from where.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recovery {
    pub format: String,
    pub version: u32,
    /// Seconds since 1970 (UTC) when the work was kept.
    pub kept_at: u64,
    /// Where the work came from, written as recovery files always wrote it.
    #[serde(serialize_with = "Location::serialize_snake_case")]
    pub from: Location,
    /// The preset, as the canonical text a save would write.
    pub preset: String,
}

impl Recovery {
    /// Work kept now.
    pub fn now(from: Location, preset: String) -> Self {
        Recovery {
            format: RECOVERY_FORMAT.into(),
            version: RECOVERY_VERSION,
            kept_at: seconds_now(),
            from,
            preset,
        }
    }

    /// The text of the recovery file.
    pub fn to_text(&self) -> String {
        // A struct of strings and integers always serialises.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a recovery file, refusing anything else.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, String> {
        let r: Recovery = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
        if r.format != RECOVERY_FORMAT || r.version != RECOVERY_VERSION {
            return Err(format!(
                "not a recovery file of this workbench (format {:?}, version {})",
                r.format, r.version
            ));
        }
        Ok(r)
    }
}

/// Seconds since 1970, 0 if the clock is before it.
fn seconds_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
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
            TryLockError::WouldBlock => std::io::Error::other("the lock file is held"),
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
        found.sort_by_key(|o| match &o.contents {
            Ok(r) => r.kept_at,
            Err(_) => 0,
        });
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
        let contents = match super::read_bytes(path, MAX_RECOVERY_BYTES) {
            // Restored or discarded by another window since the listing.
            Err(super::FileError::Read { source, .. })
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

/// A date and time in UTC, `2026-11-28 14:05 UTC`, from seconds since 1970.
pub fn utc_text(seconds: u64) -> String {
    let days = (seconds / 86_400) as i64;
    let rest = seconds % 86_400;
    // Howard Hinnant's civil-from-days: days since 1970 to a calendar date.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02} UTC",
        rest / 3600,
        rest % 3600 / 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "cw-recovery-{name}-{}-{}",
            std::process::id(),
            seconds_now()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn dates_are_calendar_dates() {
        assert_eq!(utc_text(0), "1970-01-01 00:00 UTC");
        // 2000-02-29 is a leap day; 2026-11-28 14:05 is today's kind of date.
        assert_eq!(utc_text(951_782_400), "2000-02-29 00:00 UTC");
        assert_eq!(utc_text(1_795_874_700), "2026-11-28 14:05 UTC");
    }

    #[test]
    fn a_live_session_is_not_an_orphan_and_a_gone_one_is() {
        let dir = temp_dir("live");
        let alive = Session::start(&dir).unwrap();
        std::fs::write(
            alive.file(),
            Recovery::now(Location::Untitled, "{}".into()).to_text(),
        )
        .unwrap();
        let other = Session::start(&dir).unwrap();
        assert!(other.orphans().is_empty(), "its owner still runs");
        let file = alive.file();
        drop(alive);
        let found = other.orphans();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].file, file);
        assert_eq!(found[0].contents.as_ref().unwrap().from, Location::Untitled);
        // A lock of a window gone with nothing unsaved is tidied away.
        let stale = Session::start(&dir).unwrap();
        let stale_lock = stale.lock_file();
        drop(stale);
        // A third window started now does not offer it too.
        let third = Session::start(&dir).unwrap();
        assert!(third.orphans().is_empty());
        assert!(!stale_lock.exists());
        drop(found);
        assert_eq!(third.orphans().len(), 1);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn recovery_files_keep_their_form() {
        // As recovery files have always been written: snake_case names.
        let old = |from: &str| {
            format!(
                "{{\"format\":\"cluster-workbench-recovery\",\"version\":1,\"kept_at\":7,\"from\":{from},\"preset\":\"{{}}\"}}"
            )
        };
        for (from, location) in [
            (r#""untitled""#, Location::Untitled),
            (
                r#"{"built_in":"teaching-case.json"}"#,
                Location::BuiltIn("teaching-case.json".into()),
            ),
            (
                r#"{"file":"/p/a.json"}"#,
                Location::File("/p/a.json".into()),
            ),
        ] {
            let text = old(from);
            let r = Recovery::from_bytes(text.as_bytes()).unwrap();
            assert_eq!(
                (r.kept_at, &r.from, r.preset.as_str()),
                (7, &location, "{}")
            );
            // Written again, the same bytes.
            assert_eq!(r.to_text(), text);
        }
    }

    #[test]
    fn a_damaged_recovery_file_is_found_with_its_reason() {
        let dir = temp_dir("damaged");
        let me = Session::start(&dir).unwrap();
        std::fs::write(dir.join("1-2.json"), b"{\"format\": \"cluster-wor").unwrap();
        std::fs::write(dir.join("1-3.json"), b"{\"format\": \"other\", \"version\": 1, \"kept_at\": 0, \"from\": \"untitled\", \"preset\": \"\"}").unwrap();
        let found = me.orphans();
        assert_eq!(found.len(), 2);
        for o in &found {
            let why = o.contents.as_ref().unwrap_err();
            assert!(!why.is_empty());
        }
        assert!(found.iter().any(|o| {
            o.contents
                .as_ref()
                .unwrap_err()
                .contains("not a recovery file")
        }));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
