//! The desktop's side of the platform seam: threads, the disk, the
//! process's id.

#[cfg(feature = "gui")]
pub mod dialogs;

use crate::files::{Disk, Storage};
use std::sync::Arc;

pub const HAS_THREADS: bool = true;
pub const HAS_FOLDERS: bool = true;
pub const CAN_QUIT: bool = true;
pub const KEEP_AFTER_SECONDS: (f64, f64) = (1.0, 3.0);

pub fn clipboard_works() -> bool {
    true
}

/// The locale variables in the order POSIX gives them weight; `LANGUAGE`
/// is a priority list (`fr:en`). Windows and macOS set none of them, and
/// start in English.
pub fn system_locales() -> Vec<String> {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let mut out = Vec::new();
    if let Some(list) = var("LANGUAGE") {
        out.extend(list.split(':').map(str::to_owned));
    }
    out.extend(
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(var),
    );
    out
}

pub fn spawn(what: &str, job: impl FnOnce() + Send + 'static) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name(format!("cluster-workbench {what}"))
        .spawn(job)
        .map(|_| ())
}

pub fn storage() -> Arc<dyn Storage> {
    Arc::new(Disk)
}

pub fn instance_id() -> String {
    std::process::id().to_string()
}
