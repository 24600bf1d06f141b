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
//!
//! In the browser the same files live in the page's local storage, with
//! the browser's locks for the lock files (`platform::web::recovery`).

use crate::location::Location;
use crate::preset::MAX_PRESET_BYTES;
use serde::{Deserialize, Serialize};

#[cfg(not(target_arch = "wasm32"))]
mod on_disk;
/// In the browser, local storage, with the browser's locks (or a
/// heartbeat where a page may not use them) for the lock files.
#[cfg(target_arch = "wasm32")]
pub use crate::platform::web::recovery::{Orphan, Session, start};
#[cfg(not(target_arch = "wasm32"))]
pub use on_disk::{Orphan, Session, start};

/// Puts work left by windows that have gone in the order it was kept,
/// oldest first (unreadable work first of all), on either platform.
pub(crate) fn oldest_first<T>(found: &mut [T], contents: impl Fn(&T) -> &Result<Recovery, String>) {
    found.sort_by_key(|o| contents(o).as_ref().map_or(0, |r| r.kept_at));
}

/// This window's session, and the work left by windows that have gone; or
/// why there is none.
pub type Ready = Result<(Session, Vec<Orphan>), crate::files::FileError>;

/// The `format` field of a recovery file.
const RECOVERY_FORMAT: &str = "cluster-workbench-recovery";
const RECOVERY_VERSION: u32 = 1;
/// A recovery file holds one preset (at most 1 MiB) and a few fields more.
pub(crate) const MAX_RECOVERY_BYTES: u64 = MAX_PRESET_BYTES * 2 + 4096;

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
    crate::platform::since_1970().as_secs()
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use std::path::PathBuf;

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
