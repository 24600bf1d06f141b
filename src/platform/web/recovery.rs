//! Unsaved work in the browser: each page open keeps its work in local
//! storage under its own name, beside a heartbeat that stands for the
//! desktop's lock file. The page rewrites its heartbeat every second and
//! removes it when the page goes (closed, reloaded, navigated away), so
//! work whose heartbeat is missing or stale belongs to a page that has
//! gone: the next page opened offers it back, and takes over its
//! heartbeat so that no other page offers it too.
//!
//! Two tabs open at once each keep their own work and never see the
//! other's while both are open. A tab the browser stopped without warning
//! (a crash) stops beating: its work is offered by a page opened once its
//! heartbeat is [`STALE_MILLIS`] old. Browsers slow the timers of hidden
//! tabs to as little as one a minute, so the wait is longer than that.

use crate::files::recovery::{MAX_RECOVERY_BYTES, Recovery};
use std::cell::{Cell, RefCell};
use std::path::{Path, PathBuf};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

/// The folder recovery files are kept in (a prefix of storage keys).
pub const FOLDER: &str = "recovery";
/// What every key of the workbench's in local storage starts with.
const PREFIX: &str = "cluster-workbench/";
/// A heartbeat older than this belongs to a page that has gone.
pub const STALE_MILLIS: f64 = 150_000.0;

thread_local! {
    /// The sessions whose heartbeat this page keeps: its own, and those of
    /// work it has taken over.
    static HELD: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    static BEATING: Cell<bool> = const { Cell::new(false) };
}

/// The browser's local storage, if the page may use it.
pub(crate) fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Whether a path names a recovery file (kept in local storage).
pub(crate) fn is_kept(path: &Path) -> bool {
    path.starts_with(FOLDER)
}

/// The local-storage key of a recovery path.
pub(crate) fn storage_key(path: &Path) -> String {
    format!("{PREFIX}{}", path.to_string_lossy())
}

fn heartbeat_key(id: &str) -> String {
    storage_key(&Path::new(FOLDER).join(format!("{id}.lock")))
}

/// Rewrites the heartbeat of every session this page holds.
fn beat() {
    let Some(store) = local() else { return };
    let now = js_sys::Date::now().to_string();
    HELD.with_borrow(|held| {
        for id in held {
            let _ = store.set_item(&heartbeat_key(id), &now);
        }
    });
}

/// Removes this page's heartbeats: it is going.
fn stop_beating() {
    let Some(store) = local() else { return };
    HELD.with_borrow(|held| {
        for id in held {
            let _ = store.remove_item(&heartbeat_key(id));
        }
    });
}

/// Starts the heartbeat timer and the listeners of the page's going and
/// coming back (a page kept in the back-forward cache comes back).
fn start_beating() {
    if BEATING.replace(true) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let tick = Closure::<dyn FnMut()>::new(beat).into_js_value();
    let _ =
        window.set_interval_with_callback_and_timeout_and_arguments_0(tick.unchecked_ref(), 1_000);
    let gone = Closure::<dyn FnMut()>::new(stop_beating).into_js_value();
    let _ = window.add_event_listener_with_callback("pagehide", gone.unchecked_ref());
    let back = Closure::<dyn FnMut()>::new(beat).into_js_value();
    let _ = window.add_event_listener_with_callback("pageshow", back.unchecked_ref());
}

fn hold(id: &str) {
    HELD.with_borrow_mut(|held| {
        if !held.iter().any(|h| h == id) {
            held.push(id.to_owned());
        }
    });
    beat();
}

fn release(id: &str) {
    HELD.with_borrow_mut(|held| held.retain(|h| h != id));
    if let Some(store) = local() {
        let _ = store.remove_item(&heartbeat_key(id));
    }
}

/// Whether the session `id` has a heartbeat that is fresh.
fn is_alive(store: &web_sys::Storage, id: &str) -> bool {
    let beat = store
        .get_item(&heartbeat_key(id))
        .ok()
        .flatten()
        .and_then(|t| t.parse::<f64>().ok());
    beat.is_some_and(|t| js_sys::Date::now() - t < STALE_MILLIS)
}

/// This page's place among the recovery files, with its heartbeat kept.
#[derive(Debug)]
pub struct Session {
    dir: PathBuf,
    id: String,
}

impl Session {
    /// Starts this page's session; fails where the page may not keep data.
    pub fn start(dir: &Path) -> std::io::Result<Session> {
        if local().is_none() {
            return Err(std::io::Error::other(
                "this browser keeps no data for this page (private browsing may forbid it)",
            ));
        }
        let id = super::instance_id();
        hold(&id);
        start_beating();
        Ok(Session {
            dir: dir.to_path_buf(),
            id,
        })
    }

    /// Where the work is kept, in words for a message.
    pub fn place(&self) -> String {
        crate::text::texts().browser_storage.to_owned()
    }

    /// This page's recovery file.
    pub fn file(&self) -> PathBuf {
        self.dir.join(format!("{}.json", self.id))
    }

    /// This page's heartbeat, to remove when it ends cleanly.
    pub fn lock_file(&self) -> PathBuf {
        self.dir.join(format!("{}.lock", self.id))
    }

    /// The work of pages that have gone, oldest first, each now held by
    /// this page.
    pub fn orphans(&self) -> Vec<Orphan> {
        let Some(store) = local() else {
            return Vec::new();
        };
        let prefix = storage_key(&self.dir.join(""));
        let keys: Vec<String> = (0..store.length().unwrap_or(0))
            .filter_map(|i| store.key(i).ok().flatten())
            .filter(|k| k.starts_with(&prefix) && k.ends_with(".json"))
            .collect();
        let mut found: Vec<Orphan> = keys
            .iter()
            .filter_map(|k| {
                let id = k.strip_prefix(&prefix)?.strip_suffix(".json")?;
                (id != self.id && !is_alive(&store, id))
                    .then(|| Orphan::claim(&store, &self.dir, id))
            })
            .flatten()
            .collect();
        found.sort_by_key(|o| match &o.contents {
            Ok(r) => r.kept_at,
            Err(_) => 0,
        });
        found
    }
}

/// Work left by a page that has gone, its heartbeat held by this page.
#[derive(Debug)]
pub struct Orphan {
    pub file: PathBuf,
    /// What it holds, or why it cannot be read.
    pub contents: Result<Recovery, String>,
    id: String,
}

impl Orphan {
    fn claim(store: &web_sys::Storage, dir: &Path, id: &str) -> Option<Orphan> {
        let file = dir.join(format!("{id}.json"));
        let text = store.get_item(&storage_key(&file)).ok().flatten()?;
        hold(id);
        let contents = if text.len() as u64 > MAX_RECOVERY_BYTES {
            Err("it is larger than any work this workbench keeps".into())
        } else {
            Recovery::from_bytes(text.as_bytes())
        };
        Some(Orphan {
            file,
            contents,
            id: id.to_owned(),
        })
    }

    /// What to remove once its work is restored or discarded.
    pub fn files(&self) -> Vec<PathBuf> {
        vec![self.file.clone(), self.file.with_extension("lock")]
    }

    /// Where unreadable work is moved, so it is not offered again.
    pub fn set_aside_as(&self) -> PathBuf {
        self.file.with_extension("unreadable")
    }
}

impl Drop for Orphan {
    fn drop(&mut self) {
        release(&self.id);
    }
}
