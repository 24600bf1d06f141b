//! What differs between the desktop and the browser, behind one seam: how a
//! job runs (a thread, or at once where there are none), the time, where
//! files are written (the disk, or downloads and the browser's storage),
//! where unsaved work is kept for recovery, and whether written files can be
//! shown in a folder. The document, the views and the file jobs ask here
//! and do not know where they run.
//!
//! The desktop's side is [`native`]; the browser's (wasm32) is `web`, with
//! the page's entry point in `crate::web`.

use crate::files::Storage;
use std::sync::{Arc, Mutex};

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(not(target_arch = "wasm32"))]
use native as here;
#[cfg(target_arch = "wasm32")]
pub mod web;
#[cfg(target_arch = "wasm32")]
use web as here;

/// The file dialogs: the desktop's (rfd, on a thread), or the browser's
/// file picker and downloads. Each takes what to call with the
/// [`FileEvent`](crate::app::files::FileEvent) that answers it.
#[cfg(feature = "gui")]
pub use here::dialogs;

/// A steady clock and the calendar clock; the standard library's natively,
/// the browser's where the standard library's would panic.
pub use web_time::{Instant, SystemTime, UNIX_EPOCH};

/// Whether jobs may run on threads of their own. Without (the browser),
/// [`spawn`] runs a job at once, and the analyses run in slices across
/// frames.
pub const HAS_THREADS: bool = here::HAS_THREADS;

/// Whether a written file lands in a folder the workbench can open and
/// show. In the browser files are downloads: the browser shows them.
pub const HAS_FOLDERS: bool = here::HAS_FOLDERS;

/// Whether the workbench can close its own window. A page is closed by its
/// tab: the browser has no Quit.
pub const CAN_QUIT: bool = here::CAN_QUIT;

/// How soon unsaved work is kept for recovery: seconds after the last
/// change, and at most after the first change not yet kept. The desktop
/// writes a file and flushes it to the disk, so it waits for a slider to
/// rest; the browser's storage takes a write in a moment, and a tab can be
/// closed without a word, so the browser keeps sooner.
pub const KEEP_AFTER_SECONDS: (f64, f64) = here::KEEP_AFTER_SECONDS;

/// Whether the workbench may put text on the system's clipboard. A page may
/// only where the browser deems it secure: https, localhost or a file.
pub fn clipboard_works() -> bool {
    here::clipboard_works()
}

/// The language the system or the browser says its user reads, where it is
/// one the workbench speaks: a first start follows it.
pub fn system_language() -> Option<crate::language::Language> {
    here::system_locales()
        .iter()
        .find_map(|code| crate::language::Language::from_code(code))
}

/// Runs `job` off the frame where the platform has threads (on a thread
/// named after `what`), or at once where it has none. An error says why no
/// thread could be started; the job has then not run. The job writes its
/// texts in the language of the code that started it.
pub fn spawn(what: &str, job: impl FnOnce() + Send + 'static) -> std::io::Result<()> {
    let locale = crate::text::locale();
    here::spawn(what, move || {
        crate::text::set_locale(locale);
        job();
    })
}

/// Runs `job` where [`spawn`] runs jobs and hands its answer to `done`;
/// when no thread can be started, hands over what `failed` makes instead,
/// at once. Either way `done` is called exactly once.
pub fn run<T: Send + 'static, D: FnOnce(T) + Send + 'static>(
    what: &str,
    done: D,
    job: impl FnOnce() -> T + Send + 'static,
    failed: impl FnOnce() -> T,
) {
    // Shared, so that the answer reaches `done` once, from the job or
    // from here.
    let slot = Arc::new(Mutex::new(Some(done)));
    let theirs = Arc::clone(&slot);
    let take = |slot: &Mutex<Option<D>>| slot.lock().ok().and_then(|mut d| d.take());
    let started = spawn(what, move || {
        let answer = job();
        if let Some(done) = take(&theirs) {
            done(answer);
        }
    });
    if started.is_err()
        && let Some(done) = take(&slot)
    {
        done(failed());
    }
}

/// Where files are written: the disk, or in the browser downloads (and the
/// browser's storage for unsaved work).
pub fn storage() -> Arc<dyn Storage> {
    here::storage()
}

/// A name for this run of the workbench, different for every window or
/// page open at once (temporary files and recovery sessions carry it).
pub fn instance_id() -> String {
    here::instance_id()
}

/// The time since 1970 (zero if the clock is before it).
pub fn since_1970() -> std::time::Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
}
